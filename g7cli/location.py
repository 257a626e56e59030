"""Where the database lives: --db, else $G7_DB, else the user data directory."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "G7_DB"


def default_db_path() -> Path:
    # platformdirs is only imported when neither --db nor G7_DB says where.
    from platformdirs import user_data_dir

    return Path(user_data_dir("g7", appauthor=False)) / "g7.db"


def resolve_db_path(option: str | os.PathLike | None) -> Path:
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()
