"""SQLite files looked at and copied without disturbing them.

* `inspect_file` reads a file's schema version and owner without writing a
  byte: the header is checked first, then the file is opened `immutable`
  (no -wal/-shm created) or, when a -wal with pending rows lies beside it,
  read-only through that WAL so committed rows are seen.
* `backup_to_file` / `backup_to_folder` copy a live database with SQLite's
  backup API into a held temporary file (`tempfiles`) that is checked
  (`PRAGMA quick_check`) and only then given its name, so a backup is never
  half written, never misses rows still in the -wal (a file copy would), is
  never a copy of a damaged database, and no empty file ever carries a
  backup's name; the temporary file goes away on any failure, Ctrl-C
  included, and one left by a killed run is removed by the next
  (`sweep_leftovers`).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import tempfiles
from ..core.errors import KinerjaError
from .errors import (
    DAMAGED_ADVICE,
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    DatabaseDamagedError,
    DatabaseFileError,
    error_code,
    read_only,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
BACKUP_STEP_PAGES = 1024  # pages per step when the caller follows progress

# progress(status, remaining, total) as sqlite3.Connection.backup calls it
Progress = Callable[[int, int, int], None]


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


def integrity_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """The raw lines of `PRAGMA integrity_check` (or `quick_check`) other than "ok"."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    return [str(r[0]) for r in rows if r[0] != "ok"]


def unlink_quietly(path: Path) -> None:
    """Remove a file of ours (a temporary copy and its -journal), ignoring errors."""
    for name in (path, path.with_name(path.name + "-journal")):
        with suppress(OSError):
            name.unlink(missing_ok=True)


def backup_to_file(
    conn: sqlite3.Connection,
    dest: Path,
    *,
    verify: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Copy the database behind `conn` into `dest` atomically (an existing
    `dest` is replaced); returns `dest`.

    The copy is a single self-contained file (rollback-journal mode), ready to
    be carried on a flash drive or opened by the program. It is written to a
    held temporary file beside `dest` (`tempfiles`: one a killed run leaves is
    removed by the next) and renamed into place only when complete and, with
    `verify`, only when `PRAGMA quick_check` finds it sound: a damaged
    database is never "backed up" into a file that cannot be restored.
    """
    return _backup(conn, dest.parent, lambda tmp: _replace(tmp, dest), verify, progress)


def backup_to_folder(
    conn: sqlite3.Connection,
    folder: Path,
    stem: str,
    label: str,
    *,
    verify: bool = True,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Like `backup_to_file`, into a new `folder/stem-label-YYYYmmdd-HHMMSS.db`
    (-2, -3 … when taken, also by another process in the same second). The
    name appears only when the copy is complete: no empty or half-written
    file ever carries a backup's name."""
    return _backup(
        conn, folder, lambda tmp: publish_unique(tmp, folder, stem, label, now), verify, progress
    )


def _backup(
    conn: sqlite3.Connection,
    folder: Path,
    publish: Callable[[Path], Path],
    verify: bool,
    progress: Progress | None,
) -> Path:
    tempfiles.sweep(folder)
    target = folder
    try:
        with tempfiles.held_temp(folder) as held:
            _copy_into(conn, held.path, verify, progress)
            held.release()
            target = publish(held.path)
    except sqlite3.Error as exc:
        raise _backup_error(target, exc) from exc
    except OSError as exc:
        raise _write_error(target, exc) from exc
    return target


def _replace(tmp: Path, dest: Path) -> Path:
    os.replace(tmp, dest)
    _fsync_folder(dest.parent)
    return dest


def publish_unique(
    tmp: Path, folder: Path, stem: str, label: str, now: datetime | None = None
) -> Path:
    """Give the finished file `tmp` the first free timestamped name in `folder`.

    A hard link takes a name only when it is free (two processes never get the
    same one); where the file system has none (FAT flash drives), a rename
    into a name checked just before is used.
    """
    while True:
        candidate = timestamped_path(folder, stem, label, now)
        try:
            os.link(tmp, candidate)
        except FileExistsError:
            continue
        except OSError:
            if candidate.exists():
                continue
            try:
                os.rename(tmp, candidate)  # never replaces a file on Windows
            except FileExistsError:
                continue
        _fsync_folder(folder)
        return candidate


def _fsync_folder(folder: Path) -> None:
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | flag)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_into(
    conn: sqlite3.Connection, target_path: Path, verify: bool, progress: Progress | None
) -> None:
    with closing(sqlite3.connect(target_path)) as target:
        if progress is None:
            conn.backup(target)
        else:
            conn.backup(target, pages=BACKUP_STEP_PAGES, progress=progress)
        target.execute("PRAGMA journal_mode = DELETE")
        if verify:
            problems = integrity_problems(target, quick=True)
            if problems:
                raise DatabaseDamagedError(
                    "Basis data rusak: cadangan tidak dibuat, karena cadangan dari berkas "
                    f"rusak tidak dapat dipulihkan; {DAMAGED_ADVICE}",
                    "; ".join(problems[:20]),
                )


def _backup_error(dest: Path, exc: sqlite3.Error) -> KinerjaError:
    if error_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamagedError(
            f"Basis data rusak: cadangan tidak dibuat; {DAMAGED_ADVICE}", str(exc)
        )
    return KinerjaError(f"Cadangan tidak dapat ditulis ke {dest}.", str(exc))


def _write_error(dest: Path, exc: OSError) -> KinerjaError:
    if read_only(dest):
        return KinerjaError(
            f"Cadangan tidak dapat ditulis ke {dest}: folder atau berkas tujuan hanya-baca.",
            str(exc),
        )
    return KinerjaError(f"Cadangan tidak dapat ditulis ke {dest}.", str(exc))


def timestamped_path(folder: Path, stem: str, label: str, now: datetime | None = None) -> Path:
    """`folder/stem-label-YYYYmmdd-HHMMSS.db`, with -2, -3 … if taken."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{label}-{stamp}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{label}-{stamp}-{n}.db"
        n += 1
    return candidate


def safety_backup(
    conn: sqlite3.Connection, folder: Path, stem: str, label: str, *, verify: bool = True
) -> Path:
    """A backup into `folder` (created if needed) under a new timestamped name."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KinerjaError(f"Folder cadangan {folder} tidak dapat dibuat.", str(exc)) from exc
    return backup_to_folder(conn, folder, stem, label, verify=verify)


def copy_damaged_file(path: Path, folder: Path, stem: str, label: str) -> Path:
    """A byte copy of a damaged database (and of its -wal, beside the copy),
    for whoever tries to repair it, when the backup API cannot read it.

    Only for a file SQLite reports damaged: a byte copy of a sound live
    database is not a backup (see module docstring).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfiles.held_temp(folder) as held, tempfiles.held_temp(folder) as held_wal:
            _copy_bytes(path, held.path)
            has_wal = wal_path(path).is_file()
            if has_wal:
                _copy_bytes(wal_path(path), held_wal.path)
            held.release()
            held_wal.release()
            dest = publish_unique(held.path, folder, stem, label)
            if has_wal:
                os.replace(held_wal.path, wal_path(dest))
    except OSError as exc:
        raise KinerjaError(
            f"Salinan basis data tidak dapat ditulis ke {folder}.", str(exc)
        ) from exc
    return dest


def _copy_bytes(source: Path, target: Path) -> None:
    with target.open("wb") as out, source.open("rb") as inp:
        shutil.copyfileobj(inp, out)
        out.flush()
        os.fsync(out.fileno())


def sweep_leftovers(folder: Path, stem: str) -> list[Path]:
    """Remove what killed runs left in a database's folder or its backup folder:
    the program's abandoned temporary files (`tempfiles`), and — from earlier
    versions, which did not hold their temporary files — `.pulihkan-*.tmp`,
    `.<name>.*.baru` and the empty files that reserved a backup's name, when
    older than `LEGACY_MIN_AGE_S`. The files removed."""
    removed = tempfiles.sweep(folder)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    limit = time.time() - LEGACY_MIN_AGE_S
    for path in entries:
        if _legacy_leftover(path, stem, limit):
            with suppress(OSError):
                path.unlink()
                tempfiles.remove_with_companions(path)
                removed.append(path)
    return removed


LEGACY_MIN_AGE_S = 600.0
_LEGACY_BACKUP = re.compile(r"^.+-\d{8}-\d{6}(?:-\d+)?\.db$")


def _legacy_leftover(path: Path, stem: str, limit: float) -> bool:
    name = path.name
    legacy_temp = (name.startswith(".pulihkan-") and name.endswith(".tmp")) or (
        name.startswith(f".{stem}.") and name.endswith(".baru")
    )
    empty_backup = name.startswith(f"{stem}-") and bool(_LEGACY_BACKUP.match(name))
    if not (legacy_temp or empty_backup) or path.is_symlink():
        return False
    try:
        info = path.stat()
    except OSError:
        return False
    if empty_backup and info.st_size != 0:
        return False
    return info.st_mtime < limit
