"""Fuzzing with hypothesis: the decoders, the HTML reducer, the section splitter,
the date parser, the list parsers and the whole extraction, fed arbitrary and
mutated text (random bytes, cut documents, shuffled and spliced lines of the
seeds and the corpus, mixed scripts, corrupted bytes). Nothing raises, every
date is valid, and every fact points at a real span of its document, in the
extraction and in the database.

Example counts are modest so the suite stays fast, and the runs are
derandomized so CI is repeatable; `G7_FUZZ=20` multiplies the counts and
explores new inputs on every run (what was done before committing).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from g7cli import db as database, store
from g7cli.decode import DecodeError, decode
from g7cli.extract import bilaterals, extract, outcomes, participants, themes
from g7cli.extract.dates import clusters
from g7cli.extract.model import Evidence
from g7cli.extract.normalize import language, normalize
from g7cli.extract.structure import parse
from g7cli.html import to_text
from g7cli.ingest import _Refused as Refused, hash_text, read_text
from g7cli.resources import seeds_dir

REPO = Path(__file__).resolve().parents[1]
DOCS = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))
        + sorted((REPO / "tests" / "corpus").glob("*.txt"))]

SCALE = int(os.environ.get("G7_FUZZ", "0") or 0)


def fuzz(n: int):
    """Settings for a fuzz test: n examples (x G7_FUZZ when set, then random)."""
    return settings(max_examples=n * max(SCALE, 1), deadline=None, derandomize=not SCALE, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


# --- strategies ------------------------------------------------------------------------------

GENRE = list("年月日()（）、。・,.:：-–〜~【】[]■●◆①②(1)1.第一二三曜火水木金土 \n\n\t") + [
    "令和", "平成", "元年", "G7", "G20", "大臣会合", "開催", "出席", "会談", "議長国", "招待国", "国際機関",
    "March", "April", "14", "15", "2024", "2019年", "Minister", "met", "held", "Meeting", "Presidency",
    "Italy", "イタリア", "Japan", "EU", "OECD", "Declaration", "宣言", "附属書", "Mr.", "Ms.", "テーマ"]
mixed_text = st.lists(st.one_of(
    st.sampled_from(GENRE),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=8),
    st.text(alphabet=st.characters(min_codepoint=0x3040, max_codepoint=0x30FF), max_size=6),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=4),
), max_size=120).map("".join)


@st.composite
def mutated_document(draw) -> str:
    text = draw(st.sampled_from(DOCS))
    lines = text.split("\n")
    op = draw(st.sampled_from(["cut", "shuffle", "drop", "splice", "insert", "corrupt", "as-is"]))
    if op == "cut":
        a = draw(st.integers(0, len(text)))
        text = text[a:draw(st.integers(a, len(text)))]
    elif op == "shuffle":
        text = "\n".join(draw(st.permutations(lines)))
    elif op == "drop":
        keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
        text = "\n".join(ln for ln, k in zip(lines, keep) if k)
    elif op == "splice":
        other = draw(st.sampled_from(DOCS)).split("\n")
        cut_a, cut_b = draw(st.integers(0, len(lines))), draw(st.integers(0, len(other)))
        text = "\n".join(lines[:cut_a] + other[cut_b:])
    elif op == "insert":
        for _ in range(draw(st.integers(1, 5))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(mixed_text) + text[at:]
    elif op == "corrupt":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        text = data.decode("utf-8", errors="replace")
    return text


any_text = st.one_of(mixed_text, mutated_document(), st.text(max_size=300))


# --- invariants ------------------------------------------------------------------------------

def evidences(ex):
    if ex.meeting is not None:
        yield "meeting", ex.meeting.evidence
    for kind in ("delegates", "participants", "themes", "bilaterals", "outcomes"):
        for fact in getattr(ex, kind):
            yield kind, fact.evidence


def check_span(text: str, ev: Evidence | None, what: str) -> None:
    if ev is None:
        return
    assert 0 <= ev.start <= ev.end <= len(text), (what, ev)
    assert text[ev.start:ev.end] == ev.text, (what, ev)


def check_date(value: str | None, what: str) -> None:
    if value is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (what, value)
        dt.date.fromisoformat(value)


def check_extraction(ex) -> None:
    for what, ev in evidences(ex):
        check_span(ex.text, ev, what)
    check_date(ex.published, "published")
    if ex.meeting is not None:
        check_date(ex.meeting.start_date, "start_date")
        check_date(ex.meeting.end_date, "end_date")
        assert ex.meeting.start_date is None or ex.meeting.end_date is None or \
            ex.meeting.start_date <= ex.meeting.end_date
    for b in ex.bilaterals:
        check_date(b.date, "talk date")
    assert ex.language in ("en", "ja")


# --- decoders ---------------------------------------------------------------------------------

@fuzz(300)
@given(st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"%PDF-",
                               b"PK\x03\x04", b"\x1b$B", b"<html><meta charset=shift_jis>"]),
              st.binary(max_size=500)).map(b"".join),
    any_text.flatmap(lambda t: st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp932", "euc_jp", "latin-1"]).map(
        lambda enc: t.encode(enc, errors="ignore"))),
))
@example(b"")
@example(b"\xff\xfe")
@example(b"\x00" * 10)
def test_decode_gives_text_or_a_reason(data):
    try:
        got = decode(data)
    except DecodeError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(got.text, str) and got.text.strip()
    assert "\x00" not in got.text and "\r" not in got.text
    assert got.encoding
    got.text.encode("utf-8")          # no lone surrogates: it can be stored
    assert decode(data) == got        # and it is deterministic


@fuzz(150)
@given(mixed_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(text, encoding):
    expected = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    try:
        got = decode(text.encode(encoding))
    except DecodeError:
        # Only for what is not a document: blank, or mostly control characters.
        assert not expected.strip() or sum(1 for c in expected if c < " " and c not in "\t\n\f\v\x1a\x1b") > 2 \
            or "\x00" in expected or any("\x7f" <= c <= "\x9f" for c in expected)
        return
    assert got.text == expected


TAGS = ["p", "div", "span", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "br", "nav", "header", "footer",
        "main", "article", "aside", "script", "style", "pre", "a", "b", "img", "form", "section", "dl", "dt", "dd"]


@st.composite
def tag_soup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = draw(st.sampled_from(["", ' class="nav"', ' id="main"', ' role="main"', " hidden",
                                          ' style="display:none"', ' class="breadcrumb"', ' id="footer"']))
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(mixed_text))
        elif kind == 3:
            parts.append(draw(st.sampled_from(["&amp;", "&nbsp;", "&#12354;", "&#xD800;", "&bogus;", "<!--", "-->",
                                               "<![CDATA[", "<!DOCTYPE html>", "<", ">", "\u3000"])))
        else:
            parts.append(draw(st.text(max_size=20)))
    return "".join(parts)


@fuzz(150)
@given(st.one_of(tag_soup(), st.text(max_size=500)))
@example("<div>" * 3000 + "x")
def test_html_reduces_any_markup_to_text(markup):
    text = to_text(markup)
    assert isinstance(text, str) and text.endswith("\n")
    assert "<script" not in text.lower() or "<script" in markup.lower()


# --- the section splitter, dates, list parsers ----------------------------------------------

@fuzz(150)
@given(any_text)
def test_sections_split_anything(raw):
    text = normalize(raw)
    doc = parse(text, language(text))
    for ln in doc.lines:
        assert text[ln.start:ln.end] == ln.text
        assert ln.start <= ln.content_start <= ln.end or not ln.text
    for h in doc.headings:
        assert 0 <= h.line.index < h.end_line <= len(doc.lines)
        assert h.level >= 0


DATE_LIKE = st.from_regex(
    r"\A(?:(?:令和|平成|昭和)(?:元|\d{1,2})年|(?:19|20)\d\d年)?\d{1,2}月\d{1,3}日(?:\([月火水木金土日]\))?"
    r"(?:(?:、|及び|から|〜|-)\d{1,3}日)?\Z|\A(?:January|March|Sept|Dec)\.? \d{1,3}(?:,? (?:and|to) \d{1,3})?,? (?:19|20)\d\d\Z",
    fullmatch=True)


@fuzz(300)
@given(st.one_of(any_text, DATE_LIKE, st.lists(DATE_LIKE, max_size=4).map(" and ".join)),
       st.sampled_from([None, dt.date(2024, 3, 18), dt.date(2019, 1, 5), dt.date(2000, 12, 31)]))
@example("令和元年2月30日", None)
@example("平成99年13月32日から0日", dt.date(2024, 1, 1))
@example("December 31 and January 1", dt.date(2024, 1, 2))
def test_dates_are_always_valid(text, ref):
    for c in clusters(text):
        assert 0 <= c.start <= c.end <= len(text)
        for y, m, d in c.dates:
            assert 1 <= d <= 31 and (m is None or 1 <= m <= 12)
        for day in c.resolve(ref):
            assert isinstance(day, dt.date)


@fuzz(60)
@given(mutated_document())
def test_list_parsers_point_at_their_text(raw):
    text = normalize(raw)
    doc = parse(text, language(text))
    for fact in participants.extract(doc) + themes.extract(doc) + outcomes.extract(doc):
        check_span(text, fact.evidence, type(fact).__name__)
    for talk in bilaterals.extract(doc, [], [dt.date(2024, 3, 14), dt.date(2024, 3, 15)]):
        check_span(text, talk.evidence, "talk")
        check_date(talk.date, "talk date")


# --- the whole extraction, and what is stored -------------------------------------------------

@fuzz(60)
@given(st.one_of(mutated_document(), mixed_text))
def test_whole_extraction_never_raises_and_points_at_real_spans(raw):
    ex = extract(raw)
    assert ex.text == normalize(raw)
    check_extraction(ex)
    assert extract(ex.text) == ex      # re-extracting the stored text gives the same (g7 reextract)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "g7.db"
    database.open_write(path).close()
    return path


@fuzz(25)
@given(mutated_document())
def test_every_stored_fact_points_at_its_document(fuzz_db, raw):
    w = database.open_write(fuzz_db)
    conn = w.conn
    try:
        # What `g7 ingest` does with the file: decode (refusing binary), extract, save.
        try:
            decoded, _ = read_text(raw.encode("utf-8"), name="fuzz.txt")
        except Refused:
            return
        ex = extract(decoded)
        sha = hash_text(decoded)
        result = store.save(conn, path=f"/fuzz/{sha}.txt", sha256=sha, extraction=ex)
        text = conn.execute("SELECT text FROM documents WHERE id = ?", (result.document_id,)).fetchone()[0]
        for table in ("meeting_documents", "delegate_sources", "participants", "themes", "bilateral_sources",
                      "outcomes"):
            for ev_text, start, end in conn.execute(
                    f"SELECT evidence_text, evidence_start, evidence_end FROM {table} WHERE document_id = ?",
                    (result.document_id,)):
                if start is not None:
                    assert 0 <= start <= end <= len(text) and text[start:end] == ev_text, table
        for sql in ("SELECT start_date FROM meeting_documents", "SELECT end_date FROM meeting_documents",
                    "SELECT date FROM bilateral_sources", "SELECT published FROM documents",
                    "SELECT start_date FROM meetings", "SELECT date FROM bilaterals"):
            for (value,) in conn.execute(sql):
                check_date(value, sql)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        w.close()
