"""Reference rows the queries look things up in, written from the gazetteer.

Query commands never import the gazetteer: `--country Italia`-style names
and `--topic 人工知能`-style words are resolved through tables in the
database. This module (write side only) fills them:

- countries / country_aliases: every country, region and organisation the
  gazetteer knows (ISO 3166 names and Japanese translations generated from
  pycountry by scripts/build_entities.py, plus the hand-kept alias lists:
  アメリカ, イギリス, 大韓民国, EU, 国連 ...), each alias mapped to the
  code `gazetteer.resolve` gives it, so a query resolves a name exactly as
  extraction does;
- topic_words: every word of every topic tag, in both languages;
- bilateral_name_keys: backfilled for talks stored before migration 0002.

`sync` runs when g7 opens a database for writing, after the migrations, and
does its work only when the bundled gazetteer files (or this module's
SYNC_VERSION) changed since the last time: a fingerprint is kept in g7_meta.
Aliases first seen in documents (store.register_country) are kept; a
gazetteer alias wins over one seen in a document.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3

from g7cli.resources import data_dir
from g7cli.textkeys import country_key, name_keys, topic_key

# Bump when what sync writes changes (not needed for data-file edits: those
# change the fingerprint by themselves).
SYNC_VERSION = 1
META_KEY = "reference"
_FILES = ("entities.tsv", "en/entities.tsv", "ja/entities.tsv", "en/topics.tsv", "ja/topics.tsv")


def fingerprint() -> str:
    h = hashlib.sha256(f"g7 reference v{SYNC_VERSION}\n".encode())
    for name in _FILES:
        path = data_dir() / name
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def stored_fingerprint(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM g7_meta WHERE key = ?", (META_KEY,)).fetchone()
    except sqlite3.OperationalError:  # no g7_meta: a schema before 0002
        return None
    return row[0] if row else None


def sync(conn: sqlite3.Connection, *, force: bool = False) -> bool:
    """Refill the reference rows if the gazetteer changed; True if it did.

    Runs in its own IMMEDIATE transaction (the caller must not hold one).
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'g7_meta'").fetchone() is None:
        return False  # a schema before 0002 (only while migrations are being tested)
    fp = fingerprint()
    if not force and stored_fingerprint(conn) == fp:
        return False
    from g7cli.store import transaction

    with transaction(conn):
        if not force and stored_fingerprint(conn) == fp:  # another process did it meanwhile
            return False
        fill_countries(conn)
        fill_topic_words(conn)
        backfill_bilateral_name_keys(conn)
        conn.execute("INSERT INTO g7_meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (META_KEY, fp))
    return True


def fill_countries(conn: sqlite3.Connection) -> None:
    from g7cli import gazetteer

    rows, aliases = [], {}
    for e in gazetteer.entities():
        rows.append((e.code, e.name))
        for alias in (e.code, e.alpha3, e.name, *gazetteer.aliases(e.code)):
            key = country_key(alias)
            if not key or key in aliases:
                continue
            # The code extraction would give this alias (AU: Australia, not
            # the African Union; blocked forms: none).
            code = gazetteer.resolve(alias)
            if code:
                aliases[key] = code
    conn.executemany("INSERT INTO countries(code, name) VALUES (?, ?) "
                     "ON CONFLICT(code) DO UPDATE SET name = excluded.name", rows)
    conn.executemany("INSERT OR REPLACE INTO country_aliases(alias, code) VALUES (?, ?)",
                     [(k, c) for k, c in aliases.items() if c in {r[0] for r in rows}])


def fill_topic_words(conn: sqlite3.Connection) -> None:
    from g7cli import gazetteer

    conn.execute("DELETE FROM topic_words")
    conn.executemany(
        "INSERT OR IGNORE INTO topic_words(key, tag, word, language, prefix, weak, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(topic_key(word), tag, word, lang, int(word.endswith("*")), int(weak), pos)
         for pos, (tag, word, lang, weak) in enumerate(gazetteer.topic_words()) if topic_key(word)])


def bilateral_keys(counterparts: list[str]) -> list[str]:
    """What --person matches on a talk: each counterpart spelling and its words."""
    return list(dict.fromkeys(k for name in counterparts for k in name_keys(name)))


def backfill_bilateral_name_keys(conn: sqlite3.Connection) -> None:
    missing = conn.execute(
        "SELECT id, counterparts FROM bilaterals WHERE id NOT IN (SELECT bilateral_id FROM bilateral_name_keys)"
    ).fetchall()
    conn.executemany("INSERT OR IGNORE INTO bilateral_name_keys(bilateral_id, key) VALUES (?, ?)",
                     [(tid, k) for tid, names in missing for k in bilateral_keys(json.loads(names or "[]"))])
