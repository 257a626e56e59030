"""Writing one document's extraction into the database, in one transaction.

- The same text (by sha256) is stored once: saving it again is "unchanged".
- A changed file at a known path replaces that document: its old facts go
  (ON DELETE CASCADE), and whatever they fed (a merged delegate, talk or
  meeting) is recomputed from what remains or dropped when nothing does.
- A document joins the meeting another document already reports (see
  g7cli.merge for the rules); its delegates and talks join the merged rows
  they match, keeping every spelling and every source.

Merged rows (meetings, delegates, bilaterals) are always recomputed from
their sources, so their display values never depend on ingest history
beyond which row ids were created first.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from g7cli import merge
from g7cli.extract.model import Bilateral, Evidence, Extraction
from g7cli.reference import bilateral_keys
from g7cli.textkeys import country_key, name_keys


@dataclass
class SaveResult:
    status: str               # added | replaced | unchanged
    document_id: int
    has_meeting: bool = False
    meetings_added: int = 0
    delegates_added: int = 0
    bilaterals_added: int = 0
    same_as: str | None = None  # for unchanged: the stored document with this text


@contextmanager
def transaction(conn: sqlite3.Connection):
    if conn.in_transaction:
        # Inside a caller's transaction (g7 reextract replaces a document's
        # facts in one): a savepoint, which commits with the caller's.
        conn.execute("SAVEPOINT g7_step")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO g7_step")
            conn.execute("RELEASE g7_step")
            raise
        else:
            conn.execute("RELEASE g7_step")
        return
    # IMMEDIATE takes the write lock up front: two ingests then queue on the
    # busy timeout instead of one failing when it upgrades a read lock.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def stored_with_hash(conn: sqlite3.Connection, sha256: str) -> sqlite3.Row | None:
    """The document holding this exact text, if any (cheap: checked before extracting)."""
    return conn.execute("SELECT id, path, file_name FROM documents WHERE sha256 = ?",
                        (sha256,)).fetchone()


def save(conn: sqlite3.Connection, *, path: str, sha256: str, extraction: Extraction,
         size: int | None = None, encoding: str | None = None) -> SaveResult:
    """Store one document and its facts in one transaction."""
    with transaction(conn):
        # Checked again inside the lock: another ingest may have stored it meanwhile.
        same = stored_with_hash(conn, sha256)
        if same is not None:
            return SaveResult("unchanged", same[0], same_as=same[1])
        old = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        if old is not None:
            remove_document(conn, old[0])
        doc_id = _insert(conn, "documents", {
            "path": path,
            "file_name": Path(path).name,
            "sha256": sha256,
            "bytes": size,
            "encoding": encoding,
            "language": extraction.language,
            "publisher": extraction.publisher,
            "published": extraction.published,
            "title": extraction.title,
            "text": extraction.text,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        })
        result = SaveResult("replaced" if old is not None else "added", doc_id)
        if extraction.meeting is not None:
            result.has_meeting = True
            _save_facts(conn, doc_id, extraction, result)
        return result


def remove_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Delete a document and its facts; recompute or drop what they fed.

    Runs inside the caller's transaction.
    """
    row = conn.execute("SELECT meeting_id FROM meeting_documents WHERE document_id = ?",
                       (doc_id,)).fetchone()
    delegates = _ids(conn, "SELECT DISTINCT delegate_id FROM delegate_sources WHERE document_id = ?", doc_id)
    talks = _ids(conn, "SELECT DISTINCT bilateral_id FROM bilateral_sources WHERE document_id = ?", doc_id)
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    if row is None:
        return
    meeting_id = row[0]
    if conn.execute("SELECT 1 FROM meeting_documents WHERE meeting_id = ? LIMIT 1",
                    (meeting_id,)).fetchone() is None:
        # Its last document is gone: the meeting and its merged facts go too.
        conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
        return
    for d in delegates:
        _refresh_delegate(conn, d)
    for t in talks:
        _refresh_talk(conn, t)
    _refresh_meeting(conn, meeting_id)


# --- facts -----------------------------------------------------------------

def _save_facts(conn, doc_id: int, ex: Extraction, result: SaveResult) -> None:
    m = ex.meeting
    assert m is not None
    _register_countries(conn, ex)
    title = m.title or ""  # NOT NULL columns; an untitled meeting still merges by dates
    report = merge.MeetingReport(title, m.year, m.start_date, m.end_date, m.host_country_code)
    meeting_id = _find_meeting(conn, report)
    if meeting_id is None:
        meeting_id = _insert(conn, "meetings", {"title": title, "year": m.year})
        result.meetings_added += 1
    _insert(conn, "meeting_documents", {
        "document_id": doc_id, "meeting_id": meeting_id, "title": title, "year": m.year,
        "start_date": m.start_date, "end_date": m.end_date,
        "host_country_code": m.host_country_code, "virtual": int(bool(m.virtual)),
        **_evidence(m.evidence),
    })
    for pos, city in enumerate(m.cities):
        _insert(conn, "meeting_cities", {
            "meeting_id": meeting_id, "document_id": doc_id, "position": pos,
            "name": city.name, "name_ja": city.name_ja, "country_code": city.country_code,
        })
    _refresh_meeting(conn, meeting_id)

    delegate_ids = _save_delegates(conn, meeting_id, doc_id, ex, result)
    _save_talks(conn, meeting_id, doc_id, ex, delegate_ids, result)

    for pos, p in enumerate(ex.participants):
        _insert(conn, "participants", {
            "meeting_id": meeting_id, "document_id": doc_id, "position": pos,
            "code": p.code, "name": p.name, "kind": p.kind, "chair": int(bool(p.chair)),
            **_evidence(p.evidence),
        })
    for pos, t in enumerate(ex.themes):
        theme_id = _insert(conn, "themes", {
            "meeting_id": meeting_id, "document_id": doc_id, "position": pos,
            "title": t.title, **_evidence(t.evidence),
        })
        for tpos, topic in enumerate(dict.fromkeys(t.topics)):
            _insert(conn, "theme_topics", {"theme_id": theme_id, "position": tpos, "topic": topic})
    for pos, o in enumerate(ex.outcomes):
        _insert(conn, "outcomes", {
            "meeting_id": meeting_id, "document_id": doc_id, "position": pos,
            "title": o.title, "kind": o.kind, **_evidence(o.evidence),
        })


def _find_meeting(conn, report: merge.MeetingReport) -> int | None:
    # DISTINCT: a meeting reported by many documents is compared a few times, not once per document.
    columns = "SELECT DISTINCT meeting_id, title, year, start_date, end_date, host_country_code FROM meeting_documents"
    if report.year is not None:
        rows = conn.execute(f"{columns} WHERE year = ? AND host_country_code IS ? ORDER BY meeting_id",
                            (report.year, report.host_country_code)).fetchall()
    else:
        # A report without dates can only join by title (merge.same_meeting);
        # look at every report with this host.
        rows = conn.execute(f"{columns} WHERE host_country_code IS ? ORDER BY meeting_id",
                            (report.host_country_code,)).fetchall()
    for r in rows:
        if merge.same_meeting(merge.MeetingReport(*r[1:]), report):
            return r[0]
    return None


def _save_delegates(conn, meeting_id: int, doc_id: int, ex: Extraction,
                    result: SaveResult) -> list[int]:
    """Attach the document's delegates to merged rows; their ids, in order."""
    known = []
    for (did,) in conn.execute("SELECT id FROM delegates WHERE meeting_id = ? ORDER BY id", (meeting_id,)):
        srcs = conn.execute("SELECT DISTINCT name, role_key FROM delegate_sources WHERE delegate_id = ?",
                            (did,)).fetchall()
        known.append(merge.KnownDelegate(did, merge.unique(s[0] for s in srcs), {s[1] for s in srcs if s[1]}))
    matches = merge.match_delegates(known, ex.delegates)
    ids = []
    for pos, (d, match) in enumerate(zip(ex.delegates, matches)):
        if match is None:
            match = _insert(conn, "delegates", {"meeting_id": meeting_id, "name": d.name,
                                                "country_code": d.country_code or "JP"})
            result.delegates_added += 1
        _insert(conn, "delegate_sources", {
            "delegate_id": match, "document_id": doc_id, "position": pos, "name": d.name,
            "role": d.role, "role_key": d.role_key, "country_code": d.country_code or "JP",
            **_evidence(d.evidence),
        })
        ids.append(match)
    for did in dict.fromkeys(ids):
        _refresh_delegate(conn, did)
    return ids


def _delegate_names(conn, delegate_id: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT name FROM delegate_sources WHERE delegate_id = ?",
                                       (delegate_id,))]


def _talk_key(conn, t: Bilateral, delegate_id: int | None) -> merge.TalkKey:
    names = _delegate_names(conn, delegate_id) if delegate_id is not None else [t.delegate] if t.delegate else []
    return merge.TalkKey(delegate_id, names, t.country_code, [t.counterpart] if t.counterpart else [])


def _save_talks(conn, meeting_id: int, doc_id: int, ex: Extraction, delegate_ids: list[int],
                result: SaveResult) -> None:
    talk_delegates: list[int | None] = []
    for t in ex.bilaterals:
        i = merge.delegate_for_talk(ex.delegates, t.delegate)
        talk_delegates.append(delegate_ids[i] if i is not None else None)
    known = []
    for r in conn.execute("SELECT id, delegate_id, country_code FROM bilaterals WHERE meeting_id = ? ORDER BY id",
                          (meeting_id,)).fetchall():
        srcs = conn.execute("SELECT DISTINCT counterpart, delegate FROM bilateral_sources WHERE bilateral_id = ?",
                            (r[0],)).fetchall()
        delegate_names = _delegate_names(conn, r[1]) if r[1] is not None else merge.unique(s[1] for s in srcs)
        known.append(merge.KnownTalk(r[1], delegate_names, r[2],
                                     merge.unique(s[0] for s in srcs), id=r[0]))
    new = [_talk_key(conn, t, did) for t, did in zip(ex.bilaterals, talk_delegates)]
    matches = merge.match_talks(known, new)
    touched = []
    for pos, (t, did, match) in enumerate(zip(ex.bilaterals, talk_delegates, matches)):
        if match is None:
            match = _insert(conn, "bilaterals", {"meeting_id": meeting_id, "delegate_id": did,
                                                 "kind": t.kind or "meeting"})
            result.bilaterals_added += 1
        _insert(conn, "bilateral_sources", {
            "bilateral_id": match, "document_id": doc_id, "delegate_id": did, "position": pos,
            "delegate": t.delegate, "counterpart": t.counterpart,
            "counterpart_role": t.counterpart_role, "country_code": t.country_code,
            "country": t.country, "date": t.date, "kind": t.kind or "meeting",
            "with_delegates": json.dumps(list(t.with_delegates), ensure_ascii=False),
            **_evidence(t.evidence),
        })
        touched.append(match)
    for tid in dict.fromkeys(touched):
        _refresh_talk(conn, tid)


def _register_countries(conn, ex: Extraction) -> None:
    """Remember every code and name seen, so --country accepts either."""
    pairs = [(p.code, p.name) for p in ex.participants]
    pairs += [(t.country_code, t.country) for t in ex.bilaterals]
    if ex.meeting is not None:
        pairs.append((ex.meeting.host_country_code, None))
    for code, name in pairs:
        if code:
            register_country(conn, code, name)


def register_country(conn, code: str, name: str | None = None) -> str:
    """Store a code with its names and aliases; return its canonical name.

    The first time a code is seen, the gazetteer adds its canonical English
    name and every alias it knows (Japanese names, alpha-3), so queries can
    resolve `--country` with one indexed lookup and no gazetteer import.
    """
    row = conn.execute("SELECT name FROM countries WHERE code = ?", (code,)).fetchone()
    aliases = [code, name]
    if row is None:
        canonical, more = _gazetteer_names(code)
        canonical = canonical or name or code
        conn.execute("INSERT INTO countries(code, name) VALUES (?, ?)", (code, canonical))
        aliases += [canonical, *more]
    else:
        canonical = row[0]
    conn.executemany("INSERT OR IGNORE INTO country_aliases(alias, code) VALUES (?, ?)",
                     [(country_key(a), code) for a in dict.fromkeys(aliases) if a and country_key(a)])
    return canonical


def _gazetteer_names(code: str) -> tuple[str | None, list[str]]:
    try:
        from g7cli import gazetteer
    except ImportError:  # the gazetteer is optional here: names seen in documents still work
        return None, []
    e = gazetteer.entity(code)
    if e is None:
        return None, []
    return e.name, [a for a in (e.alpha3, *gazetteer.aliases(code)) if a]


# --- recomputing merged rows from their sources -----------------------------

# Source order as one sortable text, so SQL can give each distinct value the
# rank of its first source: English documents first, then by file name.
_RANK = ("(CASE WHEN d.language = 'en' THEN '0' ELSE '1' END) || char(1) || d.file_name || char(1) "
         "|| printf('%012d', d.id) || char(1) || printf('%06d', {position})")


def _tally(conn, column: str, sources: str, key: str, key_value: int,
           position: str = "s.position") -> list[tuple]:
    """Distinct non-null values of `column` over a merged row's sources:
    (value, how many sources give it), in the order of their first source.

    Aggregated in SQL, so a row with thousands of sources costs a handful of
    Python objects rather than thousands.
    """
    rank = _RANK.format(position=position)
    return conn.execute(
        f"SELECT {column} AS value, count(*) AS n, min({rank}) AS first FROM {sources} "
        f"JOIN documents d ON d.id = s.document_id WHERE {key} = ? AND {column} IS NOT NULL "
        f"GROUP BY {column} ORDER BY first", (key_value,)).fetchall()


def _consensus(rows: list[tuple]):
    """The value most sources give; ties go to the first in source order."""
    return max(rows, key=lambda r: r[1])[0] if rows else None


def _spellings(rows: list[tuple]) -> list[str]:
    return merge.unique(r[0] for r in rows)


def _refresh_meeting(conn, meeting_id: int) -> None:
    def tally(column: str) -> list[tuple]:
        return _tally(conn, f"s.{column}", "meeting_documents s", "s.meeting_id", meeting_id, position="0")

    titles = tally("title")
    english = conn.execute(
        "SELECT s.title, count(*) FROM meeting_documents s JOIN documents d ON d.id = s.document_id "
        "WHERE s.meeting_id = ? AND d.language = 'en' GROUP BY s.title ORDER BY min(d.file_name), min(d.id)",
        (meeting_id,)).fetchall()
    host = _consensus(tally("host_country_code"))
    conn.execute(
        "UPDATE meetings SET title = ?, titles = ?, year = ?, start_date = ?, end_date = ?, "
        "host_country_code = ?, host_country = ?, virtual = ? WHERE id = ?",
        (_consensus(english) or _consensus(titles) or "",
         json.dumps(_spellings(titles), ensure_ascii=False),
         _consensus(tally("year")), _consensus(tally("start_date")), _consensus(tally("end_date")),
         host, _country_name(conn, host), int(bool(_consensus(tally("virtual")))),
         meeting_id))


def _country_name(conn, code: str | None) -> str | None:
    return register_country(conn, code) if code else None


def _refresh_delegate(conn, delegate_id: int) -> None:
    def tally(column: str) -> list[tuple]:
        return _tally(conn, f"s.{column}", "delegate_sources s", "s.delegate_id", delegate_id)

    names = _spellings(tally("name"))
    if not names:
        conn.execute("DELETE FROM delegates WHERE id = ?", (delegate_id,))
        return
    roles = _spellings(tally("role"))
    conn.execute(
        "UPDATE delegates SET name = ?, names = ?, role = ?, roles = ?, role_key = ?, country_code = ? WHERE id = ?",
        (" / ".join(names), json.dumps(names, ensure_ascii=False),
         " / ".join(roles) or None, json.dumps(roles, ensure_ascii=False),
         _consensus(tally("role_key")), _consensus(tally("country_code")) or "JP", delegate_id))
    conn.execute("DELETE FROM delegate_name_keys WHERE delegate_id = ?", (delegate_id,))
    keys = dict.fromkeys(k for n in names for k in name_keys(n))
    conn.executemany("INSERT INTO delegate_name_keys(delegate_id, key) VALUES (?, ?)",
                     [(delegate_id, k) for k in keys])


def _refresh_talk(conn, talk_id: int) -> None:
    def tally(column: str) -> list[tuple]:
        return _tally(conn, f"s.{column}", "bilateral_sources s", "s.bilateral_id", talk_id)

    if conn.execute("SELECT 1 FROM bilateral_sources WHERE bilateral_id = ? LIMIT 1", (talk_id,)).fetchone() is None:
        conn.execute("DELETE FROM bilaterals WHERE id = ?", (talk_id,))
        return
    counterparts = _spellings(tally("counterpart"))
    roles = _spellings(tally("counterpart_role"))
    joined = merge.unique(n for r in tally("with_delegates") for n in json.loads(r[0] or "[]"))
    conn.execute(
        "UPDATE bilaterals SET delegate_id = ?, delegate = ?, counterpart = ?, counterparts = ?, "
        "counterpart_role = ?, country_code = ?, country = ?, date = ?, kind = ?, with_delegates = ? WHERE id = ?",
        (_consensus(tally("delegate_id")),
         " / ".join(_spellings(tally("delegate"))) or None,
         " / ".join(counterparts) or None, json.dumps(counterparts, ensure_ascii=False),
         " / ".join(roles) or None,
         _consensus(tally("country_code")), _consensus(tally("country")),
         _consensus(tally("date")), _consensus(tally("kind")) or "meeting",
         json.dumps(joined, ensure_ascii=False), talk_id))
    _write_talk_keys(conn, talk_id, counterparts)


def _write_talk_keys(conn, talk_id: int, counterparts: list[str]) -> None:
    """--person keys of a talk: every spelling of its counterpart and each word of it."""
    conn.execute("DELETE FROM bilateral_name_keys WHERE bilateral_id = ?", (talk_id,))
    conn.executemany("INSERT INTO bilateral_name_keys(bilateral_id, key) VALUES (?, ?)",
                     [(talk_id, k) for k in bilateral_keys(counterparts)])


# --- helpers ------------------------------------------------------------------

def _evidence(ev: Evidence | None) -> dict:
    if ev is None:
        return {"evidence_text": None, "evidence_start": None, "evidence_end": None}
    return {"evidence_text": ev.text, "evidence_start": ev.start, "evidence_end": ev.end}


def _insert(conn, table: str, row: dict) -> int:
    # Plain parameterised SQL: table and column names are ours, values are bound.
    cols = ", ".join(row)
    marks = ", ".join("?" * len(row))
    return conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values())).lastrowid


def _ids(conn, sql: str, *params) -> list[int]:
    return [r[0] for r in conn.execute(sql, params) if r[0] is not None]
