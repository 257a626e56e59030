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
