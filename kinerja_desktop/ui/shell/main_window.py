"""The main window: menus, the navigation between pages, the status bar.

Pages (the SOP catalogue, and what other rooms register) live in
`self.navigation` (`navigation.Navigation`); `self.relay.changed` carries the
session's committed changes `(entity, id)` to every page as a Qt signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from kinerja_desktop import APP_NAME, __version__, diagnostics
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.operations import run_task
from kinerja_desktop.ui.common.settings import UiSettings
from kinerja_desktop.ui.sop.actions import SopActions
from kinerja_desktop.ui.sop.catalogue import SopCatalogue

from .navigation import SECTION_SOP, Navigation

PAGE_SOP_CATALOGUE = "sop.katalog"


class ChangeRelay(QObject):
    """Turns the session's plain-Python change callbacks into a Qt signal."""

    changed = Signal(str, object)

    def __call__(self, entity: str, entity_id: int | None) -> None:
        self.changed.emit(entity, entity_id)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or UiSettings()
        self.setWindowTitle(f"{APP_NAME} — {session.path.name}")
        self.resize(1200, 720)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.navigation = Navigation(self)
        self.setCentralWidget(self.navigation)
        self.catalogue = SopCatalogue(SopService(session), self)
        self.navigation.add_page(
            PAGE_SOP_CATALOGUE,
            "Katalog SOP",
            self.catalogue,
            section=SECTION_SOP,
            tooltip="Daftar SOP kantor: cari, periksa, ekspor, cetak",
        )
        self.sop_actions = SopActions(self, session, self.catalogue, self.settings)
        self.relay = ChangeRelay(self)
        session.subscribe(self.relay)
        self.relay.changed.connect(lambda *_: self.catalogue.refresh())
        self._build_menus()
        self.statusBar().showMessage(f"Basis data: {session.path}")

    def _build_menus(self) -> None:
        berkas = self.menuBar().addMenu("&Berkas")
        self._action(berkas, "&Cadangkan basis data…", self.backup_database, "Ctrl+Shift+S")
        self._action(berkas, "&Periksa keutuhan basis data", self.check_database)
        berkas.addSeparator()
        self._action(berkas, "&Keluar", self.close, QKeySequence.StandardKey.Quit)
        sop = self.menuBar().addMenu("&SOP")
        for action in self.sop_actions.actions():
            if action is None:
                sop.addSeparator()
            else:
                sop.addAction(action)
        toolbar = self.addToolBar("SOP")
        toolbar.setObjectName("sopToolbar")
        toolbar.setMovable(False)
        for action in self.sop_actions.toolbar_actions():
            toolbar.addAction(action)
        lihat = self.menuBar().addMenu("&Lihat")
        self._action(lihat, "&Cari SOP", self.find_sop, QKeySequence.StandardKey.Find)
        self._action(lihat, "Muat &ulang", self.catalogue.refresh, QKeySequence.StandardKey.Refresh)
        bantuan = self.menuBar().addMenu("Ba&ntuan")
        self._action(bantuan, "&Tentang Kinerja Desktop", self.about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def find_sop(self) -> None:
        self.navigation.show_page(PAGE_SOP_CATALOGUE)
        self.catalogue.search.setFocus()
        self.catalogue.search.selectAll()

    def closeEvent(self, event) -> None:
        self.settings.set_geometry(self.saveGeometry())
        super().closeEvent(event)

    def backup_database(self) -> None:
        suggested = str(self.session.path.with_name(self.session.path.stem + "-cadangan.db"))
        target, _ = QFileDialog.getSaveFileName(
            self, "Cadangkan basis data", suggested, "Basis data (*.db)"
        )
        if not target:
            return
        self._backup_task = run_task(
            self,
            "Mencadangkan basis data…",
            lambda _control: DatabaseService(self.session).backup(Path(target)),
            lambda written: self.statusBar().showMessage(f"Cadangan dibuat: {written}", 8000),
        )

    def check_database(self) -> None:
        try:
            problems = DatabaseService(self.session).integrity_check()
        except Exception as exc:
            show_error(self, exc)
            return
        if problems:
            QMessageBox.warning(
                self, "Periksa basis data", "Ditemukan masalah:\n" + "\n".join(problems)
            )
        else:
            QMessageBox.information(self, "Periksa basis data", "Basis data sehat.")

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"Tentang {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>SOP AP (Permenpan RB 35/2012) dan data kinerja "
            f"kantor Kecamatan, sepenuhnya luring.<br><br>Basis data: {self.session.path}"
            f"<br>Catatan galat: {diagnostics.log_file()}",
        )
