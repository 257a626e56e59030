"""Where the bundled migrations and seeds live.

A wheel carries them as g7cli/_migrations and g7cli/_seeds; an editable
install (or a checkout on sys.path) reads the top-level folders directly.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / f"_{name}"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def migrations_dir() -> Path:
    return _bundled("migrations")


def seeds_dir() -> Path:
    return _bundled("seeds")


def data_dir() -> Path:
    return _PACKAGE / "data"
