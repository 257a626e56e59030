"""Shared fixtures: a temporary database named through G7_DB, and the real CLI."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from g7cli.cli import app
from g7cli.resources import seeds_dir

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository holds the seeds' expected-extraction files.
SHARED = REPO.parent / "shared"


class G7:
    """Runs `g7 ARGS...` through typer's CliRunner against one database."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input)

    def json(self, *args: str) -> list[dict]:
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "g7.db"
    monkeypatch.setenv("G7_DB", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return path


@pytest.fixture
def g7(db_path) -> G7:
    return G7(db_path)


def _ingest_once(tmp_path_factory, name: str, *paths: Path) -> Path:
    path = tmp_path_factory.mktemp(name) / "g7.db"
    result = CliRunner().invoke(app, ["--db", str(path), "ingest", *map(str, paths)])
    assert result.exit_code == 0, result.stderr
    return path


def _private_copy(db: Path, tmp_path: Path, monkeypatch, name: str) -> G7:
    path = tmp_path / name
    shutil.copy(db, path)
    monkeypatch.setenv("G7_DB", str(path))
    return G7(path)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """The five seeds ingested once (read-only use: copy it before writing)."""
    return _ingest_once(tmp_path_factory, "seeded")


@pytest.fixture
def seeded(seeded_db, tmp_path, monkeypatch) -> G7:
    """A CLI bound (through G7_DB) to a private copy of the seeded database."""
    return _private_copy(seeded_db, tmp_path, monkeypatch, "seeded.db")


@pytest.fixture
def seeds() -> list[Path]:
    return sorted(seeds_dir().glob("*.txt"))


def g7_executable() -> str:
    """The installed console script of the interpreter running the tests."""
    exe = Path(sys.executable).parent / "g7"
    return str(exe) if exe.exists() else (shutil.which("g7") or "g7")


@pytest.fixture(scope="session")
def both_db(tmp_path_factory) -> Path:
    """The seeds and ../shared/corpus/dev ingested once per run (read-only use;
    the `both` fixture hands each test its own copy)."""
    dev = SHARED / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/corpus/dev not found")
    return _ingest_once(tmp_path_factory, "both", seeds_dir(), dev)


@pytest.fixture
def both(both_db, tmp_path, monkeypatch) -> G7:
    g7 = _private_copy(both_db, tmp_path, monkeypatch, "both.db")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return g7


def numbered_copies(sources: list[Path], folder: Path, n: int) -> list[Path]:
    """n distinct documents cycling through `sources`, each copy with a line of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        dest = folder / f"{i:03d}-{src.name}"
        dest.write_text(src.read_text(encoding="utf-8") + f"\n(Reference {i})\n", encoding="utf-8")
        out.append(dest)
    return out
