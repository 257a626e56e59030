"""Rendering rows (a list of dicts) in every output format; the only place that does.

- table: a box-drawn table for people at a terminal, drawn by g7cli.table
  (plain Python: no rich); escape codes (bold headings, coloured bars) only
  on a terminal (or under FORCE_COLOR), never under NO_COLOR;
- json: one array of objects, UTF-8 characters as they are (not \\u escapes);
- jsonl: one object per line;
- csv / tsv: a header row, then one line per row; lists joined with "; ".

Data goes to stdout; this module never writes messages.
"""
from __future__ import annotations

import json
import os
import sys
from typing import TextIO

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
LIST_SEPARATOR = "; "
# Characters that are legal raw inside a JSON string but that line-splitting
# readers (Python's splitlines, some editors) treat as line ends: escaped in
# JSONL so that one object stays one line.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def default_format(stream: TextIO | None = None) -> str:
    """A table for a person at a terminal; TSV in a pipe (a table would truncate)."""
    stream = stream or sys.stdout
    try:
        return "table" if stream.isatty() else "tsv"
    except (AttributeError, ValueError):
        return "tsv"


def _cell(value) -> str:
    """A flat text cell for CSV, TSV and tables."""
    if type(value) is str:      # most cells, without the checks below
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, dict) for v in value):
            # Nested records (g7 show) stay readable data in one cell: JSON.
            return json.dumps(value, ensure_ascii=False)
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table_cell(row: dict, column: str) -> str:
    """A table cell; --evidence shows each source sentence on its own line,
    after its document's name."""
    if column == "evidence" and isinstance(row.get("evidence"), list):
        docs = row.get("evidence_document") or []
        lines = []
        for i, text in enumerate(row["evidence"]):
            doc = docs[i] if i < len(docs) else None
            lines.append(f"[{doc}] {text or ''}" if doc else str(text or ""))
        return "\n".join(lines)
    return _cell(row.get(column))


def _tsv_cell(value) -> str:
    # TSV has no quoting: a tab or line break inside a value would split it.
    return _cell(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def render(rows: list[dict], columns: list[str], fmt: str | None = None, *,
           table_columns: list[str] | None = None, title: str | None = None,
           stream: TextIO | None = None, bars: list[str] | None = None) -> None:
    """Write `rows` to `stream` (stdout) in `fmt` (default: by terminal).

    `bars`: count columns that a table draws as a horizontal bar beside the
    number (g7 stats); the other formats are not affected."""
    stream = stream or sys.stdout
    fmt = fmt or default_format(stream)
    # Keys beyond the declared columns (if any) follow them, so nothing is dropped.
    keys = list(columns) + [k for r in rows for k in r if k not in columns]
    keys = list(dict.fromkeys(keys))
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            stream.write(json.dumps(r, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(keys)
        # A lone "\r" would not be quoted with "\n" as the line terminator
        # and would split the row for a reader: line breaks become "\n".
        writer.writerows([_cell(r.get(k)).replace("\r\n", "\n").replace("\r", "\n") for k in keys]
                         for r in rows)
    elif fmt == "tsv":
        stream.write("\t".join(keys) + "\n")
        for r in rows:
            stream.write("\t".join(_tsv_cell(r.get(k)) for k in keys) + "\n")
    elif fmt == "table":
        _table(rows, table_columns or keys, title, stream, bars=bars)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    stream.flush()


def render_text(text: str, *, stream: TextIO | None = None) -> None:
    """A document already serialised by its own module (g7 graph: DOT, GraphML, JSON)."""
    stream = stream or sys.stdout
    stream.write(text)
    stream.flush()


def render_record(row: dict, fmt: str | None = None, *, stream: TextIO | None = None) -> None:
    """One record (g7 info): a two-column name/value table on a terminal, else like render."""
    stream = stream or sys.stdout
    fmt = fmt or default_format(stream)
    if fmt == "table":
        _table([{"name": k, "value": _cell(v)} for k, v in row.items()], ["name", "value"], None, stream,
               header=False)
    else:
        render([row], list(row), fmt, stream=stream)


def _colour(stream: TextIO) -> bool:
    """Escape codes only for a person at a terminal who has not asked for
    none (NO_COLOR), or when FORCE_COLOR asks for them anyway."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] != ""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")


def _width(stream: TextIO) -> int:
    """COLUMNS, else the width of the terminal: the stream's, else that of
    any standard stream (`g7 ... --format table | less` is as wide as the
    screen it is read on), else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    fds = []
    try:
        fds.append(stream.fileno())
    except (AttributeError, ValueError, OSError):
        pass
    for fd in fds + [0, 1, 2]:
        try:
            size = os.get_terminal_size(fd).columns
        except (ValueError, OSError):
            continue
        if size > 0:
            return size
    return 80


def _table(rows: list[dict], columns: list[str], title: str | None, stream: TextIO,
           header: bool = True, bars: list[str] | None = None) -> None:
    from g7cli import table

    bars = [c for c in (bars or []) if c in columns]
    width = _width(stream)
    # Source sentences are long: the other columns stay narrow beside them.
    wide = "evidence" in columns
    # Beside bars, the other columns keep room for their values (up to 24).
    labels = {c: min(24, max([len(c)] + [table.width_of(_cell(r.get(c))) for r in rows]))
              for c in columns} if bars else {}
    scales = {c: max((r.get(c) or 0 for r in rows), default=0) for c in bars}
    if bars:
        # The bars share what the terminal's width leaves (3 to 14 characters each).
        free = width - sum(labels[c] + 3 for c in columns if c not in bars) - 1
        bar_width = max(3, min(BAR_WIDTH, free // len(bars) - 4 - max(len(str(scales[c])) for c in bars)))
    body = [[_bar_cell(r.get(c), scales[c], bar_width) if c in bars else _table_cell(r, c) for c in columns]
            for r in rows]
    stream.write(table.draw(
        [c.replace("_", " ") for c in columns], body, title=title, show_header=header, width=width,
        colour=_colour(stream),
        min_widths=[None if c in bars else labels.get(c) for c in columns],
        max_widths=[16 if wide and c != "evidence" else None for c in columns],
        fixed=[c in bars for c in columns]))


BAR_WIDTH = 14
_EIGHTHS = " ▏▎▍▌▋▊▉"


def _bar_cell(value, top: int, width: int = BAR_WIDTH) -> tuple[tuple[str, str | None], ...]:
    """"  3 ███████▌": the number, right-aligned, then a bar of up to `width`
    characters scaled to the column's largest value (in eighths of a
    character; a zero draws nothing, anything else at least an eighth)."""
    n = value or 0
    digits = len(str(top))
    eighths = round(n * width * 8 / top) if top else 0
    if n and not eighths:
        eighths = 1
    bar = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
    return (f"{n:>{digits}} ", None), (bar.ljust(width), "cyan")


def render_sections(record: dict, sections: list[tuple], fmt: str | None = None, *,
                    table_record: dict | None = None, stream: TextIO | None = None) -> None:
    """One record with nested lists (g7 show). JSON: one object; JSONL: one
    line; CSV/TSV: one row, nested lists as JSON in their cells; a table: the
    record's own fields as name/value rows, then one titled table per
    non-empty list (`sections`: (key, title, columns to show[, columns to
    show when the rows carry evidence])), drawn from `table_record` when
    given (a terminal's condensed view of the record)."""
    stream = stream or sys.stdout
    fmt = fmt or default_format(stream)
    counts = {section[0]: len(record.get(section[0]) or []) for section in sections}
    if fmt == "table" and table_record is not None:
        record = table_record
    if fmt == "json":
        stream.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        stream.write(json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
    elif fmt in ("csv", "tsv"):
        render([record], list(record), fmt, stream=stream)
    elif fmt == "table":
        nested = set(counts)
        own = [{"name": k, "value": _table_cell(record, "evidence") if k == "evidence" else _cell(v)}
               for k, v in record.items() if k not in nested and k != "evidence_document" and v not in (None, [], "")]
        _table(own, ["name", "value"], None, stream, header=False)
        for key, title, columns, *with_evidence in sections:
            rows = record.get(key) or []
            if rows:
                if any("evidence" in r for r in rows):
                    columns = (with_evidence[0] if with_evidence and with_evidence[0]
                               else list(columns) + ["evidence"])
                _table(rows, columns, f"{title} ({counts[key]})", stream)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    stream.flush()
