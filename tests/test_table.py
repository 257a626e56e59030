"""The hand-written terminal table (g7cli.table) on example tables, and
output's table format around it (width, colour, NO_COLOR)."""
from __future__ import annotations

import io
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from g7cli import output, table
from g7cli.table import width_of

SENTENCE_JA = ("令和6年3月14日(木)及び15日(金)、イタリア(ヴェローナ及びトレント)においてG7産業・技術・"
               "デジタル大臣会合が開催され、総務省からは長谷川総務大臣政務官が出席しました。")
SENTENCE_EN = ("On March 14 and 15, 2024, the G7 Industry, Technology and Digital Ministerial Meeting "
               "was held in Verona and Trento, Italy.")


def box(text: str) -> list[str]:
    """The lines of the box itself (a title line above it is centred text)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line[:1] in "┏┌")
    return lines[start:]


def columns(text: str, n: int) -> list[str]:
    """Each column's text, all its body lines run together (cut where the
    top border has its joints, in display cells: a cell may hold a "│")."""
    lines = box(text)
    joints = [i for i, ch in enumerate(lines[0]) if ch in "┏┳┓┌┬┐"]
    assert len(joints) == n + 1
    out = [""] * n
    for line in lines:
        if line.startswith("│"):
            at = 0
            for ch in line:
                for i in range(n):
                    if joints[i] < at < joints[i + 1]:
                        out[i] += ch
                at += width_of(ch)
    return out


def squeeze(text: str) -> str:
    return "".join(text.split())


def draw(rows, headers=None, **kw) -> str:
    headers = headers or [f"c{i}" for i in range(len(rows[0]))]
    return table.draw(headers, rows, **kw)


EXAMPLES = {
    "ascii": [["1", "2024", "Verona; Trento"], ["22", "2017", "Turin"]],
    "japanese": [["2", "G7産業・技術・デジタル大臣会合", "ヴェローナ; トレント"], ["3", "G7産業・デジタル・技術大臣会合", "モントリオール"]],
    "mixed": [["HASEGAWA Junji / 長谷川", "総務大臣政務官", "Parliamentary Vice-Minister"],
              ["Kono", "デジタル大臣", "Minister for Digital Transformation"]],
    "long sentences": [["ja", SENTENCE_JA, ""], ["en", SENTENCE_EN, SENTENCE_JA]],
    "multi-line": [["Kono", f"[a.txt] {SENTENCE_EN}\n[b.txt] {SENTENCE_JA}", "x\ny\nz"]],
    "long words": [["2024-verona-trento-digital-agency-en.txt", "x" * 90, "デ" * 50]],
    "empty cells": [["", "", ""], ["a", "", "b"]],
    "combining marks": [["e\u0301te\u0301", "ｶﾞｷﾞ", "が\u3000ぎ"]],
}


@pytest.mark.parametrize("width", [120, 80, 40, 24])
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_line_has_the_same_display_width(name, width):
    out = draw(EXAMPLES[name], width=width)
    widths = {width_of(line) for line in box(out)}
    assert len(widths) == 1, out
    # It fits the terminal unless the columns cannot get narrower (two cells each).
    assert widths.pop() <= max(width, 3 * 2 + 3 * 3 + 1)


@pytest.mark.parametrize("width", [120, 80, 40, 24])
@pytest.mark.parametrize("name", EXAMPLES)
def test_folding_keeps_every_character_in_order(name, width):
    rows = EXAMPLES[name]
    out = draw(rows, width=width)
    for i, text in enumerate(columns(out, 3)):
        assert squeeze(text) == squeeze("".join(row[i] for row in rows))


def test_a_table_that_fits_is_sized_to_its_content():
    out = draw([["1", "Turin"], ["22", "Verona; Trento"]], ["id", "cities"], width=200)
    assert out == (
        "┏━━━━┳━━━━━━━━━━━━━━━━┓\n"
        "┃ id ┃ cities         ┃\n"
        "┡━━━━╇━━━━━━━━━━━━━━━━┩\n"
        "│ 1  │ Turin          │\n"
        "│ 22 │ Verona; Trento │\n"
        "└────┴────────────────┘\n"
    )


def test_japanese_cells_line_up_with_two_cells_a_character():
    out = draw([["ヴェローナ", "x"], ["Turin", "y"]], ["都市", "c"], width=80)
    assert out.splitlines()[1] == "┃ 都市       ┃ c ┃"
    assert out.splitlines()[3] == "│ ヴェローナ │ x │"
    assert out.splitlines()[4] == "│ Turin      │ y │"


def test_multi_line_cells_and_headings_at_the_bottom():
    out = draw([["a\nbb\nc", "one"]], ["first", "second column"], width=19)
    assert out == (
        "┏━━━━━━━┳━━━━━━━━━┓\n"
        "┃       ┃ second  ┃\n"
        "┃ first ┃ column  ┃\n"
        "┡━━━━━━━╇━━━━━━━━━┩\n"
        "│ a     │ one     │\n"
        "│ bb    │         │\n"
        "│ c     │         │\n"
        "└───────┴─────────┘\n"
    )


def test_a_title_is_centred_above():
    out = draw([["Kono", "Minister for Digital Transformation"]], ["name", "role"], title="Japan's delegates (1)")
    title, top = out.splitlines()[:2]
    assert title.strip() == "Japan's delegates (1)"
    assert len(title) - len(title.lstrip()) == (width_of(top) - len(title.strip())) // 2


@pytest.mark.parametrize("width,expected", [(80, ["Participants (17)"]), (10, ["Participan", " ts (17)"])])
def test_a_title_wider_than_its_table_starts_at_its_left_edge(width, expected):
    out = draw([["1", "2"]], ["a", "b"], title="Participants (17)", width=width)
    lines = out.splitlines()
    assert lines[:len(expected)] == expected
    assert lines[len(expected)].startswith("┏")


def test_without_a_header_the_box_is_light():
    out = draw([["path", "/x/g7.db"], ["schema_version", "3"]], ["name", "value"], show_header=False)
    assert out == (
        "┌────────────────┬──────────┐\n"
        "│ path           │ /x/g7.db │\n"
        "│ schema_version │ 3        │\n"
        "└────────────────┴──────────┘\n"
    )


def test_an_empty_table_keeps_its_headings():
    assert table.draw(["id", "title"], []) == "┏━━━━┳━━━━━━━┓\n┃ id ┃ title ┃\n┡━━━━╇━━━━━━━┩\n└────┴───────┘\n"


def test_long_japanese_in_a_narrow_terminal():
    out = draw([["2", SENTENCE_JA]], ["id", "evidence"], width=40)
    lines = box(out)
    assert {width_of(line) for line in lines} == {40}
    assert squeeze(columns(out, 2)[1]) == squeeze(SENTENCE_JA)
    # Lines break between Japanese characters, not before 、 or 。
    assert not any(line.startswith(("│    │ 、", "│    │ 。")) for line in lines)


@pytest.mark.parametrize("text,shown,hidden", [
    ("\x1b[31mred\x1b[0m", "␛[31mred␛[0m", "\x1b"),
    ("over\rwrite", "over", "\r"),
    ("bell\x07", "bell␇", "\x07"),
    ("tab\there", "tab here", "\t"),
    ("c1 \x9b31m", "c1 \ufffd31m", "\x9b"),
    ("bidi \u202eevil", "bidi \ufffdevil", "\u202e"),
    ("del\x7f", "del␡", "\x7f"),
])
def test_control_characters_never_reach_the_terminal(text, shown, hidden):
    out = draw([[text, "x"]], [text, "h"], title=text, width=80)
    assert hidden not in out
    assert shown in out


def test_text_is_data_not_markup():
    out = draw([["[ 招待国 ]", "[bold]x[/bold]"]], width=80)
    assert "[ 招待国 ]" in out and "[bold]x[/bold]" in out


def test_colour_only_when_asked():
    rows = [["1", (("3 ", None), ("██▌", "cyan"))]]
    plain = table.draw(["id", "count"], rows, title="T", colour=False)
    assert "\x1b" not in plain
    coloured = table.draw(["id", "count"], rows, title="T", colour=True)
    assert "\x1b[1mid\x1b[0m" in coloured and "\x1b[1mcount\x1b[0m" in coloured
    assert "\x1b[36m██▌\x1b[0m" in coloured and "\x1b[3mT\x1b[0m" in coloured
    # Colour changes nothing else.
    assert coloured.replace("\x1b[1m", "").replace("\x1b[3m", "").replace("\x1b[36m", "").replace("\x1b[0m", "") == plain


# --- through output.render: the terminal, NO_COLOR, bars, the evidence rule ----------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


ROWS = [{"id": 1, "title": "G7産業・技術・デジタル大臣会合", "cities": ["Verona", "Trento"]},
        {"id": 2, "title": "G7 Industry, Technology and Digital Ministerial Meeting", "cities": []}]


@pytest.mark.parametrize("stream,env,escapes", [
    (Terminal, {}, True),
    (Terminal, {"NO_COLOR": "1"}, False),
    (Terminal, {"TERM": "dumb"}, False),
    (io.StringIO, {}, False),
    (io.StringIO, {"FORCE_COLOR": "1"}, True),
    (Terminal, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
])
def test_escape_codes_only_for_a_terminal_without_no_color(monkeypatch, stream, env, escapes):
    for key in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = stream()
    output.render(ROWS, ["id", "title", "cities"], "table", stream=out)
    assert ("\x1b[" in out.getvalue()) is escapes
    if escapes:
        assert "\x1b[1mtitle\x1b[0m" in out.getvalue()


@pytest.mark.parametrize("columns,width", [("100", 100), ("40", 40), ("", 80), ("zero", 80)])
def test_width_is_columns_else_a_terminal_else_80(monkeypatch, columns, width):
    monkeypatch.setenv("COLUMNS", columns)

    def no_terminal(fd=0):
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    out = io.StringIO()
    output.render([{"id": 1, "text": f"{SENTENCE_EN} {SENTENCE_JA}"}], ["id", "text"], "table", stream=out)
    assert {width_of(line) for line in box(out.getvalue())} == {width}


def test_bars_are_a_number_and_eighths_of_a_block(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    rows = [{"year": 2017, "talks": 2}, {"year": 2024, "talks": 12}, {"year": 2020, "talks": 0}]
    out = io.StringIO()
    output.render(rows, ["year", "talks"], "table", stream=out, bars=["talks"])
    lines = out.getvalue().splitlines()
    assert lines[3] == "│ 2017 │  2 ██▍            │"
    assert lines[4] == "│ 2024 │ 12 ██████████████ │"
    assert lines[5] == "│ 2020 │  0                │"


def test_beside_evidence_the_other_columns_stay_narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    rows = [{"name": "HASEGAWA Junji / 長谷川 (Parliamentary Vice-Minister)", "evidence": [SENTENCE_EN, SENTENCE_JA],
             "evidence_document": ["a.txt", "b.txt"]}]
    out = io.StringIO()
    output.render(rows, ["name", "evidence", "evidence_document"], "table", table_columns=["name", "evidence"],
                  stream=out)
    top = box(out.getvalue())[0]
    assert top.index("┳") == 16 + 3
    body = columns(out.getvalue(), 2)
    assert squeeze(body[1]) == squeeze(f"[a.txt] {SENTENCE_EN}[b.txt] {SENTENCE_JA}")


# --- any text at all ----------------------------------------------------------------------

@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(st.lists(st.lists(st.text(max_size=60), min_size=3, max_size=3), min_size=1, max_size=4),
       st.integers(min_value=16, max_value=120))
def test_any_text_lines_up_and_keeps_its_characters(rows, width):
    out = draw(rows, width=width)
    assert len({width_of(line) for line in box(out)}) == 1
    assert not any(ch in out for ch in "\x1b\r\t\x00\x9b")
    for i, text in enumerate(columns(out, 3)):
        assert squeeze(text) == squeeze("".join(table.safe(row[i]) for row in rows))
