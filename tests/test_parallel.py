"""Extraction in worker processes (`g7 ingest --jobs N`).

The database must come out exactly as a one-at-a-time ingest leaves it, an
extraction bug or a dead worker must cost no document, and an interrupted
parallel ingest must stop promptly, leave no worker behind and leave every
document whole.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import g7cli.extract as extract_module
from conftest import SHARED, g7_executable, numbered_copies
from g7cli import ingest as ingest_module
from g7cli.resources import seeds_dir

# Workers are forked on Linux only (elsewhere they are spawned, and only for
# a hundred documents or more, and a patched extract would not reach them).
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")

REPO = Path(__file__).resolve().parents[1]
real_extract = extract_module.extract

# Columns that say when something was done, not what: they differ between any two runs.
WHEN = {"ingested_at", "applied_at"}


def dump(db: Path) -> dict[str, list]:
    """Every table's rows (timestamps left out), in a fixed order."""
    c = sqlite3.connect(db)
    try:
        out = {}
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            columns = [r[1] for r in c.execute(f"PRAGMA table_info({table})") if r[1] not in WHEN]
            out[table] = c.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2").fetchall()
        return out
    finally:
        c.close()


@pytest.fixture
def pool_starts(monkeypatch) -> list[bool]:
    """Whether each ingest of the test started its workers."""
    started: list[bool] = []
    start = ingest_module._Extractor._start

    def spy(self):
        ok = start(self)
        started.append(ok)
        return ok

    monkeypatch.setattr(ingest_module._Extractor, "_start", spy)
    return started


def copies(folder: Path, n: int) -> list[Path]:
    """n distinct documents: the seeds, each copy with a line of its own."""
    return numbered_copies(sorted(seeds_dir().glob("*.txt")), folder, n)


def test_parallel_ingest_gives_the_same_database_as_one_at_a_time(g7, tmp_path, pool_starts):
    dev = SHARED / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/corpus/dev not found")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    serial = g7("--db", one, "ingest", "-j", "1", seeds_dir(), dev)
    assert serial.exit_code == 0, serial.stderr
    assert pool_starts == []
    parallel = g7("--db", two, "ingest", "--jobs", "2", seeds_dir(), dev)
    assert parallel.exit_code == 0, parallel.stderr
    assert pool_starts == [True]
    assert parallel.stderr == serial.stderr
    assert dump(two) == dump(one)


def test_few_new_documents_start_no_workers(g7, tmp_path, pool_starts):
    docs = copies(tmp_path / "docs", ingest_module.PARALLEL_MIN_DOCUMENTS)
    assert g7("ingest", "-j", "2", *docs[:-1]).exit_code == 0          # one too few
    assert g7("ingest", "-j", "2", *docs).exit_code == 0               # all but one unchanged
    assert pool_starts == []
    assert len(g7.json("documents")) == len(docs)


def test_an_extraction_bug_in_a_worker_is_one_line_and_the_rest_are_stored(g7, tmp_path, monkeypatch,
                                                                            pool_starts):
    docs = copies(tmp_path / "docs", 12)

    def fragile(text):
        if "(Reference 6)" in text:
            raise ZeroDivisionError("a bug in a rule")
        return real_extract(text)

    # Patched before the workers are forked: they inherit it.
    monkeypatch.setattr(extract_module, "extract", fragile)
    result = g7("ingest", "-j", "2", tmp_path / "docs")
    assert pool_starts == [True]
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if not line.startswith(("documents:", "added:"))]
    assert problems == [f"{docs[6]}: extraction failed: ZeroDivisionError: a bug in a rule"]
    assert "11 added, 0 unchanged, 0 without a G7 meeting, 1 failed" in result.stderr
    assert sorted(d["file_name"] for d in g7.json("documents")) == sorted(d.name for d in docs if d != docs[6])
    debug = g7("--debug", "ingest", "-j", "2", "--db", tmp_path / "debug.db", tmp_path / "docs")
    assert debug.exit_code == 1
    assert debug.stderr.count("Traceback (most recent call last)") == 1
    assert "ZeroDivisionError: a bug in a rule" in debug.stderr


def test_a_worker_that_dies_loses_no_document(g7, tmp_path, monkeypatch, pool_starts):
    copies(tmp_path / "docs", 12)
    parent = os.getpid()

    def deadly(text):
        if "(Reference 5)" in text and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)     # as the kernel's out-of-memory killer would
        return real_extract(text)

    monkeypatch.setattr(extract_module, "extract", deadly)
    result = g7("ingest", "-j", "2", tmp_path / "docs")
    assert pool_starts == [True]
    assert result.exit_code == 0, result.stderr
    assert "12 added, 0 unchanged, 0 without a G7 meeting, 0 failed" in result.stderr
    assert "Traceback" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if not line.startswith(("documents:", "added:"))]
    assert len(notes) == 1 and "worker" in notes[0], result.stderr
    reference = tmp_path / "serial.db"
    monkeypatch.setattr(extract_module, "extract", real_extract)
    assert g7("--db", reference, "ingest", "-j", "1", tmp_path / "docs").exit_code == 0
    assert dump(g7.db) == dump(reference)


def test_jobs_must_not_be_negative(g7):
    result = g7("ingest", "--jobs", "-1")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


# --- a real process, interrupted or killed ---------------------------------------------------

N_GENERATED = 200


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "releases"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(N_GENERATED), str(folder)],
                   check=True, capture_output=True)
    return folder


def children(pid: int) -> set[int]:
    """The processes whose parent is pid (Linux /proc)."""
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            # pid (comm) state ppid ...: comm may hold spaces, so split after its ')'.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(entry))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def stored(db: Path) -> int:
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0


def spawn_ingest(folder: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1")
    # Its own session (so a signal to its group reaches only it and its workers),
    # with SIGINT at its default so that Python turns it into KeyboardInterrupt.
    return subprocess.Popen([g7_executable(), "ingest", "-j", "2", str(folder)], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def running_with_workers(proc: subprocess.Popen, db: Path, n: int = 10) -> set[int]:
    """Wait until n documents are stored; the workers' pids."""
    end = time.monotonic() + 120
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()[1]
        if stored(db) >= n:
            workers = children(proc.pid)
            if len(workers) >= 2:
                return workers
        time.sleep(0.02)
    raise AssertionError("timed out")


def gone(pids: set[int], timeout: float = 10) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def check_whole_and_finish(db: Path, folder: Path) -> None:
    c = sqlite3.connect(db)
    try:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        c.close()
    assert 0 < n < N_GENERATED, "the signal came too late to test anything"
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1")
    again = subprocess.run([g7_executable(), "ingest", "-j", "2", str(folder)], env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{N_GENERATED - n} added" in again.stderr and f"{n} unchanged" in again.stderr


@pytest.mark.parametrize("group", [False, True], ids=["parent", "process-group"])
def test_ctrl_c_stops_a_parallel_ingest_promptly_and_leaves_no_worker(generated, tmp_path, group):
    """SIGINT to the parent alone, or to the whole group as a terminal's Ctrl-C does."""
    db = tmp_path / "g7.db"
    proc = spawn_ingest(generated, db)
    try:
        workers = running_with_workers(proc, db)
        signalled = time.monotonic()
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - signalled
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert took < 5, f"took {took:.1f} s to stop"
    assert "g7: interrupted after" in err and "run the same command again" in err
    assert err.strip().splitlines()[-3].startswith("documents: ")
    assert "Traceback" not in err
    assert gone(workers)
    check_whole_and_finish(db, generated)


def test_workers_die_with_a_killed_parallel_ingest(generated, tmp_path):
    db = tmp_path / "g7.db"
    proc = spawn_ingest(generated, db)
    try:
        workers = running_with_workers(proc, db)
        os.kill(proc.pid, signal.SIGKILL)
        # communicate() returns only once every holder of its stdout and stderr is gone.
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert gone(workers)
    check_whole_and_finish(db, generated)
