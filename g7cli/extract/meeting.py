"""The meeting a release reports: its name, days, places, host and format.

The reported meeting is the G7 meeting named in the headline, else the first
one named in a sentence saying it was held. Background mentions of earlier
meetings ("the G7 ... Meeting held in Turin in 2017") are not it: they are
neither in the headline nor a sentence that gives the meeting's days.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from g7cli import gazetteer
from g7cli.extract.dates import clusters
from g7cli.extract.model import City, Evidence
from g7cli.extract.rules import any_lang, rx
from g7cli.extract.structure import Document
from g7cli.resources import data_dir

_EN_MEETING = re.compile(
    r"\bG7\s+(?:(?:[A-Z][\w'’\-]*|and|&|of|on|for|the|in|,)\s*){0,12}?"
    r"(?:Ministers['’]?\s+Meeting|Ministerial\s+Meeting|Ministerial\s+Conference|Ministers['’]?\s+Conference"
    r"|Ministers['’]?\s+(?:Video\s*[Cc]onference|Videoconference|Teleconference|Virtual\s+Meeting|Online\s+Meeting)"
    r"|Ministerial|Meeting\s+of\s+[A-Z][\w ]+?Ministers|Summit)(?:\s+on\s+[A-Z][\w ]+?(?=[,.(]|$))?")
_JA_MEETING = re.compile(
    r"G7(?:(?!G7)[^\s、。「」『』()（）,]){0,30}?(?:大臣会合|閣僚会合|外相会合|外務大臣会合|大臣会議|閣僚会議|首脳会合|サミット|関係閣僚会合|大臣テレビ会議|大臣オンライン会合|大臣ビデオ会議)")
_HEADLINE_LINES = 12


@dataclass
class Mention:
    start: int
    end: int
    title: str


def mentions(doc: Document) -> list[Mention]:
    out = []
    for rxm in (_EN_MEETING, _JA_MEETING):
        for m in rxm.finditer(doc.text):
            out.append(Mention(m.start(), m.end(), m.group().strip(" ,")))
    out.sort(key=lambda x: x.start)
    return out


def _headline_end(doc: Document) -> int:
    seen = 0
    for line in doc.lines:
        if line.blank:
            continue
        seen += 1
        if seen >= _HEADLINE_LINES or len(line.text) > 120:
            return line.start
    return len(doc.text)


def _sentence_of(doc: Document, pos: int) -> tuple[int, int]:
    return doc.sentence_at(pos)


def _held(sent: str):
    """A 'held' verb outside quotations (「開かれた研究」 is a title, not an event)."""
    return any_lang("held", re.sub(r"「[^」]*」|“[^”]*”", "", sent))


def published(doc: Document) -> dt.date | None:
    head_end = _headline_end(doc)
    labelled = re.search(r"(?:公開日|発表日|掲載日|更新日|Published(?: on)?|Release date|Date of issue)\s*[:：]?\s*", doc.text[:head_end])
    order = []
    if labelled:
        order.append(labelled.end())
    order.append(0)
    for start in order:
        for c in clusters(doc.text, start, head_end):
            if c.has_month and all(y is not None for y, _, _ in c.dates) and len(c.dates) == 1:
                s, e = _sentence_of(doc, c.start)
                sent = doc.text[s:e]
                if _held(sent):
                    continue
                got = c.resolve(None)
                if got:
                    return got[0]
    return None


@cache
def _publishers() -> list[tuple[str, re.Pattern]]:
    with open(data_dir() / "publishers.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t")][1:]
    return [(name, re.compile(pattern)) for name, pattern in rows]


def publisher(doc: Document) -> str | None:
    head = doc.text[:_headline_end(doc)]
    for scope in (head, doc.text):
        hits = [(m.start(), name) for name, p in _publishers() for m in [p.search(scope)] if m]
        if hits:
            return min(hits)[1]
    return None


def _clean_title(title: str) -> str:
    title = re.sub(r"^(?:Results? of (?:the )?|Outcome of (?:the )?)", "", title)
    return re.sub(r"(?:の開催結果|の結果|\(結果概要\))$", "", title).strip()


def main_mention(doc: Document) -> Mention | None:
    found = mentions(doc)
    if not found:
        return None
    head_end = _headline_end(doc)
    in_head = [m for m in found if m.start < head_end and "サミット" not in m.title and "Summit" not in m.title]
    if in_head:
        return in_head[0]
    if any_lang("other_forums", doc.text[:head_end]):
        return None     # the release is about a G20/APEC/... meeting; G7 only comes up in passing
    for m in found:
        s, e = _sentence_of(doc, m.start)
        sent = doc.text[s:e]
        if _held(sent) or re.search(r"出席|参加|attend|participat", sent, re.I):
            if any(c.has_month for c in clusters(doc.text, s, e)):
                return m
    return None


_DATE_LABEL = re.compile(r"^(?:日時|開催日|開催日時|日程|期間|Dates?|When)\s*[:：]", re.I)
_ABOUT_MEETING = re.compile(r"本会合|同会合|会合は|the meeting|ministers", re.I)
_ATTEND = re.compile(r"attend|出席|参加", re.I)


def _date_sources(doc: Document, mention: Mention):
    """Where the meeting's days may be read, best first, each with how far it
    is trusted: 'label' (a date section or 日時: line), 'mention' (the
    sentence naming the meeting) or 'sentence' (any other sentence)."""
    for h in doc.sections("date"):
        body = doc.body(h)
        yield h.line.content_start, (body[-1].end if body else h.line.end), "label"
    for line in doc.lines:
        if _DATE_LABEL.match(line.content):
            yield line.start, line.end, "label"
    yield (*_sentence_of(doc, mention.start), "mention")
    for line in doc.lines:
        for s, e in doc.line_sentences(line):
            yield s, e, "sentence"


def meeting_dates(doc: Document, mention: Mention, ref: dt.date | None) -> tuple[list[dt.date], tuple[int, int] | None]:
    """The meeting days and the span of text they were read from."""
    for s, e, trust in _date_sources(doc, mention):
        sent = doc.text[s:e]
        held = _held(sent)
        if trust == "sentence" and not ((held or _ATTEND.search(sent)) and (
                mention.title in sent or _JA_MEETING.search(sent) or _EN_MEETING.search(sent) or _ABOUT_MEETING.search(sent))):
            continue
        start = s
        if trust != "label" and any_lang("travel", sent):
            if not held:
                continue
            start = s + held.start()   # a trip's dates come first; the meeting's own days follow "held"
        found = [c for c in clusters(doc.text, start, e) if c.has_month]
        # "Building on the meeting held in A on 29-30 April, the meeting was
        # held in B on 14-15 March": the days after the reported meeting's name.
        after = [c for c in found if c.start > mention.start] if s <= mention.start < e else []
        for c in after + found:
            got = c.resolve(ref)
            if got:
                return got, (s, e)
    return [], None


def _names_other_meeting(sent: str, mention: Mention) -> bool:
    """The sentence names a G7 meeting other than the reported one (a summit, the previous ministerial)."""
    own = _clean_title(mention.title)
    titles = [_clean_title(m.group()) for rxm in (_EN_MEETING, _JA_MEETING) for m in rxm.finditer(sent)]
    return bool(titles) and not any(_shortened(t, own) for t in titles)


def _shortened(title: str, own: str) -> bool:
    """`title` is `own`, or `own` without one run of words: the headline's
    "G7トロント外相会合" is the body's "G7外相会合"."""
    if title == own:
        return True
    return len(title) < len(own) and any(own.startswith(title[:i]) and own.endswith(title[i:])
                                         for i in range(2, len(title)))


def held_sentence(doc: Document, mention: Mention, days_span: tuple[int, int] | None,
                  days: list[dt.date] | None = None) -> tuple[int, int]:
    """The sentence that says where the reported meeting took place (not one
    that gives other days: "the last meeting took place in Turin in 2017")."""
    s, e = _sentence_of(doc, mention.start)
    if _held(doc.text[s:e]) and not (any_lang("travel", doc.text[s:e]) and "出席" in doc.text[s:e]):
        return s, e
    if days_span and "\n" not in doc.text[days_span[0]:days_span[1]].strip() \
            and not _names_other_meeting(doc.text[days_span[0]:days_span[1]], mention):
        return days_span
    for line in doc.lines:
        for s2, e2 in doc.line_sentences(line):
            sent = doc.text[s2:e2]
            if _held(sent) and not any_lang("travel", sent) and not _names_other_meeting(sent, mention) \
                    and (_clean_title(mention.title) in sent or _ABOUT_MEETING.search(sent)) \
                    and not _other_days(sent, days):
                return s2, e2
    return s, e


def _other_days(sent: str, days: list[dt.date] | None) -> bool:
    """The sentence dates something, and none of it falls on the meeting's days."""
    if not days:
        return False
    dated = [d for c in clusters(sent) if c.has_month for d in c.resolve(days[0])]
    return bool(dated) and not set(dated) & set(days)


_JA_PLACE = re.compile(r"(?P<place>[^、。]{1,60}?)(?:において|にて|で(?:開催|開か)|で[、,]|を訪問|に出張|へ出張)")
_EN_PLACE = re.compile(r"\b(?:in|at|visited|to)\s+(?P<place>[A-Z][^.;]{1,80}?)(?=, (?:and|where|which)\b|,? (?:under|on|from|with|as|to|chaired|hosted)\b|[.;]|$)")


def place(doc: Document, span: tuple[int, int]) -> tuple[list[City], str | None, Evidence]:
    s, e = span
    sent = doc.text[s:e]
    scopes = []
    for m in list(_JA_PLACE.finditer(sent)) + list(_EN_PLACE.finditer(sent)):
        scopes.append((s + m.start("place"), s + m.end("place")))
    host_scopes = len(scopes)
    for h in doc.sections("venue") + doc.sections("date"):
        body = doc.body(h)
        if body:
            scopes.append((body[0].start, body[-1].end))
    for line in doc.lines:
        if re.match(r"^(?:会場|開催地|場所|Venue|Place|Location)\s*[:：]", line.content, re.I):
            scopes.append((line.start, line.end))
    cities: list[City] = []
    host = None
    for n, (a, b) in enumerate(scopes):
        if cities and n >= host_scopes:
            break   # the held sentence named the place; sections add nothing
        for m in gazetteer.find_cities(doc.text[a:b]):
            name, code = gazetteer.city(m.name)
            if all(c.name != name for c in cities):
                cities.append(City(name=name, name_ja=m.alias if not m.alias.isascii() else None, country_code=code))
        if host is None and (n < host_scopes or h_is_venue(doc, a)):
            for m in gazetteer.find_entities(doc.text[a:b]):
                ent = gazetteer.entity(m.code)
                if ent and ent.type == "country":
                    host = m.code
                    break
    if not cities:
        for a, b in scopes[:host_scopes]:
            guess = _guess_city(doc.text[a:b])
            if guess:
                cities.append(City(name=guess, name_ja=None if guess.isascii() else guess, country_code=host))
                break
    if cities and cities[0].country_code:
        host = cities[0].country_code
    elif host is None and any(re.search(r"[\u4e00-\u9fff]{1,3}[都道府県]", doc.text[a:b]) for a, b in scopes[:host_scopes]):
        host = "JP"     # "群馬県高崎市において": a Japanese prefecture
    if host is None:
        host = presidency(doc)
    return cities, host, Evidence(s, e, sent)


_EN_PRESIDENCY = re.compile(r"(?:[Uu]nder|of|on)\s+(?:the\s+)?(?P<c>[A-Z][\w .]+?)(?:['’]s)?\s+(?:G7\s+)?[Pp]residency"
                            r"|G7\s+[Pp]residency\s+of\s+(?:the\s+)?(?P<c2>[A-Z][\w .]+)"
                            r"|(?P<c3>[A-Z][\w .]+?),\s+as\s+(?:the\s+)?(?:G7\s+)?(?:[Pp]residency|[Pp]resident|[Cc]hair)\b"
                            r"|(?P<c4>[A-Z][\w .]+?),\s+which\s+(?:holds|held|has)\s+the\s+(?:G7\s+)?[Pp]residency")
_JA_PRESIDENCY = re.compile(r"議長国(?:である|の|・)?(?P<c>[^\s、。のでがはを]{2,12})|(?P<c2>[^\s、。のでがはを]{2,12}?)議長国")


_KATA_WORD = r"[\u30a1-\u30fa\u30fc]+(?:[・=][\u30a1-\u30fa\u30fc]+)*"


def _guess_city(place_text: str) -> str | None:
    """A city the gazetteer does not know, from the shape of the place phrase:
    'ドイツ・ベルリン', 'カナダのウィスラー', 'イタリア(X及びY)', 'in X, Country'."""
    countries = gazetteer.find_entities(place_text)
    for c in countries:
        rest = place_text[c.end:]
        m = re.match(rf"\s*(?:・|の|\(|、)\s*(?:[^\s・(、]{{1,8}}?[州県省]の?)?(?P<city>{_KATA_WORD})(?=$|[)\s、及と])", rest)
        if m and not gazetteer.resolve(m.group("city")):
            return m.group("city")
    m = re.match(r"(?P<city>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}),\s+(?:the\s+)?(?P<country>[A-Z][\w ]+)", place_text)
    if m and gazetteer.resolve(m.group("country")) and not gazetteer.resolve(m.group("city")):
        return m.group("city")
    return None


def h_is_venue(doc: Document, pos: int) -> bool:
    """A venue section (or label) names the host country; a date section's
    "(Japan time)" does not."""
    return any(h.line.index < next(ln.index for ln in doc.lines if ln.start <= pos <= ln.end + 1) < h.end_line
               for h in doc.sections("venue")) or bool(
        re.match(r"^(?:会場|開催地|場所|Venue|Place|Location)", doc.text[pos:pos + 12], re.I))


def presidency(doc: Document) -> str | None:
    """The presidency the text names. Japanese releases often recall Japan's
    own earlier presidency ("Japan's 2023 G7 Presidency"), so another
    country named as presidency wins over Japan."""
    codes = []
    for rxp in (_EN_PRESIDENCY, _JA_PRESIDENCY):
        for m in rxp.finditer(doc.text):
            name = next(g for g in m.groups() if g)
            found = gazetteer.find_entities(name)
            if found:
                codes.append(found[0].code)
    return next((c for c in codes if c != "JP"), codes[0] if codes else None)


def is_virtual(doc: Document, span: tuple[int, int], mention: Mention) -> bool:
    scopes = [doc.text[span[0]:span[1]], doc.text[:_headline_end(doc)]]
    for h in doc.sections("date") + doc.sections("venue"):
        scopes += [ln.text for ln in doc.body(h)]
    return any(any_lang("virtual", s) for s in scopes)


def title(mention: Mention) -> str:
    return _clean_title(mention.title)


__all__ = ["main_mention", "meeting_dates", "place", "published", "publisher", "title", "is_virtual", "held_sentence", "rx"]
