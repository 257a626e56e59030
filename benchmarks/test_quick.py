"""The benchmarks still run: `python benchmarks/run.py --quick` exits 0 and
writes a report with every row and a verdict on each (how fast is not checked).

Part of `python -m pytest` (pyproject.toml lists benchmarks/ in testpaths), so CI runs it.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The ratio rows of a quick run (N = 50 and 200).
ROWS = [
    "meetings --year 2024 (tsv) / floor",
    "meetings --year 2024 (tsv) / sqlite-utils",
    "bilaterals --country Italy (tsv) / floor",
    "bilaterals --country Italy (tsv) / sqlite-utils",
    "--help / floor",
    "meetings table on a terminal / floor",
    "ingest N=50 / plain load",
    "ingest N=200 / plain load",
    "ingest time N=200 / N=50",
    "peak memory N=200 / N=50",
    "first ingest / unchanged re-ingest, N=50",
    "first ingest / unchanged re-ingest, N=200",
    "at scale: meetings --year 2024 (tsv), N=200 db / seeds db",
    "at scale: bilaterals --country Italy (tsv), N=200 db / seeds db",
    "at scale: meetings table on a terminal, N=200 db / seeds db",
    "at scale: delegates --delegate Hasegawa (tsv), N=200 db / seeds db",
]


def test_quick_benchmark_runs_and_reports_every_row(tmp_path):
    out = tmp_path / "RESULTS.md"
    r = subprocess.run([sys.executable, str(HERE / "run.py"), "--quick", "--out", str(out), "--tmp", str(tmp_path)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-4000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Ratios and the targets of issue 6", "## Ingest at scale", "## Profiles",
                    "## Commands"):
        assert heading in text
    for name in ROWS:
        m = re.search(r"^\| " + re.escape(name) + r" \| [^|]+ \| [\d.]+ x \| [≤≥] [\d.]+ x \| (met|\*\*not met\*\*) \|",
                      text, re.M)
        assert m, f"no row {name!r} with a ratio, a target and a verdict"
    for fact in ("nproc", "SQLite", "python", "date"):
        assert f"| {fact}" in text
    # Nothing is left behind in the work folder.
    assert not list(tmp_path.glob("g7-bench-*"))
