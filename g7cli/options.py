"""Options shared by several commands, declared once as Annotated aliases.

Only typer, the standard library and g7cli.values (the value checks, shared
with the console script's fast path) are imported here: this module is
loaded for every command typer parses, including `g7 --help`.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from g7cli import values

# The formats are listed once, in g7cli.values (the fast path checks them too).
Format = Enum("Format", {name: name for name in values.FORMATS}, type=str)

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

def checked(check, *args, **kwargs):
    """Call one of g7cli.values' checks, its BadValue reported as typer reports a bad option."""
    try:
        return check(*args, **kwargs)
    except values.BadValue as e:
        raise typer.BadParameter(e.message, param_hint=f"'{e.option}'") from None


def parse_year(value: str | None) -> tuple[int, int] | None:
    """'2024' -> (2024, 2024); '2016..2019' -> (2016, 2019); a bad value exits 2."""
    return checked(values.parse_year, value)


def non_empty(value: str | None, option: str) -> str | None:
    return checked(values.non_empty, value, option)


def parse_date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """An ISO date from 2024-03-15, 2024-03 or 2024 (see values.parse_date); a bad value exits 2."""
    return checked(values.parse_date, value, option, end=end)
