"""People: Japan's delegates (kanji or romanised names with a government
title from the role gazetteer) and foreign counterparts (katakana or Latin
names followed or preceded by a role), in either order and punctuation."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from g7cli import gazetteer
from g7cli.extract.rules import rules
from g7cli.extract.trie import alternation

KANJI = "\u4e00-\u9fff\u3005"
_STOP_NAMES = set("前元新現副同両各本当我今昨来翌全旧") | {"我が国", "日本", "政府", "各国", "同国", "議長", "共同議長", "閣僚",
                                                   "連邦", "国家", "国際", "欧州", "地域", "連合", "王国", "共和国"}
_ORG_SUFFIX = re.compile(r"[省庁府局課部国県会団党院室所署長官側間]$")


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    role: str | None
    role_key: str | None = None
    country_code: str | None = None


# ---------------------------------------------------------------- delegates

@cache
def _jp_role_rx(lang: str, specific: bool) -> re.Pattern:
    forms = [f for f, key in gazetteer.jp_roles(lang) if (not key.startswith("*")) == specific]
    alt = alternation(forms)
    if lang == "ja":
        return re.compile(rf"(?<![{KANJI}\u30a1-\u30fa\u30fc])(?P<name>[{KANJI}]{{1,6}}?)(?P<role>{alt})"
                          rf"|(?P<role2>{alt})[ \t]+(?P<name2>[{KANJI}]{{2,5}})(?=が|は|、|,|も|と|及び|\(|$)")
    name = r"(?P<name>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)"
    return re.compile(
        # A role that goes on ("... and Industry and Trade") is a longer title
        # this one is only the start of; "... and Minister in charge of X" is
        # a second title held as well.
        rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{name},\s+(?:the\s+)?(?P<role>{alt})"
        rf"(?![ \t]+(?:and|of|for|&)\s+(?!Japan\b|(?:State\s+)?Minister\b)[A-Z])"
        rf"|(?P<role2>{alt})\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<name2>[A-Z]{{2,}}(?:\s+[A-Z][a-z]+)?"
        rf"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b")


# Words a capitalised run after a title can hold that are not names: titles,
# and the verbs of headlines in title case ("Minister Taira Attends ...").
_EN_NOT_NAMES = {"The", "Japan", "Minister", "Mr", "Ms", "And", "Of", "For", "Parliamentary", "State",
                 "Vice", "Senior", "Deputy", "Visits", "Attends", "Holds", "Meets", "Hosts", "Chairs", "Joins",
                 "Participates", "Delivers", "Signs", "Welcomes", "Leads", "Travels", "Speaks", "On", "At", "In"}


def jp_officials(text: str, lang: str) -> list[PersonMention]:
    """Japanese government officials named with a specific title."""
    # Copies: callers may change a mention (its name, its role).
    return [replace(m) for m in _jp_officials(text, lang)]


# The talks' pass asks about the same sentences more than once.
@lru_cache(maxsize=2048)
def _jp_officials(text: str, lang: str) -> tuple[PersonMention, ...]:
    out = []
    if lang == "ja" or re.search(f"[{KANJI}]", text):
        for m in _jp_role_rx("ja", True).finditer(text):
            name = m.group("name") or m.group("name2")
            if name in _STOP_NAMES or _ORG_SUFFIX.search(name) or name[-1] in "のは" or gazetteer.resolve(name) \
                    or (name[0] == "日" and gazetteer.abbreviation(name[1:])):   # 日加外相(会談)
                continue
            role = m.group("role") or m.group("role2")
            out.append(PersonMention(m.start(), m.end(), name, role, gazetteer.role_key(role)))
    for m in _generic_caps_rx().finditer(text):
        # "Parliamentary Vice-Minister ISHII Taku": a bare title, but the
        # surname in capitals is the romanised Japanese form.
        out.append(PersonMention(m.start(), m.end(), m.group("name"), m.group("role"), gazetteer.role_key(m.group("role"))))
    for m in _jp_role_rx("en", True).finditer(text):
        name = m.group("name") or m.group("name2")
        role = m.group("role") or m.group("role2")
        if m.group("name2") and not name.split()[0].isupper() and _shared_title(role):
            continue    # "Foreign Minister Helen Latham": every country has one; only NAME in capitals is Japanese
        if name.split()[0] in _EN_NOT_NAMES:
            continue
        if m.group("name") and not name.split()[0].isupper() and _SECOND_TITLE.match(text, m.end()):
            continue    # "Lorenzo Ferraris, Deputy Prime Minister and Minister of ...": only NAME in capitals is Japanese
        name = " ".join(t for t in name.split() if t not in _EN_NOT_NAMES)
        out.append(PersonMention(m.start(), m.end(), name, role, gazetteer.role_key(role)))
    return tuple(out)


@cache
def _generic_caps_rx() -> re.Pattern:
    en = [f for f, key in gazetteer.jp_roles("en") if key.startswith("*")]
    alt = alternation(en) if en else "Minister"
    return re.compile(rf"\b(?P<role>{alt})\s+(?P<name>[A-Z]{{3,}}(?:\s+[A-Z][a-z]+)?)\b(?!\s+(?:for|of)\b)")


_SECOND_TITLE = re.compile(r"[ \t]+and\s+(?:State\s+)?Minister\b")


def _shared_title(role: str) -> bool:
    """A title other governments use too (foreign, finance, trade, prime minister...)."""
    key = gazetteer.role_key(role) or ""
    return key.startswith(("mofa.", "mof.", "*", "cabinet.prime")) or bool(re.search(r"Foreign|Finance|Trade|Prime", role))


def same_official(a: str, b: str) -> bool:
    """'山田' and '山田太郎', 'YAMADA' and 'YAMADA Taro', 'Sato' and 'SATOH Ken'."""
    if a == b:
        return True
    if re.search(f"[{KANJI}]", a) and re.search(f"[{KANJI}]", b):
        return a.startswith(b) or b.startswith(a)
    ta = {t.lower() for t in re.findall(r"[A-Za-z]+", a)}
    tb = {t.lower() for t in re.findall(r"[A-Za-z]+", b)}
    norm = lambda s: {re.sub(r"(?<=o)[hu](?![aeiou])", "", t) for t in s}   # Ohno/Ouno -> Ono
    return bool(norm(ta) & norm(tb))


@cache
def _generic_rx() -> re.Pattern:
    ja = [f for f, key in gazetteer.jp_roles("ja") if key.startswith("*")]
    en = [f for f, key in gazetteer.jp_roles("en") if key.startswith("*")]
    ja_alt = alternation(ja) if ja else "大臣"
    en_alt = alternation(en) if en else "Minister"
    return re.compile(rf"(?<![{KANJI}])(?P<ja>[{KANJI}]{{1,4}}?)(?:{ja_alt})"
                      rf"|\b(?:{en_alt})\s+(?P<en>[A-Z][A-Za-z]+)\b")


def surname_mentions(text: str) -> list[tuple[int, int, str]]:
    """'山田大臣', '佐藤副大臣', 'Minister Sato': a surname with a bare title."""
    return [(m.start(), m.end(), m.group("ja") or m.group("en")) for m in _generic_rx().finditer(text)]


# ------------------------------------------------------------- counterparts

_KATA = r"[\u30a1-\u30fa\u30fcヵヶ]+"
_JA_NAME = rf"(?:{_KATA}|[A-Z]\.?)(?:[・=\u30a0](?:{_KATA}|[A-Z]\.?))*"


@cache
def _ja_counterpart_rx() -> re.Pattern:
    heads = rules("ja")["counterpart_role_heads"]
    return re.compile(
        rf"(?<![{KANJI}\u30a1-\u30fa\u30fc・])(?P<name>{_JA_NAME})\s{{0,3}}"
        rf"(?P<role>(?:[^\s、。「」()と及の:：]*?){heads}(?:\([^)]*担当\))?)(?=と|との|、|,|及び|\)|\(|は|が|に|を|から|$|\s|。|兼)")


def ja_counterparts(text: str, offset: int = 0) -> list[PersonMention]:
    stop = set(rules("ja")["not_names"])
    out = []
    for m in _ja_counterpart_rx().finditer(text):
        tokens = [t for t in re.split(r"[・=\u30a0]", m.group("name")) if t]
        country = None
        while tokens:
            code = gazetteer.resolve(tokens[-1])
            if code and gazetteer.entity(code):
                country = country or code
                tokens.pop()
            else:
                break
        role = m.group("role")
        while tokens and tokens[-1] in stop:     # "…・デジタル担当大臣": the word belongs to the role
            role = tokens.pop() + role
        if tokens:
            # "ボーリューイノベーション・科学・産業大臣": a role word glued to the surname.
            glued = next((w for w in stop if len(w) >= 3 and tokens[-1].endswith(w) and len(tokens[-1]) - len(w) >= 2), None)
            if glued:
                tokens[-1] = tokens[-1][:-len(glued)]
                role = glued + role
        if not tokens or any(t in stop for t in tokens) or len("".join(tokens)) < 2:
            continue
        own = gazetteer.role_key(m.group("name") + role)
        if (own and not own.startswith("*") and _starts_with_jp_role(m.group("name") + role)) \
                or re.search(rf"[{KANJI}]", text[max(0, m.start() - 1):m.start()]):
            continue
        ab = re.match(rules("ja")["country_abbreviation_prefix"], role)
        if ab and not country:
            country = gazetteer.abbreviation(ab.group("a"))
        if not country:
            country = _country_in(role)
        name = "・".join(tokens)
        # The country written just before: "ドイツのシュテファン・..." or "イタリア  アドルフォ・..."
        before = text[:m.start()]
        pm = re.search(r"(?P<c>[^\s、。・:：]{1,24}?)(?:の|\s*[:：]\s*|\s+)$", before)
        if pm and not country:
            c = re.sub(r"\([^()]*\)$", "", pm.group("c"))
            code = gazetteer.resolve(c)
            if code is None:
                found = gazetteer.find_entities(c)
                code = found[-1].code if found and found[-1].end == len(c) else None
            country = code
        if not country:
            # "ドイツ連邦経済協力・開発省のX政務次官", "米国エネルギー省 X副長官":
            # the country opens the clause just before the name.
            clause = re.search(r"[^、。\n]{0,40}$", before)
            if clause:
                found = [f for f in gazetteer.find_entities(clause.group()) if f.code != "JP"]
                country = found[-1].code if found else None
        out.append(PersonMention(offset + m.start(), offset + m.end(), name, role, None, country))
    return out


def _starts_with_jp_role(text: str) -> bool:
    """'デジタル副大臣' is a Japanese title, not a katakana name plus a role."""
    return any(text.startswith(f) for f, key in gazetteer.jp_roles("ja") if not key.startswith("*"))


def _country_in(text: str) -> str | None:
    found = gazetteer.find_entities(text)
    return found[0].code if found else None


@cache
def _en_counterpart_rx() -> re.Pattern:
    r = rules("en")
    particles = "|".join(r["name_particles"])
    name = rf"[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|(?:{particles})\b|[A-Z][\w'’\-]+))*"
    return re.compile(
        rf"\b(?P<hon>{r['honorifics']})\s+(?P<name>{name})"
        rf"(?:\s*,\s*(?:the\s+)?(?P<role>[A-Z][^()]*?))?"
        rf"(?=\s*\((?P<paren>[^()]{{1,30}})\)|\)|(?<![A-Z])\.(?:\s|$)|,\s*(?:and\s+)?(?:{r['honorifics']}|Minister|H\.E)\b"
        rf"|,?\s+(?:on|about|regarding|concerning)\s+(?!the\s+[A-Z]|[A-Z][a-z])|,\s+(?:during|at|in|when|while|after|before|who)\b|\s+(?:who|which|and discussed|to discuss)\b|;|$)")


_EN_LIST_LINE = re.compile(r"^(?P<country>[A-Z][\w .'’()\-]{1,40}?)\s*(?::|\s[—–-])\s*(?:(?:Mr|Ms|Mrs|Dr|H\.E|Ambassador|Dato|Datuk)\.?\s+)?"
                           r"(?:(?:The\s+)?(?:Right\s+)?Hon(?:ou?rable)?\.?\s+|Rt\.?\s+Hon\.?\s+)?"
                           r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[a-z]{2,3}|[A-Z][\w'’\-]+))*?)(?:\s+MP)?\s*,\s*(?P<role>.+?)\s*$")


@cache
def _en_role_first_rx() -> re.Pattern:
    """'Foreign Minister Antonio Rossi of Italy', 'Commissioner Anna Nowak'."""
    r = rules("en")
    return re.compile(
        rf"\b(?P<role>(?:(?:Federal|Foreign|Prime|Deputy|Vice|Executive|Senior|State|Trade|Digital)\s+)*{r['counterpart_role_heads']})"
        rf"\s+(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){{0,2}})"
        rf"(?:\s+of\s+(?P<country>(?:the\s+)?[A-Z][\w.]+(?:\s+(?:of\s+)?[A-Z][\w.]+){{0,3}}))?(?=[,.;)]|\s+[a-z]|$)")


def en_counterparts(text: str, offset: int = 0) -> list[PersonMention]:
    heads = re.compile(rules("en")["counterpart_role_heads"])
    out = []
    lead = re.match(r"^[\s\-*•・◦○●▪‐–—]*(?:\(?\d{1,2}[.)]\s*)?", text).end()
    m = _EN_LIST_LINE.match(text[lead:])
    if m and heads.search(m.group("name")):
        m = None    # "Kenya — Cabinet Secretary for Trade": a role, no name
    if m and gazetteer.resolve(m.group("country")):
        out.append(PersonMention(offset + lead, offset + lead + m.end(), m.group("name"), m.group("role"),
                                 None, gazetteer.resolve(m.group("country"))))
        return out
    for m in _en_counterpart_rx().finditer(text):
        role = (m.group("role") or "").strip(" ,")
        if role and not heads.search(role):
            role = ""
        country = None
        if m.group("paren"):
            country = gazetteer.resolve(m.group("paren").strip())
        if not country and role:
            country = _country_in(role) or _demonym_in(role)
        out.append(PersonMention(offset + m.start(), offset + m.end(), m.group("name"), role or None, None, country))
    taken = [(p.start - offset, p.end - offset) for p in out]
    for m in _en_role_first_rx().finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or m.group("name").split()[0] in _EN_NOT_NAMES:
            continue
        if len(m.group("name").split()) == 1 and len(m.group("role").split()) == 1:
            continue    # "Minister Sato": too bare to tell a counterpart from Japan's own minister
        country = gazetteer.resolve(m.group("country")) if m.group("country") else None
        out.append(PersonMention(offset + m.start(), offset + m.end(), m.group("name"), m.group("role"), None, country))
    return out


def _demonym_in(text: str) -> str | None:
    for word in re.findall(r"[A-Z][a-z]+", text):
        code = gazetteer.demonym(word)
        if code:
            return code
    return None
