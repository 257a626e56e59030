"""Shortcuts taken for speed must give exactly what the plain way gives:
a trie of literal words against the longest-first alternation, and the
NFKC index map's fast path against the per-character one."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from g7cli import gazetteer
from g7cli.extract.trie import alternation

_SETTINGS = settings(deadline=None, derandomize=True, max_examples=300,
                     suppress_health_check=[HealthCheck.too_slow])
# A small alphabet, so that words share prefixes and texts contain them;
# "." and "+" check the escaping, 大/臣 a second script.
_CHARS = st.sampled_from("ab.+ 大臣")
_WORDS = st.lists(st.text(_CHARS, min_size=1, max_size=5), min_size=1, max_size=12)


def _sorted_alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@_SETTINGS
@given(words=_WORDS, text=st.text(_CHARS, max_size=40))
def test_a_trie_matches_what_the_longest_first_alternation_matches(words, text):
    trie, plain = re.compile(alternation(words)), re.compile(_sorted_alternation(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@_SETTINGS
@given(words=_WORDS, text=st.text(_CHARS, max_size=40))
def test_a_trie_backtracks_like_the_alternation_inside_a_larger_pattern(words, text):
    # The shape the title patterns use: a lazy name before the word, a condition after it.
    shape = r"(?P<name>[ab大]{{1,3}}?)(?P<role>{})(?=[.+ ]|$)"
    trie = re.compile(shape.format(alternation(words)))
    plain = re.compile(shape.format(_sorted_alternation(words)))
    assert [m.groupdict() for m in trie.finditer(text)] == [m.groupdict() for m in plain.finditer(text)]


@pytest.mark.parametrize("words, pattern", [
    (["大臣", "副大臣", "大臣政務官"], "(?:副大臣|大臣(?:政務官)?)"),
    (["a", "ab", "abc", "b"], "(?:a(?:bc?)?|b)"),
    (["Minister", "Minister of State"], r"Minister(?:\ of\ State)?"),
    ([], "(?!)"),
])
def test_trie_patterns(words, pattern):
    assert alternation(words) == pattern


@_SETTINGS
@given(st.text(st.sampled_from("aZ 1\t\n\u3000\u00a0ｶﾞ①大é\u0301Ⅲ。"), max_size=30))
def test_the_nfkc_map_fast_path_gives_the_per_character_result(text):
    assert gazetteer._nfkc_map(text) == gazetteer._nfkc_map_per_char(text)


def _sentences_char_by_char(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence splitter as first written, a loop over characters: the
    reference for the scanning one."""
    spans = []
    seg_start = start
    for i in range(start, end):
        c = text[i]
        stop = c in "\n。"
        if c in ".!?" and i + 1 < end and text[i + 1] == " ":
            before = text[max(start, i - 4):i]
            stop = not re.search(r"(?:\bMr|\bMs|\bMrs|\bDr|\bSt|\bProf|\bNo|\b[A-Z]|\bvs|\betc|\bH\.E)$", before)
        if stop:
            s, e = seg_start, i + (0 if c == "\n" else 1)
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                spans.append((s, e))
            seg_start = i + 1
    s = seg_start
    while s < end and text[s].isspace():
        s += 1
    if end > s:
        spans.append((s, end))
    return spans


# Pieces that make the splitter's decisions: abbreviations, stops, spaces, line ends.
_PIECES = st.sampled_from(["Mr", "U", "S", "etc", "a", "Dr", "No", "H.E", ".", " ", "!", "?", "\n", "。", "会談"])


@_SETTINGS
@given(st.lists(_PIECES, max_size=25).map("".join), st.data())
def test_the_sentence_splitter_agrees_with_the_character_loop(text, data):
    from g7cli.extract.structure import sentences

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentences(text, start, end) == _sentences_char_by_char(text, start, end)
