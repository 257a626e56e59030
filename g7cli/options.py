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
    help="A country or organization, in English or Japanese, or a code (Italy, イタリア, IT, ITA, the U.S., EU).")]
TopicOption = Annotated[Optional[str], typer.Option(
    "--topic", "-t", metavar="TAG|WORD", show_default=False,
    help="A topic tag (ai, supply-chains; `g7 topics` lists them) or one of its words in either language "
         "(人工知能, supply chain, 量子).")]
MeetingOption = Annotated[Optional[int], typer.Option(
    "--meeting", "-m", metavar="ID", show_default=False, min=1,
    help="A meeting id, as listed by `g7 meetings`.")]
DelegateOption = Annotated[Optional[str], typer.Option(
    "--delegate", "-d", metavar="NAME", show_default=False,
    help="A Japanese delegate's name or a word of it, in either script (Hasegawa, 長谷川, HASEGAWA Junji).")]
PersonOption = Annotated[Optional[str], typer.Option(
    "--person", "-p", metavar="NAME", show_default=False,
    help="A person on either side (Japan's delegate or the counterpart), any spelling or a word of it "
         "(Hasegawa, 長谷川, Vestager, ヴェステアー).")]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", show_default=False,
    help="Meetings held on or after a date (2023-04-29, 2023-04 or 2023).")]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", metavar="DATE", show_default=False,
    help="Meetings held on or before a date (2024-03-15, 2024-03 or 2024).")]
EvidenceOption = Annotated[bool, typer.Option(
    "--evidence", "-e",
    help="Add each fact's source sentence and document (keys evidence, evidence_document; "
         "one entry per source document).")]

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


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def parse_date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """'2024-03-15' / '2024-03' / '2024' -> an ISO date; a partial date is the
    first day of its month or year, or the last with end=True (--until).
    A bad value exits 2."""
    if value is None:
        return None
    import calendar
    import datetime

    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            month_n, day_n = (12, 31) if end else (1, 1)
        else:
            month_n = int(month)
            day_n = int(day) if day is not None else (calendar.monthrange(year, month_n)[1] if end else 1)
        return datetime.date(year, month_n, day_n).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (2024-03-15, 2024-03 or 2024)",
                                 param_hint=f"'{option}'") from None
