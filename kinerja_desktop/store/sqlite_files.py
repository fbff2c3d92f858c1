"""SQLite files looked at and copied without disturbing them.

* `inspect_file` reads a file's schema version and owner without writing a
  byte: the header is checked first, then the file is opened `immutable`
  (no -wal/-shm created) or, when a -wal with pending rows lies beside it,
  read-only through that WAL so committed rows are seen.
* `backup_to_file` copies a live database with SQLite's backup API into a
  temporary file that is renamed into place, so a backup is never half
  written and never misses rows still in the -wal (a file copy would).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.errors import KinerjaError
from .errors import DatabaseFileError

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True)
class FileInfo:
    """What the header and catalogue of an SQLite file say."""

    user_version: int
    application_id: int
    tables: frozenset[str]

    @property
    def is_blank(self) -> bool:
        """No tables and no version: a database nobody has used yet."""
        return not self.tables and self.user_version == 0 and self.application_id == 0


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _has_pending_wal(path: Path) -> bool:
    wal = wal_path(path)
    return wal.is_file() and wal.stat().st_size > 0


def open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor leave new files behind
    unless a -wal with rows is already there)."""
    query = "mode=ro" if _has_pending_wal(path) else "immutable=1"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True)


def check_header(path: Path) -> bool:
    """True for an SQLite file, False for an empty one; DatabaseFileError otherwise."""
    if path.is_dir():
        raise DatabaseFileError(f"{path} adalah folder, bukan berkas basis data.")
    try:
        with path.open("rb") as fh:
            header = fh.read(_HEADER_SIZE)
    except OSError as exc:
        raise DatabaseFileError(f"Berkas {path} tidak dapat dibaca.", str(exc)) from exc
    if not header:
        return False
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise DatabaseFileError(
            f"Berkas {path.name} bukan basis data Kinerja Desktop (bukan berkas SQLite).",
            f"path={path}, header={header[:16]!r}",
        )
    return True


def inspect_file(path: Path) -> FileInfo:
    """Version, application id and table names of an existing file; writes nothing."""
    if not check_header(path):
        return FileInfo(0, 0, frozenset())
    try:
        with closing(open_readonly(path)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            f"Berkas {path.name} rusak atau bukan basis data SQLite yang dapat dibaca.", str(exc)
        ) from exc
    return FileInfo(int(version), int(app_id), frozenset(n for (n,) in names))


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """The raw lines of `PRAGMA integrity_check` other than "ok"."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return [str(r[0]) for r in rows if r[0] != "ok"]


def backup_to_file(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind `conn` into `dest` atomically; returns `dest`.

    The copy is a single self-contained file (rollback-journal mode), ready to
    be carried on a flash drive or opened by the program.
    """
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with closing(sqlite3.connect(tmp)) as target:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise KinerjaError(f"Cadangan tidak dapat ditulis ke {dest}.", str(exc)) from exc
    return dest


def timestamped_path(folder: Path, stem: str, label: str, now: datetime | None = None) -> Path:
    """`folder/stem-label-YYYYmmdd-HHMMSS.db`, with -2, -3 … if taken."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{label}-{stamp}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{label}-{stamp}-{n}.db"
        n += 1
    return candidate


def safety_backup(conn: sqlite3.Connection, folder: Path, stem: str, label: str) -> Path:
    """A backup into `folder` (created if needed) under a timestamped name."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KinerjaError(f"Folder cadangan {folder} tidak dapat dibuat.", str(exc)) from exc
    return backup_to_file(conn, timestamped_path(folder, stem, label))
