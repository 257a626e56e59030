"""Placeholder until the real pipeline lands: stores the text, finds nothing."""
from __future__ import annotations

from g7cli.extract.model import Extraction


def run(text: str) -> Extraction:
    lang = "ja" if sum(1 for c in text if "\u3040" <= c <= "\u9fff") > len(text) * 0.05 else "en"
    return Extraction(text=text, language=lang)
