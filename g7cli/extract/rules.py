"""Per-language rule data (g7cli/data/{en,ja}/rules.json), loaded once, lazily."""
from __future__ import annotations

import json
import re
from functools import cache

from g7cli.resources import data_dir


@cache
def rules(lang: str) -> dict:
    with open(data_dir() / lang / "rules.json", encoding="utf-8") as f:
        return json.load(f)


@cache
def rx(lang: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(rules(lang)[key], flags)


@cache
def heading_rx(lang: str) -> list[tuple[str, re.Pattern]]:
    return [(kind, re.compile("|".join(words), re.IGNORECASE))
            for kind, words in rules(lang)["headings"].items()]


def any_lang(key: str, text: str) -> re.Match | None:
    """The rule matched in either language (releases mix scripts)."""
    return rx("en", key).search(text) or rx("ja", key).search(text)
