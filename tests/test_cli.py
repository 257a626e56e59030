"""The real CLI through typer's CliRunner: every command, format, filter and error path."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from g7cli import __version__, db
from g7cli.queries import COLUMNS, TABLE_COLUMNS

QUERY_COMMANDS = ["meetings", "delegates", "participants", "themes", "bilaterals", "outcomes", "documents"]
FORMATS = ["table", "json", "jsonl", "csv", "tsv"]
REQUIRED_KEYS = {
    "meetings": {"id", "title", "year", "start_date", "end_date", "cities", "host_country",
                 "host_country_code", "virtual", "documents"},
    "delegates": {"meeting_id", "year", "name", "role", "country_code"},
    "participants": {"meeting_id", "year", "name", "code", "kind", "chair"},
    "themes": {"meeting_id", "year", "title", "topics"},
    "bilaterals": {"meeting_id", "year", "date", "delegate", "counterpart", "counterpart_role",
                   "country", "country_code", "kind", "documents"},
    "outcomes": {"meeting_id", "year", "title", "kind"},
    "documents": {"id", "file_name", "language", "publisher", "published", "title", "meeting_id"},
}


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# --- ingest ------------------------------------------------------------------

def test_ingest_seeds_then_again_is_unchanged(g7, db_path):
    first = g7("ingest")
    assert first.exit_code == 0, first.stderr
    assert "documents: 5 added, 0 unchanged, 0 without a G7 meeting, 0 failed" in first.stderr
    assert first.stdout == ""          # messages go to stderr
    before = db_path.read_bytes()
    counts = g7.json("info")[0]
    second = g7("ingest")
    assert second.exit_code == 0
    assert "documents: 0 added, 5 unchanged, 0 without a G7 meeting, 0 failed" in second.stderr
    assert "added: 0 meetings, 0 delegates, 0 bilateral talks" in second.stderr
    assert g7.json("info")[0] == counts
    assert len(before) == len(db_path.read_bytes())


def test_the_seeded_database_passes_integrity_and_foreign_key_checks(seeded):
    with sqlite3.connect(seeded.db) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()


def test_the_three_2024_releases_make_one_meeting(g7, seeds):
    result = g7("ingest", *[p for p in seeds if p.name.startswith("2024-")])
    assert result.exit_code == 0, result.stderr
    meetings = g7.json("meetings")
    assert len(meetings) == 1
    mid = meetings[0]["id"]
    assert sorted(meetings[0]["documents"]) == sorted(p.name for p in seeds if p.name.startswith("2024-"))
    assert len(g7.json("delegates", "--meeting", mid)) == 2
    talks = g7.json("bilaterals", "--meeting", mid)
    assert len(talks) == 12
    # Kono's eight come from one release; Hasegawa's four from two each.
    assert sorted(len(t["documents"]) for t in talks) == [1] * 8 + [2] * 4


# --- queries: every command in every format ---------------------------------------

@pytest.mark.parametrize("command", QUERY_COMMANDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_in_every_format(seeded, command, fmt):
    result = seeded(command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.strip()
    if fmt == "json":
        rows = json.loads(out)
        assert isinstance(rows, list) and rows
        assert REQUIRED_KEYS[command] <= set(rows[0])
        assert list(rows[0])[:len(COLUMNS[command])] == COLUMNS[command]
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert rows and REQUIRED_KEYS[command] <= set(rows[0])
    elif fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0] == COLUMNS[command]
        assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    else:
        # A table: its column headings, no escape codes off a terminal.
        assert TABLE_COLUMNS[command][0].split("_")[0] in out   # headings may wrap at 80 columns
        assert "\x1b[" not in out
        assert command != "meetings" or "2024" in out


def test_json_is_utf8_not_escaped(seeded):
    out = seeded("delegates", "--format", "json").stdout
    assert "長谷川" in out and "\\u" not in out


def test_default_format_off_a_terminal_is_tsv(seeded):
    out = seeded("meetings").stdout
    assert out.splitlines()[0].split("\t") == COLUMNS["meetings"]


def test_lists_are_joined_in_tsv_and_csv(seeded):
    rows = list(csv.DictReader(io.StringIO(seeded("meetings", "--year", "2024", "--format", "csv").stdout)))
    assert len(rows) == 1
    assert len(rows[0]["documents"].split("; ")) == 3


@pytest.mark.parametrize("fmt,expected", [("json", "[]\n"), ("jsonl", ""), ("tsv", "\t".join(COLUMNS["meetings"]) + "\n"),
                                          ("csv", ",".join(COLUMNS["meetings"]) + "\n")])
def test_an_empty_result(seeded, fmt, expected):
    result = seeded("meetings", "--year", "1999", "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout == expected


# --- filters -------------------------------------------------------------------------

def test_meetings_by_year(seeded):
    meetings = seeded.json("meetings", "--year", "2024")
    assert [m["year"] for m in meetings] == [2024]
    assert [m["year"] for m in seeded.json("meetings", "--year", "2017..2024")] == [2017, 2024]


def test_bilaterals_with_italy(seeded):
    talks = seeded.json("bilaterals", "--country", "Italy")
    assert len(talks) == 4
    assert {t["year"] for t in talks} == {2017, 2024}
    assert {t["country_code"] for t in talks} == {"IT"}
    for spelling in ("IT", "it", "italy", "ITALY"):
        assert seeded.json("bilaterals", "--country", spelling) == talks


def test_country_names_codes_and_common_forms_give_the_same_rows(seeded):
    # Aliases are stored in the database when a country is first seen, so the
    # query itself needs no gazetteer.
    talks = seeded.json("bilaterals", "--country", "US")
    assert talks and {t["country_code"] for t in talks} == {"US"}
    for spelling in ("the USA", "U.S.", "United States", "usa", "アメリカ"):
        assert seeded.json("bilaterals", "--country", spelling) == talks, spelling


def test_meetings_hosted_in_or_attended_by(seeded):
    hosted = seeded.json("meetings", "--country", "Italy")
    assert {m["host_country_code"] for m in hosted} == {"IT"}
    # Brazil attended the 2024 meeting as an invited country; it hosted none.
    attended = seeded.json("meetings", "--country", "BR")
    assert [m["year"] for m in attended] == [2024]


def test_filter_by_meeting_and_topic(seeded):
    meeting = seeded.json("meetings", "--year", "2024")[0]["id"]
    for command in ("delegates", "participants", "themes", "bilaterals", "outcomes", "documents"):
        rows = seeded.json(command, "--meeting", meeting)
        assert rows, command
        assert {r.get("meeting_id") for r in rows} == {meeting}, command
    themes = seeded.json("themes", "--topic", "ai")
    assert themes and all("ai" in t["topics"] for t in themes)
    assert seeded.json("themes", "--topic", "AI") == themes
    assert {m["id"] for m in seeded.json("meetings", "--topic", "ai")} == {t["meeting_id"] for t in themes}


def test_delegate_filter_matches_any_spelling_or_word(seeded):
    rows = seeded.json("delegates", "--delegate", "Hasegawa")
    assert len(rows) == 1
    for spelling in ("長谷川", "HASEGAWA Junji", "hase"):
        assert seeded.json("delegates", "--delegate", spelling) == rows
    talks = seeded.json("bilaterals", "--delegate", "長谷川")
    assert len(talks) == 4 and all("長谷川" in t["delegate"] for t in talks)


@pytest.mark.parametrize("option", ["--country", "--topic", "--delegate"])
def test_sql_injection_values_are_just_values(seeded, option):
    evil = "'; DROP TABLE meetings; --"
    commands = {"--country": QUERY_COMMANDS, "--topic": ["meetings", "themes", "delegates"],
                "--delegate": ["meetings", "delegates", "bilaterals"]}[option]
    for command in commands:
        result = seeded(command, option, evil, "--format", "json")
        if option == "--delegate":   # a name nobody has: no rows
            assert result.exit_code == 0, result.stderr
            assert json.loads(result.stdout) == []
        else:                        # not a country or topic g7 knows: a usage error
            assert result.exit_code == 2, result.stderr
            assert one_line_error(result).startswith(f"g7: unknown {option[2:]} ")
            assert result.stdout == ""
    assert len(seeded.json("meetings")) == 3


# --- errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["meetings", "--year", "20x4"],
    ["meetings", "--year", "2024..2020"],
    ["meetings", "--format", "xml"],
    ["bilaterals", "--meeting", "0"],
    ["bilaterals", "--meeting", "abc"],
    ["meetings", "--meeting", "999"],
    ["meetings", "--country", " "],
    ["meetings", "--no-such-option"],
    ["no-such-command"],
])
def test_a_bad_option_value_exits_2_with_one_line(seeded, args):
    result = seeded(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    one_line_error(result)


@pytest.mark.parametrize("command", QUERY_COMMANDS + ["info"])
def test_a_query_never_creates_the_database(g7, db_path, command):
    result = g7(command)
    assert result.exit_code == 1
    assert one_line_error(result) == f"g7: no database at {db_path}; run `g7 ingest` first"
    assert not db_path.exists()
    assert not db_path.parent.joinpath("g7.db-wal").exists()


def test_a_newer_database_is_refused_by_every_command(seeded):
    with sqlite3.connect(seeded.db) as c:
        c.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('g7', '9999_future', 'x')")
    c.close()
    before = seeded.db.read_bytes()
    for args in (["meetings"], ["ingest"], ["info"]):
        result = seeded(*args)
        assert result.exit_code == 1
        assert "newer g7" in one_line_error(result)
    assert seeded.db.read_bytes() == before


def test_db_option_before_and_after_the_command(g7, tmp_path, monkeypatch):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert g7("--db", a, "ingest").exit_code == 0
    assert g7("ingest", "--db", b).exit_code == 0
    assert b.exists()
    # before the command
    assert len(g7.json("--db", a, "meetings")) == 3
    # after the command
    assert len(g7.json("meetings", "--db", a)) == 3
    # after wins over before; both win over G7_DB (which points at a missing file here)
    assert g7("--db", tmp_path / "missing.db", "meetings", "--db", a).exit_code == 0
    assert g7("--db", a, "meetings", "--db", tmp_path / "missing.db").exit_code == 1
    monkeypatch.setenv("G7_DB", str(a))
    assert len(g7.json("meetings")) == 3


def test_default_location_is_the_user_data_dir(monkeypatch, tmp_path):
    from g7cli.location import resolve_db_path

    monkeypatch.delenv("G7_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_db_path(None) == tmp_path / "data" / "g7" / "g7.db"
    monkeypatch.setenv("G7_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(tmp_path / "opt.db") == tmp_path / "opt.db"


# --- info, version, help --------------------------------------------------------------

def test_info(seeded):
    info = seeded.json("info")
    assert len(info) == 1
    row = info[0]
    assert row["path"] == str(seeded.db)
    assert row["schema_version"] == len(db.migration_files())
    assert row["documents"] == 5 and row["meetings"] == 3
    assert seeded("info", "--path").stdout.strip() == str(seeded.db)
    table = seeded("info", "--format", "table").stdout
    assert "schema_version" in table and str(seeded.db.name) in table


def test_version(g7):
    for flag in ("--version", "-V"):
        result = g7(flag)
        assert result.exit_code == 0
        assert result.stdout.strip() == f"g7 {__version__}"


@pytest.mark.parametrize("command", ["ingest", "info"] + QUERY_COMMANDS)
def test_every_command_has_help_with_an_example(g7, command):
    result = g7(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"g7 {command}" in result.stdout.split("Examples:")[1]


def test_top_level_help(g7):
    result = g7("--help")
    assert result.exit_code == 0
    for command in ["ingest", "info"] + QUERY_COMMANDS:
        assert command in result.stdout
    assert "Examples:" in result.stdout
