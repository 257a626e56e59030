"""Every kind of bad input gets one line naming the file and the reason, the other
files still go in, the exit code says so; the progress bar shows only on a
terminal; stdin; shell completion; no traceback without --debug."""
from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import g7_executable
from g7cli import extract as extract_module
from g7cli.extract import extract as real_extract
from g7cli.resources import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def problem_lines(stderr: str) -> list[str]:
    return [l for l in stderr.splitlines() if not l.startswith(("documents:", "added:"))]


def test_every_bad_input_is_one_line_and_the_rest_go_in(g7, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    for seed in SEEDS[:2]:
        (good / seed.name).write_bytes(seed.read_bytes())
    bad = tmp_path / "bad"
    bad.mkdir()
    cases = {
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b"\n \r\n\t\n", "empty file (only white space)"),
        "bom-only.txt": (b"\xef\xbb\xbf", "empty file (only white space)"),
        "nul.txt": (b"G7\x00\x00\x01\x02" * 50, "binary file (contains NUL bytes)"),
        "random.txt": (bytes(range(1, 256)) * 8, "binary file (control characters"),
        "report.txt": (b"%PDF-1.7\n" + bytes(range(256)), "not a text document (a PDF document)"),
        "slides.txt": (b"PK\x03\x04" + b"\x00" * 40, "not a text document (a ZIP archive or Office document)"),
        "photo.html": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a text document (a PNG image)"),
        "big.txt": (b"G7 " * 20000, "too large (58.6 KB; the limit is 50 KB; see --max-size)"),
        "menu.html": (b"<html><body><nav>Home</nav><footer>(c)</footer></body></html>",
                      "no text in this web page"),
    }
    for name, (data, _) in cases.items():
        (bad / name).write_bytes(data)
    (bad / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(bad / "pipe.txt")
    empty_dir = tmp_path / "nothing-here"
    (empty_dir / "sub").mkdir(parents=True)
    (empty_dir / "sub" / "notes.md").write_text("x")
    result = g7("ingest", "--max-size", "50K", good, bad, tmp_path / "missing.txt", empty_dir, bad / "pipe.txt")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.stdout == ""
    lines = problem_lines(result.stderr)
    for name, (_, reason) in cases.items():
        assert any(l.startswith(f"{bad / name}: {reason}") for l in lines), (name, result.stderr)
    expected_more = [
        f"{bad / 'dangling.txt'}: broken symbolic link",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{empty_dir}: no *.txt, *.html or *.htm documents in this folder",
        f"{bad / 'pipe.txt'}: not a regular file (a device, pipe or socket)",
    ]
    for line in expected_more:
        assert any(l.startswith(line) for l in lines), (line, result.stderr)
    assert f"{empty_dir / 'sub' / 'notes.md'}: skipped: neither a text (.txt) nor an HTML (.html, .htm) file" in lines
    # Each problem once (the FIFO twice: found in the folder, and named), nothing else.
    assert len(lines) == len(cases) + len(expected_more) + 2, result.stderr
    assert sorted(d["file_name"] for d in g7.json("documents")) == sorted(s.name for s in SEEDS[:2])


def test_limits_on_stdin_and_sizes(g7, tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    result = g7("ingest", "-", "--max-size", "1K", input=text)
    assert result.exit_code == 1
    assert problem_lines(result.stderr) == ["<stdin>: too large (over 1 KB; the limit is 1 KB; see --max-size)"]
    assert g7("ingest", "-", input="").exit_code == 1
    assert g7("ingest", "-", input=text).exit_code == 0
    again = g7("ingest", "-", input=text)
    assert "0 added, 1 unchanged" in again.stderr
    for bad in ("abc", "0", "-5M", "1X"):
        r = g7("ingest", "--max-size", bad)
        assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1 and "--max-size" in r.stderr


def test_an_undecodable_file_name_is_reported_and_stored(g7, tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    odd = os.fsdecode(b"r\xe9sum\xe9-\x93\xfa\x96\x7b.txt")          # Latin-1 and Shift_JIS bytes in a name
    (folder / odd).write_bytes(SEEDS[1].read_bytes())
    (folder / (odd[:-4] + "-empty.txt")).write_bytes(b"")
    result = g7("ingest", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "1 added" in result.stderr and "1 failed" in result.stderr
    assert len(g7.json("documents")) == 1


def test_an_extraction_bug_is_one_line_and_debug_shows_the_traceback(g7, tmp_path, monkeypatch):
    def fragile(text):
        if "Verona" in text:
            raise ZeroDivisionError("a bug in a rule")
        return real_extract(text)

    monkeypatch.setattr(extract_module, "extract", fragile)
    plain = g7("ingest")
    assert plain.exit_code == 1
    failing = problem_lines(plain.stderr)
    # The two English releases from Verona (the Japanese one says ヴェローナ).
    assert len(failing) == 2 and all("extraction failed: ZeroDivisionError: a bug in a rule" in l for l in failing)
    assert "Traceback" not in plain.stderr
    assert "3 added" in plain.stderr
    debug = g7("--debug", "ingest", "--db", tmp_path / "debug.db")
    assert debug.exit_code == 1
    assert debug.stderr.count("Traceback (most recent call last)") == 2


# --- the progress bar: on a terminal only --------------------------------------------------

def run_on_terminal(args, env) -> tuple[int, str]:
    """Run g7 with stderr on a pseudo-terminal; what it drew there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([g7_executable(), *args], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, start_new_session=True)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break          # the child closed the terminal
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def six_docs(tmp_path) -> Path:
    folder = tmp_path / "six"
    folder.mkdir()
    for i in range(6):
        seed = SEEDS[i % len(SEEDS)]
        (folder / f"{i}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n({i})\n", encoding="utf-8")
    return folder


def test_progress_bar_on_a_terminal_not_in_a_pipe_nor_with_quiet(six_docs, tmp_path):
    env = dict(os.environ, TERM="xterm", COLUMNS="120", LINES="40")
    env.pop("NO_COLOR", None)
    code, drawn = run_on_terminal(["--db", str(tmp_path / "tty.db"), "ingest", str(six_docs)], env)
    assert code == 0, drawn
    assert "\x1b[" in drawn                                 # drawn, in colour
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)
    assert re.search(r"\b[0-6]/6\b", drawn), drawn          # files done of all
    assert "files/s" in drawn                              # the rate
    assert re.search(r"\d-20\S*\.txt", drawn)              # the current file
    assert "documents: 6 added" in drawn                   # the summary stays after the bar
    piped = subprocess.run([g7_executable(), "--db", str(tmp_path / "pipe.db"), "ingest", str(six_docs)],
                           env=env, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0
    assert "files/s" not in piped.stderr and "\x1b[" not in piped.stderr and "\r" not in piped.stderr
    assert piped.stderr.startswith("documents: 6 added")
    code, drawn = run_on_terminal(["--db", str(tmp_path / "quiet.db"), "ingest", "--quiet", str(six_docs)], env)
    assert code == 0 and drawn.strip() == ""


def test_version_and_shell_completion():
    g7 = g7_executable()
    version = subprocess.run([g7, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and re.fullmatch(r"g7 \d+\.\d+\.\d+\n", version.stdout)
    script = subprocess.run([g7, "--show-completion", "bash"], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, SHELL="/bin/bash"))
    assert script.returncode == 0 and "_G7_COMPLETE=complete_bash" in script.stdout
    env = dict(os.environ, _G7_COMPLETE="complete_bash", COMP_WORDS="g7 re", COMP_CWORD="1")
    words = subprocess.run([g7], capture_output=True, text=True, timeout=60, env=env).stdout.split()
    assert "reextract" in words
    env = dict(os.environ, _G7_COMPLETE="complete_bash", COMP_WORDS="g7 ingest --max", COMP_CWORD="2")
    assert "--max-size" in subprocess.run([g7], capture_output=True, text=True, timeout=60, env=env).stdout
