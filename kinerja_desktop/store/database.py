"""Opening the database file: checks, backup, migrations.

`open_database(path, create=...)` is the only way the program opens its
SQLite file:

0. a missing file is an error unless the caller asks to create it (a
   mistyped path must not silently become a new, empty database); a new
   file is built whole before it appears (`store.create`);
1. an existing file is looked at without writing anything (header, version,
   owner); a file that is not SQLite, belongs to another program, or was
   written by a newer version of Kinerja Desktop is refused with an
   Indonesian message and left exactly as it was;
2. the connection gets its pragmas (`store.connection`);
3. an existing database with an older schema is first backed up with
   SQLite's backup API into `paths.backup_dir`, then migrated step by step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from peewee import OperationalError, PeeweeException, SqliteDatabase

from .. import paths
from . import migrations, models
from .connection import (
    BUSY_TIMEOUT_MS,
    PRAGMAS,
    TrackedDatabase,
    make_database,
    translated_errors,
)
from .create import create_database_file
from .errors import DatabaseFileError, DatabaseMissingError, DatabaseVersionError, open_error
from .sqlite_files import FileInfo, inspect_file, safety_backup, sweep_leftovers
from .users import busy_error, is_busy

__all__ = [
    "BUSY_TIMEOUT_MS",
    "PRAGMAS",
    "OpenedDatabase",
    "TrackedDatabase",
    "activate",
    "check_existing",
    "has_companions",
    "is_kinerja_database",
    "is_unused",
    "make_database",
    "open_database",
    "read_pragma",
    "translated_errors",
    "write_transaction",
]


@dataclass
class OpenedDatabase:
    """An open database and what happened while opening it."""

    db: TrackedDatabase
    path: Path
    is_new: bool  # this open created the file
    migrated_from: int | None  # the old schema version, when migrated
    backup_path: Path | None  # the backup taken before migrating


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


def open_database(
    path: Path, *, create: bool = False, make_parents: bool = False
) -> OpenedDatabase:
    """Open (migrating as needed) the database at `path`.

    A missing file is created only with `create` (else DatabaseMissingError),
    and a missing folder only with `make_parents` as well (`store.create`: a
    new database appears whole, so two processes starting on one new file at
    once never see it half made, and exactly one of them creates it). A
    failed open never removes the file at `path`: it was either there before
    or published whole, and another process may be using it.
    """
    path = Path(path).expanduser().absolute()
    created = False
    clean_leftovers(path)
    if not path.exists():
        if not create:
            raise DatabaseMissingError(f"Basis data {path} tidak ada.", f"path={path}")
        created = create_database_file(path, make_parents=make_parents)
    check_existing(path, inspect_file(path))
    db = make_database(path)
    backup = None
    try:
        db.connect()
        models.activate(db)
        old = migrations.user_version(db)
        if 0 < old < migrations.SCHEMA_VERSION:
            backup = backup_before_migration(db, path, old)
        migrations.migrate(db)
    except BaseException as exc:
        db.close_all()
        if isinstance(exc, sqlite3.Error | PeeweeException):
            raise open_error(path, exc) from exc
        raise
    migrated = old if backup is not None else None
    return OpenedDatabase(db, path, created, migrated, backup)


def clean_leftovers(path: Path) -> None:
    """What killed runs left beside the database and among its backups
    (`sqlite_files.sweep_leftovers`): abandoned temporary files, never a file
    another process is still writing."""
    sweep_leftovers(path.parent, path.stem)
    folder = paths.backup_dir(path)
    if folder.is_dir():
        sweep_leftovers(folder, path.stem)


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
        if is_busy(exc):
            raise busy_error(Path(db.database), "menyimpan perubahan", exc) from exc
        raise


def is_kinerja_database(path: Path) -> bool:
    """True for an existing SQLite file marked as a Kinerja Desktop database
    (its application_id), whatever its version; nothing is written."""
    try:
        info = inspect_file(path)
    except DatabaseFileError:
        return False
    return info.application_id == migrations.APPLICATION_ID and info.user_version >= 1


def has_companions(path: Path) -> bool:
    """A -wal, -shm or -journal beside `path`: the file is (or was just) in use."""
    return any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm", "-journal"))


def activate(db: SqliteDatabase) -> None:
    """Point the store's tables at `db` (the session's database)."""
    models.activate(db)


def is_unused() -> bool:
    """Nothing stored yet in the active database: no row in any table."""
    return models.is_unused()
