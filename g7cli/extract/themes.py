"""Themes: the sessions or topics a release says the meeting discussed.

In order of preference: an enumeration inside a sentence that announces the
themes ("six themes (“A,” “B” ...)", "1) A, 2) B", "(1)A、(2)B の3つのテーマ",
「A」、「B」); a list introduced by such a sentence or under a discussion
heading; the objects of "…について議論" in prose. Each theme is tagged with
topics from the title and the text under it.
"""
from __future__ import annotations

import re

from g7cli import gazetteer
from g7cli.extract.model import Evidence, Theme
from g7cli.extract.rules import rx
from g7cli.extract.structure import Document, Heading, Line

_QUOTED = re.compile(r"[「“\"](?P<t>[^「」“”\"]{2,80}?)[,，、]?[」”\"]")
_COUNT = re.compile(r"[\d一二三四五六七八九十]+つの(?:テーマ|セッション|議題|分野)|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:themes|sessions|topics|areas|pillars)", re.I)
_TITLE_SPLIT = re.compile(r"\s*[:：]\s+|\s+[-–—]\s+")


def _theme(title: str, ev: Evidence, extra: str = "") -> Theme | None:
    title = title.strip(" ・、,.。:：\"“”「」").strip()
    title = re.sub(r"^(?:and|及び)\s*", "", title)
    if len(title) < 2 or len(title) > 90:
        return None
    return Theme(title, gazetteer.topics(title + " " + extra), ev)


def _inline(doc: Document) -> list[Theme]:
    for ln in doc.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            if not (_COUNT.search(sent) or re.search(r"(?:discussions?|discussed)\s+on|テーマ|セッション|議題", sent, re.I)):
                continue
            ev = Evidence(s, e, sent)
            items = [m.group("t") for m in _QUOTED.finditer(sent)]
            if len(items) < 2:
                items = _numbered(sent)
            if len(items) < 2:
                items = _after_colon(sent)
            if len(items) >= 2:
                return [t for t in (_theme(i, ev) for i in items) if t]
    return []


_MARK = re.compile(r"(?:^|(?<=[\s、,(（]))(?:\(?\d{1,2}\)|[①-⑳])\s*")
_ITEM_END = re.compile(r"(?:の\d+つ|について|\.\s|\.$|。|\)\s*$|,?\s*(?:and|及び)?\s*$)")


def _numbered(sent: str) -> list[str]:
    parts = _MARK.split(sent)
    if len(parts) < 3:
        return []
    items = []
    for p in parts[1:]:
        p = re.split(r"の\d+つ|について|(?<=[a-z])\.(?:\s|$)|。", p)[0]
        p = re.sub(r"[,、]?\s*(?:and|及び)?\s*$", "", p.strip()).strip(" ,、")
        items.append(p)
    return items


def _after_colon(sent: str) -> list[str]:
    """'three themes: A, B and C.' / 'テーマ:A、B及びC'."""
    m = re.search(r"(?:themes?|topics?|sessions?|agenda|テーマ|議題)[^:：]{0,20}[:：]\s*(?P<l>.+)$", sent, re.I)
    if not m:
        return []
    body = re.sub(r"[.。]$", "", m.group("l"))
    parts = re.split(r"\s*(?:;|,|、)\s*(?:and\s+)?|\s+and\s+|及び|並びに", body)
    return [p for p in parts if 1 < len(p) <= 60]


def _item_title(ln: Line) -> str:
    text = ln.content
    q = re.search(r"「([^」]+)」", text)
    if q:
        return q.group(1)
    parts = _TITLE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) <= 80:
        return parts[0]
    return re.sub(r"\s*\([^)]*\)$", "", text)


def _is_title(text: str, lang: str) -> bool:
    if _TITLE_SPLIT.search(text):
        return True
    if text.endswith("。") or (text.endswith(".") and len(text) > 60):
        return False
    return len(text) <= (45 if lang == "ja" else 100)


def _runs(doc: Document) -> list[tuple[Line | None, list[Line]]]:
    """Runs of list items of one style under one parent, with the line that
    introduces them (the nearest non-item line before the first item)."""
    groups: dict[tuple, list[Line]] = {}
    for ln in doc.lines:
        if not ln.style or ln.style.startswith(("note", "bracket")) or ln.blank:
            continue
        own = doc.heading_at.get(ln.index)
        parents = [h for h in doc.enclosing(ln.index) if own is None or h.level < own.level]
        parent = parents[-1].line.index if parents else -1
        groups.setdefault((ln.style, parent), []).append(ln)
    runs = []
    for items in groups.values():
        first = items[0]
        intro = next((p for p in reversed(doc.lines[max(0, first.index - 4):first.index])
                      if not p.blank and p.style != first.style), None)
        runs.append((intro, items))
    runs.sort(key=lambda r: r[1][0].index)
    return runs


def _body_text(doc: Document, ln: Line) -> str:
    h = doc.heading_at.get(ln.index)
    if h:
        return " ".join(x.text for x in doc.body(h))
    nxt = [x for x in doc.lines[ln.index + 1:ln.index + 4] if not x.style]
    return " ".join([ln.content] + [x.text for x in nxt])


def _listed(doc: Document) -> list[Theme]:
    theme_heads = doc.sections("themes")
    for intro, items in _runs(doc):
        if len(items) < 2:
            continue
        under = any(h.line.index < items[0].index < h.end_line for h in theme_heads)
        intro_ok = intro is not None and intro.index not in {it.index for it in items} and (
            rx(doc.lang, "theme_intro").search(intro.text) and re.search(r"次の|以下|following|:$|：$|次のとおり", intro.text)
            or (doc.heading_at.get(intro.index) and doc.heading_at[intro.index].kind == "themes"))
        if not (under or intro_ok):
            continue
        titles = [(it, _item_title(it)) for it in items]
        if not all(_is_title(it.content, doc.lang) or _TITLE_SPLIT.search(it.content) for it, _ in titles):
            continue
        out = []
        for it, title in titles:
            children = _children(doc, it)
            if children and _generic(title):
                for ch in children:
                    t = _theme(ch.content, Evidence(ch.start, ch.end, ch.text))
                    if t:
                        out.append(t)
                continue
            t = _theme(title, Evidence(it.start, it.end, it.text), _body_text(doc, it))
            if t:
                out.append(t)
        if out:
            return out
    return []


def _generic(title: str) -> bool:
    """A heading that names a setting rather than a subject ("招待国を交えた議論")."""
    return bool(re.search(r"(?:を交えた|との|による)(?:議論|セッション|討議)$|^(?:discussion|session) with", title, re.I))


def _children(doc: Document, item: Line) -> list[Line]:
    h: Heading | None = doc.heading_at.get(item.index)
    if not h:
        return []
    body = [b for b in doc.body(h) if b.style and b.style.startswith("bullet")]
    return body if body and all(len(b.content) <= 30 and not b.content.endswith("。") for b in body) else []


_JA_ABOUT = re.compile(r"(?:会合|本会合|会議)?では、(?P<obj>[^。]{6,200}?)(?:等|など)?について[^。]*(?:議論|意見交換|話し合)")
_JA_SESSION = re.compile(r"(?P<t>[^、。「」]{4,40}?)を取り上げる[^。]*?セッション|「(?P<q>[^」]+)」(?:に関する|についての)[^。]*?セッション")
_EN_SESSION = re.compile(r"special session on (?P<t>[^,.;]+)", re.I)


def _prose(doc: Document) -> list[Theme]:
    best: list[Theme] = []
    for ln in doc.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            m = _JA_ABOUT.search(sent)
            if not m:
                continue
            parts = [p for p in re.split(r"、(?![^「」]*」)", m.group("obj")) if len(p) >= 4]
            themes = [t for t in (_theme(p, Evidence(s, e, sent)) for p in parts) if t]
            if len(themes) > len(best):
                best = themes
    return best


def _special_sessions(doc: Document) -> list[Theme]:
    out = []
    for ln in doc.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            # Both patterns start with a lazy run: only sentences that name
            # a session are worth their cost.
            if "セッション" not in sent and "session" not in sent.lower():
                continue
            for m in list(_JA_SESSION.finditer(sent)) + list(_EN_SESSION.finditer(sent)):
                t = _theme(m.groupdict().get("t") or m.groupdict().get("q") or "", Evidence(s, e, sent), sent)
                if t:
                    out.append(t)
    return out


_SESSION_LINE = re.compile(r"^(?:Session|セッション)\s*\d+\s*(?:[:：.]|\s[–—-])?\s*(?P<t>.+)$", re.I)


def _session_lines(doc: Document) -> list[Theme]:
    """'Session 1: AI' / 'セッション1「生成AI」' lines, marker or not."""
    out = []
    for ln in doc.lines:
        m = _SESSION_LINE.match(ln.content)
        if m and len(m.group("t")) <= 80:
            q = re.search(r"「([^」]+)」", m.group("t"))
            t = _theme(q.group(1) if q else re.split(r"\s*[:：]\s+|\s*\(", m.group("t"))[0],
                       Evidence(ln.start, ln.end, ln.text))
            if t:
                out.append(t)
    return out if len(out) >= 2 else []


def _bare_items(doc: Document) -> list[Theme]:
    """Session titles on lines of their own, each followed by its paragraph,
    under a discussion heading: no marker, but the layout says "title"."""
    for h in doc.sections("themes"):
        body = [ln for ln in doc.body(h)]
        out = []
        for i, ln in enumerate(body):
            if ln.blank or ln.style or i + 1 >= len(body):
                continue
            nxt = body[i + 1]
            prev = body[i - 1] if i else None
            if nxt.blank or nxt.style or (prev is not None and not prev.blank):
                continue
            if _is_title(ln.text, doc.lang) and len(nxt.text) > len(ln.text) * 1.5 \
                    and not _SENT_END.search(ln.text):
                t = _theme(ln.text, Evidence(ln.start, ln.end, ln.text), nxt.text)
                if t:
                    out.append(t)
        if len(out) >= 2:
            return out
    return []


_SENT_END = re.compile(r"[。.:：]$")


_NAMED = re.compile(r"(?:テーマ|セッション|議題|分野)(?:である|は|では|の|として)?「(?P<t>[^」]{2,60})」"
                    r"|\b(?:theme|session|topic) (?:of |on |entitled )?[\"“](?P<e>[^\"”]{2,80})[\"”]", re.I)


_QUOTED_TOPIC = re.compile(r"「(?P<t>[^」]{2,60})」(?:では|について|に関する|をめぐる|を巡る)")


def _counted_paragraph(doc: Document) -> list[Theme]:
    """'四つのテーマに沿って進められた。最初のテーマ「A」では…二つ目の「B」では…':
    the quoted subjects of the paragraph that announces the count."""
    for ln in doc.lines:
        if not _COUNT.search(ln.text):
            continue
        out = []
        for m in _QUOTED_TOPIC.finditer(ln.text):
            t = _theme(m.group("t"), Evidence(ln.start, ln.end, ln.text), ln.text)
            if t:
                out.append(t)
        if len(out) >= 2:
            return out
    return []


def _named_across(doc: Document) -> list[Theme]:
    """Running prose that names each theme in its own sentence:
    '最初のテーマ「A」では…。二つ目のテーマ「B」では…'."""
    out = []
    for ln in doc.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            for m in _NAMED.finditer(sent):
                t = _theme(m.group("t") or m.group("e"), Evidence(s, e, sent), sent)
                if t:
                    out.append(t)
    return out if len(out) >= 2 else []


def extract(doc: Document) -> list[Theme]:
    themes = _inline(doc) or _listed(doc) or _session_lines(doc) or _bare_items(doc) or _counted_paragraph(doc) \
        or _named_across(doc) \
        or _prose(doc)
    themes += _special_sessions(doc)
    out: list[Theme] = []
    for t in themes:
        key = re.sub(r"\W", "", t.title).lower()
        if any(key == re.sub(r"\W", "", o.title).lower() for o in out):
            continue
        out.append(t)
    return out
