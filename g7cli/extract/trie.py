"""One regular expression for a long list of literal words, as a trie.

Python's `re` tries the branches of `a|b|c...` one after another at every
position; with a gazetteer of a hundred titles behind a lazy name prefix
that is most of an extraction's time. A trie shares each prefix once, so a
position costs the length of the longest word, not the number of words.
Longer words are still tried before their prefixes (a child before its
parent's end), so the first match is the same as with the words sorted
longest first.
"""
from __future__ import annotations

import re
from typing import Iterable

_END = ""   # a key no one-character step can be: marks a word ending here


def alternation(words: Iterable[str]) -> str:
    """A non-capturing pattern matching any of `words` (longest first)."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _pattern(root) if root else "(?!)"


def _pattern(node: dict) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    optional = _END in node        # a word ends here; its longer words come first
    if len(branches) == 1 and not optional:
        return branches[0]
    if len(branches) == 1 and len(branches[0]) == 1:
        return branches[0] + "?"
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")
