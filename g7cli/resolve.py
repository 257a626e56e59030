"""What the user typed -> what the database holds: countries, topics, meetings.

Read side: every lookup goes through tables in the database (country_aliases,
topic_words, meetings), never through the gazetteer, so a query imports no
data loader. An unknown value is a usage error (exit 2) whose one line
suggests the nearest known names (difflib over the same tables; imported
only then).
"""
from __future__ import annotations

import json
import sqlite3

from g7cli.errors import UsageError
from g7cli.textkeys import country_key, fold, topic_key


def check_filters(conn: sqlite3.Connection, f) -> None:
    """Validate a Filters in place: --meeting must exist; --country becomes
    its code and --topic its tag (idempotent: a code or a tag resolves to itself)."""
    if f.meeting is not None and conn.execute("SELECT 1 FROM meetings WHERE id = ?", (f.meeting,)).fetchone() is None:
        raise UsageError(f"unknown meeting {f.meeting}; `g7 meetings` lists them")
    if f.country is not None:
        f.country = country(conn, f.country)
    if f.topic is not None:
        f.topic = topic(conn, f.topic)


# --- countries -----------------------------------------------------------------

def country(conn: sqlite3.Connection, value: str) -> str:
    """The code of a country or organisation named in either language, by ISO
    alpha-2/alpha-3 code or acronym, case-insensitively ('the U.S.' -> 'US')."""
    key = country_key(value)
    row = conn.execute("SELECT code FROM country_aliases WHERE alias = ?", (key,)).fetchone()
    if row is None:
        # A code stored without an alias row (a database written before 0002).
        row = conn.execute("SELECT code FROM countries WHERE code = ?", (key.upper(),)).fetchone()
    if row is not None:
        return row[0]
    raise UsageError(f"unknown country {value!r}"
                     f"{_suggest(key, _country_names(conn)) or ' (a name in English or Japanese, or a code)'}")


def _country_names(conn) -> dict[str, str]:
    """alias key -> what to suggest: the English name for a Latin alias, the
    alias itself for one in Japanese (as the user was typing Japanese)."""
    out = {}
    for alias, name in conn.execute(
            "SELECT a.alias, c.name FROM country_aliases a JOIN countries c ON c.code = a.code"):
        out[alias] = name if alias.isascii() else alias
    return out


# --- topics ---------------------------------------------------------------------

def topic(conn: sqlite3.Connection, value: str) -> str:
    """The tag of a topic given as a tag ('supply-chains', 'AI') or as one of
    its words in either language ('supply chain', サプライチェーン, 量子)."""
    key = topic_key(value)
    tag = key.replace(" ", "-")
    if conn.execute("SELECT 1 FROM topic_words WHERE tag = ? UNION ALL "
                    "SELECT 1 FROM theme_topics WHERE topic = ? LIMIT 1", (tag, tag)).fetchone():
        return tag
    tags = [r[0] for r in conn.execute("SELECT DISTINCT tag FROM topic_words WHERE key = ? ORDER BY tag", (key,))]
    if not tags:
        # A word that matches longer words: 'supply chains' by 'supply chain*'.
        tags = [r[0] for r in conn.execute(
            "SELECT DISTINCT tag FROM topic_words WHERE prefix = 1 AND substr(?, 1, length(key)) = key "
            "ORDER BY tag", (key,))]
    if len(tags) == 1:
        return tags[0]
    if tags:
        raise UsageError(f"topic word {value!r} belongs to several tags ({', '.join(tags)}); give one of them")
    if conn.execute("SELECT 1 FROM topic_words LIMIT 1").fetchone() is None:
        return tag  # no topic words stored at all: take the value as a tag
    names = {r[0]: r[0] for r in conn.execute("SELECT DISTINCT tag FROM topic_words")}
    for k, word, t in conn.execute("SELECT key, word, tag FROM topic_words"):
        names.setdefault(k, f"{word} ({t})")
    raise UsageError(f"unknown topic {value!r}{_suggest(key, names, tag)} (`g7 topics` lists them)")


# --- meetings -------------------------------------------------------------------

def meeting(conn: sqlite3.Connection, value: str) -> int:
    """A meeting id from an id ('2'), a year and a place or word ('2024
    Verona', '2025 外相'), or a fragment of a title in either language; every
    word of the value must occur in the meeting's year, dates, titles,
    cities or host. Unknown or ambiguous: a usage error listing candidates."""
    text = " ".join(value.split())
    if not text:
        raise UsageError("a meeting is needed: an id, '2024 Verona' or a words of its title")
    if text.isdigit():
        row = conn.execute("SELECT id FROM meetings WHERE id = ?", (int(text),)).fetchone()
        if row is not None:
            return row[0]
    words = [fold(w) for w in text.split()]
    phrase = fold(text)
    found, exact = [], []
    for mid, hay, titles in _meeting_haystacks(conn):
        if all(w in hay for w in words):
            found.append(mid)
            if any(phrase == fold(t) for t in titles):
                exact.append(mid)
    if len(found) == 1:
        return found[0]
    if len(exact) == 1:
        return exact[0]
    if not found:
        raise UsageError(f"no meeting matches {value!r}; `g7 meetings` lists them")
    labels = "; ".join(_label(conn, mid) for mid in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise UsageError(f"{value!r} matches {len(found)} meetings: {labels}{more}; give an id or more words")


def _meeting_haystacks(conn):
    rows = conn.execute(
        "SELECT m.id, m.year, m.start_date, m.end_date, m.titles, m.title, m.host_country, m.host_country_code, "
        "(SELECT group_concat(coalesce(c.name, '') || ' ' || coalesce(c.name_ja, ''), ' ') "
        " FROM meeting_cities c WHERE c.meeting_id = m.id) AS cities, "
        "(SELECT group_concat(a.alias, ' ') FROM country_aliases a WHERE a.code = m.host_country_code) AS host_aliases "
        "FROM meetings m ORDER BY m.start_date IS NULL, m.start_date, m.id").fetchall()
    for r in rows:
        titles = [r[5], *json.loads(r[4] or "[]")]
        parts = [str(r[1] or ""), r[2] or "", r[3] or "", *titles, r[6] or "", r[7] or "", r[8] or "", r[9] or ""]
        yield r[0], fold(" \n ".join(parts)), titles


def _label(conn, mid: int) -> str:
    r = conn.execute("SELECT year, title FROM meetings WHERE id = ?", (mid,)).fetchone()
    return f"{mid} ({r[0] or '?'} {r[1]})"


# --- suggestions ----------------------------------------------------------------

def _suggest(key: str, names: dict[str, str], *more_keys: str) -> str:
    """'; did you mean A, B or C?' for the keys nearest to `key` ('' if none):
    at most three names, only those about as near as the nearest."""
    import difflib

    scored: dict[str, float] = {}
    for probe in (key, *more_keys):
        for k in difflib.get_close_matches(probe, list(names), n=10, cutoff=0.6):
            ratio = difflib.SequenceMatcher(None, probe, k).ratio()
            scored[names[k]] = max(ratio, scored.get(names[k], 0.0))
    if not scored:
        return ""
    best = max(scored.values())
    ranked = sorted((n for n, r in scored.items() if r >= best - 0.05), key=lambda n: -scored[n])[:3]
    return "; did you mean " + (ranked[0] if len(ranked) == 1 else ", ".join(ranked[:-1]) + " or " + ranked[-1]) + "?"
