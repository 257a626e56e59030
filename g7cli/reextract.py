"""`g7 reextract`: rebuild every fact from the stored texts.

After an upgrade of g7's extraction rules, the facts in the database are
those the old rules found. Each document's text is stored, so the facts can
be rebuilt without the original files: for each document, in one
transaction, its facts are removed and the new extraction is stored in their
place (g7cli.store.remove_document + g7cli.store.save, so merged meetings,
delegates and talks are recomputed exactly as an ingest would).

A document whose facts come out the same is rolled back untouched (its ids
stay as they were); for the others the report says what changed, per kind
of fact. A kill or Ctrl-C leaves each document either as it was or fully
re-extracted, and running the command again finishes the job.
"""
from __future__ import annotations

import sqlite3
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from g7cli.errors import G7Error

# Per-document fact tables (those with a document_id column) and what the
# report calls them; a table a later migration adds is compared too, under
# its own name.
FACT_NAMES = {
    "documents": "document", "meeting_documents": "meeting", "meeting_cities": "cities",
    "delegate_sources": "delegates", "participants": "participants", "themes": "themes",
    "theme_topics": "topics", "bilateral_sources": "bilaterals", "outcomes": "outcomes",
}
# Columns that are row identities, not facts: they may differ after a rebuild.
_ID_COLUMNS = {"id", "document_id", "meeting_id", "delegate_id", "bilateral_id", "theme_id", "ingested_at"}
TOTALS = ("meetings", "delegates", "bilaterals", "participants", "themes", "outcomes")


@dataclass
class Summary:
    documents: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    interrupted: bool = False
    dry_run: bool = False
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        verb = "would change" if self.dry_run else "changed"
        out = [f"documents: {self.documents} re-extracted, {self.changed} {verb}, {self.unchanged} unchanged, "
               f"{self.failed} failed"]
        moved = [f"{k} {self.before.get(k, 0)} -> {self.after.get(k, 0)}" for k in TOTALS
                 if self.before.get(k) != self.after.get(k)]
        out.append(("totals: " + ", ".join(moved)) if moved else "totals: unchanged")
        return out


def reextract(db_path: Path, *, dry_run: bool = False, debug: bool = False,
              report: Callable[[str], None] | None = None, warn: Callable[[str], None] | None = None,
              progress: bool | None = None) -> Summary:
    from g7cli import db, store
    from g7cli.extract import extract
    from g7cli.ingest import (PROGRESS_MIN_FILES, _is_terminal, _Reporter, _restore_sigterm,
                              _sigterm_raises_interrupt, check_writable, refuse_read_only)

    if not db_path.is_file():
        raise G7Error(f"no database at {db_path}; run `g7 ingest` first")
    report = report or (lambda line: print(line, flush=True))
    refuse_read_only(db_path)
    database = db.open_write(db_path)
    conn = database.conn
    summary = Summary(dry_run=dry_run)
    try:
        check_writable(conn, db_path)
        ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
        if progress is None:
            progress = _is_terminal(sys.stderr) and len(ids) >= PROGRESS_MIN_FILES
        reporter = _Reporter(warn, bool(progress) and warn is None, len(ids))
        summary.before = totals(conn)
        previous = _sigterm_raises_interrupt()
        try:
            for doc_id in ids:
                row = conn.execute("SELECT path, file_name, sha256, bytes, encoding, text, ingested_at "
                                   "FROM documents WHERE id = ?", (doc_id,)).fetchone()
                if row is None:
                    continue   # replaced or removed by an ingest meanwhile
                path, name, sha, size, encoding, text, ingested_at = row
                reporter.current(name)
                summary.documents += 1
                try:
                    extraction = extract(text)
                    changes = _replace(conn, store, doc_id, sha, dict(
                        path=path, sha256=sha, extraction=extraction, size=size, encoding=encoding),
                        ingested_at, dry_run)
                except (Exception, sqlite3.Error) as e:  # noqa: BLE001 - one bad document must not stop the rest
                    if isinstance(e, sqlite3.OperationalError) and "readonly" in str(e):
                        raise G7Error(f"cannot write the database at {db_path}: {e}") from e
                    if debug:
                        traceback.print_exc()
                    summary.failed += 1
                    reporter.line(f"{path}: re-extraction failed: {type(e).__name__}: {e}")
                    reporter.advance()
                    continue
                reporter.advance()
                if changes is None:
                    summary.documents -= 1   # gone since listed
                elif changes:
                    summary.changed += 1
                    report(f"{name}: " + "; ".join(changes))
                else:
                    summary.unchanged += 1
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            reporter.stop()
            _restore_sigterm(previous)
        summary.after = totals(conn)
    finally:
        database.close()
    return summary


def _replace(conn, store, doc_id: int, sha: str, save_args: dict, ingested_at: str,
             dry_run: bool) -> list[str] | None:
    """Re-store one document in one transaction; what changed, or None if it is gone."""
    with store.transaction(conn):
        # Checked again under the write lock: an ingest may have replaced it.
        if conn.execute("SELECT 1 FROM documents WHERE id = ? AND sha256 = ?", (doc_id, sha)).fetchone() is None:
            return None
        before = facts(conn, doc_id)
        meeting = _meeting_of(conn, doc_id)
        conn.execute("SAVEPOINT g7_reextract")
        try:
            store.remove_document(conn, doc_id)
            result = store.save(conn, **save_args)
            # The document keeps its id, and so does its meeting when this
            # document alone reported it: `--meeting 3` means the same after.
            _renumber(conn, "documents", result.document_id, doc_id)
            conn.execute("UPDATE documents SET ingested_at = ? WHERE id = ?", (ingested_at, doc_id))
            now = _meeting_of(conn, doc_id)
            if (meeting is not None and now is not None and now != meeting and result.meetings_added
                    and conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting,)).fetchone() is None):
                _renumber(conn, "meetings", now, meeting)
            after = facts(conn, doc_id)
        except BaseException:
            conn.execute("ROLLBACK TO g7_reextract")
            conn.execute("RELEASE g7_reextract")
            raise
        changes = describe(before, after)
        if dry_run or not changes:
            # Nothing to change (or only asked what would): the rows, and their ids, stay as they were.
            conn.execute("ROLLBACK TO g7_reextract")
        conn.execute("RELEASE g7_reextract")
        return changes


def _meeting_of(conn, doc_id: int) -> int | None:
    row = conn.execute("SELECT meeting_id FROM meeting_documents WHERE document_id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def _renumber(conn, table: str, old: int, new: int) -> None:
    """Give row `old` of `table` the free id `new`, with every reference to it.

    The references are found from the schema's foreign keys, so tables that
    later migrations add follow too; checked at COMMIT (deferred).
    """
    if old == new:
        return
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for (child,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in conn.execute(f'PRAGMA foreign_key_list("{child}")').fetchall():
            if fk[2] == table and (fk[4] in (None, "id")):
                conn.execute(f'UPDATE "{child}" SET "{fk[3]}" = ? WHERE "{fk[3]}" = ?', (new, old))
    conn.execute(f'UPDATE "{table}" SET id = ? WHERE id = ?', (new, old))


def fact_tables(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """(table, fact columns) for every table holding per-document facts."""
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        try:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        except sqlite3.DatabaseError:
            continue
        if "document_id" in columns and table != "documents":
            out.append((table, [c for c in columns if c not in _ID_COLUMNS]))
    return out


def facts(conn: sqlite3.Connection, doc_id: int) -> dict[str, Counter]:
    """A document's facts, table by table, as multisets of rows without row ids."""
    out: dict[str, Counter] = {}
    row = conn.execute("SELECT language, publisher, published, title FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    out["documents"] = Counter([tuple(row)] if row else [])
    for table, columns in fact_tables(conn):
        cols = ", ".join(f'"{c}"' for c in columns) or "1"
        out[table] = Counter(tuple(r) for r in conn.execute(
            f'SELECT {cols} FROM "{table}" WHERE document_id = ?', (doc_id,)))
    out["theme_topics"] = Counter(tuple(r) for r in conn.execute(
        "SELECT t.position, tt.topic, tt.position FROM theme_topics tt JOIN themes t ON t.id = tt.theme_id "
        "WHERE t.document_id = ?", (doc_id,)))
    return out


def describe(before: dict[str, Counter], after: dict[str, Counter]) -> list[str]:
    """'bilaterals 4 -> 5 (+2 -1)' for each kind of fact that differs."""
    changes = []
    for table in sorted(set(before) | set(after), key=lambda t: (list(FACT_NAMES).index(t)
                                                                 if t in FACT_NAMES else 99, t)):
        old, new = before.get(table, Counter()), after.get(table, Counter())
        if old == new:
            continue
        name = FACT_NAMES.get(table, table)
        added, removed = sum((new - old).values()), sum((old - new).values())
        changes.append(f"{name} {sum(old.values())} -> {sum(new.values())} (+{added} -{removed})")
    return changes


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TOTALS}
