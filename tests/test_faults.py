"""Nothing lost: real `g7` processes killed (SIGKILL, SIGINT, SIGTERM) at several
points of an ingest or a re-extraction, two ingests and a loop of queries at
once, a read-only database, a backup taken during an ingest.

Every child runs in its own session (start_new_session) with SIGINT restored
to its default disposition, and is signalled directly by pid: a child that
inherited an ignored SIGINT (as background jobs do) would prove nothing. Each
SIGINT test also checks that the child really was interrupted (exit 130,
"interrupted" on stderr) rather than running to completion.

After every fault: PRAGMA integrity_check is ok, foreign keys hold, no merged
row is left without a source, and every stored document has exactly the facts
a clean ingest of the same file gives (or is absent); then the same command
run again completes the job.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import g7_executable, numbered_copies
from g7cli.reextract import facts
from g7cli.resources import seeds_dir

REPO = Path(__file__).resolve().parents[1]
N_DOCS = 24
SEEDS = sorted(seeds_dir().glob("*.txt")) + sorted((REPO / "tests" / "corpus").glob("*.txt"))

# A g7 whose store pauses inside each document's transaction, after every fact
# is written and before COMMIT, writing the document's path to $G7_TEST_MARK:
# the test then knows it kills a transaction in flight.
PAUSING_G7 = """
import os, sys, time
from g7cli import store
_save_facts = store._save_facts
def pausing(conn, doc_id, ex, result):
    _save_facts(conn, doc_id, ex, result)
    path = conn.execute("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    with open(os.environ["G7_TEST_MARK"], "a", encoding="utf-8") as f:
        f.write(path + "\\n")
    time.sleep(float(os.environ.get("G7_TEST_PAUSE", "0.5")))
store._save_facts = pausing
from g7cli.entry import main
sys.argv = ["g7", *sys.argv[1:]]
main()
"""


def _child_setup():
    # The child's own session is start_new_session's; SIGINT back to default
    # so Python installs its KeyboardInterrupt handler even if ours ignores it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(args, db: Path, *, pausing: bool = False, mark: Path | None = None, pause: float = 0.5,
          stdin=subprocess.DEVNULL) -> subprocess.Popen:
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1", G7_TEST_PAUSE=str(pause))
    if mark is not None:
        env["G7_TEST_MARK"] = str(mark)
    cmd = [sys.executable, "-c", PAUSING_G7, *args] if pausing else [g7_executable(), *args]
    return subprocess.Popen(cmd, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=_child_setup)


def run(args, db: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1")
    return subprocess.run([g7_executable(), *args], env=env, capture_output=True, text=True, timeout=timeout)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0   # not created yet, or the schema not yet built


def wait_until(predicate, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll until predicate() or the process ends; True if predicate() came first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    raise AssertionError("timed out")


def make_docs(folder: Path, n: int = N_DOCS) -> list[Path]:
    """n distinct documents: the seeds and the test corpus, each copy with a line of its own."""
    return numbered_copies(SEEDS, folder, n)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The documents, and a reference database from one clean, uninterrupted ingest."""
    root = tmp_path_factory.mktemp("faults")
    docs = make_docs(root / "docs")
    ref = root / "reference.db"
    result = run(["ingest", str(root / "docs")], ref)
    assert result.returncode == 0, result.stderr
    return root / "docs", docs, ref


def by_path(db: Path) -> dict[str, dict]:
    c = sqlite3.connect(db)
    try:
        return {path: facts(c, doc_id) for doc_id, path in c.execute("SELECT id, path FROM documents")}
    finally:
        c.close()


def check_consistent(db: Path, ref: Path) -> int:
    """Integrity, foreign keys, no orphans, every stored document complete. Returns how many are stored."""
    if not db.exists():
        return 0
    c = sqlite3.connect(db)
    try:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        if not c.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return 0   # killed before the schema was committed: nothing there, nothing half-built
        for sql in ("SELECT count(*) FROM meetings WHERE id NOT IN (SELECT meeting_id FROM meeting_documents)",
                    "SELECT count(*) FROM delegates WHERE id NOT IN (SELECT delegate_id FROM delegate_sources)",
                    "SELECT count(*) FROM bilaterals WHERE id NOT IN (SELECT bilateral_id FROM bilateral_sources)"):
            assert c.execute(sql).fetchone()[0] == 0, sql
    finally:
        c.close()
    got, expected = by_path(db), by_path(ref)
    for path, doc_facts in got.items():
        assert doc_facts == expected[path], f"{path} is not complete"
    return len(got)


MERGED = {
    "meetings": "SELECT title, titles, year, start_date, end_date, host_country_code, virtual FROM meetings",
    "delegates": "SELECT m.title, d.name, d.names, d.role, d.role_key, d.country_code "
                 "FROM delegates d JOIN meetings m ON m.id = d.meeting_id",
    "bilaterals": "SELECT m.title, b.delegate, b.counterpart, b.counterpart_role, b.country_code, b.date, b.kind "
                  "FROM bilaterals b JOIN meetings m ON m.id = b.meeting_id",
}


def merged(db: Path) -> dict[str, list]:
    """The merged rows, without their ids (which follow the order documents came in)."""
    c = sqlite3.connect(db)
    try:
        return {k: sorted(map(tuple, c.execute(sql)), key=repr) for k, sql in MERGED.items()}
    finally:
        c.close()


def check_complete(db: Path, ref: Path) -> None:
    assert check_consistent(db, ref) == N_DOCS
    assert merged(db) == merged(ref)
    q = run(["meetings", "--format", "json"], db)
    assert q.returncode == 0 and len(json.loads(q.stdout)) == len(merged(ref)["meetings"])


# --- kills at several points of a real ingest ------------------------------------------------

# (signal, documents stored before the signal; None: as soon as the database file appears,
# i.e. during start-up or the migrations)
KILL_POINTS = [
    (signal.SIGKILL, None), (signal.SIGKILL, 1), (signal.SIGKILL, N_DOCS // 3), (signal.SIGKILL, N_DOCS - 3),
    (signal.SIGINT, None), (signal.SIGINT, 2), (signal.SIGINT, N_DOCS // 2),
    (signal.SIGTERM, 3), (signal.SIGTERM, 2 * N_DOCS // 3),
]


@pytest.mark.parametrize("sig,after", KILL_POINTS, ids=lambda v: getattr(v, "name", str(v)))
def test_a_killed_ingest_leaves_every_document_whole_and_rerunning_completes_it(corpus, tmp_path, sig, after):
    folder, _, ref = corpus
    db = tmp_path / "g7.db"
    proc = spawn(["ingest", str(folder)], db)
    try:
        condition = (lambda: db.exists()) if after is None else (lambda: stored(db) >= after)
        fired = wait_until(condition, proc)
        assert fired, f"ingest ended before the signal point: {proc.communicate()[1]}"
        os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    elif after is not None:
        # Really interrupted, with its summary and one line, no traceback.
        assert proc.returncode == 130, err
        assert "g7: interrupted after" in err and "run the same command again" in err
        assert "Traceback" not in err
        assert err.strip().splitlines()[-3].startswith("documents: ")
    else:
        # During start-up or the migrations: interrupted there (130, one line),
        # or killed by the signal itself if Python had not yet set up its handler.
        assert proc.returncode in (130, -sig), err
        assert "Traceback" not in err
    n = check_consistent(db, ref)
    assert n < N_DOCS, "the signal came too late to test anything"
    again = run(["ingest", str(folder)], db)
    assert again.returncode == 0, again.stderr
    assert f"{n} unchanged" in again.stderr
    check_complete(db, ref)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_kill_inside_a_transaction_rolls_that_document_back(corpus, tmp_path, sig):
    folder, _, ref = corpus
    db = tmp_path / "g7.db"
    mark = tmp_path / "mark"
    proc = spawn(["ingest", str(folder)], db, pausing=True, mark=mark, pause=1.0)
    try:
        in_flight = lambda: mark.exists() and len(mark.read_text().splitlines()) >= 4
        assert wait_until(in_flight, proc)
        os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL), err
    killed_in = mark.read_text().splitlines()[-1]
    stored_now = by_path(db)
    assert killed_in not in stored_now                # its facts were all written, then rolled back
    assert len(stored_now) >= 3
    check_consistent(db, ref)
    assert run(["ingest", str(folder)], db).returncode == 0
    check_complete(db, ref)


def test_a_kill_while_replacing_a_changed_file_keeps_the_old_version(corpus, tmp_path):
    folder, docs, ref = corpus
    db = tmp_path / "g7.db"
    shutil.copy(ref, db)
    target = next(d for d in docs if "2024-verona-trento-mic-ja" in d.name)
    old_facts = by_path(db)[str(target.resolve())]
    changed = tmp_path / "changed"
    changed.mkdir()
    new_version = changed / target.name
    text = target.read_text(encoding="utf-8")
    # The release as corrected: one talk fewer, a note added.
    new_version.write_text(text.replace("、フェラーリ", "").replace("(Reference", "(訂正) (Reference"), encoding="utf-8")
    shutil.copy(new_version, target)          # same path, new content
    try:
        mark = tmp_path / "mark"
        proc = spawn(["ingest", str(target)], db, pausing=True, mark=mark, pause=5)
        assert wait_until(lambda: mark.exists() and mark.read_text(), proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        assert by_path(db)[str(target.resolve())] == old_facts     # the old version, whole
        check_consistent(db, ref)
        result = run(["ingest", str(target)], db)
        assert result.returncode == 0 and "1 added (1 replaced)" in result.stderr
        fresh = tmp_path / "fresh.db"
        assert run(["ingest", str(target)], fresh).returncode == 0
        assert by_path(db)[str(target.resolve())] == by_path(fresh)[str(target.resolve())]
    finally:
        target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_reextract_leaves_each_document_old_or_new(corpus, tmp_path, sig):
    """A database written by an 'older g7' (a pausing child with other rules is
    overkill: the reference's facts are tampered instead), re-extracted, killed."""
    folder, _, ref = corpus
    db = tmp_path / "g7.db"
    shutil.copy(ref, db)
    with sqlite3.connect(db) as c:
        # What older rules had: every theme title in capitals.
        c.execute("UPDATE themes SET title = upper(title)")
    c.close()
    old = by_path(db)
    proc = spawn(["reextract"], db)
    try:
        # Wait until some documents are redone, then kill.
        redone = lambda: sum(1 for p, f in by_path(db).items() if f != old[p]) >= 3
        assert wait_until(redone, proc)
        os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    if sig == signal.SIGTERM:
        assert proc.returncode == 130 and "g7: interrupted; every document is either as it was" in err, err
        assert "Traceback" not in err
    new = by_path(ref)
    states = {p: ("old" if f == old[p] else "new" if f == new[p] else "mixed") for p, f in by_path(db).items()}
    assert "mixed" not in states.values()
    assert list(states.values()).count("new") >= 3
    result = run(["reextract"], db)
    assert result.returncode == 0, result.stderr
    check_complete(db, ref)


# --- concurrency ---------------------------------------------------------------------------

QUERY_LOOP = [["meetings", "--format", "json"], ["bilaterals", "--country", "Italy", "--format", "json"],
              ["delegates", "--format", "json"], ["documents", "--format", "json"], ["info", "--format", "json"]]


@pytest.mark.parametrize("fresh", [False, True], ids=["existing-db", "fresh-db"])
def test_two_ingests_and_a_loop_of_queries_all_succeed(corpus, tmp_path, fresh):
    folder, docs, ref = corpus
    db = tmp_path / "g7.db"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    # Overlapping halves: the middle third is in both, so both race to store it.
    for i, d in enumerate(docs):
        if i < 2 * N_DOCS // 3:
            shutil.copy(d, a / d.name)
        if i >= N_DOCS // 3:
            shutil.copy(d, b / d.name)
    if not fresh:
        assert run(["ingest", str(docs[0])], db).returncode == 0
    procs = [spawn(["ingest", str(a)], db), spawn(["ingest", str(b)], db)]
    queries = 0
    try:
        while any(p.poll() is None for p in procs):
            if not db.exists() or stored(db) == 0:
                time.sleep(0.05)
                continue
            for args in QUERY_LOOP:
                q = run(args, db, timeout=120)
                assert q.returncode == 0, (args, q.stderr)
                json.loads(q.stdout)
                queries += 1
        outs = [p.communicate(timeout=300) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "failed" in err and " 0 failed" in err
    assert queries >= len(QUERY_LOOP)
    # The same documents (by content) as the reference; paths differ (two folders).
    c = sqlite3.connect(db)
    shas = {r[0] for r in c.execute("SELECT sha256 FROM documents")}
    assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    c.close()
    r = sqlite3.connect(ref)
    assert shas == {row[0] for row in r.execute("SELECT sha256 FROM documents")}
    r.close()


def test_a_backup_during_an_ingest_is_consistent(corpus, tmp_path):
    folder, _, ref = corpus
    db = tmp_path / "g7.db"
    proc = spawn(["ingest", str(folder)], db)
    copies = []
    try:
        for k, point in enumerate((3, N_DOCS // 2)):
            if not wait_until(lambda: stored(db) >= point, proc):
                break
            dest = tmp_path / f"copy{k}.db"
            result = run(["backup", str(dest)], db)
            assert result.returncode == 0, result.stderr
            copies.append(dest)
        assert proc.wait(timeout=300) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert copies
    for dest in copies:
        n = check_consistent(dest, ref)
        assert 0 < n <= N_DOCS


# --- a database this user cannot write -----------------------------------------------------

def unprivileged_prefix(tmp_path: Path) -> list[str]:
    """A command prefix that runs g7 without the power to ignore file permissions.

    Root ignores chmod; `unshare --user` runs a command as root of a new user
    namespace, which has no power over the files outside it."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        if os.geteuid() != 0:
            return []
        if shutil.which("unshare"):
            try:
                r = subprocess.run(["unshare", "--user", "sh", "-c", f"echo y >> {probe}"], capture_output=True,
                                   timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                r = None
            if r is not None and r.returncode != 0 and probe.read_text() == "x":
                return ["unshare", "--user"]
        pytest.skip("running as root without a way to drop the power to write read-only files")
    finally:
        probe.chmod(0o644)


def run_as(prefix, args, db: Path, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, G7_DB=str(db), NO_COLOR="1")
    return subprocess.run([*prefix, g7_executable(), *args], env=env, capture_output=True, text=True,
                          timeout=300, **kw)


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_a_read_only_database_answers_queries_and_refuses_ingest(seeded_db, tmp_path, folder_too):
    prefix = unprivileged_prefix(tmp_path)
    home = tmp_path / "ro"
    home.mkdir()
    db = home / "g7.db"
    shutil.copy(seeded_db, db)
    expected = {tuple(a): run(a, db).stdout for a in QUERY_LOOP[:4]}
    db.chmod(0o444)
    if folder_too:
        home.chmod(0o555)
    before = db.read_bytes()
    try:
        for args in QUERY_LOOP[:4]:
            q = run_as(prefix, args, db)
            assert q.returncode == 0, q.stderr
            assert q.stdout == expected[tuple(args)]
        for args in (["ingest", str(SEEDS[-1])], ["reextract"]):
            r = run_as(prefix, args, db)
            assert r.returncode == 1
            line = r.stderr.strip()
            assert line.count("\n") == 0, r.stderr
            assert line.startswith(f"g7: cannot write the database at {db}: the file is read-only")
            assert "queries still work" in line
        # A backup only reads: it works from a read-only database.
        out = tmp_path / "copy.db"
        b = run_as(prefix, ["backup", str(out)], db)
        assert b.returncode == 0, b.stderr
        assert db.read_bytes() == before
    finally:
        home.chmod(0o755)
        db.chmod(0o644)


def test_unreadable_files_and_folders_are_reported_and_the_rest_go_in(tmp_path):
    prefix = unprivileged_prefix(tmp_path)
    docs = tmp_path / "docs"
    make_docs(docs, 3)
    secret = docs / "000-secret.txt"
    secret.write_text("G7 secret", encoding="utf-8")
    secret.chmod(0o000)
    locked = docs / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("G7 x", encoding="utf-8")
    locked.chmod(0o000)
    db = tmp_path / "g7.db"
    try:
        r = run_as(prefix, ["ingest", str(docs)], db)
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert f"{secret}: cannot read: Permission denied" in lines
    assert f"{locked}: cannot read folder: Permission denied" in lines
    assert "documents: 3 added, 0 unchanged, 0 without a G7 meeting, 2 failed" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_read_only_older_database_says_how_to_read_it(tmp_path, monkeypatch):
    from g7cli import db as database, resources

    prefix = unprivileged_prefix(tmp_path)
    shipped = tmp_path / "migrations"
    shipped.mkdir()
    shutil.copy(sorted(resources.migrations_dir().glob("0001_*.sql"))[0], shipped)
    old = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(database, "migrations_dir", lambda: shipped)
        database.open_write(old).close()
    old.chmod(0o444)
    before = old.read_bytes()
    try:
        q = run_as(prefix, ["meetings"], old)
        assert q.returncode == 1
        assert q.stderr.strip().count("\n") == 0
        assert "needs upgrading once, but it is read-only" in q.stderr and "g7 backup COPY" in q.stderr
        copy = tmp_path / "copy.db"
        assert run_as(prefix, ["backup", str(copy)], old).returncode == 0
        assert old.read_bytes() == before
    finally:
        old.chmod(0o644)
    assert run(["meetings"], copy).returncode == 0     # the copy upgrades and answers
