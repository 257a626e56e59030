"""`g7 topics`: the topic tags, their words in both languages, and how many
themes and meetings carry each (counted like `g7 themes --topic TAG`)."""
from __future__ import annotations

import sqlite3

COLUMNS = ["tag", "themes", "meetings", "words_en", "words_ja"]
TABLE_COLUMNS = COLUMNS


def topics(conn: sqlite3.Connection, f=None) -> list[dict]:
    """One row per tag (taxonomy order: alphabetical), words as written in the
    gazetteer files ('*' dropped), counts over the themes `f` selects."""
    from g7cli import queries

    f = f or queries.Filters()
    themes = queries.themes(conn, queries.Filters(year=f.year, country=f.country, meeting=f.meeting,
                                                  since=f.since, until=f.until))
    rows: dict[str, dict] = {}
    for tag, word, lang in conn.execute("SELECT tag, word, language FROM topic_words ORDER BY tag, position"):
        row = rows.setdefault(tag, {"tag": tag, "themes": 0, "meetings": 0, "words_en": [], "words_ja": []})
        words = row["words_ja" if lang == "ja" else "words_en"]
        if word not in words:
            words.append(word)
    meetings: dict[str, set] = {}
    for t in themes:
        for tag in t["topics"]:
            row = rows.setdefault(tag, {"tag": tag, "themes": 0, "meetings": 0, "words_en": [], "words_ja": []})
            row["themes"] += 1
            meetings.setdefault(tag, set()).add(t["meeting_id"])
    for tag, ids in meetings.items():
        rows[tag]["meetings"] = len(ids)
    return [rows[tag] for tag in sorted(rows)]


def for_table(rows: list[dict], words: int = 4) -> list[dict]:
    """A terminal's view: the first few words of each language, then '…'."""
    def few(ws: list[str]) -> list[str]:
        return ws[:words] + (["…"] if len(ws) > words else [])

    return [{**r, "words_en": few(r["words_en"]), "words_ja": few(r["words_ja"])} for r in rows]
