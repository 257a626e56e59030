"""Counts per value, like Datasette's facets: `g7 stats --by year|country|topic|delegate|publisher`.

Each count is the number of rows the matching list command prints for that
value, so a number here can always be opened up:

- year: `g7 meetings|bilaterals|themes --year Y`; every year from the first
  to the last is listed, a year without a meeting as zeros (a timeline);
- country: meetings hosted in or attended by the country, and their themes
  (like `--country` on `meetings` and `themes`); talks with a counterpart
  from it (like `bilaterals --country`);
- topic: themes tagged with it, the meetings that discussed it and their talks
  (like `--topic` on `themes`, `meetings` and `bilaterals`);
- delegate: one of Japan's delegates (one person across meetings, see
  g7cli.people): the meetings they attended, the talks they held, the
  themes of their meetings;
- publisher: the documents it published, and the meetings, talks and
  themes at least one of them reports.

Rows are read through g7cli.queries (merged as the list commands merge
them); nothing here writes.
"""
from __future__ import annotations

import sqlite3

BY = ("year", "country", "topic", "delegate", "publisher")
COUNTS = ["meetings", "talks", "themes"]
COLUMNS = {
    "year": ["year", *COUNTS],
    "country": ["country", "name", *COUNTS],
    "topic": ["topic", *COUNTS],
    "delegate": ["delegate", *COUNTS],
    "publisher": ["publisher", "documents", *COUNTS],
}
# Columns drawn as bars in a terminal table.
BARS = {by: [c for c in cols if c in COUNTS or c == "documents"] for by, cols in COLUMNS.items()}


def stats(conn: sqlite3.Connection, by: str) -> list[dict]:
    from g7cli import queries

    if by not in BY:
        raise ValueError(f"unknown facet {by!r}")
    f = queries.Filters()
    meetings = queries.meetings(conn, f)
    talks = queries.bilaterals(conn, f)
    themes = queries.themes(conn, f)
    return {"year": _by_year, "country": _by_country, "topic": _by_topic, "delegate": _by_delegate,
            "publisher": _by_publisher}[by](conn, meetings, talks, themes)


class _Tally:
    """value -> {count name: set of ids}, in order of first appearance."""

    def __init__(self):
        self.values: dict = {}

    def add(self, value, count: str, item) -> None:
        if value is None or value == "":
            return
        self.values.setdefault(value, {c: set() for c in ("documents", *COUNTS)})[count].add(item)

    def row(self, value) -> dict:
        sets = self.values.get(value) or {c: set() for c in ("documents", *COUNTS)}
        return {c: len(s) for c, s in sets.items()}


def _theme_key(t: dict) -> tuple:
    return (t["meeting_id"], t["title"], tuple(t.get("documents") or ()))


def _by_year(conn, meetings, talks, themes) -> list[dict]:
    tally = _Tally()
    for m in meetings:
        tally.add(m["year"], "meetings", m["id"])
    for t in talks:
        tally.add(t["year"], "talks", t["id"])
    for t in themes:
        tally.add(t["year"], "themes", _theme_key(t))
    years = sorted(tally.values)
    if not years:
        return []
    # A timeline: every year from the first to the last, gaps as zeros.
    return [{"year": y, **_counts(tally.row(y))} for y in range(years[0], years[-1] + 1)]


def _counts(row: dict, *extra: str) -> dict:
    return {c: row[c] for c in (*extra, *COUNTS)}


def _meeting_codes(conn) -> dict[int, set[str]]:
    """meeting id -> every country or organisation it was hosted by, attended
    by, or held a talk with (what `meetings --country` matches)."""
    codes: dict[int, set[str]] = {}
    for mid, code in conn.execute(
            "SELECT id, host_country_code FROM meetings WHERE host_country_code IS NOT NULL "
            "UNION SELECT meeting_id, code FROM participants "
            "UNION SELECT meeting_id, country_code FROM bilaterals WHERE country_code IS NOT NULL"):
        codes.setdefault(mid, set()).add(code)
    return codes


def _sorted(rows: list[dict], key: str, first: str = "meetings") -> list[dict]:
    """Largest counts first (`first`, then meetings, talks, themes), then by value."""
    order = [first] + [c for c in COUNTS if c != first]
    return sorted(rows, key=lambda r: (*(-r[c] for c in order), str(r[key]).casefold()))


def _by_country(conn, meetings, talks, themes) -> list[dict]:
    tally = _Tally()
    codes = _meeting_codes(conn)
    for m in meetings:
        for code in codes.get(m["id"], ()):
            tally.add(code, "meetings", m["id"])
    for t in talks:
        tally.add(t["country_code"], "talks", t["id"])
    for t in themes:
        for code in codes.get(t["meeting_id"], ()):
            tally.add(code, "themes", _theme_key(t))
    names = dict(conn.execute("SELECT code, name FROM countries").fetchall())
    for t in talks:
        names.setdefault(t["country_code"], t["country"])
    rows = [{"country": code, "name": names.get(code), **_counts(tally.row(code))} for code in tally.values]
    return _sorted(rows, "country")


def _by_topic(conn, meetings, talks, themes) -> list[dict]:
    tally = _Tally()
    by_meeting: dict[int, set[str]] = {}
    for t in themes:
        for topic in t.get("topics") or ():
            tally.add(topic, "themes", _theme_key(t))
            by_meeting.setdefault(t["meeting_id"], set()).add(topic)
    for m in meetings:
        for topic in by_meeting.get(m["id"], ()):
            tally.add(topic, "meetings", m["id"])
    for t in talks:
        for topic in by_meeting.get(t["meeting_id"], ()):
            tally.add(topic, "talks", t["id"])
    rows = [{"topic": topic, **_counts(tally.row(topic))} for topic in tally.values]
    return _sorted(rows, "topic", first="themes")


def _by_delegate(conn, meetings, talks, themes) -> list[dict]:
    from g7cli.people import build

    index = build(conn)
    delegates = [p for p in index.people if p.kind == "delegate"]
    themes_by_meeting: dict[int, list] = {}
    for t in themes:
        themes_by_meeting.setdefault(t["meeting_id"], []).append(_theme_key(t))
    rows = []
    for p in delegates:
        rows.append({
            "delegate": p.name, "meetings": len(p.meeting_ids), "talks": len(p.talk_ids),
            "themes": len({k for m in p.meeting_ids for k in themes_by_meeting.get(m, ())}),
        })
    return _sorted(rows, "delegate")


def _by_publisher(conn, meetings, talks, themes) -> list[dict]:
    tally = _Tally()
    publishers: dict[str, set[str]] = {}
    for file_name, publisher in conn.execute("SELECT file_name, publisher FROM documents ORDER BY id"):
        publishers.setdefault(file_name, set()).add(publisher)
    for doc_id, publisher in conn.execute("SELECT id, publisher FROM documents ORDER BY id"):
        tally.add(publisher, "documents", doc_id)
    for count, rows, key in (("meetings", meetings, lambda r: r["id"]), ("talks", talks, lambda r: r["id"]),
                             ("themes", themes, _theme_key)):
        for r in rows:
            for file_name in r.get("documents") or ():
                for publisher in publishers.get(file_name, ()):
                    tally.add(publisher, count, key(r))
    rows = [{"publisher": p, **_counts(tally.row(p), "documents")} for p in tally.values]
    return _sorted(rows, "publisher", first="documents")
