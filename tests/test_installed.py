"""The installed `g7` in real processes: the console script, start-up imports."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import g7_executable


def run(args, db, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1")
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, **kw)


def test_installed_console_script_end_to_end(tmp_path):
    db = tmp_path / "g7.db"
    g7 = g7_executable()
    ingest = run([g7, "ingest"], db, cwd=tmp_path)   # bundled seeds, from an unrelated folder
    assert ingest.returncode == 0, ingest.stderr
    assert "5 added" in ingest.stderr
    meetings = run([g7, "meetings", "--year", "2024", "--format", "json"], db)
    assert meetings.returncode == 0, meetings.stderr
    rows = json.loads(meetings.stdout)
    assert [m["year"] for m in rows] == [2024]
    tsv = run([g7, "bilaterals", "--country", "Italy"], db)   # a pipe: TSV by default
    assert tsv.returncode == 0
    assert tsv.stdout.splitlines()[0].startswith("meeting_id\tyear\tdate\tdelegate")
    assert len(tsv.stdout.splitlines()) == 1 + 4
    version = run([sys.executable, "-m", "g7cli", "--version"], db)
    assert version.returncode == 0 and version.stdout.startswith("g7 ")


def test_errors_in_a_real_process_are_one_line(tmp_path):
    g7 = g7_executable()
    missing = run([g7, "meetings"], tmp_path / "none.db")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [f"g7: no database at {tmp_path / 'none.db'}; run `g7 ingest` first"]
    bad = run([g7, "meetings", "--format", "xml"], tmp_path / "none.db")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


PROBE = textwrap.dedent("""
    import sys
    from g7cli.entry import main   # the console script's entry point
    sys.argv = ["g7", *sys.argv[1:]]
    try:
        main()
    except SystemExit:
        pass
    heavy = sorted({m.split(".")[0] for m in sys.modules}
                   & {"rich", "sqlite_utils", "pydantic", "platformdirs", "jaconv", "typer"})
    print("HEAVY=" + ",".join(heavy), file=sys.stderr)
""")


def probe(args, db) -> tuple[set[str], str]:
    """The heavy modules a command imported, and what it printed."""
    p = run([sys.executable, "-c", PROBE, *args], db)
    line = [l for l in p.stderr.splitlines() if l.startswith("HEAVY=")][-1]
    return set(filter(None, line[len("HEAVY="):].split(","))), p.stdout


def imported(args, db) -> set[str]:
    return probe(args, db)[0]


@pytest.fixture(scope="module")
def probe_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("probe") / "g7.db"
    assert run([g7_executable(), "ingest"], db).returncode == 0
    return db


@pytest.mark.parametrize("args", [
    ["meetings", "--year", "2024", "--format", "tsv"],
    ["bilaterals", "--country", "Italy", "--format", "json"],
    ["--db", "{db}", "delegates", "-d", "Hasegawa", "--evidence"],
    ["themes", "--topic", "ai", "--since", "2020"],
])
def test_list_commands_import_neither_typer_nor_anything_heavy(probe_db, args):
    # g7cli/entry.py runs them without typer (~100 ms of imports here).
    heavy, out = probe([a.format(db=probe_db) for a in args], probe_db)
    assert heavy == set() and out


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["info", "--format", "tsv"], ["meetings", "--help"]])
def test_help_and_other_commands_import_typer_alone(probe_db, args):
    assert imported(args, probe_db) == {"typer"}


@pytest.mark.parametrize("args", [["meetings", "--format", "table"], ["stats", "--format", "table"],
                                  ["show", "2024 Verona", "--format", "table"]])
def test_a_table_is_drawn_without_rich(probe_db, args):
    # g7cli.table draws it; rich is left to ingest's progress bar.
    heavy, out = probe(args, probe_db)
    assert heavy <= {"typer"}
    assert out.startswith(("┏", "┌")) and out.rstrip().endswith("┘")


# The console script builds only the command it runs (g7cli.cli.main); what
# a user sees must be what the fully built app would show.
@pytest.mark.parametrize("args", [
    ["--help"],
    ["meetings", "--help"],
    ["--db", "x.db", "bilaterals", "--help"],
    ["ingest", "--help"],
])
def test_the_lean_start_shows_the_same_help_as_the_full_app(tmp_path, args):
    full_app = ("import sys; from typer.main import get_command; from g7cli.cli import app; "
                "get_command(app).main(args=sys.argv[1:], prog_name='g7')")
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    full = subprocess.run([sys.executable, "-c", full_app, *args], capture_output=True, text=True,
                          timeout=60, env=env)
    script = subprocess.run([g7_executable(), *args], capture_output=True, text=True, timeout=60, env=env)
    assert script.returncode == full.returncode == 0
    assert "Usage: g7" in script.stdout and "Examples:" in script.stdout
    assert script.stdout == full.stdout


def test_the_lean_start_still_suggests_a_misspelt_command(tmp_path):
    p = run([g7_executable(), "meetngs"], tmp_path / "none.db")
    assert p.returncode == 2
    assert "Did you mean 'meetings'?" in p.stderr


@pytest.mark.parametrize("argv, name", [
    (["meetings", "--year", "2024"], "meetings"),
    (["--db", "g7.db", "bilaterals"], "bilaterals"),
    (["--db=g7.db", "themes"], "themes"),
    (["--debug", "--db", "meetings", "info"], "info"),   # a database file named "meetings"
    (["--", "show"], "show"),
    (["--help"], None),
    (["-V"], None),
    ([], None),
])
def test_the_command_name_is_found_past_the_root_options(argv, name):
    from g7cli.cli import _command_name

    assert _command_name(argv) == name
