"""Normalise decoded text before anything reads it.

Full-width digits, letters and parentheses become ASCII (NFKC), line endings
become "\n", ideographic spaces become spaces, trailing blanks go. Circled
numbers (①) are kept: NFKC would turn them into plain digits and they are a
heading/list marker of their own in this genre.
"""
from __future__ import annotations

import re
import unicodedata

_KEEP = re.compile(r"[\u2460-\u2473\u24EA\u2776-\u277F\u3251-\u325F\u32B1-\u32BF]+")
# Dashes and tildes used between the ends of a range all mean the same thing.
_DASHES = str.maketrans({"\u301c": "〜", "\uff5e": "〜", "\u2010": "-", "\u2011": "-",
                         "\u2012": "-", "\u2212": "-"})


def _nfkc(text: str) -> str:
    out, last = [], 0
    for m in _KEEP.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last:m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)


def normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _nfkc(text).translate(_DASHES)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# Counted with findall, not a loop over characters: it runs on every document.
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN = re.compile("[A-Za-z]")


def language(text: str) -> str:
    """'ja' when kana or kanji make up a real share of the letters, else 'en'."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "ja" if cjk * 3 >= latin else "en"
