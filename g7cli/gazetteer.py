"""Gazetteers: countries and organisations, cities, Japanese government role
titles, topic words; read from the TSV files under g7cli/data/ lazily, once.

Stdlib only.  Files (UTF-8, tab-separated, a header line, `#` comments):

    data/entities.tsv          code  type  name  g7  alpha3
    data/{en,ja}/entities.tsv  code  alias        (code "-": a blocked form)
    data/en/demonyms.tsv       code  adjective
    data/ja/abbreviations.tsv  code  abbr         (日, 米, 英 ...: compounds only)
    data/cities.tsv            name  country_code
    data/{en,ja}/cities.tsv    name  alias
    data/{en,ja}/roles.tsv     role_key  form
    data/{en,ja}/topics.tsv    tag  word          (word* = prefix)

Matching rules (find_entities / find_cities):
  * text is compared after NFKC, character by character, so offsets always
    point into the text as given (a half-width katakana + dakuten pair is
    not recombined);
  * a Latin alias must sit between non-letters/digits ("US" never matches
    inside "USA", "UN" never inside "UNDP"); an all-caps alias (US, UK, EU,
    OECD) matches case-sensitively, any other alias ignores case but must
    start with a capital when the alias does ("china", "turkey" never match);
  * a katakana alias must not be glued to more katakana (マリ is not found in
    マリオ, アメリカ not in アメリカン); a kanji alias is a plain substring
    (日本 is found in 日本語 unless a blocked form says otherwise);
  * longest match first, leftmost first, never overlapping; blocked forms
    (code "-": "Latin America", インド太平洋) swallow what they cover.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("en", "ja")
BLOCKED = "-"

__all__ = [
    "Entity", "Match", "CityMatch", "entity", "entities", "aliases", "resolve",
    "find_entities", "find_cities", "city", "jp_roles", "role_key", "role_name",
    "topics", "demonym", "abbreviation", "normalize",
]


@dataclass(frozen=True)
class Entity:
    code: str
    type: str      # country | region | org
    name: str      # canonical English name
    g7: bool
    alpha3: str | None = None


class Match(NamedTuple):
    start: int
    end: int
    code: str
    alias: str     # the text as written


class CityMatch(NamedTuple):
    start: int
    end: int
    name: str      # canonical English city name
    alias: str     # the text as written


# --- file reading ---------------------------------------------------------

def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    out: list[list[str]] = []
    header = True
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if header:
                header = False
                continue
            out.append([c.strip() for c in line.split("\t")])
    return out


def normalize(s: str) -> str:
    """NFKC, whitespace collapsed, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip()


def _key(s: str) -> str:
    """Lookup key: NFKC, case-folded, no leading "the", no dots, single spaces."""
    k = normalize(s).casefold()
    k = re.sub(r"^the\s+", "", k)
    k = k.replace(".", "").replace("’", "'")
    return re.sub(r"\s+", " ", k).strip()


# --- entities -------------------------------------------------------------

@cache
def _entities() -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for r in _rows(DATA / "entities.tsv"):
        if len(r) < 4:
            continue
        out[r[0]] = Entity(r[0], r[1], r[2], r[3] == "1", (r[4] if len(r) > 4 and r[4] else None))
    return out


@cache
def _aliases(lang: str) -> tuple[tuple[str, str], ...]:
    """(alias, code) for one language, NFKC-normalised."""
    return tuple((normalize(r[1]), r[0]) for r in _rows(DATA / lang / "entities.tsv") if len(r) >= 2 and r[1])


def entity(code: str | None) -> Entity | None:
    if not code:
        return None
    return _entities().get(code) or _entities().get(code.upper())


def entities() -> list[Entity]:
    return list(_entities().values())


def aliases(code: str, lang: str | None = None) -> list[str]:
    """Every alias of a code (canonical English name first)."""
    out: list[str] = []
    e = entity(code)
    if e:
        out.append(e.name)
    for lg in ([lang] if lang else LANGS):
        out += [a for a, c in _aliases(lg) if c == code and a not in out]
    return out


@cache
def _resolve_table() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    for e in _entities().values():
        codes.setdefault(e.code.casefold(), e.code)
    for e in _entities().values():
        if e.alpha3:
            codes.setdefault(e.alpha3.casefold(), e.code)
    names: dict[str, str] = {}
    for e in _entities().values():
        names.setdefault(_key(e.name), e.code)
    for lang in LANGS:
        for alias, code in _aliases(lang):
            names.setdefault(_key(alias), code)
    return codes, names


def resolve(name: str | None) -> str | None:
    """Code for a name in either language, an ISO alpha-2/alpha-3 code or an
    organisation code; case-insensitive, leading "the" ignored."""
    if not name or not name.strip():
        return None
    codes, names = _resolve_table()
    raw = normalize(name)
    k = _key(raw)
    code = codes.get(raw.casefold()) or names.get(k)
    if code is None:
        code = codes.get(k)
    return None if code == BLOCKED else code


# --- matching machinery ---------------------------------------------------

_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_KATA = "\u30a1-\u30fa\u30fc"
_IS_LATIN = re.compile(f"[{_LATIN}]")
_IS_KATA = re.compile(f"[{_KATA}]")


_NOT_PLAIN_SPACE = re.compile(r"\s\s|[^\S ]")


def _nfkc_map(text: str) -> tuple[str, list[int]]:
    """NFKC character by character, whitespace runs collapsed to one space,
    with each output character's source index (plus a final sentinel)."""
    # Extraction scans text that normalize() already made NFKC: nothing to map.
    if unicodedata.is_normalized("NFKC", text) and not _NOT_PLAIN_SPACE.search(text):
        return text, list(range(len(text) + 1))
    return _nfkc_map_per_char(text)


def _nfkc_map_per_char(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    idx: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        if n.isspace():
            if prev_space:
                continue
            n, prev_space = " ", True
        else:
            prev_space = False
        out.append(n)
        idx.extend([i] * len(n))
    idx.append(len(text))
    return "".join(out), idx


def _is_latin(c: str) -> bool:
    return bool(c) and bool(_IS_LATIN.match(c))


def _is_kata(c: str) -> bool:
    return bool(c) and bool(_IS_KATA.match(c))


class _Matcher:
    """Longest-first, leftmost, non-overlapping dictionary matching.

    Aliases are indexed by their first two case-folded characters; no big
    regular expression is compiled, so building one costs a few ms."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        seen: dict[str, str] = {}
        for alias, value in pairs:
            alias = re.sub(r"\s+", " ", alias).strip()
            if alias and alias not in seen:
                seen[alias] = value
        self.index: dict[str, list[tuple[str, str, str, int]]] = {}
        for alias, value in seen.items():
            has_lower = any(c.islower() for c in alias)
            has_upper = any(c.isupper() for c in alias)
            if has_upper and not has_lower:
                mode = 0            # exact case
            elif has_lower and alias[:1].isupper():
                mode = 1            # case-insensitive, initial capital required
            else:
                mode = 2            # case-insensitive
            cf = alias.casefold() if mode else alias
            # casefold can change length (ß -> ss); keep exact mode then
            if len(cf) != len(alias):
                cf, mode = alias, 0
            self.index.setdefault(alias[:2].casefold(), []).append((alias, cf, value, mode))
        for lst in self.index.values():
            lst.sort(key=lambda t: -len(t[0]))
        self.short = any(len(k) == 1 for k in self.index)

    def scan(self, text: str) -> list[tuple[int, int, str, str]]:
        norm, idx = _nfkc_map(text)
        low = norm.casefold() if len(norm.casefold()) == len(norm) else None
        out = []
        i, n = 0, len(norm)
        index = self.index
        while i < n:
            cands = index.get(norm[i:i + 2].casefold())
            if self.short:
                one = index.get(norm[i].casefold())
                if one:
                    cands = (cands or []) + one
            hit = None
            if cands:
                prev = norm[i - 1] if i else ""
                for alias, cf, value, mode in cands:
                    L = len(alias)
                    if mode == 0:
                        if norm[i:i + L] != alias:
                            continue
                    else:
                        seg = low[i:i + L] if low is not None else norm[i:i + L].casefold()
                        if seg != cf:
                            continue
                        if mode == 1 and not norm[i].isupper():
                            continue
                    nxt = norm[i + L] if i + L < n else ""
                    first, last = alias[0], alias[-1]
                    if _is_latin(first) and _is_latin(prev):
                        continue
                    if _is_latin(last) and _is_latin(nxt):
                        continue
                    if _is_kata(first) and _is_kata(prev):
                        continue
                    if _is_kata(last) and _is_kata(nxt):
                        continue
                    hit = (L, value)
                    break
            if hit is None:
                i += 1
                continue
            L, value = hit
            if value != BLOCKED:
                s, e = idx[i], idx[i + L - 1] + 1
                out.append((s, e, value, text[s:e]))
            i += L
        return out


@cache
def _entity_matcher(lang: str | None) -> _Matcher:
    langs = [lang] if lang else list(LANGS)
    pairs: list[tuple[str, str]] = []
    for lg in langs:
        pairs += [(a, c) for a, c in _aliases(lg)]
    return _Matcher(pairs)


def find_entities(text: str, lang: str | None = None) -> list[Match]:
    """Countries, the EU and organisations named in a text (see the module
    doc for the rules).  lang restricts the aliases to one language's file;
    None uses both (Japanese text also uses the Latin aliases in ja/)."""
    return list(_entities_in(text, lang)) if text else []


# Extraction asks about the same sentence several times (participants,
# talks, headings); a sentence is scanned once.
@lru_cache(maxsize=4096)
def _entities_in(text: str, lang: str | None) -> tuple[Match, ...]:
    return tuple(Match(*t) for t in _entity_matcher(lang).scan(text))


# --- cities ---------------------------------------------------------------

@cache
def _cities() -> dict[str, str]:
    return {normalize(r[0]): r[1] for r in _rows(DATA / "cities.tsv") if len(r) >= 2}


@cache
def _city_aliases() -> tuple[tuple[str, str], ...]:
    pairs = [(n, n) for n in _cities()]
    for lang in LANGS:
        pairs += [(normalize(r[1]), normalize(r[0])) for r in _rows(DATA / lang / "cities.tsv") if len(r) >= 2]
    return tuple(pairs)


@cache
def _city_matcher() -> _Matcher:
    return _Matcher(_city_aliases())


@cache
def _city_keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for alias, name in _city_aliases():
        if name != BLOCKED:
            out.setdefault(_key(alias), name)
    return out


_PERSON_BEFORE = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Minister|Secretary)\.?\s*)$")
_PERSON_AFTER = ("氏", "さん", "議員", "委員", "局長", "審議官", "大使", "首相", "総理")


@cache
def _ja_role_prefixes() -> tuple[str, ...]:
    return tuple(f for f, _ in jp_roles("ja")) + _PERSON_AFTER


def find_cities(text: str) -> list[CityMatch]:
    """Cities named in a text (same rules as find_entities).  Many Japanese
    city names are also surnames (Yamaguchi, 宮崎, 松本): a match written in
    capitals (YAMAGUCHI), preceded by Mr./Ms./Minister, or followed by a
    Japanese title or honorific (宮崎副大臣, 松本氏) is taken for a person
    and dropped."""
    if not text:
        return []
    out = []
    for t in _city_matcher().scan(text):
        s, e, name, alias = t
        if len(alias) > 3 and alias.isascii() and alias.isupper() and not name.isupper():
            continue
        if _PERSON_BEFORE.search(text[max(0, s - 12):s]):
            continue
        after = unicodedata.normalize("NFKC", text[e:e + 24])
        if after.startswith(_ja_role_prefixes()):
            continue
        out.append(CityMatch(*t))
    return out


def city(name: str | None) -> tuple[str, str] | None:
    """(canonical English name, country code) for a city name or alias."""
    if not name:
        return None
    canon = _city_keys().get(_key(name))
    if canon is None:
        return None
    return canon, _cities().get(canon, "")


# --- roles ----------------------------------------------------------------

def _role_norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = re.sub(r"[\-‐‑–—,、]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@cache
def jp_roles(lang: str) -> list[tuple[str, str]]:
    """(form, role_key) of Japan's government titles, longest form first."""
    rows = [t for t in _all_roles(lang) if t[1] != BLOCKED]
    return sorted(rows, key=lambda t: -len(t[0]))


@cache
def _all_roles(lang: str) -> tuple[tuple[str, str], ...]:
    """(form, key) rows of one roles file, blocked forms (key "-") included."""
    return tuple((normalize(r[1]), r[0]) for r in _rows(DATA / lang / "roles.tsv") if len(r) >= 2 and r[1])


@cache
def _role_matcher() -> tuple[re.Pattern[str], list[str]]:
    forms: dict[str, str] = {}
    for lang in LANGS:
        for form, key in _all_roles(lang):
            forms.setdefault(_role_norm(form), key)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    parts = []
    for f in ordered:
        body = re.escape(f).replace(r"\ ", " ")
        if _IS_LATIN.match(f[:1]):
            body = rf"(?<![a-z0-9]){body}"
        if _IS_LATIN.match(f[-1:]):
            body = rf"{body}(?![a-z0-9])"
        parts.append(body)
    pat = re.compile("(?=(" + "|".join(parts) + "))")
    return pat, [forms[f] for f in ordered]


@cache
def _role_lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in LANGS:
        for form, key in _all_roles(lang):
            out.setdefault(_role_norm(form), key)
    return out


@lru_cache(maxsize=4096)
def role_key(text: str | None) -> str | None:
    """Key of the longest Japanese government title contained in text
    (case, hyphens and commas ignored for English; NFKC).  None when there
    is none, or when the title is part of a blocked form (key "-" in the
    roles files: デジタル大臣会合, 外相会談)."""
    if not text:
        return None
    t = _role_norm(text)
    pat, _ = _role_matcher()
    lookup = _role_lookup()
    best: tuple[int, int] | None = None
    blocked: list[tuple[int, int]] = []
    for m in pat.finditer(t):
        f = m.group(1)
        span = (m.start(), m.start() + len(f))
        if lookup.get(f) == BLOCKED:
            blocked.append(span)
        elif best is None or len(f) > best[1] - best[0]:
            best = span
    if best is None:
        return None
    # a title inside a blocked form (デジタル大臣 in デジタル大臣会合) is no title
    if any(s < best[1] and best[0] < e for s, e in blocked):
        return None
    return lookup.get(t[best[0]:best[1]])


@cache
def _role_names() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for lang in LANGS:
        for r in _rows(DATA / lang / "roles.tsv"):
            if len(r) >= 2 and r[1]:
                out.setdefault((r[0], lang), normalize(r[1]))
    return out


def role_name(key: str | None, lang: str = "en") -> str:
    """Display form of a role key in a language ('' when unknown)."""
    if not key:
        return ""
    names = _role_names()
    return names.get((key, lang)) or names.get((key, "en" if lang == "ja" else "ja"), "")


# --- topics ---------------------------------------------------------------

def _word_pattern(word: str) -> str:
    """Regex for a topic word: separators (space, hyphen) match any run of
    spaces/hyphens or nothing; a one-token word with two capitals (AI, IoT,
    DFFT) keeps its case, anything else ignores case; Latin ends need
    non-letter neighbours; a trailing * allows a longer word."""
    prefix = word.endswith("*")
    w = word.rstrip("*")
    toks = [t for t in re.split(r"[\s\-‐]+", w) if t]
    body = r"[\s\-‐]*".join(re.escape(t) for t in toks)
    if not (len(toks) == 1 and sum(c.isupper() for c in w) >= 2):
        body = f"(?i:{body})"
    if prefix:
        body += f"[{_LATIN}]*"
    if _IS_LATIN.match(w[:1]):
        body = f"(?<![{_LATIN}]){body}"
    if _IS_LATIN.match(w[-1:]) and not prefix:
        body = f"{body}(?![{_LATIN}])"
    return body


@cache
def _topic_groups(weak: bool = True) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Per tag: (tag, words regex, regex of the forms to blank out first)."""
    words: dict[str, list[str]] = {}
    blocked: dict[str, list[str]] = {}
    for lang in LANGS:
        for r in _rows(DATA / lang / "topics.tsv"):
            if len(r) >= 2 and r[1]:
                w = normalize(r[1])
                if r[0].startswith("!"):
                    blocked.setdefault(r[0][1:], []).append(w)
                elif weak or len(r) < 3 or r[2] != "weak":
                    words.setdefault(r[0], []).append(w)

    def alt(ws: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(_word_pattern(w) for w in sorted(set(ws), key=lambda w: (-len(w), w))))

    return tuple((tag, alt(ws), alt(blocked[tag]) if tag in blocked else None)
                 for tag, ws in sorted(words.items()))


def topics(text: str | None, weak: bool = True) -> list[str]:
    """Sorted unique topic tags whose words occur in text (either language).

    weak=True (default, for a theme title) counts every word; weak=False
    counts only the specific ones (generative AI, submarine cable, DFFT,
    サプライチェーン強靱化 ...), for a long body of text where generic words
    (data, network, AI, 通信) would add tags the theme is not about."""
    if not text:
        return []
    t = normalize(text)
    out = []
    for tag, pat, block in _topic_groups(bool(weak)):
        tt = block.sub(" ", t) if block is not None else t
        if pat.search(tt):
            out.append(tag)
    return out


def topic_words() -> list[tuple[str, str, str, bool]]:
    """(tag, word as written, language, weak) for every topic word in both
    files, in file order; blocked forms ("!tag") left out.  For the
    database's topic_words table (`--topic` by word, `g7 topics`)."""
    out = []
    for lang in LANGS:
        for r in _rows(DATA / lang / "topics.tsv"):
            if len(r) >= 2 and r[1] and not r[0].startswith("!"):
                out.append((r[0], normalize(r[1]), lang, len(r) >= 3 and r[2] == "weak"))
    return out


# --- demonyms and abbreviations ------------------------------------------

@cache
def _demonyms() -> dict[str, str]:
    return {_key(r[1]): r[0] for r in _rows(DATA / "en" / "demonyms.tsv") if len(r) >= 2}


def demonym(word: str | None) -> str | None:
    """Code for an English adjective of nationality (Canadian -> CA)."""
    if not word:
        return None
    return _demonyms().get(_key(word))


@cache
def _abbreviations() -> dict[str, str]:
    return {normalize(r[1]): r[0] for r in _rows(DATA / "ja" / "abbreviations.tsv") if len(r) >= 2}


def abbreviation(char: str | None) -> str | None:
    """Code for a one-kanji Japanese abbreviation (英 -> GB, 加 -> CA)."""
    if not char:
        return None
    return _abbreviations().get(normalize(char))
