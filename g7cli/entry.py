"""The `g7` console script: list commands with plain options skip typer.

Importing typer costs about 100 ms here, four times what Python and sqlite3
take to start, and g7 is run in loops (`for c in ...; do g7 bilaterals -c
$c; done`). So a list command whose options are all plain (`g7 meetings
--year 2024 --format tsv`) is parsed here and run by the same function the
typer command calls (g7cli.listing.run). Anything else — help, a bad or
unusual value, an option this parser does not know, any other command — goes
to typer's app in cli.py, which reports it as usual. The fast path never
reports an error in the command line itself: when in doubt it hands over.

The option table below restates cli.py's declarations; tests/test_entry.py
checks it against the parameters typer builds and runs every kind of command
line both ways, comparing output, messages and exit codes.
"""
from __future__ import annotations

import os
import sys

from g7cli import listing, values
from g7cli.values import FORMATS

# Each list command's options as cli.py declares them: parameter -> flags.
_FLAGS = {
    "year": ("--year", "-y"),
    "country": ("--country", "-c"),
    "topic": ("--topic", "-t"),
    "delegate": ("--delegate", "-d"),
    "person": ("--person", "-p"),
    "meeting": ("--meeting", "-m"),
    "since": ("--since",),
    "until": ("--until",),
    "format": ("--format", "-f"),
    "db": ("--db",),
    "evidence": ("--evidence", "-e"),
}
_SWITCHES = {"evidence"}   # take no value
_PERIOD = ("since", "until")
_COMMON = ("year", "country", "meeting", "format", "db") + _PERIOD
PARAMETERS = {
    "meetings": _COMMON + ("topic", "delegate", "person"),
    "delegates": _COMMON + ("topic", "delegate", "evidence"),
    "participants": _COMMON,
    "themes": _COMMON + ("topic", "evidence"),
    "bilaterals": _COMMON + ("delegate", "person", "evidence"),
    "outcomes": _COMMON,
    "documents": _COMMON,
}
# The root's own options this parser takes (before the command name).
ROOT_PARAMETERS = {"db": ("--db",), "debug": ("--debug",)}

# Parsed once per process, so plain dicts built at import are cheapest.
_BY_FLAG = {name: {flag: p for p in params for flag in _FLAGS[p]} for name, params in PARAMETERS.items()}


class Plain:
    """A list command line the fast path can run, its values checked."""
    __slots__ = ("command", "filters", "format", "evidence", "db", "debug")

    def __init__(self, command: str, filters: dict, format: str | None, evidence: bool, db: str | None,
                 debug: bool):
        self.command, self.filters, self.format, self.evidence = command, filters, format, evidence
        self.db, self.debug = db, debug


def parse(argv: list[str]) -> Plain | None:
    """`argv` as a list command with plain options, or None to let typer parse it.

    Plain means: `--flag value`, `--flag=value` or `-f value` for options the
    command declares, switches without a value, no arguments, no help, and
    values that typer would take exactly as given (not empty, not starting
    with '-', a format from the list, a meeting id in digits) and that
    g7cli.values accepts.
    """
    db, debug, i = None, False, 0
    while i < len(argv) and argv[i].startswith("-"):
        flag, eq, attached = argv[i].partition("=")
        if flag == "--debug" and not eq:
            debug, i = True, i + 1
        elif flag == "--db":
            db, i = _value(argv, i, eq, attached)
            if db is None:
                return None
        else:
            return None
    if i >= len(argv) or argv[i] not in _BY_FLAG:
        return None
    command, flags, options = argv[i], _BY_FLAG[argv[i]], {}
    i += 1
    while i < len(argv):
        word = argv[i]
        flag, eq, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        param = flags.get(flag)
        if param is None:
            return None
        if param in _SWITCHES:
            if eq:
                return None
            options[param], i = True, i + 1
            continue
        value, i = _value(argv, i, eq, attached)
        value = _converted(param, value)
        if value is None:
            return None
        options[param] = value   # repeated: the last one counts, as with click
    fmt, evidence = options.pop("format", None), options.pop("evidence", False)
    db = options.pop("db", None) or db   # after the command wins over before it
    try:
        filters = values.list_filters(**options)
    except values.BadValue:
        return None   # typer reports it, with the usage line
    return Plain(command, filters, fmt, evidence, db, debug)


def _value(argv: list[str], i: int, eq: str, attached: str) -> tuple[str | None, int]:
    """An option's value (attached after '=' or the next word) and the index after it."""
    if eq:
        value, i = attached, i + 1
    elif i + 1 < len(argv):
        value, i = argv[i + 1], i + 2
    else:
        return None, i + 1
    return (value if value and not value.startswith("-") else None), i


def _converted(param: str, value: str | None):
    if value is None:
        return None
    if param == "format":
        # typer's choice is case-insensitive; only ASCII is folded here.
        folded = value.lower()
        return folded if value.isascii() and folded in FORMATS else None
    if param == "meeting":
        return int(value) if value.isascii() and value.isdigit() and int(value) >= 1 else None
    return value


def run(plain: Plain) -> int:
    """Run a parsed list command; its exit code."""
    from g7cli import errors
    from g7cli.location import resolve_db_path

    errors.utf8_stdio()
    try:
        listing.run(plain.command, resolve_db_path(plain.db), plain.format, plain.filters,
                    evidence=plain.evidence)
    except (Exception, KeyboardInterrupt) as e:
        return errors.report(e, debug=plain.debug or bool(os.environ.get("G7_DEBUG")))
    return 0


def main() -> None:
    plain = None if os.environ.get("_G7_COMPLETE") else parse(sys.argv[1:])
    if plain is None:
        from g7cli.cli import main as typer_main

        typer_main()
    else:
        sys.exit(run(plain))
