"""The one exception type a user sees as a message rather than a traceback."""
from __future__ import annotations

# Exit codes, listed in the README: 0 ok, 1 a failure (missing database, a
# file that failed to ingest, a refused database), 2 a bad command line.
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class G7Error(Exception):
    """A failure explained in one line; the CLI prints it and exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.message = message
        self.code = code


class UsageError(G7Error):
    """A bad option value noticed after parsing (e.g. an unknown meeting id)."""

    def __init__(self, message: str):
        super().__init__(message, EXIT_USAGE)


# How a failure reaches the user: one line on stderr and an exit code. Both
# command-line parsers use this (cli.G7Group.main after typer's own errors,
# entry.py on the fast path), so a failure reads the same on either.

def report(exc: Exception | KeyboardInterrupt, *, debug: bool = False) -> int:
    """Print one line for a failure that escaped a command; return the exit code."""
    if isinstance(exc, G7Error):
        if debug:
            _print_traceback()
        error(f"g7: {one_line(exc.message)}")
        return exc.code
    if isinstance(exc, BrokenPipeError):
        # The reader (e.g. `head`) closed the pipe: stop quietly.
        _silence_stdout()
        return EXIT_FAILURE
    if isinstance(exc, KeyboardInterrupt):
        error("g7: interrupted")
        return 130
    if debug:  # never a traceback unless asked for
        _print_traceback()
    error(f"g7: internal error: {type(exc).__name__}: {one_line(str(exc))} (run with --debug for a traceback)")
    return EXIT_FAILURE


def one_line(text: str) -> str:
    return " ".join(text.split())


def error(line: str) -> None:
    import sys

    print(line, file=sys.stderr, flush=True)


def _print_traceback() -> None:
    import traceback  # only when --debug asks for it: it costs start-up time

    traceback.print_exc()


def _silence_stdout() -> None:
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def utf8_stdio() -> None:
    """Data is UTF-8 whatever the locale says (JSON keeps Japanese as is)."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc and enc != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
