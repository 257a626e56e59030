"""The extraction bar, measured the way the hidden set is: ../shared/tools/score.py
driving the installed g7 over the seeds, the dev corpus and our own documents
(tests/corpus). A drop below the bar fails here before it lands."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, g7_executable

SCORE = SHARED / "tools" / "score.py"
OWN = [Path(__file__).parent / "corpus", Path(__file__).parent / "corpus_heldout"]
pytestmark = pytest.mark.skipif(not SCORE.is_file(), reason="../shared/tools/score.py not found")


def score(*folders: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, str(SCORE), *map(str, folders), "--g7", str(g7_executable()),
                           "--combined", "--show-misses"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    values = dict(re.findall(r"(\w+)=([\d./]+)", summary))
    ok, total = values.pop("merge").split("/")
    out = {k: float(v) for k, v in values.items()}
    out["merge_ok"], out["merge_total"] = int(ok), int(total)
    out["report"] = proc.stdout
    return out


def test_seeds_score_perfectly():
    s = score(SHARED / "seeds")
    assert s["mean_F1"] == 1.0, s["report"]
    assert s["merge_ok"] == s["merge_total"], s["report"]


def test_seeds_and_dev_corpus_meet_the_bar():
    s = score(SHARED / "seeds", SHARED / "corpus" / "dev")
    assert s["mean_F1"] >= 0.95, s["report"]
    for entity in ("meeting", "delegates", "participants", "themes", "bilaterals", "outcomes"):
        assert s[entity] >= 0.90, f"{entity}={s[entity]}\n{s['report']}"
    assert s["merge_ok"] == s["merge_total"], s["report"]


def test_own_documents_meet_the_bar():
    # Documents written for this project in layouts the seeds and dev corpus
    # do not show (corpus_heldout was written later, by someone who never
    # saw the extractor, to measure generalisation); the bar sits below the
    # other two because they are harder by design.
    s = score(*OWN)
    assert s["documents"] >= 20
    assert s["mean_F1"] >= 0.90, s["report"]
