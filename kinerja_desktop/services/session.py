"""An open database as the use cases see it: transactions, audit rows and
change notifications.

`open_session()` opens (migrating, and creating when asked) the database file; every
service takes the `Session` in its constructor. A service's public write runs
inside `session.writing()`: one transaction (BEGIN IMMEDIATE, so the write
lock is taken up front and the audit chain cannot fork), one audit row
recorded through the scope, and after the commit — only then — the anchor
beside the database is brought up to date (`store.anchor`) and every
subscriber hears `(entity, id)` for each record touched. An id of None means
"several or all records of that entity"; the entity "database" means
"everything may have changed" (a restore).

Callbacks run in the thread that made the write; the Qt UI turns them into a
signal. A callback that raises is logged and does not stop the others: the
write has been committed by then.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from .. import paths
from ..store import anchor, audit
from ..store.database import (
    OpenedDatabase,
    TrackedDatabase,
    activate,
    open_database,
    translated_errors,
    write_transaction,
)
from ..store.errors import (
    DatabaseClosedError,
    DatabaseDamagedError,
    DatabaseFileError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    DatabaseVersionError,
)

__all__ = [
    "ChangeCallback",
    "DatabaseClosedError",
    "DatabaseDamagedError",
    "DatabaseFileError",
    "DatabaseMissingError",
    "DatabaseReadOnlyError",
    "DatabaseVersionError",
    "Session",
    "WriteScope",
    "database_of",
    "open_session",
]

log = logging.getLogger(__name__)

ChangeCallback = Callable[[str, int | None], None]


class WriteScope:
    """What one write transaction did: its audit row(s) and the records touched."""

    def __init__(self, actor: str = "") -> None:
        self.changes: list[tuple[str, int | None]] = []
        self.actor = actor

    def record(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        summary: str,
        *,
        actor: str | None = None,
        before: object = None,
        after: object = None,
    ) -> None:
        """Write the audit row for this change and remember what to announce.

        `actor` (default: the session's) is who recorded the change; `before` /
        `after` the values it replaced and wrote (anything JSON can hold), kept
        in the row and covered by its hash."""
        who = self.actor if actor is None else actor
        audit.append(action, entity, entity_id, summary, actor=who, before=before, after=after)
        self.changed(entity, entity_id)

    def changed(self, entity: str, entity_id: int | None) -> None:
        """Announce a change after commit without an audit row of its own."""
        if (entity, entity_id) not in self.changes:
            self.changes.append((entity, entity_id))


class Session:
    """An open database file."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self._db = opened.db
        self.path: Path = opened.path
        self.is_new: bool = opened.is_new
        self.migrated_from: int | None = opened.migrated_from
        self.migration_backup: Path | None = opened.backup_path
        self._callbacks: list[ChangeCallback] = []
        self._close_hooks: list[Callable[[], None]] = []
        self._closed = False
        self.actor: str = default_actor()  # who works at this desk, for the audit rows

    # -- life cycle ----------------------------------------------------------
    def close(self) -> None:
        """Close every connection the session opened, in every thread.

        peewee keeps one connection per thread: the GUI's, and one per worker
        thread that did database work. All of them are closed here (so the
        -wal and -shm files go away with the last one); call it once the
        workers are done. A worker may still close its own earlier with
        `close_thread_connection()`.
        """
        if not self._closed:
            for hook in list(self._close_hooks):
                try:
                    hook()
                except Exception:
                    log.exception("close hook failed")
            self._closed = True
            self._db.close_all()

    def add_close_hook(self, hook: Callable[[], None]) -> None:
        """Call `hook()` first when the session closes (the GUI waits there for
        its background reads, so no connection is closed under a worker)."""
        if hook not in self._close_hooks:
            self._close_hooks.append(hook)

    def close_thread_connection(self) -> None:
        """Close the calling thread's connection (a worker thread when done)."""
        self._db.close()

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

    # -- files ---------------------------------------------------------------
    def is_own_file(self, path: Path | str) -> bool:
        """True when `path` is this database's file or one of its companions
        (-wal, -shm, -journal), however it is written: relative, with `~`,
        through a symbolic link, or as another hard link to the same file.
        Exports and backups must never be written there."""
        target = Path(path).expanduser()
        if _same_file(target, self.path):
            return True
        own = {
            _normal(name.parent / (name.name + suffix))
            for name in (self.path, self.path.resolve())
            for suffix in _COMPANIONS
        }
        return bool({_normal(target), os.path.normcase(target.resolve())} & own)

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
        activate(self._db)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A consistent read (one snapshot) of the database."""
        self.activate()
        with self.translated_errors(), self._db.atomic():
            yield

    @contextmanager
    def writing(self) -> Iterator[WriteScope]:
        """One write transaction; subscribers hear of it after the commit."""
        self.activate()
        scope = WriteScope(self.actor)
        with self.translated_errors(), write_transaction(self._db):
            yield scope
        anchor.update(self.path, self._db.connection())
        self.notify(scope.changes)

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """SQLite failures a user can meet (a damaged, read-only or full
        database) become one readable KinerjaError; others pass unchanged."""
        with translated_errors(self.path):
            yield


def default_actor() -> str:
    """The system's name of the user at this desk (the office PC's login)."""
    try:
        return getpass.getuser() or "pengguna"
    except (OSError, KeyError, ImportError):
        return "pengguna"


def database_of(session: Session) -> TrackedDatabase:
    """The session's peewee database, for the services' file operations
    (backup, restore, health check) — never for the CLI or the window."""
    session.activate()
    return session._db


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _normal(path: Path) -> str:
    """`path` absolute, its folders' links resolved (not its own name: a -wal
    need not exist), in the file system's case rule."""
    absolute = path.absolute()
    return os.path.normcase(absolute.parent.resolve() / absolute.name)


def open_session(
    path: Path | str | None = None,
    *,
    create: bool = False,
    demo_if_new: bool = False,
) -> Session:
    """Open the database at `path` (None: the per-user default database).

    The default database is created (with its folder) when missing, and
    starts empty: the demo library lives in its own database
    (`services.demo.open_demo_session`). A database named by `path` that does
    not exist is created only with `create=True` (missing folders too); with
    `create=False` opening it raises DatabaseMissingError ("Basis data … tidak
    ada."), so a mistyped path never leaves an empty database behind.

    With `demo_if_new`, a database that has never been used (nothing stored
    yet, checked inside the write transaction) gets the demo library. If
    loading it fails, nothing of it is stored.
    """
    use_default = path is None
    db_path = paths.default_db_path() if path is None else Path(path)
    if use_default:
        make, parents = True, True
    else:
        make = parents = create
    session = Session(open_database(db_path, create=make, make_parents=parents))
    if demo_if_new:
        from .demo import load_demo_if_unused  # noqa: PLC0415 (the demo only when asked)

        try:
            load_demo_if_unused(session)
        except BaseException:
            session.close()
            raise
    return session
