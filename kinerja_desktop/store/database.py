"""Opening the database file: checks, pragmas, backup, migrations.

`open_database(path)` is the only way the program opens its SQLite file:

1. an existing file is looked at without writing anything (header, version,
   owner); a file that is not SQLite, belongs to another program, or was
   written by a newer version of Kinerja Desktop is refused with an
   Indonesian message and left exactly as it was;
2. the connection gets its pragmas (below);
3. an existing database with an older schema is first backed up with
   SQLite's backup API into `paths.backup_dir`, then migrated step by step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from peewee import OperationalError, PeeweeException, SqliteDatabase

from .. import paths
from ..core.errors import KinerjaError
from . import migrations, models
from .errors import DatabaseFileError, DatabaseVersionError
from .sqlite_files import FileInfo, inspect_file, safety_backup

BUSY_TIMEOUT_MS = 5000

# WAL lets the GUI read while a background task writes. synchronous=FULL makes
# WAL fsync on every commit: these are office records (SOPs about to be signed)
# on a PC that can lose power at any moment, and a commit must survive that.
# FULL still allows thousands of commits per second here, far more than one
# person at a desk produces; NORMAL could lose the last commits on power loss.
PRAGMAS: tuple[tuple[str, object], ...] = (
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
)


@dataclass
class OpenedDatabase:
    """An open database and what happened while opening it."""

    db: SqliteDatabase
    path: Path
    is_new: bool  # the file did not exist before
    migrated_from: int | None  # the old schema version, when migrated
    backup_path: Path | None  # the backup taken before migrating


def make_database(path: Path) -> SqliteDatabase:
    """A peewee database for `path` with the program's pragmas (not yet connected)."""
    return SqliteDatabase(
        str(path), pragmas=list(PRAGMAS), timeout=BUSY_TIMEOUT_MS / 1000, autoconnect=True
    )


def check_existing(path: Path, info: FileInfo) -> None:
    """Refuse files the program must not open; they are not touched."""
    if info.is_blank:
        return
    if info.application_id != migrations.APPLICATION_ID or info.user_version < 1:
        raise DatabaseFileError(
            f"Berkas {path.name} adalah basis data SQLite milik program lain, "
            "bukan basis data Kinerja Desktop.",
            f"path={path}, application_id={info.application_id}, user_version={info.user_version}",
        )
    if info.user_version > migrations.SCHEMA_VERSION:
        raise DatabaseVersionError(
            f"Basis data {path.name} dibuat oleh versi Kinerja Desktop yang lebih baru "
            f"(skema versi {info.user_version}; versi ini hanya mengenal sampai versi "
            f"{migrations.SCHEMA_VERSION}). Perbarui aplikasi untuk membukanya. "
            "Berkas tidak diubah.",
            f"path={path}",
        )


def open_database(path: Path) -> OpenedDatabase:
    """Open (creating or migrating as needed) the database at `path`."""
    path = Path(path).expanduser().absolute()
    existed = path.exists()
    if existed:
        check_existing(path, inspect_file(path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KinerjaError(f"Folder {path.parent} tidak dapat dibuat.", str(exc)) from exc
    db = make_database(path)
    try:
        db.connect()
        models.activate(db)
        old = migrations.user_version(db)
        backup = None
        if 0 < old < migrations.SCHEMA_VERSION:
            backup = backup_before_migration(db, path, old)
        migrations.migrate(db)
    except (sqlite3.Error, PeeweeException) as exc:
        _abandon(db, path, existed)
        raise DatabaseFileError(f"Basis data {path.name} tidak dapat dibuka.", str(exc)) from exc
    except BaseException:
        _abandon(db, path, existed)
        raise
    migrated = old if backup is not None else None
    return OpenedDatabase(db, path, not existed, migrated, backup)


def _abandon(db: SqliteDatabase, path: Path, existed: bool) -> None:
    """Close after a failed open; a file this open created is removed again."""
    db.close()
    if not existed:
        remove_database_files(path)


def remove_database_files(path: Path) -> None:
    """The database file and its -wal, -shm and -journal companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def backup_before_migration(db: SqliteDatabase, path: Path, old_version: int) -> Path:
    label = f"sebelum-migrasi-v{old_version}"
    return safety_backup(db.connection(), paths.backup_dir(path), path.stem, label)


def read_pragma(db: SqliteDatabase, name: str) -> object:
    return db.execute_sql(f"PRAGMA {name}").fetchone()[0]


@contextmanager
def write_transaction(db: SqliteDatabase) -> Iterator[None]:
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

    Taking it up front means two writers queue (up to the busy timeout)
    instead of failing half-way; a database held longer by another program
    gives a readable message.
    """
    try:
        with db.atomic("IMMEDIATE"):
            yield
    except OperationalError as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise KinerjaError(
                "Basis data sedang dipakai oleh proses lain; coba lagi sebentar lagi.", text
            ) from exc
        raise
