"""The console script's fast path (g7cli/entry.py) against typer's app (cli.py).

A list command with plain options is parsed without typer; everything else
is handed to typer. Each command line here runs both ways in-process and
must print the same bytes, the same messages and exit with the same code.
"""
from __future__ import annotations

import sys

import pytest
from typer.main import get_command

from g7cli import cli, entry, listing, queries


def outcome(main, argv, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["g7", *argv])
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


FAST = [
    ["meetings"],
    ["meetings", "--year", "2024"],
    ["meetings", "-y", "2016..2019", "-f", "json"],
    ["meetings", "--year=2023", "--format=jsonl"],
    ["meetings", "--country", "米国", "--since", "2023-01-01"],
    ["meetings", "--topic", "quantum", "--format", "csv"],
    ["meetings", "--person", "Vestager", "--format", "TSV"],
    ["meetings", "--year", "2024", "--year", "2017"],             # the last one counts
    ["meetings", "--delegate", "長谷川"],
    ["bilaterals", "--country", "Italy"],
    ["bilaterals", "--country=イタリア", "--evidence", "--format", "jsonl"],
    ["bilaterals", "-c", "IT", "-y", "2024", "-e", "-f", "json"],
    ["bilaterals", "--person", "ヴェステアー", "--since", "2024"],
    ["bilaterals", "--country", "Itlay"],                         # unknown: g7's own message, exit 2
    ["delegates", "-d", "Hasegawa", "-e", "-f", "csv"],
    ["delegates", "--year", "2016..2025", "--topic", "ai"],
    ["participants", "--meeting", "1"],
    ["participants", "--country", "Brazil", "--format", "json"],
    ["themes", "--topic", "ai", "--since", "2020", "--until", "2024-06"],
    ["themes", "--topic", "量子", "--evidence"],
    ["outcomes", "--year", "2025", "--format", "tsv"],
    ["outcomes", "--meeting", "999999"],
    ["documents", "--meeting", "2", "--format", "json"],
    ["documents", "--country", "EU"],
    ["--debug", "meetings", "--year", "2024"],
]

TYPER = [
    [],
    ["--help"],
    ["--version"],
    ["meetings", "--help"],
    ["meetings", "-h"],
    ["meetings", "--year", "20x4"],                 # a bad value: typer's report
    ["meetings", "--year", "2019..2016"],
    ["meetings", "--country", ""],
    ["meetings", "--country", "  "],
    ["meetings", "--format", "xml"],
    ["meetings", "--meeting", "0"],
    ["meetings", "--meeting", "two"],
    ["meetings", "--since", "2024", "--until", "2023"],
    ["meetings", "--since", "2024-13"],
    ["meetings", "--year"],                         # a missing value
    ["meetings", "-y2024"],                         # short option with its value attached
    ["meetings", "extra"],                          # an argument
    ["meetings", "--evidence"],                     # not an option of meetings
    ["meetings", "--debug"],                        # a root option after the command
    ["meetings", "--evidence=yes"],
    ["bilaterals", "--evidence=1"],
    ["bilaterals", "--country", "-c"],
    ["--db", "--debug", "meetings"],
    ["--version", "meetings"],
    ["meetngs"],
    ["show", "2"],
    ["search", "会談"],
    ["topics"],
]


@pytest.mark.parametrize("argv", FAST + TYPER, ids=" ".join)
def test_both_parsers_print_the_same(both, argv, monkeypatch, capsys):
    assert (entry.parse(argv) is not None) == (argv in FAST)
    fast = outcome(entry.main, argv, monkeypatch, capsys)
    slow = outcome(cli.main, argv, monkeypatch, capsys)
    assert fast == slow
    if argv in FAST:
        assert fast[1] or fast[0] != 0     # something was printed, or it failed


def test_the_database_option_before_or_after_the_command(both, tmp_path, monkeypatch, capsys):
    missing = tmp_path / "none.db"
    for argv in (["--db", str(both.db), "meetings", "--year", "2024"],
                 ["--db=" + str(both.db), "meetings", "--db", str(missing)],     # after the command wins
                 ["meetings", "--db", str(missing)],
                 ["--db", str(missing), "bilaterals", "--db", str(both.db), "-c", "Italy"]):
        assert entry.parse(argv) is not None
        fast = outcome(entry.main, argv, monkeypatch, capsys)
        assert fast == outcome(cli.main, argv, monkeypatch, capsys)
        assert (fast[0] == 1) == (argv[-1] == str(missing) or argv[-1].endswith("none.db"))


def test_a_failure_on_the_fast_path_is_one_line_and_debug_shows_a_traceback(both, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setitem(queries.QUERIES, "meetings", broken)
    code, out, err = outcome(entry.main, ["meetings"], monkeypatch, capsys)
    assert (code, out) == (1, "")
    assert err.splitlines() == ["g7: internal error: RuntimeError: boom second line "
                                "(run with --debug for a traceback)"]
    code, out, err = outcome(entry.main, ["--debug", "meetings"], monkeypatch, capsys)
    assert code == 1 and "Traceback" in err and "raise RuntimeError" in err


def test_the_fast_table_matches_what_typer_declares():
    group = get_command(cli.app)
    assert set(entry.PARAMETERS) == set(listing.COMMANDS)
    for name, params in entry.PARAMETERS.items():
        declared = {p.name: p for p in group.commands[name].params}
        assert set(declared) == set(params), name
        for param, click_param in declared.items():
            assert tuple(click_param.opts) == entry._FLAGS[param], (name, param)
            assert click_param.secondary_opts == [] and not click_param.multiple and click_param.envvar is None
            assert click_param.is_flag == (param in entry._SWITCHES), (name, param)
            kind = type(click_param.type).__name__
            if param == "format":
                assert tuple(click_param.type.choices) == entry.FORMATS and not click_param.type.case_sensitive
            elif param == "meeting":
                assert kind == "IntRange" and click_param.type.min == 1 and click_param.type.max is None
            elif param == "db":
                assert kind == "TyperPath"
            elif param not in entry._SWITCHES:
                assert kind == "StringParamType", (name, param)
    root = {p.name: p for p in group.params}
    for param, flags in entry.ROOT_PARAMETERS.items():
        assert tuple(root[param].opts) == flags
    assert root["debug"].is_flag and not root["db"].is_flag


def test_every_list_command_runs_through_the_listing_function():
    # cli.py's list commands call g7cli.listing.run through _query; the fast
    # path must cover exactly those.
    import inspect

    for name in listing.COMMANDS:
        source = inspect.getsource(getattr(cli, name))
        assert f'_query(ctx, "{name}"' in source
