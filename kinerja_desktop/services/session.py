"""An open database as the use cases see it: transactions, audit rows and
change notifications.

`open_session()` opens (creating or migrating) the database file; every
service takes the `Session` in its constructor. A service's public write runs
inside `session.writing()`: one transaction (BEGIN IMMEDIATE, so the write
lock is taken up front and the audit chain cannot fork), one audit row
recorded through the scope, and after the commit — only then — every
subscriber hears `(entity, id)` for each record touched. An id of None means
"several or all records of that entity"; the entity "database" means
"everything may have changed" (a restore).

Callbacks run in the thread that made the write; the Qt UI turns them into a
signal. A callback that raises is logged and does not stop the others: the
write has been committed by then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from .. import paths
from ..store import audit, models
from ..store.database import (
    OpenedDatabase,
    open_database,
    remove_database_files,
    write_transaction,
)
from ..store.errors import DatabaseClosedError, DatabaseFileError, DatabaseVersionError
from .demo import load_demo

__all__ = [
    "ChangeCallback",
    "DatabaseClosedError",
    "DatabaseFileError",
    "DatabaseVersionError",
    "Session",
    "WriteScope",
    "open_session",
]

log = logging.getLogger(__name__)

ChangeCallback = Callable[[str, int | None], None]


class WriteScope:
    """What one write transaction did: its audit row(s) and the records touched."""

    def __init__(self) -> None:
        self.changes: list[tuple[str, int | None]] = []

    def record(self, action: str, entity: str, entity_id: int | None, summary: str) -> None:
        """Write the audit row for this change and remember what to announce."""
        audit.append(action, entity, entity_id, summary)
        self.changed(entity, entity_id)

    def changed(self, entity: str, entity_id: int | None) -> None:
        """Announce a change after commit without an audit row of its own."""
        if (entity, entity_id) not in self.changes:
            self.changes.append((entity, entity_id))


class Session:
    """An open database file."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self.db = opened.db
        self.path: Path = opened.path
        self.is_new: bool = opened.is_new
        self.migrated_from: int | None = opened.migrated_from
        self.migration_backup: Path | None = opened.backup_path
        self._callbacks: list[ChangeCallback] = []
        self._closed = False

    # -- life cycle ----------------------------------------------------------
    def close(self) -> None:
        """Close the calling thread's connection (peewee keeps one per thread;
        a worker thread closes its own with `session.db.close()` when done)."""
        if not self._closed:
            self._closed = True
            self.db.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- notifications -------------------------------------------------------
    def subscribe(self, callback: ChangeCallback) -> None:
        """Call `callback(entity, id)` after every committed write."""
        self._callbacks.append(callback)

    def unsubscribe(self, callback: ChangeCallback) -> None:
        with suppress(ValueError):
            self._callbacks.remove(callback)

    def notify(self, changes: list[tuple[str, int | None]]) -> None:
        for entity, entity_id in changes:
            for callback in list(self._callbacks):
                try:
                    callback(entity, entity_id)
                except Exception:
                    log.exception("change callback failed for %s %s", entity, entity_id)

    # -- transactions --------------------------------------------------------
    def activate(self) -> None:
        """Make the models talk to this database."""
        if self._closed:
            raise DatabaseClosedError("Basis data sudah ditutup.")
        models.activate(self.db)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A consistent read (one snapshot) of the database."""
        self.activate()
        with self.db.atomic():
            yield

    @contextmanager
    def writing(self) -> Iterator[WriteScope]:
        """One write transaction; subscribers hear of it after the commit."""
        self.activate()
        scope = WriteScope()
        with write_transaction(self.db):
            yield scope
        self.notify(scope.changes)


def open_session(path: Path | str | None = None, *, demo_if_new: bool | None = None) -> Session:
    """Open the database at `path` (None: the per-user default database).

    A database file that did not exist gets the demo library when
    `demo_if_new` is True, or when it is None and `path` is None (the default
    database on first start). If loading the demo fails, the new file is
    removed again, so the next start tries afresh.
    """
    use_default = path is None
    db_path = paths.default_db_path() if path is None else Path(path)
    session = Session(open_database(db_path))
    wants_demo = demo_if_new if demo_if_new is not None else use_default
    if session.is_new and wants_demo:
        try:
            load_demo(session)
        except BaseException:
            session.close()
            remove_database_files(session.path)
            raise
    return session
