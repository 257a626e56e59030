"""`g7 search TEXT`: full-text search over every stored document.

The query is split into terms (words, or "quoted phrases"); a document must
contain every term, case-insensitively, anywhere in its title or text.

- Terms of three characters or more go to the FTS5 index documents_fts
  (trigram tokenizer: any substring in any script, Japanese included),
  ranked with bm25 (title hits weigh more).
- Shorter terms (会談, 河野, 量子, AI) are below what a trigram can index, so
  they are looked up with instr() in documents itself. (On SQLite 3.40,
  LIKE against the trigram table returns nothing for short non-ASCII
  terms; the ordinary table has no such problem.) A query of short terms
  only is ranked by how often the terms occur.

Each hit is one document with a snippet: the line where most of the terms
occur, trimmed around the first of them, every occurrence marked «like
this». The index follows documents through triggers (migration 0002), so a
document added, replaced or removed is found, or no longer found, at once.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata

from g7cli.errors import UsageError

COLUMNS = ["rank", "document", "meeting_id", "year", "meeting", "language", "matches", "snippet",
           "document_id", "publisher", "published"]
TABLE_COLUMNS = ["rank", "document", "meeting_id", "year", "snippet"]
MARK_START, MARK_END = "«", "»"
MIN_INDEXED = 3          # the trigram tokenizer indexes three characters at a time
SNIPPET_WIDTH = 100

_TERM = re.compile(r'"([^"]*)"|(\S+)')


def terms(text: str) -> list[str]:
    """'Hiroshima AI "code of conduct"' -> ['Hiroshima', 'AI', 'code of conduct'] (NFKC, deduplicated)."""
    text = unicodedata.normalize("NFKC", text or "")
    out = []
    for m in _TERM.finditer(text):
        term = " ".join((m.group(1) if m.group(1) is not None else m.group(2)).split())
        if term and term.casefold() not in (t.casefold() for t in out):
            out.append(term)
    return out


def _fts_query(long_terms: list[str]) -> str:
    # Every term as a quoted FTS5 string: with the trigram tokenizer a string
    # matches wherever it occurs as a substring; quotes make operators
    # (AND, NEAR, *, -) plain text.
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)


def search(conn: sqlite3.Connection, text: str, f=None, limit: int | None = 20) -> list[dict]:
    """Documents containing every term of `text`, best first (see the module doc).

    f: a queries.Filters (year, since/until, country, meeting, topic, person apply
    to the document's meeting; a year also matches a document without a
    meeting by its publication date)."""
    from g7cli.queries import Filters, _Where
    from g7cli.resolve import check_filters

    f = f or Filters()
    check_filters(conn, f)
    found = terms(text)
    if not found:
        raise UsageError("nothing to search for: give a word or a \"phrase\"")
    long_terms = [t for t in found if len(t) >= MIN_INDEXED]
    short_terms = [t for t in found if len(t) < MIN_INDEXED]

    # Meeting-level filters through the same clauses the other commands use;
    # the year is checked here so that documents without a meeting keep theirs.
    on_meeting = _Where(Filters(country=f.country, topic=f.topic, meeting=f.meeting, delegate=f.delegate,
                                since=f.since, until=f.until, person=f.person))
    on_meeting.meeting_level("m")
    w = _Where(Filters())
    if on_meeting.clauses:
        # As the documents of the matching meetings, found through the meeting
        # indexes: written on the LEFT JOINed meeting, a search for short
        # terms read every document's text and then tested its meeting.
        w.add("doc.id IN (SELECT md.document_id FROM meeting_documents md JOIN meetings m "
              f"ON m.id = md.meeting_id {on_meeting.sql()})", **on_meeting.params)
    if f.year is not None:
        w.add("coalesce(m.year, CAST(substr(doc.published, 1, 4) AS INTEGER)) BETWEEN :year_lo AND :year_hi",
              year_lo=f.year[0], year_hi=f.year[1])
    for i, term in enumerate(short_terms):
        # lower() folds ASCII only: the term is lowered the same way in SQL.
        w.add(f"(instr(lower(doc.text), lower(:short{i})) > 0 OR instr(lower(coalesce(doc.title, '')), "
              f"lower(:short{i})) > 0)", **{f"short{i}": term})
    columns = ("doc.id, doc.file_name, doc.language, doc.publisher, doc.published, doc.title, doc.text, "
               "m.id AS meeting_id, m.title AS meeting, "
               "coalesce(m.year, CAST(substr(doc.published, 1, 4) AS INTEGER)) AS year")
    joins = "LEFT JOIN meeting_documents md ON md.document_id = doc.id LEFT JOIN meetings m ON m.id = md.meeting_id"
    if long_terms:
        w.add("documents_fts MATCH :fts", fts=_fts_query(long_terms))
        sql = (f"SELECT {columns}, bm25(documents_fts, 5.0, 1.0) AS score "
               f"FROM documents_fts JOIN documents doc ON doc.id = documents_fts.rowid {joins} {w.sql()}")
    else:
        sql = f"SELECT {columns}, 0.0 AS score FROM documents doc {joins} {w.sql()}"
    try:
        rows = conn.execute(sql, w.params).fetchall()
    except sqlite3.OperationalError as e:
        if "no such table: documents_fts" in str(e):  # cannot happen once 0002 ran; say so plainly
            raise UsageError("this database has no search index; run `g7 ingest` to upgrade it") from e
        raise
    # SQL found substrings; a term in Latin letters must also start a word
    # (and a short one end it: AI is not in "chair"), checked here.
    patterns = [_term_pattern(t) for t in found]
    hits = []
    for r in rows:
        text, title = r["text"] or "", r["title"] or ""
        counts = [len(p.findall(text)) for p in patterns]
        if all(n or p.search(title) for n, p in zip(counts, patterns)):
            hits.append((r["score"], -sum(counts), r["file_name"], r["id"], r))
    hits.sort(key=lambda h: h[:4])
    if limit is not None:
        hits = hits[:limit]
    out = []
    for rank, (_, _, _, _, r) in enumerate(hits, 1):
        snippet, count = make_snippet(r["text"], found, title=r["title"])
        out.append({
            "rank": rank, "document": r["file_name"], "meeting_id": r["meeting_id"], "year": r["year"],
            "meeting": r["meeting"], "language": r["language"], "matches": count, "snippet": snippet,
            "document_id": r["id"], "publisher": r["publisher"], "published": r["published"],
        })
    return out


_LATIN = "A-Za-z0-9\u00c0-\u024f"


def _term_body(term: str) -> str:
    body = r"\s+".join(re.escape(part) for part in term.split())
    if re.match(f"[{_LATIN}]", term[0]):
        body = f"(?<![{_LATIN}])" + body
    if len(term) < MIN_INDEXED and re.match(f"[{_LATIN}]", term[-1]):
        body += f"(?![{_LATIN}])"
    return body


def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(_term_body(term), re.IGNORECASE)


def make_snippet(text: str, found: list[str], title: str | None = None,
                 width: int = SNIPPET_WIDTH) -> tuple[str, int]:
    """(snippet with every occurrence «marked», number of occurrences in the text)."""
    pattern = re.compile("|".join(_term_body(t) for t in sorted(found, key=len, reverse=True)), re.IGNORECASE)
    text = text or ""
    count = sum(1 for _ in pattern.finditer(text))
    best, best_score = None, (0, 0)
    pos = 0
    for line in text.split("\n"):
        hits = [m.group(0).casefold() for m in pattern.finditer(line)]
        score = (len(set(hits)), len(hits))
        if hits and score > best_score:
            best, best_score = (pos, line), score
        pos += len(line) + 1
    if best is None:  # found in the title only
        line = title or text[:width]
    else:
        line = best[1]
    start = 0
    if len(line) > width:
        # The window (starting a little before a match) holding the most distinct terms.
        matches = list(pattern.finditer(line))
        best_window = (-1, 0)
        for m in matches:
            lo = max(0, min(m.start() - width // 4, len(line) - width))
            inside = {x.group(0).casefold() for x in matches if x.start() >= lo and x.end() <= lo + width}
            if len(inside) > best_window[0]:
                best_window = (len(inside), lo)
        start = best_window[1]
        # Begin at a sentence if one starts between there and the first match.
        first = next((m.start() for m in matches if m.start() >= start), start)
        cuts = [line.rfind(b, start, first) + len(b) for b in ("。", ". ", "! ", "? ") if line.rfind(b, start, first) >= 0]
        if start > 0 and cuts:
            start = max(cuts)
    end = min(len(line), start + width)
    # Whole words at either end of Latin text.
    if 0 < start < len(line) and line[start - 1].isascii() and line[start - 1].isalnum():
        space = line.find(" ", start, start + 20)
        if space >= 0:
            start = space + 1
    if end < len(line) and line[end].isascii() and line[end].isalnum():
        space = line.rfind(" ", max(start, end - 20), end)
        if space >= 0:
            end = space
    segment = line[start:end]
    marked = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", segment.strip())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(line) else ""
    return prefix + " ".join(marked.split()) + suffix, count
