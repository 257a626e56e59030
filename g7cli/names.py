"""One person in two scripts: match a foreign name written in Latin letters
with the same name written in katakana.

    romanize("ヴェステアー")          -> "vesuteaa"
    romanize("Le Hénanff")           -> "le henanff"
    skeleton("Vestager") == skeleton("ヴェステアー")  -> "bst"
    same_person("Champagne", "フランソワ=フィリップ・シャンパーニュ") -> True

A *skeleton* is the sequence of consonant classes of a name, vowels dropped
and repeats collapsed, with the classes coarse enough to absorb what happens
when a name passes into katakana: l/r merged, v/b/w merged, m/n merged, t/d
merged, k/g/c/q merged, s/z/sh/ch/j/ts merged, h and y dropped.  Latin
spelling is ambiguous (French "ch" is /sh/, Italian "ch" is /k/, German
"ch" is silent in katakana; final French "t" is silent; Danish "g" is
silent; a non-rhotic "r" becomes a long vowel ...), so a Latin token has a
small *set* of skeletons (`skeletons`); two tokens match when the sets meet.

Limits: kanji cannot be romanised without a dictionary, so a kanji name only
matches the identical kanji (or a kanji name it begins, 河野 / 河野太郎).
Tokens whose skeleton has a single consonant (Koh / コ) must also agree on
their first vowel.  Stdlib + jaconv only.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

import jaconv

__all__ = ["romanize", "skeleton", "skeletons", "tokens", "same_person"]

# --- romanisation ---------------------------------------------------------

# Katakana digraphs with small vowels that jaconv spells letter by letter
# (ティ -> "tei"); spelled here the way a Latin source would.
_KANA_DIGRAPHS = {
    "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ヴュ": "vyu", "ヴ": "vu",
    "ティ": "ti", "ディ": "di", "テュ": "tyu", "デュ": "dyu", "トゥ": "tu", "ドゥ": "du",
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ウァ": "wa",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso",
    "チェ": "che", "ジェ": "je", "シェ": "she", "イェ": "ye",
    "クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo",
    "グァ": "gwa", "グィ": "gwi", "グェ": "gwe", "グォ": "gwo",
    "スィ": "si", "ズィ": "zi", "ヂ": "ji", "ヅ": "zu",
}
_DIGRAPH_RE = re.compile("|".join(sorted(map(re.escape, _KANA_DIGRAPHS), key=len, reverse=True)))
_KANA_RE = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SEPARATORS = "・･=＝ ,，、-‐‑–—\u3000"
_SPLIT_RE = re.compile(r"[・･=＝\s,，、\-‐‑–—/]+")

# Letters that NFKD does not decompose.
_LATIN_SPECIAL = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i",
    "’": "'", "‘": "'",
})


def _kana_to_romaji(s: str) -> str:
    s = jaconv.hira2kata(s)
    s = _DIGRAPH_RE.sub(lambda m: _KANA_DIGRAPHS[m.group(0)], s)
    s = jaconv.kata2alphabet(s)
    # long-vowel mark: repeat the vowel before it
    out: list[str] = []
    for ch in s:
        if ch in "-ー":
            prev = next((c for c in reversed(out) if c in "aeiou"), "")
            out.append(prev)
        else:
            out.append(ch)
    return "".join(out)


def romanize(name: str) -> str:
    """Lower-case ASCII for a name: katakana/hiragana -> Hepburn-like romaji
    (jaconv, with the foreign-sound digraphs ティ ヴァ ファ ... spelled as a
    Latin source would), Latin -> diacritics stripped.  Name separators
    (・ = , hyphen) become spaces.  Kanji is left as it is."""
    s = unicodedata.normalize("NFKC", name or "").strip()
    if _KANA_RE.search(s):
        s = _kana_to_romaji(s)
    s = s.translate(_LATIN_SPECIAL)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _SPLIT_RE.sub(" ", s.lower()).strip()
    return s


# --- skeletons ------------------------------------------------------------

_VOWELS = set("aeiouy")

# Particles and honorifics that are not the distinguishing part of a name.
_PARTICLES = {
    "le", "la", "les", "de", "des", "du", "di", "da", "del", "della", "dei", "van", "von",
    "der", "den", "ten", "ter", "zu", "af", "al", "el", "bin", "ben", "mac", "st", "saint",
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "hon", "jr", "sr",
    "ru", "ra", "do", "dyu", "fon", "deru", "dera",
}
_JA_HONORIFICS = ("氏", "さん", "様", "殿", "閣下", "君")


def _latin_units(tok: str) -> list[tuple[str, ...]]:
    """Split a lower-case ASCII token into a list of alternatives per sound:
    each item is a tuple of possible consonant classes ('' = silent)."""
    units: list[tuple[str, ...]] = []
    i, n = 0, len(tok)

    def at(j: int) -> str:
        return tok[j] if 0 <= j < n else ""

    def is_v(c: str) -> bool:
        return c in "aeiouy"

    while i < n:
        c = tok[i]
        rest = tok[i:]
        end_after = lambda k: i + k >= n  # noqa: E731
        if c in "aeiou":
            i += 1
            continue
        if c == "y":                      # Murray / Kyle / Yoon: never a consonant class
            i += 1
            continue
        if rest.startswith("tsch"):
            units.append(("s",)); i += 4; continue
        if rest.startswith("sch"):
            units.append(("s", "sk")); i += 3; continue
        if rest.startswith("tch") or rest.startswith("tz") or rest.startswith("ts"):
            units.append(("s", "ts")); i += 2 if not rest.startswith("tch") else 3; continue
        if rest.startswith("ch"):
            units.append(("s", "k", "")); i += 2; continue
        if rest.startswith("sh") or rest.startswith("zh"):
            units.append(("s",)); i += 2; continue
        if rest.startswith("ph"):
            units.append(("f",)); i += 2; continue
        if rest.startswith("th"):
            units.append(("t", "s")); i += 2; continue
        if rest.startswith("gh"):
            units.append(("k", "")); i += 2; continue
        if rest.startswith("ck") or rest.startswith("cq"):
            units.append(("k",)); i += 2; continue
        if rest.startswith("qu"):
            units.append(("k",)); i += 2; continue
        if rest.startswith("gn"):
            units.append(("n", "kn")); i += 2; continue
        if rest.startswith("gu") and is_v(at(i + 2)):
            units.append(("k",)); i += 2; continue
        if rest.startswith("ill") and i > 0:       # French Guillaume
            units.append(("l", "")); i += 3; continue
        if c == "c":
            nxt = at(i + 1)
            if nxt == "c" and at(i + 2) in ("e", "i"):
                units.append(("s",)); i += 2; continue
            units.append(("s",) if nxt in ("e", "i", "y") else ("k",))
            i += 1
            continue
        if c == "g":
            nxt = at(i + 1)
            if nxt in ("e", "i", "y"):
                units.append(("k", "s", "") if is_v(at(i - 1)) else ("k", "s"))
            elif is_v(at(i - 1)) and (is_v(nxt) or nxt == "") :
                units.append(("k", ""))              # Vestager
            elif at(i - 1) == "n":
                units.append(("k", ""))              # Wang / Wissing
            else:
                units.append(("k",))
            i += 1
            continue
        if c == "j":
            units.append(("s", "")); i += 1; continue
        if c == "x":
            units.append(("ks", "s")); i += 1; continue
        if c == "h":
            i += 1; continue
        if c == "w":
            units.append(("b", "")); i += 1; continue
        if c == "v":
            units.append(("b", "f")); i += 1; continue
        if c in "lr":
            nxt_i = i + 1
            while nxt_i < n and tok[nxt_i] == c:
                nxt_i += 1
            if c == "r" and (nxt_i >= n or not is_v(tok[nxt_i])):
                units.append(("l", ""))              # non-rhotic r
            else:
                units.append(("l",))
            i = nxt_i
            continue
        cls = {"b": "b", "p": "p", "f": "f", "m": "n", "n": "n", "t": "t", "d": "t",
               "k": "k", "q": "k", "s": "s", "z": "s"}.get(c)
        if cls is None:
            i += 1
            continue
        j = i + 1
        while j < n and tok[j] == c:
            j += 1
        # French silent final consonant (Barrot, Renaud, Dupont)
        if j >= n and c in "tdsz" and i > 0:
            units.append((cls, ""))
        else:
            units.append((cls,))
        i = j
    return units


def _romaji_units(tok: str) -> list[tuple[str, ...]]:
    """Consonant classes of romaji produced from katakana (unambiguous)."""
    s = tok
    s = s.replace("tsu", "s").replace("ts", "s").replace("sh", "s").replace("ch", "s")
    s = s.replace("j", "s").replace("z", "s")
    out: list[tuple[str, ...]] = []
    for c in s:
        if c in "aeiouyhw":
            continue
        cls = {"b": "b", "v": "b", "p": "p", "f": "f", "m": "n", "n": "n", "t": "t", "d": "t",
               "k": "k", "g": "k", "s": "s", "r": "l", "l": "l"}.get(c)
        if cls:
            out.append((cls,))
    return out


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


_MAX_VARIANTS = 256


def _expand(units: list[tuple[str, ...]]) -> frozenset[str]:
    total = 1
    for u in units:
        total *= len(u)
    if total > _MAX_VARIANTS:
        # too ambiguous: keep the first reading for the least important units
        units = [u if len(u) == 1 else u[:1] for u in units]
    return frozenset(_collapse("".join(p)) for p in itertools.product(*units))


# Korean (and a few Chinese) surnames whose katakana form keeps no consonant
# that their romanisation has.
_SPECIAL = {
    "lee": "yi", "rhee": "yi", "yi": "yi", "i": "yi", "ri": "yi",
    "yoon": "yun", "yun": "yun", "yu": "yu", "yoo": "yu",
    "oh": "o", "o": "o", "ahn": "an", "an": "an",
    "lim": "im", "im": "im", "rim": "im",
}


def _is_kana(tok: str) -> bool:
    return bool(_KANA_RE.search(tok))


@lru_cache(maxsize=4096)
def skeletons(token: str) -> frozenset[str]:
    """Every consonant skeleton a single name token may stand for."""
    raw = unicodedata.normalize("NFKC", token).strip()
    if _KANJI_RE.search(raw):
        return frozenset({raw})
    if _is_kana(raw):
        r = _romanize_token(raw)
        if r in _SPECIAL:
            return frozenset({"=" + _SPECIAL[r]})
        return frozenset({_collapse("".join(u[0] for u in _romaji_units(r)))})
    r = _romanize_token(raw)
    if r in _SPECIAL:
        return frozenset({"=" + _SPECIAL[r]})
    return _expand(_latin_units(r))


def _romanize_token(tok: str) -> str:
    s = unicodedata.normalize("NFKC", tok)
    # German umlauts keep their vowel quality (ä -> ae), which matters for
    # the first-vowel check only; consonants are unaffected.
    s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    s = s.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    return re.sub(r"[^a-z]", "", romanize(s))


def _primary(tok: str) -> str:
    raw = unicodedata.normalize("NFKC", tok).strip()
    if _KANJI_RE.search(raw) or _is_kana(raw) or _romanize_token(raw) in _SPECIAL:
        return next(iter(skeletons(raw)))
    return _collapse("".join(u[0] for u in _latin_units(_romanize_token(raw)) if u))


def skeleton(s: str) -> str:
    """The primary consonant skeleton of a name (all its tokens, joined by a
    space).  `skeleton("Vestager") == skeleton("ヴェステアー") == "bst"`
    does not hold for every ambiguous spelling; `same_person` compares the
    full variant sets."""
    parts = []
    for tok in tokens(s):
        parts.append(_primary(tok))
    return " ".join(parts)


def _first_vowel(tok: str) -> str:
    r = _romanize_token(tok)
    r = r.replace("ae", "e").replace("oe", "o").replace("ue", "u")
    for c in r:
        if c in "aeiou":
            return c
    return ""


def tokens(name: str) -> list[str]:
    """Name tokens, particles (le, von, ル, フォン ...) and honorifics dropped
    unless nothing else is left."""
    s = unicodedata.normalize("NFKC", name or "").strip()
    for h in _JA_HONORIFICS:
        if s.endswith(h):
            s = s[: -len(h)]
    s = re.sub(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|H\.E)\.?\s+", "", s)
    toks = [t.strip(".'") for t in _SPLIT_RE.split(s) if t.strip(".'")]
    keep = [t for t in toks if _romanize_token(t) not in _PARTICLES or _KANJI_RE.search(t)]
    return keep or toks


def _tokens_match(a: str, b: str) -> bool:
    ka, kb = bool(_KANJI_RE.search(a)), bool(_KANJI_RE.search(b))
    if ka or kb:
        if not (ka and kb):
            return False
        return a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)))
    sa, sb = skeletons(a), skeletons(b)
    common = sa & sb
    if not common:
        return False
    if all(len(x) <= 1 for x in common) and not next(iter(common)).startswith("="):
        # one consonant (or none) is weak evidence: the first vowel must agree
        return _first_vowel(a) == _first_vowel(b)
    return True


def _surname_candidates(toks: list[str]) -> set[int]:
    if len(toks) <= 1:
        return set(range(len(toks)))
    caps = {i for i, t in enumerate(toks) if len(t) >= 2 and t.isascii() and t.isupper()}
    if caps:
        return caps
    return {len(toks) - 1}


def same_person(a: str, b: str) -> bool:
    """True when a surname token of one name matches a token of the other.

    The surname of a multi-token name is its all-caps token (KONO Taro) or
    else its last token; a one-token name is all surname.  Kanji matches
    only kanji (identical, or one a prefix of the other: 河野 / 河野太郎)."""
    if not a or not b:
        return False
    na, nb = unicodedata.normalize("NFKC", a).strip(), unicodedata.normalize("NFKC", b).strip()
    if na == nb:
        return True
    ta, tb = tokens(na), tokens(nb)
    if not ta or not tb:
        return False
    # kanji names written without a separator (河野太郎): compare whole strings
    if _KANJI_RE.search(na) and _KANJI_RE.search(nb) and len(ta) == 1 and len(tb) == 1:
        return _tokens_match(ta[0], tb[0])
    sa, sb = _surname_candidates(ta), _surname_candidates(tb)
    for i, x in enumerate(ta):
        for j, y in enumerate(tb):
            if (i in sa or j in sb) and _tokens_match(x, y):
                return True
    return False
