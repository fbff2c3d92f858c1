"""The Berkas menu: another database, a new one, the demo, backup, restore, check.

Opening another database is asked of the controller by the window's signals
(the window itself is rebuilt on the new session). A restore first shows what
the backup holds beside what the database holds now (`RestoreDialog`) and
replaces nothing until the user says so; the work runs in the background.
"""

# ruff: noqa: PLC0415 (the backup and repair modules load when a command needs them)

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kinerja_desktop import paths
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.icons import icon
from kinerja_desktop.ui.common.operations import run_task

if TYPE_CHECKING:
    from .main_window import MainWindow

DB_FILTER = "Basis data Kinerja Desktop (*.db)"
ANY_FILTER = "Semua berkas (*)"


class DatabaseActions:
    """The actions of the Berkas menu and the work behind them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.tasks: list = []
        self.new_action = self._action("Basis data &baru…", self.new_database, "baru")
        self.open_action = self._action("&Buka basis data lain…", self.open_other, "buka")
        if window.demo:
            self.demo_action = self._action(
                "Buka basis data &kantor", window.office_requested.emit, "beranda"
            )
        else:
            self.demo_action = self._action(
                "Coba dengan data &contoh", lambda: window.demo_requested.emit(False), "demo"
            )
        self.backup_action = self._action(
            "&Cadangkan basis data…", self.backup_database, "cadangkan", "Ctrl+Shift+S"
        )
        self.restore_action = self._action("&Pulihkan dari cadangan…", self.restore, "pulihkan")
        self.check_action = self._action(
            "&Periksa keutuhan basis data", self.check_database, "periksa"
        )

    def _action(self, text: str, slot, icon_name: str, shortcut: str | None = None) -> QAction:
        action = QAction(icon(icon_name), text, self.window)
        if shortcut:
            # setShortcuts([...]): setShortcut's overloads build Qt's namespace (~20 ms
            # before the first paint, see frame.ALIGN_CENTER).
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        return action

    def file_actions(self) -> list[QAction | None]:
        """For the Berkas menu, in order (None = separator)."""
        return [
            self.new_action,
            self.open_action,
            self.demo_action,
            None,
            self.backup_action,
            self.restore_action,
            self.check_action,
        ]

    @property
    def session(self):
        return self.window.session

    # -- file choosers (tests replace these) ---------------------------------------
    def ask_open_path(self, title: str, folder: Path, file_filter: str) -> Path | None:
        target, _ = QFileDialog.getOpenFileName(self.window, title, str(folder), file_filter)
        return Path(target) if target else None

    def ask_save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), file_filter)
        return Path(target) if target else None

    # -- other databases -----------------------------------------------------------
    def open_other(self) -> None:
        settings = self.window.settings
        path = self.ask_open_path(
            "Buka basis data lain",
            settings.last_folder("basis_data"),
            f"{DB_FILTER};;{ANY_FILTER}",
        )
        if path is None:
            return
        settings.set_last_folder(path, "basis_data")
        self.window.open_requested.emit(path, False)

    def new_database(self) -> None:
        settings = self.window.settings
        suggested = settings.last_folder("basis_data") / "kinerja-baru.db"
        path = self.ask_save_path("Basis data baru", suggested, DB_FILTER)
        if path is None:
            return
        if path.suffix.lower() != ".db":
            path = path.with_name(path.name + ".db")
        if path.exists():
            QMessageBox.warning(
                self.window,
                "Basis data baru",
                f"Berkas {path} sudah ada. Basis data baru harus berupa berkas baru; pilih "
                "nama lain, atau pakai Buka basis data lain.",
            )
            return
        settings.set_last_folder(path, "basis_data")
        self.window.open_requested.emit(path, True)

    # -- backup and restore --------------------------------------------------------
    def backup_database(self) -> None:
        from kinerja_desktop.services.database_service import DatabaseService

        live = self.session.path
        folder = self.window.settings.last_folder("cadangan")
        suggested = folder / f"{live.stem}-cadangan.db"
        target = self.ask_save_path("Cadangkan basis data", suggested, DB_FILTER)
        if target is None:
            return
        self.window.settings.set_last_folder(target, "cadangan")
        session = self.session
        self._start(
            "Mencadangkan basis data…",
            lambda _control: DatabaseService(session).backup(target),
            lambda written: self.window.statusBar().showMessage(
                f"Cadangan dibuat: {written}", 8000
            ),
        )

    def restore_folder(self) -> Path:
        automatic = paths.backup_dir(self.session.path)
        return automatic if automatic.is_dir() else self.window.settings.last_folder("cadangan")

    def restore(self) -> None:
        path = self.ask_open_path(
            "Pulihkan dari cadangan", self.restore_folder(), f"{DB_FILTER};;{ANY_FILTER}"
        )
        if path is None:
            return
        self.restore_from(path)

    def restore_from(self, path: Path) -> None:
        """Show what `path` holds; restore it only when the user confirms."""
        from kinerja_desktop.services import database_service
        from kinerja_desktop.services.database_service import DatabaseService

        from .restore_dialog import RestoreDialog

        try:
            backup = database_service.preview_backup(path)
            current = database_service.summary_of_session(self.session)
        except Exception as exc:
            show_error(self.window, exc, "Cadangan tidak dapat dipulihkan")
            return
        if not RestoreDialog(self.window, backup, current).ask():
            self.window.statusBar().showMessage(
                "Pemulihan dibatalkan; tidak ada yang diubah.", 8000
            )
            return
        session = self.session
        self._start(
            "Memulihkan basis data…",
            lambda _control: DatabaseService(session).restore(path),
            lambda safety: self._restored(path, safety),
        )

    def _restored(self, path: Path, safety: Path) -> None:
        self.window.statusBar().showMessage(f"Dipulihkan dari {path.name}", 10000)
        QMessageBox.information(
            self.window,
            "Pemulihan selesai",
            f"Basis data dipulihkan dari {path.name}.\n\nIsi sebelumnya disimpan sebagai\n{safety}",
        )

    def check_database(self) -> None:
        from kinerja_desktop.services.database_service import DatabaseService

        try:
            result = DatabaseService(self.session).check()
        except Exception as exc:
            show_error(self.window, exc)
            return
        notes = "".join(f"\n\nCatatan: {n}" for n in result.notes)
        if result.problems:
            QMessageBox.warning(
                self.window,
                "Periksa basis data",
                "Ditemukan masalah:\n" + "\n".join(f"• {p}" for p in result.problems) + notes,
            )
        else:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Periksa basis data",
                "Basis data sehat.",
                parent=self.window,
            )
            box.setInformativeText(
                f"Diperiksa: keutuhan berkas, struktur, rantai {result.audit_rows} catatan audit "
                f"dan hash {result.revisions_checked} revisi SOP.{notes}"
            )
            box.exec()

    def _start(self, label: str, fn, on_done) -> None:
        task = run_task(self.window, label, fn, on_done)
        self.tasks = [t for t in self.tasks if t.running] + [task]
