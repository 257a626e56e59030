"""The list commands (meetings, delegates, bilaterals, ...): query, then render.

One plain function for all of them, called by the typer commands (cli.py)
and by the console script's fast path (entry.py) with the same arguments.
"""
from __future__ import annotations

from pathlib import Path

# The commands that list rows of one kind through queries.QUERIES.
COMMANDS = ("meetings", "delegates", "participants", "themes", "bilaterals", "outcomes", "documents")


def run(name: str, db_path: Path, fmt: str | None, filters: dict, *, evidence: bool = False) -> None:
    """Print the rows of list command `name` in format `fmt` (None: by the terminal)."""
    from g7cli import db as database, output, queries

    conn = database.open_read(db_path)
    try:
        rows = queries.QUERIES[name](conn, queries.Filters(**filters))
        if evidence:
            from g7cli import evidence as ev

            ev.add(conn, name, rows)
    finally:
        conn.close()
    extra = ["evidence", "evidence_document"] if evidence else []
    table_columns = queries.TABLE_COLUMNS[name]
    if evidence:
        from g7cli.evidence import TABLE_COLUMNS as EVIDENCE_TABLE

        table_columns = EVIDENCE_TABLE.get(name, table_columns + ["evidence"])
    output.render(rows, queries.COLUMNS[name] + extra, fmt, table_columns=table_columns)
