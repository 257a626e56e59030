"""Bilateral talks: who of Japan's delegates met whom, from which country.

Talks are read where the release reports them: inside a bilateral section
(each numbered sub-item a unit, whose heading may give the country and the
date), from lists introduced by a talk sentence, and from sentences elsewhere
with a strong talk verb. A counterpart mentioned several times (the list,
the paragraph, the photo caption) is one talk.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from g7cli import gazetteer
from g7cli.extract import people
from g7cli.extract.dates import clusters
from g7cli.extract.model import Bilateral, Delegate, Evidence
from g7cli.extract.rules import rules, rx
from g7cli.extract.structure import Document, Heading, Line

_CAPTION = re.compile(r"^[(（]?\s*(?:写真|Photo)\b|^Photo\s", re.I)
_JA_PAIR = re.compile(r"日(?P<a>[^\s日外首会・]{1,8}?)(?:外相|外務大臣|首脳|大臣|閣僚|財務相)?会談")


@dataclass
class Context:
    country: str | None = None
    date: dt.date | None = None
    delegate: str | None = None
    brief: bool = False
    heading_has_person: bool = False
    lines: list[Line] = field(default_factory=list)


def _talky(doc: Document, text: str, strong: bool = False) -> bool:
    key = "talk_strong" if strong else "talk"
    return bool(rx("en", key).search(text) or rx("ja", key).search(text))


def _brief(text: str) -> bool:
    return bool(rx("en", "brief").search(text) or rx("ja", "brief").search(text))


def _heading_country(text: str) -> str | None:
    m = _JA_PAIR.search(text)
    if m:
        code = gazetteer.abbreviation(m.group("a")) or gazetteer.resolve(m.group("a"))
        if code:
            return code
    # A counterpart is never Japan: "Japan-Germany Foreign Ministers' Meeting".
    found = [m for m in gazetteer.find_entities(text) if m.code != "JP"]
    return found[0].code if found else None


class _Resolver:
    def __init__(self, doc: Document, delegates: list[Delegate], meeting_days: list[dt.date]):
        self.doc = doc
        self.delegates = delegates
        self.days = meeting_days

    def date_in(self, text: str) -> dt.date | None:
        ref = self.days[0] if self.days else None
        for c in clusters(text):
            if c.has_month:
                got = c.resolve(ref)
                if got:
                    return got[0]
            elif ref is not None:
                for _, _, d in c.dates:
                    match = [x for x in self.days if x.day == d]
                    if match:
                        return match[0]
                    try:
                        return ref.replace(day=d)
                    except ValueError:
                        pass
        return None

    def delegate_in(self, text: str, subject_only: bool = True) -> str | None:
        """The Japanese delegate a sentence is about: the one followed by は/が
        (not 'とともに'), or in English the one named outside 'with ...'."""
        best = None
        for start, end, name in [(m.start, m.end, m.name) for m in people.jp_officials(text, self.doc.lang)] + \
                people.surname_mentions(text):
            d = self.find(name)
            if d is None:
                continue
            after = text[end:end + 24]
            if re.match(r"\s*(?:とともに|と共に|も同席|の同席)", after) or re.match(r"\s*及び[^は]*とともに", after) \
                    or re.match(r"\s*(?:,\s*who\s+)?also\s+(?:attended|joined|took part)", after) \
                    or re.search(r"(?:together with|accompanied by|joined by)\s+(?:\S+\s+){0,4}$", text[:start]):
                continue   # a delegate who joined someone else's talk
            if not subject_only or re.match(r"\s*(?:は|が|から|,|、)", after) or self.doc.lang == "en":
                if best is None or start < best[0]:
                    best = (start, d.name)
        if best is None and self.doc.lang == "en":
            for d in self.delegates:
                for token in re.findall(r"[A-Za-z]{3,}", d.name):
                    m = re.search(rf"\b{token}\b", text, re.I)
                    if m and not re.search(r"\bwith\s+(?:\S+\s+){0,2}$", text[:m.start()]):
                        return d.name
        return best[1] if best else None

    def find(self, name: str) -> Delegate | None:
        for d in self.delegates:
            if people.same_official(d.name, name):
                return d
        return None


def _units(doc: Document) -> list[tuple[Heading, list[Heading]]]:
    out = []
    for h in doc.sections("bilaterals"):
        subs = [s for s in doc.headings if h.line.index < s.line.index < h.end_line and s.level == min(
            (x.level for x in doc.headings if h.line.index < x.line.index < h.end_line), default=-1)]
        out.append((h, subs))
    return out


def extract(doc: Document, delegates: list[Delegate], meeting_days: list[dt.date]) -> list[Bilateral]:
    res = _Resolver(doc, delegates, meeting_days)
    main = delegates[0].name if delegates else None
    found: list[tuple[people.PersonMention, Bilateral]] = []
    covered: set[int] = set()
    country_only: list[tuple] = []

    def consider(line: Line, ctx: Context, in_section: bool, list_ok: bool, is_head: bool = False) -> int:
        n = 0
        if _CAPTION.match(line.text):
            return 0   # a photo caption repeats a talk; under the next unit it would take that unit's country
        for s, e in doc.line_sentences(line):
            sent = doc.text[s:e]
            strong = _talky(doc, sent, strong=True)
            weak = _talky(doc, sent)
            ok = strong or is_head or (in_section and (weak or list_ok or not ctx.heading_has_person)) or \
                sent.lstrip("(").startswith(("Meeting with", "(Meeting with"))
            if not ok:
                continue
            mentions = [pm for pm in people.ja_counterparts(sent, s) + people.en_counterparts(sent, s)
                        if res.find(pm.name) is None]     # Japan's own delegates are not counterparts
            n += len(mentions)
            if not mentions and list_ok:
                cr = _country_role_item(sent)
                if cr:      # "・カナダ天然資源大臣(立ち話)": a listed talk naming a country and a role
                    country_only.append((cr[0], Evidence(s, e, sent), res.delegate_in(sent) or ctx.delegate or main,
                                         res.date_in(sent) or ctx.date, _brief(sent), cr[1]))
                    continue
            if not mentions:
                if strong:
                    m = re.search(r"(?P<c>[^\s、。]{2,20})との(?:意見交換|会談)", sent) or _JA_PAIR.search(sent)
                    code = None
                    if m:
                        code = _heading_country(m.group(0))
                    cp = rx("en", "counterpart_phrase").search(sent)
                    if cp and not code:
                        code = gazetteer.demonym(cp.group("d"))
                    listed = re.match(r"^[\s\-*•・]*(?P<c>[A-Z][\w .'’()]{1,40}?)\s*(?::|\s[—–-])\s*(?P<r>[A-Z].*)$", sent)
                    if listed and not code and gazetteer.resolve(listed.group("c")):
                        code = gazetteer.resolve(listed.group("c"))   # "Kenya — Cabinet Secretary for Trade"
                    role_talk = _JA_ROLE_TALK().search(sent)
                    if role_talk and not code:
                        # "ドイツ連邦経済・エネルギー省の政務次官と会談": a country and a role, no name.
                        code = _heading_country(role_talk.group("r"))
                    if code:
                        country_only.append((code, Evidence(s, e, sent), res.delegate_in(sent) or ctx.delegate or main,
                                             res.date_in(sent) or ctx.date, _brief(sent), _role_only(sent)))
                continue
            subject = res.delegate_in(sent) or ctx.delegate or main
            date = res.date_in(sent) or ctx.date
            brief = _brief(sent) or (ctx.brief and not _brief_elsewhere(ctx, doc))
            for pm in mentions:
                country = pm.country_code or ctx.country
                ent = gazetteer.entity(country) if country else None
                found.append((pm, Bilateral(subject, pm.name, pm.role, country, ent.name if ent else None,
                                            date.isoformat() if date else None, "brief" if brief else "meeting",
                                            [], Evidence(s, e, sent))))
        return n

    for h, subs in _units(doc):
        intro_end = subs[0].line.index if subs else h.end_line
        section_intro = " ".join(ln.text for ln in doc.lines[h.line.index + 1:intro_end])
        sec = Context(delegate=res.delegate_in(section_intro), date=res.date_in(section_intro))
        prev_talk = False
        for ln in doc.lines[h.line.index + 1:intro_end]:
            covered.add(ln.index)
            if ln.blank:
                continue
            consider(ln, sec, True, list_ok=bool(ln.style) and prev_talk)
            if not ln.style:
                prev_talk = _talky(doc, ln.text)
        for sub in subs:
            head = sub.line.content
            unit_lines = [sub.line] + doc.body(sub)
            ctx = Context(country=_heading_country(head), date=res.date_in(head) or sec.date,
                          delegate=res.delegate_in(" ".join(x.text for x in doc.body(sub))) or sec.delegate,
                          brief=_brief(" ".join(x.text for x in unit_lines)),
                          lines=unit_lines)
            ctx.heading_has_person = bool(people.ja_counterparts(head) or people.en_counterparts(head))
            prev_talk = False
            named = 0
            for ln in unit_lines:
                covered.add(ln.index)
                if ln.blank:
                    continue
                named += consider(ln, ctx, True, list_ok=bool(ln.style) and prev_talk, is_head=ln is sub.line)
                if not ln.style:
                    prev_talk = _talky(doc, ln.text)
            if not named and ctx.country:
                # "(4)フランスとの会談" / "Japan-Germany Foreign Ministers' Meeting":
                # the release names the country (and perhaps a role), not the person.
                body = " ".join(x.text for x in unit_lines)
                country_only.append((ctx.country, Evidence(sub.line.start, sub.line.end, sub.line.text),
                                     ctx.delegate or main, ctx.date, ctx.brief, _role_only(body)))
    # Talks reported outside a bilateral section, and lists they introduce.
    prev_talk = False
    for ln in doc.lines:
        if ln.index in covered or ln.blank:
            continue
        if ln.style and prev_talk:
            consider(ln, Context(), True, list_ok=True)
            continue
        prev_talk = _talky(doc, ln.text, strong=True)
        consider(ln, Context(), False, list_ok=False)
    talks = _merge(found)
    for code, ev, delegate, date, brief, role in country_only:
        if not any(t.country_code == code for t in talks):
            ent = gazetteer.entity(code)
            talks.append(Bilateral(delegate, None, role, code, ent.name if ent else None,
                                   date.isoformat() if date else None, "brief" if brief else "meeting", [], ev))
    return talks


@cache
def _JA_ROLE_TALK() -> re.Pattern:
    heads = rules("ja")["counterpart_role_heads"]
    return re.compile(rf"(?P<r>[^、。\s]{{1,40}}?{heads})と(?:の)?(?:会談|意見交換|立ち話|懇談)")


def _country_role_item(text: str) -> tuple[str, str] | None:
    """A list item that is a country (or organisation) and a role, nothing else."""
    body = re.sub(r"^[\s\-*•・]+", "", text)
    found = gazetteer.find_entities(body)
    if not found or found[0].start != 0 or found[0].code == "JP":
        return None
    heads = rules("ja")["counterpart_role_heads"]
    m = re.match(rf"(?:の|\s|[:：])?\s*(?P<r>[^\s、。()（）]{{0,30}}?{heads})(?:\s*[(（].*)?$", body[found[0].end:])
    return (found[0].code, m.group("r")) if m else None


def _role_only(text: str) -> str | None:
    """The counterpart's role where the release gives no name: 'his German
    counterpart, the Federal Minister for ...', 'フランスの…担当閣外大臣と会談',
    'カナダ：国際貿易大臣'."""
    m = rx("en", "counterpart_phrase").search(text)
    if m and m.group("role"):
        return m.group("role").strip()
    heads = rules("ja")["counterpart_role_heads"]
    m = re.search(rf"(?:の|[:：])\s*(?P<r>[^\s、。「」()の:：]{{0,30}}?{heads})(?=と|$|\s|\()", text)
    if m and not re.search(r"[\u30a1-\u30fa]{2,}・", m.group("r")):
        return m.group("r")
    return None


def _brief_elsewhere(ctx: Context, doc: Document) -> bool:
    """The unit mentions a brief exchange in a sentence that names its own
    counterparts: then the brevity belongs to those, not to the unit."""
    for ln in ctx.lines:
        for s, e in doc.line_sentences(ln):
            sent = doc.text[s:e]
            if _brief(sent) and (people.ja_counterparts(sent) or people.en_counterparts(sent)):
                return True
    return False


def _merge(found: list[tuple[people.PersonMention, Bilateral]]) -> list[Bilateral]:
    from g7cli.names import same_person

    def surname(name: str) -> str:
        tokens = [t for t in re.split(r"[\s・=]+", name) if t]
        return tokens[-1] if tokens else ""

    talks: list[Bilateral] = []
    for pm, b in found:
        twin = next((t for t in talks if same_person(surname(t.counterpart or ""), surname(b.counterpart or ""))
                     and (t.country_code == b.country_code or not t.country_code or not b.country_code)), None)
        if twin is None:
            talks.append(b)
            continue
        if len(b.counterpart or "") > len(twin.counterpart or ""):
            twin.counterpart = b.counterpart
        twin.counterpart_role = twin.counterpart_role or b.counterpart_role
        twin.country_code = twin.country_code or b.country_code
        twin.country = twin.country or b.country
        twin.date = twin.date or b.date
        twin.delegate = twin.delegate or b.delegate
        if b.kind == "brief":
            twin.kind = "brief"
    return talks
