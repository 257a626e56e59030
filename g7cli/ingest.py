"""`g7 ingest`: files and folders -> read -> decode -> extract -> store.

Each document is stored in its own transaction (g7cli.store.save), so a
failure on one file leaves the others, and the database, intact. A file that
cannot be read, decoded, extracted or stored gets one line on stderr naming
it and the reason; the rest go on.
"""
from __future__ import annotations

import hashlib
import sqlite3
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from g7cli.errors import G7Error

DOCUMENT_SUFFIXES = (".txt",)


@dataclass
class Summary:
    added: int = 0          # stored, reporting a G7 meeting (replacements included)
    replaced: int = 0       # of those, a changed file at a path already stored
    no_meeting: int = 0     # stored, reporting no G7 meeting
    unchanged: int = 0
    failed: int = 0
    meetings: int = 0
    delegates: int = 0
    bilaterals: int = 0

    def lines(self) -> list[str]:
        replaced = f" ({self.replaced} replaced)" if self.replaced else ""
        return [
            f"documents: {self.added} added{replaced}, {self.unchanged} unchanged, "
            f"{self.no_meeting} without a G7 meeting, {self.failed} failed",
            f"added: {self.meetings} meetings, {self.delegates} delegates, {self.bilaterals} bilateral talks",
        ]


def find_documents(paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """Each document path, or a path with the reason it yields none."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file())
            if not found:
                yield path, f"no {'/'.join('*' + s for s in DOCUMENT_SUFFIXES)} documents in this folder"
            for p in found:
                yield p, None
        elif path.exists():
            # A file named explicitly is read whatever its suffix.
            yield path, None
        else:
            yield path, "no such file or directory"


def ingest(db_path: Path, paths: list[Path], *, warn: Callable[[str], None] | None = None,
           debug: bool = False) -> Summary:
    from g7cli import db, store
    from g7cli.decode import DecodeError, decode
    from g7cli.extract import extract

    warn = warn or (lambda line: print(line, file=sys.stderr))
    summary = Summary()
    database = db.open_write(db_path)
    conn = database.conn
    try:
        for path, problem in find_documents(paths):
            def fail(reason: str) -> None:
                summary.failed += 1
                warn(f"{path}: {reason}")

            if problem:
                fail(problem)
                continue
            try:
                data = path.read_bytes()
            except OSError as e:
                fail(f"cannot read: {e.strerror or e}")
                continue
            try:
                decoded = decode(data)
            except DecodeError as e:
                fail(str(e))
                continue
            sha = hash_text(decoded.text)
            # The hash is checked before extracting, so an unchanged folder re-ingests fast.
            if store.stored_with_hash(conn, sha) is not None:
                summary.unchanged += 1
                continue
            try:
                extraction = extract(decoded.text)
            except Exception as e:  # one bad document must not stop the rest
                if debug:
                    traceback.print_exc()
                fail(f"extraction failed: {type(e).__name__}: {e}")
                continue
            try:
                result = store.save(conn, path=str(path.resolve()), sha256=sha, extraction=extraction,
                                    size=len(data), encoding=decoded.encoding)
            except sqlite3.OperationalError as e:
                if "readonly" in str(e) or "read-only" in str(e):
                    raise G7Error(f"cannot write the database at {db_path}: {e}") from e
                if debug:
                    traceback.print_exc()
                fail(f"could not store: {e}")
                continue
            except sqlite3.Error as e:
                if debug:
                    traceback.print_exc()
                fail(f"could not store: {e}")
                continue
            if result.status == "unchanged":
                summary.unchanged += 1
                continue
            if result.has_meeting:
                summary.added += 1
            else:
                summary.no_meeting += 1
            summary.replaced += result.status == "replaced"
            summary.meetings += result.meetings_added
            summary.delegates += result.delegates_added
            summary.bilaterals += result.bilaterals_added
    finally:
        database.close()
    return summary


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
