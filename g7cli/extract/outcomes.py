"""Outcome documents: declarations, annexes and statements.

Read from an outcome list (any list inside an outcomes section, or after a
label such as 【添付文書】) and from sentences saying a named document was
adopted or issued. Link text such as "【原文】PDF" is dropped; a title
contained in a longer one of the same kind is the same document.
"""
from __future__ import annotations

import re
from functools import cache

from g7cli.extract.model import Evidence, Outcome
from g7cli.extract.rules import rules
from g7cli.extract.structure import Document

_LINK_NOISE = re.compile(
    r"【(?:原文|仮訳|英文|和文|概要|本文)】\s*(?:PDF)?\s*/?|\((?:原文|仮訳|英文|和文|概要)\)|\(PDF[^)]*\)|\(original text[^)]*\)"
    r"|\[PDF[^\]]*\]|PDF形式[^)]*|PDF|別ウィンドウで開きます|\(\s*\d[\d,.]*\s*KB\s*\)", re.I)
# "議長総括が議長国フランスから発出": who issued it may stand between the title and the verb.
_JA_ADOPTED = re.compile(r"「?(?P<t>G7[^、。「」]*?(?:宣言|声明|憲章|総括|コミュニケ)|議長総括|議長声明|共同声明|閣僚声明|閣僚宣言|大臣宣言)」?"
                         r"(?:及び[^。]*?)?(?:が|を)(?:[^。、「」]{0,15}?から)?(?:採択|発出|取りまとめ|とりまとめ|公表)")
# "その附属書として「X」が採択": an annex named after the main document.
_JA_ANNEX_AS = re.compile(r"(?:その|同)?(?P<k>附属書|附属文書|付属書|別添)として、?「(?P<t>[^「」]+)」")


_EN_TITLE_WORDS = r"(?:the\s+)?(?:G7\s+)?(?:[A-Z][\w'’\-]*[,]?\s+(?:and\s+|&\s+|of\s+|on\s+|for\s+|the\s+)*){0,10}"
_EN_TITLE_TAIL = r"(?:\s+(?:on|for|of)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:and\s+|of\s+|on\s+|for\s+|the\s+)*[A-Z][\w'’\-]*)*)?"


@cache
def _ja_quoted() -> tuple[re.Pattern, re.Pattern]:
    """「…宣言」 anywhere in an adopting sentence; 「…原則」 only right before its verb."""
    heads = rules("ja")["outcome_heads"]
    return (re.compile(rf"「(?P<t>[^「」]{{4,80}}?(?:{heads['sentence']})[^「」]{{0,20}})」"),
            re.compile(rf"「(?P<t>[^「」]{{4,80}}?(?:{heads['object']})[^「」]{{0,20}})」{heads['object_verb']}"))


@cache
def _en_titled() -> tuple[re.Pattern, re.Pattern]:
    """'... Declaration on X' anywhere in an adopting sentence; '... Principles'
    only as the object of its verb ('endorsed the X Principles')."""
    heads = rules("en")["outcome_heads"]
    return (re.compile(rf"(?P<t>{_EN_TITLE_WORDS}(?:{heads['sentence']}){_EN_TITLE_TAIL})"),
            re.compile(rf"{heads['object_verb']}(?P<t>{_EN_TITLE_WORDS}(?:{heads['object']}){_EN_TITLE_TAIL})"))


def kind_of(title: str) -> str | None:
    for lang in ("ja", "en"):
        kinds = rules(lang)["outcome_kinds"]
        for kind in ("annex", "declaration", "statement"):
            if re.search(kinds[kind], title, re.I if lang == "en" else 0):
                return kind
    return None


def clean(title: str) -> str:
    title = _LINK_NOISE.sub("", title)
    title = re.sub(r"\s{2,}", " ", title)
    return title.strip(" :：/、,・-").strip()


# A line introducing a list of annexes: "..., with two annexes:", "附属書は以下のとおり".
_ANNEX_INTRO = re.compile(r"\bannex(?:es)?\b[^.]*[:：]\s*$|(?:附属書|附属文書|付属書|別添)[^。]*(?:[:：]|以下|次の)", re.I)


def _list_items(doc: Document) -> list[tuple[str, Evidence, str | None]]:
    """Titles from lists, each with the kind its list gives it (or None)."""
    items = []
    for h in doc.sections("outcomes"):
        annexes = False
        for ln in doc.body(h):
            if ln.style and not ln.style.startswith(("note", "bracket")) and _title_like(ln.content):
                items.append((ln.content, Evidence(ln.start, ln.end, ln.text), "annex" if annexes else None))
            elif not ln.blank:
                annexes = bool(_ANNEX_INTRO.search(ln.content))
    # "別添1 X", "附属書2:Y", "Annex 3: Z" lines wherever they stand.
    for ln in doc.lines:
        if re.match(r"^(?:附属書|付属書|別添|別紙|Annex|Appendix)\s*\d*\s*[:：「\s]", ln.content) and _title_like(ln.content):
            items.append((ln.content, Evidence(ln.start, ln.end, ln.text), None))
    # Lists after a label line such as 【添付文書】 or "Outcome documents:".
    for i, ln in enumerate(doc.lines):
        label = ln.label or (ln.content if ln.style is None else "")
        if ln.style in (None, "bracket") and re.search(r"添付文書|成果文書|採択文書|Outcome documents?|Documents adopted", label or "", re.I) \
                and len(ln.content) < 40:
            for nxt in doc.lines[i + 1:]:
                if nxt.blank:
                    continue
                if not nxt.style or nxt.style.startswith("bracket"):
                    break
                items.append((nxt.content, Evidence(nxt.start, nxt.end, nxt.text), None))
    return items


def _title_like(text: str) -> bool:
    return len(text) <= 160 and not re.search(r"[。]$|(?:について|を支持|に言及)", text)


_JA_RESULT_LIST = re.compile(r"成果(?:文書)?として、?(?P<l>[^。]+?)(?:が|を)(?:採択|発出|取りまとめ|とりまとめ)")


def _sentence_titles(doc: Document) -> list[tuple[str, Evidence]]:
    out = []
    adopted_en = re.compile(rules("en")["adopted"], re.I)
    for ln in doc.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            ev = Evidence(s, e, sent)
            for m in _JA_ADOPTED.finditer(sent):
                out.append((m.group("t"), ev))
            for m in _JA_RESULT_LIST.finditer(sent):
                for part in re.split(r"及び|並びに|、|と(?=「)", m.group("l")):
                    # "以下のとおり大臣宣言", "3つの附属文書": a pointer or a count, not a title.
                    if not re.search(r"以下|次の|\d+つ|それぞれ|と\d", part):
                        out.append((part.strip("「」 "), ev))
            for m in _JA_ANNEX_AS.finditer(sent):
                out.append((f"{m.group('k')}「{m.group('t')}」", ev))
            anywhere, as_object = _ja_quoted()
            if re.search(rules("ja")["adopted"], sent):
                for m in anywhere.finditer(sent):
                    out.append((m.group("t"), ev))
            for m in as_object.finditer(sent):
                out.append((m.group("t"), ev))
            anywhere, as_object = _en_titled()
            titled = []
            if adopted_en.search(sent) or (ln.style is None and len(ln.text) < 60 and not sent.endswith(".")):
                titled += anywhere.finditer(sent)
            titled += as_object.finditer(sent)
            for m in titled:
                # "the G7 Statement on X and the G7 Declaration on Y": two documents.
                for t in re.split(r"\s+and\s+the\s+(?=[A-Z])", m.group("t").strip()):
                    t = re.sub(r"^the\s+", "", t)
                    if t and t[0].isupper() and not re.match(r"^(?:A|An|This|The)\b", t):
                        out.append((t, ev))
    return out


def extract(doc: Document) -> list[Outcome]:
    found: list[Outcome] = []
    for raw, ev, listed_as in _list_items(doc) + [(t, ev, None) for t, ev in _sentence_titles(doc)]:
        pointer = re.match(r"^(?:その|同|これらの|本)(?P<k>[^「」]*?)(?:である|として)?「(?P<t>[^」]+)」?", raw)
        if pointer:     # "その附属書である「X」": the title is X, the kind its head
            raw = f"{pointer.group('k')}「{pointer.group('t')}」"
        elif re.match(r"^(?:その|同|これら)|^(?:this|its|these)\b", raw, re.I):
            continue    # "その附属書", "its annexes": a pointer to a document, not its title
        title = clean(raw)
        title = re.sub(r"\s*\((?:原文|仮訳)\)$", "", title)
        if len(title) < 4:
            continue
        kind = listed_as or kind_of(title)
        if kind is None:
            continue
        key = re.sub(r"[\s「」『』:：・,]", "", title).lower()
        dup = False
        for o in found:
            other = re.sub(r"[\s「」『』:：・,]", "", o.title).lower()
            if key in other:
                dup = True
                break
            if other in key and o.kind == kind:
                o.title, o.evidence = title, ev
                dup = True
                break
        if not dup:
            found.append(Outcome(title, kind, ev))
    return found
