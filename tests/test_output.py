"""One set of rows rendered in every format by the one renderer."""
from __future__ import annotations

import io
import json

from g7cli import output

ROWS = [
    {"id": 1, "title": "G7 \"Digital\", Tech\tand AI", "cities": ["Verona", "Trento"], "virtual": False,
     "note": None, "year": 2024},
    {"id": 2, "title": "G7産業・技術・デジタル大臣会合 [ 招待国 ]", "cities": [], "virtual": True,
     "note": "line\nbreak", "year": 2025},
]
COLUMNS = ["id", "title", "cities", "virtual", "note"]   # "year" is an extra key


def render(fmt: str, rows=ROWS) -> str:
    stream = io.StringIO()
    output.render(rows, COLUMNS, fmt, stream=stream)
    return stream.getvalue()


def test_one_call_in_every_format():
    outputs = {fmt: render(fmt) for fmt in output.FORMATS}

    assert json.loads(outputs["json"]) == ROWS
    assert "産業" in outputs["json"] and "\\u" not in outputs["json"]

    assert [json.loads(line) for line in outputs["jsonl"].splitlines()] == ROWS

    assert outputs["csv"] == (
        'id,title,cities,virtual,note,year\n'
        '1,"G7 ""Digital"", Tech\tand AI",Verona; Trento,false,,2024\n'
        '2,G7産業・技術・デジタル大臣会合 [ 招待国 ],,true,"line\nbreak",2025\n'
    )

    assert outputs["tsv"] == (
        "id\ttitle\tcities\tvirtual\tnote\tyear\n"
        '1\tG7 "Digital", Tech and AI\tVerona; Trento\tfalse\t\t2024\n'
        "2\tG7産業・技術・デジタル大臣会合 [ 招待国 ]\t\ttrue\tline break\t2025\n"
    )

    table = outputs["table"]
    assert "Verona; Trento" in table
    assert "[ 招待国 ]" in table        # brackets are data, not rich markup
    assert "\x1b[" not in table         # not a terminal: no colour


def test_empty_results():
    assert render("json", []) == "[]\n"
    assert render("jsonl", []) == ""
    assert render("csv", []) == "id,title,cities,virtual,note\n"
    assert render("tsv", []) == "id\ttitle\tcities\tvirtual\tnote\n"
    assert "title" in render("table", [])


def test_table_honours_no_color_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert output.default_format(Terminal()) == "table"
    assert output.default_format(io.StringIO()) == "tsv"

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    coloured = Terminal()
    output.render(ROWS, COLUMNS, "table", stream=coloured)
    assert "\x1b[" in coloured.getvalue()

    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    output.render(ROWS, COLUMNS, "table", stream=plain)
    assert "\x1b[" not in plain.getvalue()


def test_render_record_for_info():
    stream = io.StringIO()
    output.render_record({"path": "/x/g7.db", "schema_version": 1}, "json", stream=stream)
    assert json.loads(stream.getvalue()) == [{"path": "/x/g7.db", "schema_version": 1}]
    stream = io.StringIO()
    output.render_record({"path": "/x/g7.db", "schema_version": 1}, "table", stream=stream)
    assert "schema_version" in stream.getvalue() and "/x/g7.db" in stream.getvalue()
