"""When two documents report the same fact: plain functions, no database.

The store asks these functions which existing row (if any) a newly extracted
meeting, delegate or bilateral talk is, and writes accordingly. Keeping the
decisions here lets them be tested with hand-built dataclasses.

Rules (issue 2):
- meeting: same year, same host country, overlapping dates (any language).
  Without dates, the same host and the same title.
- delegate (within one meeting): the same role_key when both have one;
  otherwise the same person by name (katakana vs Latin letters through
  `g7cli.names.same_person`), which includes an identical name.
- bilateral talk (within one meeting): the same merged delegate, the same
  country, and the same counterpart by name; when the two spellings are in
  different scripts and the names module cannot tell, the talk is still the
  same if it is the only one with that delegate and country on both sides.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Hashable, Iterable, Sequence, TypeVar

from g7cli.extract.model import Delegate
from g7cli.textkeys import fold

SamePerson = Callable[[str, str], bool]
T = TypeVar("T", bound=Hashable)


@lru_cache(maxsize=1)
def _names_same_person() -> SamePerson | None:
    # Imported on first use: the names module (and its romanisation tables)
    # is only needed when documents are merged.
    try:
        from g7cli.names import same_person
    except ImportError:
        return None
    return same_person


def same_person(a: str | None, b: str | None) -> bool:
    """One person written twice, e.g. "Adolfo Urso" / "アドルフォ・ウルソ"."""
    if not a or not b:
        return False
    if fold(a) == fold(b):
        return True
    names = _names_same_person()
    return bool(names and names(a, b))


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def script_of(name: str | None) -> str | None:
    """'ja' for kana/kanji, 'latin' for Latin letters, None for neither."""
    if not name:
        return None
    if _JAPANESE.search(name):
        return "ja"
    if _LATIN.search(name):
        return "latin"
    return None


_NAME_SPLIT = re.compile(r"[\s・･=＝.,，、\-‐]+")


def name_score(a: Sequence[str], b: Sequence[str], same: SamePerson = same_person) -> int:
    """How well two sets of spellings name one person: 0 when they do not.

    `same` decides whether they are one person at all; the score then counts
    the words that pair up one to one, so that among several candidates
    "Adolfo Urso" prefers "アドルフォ・ウルソ" (two words) to a name that only
    shares a surname-like word with it.
    """
    best = 0
    for x in a:
        for y in b:
            if not same(x, y):
                continue
            xs = [w for w in _NAME_SPLIT.split(x) if w]
            ys = [w for w in _NAME_SPLIT.split(y) if w]
            free = list(ys)
            paired = 0
            for w in xs:
                hit = next((v for v in free if same(w, v)), None)
                if hit is not None:
                    free.remove(hit)
                    paired += 1
            best = max(best, 1 + paired)
    return best


def _assign(scores: list[tuple[int, int, int]], result: list, taken: set[int]) -> None:
    """Pair new items with known ids, best score first: (score, new index, known id)."""
    for score, i, known_id in sorted(scores, key=lambda s: (-s[0], s[1])):
        if score > 0 and result[i] is None and known_id not in taken:
            result[i] = known_id
            taken.add(known_id)


def dates_overlap(a_start: str | None, a_end: str | None,
                  b_start: str | None, b_end: str | None) -> bool:
    """Do two ISO date ranges share a day? A missing end is the start day."""
    if not a_start or not b_start:
        return False
    a_end = a_end or a_start
    b_end = b_end or b_start
    return a_start <= b_end and b_start <= a_end


@dataclass
class MeetingReport:
    """What one document says about its meeting (the merge-relevant part)."""
    title: str
    year: int | None
    start_date: str | None
    end_date: str | None
    host_country_code: str | None


def same_meeting(a: MeetingReport, b: MeetingReport) -> bool:
    if (a.host_country_code or None) != (b.host_country_code or None):
        return False
    if a.start_date and b.start_date:
        return a.year == b.year and dates_overlap(a.start_date, a.end_date, b.start_date, b.end_date)
    # Without dates on both sides only an identical title is evidence enough.
    same_title = bool(fold(a.title)) and fold(a.title) == fold(b.title)
    return (a.year == b.year or a.year is None or b.year is None) and same_title


@dataclass
class KnownDelegate:
    """A merged delegate row: every spelling and role key its sources gave."""
    id: int
    names: list[str]
    role_keys: set[str] = field(default_factory=set)


def _delegates_match(known: KnownDelegate, new: Delegate) -> bool | None:
    """True/False when decided; None when only a name comparison can tell."""
    if new.role_key and known.role_keys:
        return new.role_key in known.role_keys
    return None


def match_delegates(known: Sequence[KnownDelegate], new: Sequence[Delegate],
                    same: SamePerson = same_person) -> list[int | None]:
    """For each new delegate, the id of the known delegate it is (or None).

    One document's delegates are distinct people, so each known delegate is
    matched at most once. Role keys are tried first for every delegate, names
    second, so a name match cannot steal a row a role key identifies.
    """
    result: list[int | None] = [None] * len(new)
    taken: set[int] = set()
    for i, d in enumerate(new):
        for k in known:
            if k.id not in taken and _delegates_match(k, d) is True:
                result[i] = k.id
                taken.add(k.id)
                break
    scores = [(name_score(k.names, [d.name], same), i, k.id)
              for i, d in enumerate(new) if result[i] is None
              for k in known if k.id not in taken and _delegates_match(k, d) is not False]
    _assign(scores, result, taken)
    return result


def delegate_for_talk(delegates: Sequence[Delegate], name: str | None,
                      same: SamePerson = same_person) -> int | None:
    """Which of a document's delegates a talk's `delegate` names (an index).

    Exact name first, then the same person, then: a talk that names no
    delegate in a document with a single delegate is that delegate's.
    """
    if name:
        for i, d in enumerate(delegates):
            if fold(d.name) == fold(name):
                return i
        for i, d in enumerate(delegates):
            if same(d.name, name):
                return i
        # "HASEGAWA" in a talk, "HASEGAWA Junji" in the delegate list.
        for i, d in enumerate(delegates):
            if fold(name) in fold(d.name).split() or fold(d.name) in fold(name).split():
                return i
    if len(delegates) == 1 and not name:
        return 0
    return None


@dataclass
class TalkKey:
    """The merge-relevant part of a bilateral talk, known or new."""
    delegate_id: int | None
    delegate_names: list[str]
    country_code: str | None
    counterparts: list[str]   # spellings; empty when only the country is named


@dataclass
class KnownTalk(TalkKey):
    id: int = 0


def _same_delegate(a: TalkKey, b: TalkKey, same: SamePerson) -> bool:
    if a.delegate_id is not None and b.delegate_id is not None:
        return a.delegate_id == b.delegate_id
    if a.delegate_id is None and b.delegate_id is None and not a.delegate_names and not b.delegate_names:
        return True
    return any(same(x, y) for x in a.delegate_names for y in b.delegate_names)


def _same_side(a: TalkKey, b: TalkKey, same: SamePerson) -> bool:
    return (a.country_code or None) == (b.country_code or None) and _same_delegate(a, b, same)


def _name_score(k: TalkKey, t: TalkKey, same: SamePerson) -> int:
    if not k.counterparts and not t.counterparts:
        return 1   # both name only the country
    return name_score(k.counterparts, t.counterparts, same)


def _could_be_same(k: TalkKey, t: TalkKey) -> bool:
    """Names that were compared but not matched still allow the fallback only
    when no spelling shares a script (or one side names nobody)."""
    if not k.counterparts or not t.counterparts:
        return True
    scripts_k = {script_of(n) for n in k.counterparts}
    scripts_t = {script_of(n) for n in t.counterparts}
    return not (scripts_k & scripts_t) - {None}


def match_talks(known: Sequence[KnownTalk], new: Sequence[TalkKey],
                same: SamePerson = same_person) -> list[int | None]:
    """For each new talk, the id of the known talk it is (or None)."""
    result: list[int | None] = [None] * len(new)
    taken: set[int] = set()
    # 1. Same delegate, same country, same counterpart by name (best names first).
    scores = [(_name_score(k, t, same), i, k.id)
              for i, t in enumerate(new) for k in known if _same_side(k, t, same)]
    _assign(scores, result, taken)
    # 2. Names in different scripts that the names module could not pair:
    #    the only talk with this delegate and country on both sides.
    for i, t in enumerate(new):
        if result[i] is not None:
            continue
        mine = [x for x in new if _same_side(x, t, same)]
        theirs = [k for k in known if _same_side(k, t, same)]
        if len(mine) == 1 and len(theirs) == 1:
            k = theirs[0]
            if k.id not in taken and _could_be_same(k, t):
                result[i] = k.id
                taken.add(k.id)
    return result


def consensus(values: Iterable[T | None]) -> T | None:
    """The value most sources give (ties: the first given); None if none."""
    seen = [v for v in values if v is not None and v != ""]
    if not seen:
        return None
    counts = Counter(seen)
    best = max(counts.values())
    return next(v for v in seen if counts[v] == best)


def unique(values: Iterable[str | None]) -> list[str]:
    """Distinct non-empty strings in order, compared after `fold`."""
    out, keys = [], set()
    for v in values:
        if not v:
            continue
        k = fold(v)
        if k not in keys:
            keys.add(k)
            out.append(v.strip())
    return out
