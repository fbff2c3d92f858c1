"""Making a new database file, so that it appears whole or not at all.

The new database is built under a private, held temporary name in the
target folder (`tempfiles`: one left by a killed run is removed by the
next) — schema at the current version, WAL mode, application id — and only
then published under its real name with a hard link, which fails when the
name is already taken. So:

* another process never sees the file half made (no blank file to inspect,
  no race to switch it to WAL, no schema step run twice);
* of several processes creating one new database at the same moment, exactly
  one publishes it and knows it made it; the others open the file it made;
* on any failure (or Ctrl-C) only the private temporary file is removed:
  nothing another process might already use is ever deleted.

Where the file system has no hard links (a FAT flash drive), the temporary
file is renamed into place instead: on Windows a rename never replaces an
existing file; elsewhere the name is checked just before the rename.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import PeeweeException

from .. import tempfiles
from ..core.errors import KinerjaError
from . import migrations
from .connection import make_database
from .errors import DatabaseMissingError, open_error, read_only, read_only_error


def create_database_file(path: Path, *, make_parents: bool = False) -> bool:
    """Create the database `path` (absolute) whole; False when another
    process published one under that name first (then it is left alone)."""
    _ensure_folder(path, make_parents)
    try:
        with tempfiles.held_temp(path.parent) as held:
            _build(held.path, path)
            held.release()
            return _publish(held.path, path)
    except OSError as exc:
        if read_only(path):
            raise read_only_error(path, str(exc)) from exc
        raise KinerjaError(f"Basis data {path} tidak dapat dibuat.", str(exc)) from exc


def _ensure_folder(path: Path, make_parents: bool) -> None:
    if path.parent.is_dir():
        return
    if not make_parents:
        raise DatabaseMissingError(
            f"Folder {path.parent} tidak ada; basis data {path.name} tidak dibuat.",
            f"path={path}",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KinerjaError(f"Folder {path.parent} tidak dapat dibuat.", str(exc)) from exc


def _build(tmp: Path, path: Path) -> None:
    """The schema, WAL mode and pragmas in `tmp`; closed, so its -wal is folded in."""
    db = make_database(tmp)
    try:
        db.connect()
        migrations.migrate(db)
    except (sqlite3.Error, PeeweeException) as exc:
        raise open_error(path, exc) from exc
    finally:
        db.close_all()


def _publish(tmp: Path, path: Path) -> bool:
    """Give `tmp` the name `path` unless it is taken; whether it was given."""
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    except OSError:
        pass  # no hard links on this file system
    if os.name != "nt" and path.exists():
        return False
    try:
        os.rename(tmp, path)
    except FileExistsError:
        return False
    return True
