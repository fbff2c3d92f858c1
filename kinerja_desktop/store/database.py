"""Opening the database file: checks, pragmas, backup, migrations.

`open_database(path, create=...)` is the only way the program opens its
SQLite file:

0. a missing file is an error unless the caller asks to create it (a
   mistyped path must not silently become a new, empty database);
1. an existing file is looked at without writing anything (header, version,
   owner); a file that is not SQLite, belongs to another program, or was
   written by a newer version of Kinerja Desktop is refused with an
   Indonesian message and left exactly as it was;
2. the connection gets its pragmas (below);
3. an existing database with an older schema is first backed up with
   SQLite's backup API into `paths.backup_dir`, then migrated step by step.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import OperationalError, PeeweeException, SqliteDatabase

from .. import paths
from ..core.errors import KinerjaError
from . import migrations, models
from .errors import (
    DatabaseFileError,
    DatabaseMissingError,
    DatabaseVersionError,
    read_only,
    read_only_error,
    translate,
)
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

    db: TrackedDatabase
    path: Path
    is_new: bool  # this open created the file
    migrated_from: int | None  # the old schema version, when migrated
    backup_path: Path | None  # the backup taken before migrating


class TrackedDatabase(SqliteDatabase):
    """A peewee database that remembers every connection it opened, in any
    thread (peewee keeps one per thread), so `close_all` can close them all:
    a worker thread that forgot to close its own leaves nothing open."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    def _close(self, conn: sqlite3.Connection) -> None:
        with self._connections_lock:
            if conn in self._connections:
                self._connections.remove(conn)
        super()._close(conn)

    def open_connections(self) -> int:
        with self._connections_lock:
            return len(self._connections)

    def close_all(self) -> None:
        """Close every connection this database opened, in every thread.

        Call it when no other thread is still working with the database: a
        connection closed under a running query makes that query fail.
        """
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            with suppress(sqlite3.Error):
                conn.close()
        self._state.reset()


def make_database(path: Path) -> TrackedDatabase:
    """A peewee database for `path` with the program's pragmas (not yet connected).

    check_same_thread is off only so that `close_all` may close the
    connections of worker threads; each connection is still used by the one
    thread that opened it (peewee keeps them per thread).
    """
    return TrackedDatabase(
        str(path),
        pragmas=list(PRAGMAS),
        timeout=BUSY_TIMEOUT_MS / 1000,
        autoconnect=True,
        check_same_thread=False,
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


def open_database(
    path: Path, *, create: bool = False, make_parents: bool = False
) -> OpenedDatabase:
    """Open (migrating as needed) the database at `path`.

    A missing file is created only with `create` (else DatabaseMissingError),
    and a missing folder only with `make_parents` as well. The file is created
    exclusively (O_CREAT|O_EXCL), so this open knows whether it made it: when
    two processes start on a new file at once, one creates it and both then
    migrate it under the write lock. A failed open removes the file again only
    when this open created it and no migration step has committed.
    """
    path = Path(path).expanduser().absolute()
    created = False
    if not path.exists():
        created = _create_file(path, create, make_parents)
    check_existing(path, inspect_file(path))
    db = make_database(path)
    committed: list[int] = []
    backup = None
    try:
        db.connect()
        models.activate(db)
        old = migrations.user_version(db)
        if 0 < old < migrations.SCHEMA_VERSION:
            backup = backup_before_migration(db, path, old)
        migrations.migrate(db, on_step=committed.append)
    except BaseException as exc:
        _abandon(db, path, remove=created and not committed)
        if isinstance(exc, sqlite3.Error | PeeweeException):
            raise _open_error(path, exc) from exc
        raise
    migrated = old if backup is not None else None
    return OpenedDatabase(db, path, created, migrated, backup)


def _create_file(path: Path, create: bool, make_parents: bool) -> bool:
    """Create the empty database file; False when another process just did."""
    if not create:
        raise DatabaseMissingError(f"Basis data {path} tidak ada.", f"path={path}")
    if not path.parent.is_dir():
        if not make_parents:
            raise DatabaseMissingError(
                f"Folder {path.parent} tidak ada; basis data {path.name} tidak dibuat.",
                f"path={path}",
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KinerjaError(f"Folder {path.parent} tidak dapat dibuat.", str(exc)) from exc
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    except FileExistsError:
        return False
    except OSError as exc:
        if read_only(path):
            raise read_only_error(path, str(exc)) from exc
        raise KinerjaError(f"Basis data {path} tidak dapat dibuat.", str(exc)) from exc
    os.close(fd)
    return True


def _open_error(path: Path, exc: BaseException) -> KinerjaError:
    known = translate(exc, path)
    if known is not None:
        return known
    return DatabaseFileError(f"Basis data {path.name} tidak dapat dibuka.", str(exc))


def _abandon(db: TrackedDatabase, path: Path, remove: bool) -> None:
    """Close after a failed open; remove the file only when told (see open_database)."""
    db.close_all()
    if remove:
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


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """SQLite failures a user can meet in normal work on the database at
    `path` (damaged, read-only, full disk) become one readable KinerjaError;
    any other error passes unchanged."""
    try:
        yield
    except (sqlite3.Error, PeeweeException) as exc:
        known = translate(exc, path)
        if known is None:
            raise
        raise known from exc
