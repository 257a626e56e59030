"""The seeds' extraction, read back through the CLI, against ../shared/seeds/*.json.

Scored with ../shared/tools/score.py's own matching, so a pass here is a
pass there. Skipped where ../shared is not beside the repository.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import G7, SHARED, g7_executable
from g7cli.resources import seeds_dir

GOLD_DIR = SHARED / "seeds"
SCORE = SHARED / "tools" / "score.py"
pytestmark = pytest.mark.skipif(not (GOLD_DIR.is_dir() and SCORE.is_file()),
                                reason="../shared/seeds and ../shared/tools/score.py not found")


def load_score():
    spec = importlib.util.spec_from_file_location("g7_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_pairs() -> list[tuple[Path, dict]]:
    """(bundled seed, expected extraction): the seeds were renamed, so pair them by content."""
    if not GOLD_DIR.is_dir():
        return []
    bundled = {p.read_bytes(): p for p in seeds_dir().glob("*.txt")}
    pairs = []
    for txt in sorted(GOLD_DIR.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        pairs.append((bundled.get(txt.read_bytes()), gold))
    return pairs


def test_every_shared_seed_is_bundled():
    for seed, gold in gold_pairs():
        assert seed is not None, f"{gold['file']} has no identical file in seeds/"


@pytest.mark.parametrize("seed,gold", gold_pairs(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_seed_extraction_matches_gold(tmp_path, seed, gold):
    score = load_score()
    g7 = G7(tmp_path / "one.db")
    doc = tmp_path / gold["file"]          # the expected files name the original file
    doc.write_bytes(seed.read_bytes())
    result = g7("--db", g7.db, "ingest", doc)
    assert result.exit_code == 0, result.stderr
    got = {cmd: g7.json("--db", g7.db, cmd) for cmd in score.COMMANDS}
    tallies = {k: score.Tally() for k in ("meeting",) + score.COMMANDS[1:]}
    misses: list[str] = []
    score.score_doc(gold, got, tallies, misses)
    assert misses == []


def test_seeds_merge_as_expected_with_the_installed_g7():
    score = load_score()
    docs = [(GOLD_DIR / gold["file"], gold) for _, gold in gold_pairs()]
    report: list[str] = []
    ok, total = score.score_combined([g7_executable()], docs, report)
    assert (ok, total) == (total, total), report
