"""Read-side queries: plain functions from a stdlib connection to lists of dicts.

Every filter value is bound as an SQL parameter. Each filter uses an index:
years and hosts on meetings, --since/--until on the meetings' last and first
days (expression indexes, migrations/0004), codes on participants/bilaterals,
topics on theme_topics, delegate names through delegate_name_keys (whole
spelling or any word of it, by prefix); tests/test_query_plans.py checks the
plan of every statement under every filter. JSON-ish columns (lists) come
back as lists.

Ordering is stable: meetings by start date then id, and rows within a
meeting in the order they were stored; sources English first, then by file name.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from g7cli.errors import UsageError
from g7cli.textkeys import PREFIX_END, country_key, fold


class Filters:
    """What a query command was asked to filter by (None: not filtered).

    A plain class rather than a dataclass: generating a dataclass costs a few
    milliseconds of start-up on every query.
    """
    __slots__ = ("year", "country", "topic", "meeting", "delegate", "since", "until", "person")

    def __init__(self, year: tuple[int, int] | None = None, country: str | None = None,
                 topic: str | None = None, meeting: int | None = None, delegate: str | None = None,
                 since: str | None = None, until: str | None = None, person: str | None = None):
        self.year = year            # inclusive range; one year is (y, y)
        self.country = country
        self.topic = topic
        self.meeting = meeting
        self.delegate = delegate
        self.since = since          # ISO dates, inclusive: meetings held (in part) since / until
        self.until = until
        self.person = person        # a delegate or a counterpart, any spelling


# Keys of each command's rows, in order (also the CSV/TSV header), and the
# subset a terminal table shows.
COLUMNS = {
    "meetings": ["id", "title", "year", "start_date", "end_date", "cities", "host_country",
                 "host_country_code", "virtual", "documents", "titles", "cities_ja"],
    "delegates": ["meeting_id", "year", "name", "role", "country_code", "names", "roles",
                  "role_key", "id", "documents"],
    "participants": ["meeting_id", "year", "name", "code", "kind", "chair", "documents"],
    "themes": ["meeting_id", "year", "title", "topics", "language", "documents"],
    "bilaterals": ["meeting_id", "year", "date", "delegate", "counterpart", "counterpart_role",
                   "country", "country_code", "kind", "with_delegates", "counterparts", "id", "documents"],
    "outcomes": ["meeting_id", "year", "title", "kind", "language", "documents"],
    "documents": ["id", "file_name", "language", "publisher", "published", "title", "meeting_id",
                  "year", "chars", "bytes", "sha256", "path"],
    "info": ["path", "schema_version", "migrations", "bytes", "documents", "meetings", "delegates",
             "participants", "themes", "bilaterals", "outcomes"],
}
TABLE_COLUMNS = {
    "meetings": ["id", "year", "start_date", "end_date", "title", "cities", "host_country"],
    "delegates": ["meeting_id", "year", "name", "role", "country_code"],
    "participants": ["meeting_id", "year", "code", "name", "kind", "chair"],
    "themes": ["meeting_id", "year", "title", "topics"],
    "bilaterals": ["meeting_id", "year", "date", "delegate", "counterpart", "counterpart_role",
                   "country_code", "kind"],
    "outcomes": ["meeting_id", "year", "kind", "title"],
    "documents": ["id", "file_name", "language", "publisher", "published", "meeting_id", "title"],
    "info": COLUMNS["info"],
}

_MEETING_ORDER = "m.start_date IS NULL, m.start_date, m.id"
_SOURCE_ORDER = "(doc.language IS NOT 'en'), doc.file_name, doc.id"


class _Where:
    """Collects WHERE clauses and their named parameters."""

    def __init__(self, f: Filters):
        self.f = f
        self.clauses: list[str] = []
        self.params: dict[str, object] = {}
        if f.country is not None:
            self.params["country_key"] = country_key(f.country)
            self.params["country_code"] = country_key(f.country).upper()
        if f.delegate is not None:
            self.params["delegate_lo"] = fold(f.delegate)
            self.params["delegate_hi"] = fold(f.delegate) + PREFIX_END
        if f.topic is not None:
            self.params["topic"] = normalise_topic(f.topic)
        if f.person is not None:
            self.params["person_lo"] = fold(f.person)
            self.params["person_hi"] = fold(f.person) + PREFIX_END

    def add(self, clause: str, **params) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    # Common filters, by the column they apply to.
    CODES = "(SELECT code FROM country_aliases WHERE alias = :country_key UNION SELECT :country_code)"
    DELEGATES = ("(SELECT k.delegate_id FROM delegate_name_keys k "
                 "WHERE k.key >= :delegate_lo AND k.key < :delegate_hi)")
    # --person: talks whose delegate or counterpart has a spelling (or a word of one) starting so.
    PERSON_TALKS = ("(SELECT b.id FROM bilaterals b WHERE b.delegate_id IN (SELECT k.delegate_id FROM "
                    "delegate_name_keys k WHERE k.key >= :person_lo AND k.key < :person_hi) "
                    "UNION SELECT k.bilateral_id FROM bilateral_name_keys k "
                    "WHERE k.key >= :person_lo AND k.key < :person_hi)")
    PERSON_DELEGATES = ("(SELECT k.delegate_id FROM delegate_name_keys k "
                        "WHERE k.key >= :person_lo AND k.key < :person_hi)")

    # A meeting's last and first day (a meeting without dates counts as
    # lasting its whole year), written exactly as the expression indexes of
    # migrations/0004 are: SQLite uses them only for the same expression.
    LAST_DAY = "coalesce(end_date, start_date, year || '-12-31')"
    FIRST_DAY = "coalesce(start_date, year || '-01-01')"

    def period(self, m: str = "m") -> None:
        """--year, --since, --until on the meeting aliased `m`."""
        f = self.f
        if f.year is not None:
            self.add(f"{m}.year BETWEEN :year_lo AND :year_hi", year_lo=f.year[0], year_hi=f.year[1])
        # As a list of meeting ids rather than a range on `m` itself: joined
        # to a fact table, and without statistics, SQLite would rather scan
        # the whole fact table than start from a one-sided range of meetings;
        # a list of ids it looks up through the fact table's meeting_id index.
        if f.since is not None:
            self.add(f"{m}.id IN (SELECT id FROM meetings WHERE {self.LAST_DAY} >= :since)", since=f.since)
        if f.until is not None:
            self.add(f"{m}.id IN (SELECT id FROM meetings WHERE {self.FIRST_DAY} <= :until)", until=f.until)

    def meeting_level(self, m: str = "m") -> None:
        """--year/--since/--until, --meeting, --country (hosted or attended), --topic,
        --delegate, --person on meetings."""
        f = self.f
        self.period(m)
        if f.person is not None:
            self.add(f"({m}.id IN (SELECT meeting_id FROM delegates WHERE id IN {self.PERSON_DELEGATES})"
                     f" OR {m}.id IN (SELECT meeting_id FROM bilaterals WHERE id IN {self.PERSON_TALKS}))")
        if f.meeting is not None:
            self.add(f"{m}.id = :meeting", meeting=f.meeting)
        if f.country is not None:
            self.add(f"({m}.host_country_code IN {self.CODES}"
                     f" OR {m}.id IN (SELECT meeting_id FROM participants WHERE code IN {self.CODES})"
                     f" OR {m}.id IN (SELECT meeting_id FROM bilaterals WHERE country_code IN {self.CODES}))")
        if f.topic is not None:
            self.add(f"{m}.id IN (SELECT t.meeting_id FROM theme_topics tt JOIN themes t ON t.id = tt.theme_id"
                     " WHERE tt.topic = :topic)")
        if f.delegate is not None:
            self.add(f"{m}.id IN (SELECT meeting_id FROM delegates WHERE id IN {self.DELEGATES})")


def normalise_topic(value: str) -> str:
    """'Supply chains' -> 'supply-chains' (the taxonomy's tag spelling)."""
    return "-".join(fold(value).replace("_", " ").replace("-", " ").split())


def _check_meeting(conn: sqlite3.Connection, f: Filters) -> None:
    """Check the filters before a query: an unknown --meeting, --country or
    --topic is a usage error; a country name becomes its code, a topic word its tag."""
    from g7cli.resolve import check_filters

    check_filters(conn, f)


def _by_id(conn, sql: str, ids: list[int]) -> dict[int, list]:
    """Run `sql` (with one ? for a JSON list of ids) and group (id, value) rows by id."""
    out: dict[int, list] = {}
    if ids:
        for key, value in conn.execute(sql, (json.dumps(ids),)):
            out.setdefault(key, []).append(value)
    return out


def _dedupe(values: list) -> list:
    return list(dict.fromkeys(values))


def meetings(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(f)
    w.meeting_level("m")
    rows = conn.execute(
        "SELECT m.id, m.title, m.titles, m.year, m.start_date, m.end_date, m.host_country, "
        f"m.host_country_code, m.virtual FROM meetings m {w.sql()} ORDER BY {_MEETING_ORDER}",
        w.params).fetchall()
    ids = [r["id"] for r in rows]
    city_rows: dict[int, list] = {}
    if ids:
        for r in conn.execute(
                "SELECT c.meeting_id, c.name, c.name_ja FROM meeting_cities c JOIN documents doc ON doc.id = c.document_id "
                f"WHERE c.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY c.meeting_id, {_SOURCE_ORDER}, c.position",
                (json.dumps(ids),)):
            city_rows.setdefault(r[0], []).append((r[1], r[2]))
    docs = _by_id(conn, "SELECT md.meeting_id, doc.file_name FROM meeting_documents md "
                        "JOIN documents doc ON doc.id = md.document_id "
                        "WHERE md.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY doc.file_name, doc.id", ids)
    out = []
    for r in rows:
        # One entry per city (English documents first); its Japanese name from
        # whichever document gives one.
        merged_cities: dict[str, list] = {}
        for name, name_ja in city_rows.get(r["id"], []):
            entry = merged_cities.setdefault(fold(name), [name, None])
            entry[1] = entry[1] or name_ja
        cities = [name for name, _ in merged_cities.values()]
        cities_ja = [name_ja for _, name_ja in merged_cities.values() if name_ja]
        out.append({
            "id": r["id"], "title": r["title"], "year": r["year"],
            "start_date": r["start_date"], "end_date": r["end_date"], "cities": cities,
            "host_country": r["host_country"], "host_country_code": r["host_country_code"],
            "virtual": bool(r["virtual"]), "documents": _dedupe(docs.get(r["id"], [])),
            "titles": json.loads(r["titles"] or "[]"), "cities_ja": cities_ja,
        })
    return out


def delegates(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(f)
    w.period("m")
    if f.meeting is not None:
        w.add("d.meeting_id = :meeting", meeting=f.meeting)
    if f.country is not None:
        w.add(f"d.country_code IN {w.CODES}")
    if f.delegate is not None:
        w.add(f"d.id IN {w.DELEGATES}")
    if f.topic is not None:
        w.add("d.meeting_id IN (SELECT t.meeting_id FROM theme_topics tt JOIN themes t ON t.id = tt.theme_id"
              " WHERE tt.topic = :topic)")
    rows = conn.execute(
        "SELECT d.id, d.meeting_id, m.year, d.name, d.names, d.role, d.roles, d.role_key, d.country_code "
        f"FROM delegates d JOIN meetings m ON m.id = d.meeting_id {w.sql()} ORDER BY {_MEETING_ORDER}, d.id",
        w.params).fetchall()
    docs = _by_id(conn, "SELECT s.delegate_id, doc.file_name FROM delegate_sources s "
                        "JOIN documents doc ON doc.id = s.document_id "
                        "WHERE s.delegate_id IN (SELECT value FROM json_each(?)) ORDER BY doc.file_name, doc.id",
                  [r["id"] for r in rows])
    return [{
        "meeting_id": r["meeting_id"], "year": r["year"], "name": r["name"], "role": r["role"],
        "country_code": r["country_code"], "names": json.loads(r["names"]), "roles": json.loads(r["roles"]),
        "role_key": r["role_key"], "id": r["id"], "documents": _dedupe(docs.get(r["id"], [])),
    } for r in rows]


def participants(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    """One row per country or organisation per meeting, however many documents list it."""
    _check_meeting(conn, f)
    w = _Where(f)
    w.period("m")
    if f.meeting is not None:
        w.add("p.meeting_id = :meeting", meeting=f.meeting)
    if f.country is not None:
        w.add(f"p.code IN {w.CODES}")
    rows = conn.execute(
        "SELECT p.meeting_id, m.year, p.code, p.name, p.kind, p.chair, doc.file_name "
        "FROM participants p JOIN meetings m ON m.id = p.meeting_id JOIN documents doc ON doc.id = p.document_id "
        f"{w.sql()} ORDER BY {_MEETING_ORDER}, {_SOURCE_ORDER}, p.position", w.params).fetchall()
    merged: dict[tuple, dict] = {}
    for r in rows:
        row = merged.setdefault((r["meeting_id"], r["code"]), {
            "meeting_id": r["meeting_id"], "year": r["year"], "name": r["name"], "code": r["code"],
            "kind": r["kind"], "chair": False, "documents": [],
        })
        row["chair"] = row["chair"] or bool(r["chair"])
        if r["file_name"] not in row["documents"]:
            row["documents"].append(r["file_name"])
    return list(merged.values())


def _grouped_by_title(rows, extra) -> list[dict]:
    """Themes/outcomes: one row per meeting and title (casefolded), keeping every document."""
    merged: dict[tuple, dict] = {}
    for r in rows:
        key = (r["meeting_id"], fold(r["title"]), r["kind"] if "kind" in r.keys() else None)
        row = merged.get(key)
        if row is None:
            row = merged[key] = {"meeting_id": r["meeting_id"], "year": r["year"], "title": r["title"],
                                 **extra(r), "language": r["language"], "documents": []}
        elif "topics" in row:
            row["topics"] = _dedupe(row["topics"] + extra(r)["topics"])
        if r["file_name"] not in row["documents"]:
            row["documents"].append(r["file_name"])
    return list(merged.values())


def themes(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(Filters(year=f.year, meeting=f.meeting, country=f.country, delegate=f.delegate,
                       since=f.since, until=f.until, person=f.person))
    w.meeting_level("m")
    if f.topic is not None:
        w.add("t.id IN (SELECT theme_id FROM theme_topics WHERE topic = :topic)", topic=normalise_topic(f.topic))
    rows = conn.execute(
        "SELECT t.id, t.meeting_id, m.year, t.title, doc.language, doc.file_name "
        "FROM themes t JOIN meetings m ON m.id = t.meeting_id JOIN documents doc ON doc.id = t.document_id "
        f"{w.sql()} ORDER BY {_MEETING_ORDER}, {_SOURCE_ORDER}, t.position", w.params).fetchall()
    topics = _by_id(conn, "SELECT theme_id, topic FROM theme_topics "
                          "WHERE theme_id IN (SELECT value FROM json_each(?)) ORDER BY theme_id, position",
                    [r["id"] for r in rows])
    return _grouped_by_title(rows, lambda r: {"topics": topics.get(r["id"], [])})


def bilaterals(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(f)
    w.period("m")
    if f.meeting is not None:
        w.add("b.meeting_id = :meeting", meeting=f.meeting)
    if f.country is not None:
        w.add(f"b.country_code IN {w.CODES}")
    if f.delegate is not None:
        w.add(f"b.delegate_id IN {w.DELEGATES}")
    if f.person is not None:
        w.add(f"b.id IN {w.PERSON_TALKS}")
    if f.topic is not None:
        w.add("b.meeting_id IN (SELECT t.meeting_id FROM theme_topics tt JOIN themes t ON t.id = tt.theme_id"
              " WHERE tt.topic = :topic)")
    rows = conn.execute(
        "SELECT b.id, b.meeting_id, m.year, b.date, coalesce(dl.name, b.delegate) AS delegate, b.counterpart, "
        "b.counterparts, b.counterpart_role, b.country, b.country_code, b.kind, b.with_delegates "
        "FROM bilaterals b JOIN meetings m ON m.id = b.meeting_id LEFT JOIN delegates dl ON dl.id = b.delegate_id "
        f"{w.sql()} ORDER BY {_MEETING_ORDER}, b.id", w.params).fetchall()
    docs = _by_id(conn, "SELECT s.bilateral_id, doc.file_name FROM bilateral_sources s "
                        "JOIN documents doc ON doc.id = s.document_id "
                        "WHERE s.bilateral_id IN (SELECT value FROM json_each(?)) ORDER BY doc.file_name, doc.id",
                  [r["id"] for r in rows])
    return [{
        "meeting_id": r["meeting_id"], "year": r["year"], "date": r["date"], "delegate": r["delegate"],
        "counterpart": r["counterpart"], "counterpart_role": r["counterpart_role"], "country": r["country"],
        "country_code": r["country_code"], "kind": r["kind"],
        "with_delegates": json.loads(r["with_delegates"] or "[]"),
        "counterparts": json.loads(r["counterparts"] or "[]"), "id": r["id"],
        "documents": _dedupe(docs.get(r["id"], [])),
    } for r in rows]


def outcomes(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(f)
    w.meeting_level("m")
    rows = conn.execute(
        "SELECT o.meeting_id, m.year, o.title, o.kind, doc.language, doc.file_name "
        "FROM outcomes o JOIN meetings m ON m.id = o.meeting_id JOIN documents doc ON doc.id = o.document_id "
        f"{w.sql()} ORDER BY {_MEETING_ORDER}, {_SOURCE_ORDER}, o.position", w.params).fetchall()
    return _grouped_by_title(rows, lambda r: {"kind": r["kind"]})


def documents(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    _check_meeting(conn, f)
    w = _Where(f)
    w.meeting_level("m")
    where = ""
    if w.clauses:
        # Every filter is on the document's meeting, so a document without
        # one never matches: select the matching meetings' documents first,
        # through the meeting indexes. Written as conditions on the LEFT
        # JOINed meeting, SQLite walked every document in file-name order
        # (to skip the sort) and tested its meeting.
        where = ("WHERE doc.id IN (SELECT md.document_id FROM meeting_documents md "
                 f"JOIN meetings m ON m.id = md.meeting_id {w.sql()})")
    rows = conn.execute(
        "SELECT doc.id, doc.file_name, doc.language, doc.publisher, doc.published, doc.title, "
        "md.meeting_id, m.year, length(doc.text) AS chars, doc.bytes, doc.sha256, doc.path "
        "FROM documents doc LEFT JOIN meeting_documents md ON md.document_id = doc.id "
        f"LEFT JOIN meetings m ON m.id = md.meeting_id {where} ORDER BY doc.file_name, doc.id",
        w.params).fetchall()
    return [dict(r) for r in rows]


def info(conn: sqlite3.Connection, path: Path) -> list[dict]:
    from g7cli.db import applied_migrations

    applied = applied_migrations(conn)
    row = {"path": str(path), "schema_version": len(applied), "migrations": applied,
           "bytes": path.stat().st_size}
    for table in ("documents", "meetings", "delegates", "participants", "themes", "bilaterals", "outcomes"):
        # Table names come from the tuple above, never from the user.
        row[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return [row]


QUERIES = {
    "meetings": meetings,
    "delegates": delegates,
    "participants": participants,
    "themes": themes,
    "bilaterals": bilaterals,
    "outcomes": outcomes,
    "documents": documents,
}
