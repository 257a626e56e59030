"""Property tests: the renderer and the option parsers on arbitrary input."""
from __future__ import annotations

import csv
import io
import json

import typer
from hypothesis import HealthCheck, given, settings, strategies as st

from g7cli import output
from g7cli.options import parse_year
from g7cli.textkeys import country_key, fold, name_keys

# The machine is shared and slow at times: judge the properties, not the speed.
settings.register_profile("g7", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200)
settings.load_profile("g7")

cell = st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.lists(st.text(), max_size=3))
rows = st.lists(st.fixed_dictionaries({"a": cell, "b": cell, "c": cell}), max_size=5)


def rendered(fmt, data) -> str:
    stream = io.StringIO()
    output.render(data, ["a", "b", "c"], fmt, stream=stream)
    return stream.getvalue()


@given(rows)
def test_tsv_keeps_one_line_per_row_and_every_column(data):
    lines = rendered("tsv", data).split("\n")
    assert lines[-1] == ""
    assert len(lines) - 1 == len(data) + 1
    assert all(len(line.split("\t")) == 3 for line in lines[:-1])


@given(rows)
def test_csv_and_json_round_trip(data):
    parsed = list(csv.reader(io.StringIO(rendered("csv", data), newline="")))
    assert parsed[0] == ["a", "b", "c"] and len(parsed) == len(data) + 1
    for row, line in zip(data, parsed[1:]):
        expected = [output._cell(row[k]).replace("\r\n", "\n").replace("\r", "\n") for k in "abc"]
        assert line == expected
    assert json.loads(rendered("json", data)) == data
    assert [json.loads(line) for line in rendered("jsonl", data).splitlines()] == data


@given(st.text())
def test_parse_year_accepts_years_or_says_why(value):
    try:
        lo, hi = parse_year(value)
    except typer.BadParameter:
        return
    assert 0 <= lo <= hi <= 9999


@given(st.text())
def test_keys_are_stable(value):
    assert fold(fold(value)) == fold(value)
    assert "." not in country_key(value) and not country_key(value).startswith(("the ", " "))
    keys = name_keys(value)
    assert len(keys) == len(set(keys))
    assert all(k and k == fold(k) for k in keys)
