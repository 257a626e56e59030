"""Participating countries and organisations, from the document's own list.

Only a listed section (or a labelled line) counts: a release that says "the
G7 countries and invited countries" without naming them has no participants.
Kind comes from what the entity is (a G7 member, an organisation, otherwise an
invited country); the presidency is the entry marked (議長国) / (Presidency).
"""
from __future__ import annotations

import re

from g7cli import gazetteer
from g7cli.extract.model import Evidence, Participant
from g7cli.extract.structure import Document

_CHAIR = re.compile(r"^\s*[(（]\s*(?:議長国?|議長|presidency|chair|host|G7\s*presidency)\s*[)）]", re.I)
_LABEL = re.compile(r"^(?:参加国|出席国|参加者|出席者|参加国・機関|出席国・機関|参加国・地域|Participants|Attendees|Participating countries[^:：]*)\s*[:：]", re.I)
_GROUP = re.compile(r"構成国|招待国|国際機関|参加国|出席国|G7|オブザーバー|members?|invited|organi[sz]ations|guests|observers", re.I)
_ABBR = re.compile(r"(?:(?<=[、,:：\s])|^)(?P<a>[英米仏独伊加日韓中豪印露])(?=[、,\s(]|及び|$)")
_INVITED = re.compile(r"招待国|招待され|invited|guests?\b|outreach", re.I)
_G7 = re.compile(r"G7(?!\d)")   # text is normalised: no full-width forms
_JOINED = re.compile(r"参加|出席|加わ|一堂に会|attend|participat|joined|took part|brought together|gathered", re.I)


class _NONE:
    g7 = False


def _scopes(doc: Document) -> list[tuple[int, int]]:
    out = []
    for h in doc.sections("participants"):
        body = doc.body(h)
        # "出席者" sections list people, and "From Japan:" blocks inside a
        # participants section list Japan's own delegation: stop there.
        end = h.line.end
        for ln in body:
            if re.match(r"^(?:From Japan|我が国から|日本から|日本側)", ln.content, re.I):
                break
            end = ln.end
        out.append((h.line.content_start, end))
    for ln in doc.lines:
        if ln.style == "bracket" and ln.content and _GROUP.search(ln.label or ""):
            out.append((ln.content_start, ln.end))    # 【G7構成国・地域】日本(議長国)、米国…
        elif _LABEL.match(ln.content) and not re.match(r"^(?:我が国|日本)", ln.content):
            end = ln.end
            if not _LABEL.sub("", ln.content).strip():
                # "Participants:" alone: the list follows, one entry per line.
                for nxt in doc.lines[ln.index + 1:]:
                    if nxt.blank or doc.heading_at.get(nxt.index) is not None or len(nxt.content) > 80:
                        break
                    end = nxt.end
            out.append((ln.start, end))
        elif ln.style and len(ln.content) <= 15 and doc.heading_at.get(ln.index) is None \
                and re.search(r"参加国|出席国|参加機関|Participants|Participating", ln.content, re.I):
            # "• 参加国・機関" followed by more deeply nested items.
            end = ln.end
            for nxt in doc.lines[ln.index + 1:]:
                if nxt.blank:
                    continue
                if nxt.indent <= ln.indent and nxt.style == ln.style:
                    break
                if nxt.indent <= ln.indent and not nxt.style:
                    break
                end = nxt.end
            out.append((ln.content_start, end))
        elif not ln.style or ln.style.startswith("bullet") or len(ln.content) > 60:
            # "日本、米国、英国…及びEUの外相が出席": an enumeration of several
            # members in a sentence about who took part.
            for s, e in doc.line_sentences(ln):
                sent = doc.text[s:e]
                if not _JOINED.search(sent):
                    continue    # cheap test first: scanning for entities is the costly part
                found = gazetteer.find_entities(sent)
                members = sum(1 for m in found if (gazetteer.entity(m.code) or _NONE).g7)
                if members >= 4 or (_INVITED.search(sent) and len(found) >= 2):
                    out.append((s, e))
                    continue
                # "the ministers of A, B and C joined the G7 ministers (for a
                # session on D)": the others named before the verb joined.
                verb = _JOINED.search(sent)
                others = {m.code for m in found if m.start < verb.start()
                          and not (gazetteer.entity(m.code) or _NONE).g7}
                if len(others) >= 3 and _G7.search(sent):
                    out.append((s, s + verb.start()))
    return out


def extract(doc: Document) -> list[Participant]:
    found: dict[str, Participant] = {}
    for a, b in _scopes(doc):
        chunk = doc.text[a:b]
        matches = list(gazetteer.find_entities(chunk))
        for m in _ABBR.finditer(chunk):     # "仏、独、伊、加" in a list
            code = gazetteer.abbreviation(m.group("a"))
            if code:
                matches.append(type("M", (), {"start": m.start(), "end": m.end(), "code": code})())
        for m in sorted(matches, key=lambda x: x.start):
            ent = gazetteer.entity(m.code)
            if ent is None:
                continue
            start, end = a + m.start, a + m.end
            chair = bool(_CHAIR.match(doc.text[end:end + 20]))
            line = next(ln for ln in doc.lines if ln.start <= start <= ln.end)
            if ent.code in found:
                found[ent.code].chair |= chair
                continue
            kind = "member" if ent.g7 else "organization" if ent.type == "org" else "invited"
            found[ent.code] = Participant(ent.code, ent.name, kind, chair, Evidence(line.start, line.end, line.text))
    return list(found.values())
