"""`g7 backup PATH`: a consistent copy of the database, taken while it is in use.

SQLite's `VACUUM INTO` writes a snapshot of one read transaction, so an
ingest running at the same time is either wholly in the copy or not at all
(copying the file with cp could catch a WAL database half-written). The copy
is compacted, self-contained (no -wal file) and written under a temporary
name first, checked with `PRAGMA integrity_check`, then renamed into place:
PATH never holds half a backup. The database itself is only read (an older
one is copied as it is, not upgraded).
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from g7cli.errors import G7Error


@dataclass
class BackupResult:
    path: Path
    bytes: int
    schema_version: int
    documents: int

    def line(self) -> str:
        return (f"backup: {self.path} ({self.bytes} bytes, schema version {self.schema_version}, "
                f"{self.documents} documents)")


def backup(db_path: Path, dest: Path, *, overwrite: bool = False) -> BackupResult:
    from g7cli import db

    if not db_path.is_file():
        raise G7Error(f"no database at {db_path}; run `g7 ingest` first")
    if dest.is_dir():
        dest = dest / f"g7-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db"
    if dest.exists() and not overwrite:
        raise G7Error(f"{dest} already exists; choose another path (or --force to replace it)")
    if dest.resolve() == db_path.resolve():
        raise G7Error(f"{dest} is the database itself; choose another path")
    if not dest.parent.is_dir():
        raise G7Error(f"cannot write {dest}: no folder {dest.parent}")
    conn = db._connect_ro(db_path)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        db.check_schema(conn, db_path)   # a newer or foreign database is refused
        if not db.applied_migrations(conn):
            raise G7Error(f"no g7 database at {db_path} (the file is empty); run `g7 ingest` first")
        tmp.unlink(missing_ok=True)
        try:
            conn.execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.Error as e:
            raise G7Error(f"cannot write the backup {dest}: {e}") from e
    finally:
        conn.close()
    try:
        check = sqlite3.connect(tmp)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            version = db.schema_version(check)
            documents = check.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            check.close()
        if not ok:
            raise G7Error(f"the backup failed its integrity check; {dest} was not written")
        os.replace(tmp, dest)
    except OSError as e:
        raise G7Error(f"cannot write the backup {dest}: {e.strerror or e}") from e
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, version, documents)
