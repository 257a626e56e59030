"""g7 reextract (facts rebuilt from the stored texts) and g7 backup (a consistent copy)."""
from __future__ import annotations

import dataclasses
import hashlib
import sqlite3

import pytest

from g7cli import extract as extract_module
from g7cli.extract import extract as real_extract

QUERIES = ("meetings", "delegates", "participants", "themes", "bilaterals", "outcomes", "documents")


def answers(g7, db) -> dict:
    return {q: g7.json("--db", db, q) for q in QUERIES}


def facts(g7, db) -> dict:
    """The answers with talks and delegates as sets: a rebuild keeps meeting and
    document ids, but may renumber (and so reorder) merged talks and delegates."""
    import json

    out = answers(g7, db)
    for q in ("delegates", "bilaterals"):
        out[q] = sorted(json.dumps({k: v for k, v in row.items() if k != "id"}, ensure_ascii=False, sort_keys=True)
                        for row in out[q])
    return out


def old_rules(text: str):
    """An 'older g7': misses each document's last talk and names themes differently."""
    ex = real_extract(text)
    ex.bilaterals = ex.bilaterals[:-1]
    ex.themes = [dataclasses.replace(t, title=t.title.upper()) for t in ex.themes]
    return ex


@pytest.fixture
def old_db(g7, tmp_path, monkeypatch):
    """The seeds as an older g7 would have stored them, and the seeds as this one does."""
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    assert g7("--db", fresh, "ingest").exit_code == 0
    with monkeypatch.context() as m:
        m.setattr(extract_module, "extract", old_rules)
        assert g7("--db", old, "ingest").exit_code == 0
    return old, fresh


def test_reextract_rebuilds_every_fact_and_reports_what_changed(g7, old_db):
    old, fresh = old_db
    assert facts(g7, old) != facts(g7, fresh)
    result = g7("--db", old, "reextract")
    assert result.exit_code == 0, result.stderr
    changed = result.stdout.splitlines()
    # Every seed has talks and themes: each one changed, and says how.
    assert len(changed) == 5
    for line in changed:
        name, _, what = line.partition(": ")
        assert name.endswith(".txt")
        assert "bilaterals" in what and "(+1 -0)" in what.split("bilaterals")[1].split(";")[0]
    assert "documents: 5 re-extracted, 5 changed, 0 unchanged, 0 failed" in result.stderr
    assert "totals: bilaterals" in result.stderr
    assert facts(g7, old) == facts(g7, fresh)
    with sqlite3.connect(old) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()
    # A second run finds nothing to do and changes nothing, ids included.
    before = answers(g7, old)
    again = g7("--db", old, "reextract")
    assert again.exit_code == 0 and again.stdout == ""
    assert "documents: 5 re-extracted, 0 changed, 5 unchanged, 0 failed" in again.stderr
    assert "totals: unchanged" in again.stderr
    assert answers(g7, old) == before


def test_reextract_dry_run_changes_nothing(g7, old_db):
    old, _ = old_db
    before = answers(g7, old)
    result = g7("--db", old, "reextract", "--dry-run")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 5
    assert "5 would change" in result.stderr
    assert answers(g7, old) == before


def test_reextract_keeps_going_past_a_failing_document(g7, old_db, monkeypatch):
    old, _ = old_db

    def fragile(text):
        if "Verona" in text and "Kono" in text:
            raise RuntimeError("rule bug")
        return real_extract(text)

    monkeypatch.setattr(extract_module, "extract", fragile)
    result = g7("--db", old, "reextract")
    assert result.exit_code == 1
    failed = [l for l in result.stderr.splitlines() if "re-extraction failed" in l]
    assert len(failed) == 1 and "RuntimeError: rule bug" in failed[0]
    assert "documents: 5 re-extracted, 4 changed, 0 unchanged, 1 failed" in result.stderr
    assert "Traceback" not in result.output


def test_reextract_without_a_database(g7, tmp_path):
    result = g7("--db", tmp_path / "none.db", "reextract")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"g7: no database at {tmp_path / 'none.db'}; run `g7 ingest` first"
    assert not (tmp_path / "none.db").exists()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_a_complete_copy(seeded, tmp_path):
    dest = tmp_path / "copy.db"
    result = seeded("backup", dest)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"backup: {dest} (") and "5 documents" in result.stderr
    with sqlite3.connect(dest) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    c.close()
    assert not dest.with_name("copy.db-wal").exists()
    assert answers(seeded, dest) == answers(seeded, seeded.db)
    assert not list(tmp_path.glob(".copy.db.*"))     # no temporary file left behind


def test_backup_refuses_to_overwrite_unless_forced_and_names_a_file_in_a_folder(seeded, tmp_path):
    dest = tmp_path / "copy.db"
    dest.write_text("precious")
    result = seeded("backup", dest)
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert dest.read_text() == "precious"
    assert seeded("backup", dest, "--force").exit_code == 0
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"
    folder = tmp_path / "backups"
    folder.mkdir()
    assert seeded("backup", folder).exit_code == 0
    [made] = folder.glob("g7-*.db")
    assert answers(seeded, made) == answers(seeded, seeded.db)
    for bad in (seeded.db, tmp_path / "no" / "such" / "dir.db"):
        result = seeded("backup", bad)
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1


def test_backup_and_reextract_refuse_a_newer_database_untouched(seeded, tmp_path):
    with sqlite3.connect(seeded.db) as c:
        c.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('g7', '9999_future', 'x')")
    c.close()
    before = digest(seeded.db)
    for args in (["backup", tmp_path / "copy.db"], ["reextract"], ["reextract", "--dry-run"]):
        result = seeded(*args)
        assert result.exit_code == 1
        assert "newer g7" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert digest(seeded.db) == before
    assert not (tmp_path / "copy.db").exists()
