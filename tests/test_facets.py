"""g7 stats, g7 people and g7 graph, and the database as Datasette and sqlite-utils see it.

Whole outputs on the seeds plus ../shared/corpus/dev are compared with the
files in tests/expected/. When a change to extraction or merging changes them
on purpose, rewrite them with

    G7_UPDATE_EXPECTED=1 python -m pytest tests/test_facets.py

and read the diff (`git diff tests/expected`) before committing it.
"""
from __future__ import annotations

import asyncio
import csv
import difflib
import io
import json
import os
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO, SHARED, G7

EXPECTED = Path(__file__).parent / "expected"
DEV = SHARED / "corpus" / "dev"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
NEW_COMMANDS = ["stats", "people", "graph"]


def run(g7: G7, *args: str) -> str:
    result = g7(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def matches_expected(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("G7_UPDATE_EXPECTED"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"expected/{name}", "actual", n=2))
        pytest.fail(f"output differs from tests/expected/{name} "
                    f"(G7_UPDATE_EXPECTED=1 rewrites it):\n{diff[:6000]}")


# --- whole outputs on the seeds + dev corpus ---------------------------------------

@pytest.mark.parametrize("by", ["year", "country", "topic", "delegate", "publisher"])
def test_stats_whole_output(both, by):
    matches_expected(f"stats-{by}.json", run(both, "stats", "--by", by, "--format", "json"))


def test_people_whole_output(both):
    matches_expected("people.json", run(both, "people", "--format", "json"))


@pytest.mark.parametrize("nodes,fmt,ext", [("people", "dot", "dot"), ("people", "json", "json"),
                                           ("countries", "graphml", "graphml"), ("countries", "dot", "dot")])
def test_graph_whole_output(both, nodes, fmt, ext):
    matches_expected(f"graph-{nodes}.{ext}", run(both, "graph", "--nodes", nodes, "--format", fmt))


# --- stats -------------------------------------------------------------------------------

def count(g7: G7, command: str, *args: str) -> int:
    return len(g7.json(command, *args))


def test_stats_by_year_is_a_timeline_of_what_the_list_commands_print(both):
    rows = both.json("stats", "--by", "year")
    years = [r["year"] for r in rows]
    assert years == list(range(years[0], years[-1] + 1))      # every year, in order
    assert {2019, 2020} <= {r["year"] for r in rows if r["meetings"] == 0}   # gaps shown as zeros
    for r in rows:
        y = str(r["year"])
        assert r["meetings"] == count(both, "meetings", "--year", y), y
        assert r["talks"] == count(both, "bilaterals", "--year", y), y
        assert r["themes"] == count(both, "themes", "--year", y), y


def test_stats_by_country_and_topic_match_the_filters(both):
    for r in both.json("stats", "--by", "country"):
        code = r["country"]
        assert r["meetings"] == count(both, "meetings", "--country", code), code
        assert r["talks"] == count(both, "bilaterals", "--country", code), code
        assert r["themes"] == count(both, "themes", "--country", code), code
    for r in both.json("stats", "--by", "topic"):
        tag = r["topic"]
        assert r["meetings"] == count(both, "meetings", "--topic", tag), tag
        assert r["themes"] == count(both, "themes", "--topic", tag), tag


def test_stats_by_delegate_counts_one_person_across_meetings(both):
    rows = {r["delegate"]: r for r in both.json("stats", "--by", "delegate")}
    kono = next(r for name, r in rows.items() if "Kono" in name)
    assert kono["meetings"] == 2                       # 2023 Takasaki (河野太郎) and 2024 Verona (Kono / 河野)
    assert kono["talks"] == count(both, "bilaterals", "--delegate", "Kono")


def test_stats_by_publisher_counts_documents(both):
    rows = both.json("stats", "--by", "publisher")
    assert sum(r["documents"] for r in rows) == count(both, "documents")


def test_stats_table_draws_bars_in_year_order(both):
    out = run(both, "stats", "--by", "year", "--format", "table")
    assert "█" in out and "\x1b[" not in out
    years = [int(y) for y in re.findall(r"^│ (\d{4}) ", out, re.M)]
    assert years == sorted(years) and 2019 in years
    line_2024 = next(l for l in out.splitlines() if l.startswith("│ 2024 "))
    line_2023 = next(l for l in out.splitlines() if l.startswith("│ 2023 "))
    assert line_2024.count("█") > line_2023.count("█")   # 12 talks draw longer than 1


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv"])
@pytest.mark.parametrize("command", [["stats"], ["stats", "--by", "country"], ["people"]])
def test_stats_and_people_in_every_format(seeded, command, fmt):
    out = run(seeded, *command, "--format", fmt)
    assert out.strip()
    if fmt == "json":
        assert json.loads(out)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    else:
        assert "\x1b[" not in out


def test_stats_tsv_is_the_default_in_a_pipe(seeded):
    out = run(seeded, "stats")
    assert out.splitlines()[0].split("\t") == ["year", "meetings", "talks", "themes"]
    assert "█" not in out


# --- people ------------------------------------------------------------------------------

def test_people_groups_spellings_across_meetings_and_languages(both):
    people = both.json("people")
    kono = [p for p in people if "Kono" in p["names_en"]]
    assert len(kono) == 1
    assert kono[0]["kind"] == "delegate" and kono[0]["country_code"] == "JP"
    assert {"河野", "河野太郎"} <= set(kono[0]["names_ja"])
    assert [r[:4] for r in kono[0]["roles"]] == ["2023", "2024"]
    assert kono[0]["meetings"] == ["2023 Takasaki", "2024 Verona"]
    wissing = [p for p in people if "ヴィッシング" in p["names_ja"]]
    assert len(wissing) == 1 and wissing[0]["kind"] == "counterpart" and wissing[0]["country_code"] == "DE"
    assert "フォルカー・ヴィッシング" in wissing[0]["names_ja"] and wissing[0]["talks"] == 2
    # Every named counterpart of every talk is someone's row.
    talks = both.json("bilaterals")
    assert sum(p["talks"] for p in people if p["kind"] == "counterpart") == \
        sum(1 for t in talks if t["counterpart"])


def test_person_option_in_either_script(both):
    kono = both.json("people", "--person", "Kono")
    assert len(kono) == 1
    for spelling in ("kono", "河野", "河野太郎"):
        assert both.json("people", "--person", spelling) == kono, spelling
    vestager = both.json("people", "--person", "Vestager")
    assert len(vestager) == 1 and both.json("people", "--person", "ヴェステアー") == vestager
    assert both.json("people", "--person", "Nobody Known") == []
    assert both("people", "--person", " ").exit_code == 2


# --- graph -------------------------------------------------------------------------------

def test_graph_graphml_is_valid_and_weighted_by_talks(both):
    out = run(both, "graph", "--format", "graphml")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == GRAPHML + "graphml"
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    graph = root.find(GRAPHML + "graph")
    assert graph.get("edgedefault") == "undirected"
    nodes = {n.get("id") for n in graph.iter(GRAPHML + "node")}
    edges = list(graph.iter(GRAPHML + "edge"))
    assert edges and all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    weight_key = next(k for k, name in keys.items() if name == "weight")
    weights = [float(d.text) for e in edges for d in e if d.get("key") == weight_key]
    named = [t for t in both.json("bilaterals")]
    assert sum(weights) == len(named)


def test_graph_json_follows_the_filters(both):
    doc = json.loads(run(both, "graph", "--year", "2024", "--country", "Italy", "--format", "json"))
    talks = both.json("bilaterals", "--year", "2024", "--country", "Italy")
    assert sum(link["weight"] for link in doc["links"]) == len(talks) == 3
    assert all(link["meetings"] == ["2024 Verona"] for link in doc["links"])
    ids = {n["id"] for n in doc["nodes"]}
    assert all(link["source"] in ids and link["target"] in ids for link in doc["links"])
    countries = json.loads(run(both, "graph", "--nodes", "countries", "--country", "IT", "--format", "json"))
    assert [(l["source"], l["target"], l["weight"]) for l in countries["links"]] == [("JP", "IT", 4)]
    assert countries["links"][0]["label"] == "2017 Turin, 2024 Verona"


def test_graph_dot_by_default(seeded):
    out = run(seeded, "graph")
    assert out.startswith("graph g7 {") and out.rstrip().endswith("}")
    assert out.count(" -- ") == len({(t["delegate"], t["counterpart"]) for t in seeded.json("bilaterals")})


@pytest.mark.parametrize("args", [["graph", "--format", "png"], ["graph", "--nodes", "cities"],
                                  ["stats", "--by", "city"], ["graph", "--year", "20x4"]])
def test_bad_values_exit_2(seeded, args):
    result = seeded(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


# --- help and README ---------------------------------------------------------------

@pytest.mark.parametrize("command", NEW_COMMANDS)
def test_new_commands_have_help_with_an_example(g7, command):
    result = g7(command, "--help")
    assert result.exit_code == 0
    assert f"g7 {command}" in result.stdout.split("Examples:")[1]


def test_readme_shows_the_new_commands_and_the_ci_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in NEW_COMMANDS:
        assert f"| `g7 {name}" in readme, f"README.md's table does not list `g7 {name}`"
        assert f"$ g7 {name}" in readme, f"README.md shows no output of `g7 {name}`"
    assert "datasette \"$(g7 info --path)\"" in readme
    assert re.search(r"!\[[^\]]*\]\(docs/seeds-graph\.png\)", readme)
    assert (REPO / "docs" / "seeds-graph.png").is_file()
    # README's test command and .ci/run install the same extras.
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    extras = re.findall(r"pip install (?:--quiet )?-e '\.\[([^\]]*)\]'", ci)
    readme_extras = re.findall(r"pip install -e '\.\[([^\]]*)\]' && python -m pytest", readme)
    assert extras and readme_extras and set(readme_extras) == set(extras)


@pytest.mark.parametrize("args,allowed", [
    (["stats", "--format", "tsv"], set()),
    (["stats", "--by", "country", "--format", "json"], set()),
    # matching names across scripts (jaconv) is what people and graph are for
    (["people", "--format", "tsv"], {"jaconv"}),
    (["graph", "--format", "dot"], {"jaconv"}),
    (["stats", "--format", "table"], set()),
])
def test_new_commands_stay_lean(seeded_db, args, allowed):
    from test_installed import imported

    # typer parses these (only the list commands skip it: test_installed).
    assert imported(args, seeded_db) - {"typer"} <= allowed


# --- the database in its ecosystem -------------------------------------------------------

def test_views_answer_the_main_questions(seeded):
    with sqlite3.connect(seeded.db) as c:
        views = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        assert {"talks_with_meetings", "meetings_with_documents", "delegates_with_meetings"} <= views
        italy = c.execute("SELECT year, counterpart, country FROM talks_with_meetings "
                          "WHERE country_code = 'IT' ORDER BY talk_id").fetchall()
        assert len(italy) == 4 and {r[2] for r in italy} == {"Italy"}
        verona = c.execute("SELECT document_count, documents, cities, talks FROM meetings_with_documents "
                           "WHERE year = 2024").fetchone()
        assert verona[0] == 3 and verona[1].count("; ") == 2 and verona[2] == "Verona; Trento"
        assert verona[3] == 12
        assert c.execute("SELECT count(*) FROM delegates_with_meetings").fetchone()[0] == \
            c.execute("SELECT count(*) FROM delegates").fetchone()[0]
        # every foreign key declared is honoured
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("SELECT count(*) FROM pragma_foreign_key_list('bilaterals')").fetchone()[0] >= 2
    c.close()


def test_sqlite_utils_sees_tables_views_and_foreign_keys(seeded):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(seeded.db)
    assert "talks_with_meetings" in db.view_names()
    assert {fk.other_table for fk in db["bilaterals"].foreign_keys} >= {"meetings", "delegates"}
    assert db["talks_with_meetings"].count == 22
    db.close()


def test_datasette_reads_a_table_and_a_view_as_json(seeded):
    datasette_app = pytest.importorskip("datasette.app")

    async def fetch():
        ds = datasette_app.Datasette([str(seeded.db)])
        name = seeded.db.stem
        table = await ds.client.get(f"/{name}/meetings.json?_shape=array")
        view = await ds.client.get(f"/{name}/talks_with_meetings.json?_shape=array&country_code=IT")
        return table, view

    table, view = asyncio.run(fetch())
    assert table.status_code == 200 and view.status_code == 200
    assert sorted(m["year"] for m in table.json()) == [2017, 2024, 2025]
    talks = view.json()
    assert len(talks) == 4 and {t["country"] for t in talks} == {"Italy"}
    assert {t["year"] for t in talks} == {2017, 2024}
