"""Comparison keys for names, shared by the store (writing) and queries (reading).

Kept tiny and stdlib-only because every query imports it.
"""
from __future__ import annotations

import re
import unicodedata

# Word separators in names as written: spaces, the katakana middle dot, dots,
# hyphens and commas ("HASEGAWA Junji", "アドルフォ・ウルソ", "Nathaniel C. Fick").
_SEPARATORS = re.compile(r"[\s・･.,，、\-‐=＝]+")
# Upper bound for a prefix range: sorts after every real character.
PREFIX_END = "\U0010ffff"


def fold(text: str | None) -> str:
    """NFKC, casefolded, whitespace collapsed (NFKC again after casefolding,
    which can undo it: "C\u0327" -> "ç" must fold like "Ç")."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text or "").casefold())
    return " ".join(folded.split())


def country_key(text: str | None) -> str:
    """A country name or code as --country compares it: folded, without a
    leading "the" or dots ("the U.S." -> "us", "the UK" -> "uk")."""
    key = fold(text).replace(".", "")
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


def name_keys(name: str | None) -> list[str]:
    """The whole name and each of its words, folded: what --delegate can match."""
    whole = fold(name)
    if not whole:
        return []
    keys = [whole]
    for word in _SEPARATORS.split(whole):
        if word and word not in keys:
            keys.append(word)
    return keys


# Inside a topic word: hyphens, underscores, middle dots and slashes are spaces.
_TOPIC_SEPARATORS = re.compile(r"[\s_\-‐‑–—・･/]+")


def topic_key(text: str | None) -> str:
    """A topic tag or word as --topic compares it: folded, separators as one
    space, no trailing '*' ("Supply-Chain*" -> "supply chain", "サプライ・チェーン"
    -> "サプライチェーン": no space beside a non-ASCII character)."""
    key = " ".join(_TOPIC_SEPARATORS.sub(" ", fold(text).rstrip("*")).split())
    return _SPACE_BY_NON_ASCII.sub("", key)


_SPACE_BY_NON_ASCII = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")
