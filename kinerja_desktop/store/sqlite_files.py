"""SQLite files looked at and copied without disturbing them.

* `inspect_file` reads a file's schema version and owner without writing a
  byte: the header is checked first, then the file is opened `immutable`
  (no -wal/-shm created) or, when a -wal with pending rows lies beside it,
  read-only through that WAL so committed rows are seen.
* `backup_to_file` copies a live database with SQLite's backup API into a
  temporary file that is checked (`PRAGMA quick_check`) and renamed into
  place, so a backup is never half written, never misses rows still in the
  -wal (a file copy would) and is never a copy of a damaged database; the
  temporary file goes away on any failure, Ctrl-C included.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    reserved: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Copy the database behind `conn` into `dest` atomically; returns `dest`.

    The copy is a single self-contained file (rollback-journal mode), ready to
    be carried on a flash drive or opened by the program. It is written to a
    temporary file beside `dest` and renamed into place only when complete
    and, with `verify`, only when `PRAGMA quick_check` finds it sound: a
    damaged database is never "backed up" into a file that cannot be restored.
    On any failure or interruption (also Ctrl-C) the temporary file is
    removed, and so is `dest` when it was an empty file `reserved` for this
    copy (`reserve_timestamped_path`).
    """
    tmp: Path | None = None
    done = False
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        tmp = Path(name)
        _copy_into(conn, tmp, verify, progress)
        os.replace(tmp, dest)
        done = True
    except sqlite3.Error as exc:
        raise _backup_error(dest, exc) from exc
    except OSError as exc:
        raise _write_error(dest, exc) from exc
    finally:
        if not done:
            if tmp is not None:
                unlink_quietly(tmp)
            if reserved:
                with suppress(OSError):
                    dest.unlink(missing_ok=True)
    return dest


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


def reserve_timestamped_path(
    folder: Path, stem: str, label: str, now: datetime | None = None
) -> Path:
    """Like `timestamped_path`, and the name is taken at once by an empty file
    created exclusively, so two backups in the same second (also from two
    processes) never get the same name."""
    while True:
        candidate = timestamped_path(folder, stem, label, now)
        try:
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            continue
        except OSError as exc:
            raise KinerjaError(f"Cadangan tidak dapat ditulis ke {folder}.", str(exc)) from exc
        os.close(fd)
        return candidate


def safety_backup(
    conn: sqlite3.Connection, folder: Path, stem: str, label: str, *, verify: bool = True
) -> Path:
    """A backup into `folder` (created if needed) under a timestamped name."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KinerjaError(f"Folder cadangan {folder} tidak dapat dibuat.", str(exc)) from exc
    dest = reserve_timestamped_path(folder, stem, label)
    return backup_to_file(conn, dest, verify=verify, reserved=True)


def copy_damaged_file(path: Path, folder: Path, stem: str, label: str) -> Path:
    """A byte copy of a damaged database (and of its -wal, beside the copy),
    for whoever tries to repair it, when the backup API cannot read it.

    Only for a file SQLite reports damaged: a byte copy of a sound live
    database is not a backup (see module docstring).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KinerjaError(f"Folder cadangan {folder} tidak dapat dibuat.", str(exc)) from exc
    dest = reserve_timestamped_path(folder, stem, label)
    done = False
    try:
        for source, target in ((path, dest), (wal_path(path), wal_path(dest))):
            if source.is_file():
                _copy_bytes(source, target)
        done = True
    except OSError as exc:
        raise KinerjaError(f"Salinan basis data tidak dapat ditulis ke {dest}.", str(exc)) from exc
    finally:
        if not done:
            unlink_quietly(dest)
            unlink_quietly(wal_path(dest))
    return dest


def _copy_bytes(source: Path, target: Path) -> None:
    """`source` into `target` through a temporary file renamed into place."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as inp:
            shutil.copyfileobj(inp, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
