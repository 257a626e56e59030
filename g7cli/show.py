"""`g7 show MEETING`: one meeting on one screen, as one record with nested lists.

The meeting is found by g7cli.resolve.meeting (an id, '2024 Verona', a title
fragment in either language). The record holds the meeting's own fields
(dates, places, host, presidency), its sources, and the rows `g7
delegates/participants/themes/outcomes/bilaterals --meeting ID` would list,
without their meeting_id/year (they are the meeting's). With evidence=True
every fact, and the meeting itself, gets `evidence` / `evidence_document`.
"""
from __future__ import annotations

import sqlite3

# (key, heading, columns a terminal table shows, and with --evidence) for each nested list.
SECTIONS = [
    ("sources", "Sources", ["document", "language", "publisher", "published"], None),
    ("delegates", "Japan's delegates", ["name", "role"], ["name", "evidence"]),
    ("participants", "Participants", ["kind", "participants"], ["participants", "evidence"]),
    ("themes", "Themes", ["title", "topics"], ["title", "evidence"]),
    ("outcomes", "Outcome documents", ["kind", "title"], ["title", "evidence"]),
    ("bilaterals", "Bilateral talks", ["date", "delegate", "counterpart", "country_code", "kind"],
     ["delegate", "counterpart", "evidence"]),
]
FIELDS = ["id", "title", "titles", "year", "start_date", "end_date", "cities", "cities_ja", "host_country",
          "host_country_code", "presidency", "presidency_code", "virtual"]


def show(conn: sqlite3.Connection, value: str, evidence: bool = False) -> dict:
    from g7cli import queries, resolve

    mid = resolve.meeting(conn, value)
    f = queries.Filters(meeting=mid)
    meeting = queries.meetings(conn, f)[0]
    participants = queries.participants(conn, queries.Filters(meeting=mid))
    chairs = [p for p in participants if p["chair"]]
    record = {k: meeting.get(k) for k in FIELDS if k in meeting}
    record["presidency"] = " / ".join(p["name"] for p in chairs) or None
    record["presidency_code"] = " / ".join(p["code"] for p in chairs) or None
    record["virtual"] = meeting["virtual"]
    record = {k: record.get(k) for k in FIELDS}
    record["sources"] = [dict(r) for r in conn.execute(
        "SELECT doc.file_name AS document, doc.language, doc.publisher, doc.published, doc.title "
        "FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id WHERE md.meeting_id = ? "
        "ORDER BY (doc.language IS NOT 'en'), doc.file_name, doc.id", (mid,))]
    lists = {
        "delegates": queries.delegates(conn, queries.Filters(meeting=mid)),
        "participants": participants,
        "themes": queries.themes(conn, queries.Filters(meeting=mid)),
        "outcomes": queries.outcomes(conn, queries.Filters(meeting=mid)),
        "bilaterals": queries.bilaterals(conn, queries.Filters(meeting=mid)),
    }
    if evidence:
        from g7cli import evidence as ev

        ev.add(conn, "meetings", [record])
        for kind, rows in lists.items():
            ev.add(conn, kind, rows)
    for kind, rows in lists.items():
        record[kind] = [{k: v for k, v in r.items() if k not in ("meeting_id", "year")} for r in rows]
    return record


def table_view(record: dict) -> dict:
    """The record as a terminal shows it: participants one line per kind
    (codes, the presidency marked), unless they carry evidence."""
    rows = record.get("participants") or []
    if any("evidence" in r for r in rows):
        return {**record, "participants": [{**r, "participants": f"{r['code']} {r['name']}"} for r in rows]}
    grouped: dict[str, list[str]] = {}
    for r in rows:
        grouped.setdefault(r["kind"], []).append(r["code"] + (" (chair)" if r["chair"] else ""))
    return {**record, "participants": [{"kind": k, "participants": ", ".join(v)} for k, v in grouped.items()]}
