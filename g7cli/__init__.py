"""g7: G7 ministerial-meeting press releases in a local SQLite database."""

__version__ = "0.1.0"
