"""Asking in either language: --country/--topic/--delegate/--person/--since,
`g7 search`, `g7 show` and --evidence, on the seeds plus ../shared/corpus/dev.

Whole outputs are compared: the same question asked in different forms must
print the same bytes; search hits are checked against the documents read
straight from disk; `g7 search` outputs are also compared with the files in
tests/expected/ (rewrite them with `G7_UPDATE_EXPECTED=1 python -m pytest
tests/test_bilingual.py` and read the diff when a change is meant).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from conftest import SHARED, G7
from g7cli.cli import app
from g7cli.resources import seeds_dir

DEV = SHARED / "corpus" / "dev"
EXPECTED = Path(__file__).parent / "expected"


def out(g7: G7, *args: str) -> str:
    result = g7(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def error(g7: G7, *args: str) -> str:
    result = g7(*args)
    assert result.exit_code == 2, (args, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def texts() -> dict[str, str]:
    """Every ingested document's text as g7 stores it (NFKC), by file name."""
    files = sorted(seeds_dir().glob("*.txt")) + sorted(DEV.glob("*.txt"))
    return {p.name: unicodedata.normalize("NFKC", p.read_text(encoding="utf-8-sig")) for p in files}


def expect(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("G7_UPDATE_EXPECTED"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with G7_UPDATE_EXPECTED=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from tests/expected/{name}"


# --- --country in either language ------------------------------------------------

def test_italy_in_four_spellings_prints_the_same_rows(both):
    for fmt in ("tsv", "json"):
        first = out(both, "bilaterals", "--country", "イタリア", "--format", fmt)
        for spelling in ("Italy", "it", "ITA"):
            assert out(both, "bilaterals", "--country", spelling, "--format", fmt) == first, spelling
    rows = json.loads(out(both, "bilaterals", "--country", "Italy", "--format", "json"))
    assert len(rows) >= 4 and {r["country_code"] for r in rows} == {"IT"}


@pytest.mark.parametrize("command,forms", [
    ("participants", ["US", "USA", "the USA", "U.S.", "United States", "united states of america", "America",
                      "米国", "アメリカ", "アメリカ合衆国"]),
    ("participants", ["GB", "GBR", "UK", "U.K.", "the UK", "Britain", "Great Britain", "United Kingdom",
                      "英国", "イギリス"]),
    ("participants", ["KR", "KOR", "South Korea", "Republic of Korea", "korea", "韓国", "大韓民国"]),
    ("participants", ["EU", "eu", "European Union", "European Commission", "欧州連合", "欧州委員会"]),
    ("participants", ["UN", "United Nations", "国連", "国際連合"]),
    ("participants", ["OECD", "oecd", "経済協力開発機構"]),
    ("meetings", ["CA", "CAN", "Canada", "カナダ"]),
    ("bilaterals", ["DE", "DEU", "Germany", "ドイツ"]),
])
def test_every_common_form_of_a_country_gives_the_same_output(both, command, forms):
    first = out(both, command, "--country", forms[0], "--format", "tsv")
    assert len(first.splitlines()) > 1, (command, forms[0])
    for form in forms[1:]:
        assert out(both, command, "--country", form, "--format", "tsv") == first, form


def test_a_known_country_without_rows_is_an_empty_result_not_an_error(both):
    assert json.loads(out(both, "bilaterals", "--country", "Iceland", "--format", "json")) == []
    assert json.loads(out(both, "bilaterals", "--country", "アイスランド", "--format", "json")) == []


@pytest.mark.parametrize("value,message", [
    ("Itlay", "g7: unknown country 'Itlay'; did you mean Italy?"),
    ("Untied Kingdom", "g7: unknown country 'Untied Kingdom'; did you mean United Kingdom?"),
    ("イタリヤ", "g7: unknown country 'イタリヤ'; did you mean イタリア?"),
    ("Qwxz", "g7: unknown country 'Qwxz' (a name in English or Japanese, or a code)"),
])
def test_an_unknown_country_exits_2_with_a_suggestion(both, value, message):
    for command in ("bilaterals", "meetings", "participants", "search"):
        args = [command, "--country", value] if command != "search" else ["search", "会談", "--country", value]
        assert error(both, *args) == message


def test_country_aliases_come_from_the_database_not_the_gazetteer(both):
    # Every country the gazetteer knows is in the table, with Japanese names.
    with sqlite3.connect(both.db) as c:
        n = c.execute("SELECT count(DISTINCT code) FROM country_aliases").fetchone()[0]
        ja = c.execute("SELECT code FROM country_aliases WHERE alias = 'アイスランド'").fetchone()
    c.close()
    assert n > 250 and ja == ("IS",)


# --- --topic, g7 topics -------------------------------------------------------------

def test_a_topic_tag_or_word_in_either_language_gives_the_same_themes(both):
    for forms in (["ai", "AI", "人工知能", "Artificial Intelligence", "生成AI"],
                  ["supply-chains", "supply chain", "Supply Chains", "サプライチェーン", "供給網"],
                  ["data-flows", "DFFT", "信頼性のある自由なデータ流通"]):
        first = out(both, "themes", "--topic", forms[0], "--format", "tsv")
        assert len(first.splitlines()) > 1, forms[0]
        for form in forms[1:]:
            assert out(both, "themes", "--topic", form, "--format", "tsv") == first, form
    assert out(both, "meetings", "--topic", "量子") == out(both, "meetings", "--topic", "quantum")


def test_an_unknown_or_ambiguous_topic_exits_2(both):
    assert error(both, "themes", "--topic", "quantom") == \
        "g7: unknown topic 'quantom'; did you mean quantum? (`g7 topics` lists them)"
    assert "several tags" in error(both, "themes", "--topic", "相互運用性")


def test_topics_lists_tags_words_and_counts(both):
    rows = json.loads(out(both, "topics", "--format", "json"))
    by_tag = {r["tag"]: r for r in rows}
    assert {"ai", "quantum", "supply-chains", "data-flows"} <= set(by_tag)
    assert "人工知能" in by_tag["ai"]["words_ja"] and "AI" in by_tag["ai"]["words_en"]
    for tag in ("ai", "supply-chains"):
        themes = json.loads(out(both, "themes", "--topic", tag, "--format", "json"))
        assert by_tag[tag]["themes"] == len(themes)
        assert by_tag[tag]["meetings"] == len({t["meeting_id"] for t in themes})
    for fmt in ("table", "csv", "tsv", "jsonl"):
        assert out(both, "topics", "--format", fmt).strip()


# --- people in either script -------------------------------------------------------

def test_delegate_and_person_in_either_script(both):
    first = out(both, "bilaterals", "--delegate", "Hasegawa")
    assert len(first.splitlines()) > 1
    for spelling in ("長谷川", "HASEGAWA Junji", "hasegawa junji"):
        assert out(both, "bilaterals", "--delegate", spelling) == first, spelling
        assert out(both, "bilaterals", "--person", spelling) == first, spelling
    # --person also finds the counterpart, by any of its spellings.
    vestager = out(both, "bilaterals", "--person", "Vestager")
    assert len(vestager.splitlines()) == 2
    assert out(both, "bilaterals", "--person", "ヴェステアー") == vestager
    assert out(both, "bilaterals", "--person", "Margrethe Vestager") == vestager
    kono = json.loads(out(both, "meetings", "--person", "河野", "--format", "json"))
    assert 2024 in {m["year"] for m in kono}
    assert out(both, "meetings", "--person", "Kono", "--year", "2024") == \
        out(both, "meetings", "--person", "河野", "--year", "2024")


# --- --year, --since, --until --------------------------------------------------------

def test_since_and_until(both):
    all_meetings = json.loads(out(both, "meetings", "--format", "json"))
    some = json.loads(out(both, "meetings", "--since", "2022-05-11", "--until", "2024", "--format", "json"))
    expected = [m for m in all_meetings if (m["end_date"] or m["start_date"]) >= "2022-05-11"
                and m["start_date"] <= "2024-12-31"]
    assert some == expected and len(some) >= 3
    assert out(both, "bilaterals", "--since", "2024-01", "--until", "2024-12-31") == \
        out(both, "bilaterals", "--year", "2024")
    assert out(both, "meetings", "--year", "2016..2019") == out(both, "meetings", "--since", "2016", "--until", "2019")


@pytest.mark.parametrize("args", [
    ["meetings", "--since", "2024-13-01"], ["meetings", "--since", "yesterday"],
    ["meetings", "--until", "2024-02-30"], ["meetings", "--since", "2025", "--until", "2024"],
    ["meetings", "--year", "2019..2016"], ["search", "AI", "--year", "twenty"],
])
def test_malformed_dates_exit_2_with_one_line(both, args):
    error(both, *args)


# --- g7 search -------------------------------------------------------------------------

def containing(pattern: str) -> set[str]:
    return {name for name, text in texts().items() if re.search(pattern, text, re.IGNORECASE)}


@pytest.mark.parametrize("query,patterns", [
    ("会談", ["会談"]),                   # two characters: below the trigram index
    ("河野", ["河野"]),
    ("量子", ["量子"]),
    ("広島AIプロセス", ["広島AIプロセス"]),  # Japanese, through the index
    ("Hiroshima AI", [r"(?<![A-Za-z0-9])Hiroshima", r"(?<![A-Za-z0-9])AI(?![A-Za-z0-9])"]),
    ('"Hiroshima AI Process"', [r"(?<![A-Za-z0-9])Hiroshima AI Process"]),
    ("Vestager", [r"(?<![A-Za-z0-9])Vestager"]),
])
def test_search_finds_exactly_the_documents_that_contain_every_term(both, query, patterns):
    expected = set(texts())
    for p in patterns:
        expected &= containing(p)
    rows = json.loads(out(both, "search", query, "--limit", "0", "--format", "json"))
    assert {r["document"] for r in rows} == expected and expected
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        assert "«" in r["snippet"] and "»" in r["snippet"]
        assert r["matches"] >= 1


def test_search_reports_document_meeting_and_year(both):
    rows = json.loads(out(both, "search", "会談", "--format", "json"))
    docs = {d["file_name"]: d for d in json.loads(out(both, "documents", "--format", "json"))}
    for r in rows:
        d = docs[r["document"]]
        assert r["meeting_id"] == d["meeting_id"] and r["document_id"] == d["id"]
        assert r["year"] == d["year"]
    # Most occurrences first for a short term.
    assert [r["matches"] for r in rows] == sorted((r["matches"] for r in rows), reverse=True)


def test_search_outputs_match_the_expected_files(both):
    expect("search-kaidan.tsv", out(both, "search", "会談", "--format", "tsv"))
    expect("search-hiroshima-ai.tsv", out(both, "search", "Hiroshima AI", "--format", "tsv"))


def test_search_filters_and_formats(both):
    all_rows = json.loads(out(both, "search", "AI", "--limit", "0", "--format", "json"))
    y2024 = json.loads(out(both, "search", "AI", "--year", "2024", "--limit", "0", "--format", "json"))
    assert y2024 and {r["year"] for r in y2024} == {2024}
    assert [r["document"] for r in y2024] == [r["document"] for r in all_rows if r["year"] == 2024]
    italy = json.loads(out(both, "search", "AI", "--country", "イタリア", "--limit", "0", "--format", "json"))
    assert italy and out(both, "search", "AI", "--country", "ITA", "--limit", "0") == \
        out(both, "search", "AI", "--country", "Italy", "--limit", "0")
    assert len(json.loads(out(both, "search", "AI", "--limit", "2", "--format", "json"))) == 2
    for fmt in ("table", "csv", "tsv", "jsonl"):
        assert out(both, "search", "会談", "--format", fmt).strip()
    assert json.loads(out(both, "search", "nothing-like-this-anywhere", "--format", "json")) == []


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "a*", "'; DROP TABLE documents; --", "- -", "(", "\\"])
def test_search_syntax_is_plain_text(both, query):
    result = both("search", query, "--format", "json")
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 0:
        json.loads(result.stdout)
    assert len(json.loads(out(both, "documents", "--format", "json"))) == len(texts())


def test_search_follows_ingest(g7, tmp_path):
    doc = tmp_path / "a.txt"
    text = (Path(seeds_dir()) / "2024-verona-trento-digital-agency-en.txt").read_text(encoding="utf-8")
    doc.write_text(text, encoding="utf-8")
    assert g7("ingest", doc).exit_code == 0
    assert [r["document"] for r in g7.json("search", "Vestager")] == ["a.txt"]
    assert g7.json("search", "Zanzibarian") == [] and g7.json("search", "象牙") == []
    # The file changes: the old text is no longer found, the new one is, at once.
    doc.write_text(text.replace("Vestager", "Zanzibarian") + "\n象牙の塔。\n", encoding="utf-8")
    assert g7("ingest", doc).exit_code == 0
    assert g7.json("search", "Vestager") == []
    assert [r["document"] for r in g7.json("search", "Zanzibarian")] == ["a.txt"]
    assert [r["document"] for r in g7.json("search", "象牙")] == ["a.txt"]
    # Removed: found nowhere.
    from g7cli import db, store

    database = db.open_write(g7.db)
    with store.transaction(database.conn):
        store.remove_document(database.conn, database.conn.execute("SELECT id FROM documents").fetchone()[0])
    database.close()
    assert g7.json("search", "Zanzibarian") == [] and g7.json("search", "象牙") == []
    with sqlite3.connect(g7.db) as c:
        assert c.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')").fetchall() == []
    c.close()


def test_full_text_search_is_configured_as_sqlite_utils_detects_it(both):
    from sqlite_utils import Database

    database = Database(both.db)
    assert database["documents"].detect_fts() == "documents_fts"
    rows = list(database["documents"].search("Vestager", columns=["file_name"]))
    assert {r["file_name"] for r in rows} == containing(r"Vestager")
    database.close()


# --- g7 show, --evidence -----------------------------------------------------------------

def test_show_by_id_by_year_and_place_and_by_title_in_either_language(both):
    by_id = json.loads(out(both, "show", "2", "--format", "json"))
    assert by_id["year"] == 2024 and "Verona" in by_id["cities"]
    for value in ("2024 Verona", "2024 verona", "ヴェローナ", "G7産業・技術・デジタル大臣会合",
                  "Industry, Technology and Digital Ministerial Meeting"):
        assert json.loads(out(both, "show", value, "--format", "json")) == by_id, value


def test_show_holds_every_part_of_the_meeting(both):
    record = json.loads(out(both, "show", "2024 Verona", "--format", "json"))
    assert isinstance(record, dict)
    mid = record["id"]
    for key in ("start_date", "end_date", "cities", "host_country", "presidency"):
        assert record[key], key
    assert record["presidency_code"] == "IT"
    meetings = json.loads(out(both, "meetings", "--meeting", str(mid), "--format", "json"))[0]
    assert [s["document"] for s in record["sources"]] != [] and \
        sorted(s["document"] for s in record["sources"]) == sorted(meetings["documents"])
    for part in ("delegates", "participants", "themes", "outcomes", "bilaterals"):
        rows = json.loads(out(both, part, "--meeting", str(mid), "--format", "json"))
        assert record[part] == [{k: v for k, v in r.items() if k not in ("meeting_id", "year")} for r in rows], part
        assert rows, part


def test_show_evidence_gives_a_source_sentence_for_every_talk(both):
    record = json.loads(out(both, "show", "2024 Verona", "--evidence", "--format", "json"))
    with sqlite3.connect(both.db) as c:   # the stored text, which evidence quotes
        docs = dict(c.execute("SELECT file_name, text FROM documents"))
    c.close()
    assert record["bilaterals"]
    for part in ("bilaterals", "delegates", "themes", "participants", "outcomes"):
        for fact in record[part]:
            assert fact["evidence"] and len(fact["evidence"]) == len(fact["evidence_document"]), (part, fact)
            if "documents" in fact:
                assert sorted(fact["evidence_document"]) == sorted(fact["documents"])
            for sentence, document in zip(fact["evidence"], fact["evidence_document"]):
                assert sentence and sentence in docs[document], (part, document, sentence)
    # A talk merged from two releases has the sentence of each.
    assert any(len(t["evidence"]) == 2 for t in record["bilaterals"])
    assert record["evidence"] and len(record["evidence"]) == len(record["sources"])
    table = out(both, "show", "2024 Verona", "--evidence", "--format", "table")
    assert "Bilateral talks" in table and "evidence" in table


def test_evidence_on_bilaterals_delegates_and_themes(both):
    for command in ("bilaterals", "delegates", "themes"):
        plain = json.loads(out(both, command, "--year", "2024", "--format", "json"))
        rows = json.loads(out(both, command, "--year", "2024", "--evidence", "--format", "json"))
        assert [{k: v for k, v in r.items() if not k.startswith("evidence")} for r in rows] == plain
        for r in rows:
            assert list(r)[-2:] == ["evidence", "evidence_document"]
            assert len(r["evidence"]) == len(r["evidence_document"]) >= 1
        header = out(both, command, "--year", "2024", "--evidence", "--format", "tsv").splitlines()[0]
        assert header.split("\t")[-2:] == ["evidence", "evidence_document"]
        assert "evidence" in out(both, command, "--year", "2024", "--evidence", "--format", "table")


def test_show_in_every_format(both):
    for fmt in ("table", "jsonl", "csv", "tsv"):
        text = out(both, "show", "2024 Verona", "--format", fmt)
        assert "Verona" in text
    line = out(both, "show", "2024 Verona", "--format", "jsonl")
    assert len(line.splitlines()) == 1 and json.loads(line)["year"] == 2024


@pytest.mark.parametrize("value,start", [
    ("2025", "g7: '2025' matches 2 meetings: "),
    ("Atlantis", "g7: no meeting matches 'Atlantis'"),
    ("999", "g7: no meeting matches '999'"),
    ("'; DROP TABLE meetings; --", "g7: no meeting matches "),
])
def test_show_an_unknown_or_ambiguous_meeting_exits_2(both, value, start):
    assert error(both, "show", value).startswith(start)
    assert len(json.loads(out(both, "meetings", "--format", "json"))) >= 8


# --- help, README ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["search", "show", "topics"])
def test_new_commands_have_help_with_an_example(g7, command):
    result = g7(command, "--help")
    assert result.exit_code == 0
    assert f"g7 {command}" in result.stdout.split("Examples:")[1]


def test_readme_lists_every_command_with_output():
    from typer.main import get_command

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:
        assert f"| `g7 {name}" in readme, f"README.md's command table does not list `g7 {name}`"
    for name in ("search", "show", "topics"):
        assert f"$ g7 {name}" in readme, f"README.md shows no output of `g7 {name}`"


# --- the upgrade from 0001 ------------------------------------------------------------------

def dump(path: Path, tables: list[str]) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as c:
        out = {t: sorted(map(tuple, c.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}
    c.close()
    return out


def test_a_0001_database_with_data_upgrades_with_nothing_lost(g7, tmp_path, monkeypatch):
    from g7cli import db, resources, store

    shipped = tmp_path / "migrations"
    shipped.mkdir()
    shutil.copy(resources.migrations_dir() / "0001_initial.sql", shipped)
    with monkeypatch.context() as m:
        # A database as g7 wrote it before 0002: no counterpart keys, no index.
        m.setattr(db, "migrations_dir", lambda: shipped)
        m.setattr(store, "_write_talk_keys", lambda *args: None)
        assert g7("ingest").exit_code == 0
    with sqlite3.connect(g7.db) as c:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'")]
        assert "documents_fts" not in tables
    c.close()
    before = dump(g7.db, tables)

    talks = g7.json("bilaterals", "--country", "イタリア")   # a query upgrades the database once
    after = dump(g7.db, tables)
    assert db.applied_migrations(sqlite3.connect(g7.db))[:2] == ["0001_initial", "0002_search_and_aliases"]
    for table in tables:
        if table in ("countries", "country_aliases"):
            # Every row kept; the whole gazetteer added.
            assert {r[0] for r in before[table]} <= {r[0] for r in after[table]}
            assert len(after[table]) > len(before[table])
        else:
            assert after[table] == before[table], table
    assert len(talks) == 4
    assert [r["document"] for r in g7.json("search", "Vestager")] == ["2024-verona-trento-digital-agency-en.txt"]
    assert len(g7.json("search", "会談")) >= 2
    assert len(g7.json("bilaterals", "--person", "Vestager")) == 1    # counterpart keys backfilled
    assert g7.json("themes", "--topic", "人工知能") == g7.json("themes", "--topic", "ai") != []
    # Opening it again changes nothing.
    snapshot = dump(g7.db, tables + ["topic_words", "bilateral_name_keys", "g7_meta"])
    assert g7("ingest").exit_code == 0
    assert dump(g7.db, tables + ["topic_words", "bilateral_name_keys", "g7_meta"]) == snapshot
