"""The query commands' option values, checked and turned into query filters.

Plain functions without typer: the typer commands (cli.py) and the console
script's fast path (entry.py) both call them, so a value means the same
whichever of the two parsed the command line. A bad value raises BadValue;
cli.py reports it as typer reports any bad option value (one line, exit 2).
"""
from __future__ import annotations

import re

# The output formats every list command takes (options.Format is built on them).
FORMATS = ("table", "json", "jsonl", "csv", "tsv")


class BadValue(ValueError):
    """An option value that cannot be used, with the option it was given to."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option
        self.message = message


_YEAR = re.compile(r"^\s*(\d{4})\s*(?:\.\.\s*(\d{4})\s*)?$")


def parse_year(value: str | None) -> tuple[int, int] | None:
    """'2024' -> (2024, 2024); '2016..2019' -> (2016, 2019)."""
    if value is None:
        return None
    m = _YEAR.match(value)
    if not m:
        raise BadValue("--year", f"{value!r} is not a year (2024) or a range (2016..2019)")
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    if hi < lo:
        raise BadValue("--year", f"{value!r}: the range ends before it starts")
    return lo, hi


def non_empty(value: str | None, option: str) -> str | None:
    if value is not None and not value.strip():
        raise BadValue(option, "must not be empty")
    return value


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def parse_date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """'2024-03-15' / '2024-03' / '2024' -> an ISO date; a partial date is the
    first day of its month or year, or the last with end=True (--until)."""
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
        raise BadValue(option, f"{value!r} is not a date (2024-03-15, 2024-03 or 2024)") from None


def period(since: str | None, until: str | None) -> dict:
    """--since/--until as ISO dates (a partial --until ends its month or year)."""
    lo, hi = parse_date(since, "--since"), parse_date(until, "--until", end=True)
    if lo and hi and hi < lo:
        raise BadValue("--until", f"--until {until} is before --since {since}")
    return {"since": lo, "until": hi}


def list_filters(*, year: str | None = None, country: str | None = None, topic: str | None = None,
                 delegate: str | None = None, person: str | None = None, meeting: int | None = None,
                 since: str | None = None, until: str | None = None) -> dict:
    """A list command's option values as the keyword arguments of queries.Filters.

    Checked in the order the options are listed here, so the first bad value
    is the one reported, whichever parser read the command line.
    """
    return {"year": parse_year(year), "country": non_empty(country, "--country"),
            "topic": non_empty(topic, "--topic"), "delegate": non_empty(delegate, "--delegate"),
            "person": non_empty(person, "--person"), "meeting": meeting, **period(since, until)}
