"""Lines, list markers, headings and sections of a normalised document.

A heading is recognised by its form (numbered in any style, a symbol such as
■, a bracketed label) or, for a bare line, by heading words of a known kind.
Levels follow the order in which heading styles first appear, the way a
reader infers an outline; a section runs to the next heading of the same or
a higher level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from g7cli.extract.rules import heading_rx

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# (style, pattern); the pattern's group "c" is the content after the marker.
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("circled", re.compile(r"^[\u2460-\u2473\u2776-\u277F](?:\s*)(?P<c>.*)$")),
    ("paren-num", re.compile(r"^\(\s*(?P<n>\d{1,2})\s*\)\s*(?P<c>.*)$")),
    ("paren-kanji", re.compile(r"^\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*(?P<c>.*)$")),
    ("num-paren", re.compile(r"^(?P<n>\d{1,2})\)\s*(?P<c>.*)$")),
    ("num-dot", re.compile(r"^(?P<n>\d{1,2})\s*[.．、](?!\d)\s*(?P<c>.*)$")),
    ("num-space", re.compile(rf"^(?P<n>\d{{1,2}})\s+(?!{_MONTH}|\d|年|月|日)(?P<c>\S.*)$", re.I)),
    ("dai", re.compile(r"^第\s*(?:\d+|[一二三四五六七八九十]+)\s*[章節部項]?[.、\s]\s*(?P<c>.*)$")),
    ("kanji-num", re.compile(r"^[一二三四五六七八九十]{1,3}[、.]\s*(?P<c>.*)$")),
    ("roman", re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]\s+(?P<c>.*)$")),
    ("iroha", re.compile(r"^[アイウエオカキクケコ]\s+(?P<c>.*)$")),
    ("alpha", re.compile(r"^\(?[a-h](?:\)|\.(?=\s+[A-Z]))\s+(?P<c>.*)$")),
    ("symbol", re.compile(r"^(?P<s>[■◆▼▲◇□▶►●])\s*(?P<c>.*)$")),
    ("bracket", re.compile(r"^(?:【(?P<b1>[^】]{1,40})】|\[\s*(?P<b2>[^\]]{1,60}?)\s*\])\s*(?P<c>.*)$")),
    ("bullet", re.compile(r"^(?P<s>[-*•・◦○▪‐–—])\s*(?P<c>.*)$")),
    ("note", re.compile(r"^(?P<s>※)\s*(?P<c>.*)$")),
]
_HEADING_STYLES = {"circled", "paren-num", "paren-kanji", "num-paren", "num-dot", "num-space", "dai", "kanji-num",
                   "roman", "iroha", "alpha", "symbol"}
_SENTENCE_END = re.compile(r"[。．]$|(?<!\betc)(?<!\bNo)[.!?]$")


@dataclass
class Line:
    index: int
    start: int          # offset of the first non-blank character in the document
    end: int
    text: str           # stripped line
    indent: int
    style: str | None   # list/heading marker style, None for plain text
    content: str        # the text after the marker
    content_start: int
    label: str | None = None   # bracketed label, for style "bracket"

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Heading:
    line: Line
    level: int
    kind: str | None    # date | venue | participants | delegates | themes | outcomes | bilaterals | other | None
    end_line: int = 0   # index of the first line after the section

    @property
    def title(self) -> str:
        return self.line.content


def _classify(text: str, lang: str, bare: bool) -> str | None:
    kinds = [kind for kind, rx in heading_rx(lang) if rx.search(text)]
    if not kinds and lang != "en":
        kinds = [kind for kind, rx in heading_rx("en") if rx.search(text)]
    if not kinds:
        return None
    if bare and "other" in kinds:
        return "other"
    return kinds[0]


@dataclass
class Document:
    text: str
    lang: str
    lines: list[Line] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    @cached_property
    def heading_at(self) -> dict[int, Heading]:
        return {h.line.index: h for h in self.headings}

    def enclosing(self, line_index: int) -> list[Heading]:
        """Headings whose sections contain the line, outermost first."""
        return [h for h in self.headings if h.line.index < line_index < h.end_line]

    def section_kinds(self, line_index: int) -> set[str]:
        return {h.kind for h in self.enclosing(line_index) if h.kind}

    def body(self, h: Heading) -> list[Line]:
        return self.lines[h.line.index + 1:h.end_line]

    def sections(self, kind: str) -> list[Heading]:
        return [h for h in self.headings if h.kind == kind]

    @cached_property
    def _sentence_spans(self) -> dict[int, list[tuple[int, int]]]:
        # Every extractor walks the same sentences; split each line once.
        return {ln.index: sentences(self.text, ln.start, ln.end) for ln in self.lines}

    def line_sentences(self, line: Line) -> list[tuple[int, int]]:
        return self._sentence_spans[line.index]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding a position (its line when no sentence does)."""
        line = next((ln for ln in self.lines if ln.start <= pos <= ln.end), None)
        if line is None:
            return pos, pos
        for s, e in self.line_sentences(line):
            if s <= pos < e:
                return s, e
        return line.start, line.end


def _split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        style, content, cstart, label = None, stripped, start, None
        for name, rx in _MARKERS:
            m = rx.match(stripped)
            if m and m.group("c") is not None:
                style = name
                if name in ("symbol", "bullet", "note"):
                    style = f"{name}:{m.group('s')}"
                content = m.group("c").strip()
                cstart = start + m.start("c") + (len(m.group("c")) - len(m.group("c").lstrip()))
                if name == "bracket":
                    label = m.group("b1") or m.group("b2")
                break
        lines.append(Line(i, start, start + len(stripped), stripped, lead, style, content, cstart, label))
        pos += len(raw) + 1
    return lines


def parse(text: str, lang: str) -> Document:
    doc = Document(text, lang, _split_lines(text))
    style_rank: dict[str, int] = {}
    raw: list[tuple[Line, str, str | None]] = []
    limit = 60 if lang == "ja" else 90
    for line in doc.lines:
        if line.blank:
            continue
        base = (line.style or "").split(":")[0]
        if base in _HEADING_STYLES:
            if len(line.content) > limit or (_SENTENCE_END.search(line.content) and len(line.content) > 25):
                continue
            raw.append((line, line.style, _classify(line.content, lang, bare=False)))
        elif line.style == "bracket" and not line.content and line.label:
            # 【開催日】 alone on its line heads what follows.
            kind = _classify(line.label, lang, bare=False)
            if kind:
                line.content = line.label
                raw.append((line, "bracket", kind))
        elif line.style is None and len(line.text) <= 40 and not _SENTENCE_END.search(line.text):
            kind = _classify(line.text, lang, bare=True)
            if kind and _bare_heading_ok(line.text, lang):
                raw.append((line, "bare", kind))
            elif _entity_title(line.text) and _titles_a_block(doc.lines, line):
                # "Germany (September 14)" over the paragraph about that talk.
                raw.append((line, "bare-entity", None))
    # Bare title lines are always top level (they close any numbered
    # section); numbered styles rank in the order they first appear, below
    # a bare heading when the document opens with one.
    offset = 1 if raw and raw[0][1] == "bare" else 0
    for line, style, kind in raw:
        if style == "bare":
            level = 0
        else:
            style_rank.setdefault(style, len(style_rank) + offset)
            level = style_rank[style]
        doc.headings.append(Heading(line, level, kind))
    n = len(doc.lines)
    for i, h in enumerate(doc.headings):
        h.end_line = n
        for later in doc.headings[i + 1:]:
            if later.level <= h.level:
                h.end_line = later.line.index
                break
    return doc


def _entity_title(text: str) -> bool:
    from g7cli import gazetteer

    core = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", text).strip()
    return bool(core) and gazetteer.resolve(core) is not None


def _titles_a_block(lines: list[Line], line: Line) -> bool:
    """The next non-blank line is a paragraph, not another one-line item."""
    for nxt in lines[line.index + 1:]:
        if nxt.blank:
            continue
        return len(nxt.text) > 40 and not _entity_title(nxt.text)
    return False


def _bare_heading_ok(text: str, lang: str) -> bool:
    # A bare heading is a title, not a fragment of prose: few words, no verbs'
    # sentence punctuation, no commas.
    if "、" in text or "," in text or "。" in text:
        return False
    if text[0] in "(（[【「" or re.search(r"写真|Photo", text):   # captions are not headings
        return False
    return len(text.split()) <= 6 if lang == "en" else len(text) <= 20


# Where a sentence may end: a line end, 。, or a full stop before a space
# (found by one scan, not a loop over characters: every line is split).
_STOPS = re.compile(r"[\n。]|[.!?](?= )")
_NOT_AN_END = re.compile(r"(?:\bMr|\bMs|\bMrs|\bDr|\bSt|\bProf|\bNo|\b[A-Z]|\bvs|\betc|\bH\.E)$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end): split at 。 and at English full stops
    that end a sentence (not "Mr." or "U.S."), and at line ends."""
    spans = []
    seg_start = start
    for m in _STOPS.finditer(text, start, end):
        i = m.start()
        c = text[i]
        if c in ".!?" and _NOT_AN_END.search(text[max(start, i - 4):i]):
            continue
        s, e = seg_start, i + (0 if c == "\n" else 1)
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
        seg_start = i + 1
    s = seg_start
    while s < end and text[s].isspace():
        s += 1
    if end > s:
        spans.append((s, end))
    return spans
