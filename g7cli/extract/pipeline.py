"""The extraction pipeline: normalise -> outline -> facts.

A document reports a G7 meeting when it names one in its headline or in a
sentence saying it was held, and gives that meeting's days. Everything else
(delegates, participants, themes, talks, outcomes) is read only then.
"""
from __future__ import annotations

import re

from g7cli import gazetteer
from g7cli.extract import bilaterals, meeting, outcomes, participants, people, themes
from g7cli.extract.model import Delegate, Evidence, Extraction, Meeting
from g7cli.extract.normalize import language, normalize
from g7cli.extract.structure import Document, parse


_STALE_DAYS = 120


def _evidence(doc: Document, pos: int) -> Evidence:
    s, e = doc.sentence_at(pos)
    return Evidence(s, e, doc.text[s:e])


def delegates(doc: Document) -> list[Delegate]:
    out: list[Delegate] = []
    for pm in sorted(people.jp_officials(doc.text, doc.lang), key=lambda p: p.start):
        twin = next((d for d in out if people.same_official(d.name, pm.name)
                     or (d.role_key and d.role_key == pm.role_key and not d.role_key.startswith("*")
                         and _script(d.name) != _script(pm.name))), None)
        if twin is None:
            out.append(Delegate(pm.name, pm.role, pm.role_key, "JP", _evidence(doc, pm.start)))
            continue
        if len(pm.name) > len(twin.name) and people.same_official(twin.name, pm.name):
            twin.name = pm.name
        if pm.role and (not twin.role or len(pm.role) > len(twin.role)) and pm.role_key == twin.role_key:
            twin.role = pm.role
    return out


def _script(name: str) -> str:
    return "latin" if re.search(r"[A-Za-z]", name) else "cjk"


def _headline(doc: Document) -> str | None:
    """The release's own title: the first early line naming a G-meeting, else the first line."""
    for ln in doc.lines[:15]:
        if re.search(r"\bG(?:7|20)", ln.text):
            return ln.text
    return next((ln.text for ln in doc.lines if not ln.blank), None)


def run(raw: str) -> Extraction:
    text = normalize(raw)
    lang = language(text)
    doc = parse(text, lang)
    pub = meeting.published(doc)
    ex = Extraction(text=text, language=lang, publisher=meeting.publisher(doc),
                    published=pub.isoformat() if pub else None, title=_headline(doc))
    mention = meeting.main_mention(doc)
    if mention is None:
        return ex
    days, span = meeting.meeting_dates(doc, mention, pub)
    if not days:
        return ex
    if pub is not None and (pub - days[-1]).days > _STALE_DAYS:
        # A results release comes out within days; a meeting long before the
        # publication date is background ("following up on the meeting held ...").
        return ex
    held = meeting.held_sentence(doc, mention, span, days)
    cities, host, ev = meeting.place(doc, held)
    virtual = meeting.is_virtual(doc, held, mention)
    ex.meeting = Meeting(
        title=meeting.title(mention), start_date=days[0].isoformat(), end_date=days[-1].isoformat(),
        cities=[] if virtual else cities, host_country_code=host, virtual=virtual, evidence=ev)
    ex.delegates = delegates(doc)
    ex.participants = participants.extract(doc)
    if ex.participants and not any(p.chair for p in ex.participants):
        # No "(議長国)" mark in the list: the presidency the text names, if listed.
        pres = meeting.presidency(doc)
        for p in ex.participants:
            p.chair = p.code == pres
    if ex.meeting.host_country_code is None:
        chair = next((p.code for p in ex.participants if p.chair), None)
        ex.meeting.host_country_code = chair
    ex.themes = themes.extract(doc)
    _enrich_topics(doc, ex)
    ex.outcomes = outcomes.extract(doc)
    ex.bilaterals = bilaterals.extract(doc, ex.delegates, days)
    return ex


def _enrich_topics(doc: Document, ex: Extraction) -> None:
    """A theme named inline gets the topics of the section that shares its title."""
    for t in ex.themes:
        for h in doc.headings:
            if h.title and (t.title in h.title or h.title in t.title) and len(h.title) >= 2:
                body = " ".join(ln.text for ln in doc.body(h))
                t.topics = sorted(set(t.topics) | set(gazetteer.topics(body)))
