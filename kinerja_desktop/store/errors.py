"""Errors of the database file itself, with messages for the user (Indonesian).

Raised by the store; the services re-export them so the CLI and the UI can
name them without importing the store.

`translate` turns the SQLite failures a user can meet in normal work (a
damaged file, a read-only file or folder, a full disk) into one of these;
anything else is left to the caller, as a programming error.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..core.errors import FileFormatError, KinerjaError
from .users import busy_error

# SQLite result codes (the primary code is the low byte of the extended one).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

DAMAGED_ADVICE = "jalankan `db periksa`, lalu pulihkan dari cadangan."


class DatabaseFileError(FileFormatError):
    """The file is not a (readable) Kinerja Desktop database."""


class DatabaseMissingError(DatabaseFileError):
    """The database named does not exist (and was not to be created)."""


class DatabaseDamagedError(DatabaseFileError):
    """The database file is damaged (SQLite reports it malformed)."""


class DatabaseReadOnlyError(KinerjaError):
    """The database file or its folder cannot be written."""


class DatabaseVersionError(KinerjaError):
    """The database was written by a newer version of the program."""


class DatabaseClosedError(KinerjaError):
    """A call on a database that has already been closed."""


def sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `exc` (itself, or the one peewee wrapped)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        inner = current.args[0] if current.args else None
        if isinstance(inner, sqlite3.Error):
            return inner
        current = current.__cause__ or current.__context__
    return None


def error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind `exc`, when there is one."""
    cause = sqlite_cause(exc)
    code = getattr(cause, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def translate(exc: BaseException, path: Path) -> KinerjaError | None:
    """The user's error for an SQLite failure on the database at `path`,
    or None when it is not one a user can meet in normal work."""
    code = error_code(exc)
    detail = f"path={path}; {exc}"
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in str(exc):
        return busy_error(path, "membuka atau mengubah basis data", exc)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamagedError(f"Basis data {path.name} rusak; {DAMAGED_ADVICE}", detail)
    if code == SQLITE_READONLY or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and read_only(path)):
        return read_only_error(path, detail)
    if code == SQLITE_FULL:
        return KinerjaError(
            f"Disk tempat basis data {path.name} penuh; kosongkan ruang lalu coba lagi.", detail
        )
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return KinerjaError(
            f"Basis data {path} tidak dapat dibaca atau ditulis (galat disk atau izin berkas).",
            detail,
        )
    return None


def read_only(path: Path) -> bool:
    """True when the database file or its folder cannot be written by this user."""
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return path.parent.is_dir() and not os.access(path.parent, os.W_OK)


def read_only_error(path: Path, detail: str = "") -> DatabaseReadOnlyError:
    return DatabaseReadOnlyError(
        f"Basis data {path} tidak dapat ditulis: hanya-baca (berkas atau foldernya). "
        "Periksa izin berkas dan foldernya, atau salin basis data ke folder lain.",
        detail or f"path={path}",
    )


def open_error(path: Path, exc: BaseException) -> KinerjaError:
    """The user's error for a failure while opening the database at `path`."""
    known = translate(exc, path)
    if known is not None:
        return known
    return DatabaseFileError(f"Basis data {path.name} tidak dapat dibuka.", str(exc))
