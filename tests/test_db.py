"""Migrations: a blank database to the latest schema, an older one upgraded,
a newer or foreign one refused untouched."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from g7cli import db, resources
from g7cli.errors import G7Error


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(path) -> set[str]:
    with sqlite3.connect(path) as c:
        return {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_blank_database_gets_every_migration(tmp_path):
    path = tmp_path / "new" / "g7.db"   # the folder is created too
    db.open_write(path).close()
    conn = db.open_read(path)
    assert db.applied_migrations(conn) == db.known_migrations()
    assert db.schema_version(conn) == len(db.migration_files()) >= 1
    conn.close()
    assert {"documents", "meetings", "meeting_documents", "delegates", "delegate_sources", "participants",
            "themes", "theme_topics", "bilaterals", "bilateral_sources", "outcomes"} <= tables(path)


def test_database_settings(tmp_path):
    database = db.open_write(tmp_path / "g7.db")
    c = database.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    database.close()


def test_every_filtered_column_has_an_index(tmp_path):
    db.open_write(tmp_path / "g7.db").close()
    with sqlite3.connect(tmp_path / "g7.db") as c:
        indexed = set()
        for (table,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for idx in c.execute(f"PRAGMA index_list({table})").fetchall():
                first = c.execute(f"PRAGMA index_info({idx[1]})").fetchone()
                indexed.add((table, first[2]))
    for needed in [("meetings", "year"), ("meetings", "host_country_code"), ("participants", "code"),
                   ("bilaterals", "country_code"), ("theme_topics", "topic"), ("delegate_name_keys", "key"),
                   ("country_aliases", "alias"), ("delegates", "meeting_id"), ("bilaterals", "meeting_id"),
                   ("themes", "meeting_id"), ("outcomes", "meeting_id"), ("documents", "sha256"),
                   ("documents", "path"), ("meeting_documents", "year")]:
        assert needed in indexed, needed


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "g7.db"
    db.open_write(path).close()
    db.open_write(path).close()
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(db.migration_files())


def test_an_older_database_is_upgraded_in_place(tmp_path, monkeypatch):
    # Build a database with the shipped migrations, holding data, then ship
    # one more migration and open it again.
    shipped = tmp_path / "migrations"
    shutil.copytree(resources.migrations_dir(), shipped)
    monkeypatch.setattr(db, "migrations_dir", lambda: shipped)
    path = tmp_path / "g7.db"
    database = db.open_write(path)
    # (countries already holds the whole gazetteer: add a code of our own)
    database.conn.execute("INSERT INTO countries(code, name) VALUES ('XT', 'Testland')")
    database.conn.commit()
    database.close()
    before = len(db.known_migrations())
    (shipped / "9001_test_extra.sql").write_text(
        "-- a later migration\nALTER TABLE countries ADD COLUMN note TEXT DEFAULT 'x';\n"
        "CREATE INDEX countries_note ON countries(note);\n", encoding="utf-8")
    conn = db.open_read(path)   # a query upgrades an older database once
    assert db.schema_version(conn) == before + 1
    assert [tuple(r) for r in conn.execute("SELECT code, name, note FROM countries WHERE code = 'XT'")] == [
        ("XT", "Testland", "x")]
    conn.close()


def test_a_failing_migration_leaves_the_previous_schema(tmp_path, monkeypatch):
    shipped = tmp_path / "migrations"
    shutil.copytree(resources.migrations_dir(), shipped)
    monkeypatch.setattr(db, "migrations_dir", lambda: shipped)
    path = tmp_path / "g7.db"
    db.open_write(path).close()
    (shipped / "9001_broken.sql").write_text(
        "CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);\n", encoding="utf-8")
    with pytest.raises(G7Error):
        db.open_write(path)
    assert "half_done" not in tables(path)
    with sqlite3.connect(path) as c:
        names = [r[0] for r in c.execute("SELECT name FROM _sqlite_migrations")]
    assert "9001_broken" not in names


def test_a_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "g7.db"
    db.open_write(path).close()
    c = sqlite3.connect(path)
    c.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
              "VALUES ('g7', '9999_from_the_future', 'then')")
    c.commit()
    # In rollback-journal mode any change at all (even the switch to WAL) shows in the file.
    c.execute("PRAGMA journal_mode=DELETE")
    c.close()
    before = digest(path)
    for opener in (db.open_write, db.open_read):
        with pytest.raises(G7Error, match="newer g7"):
            opener(path)
    assert digest(path) == before
    assert not (tmp_path / "g7.db-wal").exists()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE mine (x)")
    before = digest(path)
    with pytest.raises(G7Error, match="not a g7 database"):
        db.open_write(path)
    assert digest(path) == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just text, not a database\n" * 100)
    before = digest(path)
    with pytest.raises(G7Error):
        db.open_write(path)
    assert digest(path) == before


def test_statements_split_on_complete_statements_only():
    sql = "-- c\nCREATE TABLE a (x TEXT DEFAULT 'a;b');\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\nEND;\n"
    assert len(db._statements(sql)) == 2


def test_a_query_does_not_build_a_schema_in_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(G7Error, match="run `g7 ingest` first"):
        db.open_read(path)
    assert path.read_bytes() == b""
