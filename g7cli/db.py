"""Opening the database: read-only with the stdlib, or for writing with migrations.

Queries go through `open_read` (stdlib sqlite3, `mode=ro`: a query never
creates or changes a file and never pays for importing sqlite-utils).
Ingest goes through `open_write`, which applies `migrations/NNNN_*.sql` in
order with sqlite-utils' `Migrations`; each step and the record that it ran
commit together, so a failed upgrade leaves the previous schema in place.

The schema version is the number of applied migrations. A database that has
applied a migration this g7 does not ship was written by a newer g7 and is
refused before anything touches it (not even the journal-mode switch).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from g7cli.errors import G7Error
from g7cli.resources import migrations_dir

MIGRATION_SET = "g7"
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite-utils' Migrations keeps
# A query waits this long for an ingest's write lock instead of failing.
BUSY_TIMEOUT_S = 30.0


def migration_files() -> list[Path]:
    return sorted(migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))


def known_migrations() -> list[str]:
    return [p.stem for p in migration_files()]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the g7 migrations this database has applied, in order."""
    try:
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY id",
            (MIGRATION_SET,),
        ).fetchall()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return []
        raise
    return [r[0] for r in rows]


def check_schema(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Refuse a database g7 must not touch; return the migrations still pending."""
    try:
        applied = applied_migrations(conn)
        if not applied:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        else:
            tables = 0
    except sqlite3.DatabaseError as e:
        raise G7Error(f"{path} is not a usable SQLite database ({e})") from e
    if not applied and tables:
        raise G7Error(f"{path} is not a g7 database (it has tables but no g7 migrations); "
                      "choose another path with --db")
    known = known_migrations()
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise G7Error(
            f"{path} was written by a newer g7 (schema version {len(applied)}, "
            f"unknown migration {', '.join(unknown)}); upgrade g7 to use it. "
            "The database was not changed."
        )
    return [name for name in known if name not in applied]


def _ro_uri(path: Path) -> str:
    # as_uri() percent-encodes spaces, '?' and '#', which a raw "file:" URI would misread.
    return path.absolute().as_uri() + "?mode=ro"


def open_read(path: Path) -> sqlite3.Connection:
    """A read-only stdlib connection to an existing, current database."""
    if not path.is_file():
        raise G7Error(f"no database at {path}; run `g7 ingest` first")
    conn = _connect_ro(path)
    try:
        pending = check_schema(conn, path)
        blank = not applied_migrations(conn)
    except BaseException:
        conn.close()
        raise
    if blank:
        # An empty file (or one an ingest has only just created): a query
        # does not build the schema, it says what to do.
        conn.close()
        raise G7Error(f"no g7 database at {path} (the file is empty); run `g7 ingest` first")
    if pending:
        # An older database: upgrade it in place once, then read as usual.
        conn.close()
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            raise G7Error(f"{path} was written by an older g7 and needs upgrading once, but it is read-only; "
                          "make it writable, or query a copy (`g7 backup COPY`, then `--db COPY`)")
        open_write(path).close()
        conn = _connect_ro(path)
    conn.row_factory = sqlite3.Row
    return conn


def _connect_ro(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
        if _unshareable_wal(conn, path):
            # A WAL database in a folder this user cannot write, and no -shm
            # file to share: SQLite cannot set up its WAL index, so read the
            # file as it is. Safe: with no -wal file, every commit is in it.
            conn.close()
            conn = sqlite3.connect(_ro_uri(path) + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)
        return conn
    except sqlite3.Error as e:
        raise G7Error(f"cannot open {path}: {e}") from e


def _unshareable_wal(conn: sqlite3.Connection, path: Path) -> bool:
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return False
    except sqlite3.OperationalError as e:
        if "readonly" not in str(e) and "unable to open" not in str(e):
            return False   # reported by the caller's first real query
    wal = path.with_name(path.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def schema_version(conn: sqlite3.Connection) -> int:
    return len(applied_migrations(conn))


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements, honouring quotes and triggers."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buf.splitlines()):
        raise ValueError(f"unterminated SQL statement: {buf.strip()[:60]!r}")
    return out


def _migrations():
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for path in migration_files():
        statements = _statements(path.read_text(encoding="utf-8"))

        def step(db, statements=statements):
            # One statement at a time inside the step's transaction:
            # executescript() would COMMIT first and break atomicity.
            for statement in statements:
                db.conn.execute(statement)

        migrations(name=path.stem)(step)
    return migrations


def open_write(path: Path):
    """A sqlite-utils Database, migrated to the latest schema, ready for writes."""
    from sqlite_utils import Database

    if path.exists():
        # Check with a read-only connection first, so a refused database is
        # left exactly as it was.
        conn = _connect_ro(path)
        try:
            check_schema(conn, path)
        finally:
            conn.close()
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise G7Error(f"cannot create {path.parent}: {e.strerror or e}") from e
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        # WAL lets queries read while an ingest writes; foreign keys make
        # ON DELETE CASCADE remove a document's facts with it.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        # One commit per document: in WAL mode NORMAL syncs at checkpoints,
        # not at every commit (~2 ms each here). A crash or kill still
        # leaves every document whole or absent; only a power cut could
        # lose the last few commits, which a re-run of the ingest restores.
        conn.execute("PRAGMA synchronous=NORMAL")
        db = Database(conn, execute_plugins=False)
        migrations = _migrations()
        if migrations.pending(db):
            # The write lock first, so two processes opening a blank
            # database cannot both run 0001; each step then runs in its own
            # savepoint with its record, and all of them commit together.
            conn.execute("BEGIN IMMEDIATE")
            try:
                check_schema(conn, path)
                migrations.apply(db)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        # Reference rows (country aliases, topic words) from the bundled
        # gazetteer, when it changed since they were last written.
        from g7cli.reference import sync

        sync(conn)
    except sqlite3.Error as e:
        raise G7Error(f"cannot write the database at {path}: {e}") from e
    return db
