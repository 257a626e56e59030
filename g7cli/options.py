"""Options shared by several commands, declared once as Annotated aliases.

Only typer and the standard library are imported here: this module is loaded
for every command, including `g7 --help`.
"""
from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


DbOption = Annotated[Optional[Path], typer.Option(
    "--db", metavar="PATH", show_default=False,
    help="Database file. Default: $G7_DB, else g7.db in the user data directory.")]
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", show_default=False, case_sensitive=False,
    help="Output format. Default: table on a terminal, tsv in a pipe.")]
YearOption = Annotated[Optional[str], typer.Option(
    "--year", "-y", metavar="YEAR", show_default=False,
    help="A year (2024) or a range of years (2016..2019).")]
CountryOption = Annotated[Optional[str], typer.Option(
    "--country", "-c", metavar="NAME|CODE", show_default=False,
    help="A country or organization: English name or code (Italy, IT, EU, OECD).")]
TopicOption = Annotated[Optional[str], typer.Option(
    "--topic", "-t", metavar="TAG", show_default=False,
    help="A topic tag from the taxonomy (ai, supply-chains, quantum, ...).")]
MeetingOption = Annotated[Optional[int], typer.Option(
    "--meeting", "-m", metavar="ID", show_default=False, min=1,
    help="A meeting id, as listed by `g7 meetings`.")]
DelegateOption = Annotated[Optional[str], typer.Option(
    "--delegate", "-d", metavar="NAME", show_default=False,
    help="A Japanese delegate's name or a word of it, as written (Hasegawa, 長谷川).")]

_YEAR = re.compile(r"^\s*(\d{4})\s*(?:\.\.\s*(\d{4})\s*)?$")


def parse_year(value: str | None) -> tuple[int, int] | None:
    """'2024' -> (2024, 2024); '2016..2019' -> (2016, 2019); a bad value exits 2."""
    if value is None:
        return None
    m = _YEAR.match(value)
    if not m:
        raise typer.BadParameter(f"{value!r} is not a year (2024) or a range (2016..2019)",
                                 param_hint="'--year'")
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    if hi < lo:
        raise typer.BadParameter(f"{value!r}: the range ends before it starts", param_hint="'--year'")
    return lo, hi


def non_empty(value: str | None, option: str) -> str | None:
    if value is not None and not value.strip():
        raise typer.BadParameter("must not be empty", param_hint=f"'{option}'")
    return value
