"""Everyone the releases name: Japan's delegates and their foreign counterparts.

The store keeps a delegate once per meeting and a counterpart once per talk
(each with every spelling its documents gave). Here those rows are grouped
into *people* across meetings, at query time, by plain rules:

- Japan's delegates: the same person when two rows share a full spelling
  (two words or more, or three kanji or more: "河野太郎"), or when their
  names are the same person by `g7cli.merge.same_person` (河野 / 河野太郎,
  Kono / Kohno) and their roles belong to the same ministry (role_key
  "digital.minister" and "digital.state-minister" share "digital"): a bare
  surname is not enough across ministries.
- counterparts: the same country and the same person by name
  ("Wissing / ヴィッシング" and "フォルカー・ヴィッシング"); two spellings in
  the same script with given names must agree on every word of the shorter.
- a talk that names only a country has no person.

Candidate pairs come from block keys (folded words, consonant skeletons,
kanji prefixes) so that grouping stays near-linear on a large database;
every candidate is then checked by the rules above.

    people(conn) -> list of dicts (the rows of `g7 people`)
    build(conn)  -> PeopleIndex (also used by `g7 stats --by delegate` and `g7 graph`)
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter

from g7cli.textkeys import fold, name_keys

COLUMNS = ["id", "name", "kind", "country_code", "country", "names_en", "names_ja", "roles",
           "meetings", "meeting_ids", "talks", "talks_with"]
TABLE_COLUMNS = ["name", "kind", "country_code", "roles", "meetings", "talks"]

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(r"[\s・･.,，、\-‐=＝/]+")


def is_japanese(spelling: str) -> bool:
    """Kana or kanji in it: a spelling from a Japanese release."""
    return bool(_JAPANESE.search(spelling or ""))


def _words(spelling: str) -> list[str]:
    return [w for w in _WORDS.split(fold(spelling)) if w]


def _full(spelling: str) -> bool:
    """A spelling specific enough to identify a person by itself."""
    words = _words(spelling)
    if len(words) >= 2:
        return True
    return bool(words) and len(_KANJI.findall(words[0])) >= 3


def _ministry(role_key: str | None) -> str | None:
    return role_key.split(".", 1)[0] if role_key else None


class Person:
    """One person: the rows that name them and everything said about them."""
    __slots__ = ("id", "kind", "country_code", "country", "spellings", "seen", "ministries", "delegate_ids",
                 "talk_ids", "roles", "meeting_ids", "order")

    def __init__(self, kind: str, country_code: str | None):
        self.id = ""
        self.kind = kind                    # "delegate" (Japan's) | "counterpart"
        self.country_code = country_code
        self.country: str | None = None
        self.spellings: list[str] = []      # in order of first appearance
        self.seen: Counter = Counter()      # folded spelling -> rows (meetings, talks) that give it
        self.ministries: set[str] = set()
        self.delegate_ids: list[int] = []
        self.talk_ids: list[int] = []
        self.roles: list[tuple] = []        # (meeting order, year, role)
        self.meeting_ids: list[int] = []
        self.order: tuple = ()

    @property
    def name(self) -> str:
        """The Latin and the Japanese spelling with the most words, then the
        one most rows give, then the longer: "HASEGAWA Junji / 長谷川",
        "Kono / 河野太郎"."""
        def best(spellings):
            return max(spellings, key=lambda s: (len(_words(s)), self.seen[fold(s)], len(s)), default=None)

        latin = best([s for s in self.spellings if not is_japanese(s)])
        japanese = best([s for s in self.spellings if is_japanese(s)])
        return " / ".join(s for s in (latin, japanese) if s)

    def matches(self, query: str) -> bool:
        """A spelling, or a word of one, starts with the query (folded)."""
        q = fold(query)
        return any(k.startswith(q) for s in self.spellings for k in name_keys(s))


class PeopleIndex:
    """Every person, and which person each delegate row and each talk names."""

    def __init__(self):
        self.people: list[Person] = []
        self.by_delegate: dict[int, Person] = {}       # delegates.id -> person
        self.by_talk_delegate: dict[int, Person] = {}  # bilaterals.id -> Japan's delegate
        self.by_talk_counterpart: dict[int, Person] = {}  # bilaterals.id -> counterpart
        self.meetings: dict[int, dict] = {}            # meetings.id -> {year, label, order}
        self.talks: dict[int, dict] = {}               # bilaterals.id -> the talk's row


# --- grouping ---------------------------------------------------------------

class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _block_keys(spelling: str) -> set[str]:
    """Keys two spellings of one person share (a necessary condition for a
    name match): folded words, kanji prefixes, consonant skeletons."""
    keys = set()
    try:
        from g7cli.names import skeletons, tokens
    except ImportError:  # pragma: no cover - jaconv is a dependency
        skeletons = tokens = None
    for w in _words(spelling):
        keys.add("w:" + w)
        if _KANJI.search(w):
            keys.add("k:" + w[:2])
    if tokens is not None:
        for t in tokens(spelling):
            if _KANJI.search(t):
                keys.add("k:" + t[:2])
            else:
                keys.update("s:" + s for s in skeletons(t))
    return keys


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one person, given names agreeing when both have them."""
    from g7cli.merge import same_person, script_of

    if fold(a) == fold(b):
        return True
    if not same_person(a, b):
        return False
    wa, wb = _words(a), _words(b)
    if script_of(a) == script_of(b) and len(wa) >= 2 and len(wb) >= 2:
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        free = list(long_)
        for w in short:
            hit = next((v for v in free if v == w or same_person(w, v)), None)
            if hit is None:
                return False
            free.remove(hit)
    return True


def _group(items: list[dict], same) -> list[list[dict]]:
    """Group items ({"spellings": [...], ...}) into people.

    Items with identical spellings are one group at once; the rest are
    compared only when they share a block key, and joined when `same` says so.
    """
    exact: dict[tuple, list[dict]] = {}
    for it in items:
        exact.setdefault((it["scope"], frozenset(fold(s) for s in it["spellings"])), []).append(it)
    groups = list(exact.values())
    union = _Union(len(groups))
    blocks: dict[tuple, list[int]] = {}
    for i, g in enumerate(groups):
        for key in {k for s in g[0]["spellings"] for k in _block_keys(s)}:
            blocks.setdefault((g[0]["scope"], key), []).append(i)
    tried: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in tried or union.find(i) == union.find(j):
                    continue
                tried.add((i, j))
                if same(groups[i], groups[j]):
                    union.union(i, j)
    merged: dict[int, list[dict]] = {}
    for i, g in enumerate(groups):
        merged.setdefault(union.find(i), []).extend(g)
    return list(merged.values())


def _same_delegate(a: list[dict], b: list[dict]) -> bool:
    sa = {fold(s) for it in a for s in it["spellings"]}
    sb = {fold(s) for it in b for s in it["spellings"]}
    if any(_full(s) for s in sa & sb):
        return True
    ma = {m for it in a for m in it["ministries"]}
    mb = {m for it in b for m in it["ministries"]}
    if not ma & mb:
        return False
    return any(_same_name(x, y) for x in a[0]["spellings"] for y in b[0]["spellings"])


def _same_counterpart(a: list[dict], b: list[dict]) -> bool:
    return any(_same_name(x, y) for x in a[0]["spellings"] for y in b[0]["spellings"])


def _meeting_label(year, city: str | None, title: str | None, host: str | None, virtual: bool) -> str:
    """"2024 Verona": the year and the first city; "2021 United Kingdom
    (virtual)" for a meeting held online; else the year and the title."""
    if city:
        place = city
    elif virtual:
        place = f"{host} (virtual)" if host else "virtual"
    else:
        place = title or host or ""
    return " ".join(str(p) for p in (year, place) if p not in (None, ""))


def meeting_labels(conn: sqlite3.Connection) -> dict[int, dict]:
    """meetings.id -> {"year", "label", "order"} (order: as `g7 meetings` lists them)."""
    rows = conn.execute(
        "SELECT m.id, m.year, m.title, m.host_country, m.virtual, "
        " (SELECT c.name FROM meeting_cities c JOIN documents doc ON doc.id = c.document_id "
        "  WHERE c.meeting_id = m.id ORDER BY (doc.language IS NOT 'en'), doc.file_name, doc.id, c.position "
        "  LIMIT 1) AS city "
        "FROM meetings m ORDER BY m.start_date IS NULL, m.start_date, m.id").fetchall()
    return {r[0]: {"year": r[1], "label": _meeting_label(r[1], r[5], r[2], r[3], bool(r[4])), "order": n}
            for n, r in enumerate(rows)}


def build(conn: sqlite3.Connection) -> PeopleIndex:
    """Group every delegate row and every named counterpart into people."""
    index = PeopleIndex()
    index.meetings = meetings = meeting_labels(conn)
    countries = dict(conn.execute("SELECT code, name FROM countries").fetchall())

    delegate_rows = conn.execute(
        "SELECT id, meeting_id, name, names, role, role_key, country_code FROM delegates ORDER BY id").fetchall()
    items = []
    for r in delegate_rows:
        spellings = json.loads(r[3] or "[]") or [r[2]]
        items.append({"scope": r[6], "spellings": spellings, "ministries": {_ministry(r[5])} - {None},
                      "id": r[0], "meeting_id": r[1], "role": r[4], "country_code": r[6]})
    delegate_people = _group(items, _same_delegate)

    talk_rows = conn.execute(
        "SELECT id, meeting_id, delegate_id, delegate, counterpart, counterparts, counterpart_role, "
        "country_code, country, date, kind FROM bilaterals ORDER BY id").fetchall()
    items = []
    for r in talk_rows:
        index.talks[r[0]] = {"id": r[0], "meeting_id": r[1], "delegate_id": r[2], "delegate": r[3],
                             "counterpart": r[4], "counterpart_role": r[6], "country_code": r[7],
                             "country": r[8], "date": r[9], "kind": r[10]}
        spellings = json.loads(r[5] or "[]") or ([r[4]] if r[4] else [])
        if spellings:
            items.append({"scope": r[7], "spellings": spellings, "id": r[0], "meeting_id": r[1],
                          "role": r[6], "country_code": r[7], "country": r[8]})
    counterpart_people = _group(items, _same_counterpart)

    def order_of(meeting_id):
        return meetings.get(meeting_id, {}).get("order", len(meetings))

    def year_of(meeting_id):
        return meetings.get(meeting_id, {}).get("year")

    for group in delegate_people:
        group.sort(key=lambda it: (order_of(it["meeting_id"]), it["id"]))
        p = Person("delegate", group[0]["country_code"])
        for it in group:
            p.delegate_ids.append(it["id"])
            index.by_delegate[it["id"]] = p
            p.ministries |= it["ministries"]
            _add_spellings(p, it["spellings"])
            _add_meeting(p, it["meeting_id"])
            p.roles.append((order_of(it["meeting_id"]), year_of(it["meeting_id"]), it["role"]))
        index.people.append(p)

    for group in counterpart_people:
        group.sort(key=lambda it: (order_of(it["meeting_id"]), it["id"]))
        p = Person("counterpart", group[0]["country_code"])
        p.country = next((it["country"] for it in group if it["country"]), None)
        for it in group:
            p.talk_ids.append(it["id"])
            index.by_talk_counterpart[it["id"]] = p
            _add_spellings(p, it["spellings"])
            _add_meeting(p, it["meeting_id"])
            p.roles.append((order_of(it["meeting_id"]), year_of(it["meeting_id"]), it["role"]))
        index.people.append(p)

    # Which of Japan's delegates held each talk: the stored link, else the
    # delegate of that meeting the talk's delegate name is.
    by_meeting: dict[int, list[Person]] = {}
    for r in delegate_rows:
        by_meeting.setdefault(r[1], []).append(index.by_delegate[r[0]])
    for talk in index.talks.values():
        p = index.by_delegate.get(talk["delegate_id"]) if talk["delegate_id"] is not None else None
        if p is None and talk["delegate"]:
            p = next((c for c in by_meeting.get(talk["meeting_id"], [])
                      if any(_same_name(talk["delegate"], s) for s in c.spellings)), None)
        if p is not None:
            index.by_talk_delegate[talk["id"]] = p
            if talk["id"] not in p.talk_ids:
                p.talk_ids.append(talk["id"])

    for p in index.people:
        if p.kind == "delegate":
            p.country = countries.get(p.country_code) or ("Japan" if p.country_code == "JP" else None)
        else:
            p.country = p.country or countries.get(p.country_code)
        p.talk_ids.sort(key=lambda t: (order_of(index.talks[t]["meeting_id"]), t))
        # Delegates by their first meeting, in the order the releases list
        # them; counterparts by country, then first meeting and talk.
        first = min((r[0] for r in p.roles), default=len(meetings))
        p.order = (p.kind != "delegate", (p.country_code or "~") if p.kind != "delegate" else "",
                   first, min(p.delegate_ids or p.talk_ids or [0]))
    index.people.sort(key=lambda p: p.order)
    counters = Counter()
    for p in index.people:
        counters[p.kind] += 1
        p.id = ("d" if p.kind == "delegate" else "c") + str(counters[p.kind])
    return index


def _add_spellings(p: Person, spellings: list[str]) -> None:
    p.seen.update({fold(s) for s in spellings if s})
    known = {fold(s) for s in p.spellings}
    for s in spellings:
        if s and fold(s) not in known:
            known.add(fold(s))
            p.spellings.append(s.strip())


def _add_meeting(p: Person, meeting_id: int) -> None:
    if meeting_id not in p.meeting_ids:
        p.meeting_ids.append(meeting_id)


# --- the rows of `g7 people` ----------------------------------------------------

def _roles(p: Person) -> list[str]:
    """"2024 Minister for Digital Transformation / デジタル大臣", one per meeting and role."""
    out: list[str] = []
    for _, year, role in sorted(p.roles, key=lambda r: r[0]):
        if role:
            entry = f"{year} {role}" if year is not None else role
            if entry not in out:
                out.append(entry)
    return out


def _talks_with(p: Person, index: PeopleIndex) -> list[str]:
    out = []
    for t in p.talk_ids:
        talk = index.talks[t]
        label = index.meetings.get(talk["meeting_id"], {}).get("label", "")
        if p.kind == "delegate":
            other = index.by_talk_counterpart.get(t)
            who = other.name if other else (talk["country"] or talk["country_code"] or "?")
            country = talk["country"] or talk["country_code"]
            out.append(f"{label}: {who}" + (f" ({country})" if other and country else ""))
        else:
            other = index.by_talk_delegate.get(t)
            out.append(f"{label}: {other.name if other else (talk['delegate'] or '?')}")
    return out


def row(p: Person, index: PeopleIndex) -> dict:
    order = {m: index.meetings.get(m, {}).get("order", 0) for m in p.meeting_ids}
    meeting_ids = sorted(p.meeting_ids, key=lambda m: order[m])
    return {
        "id": p.id, "name": p.name, "kind": p.kind, "country_code": p.country_code, "country": p.country,
        "names_en": [s for s in p.spellings if not is_japanese(s)],
        "names_ja": [s for s in p.spellings if is_japanese(s)],
        "roles": _roles(p),
        "meetings": [index.meetings.get(m, {}).get("label", str(m)) for m in meeting_ids],
        "meeting_ids": meeting_ids,
        "talks": len(p.talk_ids),
        "talks_with": _talks_with(p, index),
    }


def find(index: PeopleIndex, query: str) -> list[Person]:
    """People a name matches: a spelling or a word of one by prefix; failing
    that, the same person in the other script (Vestager / ヴェステアー)."""
    hits = [p for p in index.people if p.matches(query)]
    if not hits and fold(query):
        from g7cli.merge import same_person

        hits = [p for p in index.people if any(same_person(query, s) for s in p.spellings)]
    return hits


def people(conn: sqlite3.Connection, person: str | None = None) -> list[dict]:
    index = build(conn)
    chosen = find(index, person) if person is not None else index.people
    return [row(p, index) for p in chosen]


__all__ = ["COLUMNS", "TABLE_COLUMNS", "Person", "PeopleIndex", "build", "people", "find", "row",
           "meeting_labels", "is_japanese"]
