"""Errors of the database file itself, with messages for the user (Indonesian).

Raised by the store; the services re-export them so the CLI and the UI can
name them without importing the store.
"""

from __future__ import annotations

from ..core.errors import FileFormatError, KinerjaError


class DatabaseFileError(FileFormatError):
    """The file is not a (readable) Kinerja Desktop database."""


class DatabaseVersionError(KinerjaError):
    """The database was written by a newer version of the program."""


class DatabaseClosedError(KinerjaError):
    """A call on a database that has already been closed."""
