"""--evidence: each fact's source sentence and the document it is in.

`add(conn, kind, rows)` gives every row two aligned lists, one entry per
document that reports the fact (English documents first, then by file
name): `evidence` (the sentence or line the fact was extracted from) and
`evidence_document` (that document's file name). A fact merged from three
releases has three entries, so each can be checked against its source.

Rows are those of g7cli.queries (or g7cli.show): delegates and bilaterals
carry their merged row id; themes, outcomes and participants are matched
by meeting and title (or code), the way queries groups them.
"""
from __future__ import annotations

import json
import sqlite3

from g7cli.textkeys import fold

COLUMNS = ["evidence", "evidence_document"]
# What a terminal table shows with --evidence: the fact in brief, then its sources.
TABLE_COLUMNS = {
    "delegates": ["meeting_id", "name", "evidence"],
    "bilaterals": ["meeting_id", "delegate", "counterpart", "evidence"],
    "themes": ["meeting_id", "title", "evidence"],
}
_SOURCE_ORDER = "(doc.language IS NOT 'en'), doc.file_name, doc.id"


def add(conn: sqlite3.Connection, kind: str, rows: list[dict]) -> list[dict]:
    """Add `evidence` and `evidence_document` to each row (in place); return rows."""
    if kind in ("delegates", "bilaterals"):
        table, key = ("delegate_sources", "delegate_id") if kind == "delegates" else ("bilateral_sources", "bilateral_id")
        found = _collect(conn,
                         f"SELECT s.{key}, s.evidence_text, doc.file_name FROM {table} s "
                         "JOIN documents doc ON doc.id = s.document_id "
                         f"WHERE s.{key} IN (SELECT value FROM json_each(?)) ORDER BY {_SOURCE_ORDER}, s.position",
                         [r["id"] for r in rows], lambda r: r[0])
        keys = [r["id"] for r in rows]
    elif kind in ("themes", "outcomes"):
        kind_col = "t.kind" if kind == "outcomes" else "NULL"
        found = _collect(conn,
                         f"SELECT t.meeting_id, t.title, {kind_col}, t.evidence_text, doc.file_name FROM {kind} t "
                         "JOIN documents doc ON doc.id = t.document_id "
                         f"WHERE t.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY {_SOURCE_ORDER}, t.position",
                         _meetings(rows), lambda r: (r[0], fold(r[1]), r[2]), text_at=3)
        keys = [(r["meeting_id"], fold(r["title"]), r.get("kind") if kind == "outcomes" else None) for r in rows]
    elif kind == "participants":
        found = _collect(conn,
                         "SELECT p.meeting_id, p.code, p.evidence_text, doc.file_name FROM participants p "
                         "JOIN documents doc ON doc.id = p.document_id "
                         f"WHERE p.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY {_SOURCE_ORDER}, p.position",
                         _meetings(rows), lambda r: (r[0], r[1]), text_at=2)
        keys = [(r["meeting_id"], r["code"]) for r in rows]
    elif kind == "meetings":
        found = _collect(conn,
                         "SELECT md.meeting_id, md.evidence_text, doc.file_name FROM meeting_documents md "
                         "JOIN documents doc ON doc.id = md.document_id "
                         f"WHERE md.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY {_SOURCE_ORDER}",
                         [r["id"] for r in rows], lambda r: r[0])
        keys = [r["id"] for r in rows]
    else:
        raise ValueError(f"no evidence for {kind!r}")
    for row, key in zip(rows, keys):
        entries = found.get(key, {})
        row["evidence"] = list(entries.values())
        row["evidence_document"] = list(entries)
    return rows


def _meetings(rows: list[dict]) -> list[int]:
    return list(dict.fromkeys(r["meeting_id"] for r in rows))


def _collect(conn, sql: str, ids: list, key, text_at: int = 1) -> dict:
    """key -> {file name: first evidence sentence in that document}."""
    out: dict = {}
    if not ids:
        return out
    for r in conn.execute(sql, (json.dumps(ids),)):
        per_doc = out.setdefault(key(r), {})
        text, doc = r[text_at], r[text_at + 1]
        if doc not in per_doc or (per_doc[doc] is None and text is not None):
            per_doc[doc] = text
    return out
