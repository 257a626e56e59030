"""Extraction: decoded text in, an `Extraction` out.

The pipeline runs one way: normalise -> sections -> extract facts -> canonical
codes. Nothing here touches the database.
"""
from __future__ import annotations

from g7cli.extract.model import Extraction


def extract(text: str) -> Extraction:
    """Extract the G7 meeting (if any) and its facts from one decoded document."""
    from g7cli.extract.pipeline import run

    return run(text)
