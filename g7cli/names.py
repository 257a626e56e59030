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
    s = re.sub(r"(^|[^\u30a1-\u30fc])ホワ", r"\1ワ", s)   # ホワイト: "wh"
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

# --- sound sequences ------------------------------------------------------
#
# A token becomes a *reading*: consonant classes c1..cn and the vowel letters
# around them, slots v0..vn (v0 before c1, vi after ci).  Classes are coarse
# enough to absorb what happens when a name passes into katakana: l/r, v/b/w,
# m/n, t/d, k/g/c/q and s/z/sh/ch/j/ts are merged, h/y/w glides dropped.
# Latin spelling is ambiguous, so a Latin token has several readings (each
# unit below lists its options; '' = silent).  Two tokens match when some
# Latin reading has the katakana consonants and compatible vowels.

_PARTICLES = {
    "le", "la", "les", "de", "des", "du", "di", "da", "del", "della", "dei", "van", "von",
    "der", "den", "ten", "ter", "zu", "af", "al", "el", "bin", "ben", "st", "saint",
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "hon", "jr", "sr",
    "ru", "ra", "do", "dyu", "fon", "dea", "deru", "dera", "aru", "eru", "bin",
}
_JA_HONORIFICS = ("氏", "さん", "様", "殿", "閣下", "君")

_LATIN_VOWELS = "aeiouy"


def _latin_units(tok: str) -> list[tuple[str, object]]:
    """('V', letters) and ('C', options) items of a lower-case ASCII token."""
    units: list[tuple[str, object]] = []
    i, n = 0, len(tok)

    def at(j: int) -> str:
        return tok[j] if 0 <= j < n else ""

    def is_v(c: str) -> bool:
        return bool(c) and c in _LATIN_VOWELS

    def C(*opts: str) -> None:
        units.append(("C", opts))

    while i < n:
        c = tok[i]
        rest = tok[i:]
        if rest.startswith("ill") and at(i - 1) in ("u", "e", "a", "o") and is_v(at(i + 3)):  # Guillaume
            units.append(("V", "i"))
            C("l", "")
            i += 3
            continue
        if c in "aeiou" or (c == "y" and (not is_v(at(i + 1)) or is_v(at(i - 1)))):
            # a vowel before w keeps the w in its group (Powell, Lewis, Dowden)
            units.append(("V", c + ("w" if at(i + 1) == "w" else "")))
            i += 1
            continue
        if c == "y":                               # glide before a vowel: Young, Yoon
            i += 1
            continue
        for lit, opts in (("tsch", ("s",)), ("sch", ("s", "sk")), ("tch", ("s",)),
                          ("tz", ("s",)), ("ts", ("s", "ts")), ("ds", ("s", "ts")),
                          ("sh", ("s",)), ("zh", ("s",)), ("ph", ("f", "p")),
                          ("th", ("t", "s")), ("gh", ("k", "")), ("ck", ("k",)),
                          ("cq", ("k",)), ("qu", ("k", "kb")), ("gn", ("n", "kn")),
                          ("hw", ("f", "b", "")), ("wh", ("b", "", "f")), ("wr", ("l",)),
                          ("kn", ("n", "kn")), ("ch", ("s", "k", ""))):
            if rest.startswith(lit):
                C(*opts)
                i += len(lit)
                break
        else:
            if rest.startswith("gu") and is_v(at(i + 2)):
                C("k")
                i += 2
                continue
            if c == "c":
                nxt = at(i + 1)
                if nxt == "c" and at(i + 2) in ("e", "i"):
                    C("s")
                    i += 2
                    continue
                C("s") if nxt in ("e", "i", "y") else C("k")
                i += 1
                continue
            if c == "g":
                nxt = at(i + 1)
                if nxt in ("e", "i", "y"):
                    # Danish silent g (Vestager): only in a final -ger
                    C("k", "s", "") if is_v(at(i - 1)) and tok[i + 1:] == "er" else C("k", "s")
                elif is_v(at(i - 1)) and (is_v(nxt) or nxt == ""):
                    C("k", "")                       # Vestager, Erdoğan
                elif at(i - 1) == "n":
                    C("k", "")                       # Wang, Wissing
                else:
                    C("k")
                i += 1
                continue
            if c == "j":
                C("s", "")
                i += 1
                continue
            if c == "x":
                C("ks", "s")
                i += 1
                continue
            if c == "h":
                i += 1
                continue
            if c == "w":
                C("b", "~")
                i += 1
                continue
            if c == "v":
                C("b", "f", "")
                i += 1
                continue
            if c in "lr":
                j = i + 1
                while j < n and tok[j] == c:
                    j += 1
                if c == "r" and (not is_v(at(j)) or (at(j) == "e" and j == n - 1)):
                    C("l", "~")                      # non-rhotic r: Carter, Moore
                elif c == "l" and at(i - 1) in ("a", "o") and at(j) in ("k", "m"):
                    C("l", "")                       # Walker, Palmer
                else:
                    C("l")
                i = j
                continue
            cls = {"b": "b", "p": "p", "f": "f", "m": "n", "n": "n", "t": "t", "d": "t",
                   "k": "k", "q": "k", "s": "s", "z": "s"}.get(c)
            j = i + 1
            while j < n and tok[j] == c:
                j += 1
            if cls is None:
                i = j
                continue
            if j >= n and c in "tdsxz" and i > 0:
                C(cls, "")                           # French silent final: Barrot, Renaud
            elif c == "p" and at(i - 1) == "m" and at(j) == "b":
                C(cls, "")                           # Campbell
            else:
                C(cls)
            i = j
    return units


def _romaji_units(tok: str) -> list[tuple[str, object]]:
    """Items of romaji produced from katakana (one reading)."""
    s = tok.replace("tts", "ts").replace("cch", "ch").replace("ssh", "sh")
    s = s.replace("tsu", "sU").replace("ts", "s").replace("sh", "s").replace("ch", "s")
    s = s.replace("U", "u").replace("j", "s").replace("z", "s")
    units: list[tuple[str, object]] = []
    for c in s:
        if c in "aeiou":
            units.append(("V", c))
        elif c in "yhw":
            continue
        else:
            cls = {"b": "b", "v": "b", "p": "p", "f": "f", "m": "n", "n": "n", "t": "t",
                   "d": "t", "k": "k", "g": "k", "s": "s", "r": "l", "l": "l"}.get(c)
            if cls:
                units.append(("C", (cls,)))
    return units


_MAX_READINGS = 512
Reading = tuple[tuple[str, ...], tuple[str, ...]]


def _readings(units: list[tuple[str, object]]) -> frozenset[Reading]:
    choices = [u[1] for u in units if u[0] == "C"]
    total = 1
    for ch in choices:
        total *= len(ch)
    if total > _MAX_READINGS:
        choices = [ch[:1] for ch in choices]
    out = set()
    for combo in itertools.product(*choices):
        # "" is a silent letter that costs (at most one per token); "~" is
        # free (a non-rhotic r, a w glide)
        if sum(1 for o in combo if o == "") > 1:
            continue
        cons: list[str] = []
        slots = [""]
        k = 0
        for kind, val in units:
            if kind == "V":
                slots[-1] += val
                continue
            for ch in combo[k].replace("~", ""):
                if cons and cons[-1] == ch and slots[-1] == "":
                    continue                         # doubled consonant
                cons.append(ch)
                slots.append("")
            k += 1
        out.add((tuple(cons), tuple(slots)))
    return frozenset(out)


# Japanese vowels a Latin vowel group may become (first letters compared).
_VOWEL_MAP = {
    "a": "aeo", "e": "eia", "i": "ia", "o": "oa", "u": "ua", "y": "ia",
    "ai": "aei", "ay": "aei", "au": "oa", "aw": "oa", "ae": "eai", "ea": "iea",
    "ee": "i", "ei": "aei", "ey": "eia", "eu": "oeu", "ie": "iae", "oo": "uo",
    "ou": "auo", "ow": "oau", "oe": "oeu", "oi": "ou", "oy": "oi", "ue": "ue", "ui": "ui",
    "ua": "ua", "uo": "uo", "ia": "iae", "io": "io", "iu": "iu", "eo": "eo",
    "ew": "ue", "eau": "o", "aw": "oa", "ow": "oau", "iw": "iu", "uw": "u", "eye": "aei",
}


def _slot_ok(lat: str, ja: str, final: bool) -> bool:
    if final and lat.endswith("e") and len(lat) >= 1:
        if _slot_ok(lat[:-1], ja, False):           # silent final e: Borne, Cole
            return True
    if not lat:
        return ja == "" or ja[0] in "uoi"           # epenthetic vowel
    if lat == "e":                                 # unstressed e: Breton, Coleman
        return ja == "" or ja[0] in "eiau"
    if not ja:
        return False
    allowed = _VOWEL_MAP.get(lat[:3]) or _VOWEL_MAP.get(lat[:2]) or _VOWEL_MAP.get(lat[0], lat[0])
    return ja[0] in allowed


def _readings_match(lat: frozenset[Reading], ja: frozenset[Reading], both_latin: bool) -> bool:
    for jc, js in ja:
        for lc, ls in lat:
            if lc != jc:
                continue
            last = len(ls) - 1
            if both_latin:
                if all((a[:1] == b[:1]) or (not a and b[:1] in "uo") or (not b and a[:1] in "uo")
                       for a, b in zip(ls, js)):
                    return True
            elif all(_slot_ok(a, b, k == last) for k, (a, b) in enumerate(zip(ls, js))):
                return True
    return False


# Korean (and a few Chinese) surnames whose katakana form keeps no consonant
# that their romanisation has.
_SPECIAL = {
    "lee": "yi", "rhee": "yi", "yi": "yi", "i": "yi", "ri": "yi",
    "yoon": "yun", "yun": "yun", "yu": "yu", "yoo": "yu",
    "oh": "o", "o": "o", "ahn": "an", "an": "an",
    "lim": "im", "im": "im", "rim": "im", "rimu": "im", "imu": "im",
    "choi": "che", "choe": "che", "che": "che",
    "hwang": "fan", "fan": "fan",
    "jung": "jon", "chung": "jon", "jeong": "jon", "chon": "jon", "jon": "jon",
}


def _is_kana(tok: str) -> bool:
    return bool(_KANA_RE.search(tok))


# The same few hundred names are compared again and again within an ingest
# (every talk against every spelling): the pure steps are remembered.
@lru_cache(maxsize=16384)
def _romanize_token(tok: str) -> str:
    s = unicodedata.normalize("NFKC", tok)
    # German umlauts keep their vowel quality (ä -> ae).
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"),
                 ("č", "ch"), ("Č", "Ch"), ("ć", "ch"), ("Ć", "Ch"), ("š", "sh"), ("Š", "Sh"),
                 ("ž", "zh"), ("Ž", "Zh")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z]", "", romanize(s))


@lru_cache(maxsize=8192)
def _token_readings(token: str) -> tuple[str, frozenset[Reading] | str]:
    """('kanji', text) | ('special', key) | ('kana'|'latin', readings)."""
    raw = unicodedata.normalize("NFKC", token).strip()
    if _KANJI_RE.search(raw):
        return "kanji", raw
    r = _romanize_token(raw)
    if r in _SPECIAL:
        return "special", _SPECIAL[r]
    if _is_kana(raw):
        return "kana", _readings(_romaji_units(r))
    return "latin", _readings(_latin_units(r))


def skeletons(token: str) -> frozenset[str]:
    """Every consonant skeleton a single name token may stand for."""
    kind, val = _token_readings(token)
    if kind in ("kanji", "special"):
        return frozenset({val if kind == "kanji" else "=" + val})
    return frozenset("".join(c) for c, _ in val)


def _primary(tok: str) -> str:
    kind, val = _token_readings(tok)
    if kind == "kanji":
        return val
    if kind == "special":
        return "=" + val
    r = _romanize_token(tok)
    units = _romaji_units(r) if kind == "kana" else _latin_units(r)
    units = [(k, v if k == "V" else v[:1]) for k, v in units]
    (cons, _), = _readings(units)
    return "".join(cons)


def skeleton(s: str) -> str:
    """Consonant skeleton of a name (its tokens' primary readings, joined by a
    space): skeleton("Vestager") == "bstkl", skeleton("ヴェステアー") == "bst".
    `same_person` compares every reading of a Latin token, with vowels."""
    return " ".join(_primary(t) for t in tokens(s))


def tokens(name: str) -> list[str]:
    """Name tokens, particles (le, von, ル, フォン ...) and honorifics dropped
    unless nothing else is left."""
    return list(_tokens(name or ""))


@lru_cache(maxsize=16384)
def _tokens(name: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKC", name or "").strip()
    for h in _JA_HONORIFICS:
        if s.endswith(h) and len(s) > len(h):
            s = s[: -len(h)]
    s = re.sub(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|H\.E)\.?\s+", "", s)
    # a title written after a katakana name (シャンパーニュ大臣, コ委員長)
    m = re.fullmatch(r"([\u30a0-\u30ff・･=＝\s]+?)[\u4e00-\u9fff]+", s)
    if m:
        s = m.group(1)
    # a title written before a Latin name (Minister Champagne)
    s = re.sub(r"^(?:(?:Federal|Deputy|Vice|Executive|Prime|Foreign|State|Senior|Parliamentary)[\s-]+)*"
               r"(?:Minister|Secretary|Commissioner|Ambassador|President|Vice-President|"
               r"Under-Secretary|Undersecretary|Director-General|Chancellor)\s+(?=[A-Z])", "", s)
    toks = [t.strip(".'’") for t in _SPLIT_RE.split(s) if t.strip(".'’")]
    keep = [t for t in toks if _KANJI_RE.search(t) or _romanize_token(t) not in _PARTICLES]
    # single initials (C.) carry nothing
    keep = [t for t in keep if len(t) > 1 or not t.isascii()]
    return tuple(keep or toks)


def _latin_key(tok: str) -> str:
    """Spelling-insensitive key for two Latin spellings of a Japanese name
    (Kono / Kohno / KOHNO, Ota / Ohta / Oota, Sato / Satoh / Satou)."""
    r = _romanize_token(tok)
    r = re.sub(r"([aeiou])h(?![aeiouy])", r"\1", r)
    r = r.replace("ou", "o").replace("oo", "o").replace("uu", "u").replace("ii", "i").replace("aa", "a")
    return re.sub(r"(.)\1+", r"\1", r)


def _tokens_match(a: str, b: str) -> bool:
    ka, va = _token_readings(a)
    kb, vb = _token_readings(b)
    if ka == "kanji" or kb == "kanji":
        if ka != kb:
            return False
        return va == vb or (min(len(va), len(vb)) >= 2 and (va.startswith(vb) or vb.startswith(va)))
    if ka == "special" or kb == "special":
        return ka == kb and va == vb
    if ka == "latin" and kb == "latin":
        if _latin_key(a) == _latin_key(b):
            return True
        return _readings_match(va, vb, both_latin=True)
    if ka == "kana" and kb == "kana":
        return _readings_match(va, vb, both_latin=True)
    lat, ja = (va, vb) if ka == "latin" else (vb, va)
    return _readings_match(lat, ja, both_latin=False)


def _surname_candidates(toks: list[str]) -> set[int]:
    if len(toks) <= 1:
        return set(range(len(toks)))
    caps = {i for i, t in enumerate(toks) if len(t) >= 2 and t.isascii() and t.isupper()}
    if caps:
        return caps
    return {len(toks) - 1}


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """True when a surname token of one name matches a token of the other.

    The surname of a multi-token name is its all-caps token (KONO Taro) or
    else its last token; a one-token name is all surname.  Kanji matches
    only kanji (identical, or one a prefix of the other: 河野 / 河野太郎)."""
    if not a or not b:
        return False
    na, nb = unicodedata.normalize("NFKC", a).strip(), unicodedata.normalize("NFKC", b).strip()
    if not na or not nb:
        return False
    if na == nb:
        return True
    ta, tb = tokens(na), tokens(nb)
    if not ta or not tb:
        return False
    sa, sb = _surname_candidates(ta), _surname_candidates(tb)
    for i, x in enumerate(ta):
        for j, y in enumerate(tb):
            if (i in sa or j in sb) and _tokens_match(x, y):
                return True
    return False
