"""Where the demo database lives, apart from the office's own (standard
library only: the window's frame names it before the database stack loads).
`services.demo` builds and opens it."""

from __future__ import annotations

from pathlib import Path

from .. import paths

DEMO_DB_FILE_NAME = "demo.db"


def demo_db_path() -> Path:
    """Where the demo database lives: `demo.db` in the data folder."""
    return paths.data_dir() / DEMO_DB_FILE_NAME


def is_demo_path(path: Path | str) -> bool:
    """True when `path` is the demo database."""
    try:
        return Path(path).resolve() == demo_db_path().resolve()
    except OSError:
        return False
