"""Upgrades: a database at every earlier schema version, holding real data, is
upgraded with nothing lost; a database from a newer g7 is refused untouched by
every command.

The old databases are built from the migration files as they were (the first
N of migrations/), and filled with real rows: the seeds ingested by this g7,
copied column by column into every table the old schema has (so the test
needs no old copy of g7, and follows along as migrations are added).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from g7cli import db, resources

ALL = sorted(resources.migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))
QUERIES = ("meetings", "delegates", "participants", "themes", "bilaterals", "outcomes", "documents")


def plain_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding rows of their own: not SQLite's, not the migrations record,
    not virtual (FTS) tables or their shadow tables (the triggers fill those)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return sorted(n for n, _ in rows if not n.startswith("sqlite_") and n != db.MIGRATIONS_TABLE
                  and n not in virtual and not any(n.startswith(v + "_") for v in virtual))


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def dump(path: Path, tables: dict[str, list[str]]) -> dict[str, list]:
    c = sqlite3.connect(path)
    try:
        return {t: sorted((tuple(r) for r in c.execute(f'SELECT {", ".join(cols)} FROM "{t}"')), key=repr)
                for t, cols in tables.items()}
    finally:
        c.close()


@pytest.fixture(scope="module")
def current(tmp_path_factory):
    """The seeds in a database at the latest schema, and its answers."""
    from typer.testing import CliRunner
    from g7cli.cli import app

    path = tmp_path_factory.mktemp("current") / "g7.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(path), "ingest"]).exit_code == 0
    answers = {q: json.loads(runner.invoke(app, ["--db", str(path), q, "--format", "json"]).stdout)
               for q in QUERIES}
    return path, answers


@pytest.mark.parametrize("version", range(1, len(ALL)), ids=lambda n: f"from-{ALL[n - 1].stem}")
def test_an_older_database_with_real_data_upgrades_with_nothing_lost(g7, current, tmp_path, monkeypatch, version):
    source, answers = current
    shipped = tmp_path / "migrations"
    shipped.mkdir()
    for f in ALL[:version]:
        shutil.copy(f, shipped)
    old = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(db, "migrations_dir", lambda: shipped)
        db.open_write(old).close()
    c = sqlite3.connect(old)
    try:
        assert db.applied_migrations(c) == [f.stem for f in ALL[:version]]
        c.execute("ATTACH DATABASE ? AS cur", (str(source),))
        c.execute("PRAGMA foreign_keys = OFF")
        kept: dict[str, list[str]] = {}
        for table in plain_tables(c):
            c.execute(f'DELETE FROM "{table}"')   # rows the old g7 wrote on its own (reference data)
            cur_cols = {r[1] for r in c.execute(f'PRAGMA cur.table_info("{table}")')}
            shared = [col for col in columns(c, table) if col in cur_cols]
            if not shared:
                continue
            cols = ", ".join(f'"{x}"' for x in shared)
            c.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM cur."{table}"')
            kept[table] = [f'"{x}"' for x in shared]
        c.commit()
        c.execute("DETACH DATABASE cur")
        assert c.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    finally:
        c.close()
    before = dump(old, kept)
    assert sum(len(rows) for rows in before.values()) > 100

    # A query upgrades it (as `g7 ingest` would), then answers as a new database does.
    got = {q: g7.json("--db", old, q) for q in QUERIES}
    c = sqlite3.connect(old)
    try:
        assert db.applied_migrations(c) == [f.stem for f in ALL]
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        c.close()
    after = dump(old, kept)
    for table, rows in before.items():
        assert after[table] == rows, f"{table} changed in the upgrade"
    assert got == answers
    # And it takes new documents as usual.
    assert g7("--db", old, "ingest").exit_code == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args", [["ingest"], ["reextract"], ["meetings"], ["info"], ["search", "G7"],
                                  ["backup", "{tmp}/copy.db"]])
def test_a_database_from_a_newer_g7_is_refused_untouched_by_every_command(seeded, tmp_path, args):
    c = sqlite3.connect(seeded.db)
    c.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('g7', '9999_future', 'x')")
    c.commit()
    c.execute("PRAGMA journal_mode=DELETE")   # so that any change at all would show in the file
    c.close()
    before = digest(seeded.db)
    result = seeded(*[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 1
    assert "newer g7" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert digest(seeded.db) == before
    assert not seeded.db.with_name(seeded.db.name + "-wal").exists()
