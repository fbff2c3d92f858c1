"""The connection to the database file: pragmas, and a peewee database that
can close the connections of every thread.

Used by `store.database` (opening an existing file) and `store.create`
(building a new one); the services reach the database only through a
`Session`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from peewee import PeeweeException, SqliteDatabase

from .errors import translate
from .users import BUSY_TIMEOUT_MS

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
