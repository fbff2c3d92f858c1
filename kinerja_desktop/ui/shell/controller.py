"""Which database the window shows, and moving between databases.

`WindowController` owns the open `Session`, its `MainWindow` and the
single-instance guard of that database file. At start-up it first shows the
window's frame (`show_frame`, Qt only: nothing of the database stack is
imported yet) and `open` then attaches the database to that same window.
Opening another database
(Berkas menu, the welcome screen, the demo banner) builds a new session and
window first and only then closes the old ones cleanly (running tasks
finished, the layout saved, every connection closed, the lock released).
A database already open in another Kinerja Desktop window is not opened a
second time: that window is brought forward instead. A database that will
not open because it is damaged gets the damaged-database dialog (the newest
sound backup in `cadangan/`), not an ending.
"""

# ruff: noqa: PLC0415 (the database stack is imported once the frame has painted)

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kinerja_desktop import paths
from kinerja_desktop.services.demo_file import demo_db_path, is_demo_path
from kinerja_desktop.ui.common.settings import UiSettings

from .main_window import MainWindow
from .single_instance import InstanceGuard

if TYPE_CHECKING:
    from kinerja_desktop.services.session import Session

    from .damaged import DamagedChoice

log = logging.getLogger(__name__)

DB_FILTER = "Basis data Kinerja Desktop (*.db);;Semua berkas (*)"


def target_path(db_path: Path | None, demo: bool = False) -> Path:
    """The file `open(db_path, demo=…)` shows (None: the office's default database)."""
    return demo_db_path() if demo else Path(db_path or paths.default_db_path())


def open_database_session(
    db_path: Path | None, *, demo: bool = False, create: bool = True, recreate: bool = False
) -> Session:
    """The session of `db_path` (the demo database with `demo`, built when needed)."""
    if demo:
        from kinerja_desktop.services.demo import open_demo_session

        return open_demo_session(recreate=recreate)
    from kinerja_desktop.services.session import open_session

    return open_session(db_path, create=create)


def attach_or_close(window: MainWindow, session: Session) -> None:
    """Attach `session` to `window`; the session is closed when that fails."""
    try:
        window.attach(session)
    except BaseException:
        session.close()
        raise


def build_window(
    db_path: Path | None, *, demo: bool = False, create: bool = True, recreate: bool = False
) -> tuple[Session, MainWindow]:
    """Open a session (the demo database with `demo`) and its window, at once
    (tests, and moving to another database)."""
    session = open_database_session(db_path, demo=demo, create=create, recreate=recreate)
    window = MainWindow(session.path, demo=demo or is_demo_path(session.path))
    attach_or_close(window, session)
    return session, window


class WindowController(QObject):
    """The one window of this process and the database behind it."""

    def __init__(self, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or UiSettings()
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.guard: InstanceGuard | None = None
        self.smoke = False

    # -- the guard -----------------------------------------------------------------
    def claim(self, db_path: Path, listen: bool = True) -> InstanceGuard | None:
        """The lock of `db_path`, or None when another window holds it (it was
        asked to come forward). `listen` False: the caller starts listening
        later (`InstanceGuard.listen`, after the first paint)."""
        guard = InstanceGuard(db_path, self)
        if guard.acquire(listen=listen):
            return guard
        guard.signal_other()
        return None

    # -- opening -------------------------------------------------------------------
    def open(
        self,
        db_path: Path | None,
        *,
        demo: bool = False,
        create: bool = True,
        recreate: bool = False,
        guard: InstanceGuard | None = None,
    ) -> bool:
        """Show `db_path` (None: the office's default database) in the window,
        replacing what it showed; False when it stays as it was."""
        from kinerja_desktop.services.session import DatabaseFileError, DatabaseMissingError
        from kinerja_desktop.ui.common.errors import show_error

        target = target_path(db_path, demo)
        same = (
            self.guard is not None and self.session is not None and _same(target, self.session.path)
        )
        if guard is None and not same:
            guard = self.claim(target)
            if guard is None:
                self._tell(
                    "Basis data sudah terbuka",
                    f"{target} sudah terbuka di jendela Kinerja Desktop lain; jendela itu "
                    "dibawa ke depan.",
                )
                return False
        if same and not recreate:
            return True
        # One database is active per process at a time (store.models): the
        # old session's background work ends before the new one opens.
        QThreadPool.globalInstance().waitForDone()
        if recreate:  # the demo file is rebuilt: let go of it first
            self._close_current(keep_guard=True)
        frame = self.window
        if frame is not None and (frame.attached or frame.demo != (demo or is_demo_path(target))):
            frame = None  # a frame is used only at the start, for what it announced
        try:
            if frame is not None:  # the start: the frame painted already
                session = open_database_session(
                    db_path, demo=demo, create=create, recreate=recreate
                )
                attach_or_close(frame, session)
                window = frame
            else:
                session, window = build_window(db_path, demo=demo, create=create, recreate=recreate)
        except DatabaseMissingError as exc:
            show_error(self.window, exc, "Basis data tidak dapat dibuka")
            if guard is not None and guard is not self.guard:
                guard.release()
            return False
        except DatabaseFileError as exc:  # damaged, or not a database of ours
            return self._damaged(target, exc, guard)
        except Exception as exc:
            show_error(self.window, exc, "Basis data tidak dapat dibuka")
            if guard is not None and guard is not self.guard:
                guard.release()
            return False
        self._install(session, window, guard if guard is not None else self.guard)
        return True

    # -- the frame ------------------------------------------------------------------
    def show_frame(
        self, db_path: Path | None, *, demo: bool = False, guard: InstanceGuard | None = None
    ) -> MainWindow:
        """Show the window's frame for `db_path` before its database opens (the
        start; `guard`: its lock, taken); `open` then attaches the database to
        this same window."""
        target = target_path(db_path, demo)
        window = MainWindow(target, self.settings, demo=demo or is_demo_path(target))
        self.window, self.guard = window, guard
        self._connect(window, guard)
        window.show()
        return window

    def _connect(self, window: MainWindow, guard: InstanceGuard | None) -> None:
        window.open_requested.connect(lambda path, create: self.open(Path(path), create=create))
        window.demo_requested.connect(
            lambda recreate: self.open(None, demo=True, recreate=recreate)
        )
        window.office_requested.connect(lambda: self.open(None))
        if guard is not None:
            guard.show_requested.connect(window.bring_forward)
            if window.first_paint_s is None:
                window.first_painted.connect(guard.listen)
            else:
                guard.listen()

    def _install(self, session: Session, window: MainWindow, guard: InstanceGuard | None) -> None:
        if window is self.window:  # the frame of the start, attached
            self.session = session
            if guard is not self.guard:
                self.guard = guard
                if guard is not None:
                    guard.show_requested.connect(window.bring_forward)
                    guard.listen()
            log.info("basis data dibuka: %s", session.path)
            return
        old_window = self.window
        geometry = old_window.saveGeometry() if old_window is not None else None
        if guard is not self.guard:
            self._close_current()
        elif old_window is not None:
            self._close_current(keep_guard=True)
        self.session, self.window, self.guard = session, window, guard
        if geometry is not None:
            window.restoreGeometry(geometry)
        self._connect(window, guard)
        window.show()
        log.info("basis data dibuka: %s", session.path)

    def _close_current(self, keep_guard: bool = False) -> None:
        window, session = self.window, self.session
        self.window = self.session = None
        if window is not None:
            window.save_layout()
            window.hide()
        QThreadPool.globalInstance().waitForDone()  # tasks of the old session end first
        if window is not None:
            window.deleteLater()
        if session is not None:
            session.close()
        if not keep_guard and self.guard is not None:
            self.guard.release()
            self.guard = None

    def close(self) -> None:
        """At the end of the program."""
        self._close_current()

    # -- a damaged database --------------------------------------------------------
    def _damaged(self, target: Path, exc: Exception, guard: InstanceGuard | None) -> bool:
        from kinerja_desktop.services import recovery
        from kinerja_desktop.ui.common.errors import describe

        from .damaged import DamagedChoice

        message, _details = describe(exc)
        newest = recovery.newest_sound_backup(target)
        choice = self.ask_damaged(target, message, newest)
        if choice is DamagedChoice.RESTORE_NEWEST and newest is not None:
            return self._restore_damaged(target, newest.path, guard)
        if choice is DamagedChoice.CHOOSE_BACKUP:
            picked = self.ask_path("Pilih berkas cadangan", paths.backup_dir(target))
            if picked is not None:
                return self._restore_damaged(target, picked, guard)
        if guard is not None and guard is not self.guard:
            guard.release()
        if choice is DamagedChoice.OPEN_OTHER:
            picked = self.ask_path("Buka basis data lain", target.parent)
            if picked is not None:
                return self.open(picked, create=False)
        return False

    def _restore_damaged(self, target: Path, backup: Path, guard: InstanceGuard | None) -> bool:
        from kinerja_desktop.services import recovery
        from kinerja_desktop.ui.common.errors import show_error

        try:
            kept = recovery.restore_damaged(target, backup)
        except Exception as exc:
            show_error(self.window, exc, "Pemulihan gagal")
            if guard is not None and guard is not self.guard:
                guard.release()
            return False
        log.info("basis data rusak %s dipulihkan dari %s; salinannya %s", target, backup, kept)
        opened = self.open(target, create=False, guard=guard)
        if opened:
            self._tell(
                "Basis data dipulihkan",
                f"Basis data dipulihkan dari {backup.name}.\n\n"
                f"Berkas yang rusak disimpan sebagai\n{kept}",
            )
        return opened

    # -- questions (tests replace these) -------------------------------------------
    def ask_damaged(self, target: Path, message: str, newest) -> DamagedChoice:
        from .damaged import DamagedDialog

        return DamagedDialog(self.window, target, message, newest).ask()

    def ask_path(self, title: str, folder: Path) -> Path | None:
        parent: QWidget | None = self.window
        start = folder if folder.is_dir() else Path.home()
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), DB_FILTER)
        return Path(chosen) if chosen else None

    def _tell(self, title: str, text: str) -> None:
        if self.smoke:
            log.info("%s: %s", title, text)
            return
        QMessageBox.information(self.window, title, text)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
