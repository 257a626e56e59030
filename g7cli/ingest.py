"""`g7 ingest`: files, folders or stdin -> read -> decode -> (HTML -> text) -> extract -> store.

Each document is stored in its own transaction (g7cli.store.save), so a
failure on one file leaves the others, and the database, intact; a kill at
any moment leaves every document either fully stored or absent, and running
the same ingest again completes the rest (stored texts are recognised by
their hash and skipped).

Every file that cannot be read, decoded, extracted or stored gets one line
on stderr naming it and the reason, and the rest go on. Files in a folder
that are neither text nor HTML are skipped with a note. Ctrl-C (or SIGTERM)
stops after the document being stored is committed or rolled back, and the
summary says how far it got.

Extraction is pure CPU and most of an ingest's time, so with several CPUs
and enough new documents it runs in worker processes (see _Extractor);
everything else (reading, the unchanged check, every database write, every
line on stderr) stays in this process, in the order the documents are
listed, so the database comes out exactly as a one-at-a-time ingest leaves
it.
"""
from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import stat
import sys
import time
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from g7cli.errors import G7Error

if TYPE_CHECKING:
    from concurrent.futures import Future

    from g7cli.extract.model import Extraction

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_SIZE = 20 * 1024 * 1024
# A progress bar only when there is something to watch.
PROGRESS_MIN_FILES = 5
STDIN = "-"
# A write that finds the database locked longer than the busy timeout
# (another ingest holding it) is retried this many times.
LOCKED_RETRIES = 5

# Worker processes only pay off for this many new documents or more.
# Forked (Linux), starting two costs ~13 ms here and ~20 ms of CPU in each
# (the pages they touch are copied), against ~20-40 ms to extract one
# document: they pay from about four documents; eight leaves a margin for a
# busy machine. Spawned (macOS, Windows), each worker imports g7 and loads
# the gazetteers itself (~1 s of CPU).
PARALLEL_MIN_DOCUMENTS = 8
PARALLEL_MIN_DOCUMENTS_SPAWNED = 100
# New documents read ahead (and in flight in the pool) per worker: enough to
# keep every worker busy while this process stores, few enough that memory
# does not grow with the number of documents.
AHEAD_PER_WORKER = 4
# Documents already stored are read ahead too (to find the new ones behind
# them) but hold no text; this many at most.
AHEAD_MAX = 256

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)


@dataclass
class Summary:
    added: int = 0          # stored, reporting a G7 meeting (replacements included)
    replaced: int = 0       # of those, a changed file at a path already stored
    no_meeting: int = 0     # stored, reporting no G7 meeting
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0        # files in a folder that are neither text nor HTML
    meetings: int = 0
    delegates: int = 0
    bilaterals: int = 0
    total: int = 0          # documents to read
    interrupted: bool = False

    @property
    def done(self) -> int:
        return self.added + self.no_meeting + self.unchanged + self.failed

    def lines(self) -> list[str]:
        replaced = f" ({self.replaced} replaced)" if self.replaced else ""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return [
            f"documents: {self.added} added{replaced}, {self.unchanged} unchanged, "
            f"{self.no_meeting} without a G7 meeting, {self.failed} failed{skipped}",
            f"added: {self.meetings} meetings, {self.delegates} delegates, {self.bilaterals} bilateral talks",
        ]


@dataclass
class Item:
    """One thing named or found: a document to read, or a problem/note about a path."""
    path: Path | None        # None: stdin
    problem: str | None = None
    note: bool = False       # a skipped file (a note), not a failure

    @property
    def label(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)


def parse_size(value: str) -> int:
    """'20MB', '512k', '1.5G', '1000' (bytes) -> bytes; ValueError otherwise."""
    m = _SIZE.match(value or "")
    if not m:
        raise ValueError(f"{value!r} is not a size (e.g. 20MB, 512K, 1000000)")
    n = float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m.group(2).lower()]
    if n < 1:
        raise ValueError(f"{value!r}: the limit must be at least one byte")
    return int(n)


def _human(n: int) -> str:
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def find_documents(paths: Iterable[Path | str]) -> Iterator[Item]:
    """Each document to read, or a path with the reason it yields none."""
    for path in paths:
        if str(path) == STDIN:
            yield Item(None)
            continue
        path = Path(path)
        try:
            if path.is_dir():
                yield from _walk(path)
            else:
                # A file named explicitly is read whatever its suffix.
                yield _file_item(path)
        except OSError as e:
            yield Item(path, f"cannot read: {e.strerror or e}")


def _file_item(path: Path) -> Item:
    """A regular file to read, or why not (reading a FIFO or a device would hang or never end)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Item(path, "broken symbolic link" if path.is_symlink() else "no such file or directory")
    except OSError as e:
        return Item(path, f"cannot read: {e.strerror or e}")
    if not stat.S_ISREG(mode):
        return Item(path, "not a regular file (a device, pipe or socket)")
    return Item(path)


def _walk(root: Path) -> Iterator[Item]:
    found = 0
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        # Hidden folders (.git, .cache) and files (.DS_Store) are not documents.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(folder) / name
            if p.suffix.lower() in DOCUMENT_SUFFIXES:
                found += 1
                yield _file_item(p)
            else:
                yield Item(p, "skipped: neither a text (.txt) nor an HTML (.html, .htm) file", note=True)
    for e in errors:
        yield Item(Path(e.filename) if e.filename else root, f"cannot read folder: {e.strerror or e}")
    if not found and not errors:
        yield Item(root, "no *.txt, *.html or *.htm documents in this folder")


class _Reporter:
    """Lines on stderr, and a rich progress bar while there is one."""

    def __init__(self, warn: Callable[[str], None] | None, progress: bool, total: int):
        self._warn = warn
        self.progress = None
        if progress:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self.progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                TextColumn("{task.fields[current]}", style="dim"),
                console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task("ingest", total=total, current="", rate="")
            self.started = time.monotonic()
            self.done = 0
            self.progress.start()

    def line(self, text: str) -> None:
        if self._warn is not None:
            self._warn(text)
        elif self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=sys.stderr, flush=True)

    def current(self, label: str) -> None:
        if self.progress is not None:
            name = label if len(label) <= 50 else "…" + label[-49:]
            self.progress.update(self.task, current=name)

    def advance(self) -> None:
        if self.progress is not None:
            self.done += 1
            elapsed = time.monotonic() - self.started
            rate = f"{self.done / elapsed:.1f} files/s" if elapsed > 0 else ""
            self.progress.update(self.task, advance=1, rate=rate)

    @contextmanager
    def paused(self):
        """The bar stopped, and its drawing thread with it: a fork copies only
        the calling thread, and a lock that thread held would stay held."""
        if self.progress is None:
            yield
            return
        self.progress.stop()
        try:
            yield
        finally:
            self.progress.start()

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def ingest(db_path: Path, paths: list[Path | str], *, warn: Callable[[str], None] | None = None,
           debug: bool = False, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE,
           progress: bool | None = None, quiet: bool = False, stdin=None, jobs: int = 0) -> Summary:
    """Ingest every document under `paths` (STDIN "-" reads one from `stdin`).

    `progress`: None draws a bar when stderr is a terminal and there are at
    least PROGRESS_MIN_FILES documents; False never does.
    `jobs`: documents extracted at a time (0: one per CPU; 1: all in this
    process, no workers).
    """
    from g7cli import db

    summary = Summary()
    # The paths are walked twice, once to count (the progress bar, the
    # summary) and once to read, rather than listed once and held: a list of
    # every file found costs memory in proportion to their number (~0.5 KB
    # each: about 50 MB for 100,000 files).
    summary.total = sum(1 for i in find_documents(paths) if i.problem is None)
    items = find_documents(paths)
    if progress is None:
        progress = _is_terminal(sys.stderr) and summary.total >= PROGRESS_MIN_FILES
    refuse_read_only(db_path)
    database = db.open_write(db_path)
    try:
        check_writable(database.conn, db_path)
    except BaseException:
        database.close()
        raise
    reporter = _Reporter(warn, bool(progress) and warn is None, summary.total)
    workers = jobs if jobs > 0 else usable_cpus()
    # A handful of files are read and extracted one at a time, nothing read ahead.
    extractor = _Extractor(workers if summary.total >= PARALLEL_MIN_DOCUMENTS else 1, reporter)
    previous = _sigterm_raises_interrupt()
    try:
        for doc in _read_ahead(items, extractor, database.conn, encoding=encoding, max_size=max_size,
                               stdin=stdin):
            item = doc.item
            if item.problem:
                if item.note:
                    summary.skipped += 1
                    if quiet:
                        continue
                else:
                    summary.failed += 1
                reporter.line(f"{item.label}: {item.problem}")
                continue
            reporter.current(item.label)
            try:
                _one(database.conn, db_path, doc, extractor, summary, reporter, debug=debug)
            finally:
                reporter.advance()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        # Before anything else: no worker outlives an interrupted ingest.
        extractor.close()
        reporter.stop()
        _restore_sigterm(previous)
        database.close()
    return summary


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class _Doc:
    """One listed item, read and decoded (or why not), with its extraction once under way."""
    item: Item
    problem: str | None = None        # why it cannot be read: its one line
    trace: str | None = None          # the traceback behind `problem`, for --debug
    size: int = 0
    text: str = ""
    codec: str = ""
    sha: str = ""
    new: bool = False                 # not stored when it was read: to be extracted
    future: Future | None = None      # its extraction in a worker
    extracted: tuple | None = None    # its extraction done already (see _extract_here)


def _read_ahead(items: Iterable[Item], extractor: _Extractor, conn: sqlite3.Connection, *,
                encoding: str | None, max_size: int, stdin) -> Iterator[_Doc]:
    """Every item, read, in the order listed; new documents are handed to the
    workers up to extractor.ahead documents before they are wanted.

    Without workers nothing is read ahead: one document is read, stored, then
    the next, as before there were workers.
    """
    from g7cli import store

    waiting: deque[_Doc] = deque()     # read, not yet stored
    unsent: deque[_Doc] = deque()      # of those, new ones not yet handed to a worker
    rest = iter(items)
    new = 0                            # new ones in `waiting`
    while True:
        while not waiting or (new < extractor.ahead and len(waiting) < AHEAD_MAX):
            item = next(rest, None)
            if item is None:
                break
            doc = _read_doc(item, encoding=encoding, max_size=max_size, stdin=stdin)
            # The hash is checked before extracting, so an unchanged folder re-ingests fast.
            if doc.problem is None and doc.item.problem is None:
                doc.new = store.stored_with_hash(conn, doc.sha) is None
                if doc.new:
                    new += 1
                    unsent.append(doc)
                else:
                    doc.text = ""   # unchanged: its text is not needed
            waiting.append(doc)
        if not waiting:
            return
        extractor.submit(unsent)
        doc = waiting.popleft()
        if doc.new:
            new -= 1
            if unsent and unsent[0] is doc:
                unsent.popleft()    # not sent: extracted here when stored
        yield doc


def _read_doc(item: Item, *, encoding: str | None, max_size: int, stdin) -> _Doc:
    doc = _Doc(item)
    if item.problem:
        return doc
    try:
        data = _read(item, max_size, stdin)
        doc.text, doc.codec = read_text(data, name=item.path.name if item.path else None, encoding=encoding)
    except _Refused as e:
        doc.problem = str(e)
        return doc
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the rest
        doc.problem = f"cannot read: internal error: {type(e).__name__}: {e}"
        doc.trace = traceback.format_exc()
        return doc
    doc.size = len(data)
    doc.sha = hash_text(doc.text)
    return doc


def _one(conn: sqlite3.Connection, db_path: Path, doc: _Doc, extractor: _Extractor, summary: Summary,
         reporter: _Reporter, *, debug: bool) -> None:
    from g7cli import store

    item = doc.item

    def fail(reason: str, trace: str | None = None) -> None:
        if debug and trace:
            print(trace, end="", file=sys.stderr, flush=True)
        summary.failed += 1
        reporter.line(f"{item.label}: {reason}")

    if doc.problem:
        fail(doc.problem, doc.trace)
        return
    # Checked again: when it was read (ahead), a document before it with the
    # same text (two copies in a folder) may not have been stored yet.
    if not doc.new or store.stored_with_hash(conn, doc.sha) is not None:
        summary.unchanged += 1
        return
    extraction, error, trace = extractor.result(doc)
    if extraction is None:
        fail(f"extraction failed: {error}", trace)
        return
    path = f"stdin:{doc.sha[:16]}" if item.path is None else _db_path_text(item.path)
    for attempt in range(LOCKED_RETRIES + 1):
        try:
            result = store.save(conn, path=path, sha256=doc.sha, extraction=extraction, size=doc.size,
                                encoding=doc.codec)
            break
        except sqlite3.OperationalError as e:
            message = str(e)
            if "readonly" in message or "read-only" in message:
                raise G7Error(f"cannot write the database at {db_path}: {message} "
                              "(is the file or its folder read-only?)") from e
            if ("locked" in message or "busy" in message) and attempt < LOCKED_RETRIES:
                time.sleep(0.2 * (attempt + 1))
                continue
            fail(f"could not store: {message}", traceback.format_exc())
            return
        except sqlite3.Error as e:
            fail(f"could not store: {e}", traceback.format_exc())
            return
    if result.status == "unchanged":
        summary.unchanged += 1
        return
    if result.has_meeting:
        summary.added += 1
    else:
        summary.no_meeting += 1
    summary.replaced += result.status == "replaced"
    summary.meetings += result.meetings_added
    summary.delegates += result.delegates_added
    summary.bilaterals += result.bilaterals_added


def _extract_here(text: str) -> tuple[Extraction | None, str | None, str | None]:
    """(extraction, None, None), or (None, the reason it failed, its traceback).

    Runs in a worker too: failures come back as text, so an exception that
    cannot be pickled still gets its one line.
    """
    from g7cli.extract import extract

    try:
        return extract(text), None, None
    except Exception as e:  # noqa: BLE001 - one document's failure is reported, the rest go on
        return None, f"{type(e).__name__}: {e}", traceback.format_exc()


class _Extractor:
    """Where documents are extracted: in this process, or in worker processes.

    The workers are started the first time enough new documents (see
    PARALLEL_MIN_DOCUMENTS) wait to be extracted, so re-ingesting an
    unchanged folder (or a handful of files) never pays for them. On Linux
    they are forked, so they start with what this process has loaded
    (gazetteers, compiled rules) and with any patched
    g7cli.extract.extract. They only ever run _extract_here and never touch
    the database. They ignore Ctrl-C and SIGTERM (a terminal sends Ctrl-C
    to every process of the job): this process decides when to stop, and
    then kills them.
    """

    def __init__(self, workers: int, reporter: _Reporter):
        self.workers = workers
        self.reporter = reporter
        self.pool = None
        self.done_with_pool = workers < 2
        # fork only on Linux: macOS's system libraries are not fork-safe
        # (Python defaults to spawn there), and Windows has no fork.
        self.fork = sys.platform.startswith("linux")
        self.min_documents = PARALLEL_MIN_DOCUMENTS if self.fork else PARALLEL_MIN_DOCUMENTS_SPAWNED

    @property
    def ahead(self) -> int:
        return 0 if self.done_with_pool else max(self.min_documents, AHEAD_PER_WORKER * self.workers)

    def submit(self, unsent: deque[_Doc]) -> None:
        """Hand these documents to the workers, in order, taking them off
        `unsent` (once there are enough of them to be worth it)."""
        if self.done_with_pool:
            unsent.clear()      # extracted here, each when it is stored
            return
        if self.pool is None:
            if len(unsent) < self.min_documents:
                return          # not yet worth it: extracted here when stored
            # The first one is wanted first anyway: extracting it here loads
            # the gazetteers and compiles the rules once, before the fork,
            # instead of once in each worker.
            first = unsent.popleft()
            first.extracted = _extract_here(first.text)
            if not self._start():
                unsent.clear()
                return
        while unsent:
            doc = unsent.popleft()
            try:
                doc.future = self.pool.submit(_extract_here, doc.text)
            except Exception:  # noqa: BLE001 - a broken pool: this one and the rest are extracted here
                self._lost()
                unsent.clear()
                return

    def result(self, doc: _Doc) -> tuple[Extraction | None, str | None, str | None]:
        if doc.extracted is not None:
            return doc.extracted
        if doc.future is not None:
            from concurrent.futures.process import BrokenProcessPool

            try:
                return doc.future.result()
            except BrokenProcessPool:
                self._lost()
            except Exception:  # noqa: BLE001 - e.g. a result that could not be sent back
                pass
            finally:
                doc.future = None
        # No worker (or none could do it): here, exactly as without workers.
        return _extract_here(doc.text)

    def _start(self) -> bool:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if self.fork else None)
        # Signals wait until the workers exist: one forked before its
        # initializer ignores Ctrl-C would die of it with a traceback.
        blocked = _block_signals()
        try:
            with self.reporter.paused():    # no drawing thread running while forking
                self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_started,
                                                initargs=(os.getpid(),))
                # With fork, every worker is forked here, on the first submit.
                self.pool.submit(int)
        except Exception:  # noqa: BLE001 - no workers (no /dev/shm, too many processes): extract here
            self.done_with_pool = True
            self.close()
            return False
        finally:
            _restore_signals(blocked)
        return True

    def _lost(self) -> None:
        """A worker died (killed, out of memory): the rest are extracted here; nothing is lost."""
        if not self.done_with_pool:
            self.done_with_pool = True
            self.reporter.line("note: a worker process stopped unexpectedly; "
                               "the remaining documents are extracted one at a time")
        self.close()

    def close(self) -> None:
        """Stop the workers now, whatever they are doing (an interrupt must not wait for them)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # Workers ignore SIGTERM, and ProcessPoolExecutor (before Python
        # 3.14's kill_workers) has no way to stop a busy one: SIGKILL.
        for p in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                p.kill()
            except (OSError, ValueError):
                pass
        # Its manager thread sees the workers gone, fails what was pending and
        # reaps them; this waits for that (quick: nothing is left to wait for).
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_started(parent: int) -> None:
    """In each worker, first: ignore the signals the parent handles, and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)    # blocked by the parent while forking
    # A parent killed with SIGKILL cannot stop its workers; without this they
    # would wait for work forever, holding the ingest's stdout and stderr.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    else:
        # No such call: a thread watches for the parent to go instead.
        import threading

        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(0)     # the parent died before the line above took effect


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _block_signals():
    """Hold SIGINT and SIGTERM back (they are delivered at _restore_signals); the mask before."""
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (AttributeError, ValueError, OSError):
        return None


def _restore_signals(previous) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _read_only_message(db_path: Path, where: str) -> G7Error:
    return G7Error(f"cannot write the database at {db_path}: {where} "
                   "(queries still work; this command needs to write)")


def refuse_read_only(db_path: Path) -> None:
    """Before anything is opened: a database file, or its folder, this user cannot write."""
    if not db_path.exists():
        return
    if not os.access(db_path, os.W_OK):
        raise _read_only_message(db_path, "the file is read-only")
    if not os.access(db_path.parent, os.W_OK | os.X_OK):
        raise _read_only_message(db_path, "its folder is read-only (SQLite needs to write -wal and -shm files there)")


def check_writable(conn: sqlite3.Connection, db_path: Path) -> None:
    """Fail at once, in one line, on a database this user cannot write.

    SQLite opens a read-only file read-only without a word and lets a
    transaction begin; only a write says so. This one is rolled back.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE _g7_write_probe (x)")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as e:
        if "readonly" not in str(e) and "read-only" not in str(e):
            return   # locked by another writer: the saves wait for it
        raise _read_only_message(db_path, str(e)) from e


class _Refused(Exception):
    """A file g7 will not read; str(e) is the one-line reason."""


def _read(item: Item, max_size: int, stdin) -> bytes:
    limit = f"the limit is {_human(max_size)}; see --max-size"
    if item.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_size + 1)
        if len(data) > max_size:
            raise _Refused(f"too large (over {_human(max_size)}; {limit})")
        return data
    try:
        # O_NONBLOCK: a file swapped for a FIFO since it was listed must not hang the ingest.
        fd = os.open(item.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _Refused("not a regular file (a device, pipe or socket)")
            if info.st_size > max_size:
                raise _Refused(f"too large ({_human(info.st_size)}; {limit})")
            data = f.read(max_size + 1)
    except OSError as e:
        raise _Refused(f"cannot read: {e.strerror or e}") from None
    if len(data) > max_size:
        raise _Refused(f"too large (over {_human(max_size)}; {limit})")
    return data


def read_text(data: bytes, *, name: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """A document's bytes -> (the text to extract from, the encoding read).

    HTML (by its name, or by its first bytes when the name is not .txt) is
    reduced to its main text; everything else is decoded as plain text.
    """
    from g7cli import html
    from g7cli.decode import DecodeError, decode

    is_html = html.is_html_name(name) if name else False
    if not is_html and not (name or "").lower().endswith(TEXT_SUFFIXES):
        is_html = html.looks_like_html(data)
    try:
        decoded = decode(data, encoding, hint=html.declared_charset(data) if is_html else None)
    except DecodeError as e:
        raise _Refused(str(e)) from None
    if not is_html:
        return decoded.text, decoded.encoding
    text = html.to_text(decoded.text)
    if not text.strip():
        raise _Refused("no text in this web page (only navigation, scripts or markup)")
    return text, decoded.encoding


def _db_path_text(path: Path) -> str:
    text = str(path.resolve())
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A file name that is not valid UTF-8: stored with its odd bytes escaped.
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _sigterm_raises_interrupt():
    """SIGTERM stops an ingest the way Ctrl-C does (only in the main thread)."""
    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):
        return None


def _restore_sigterm(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
