"""The main window: menus, toolbar, the navigation between pages, the status bar.

Pages live in `self.navigation` (`navigation.Navigation`): Beranda, the SOP
catalogue, the office screens, and what other rooms register.
`self.relay.changed` carries the session's committed changes `(entity, id)`
as a Qt signal; each page listens only to the entities it shows.

A database whose office has no name yet (a new one) opens on the welcome
screen (`welcome.WelcomePage`); the demo database carries a banner and says
so in the title. Opening another database is the controller's work
(`controller.WindowController`): the window only asks, by signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from kinerja_desktop import APP_NAME, __version__, diagnostics
from kinerja_desktop.services.entities import DATABASE, OFFICE_PROFILE, SOP, STAFF, UNIT
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.common.icons import app_icon, icon
from kinerja_desktop.ui.common.settings import UiSettings
from kinerja_desktop.ui.kinerja.pages import PAGES, KinerjaPages
from kinerja_desktop.ui.kinerja.report_pages import REPORT_PAGES
from kinerja_desktop.ui.office.pages import OfficePages
from kinerja_desktop.ui.sop.actions import SopActions
from kinerja_desktop.ui.sop.catalogue import SopCatalogue

from .beranda import BerandaPage
from .database_actions import DatabaseActions
from .drops import DropRouter
from .help import show_help
from .navigation import SECTION_BERANDA, SECTION_KANTOR, SECTION_SOP, Navigation
from .startup import FirstPaint
from .welcome import DemoBanner, WelcomePage

PAGE_BERANDA = "beranda"
PAGE_SOP_CATALOGUE = "sop.katalog"
SOP_ENTITIES = frozenset({SOP, DATABASE})
OFFICE_ENTITIES = frozenset({OFFICE_PROFILE, STAFF, UNIT, DATABASE})


def wait_for_tasks() -> None:
    """Let background work (a Beranda read, a print) end before its session closes."""
    QThreadPool.globalInstance().waitForDone()


class ChangeRelay(QObject):
    """Turns the session's plain-Python change callbacks into a Qt signal."""

    changed = Signal(str, object)

    def __call__(self, entity: str, entity_id: int | None) -> None:
        self.changed.emit(entity, entity_id)


class MainWindow(QMainWindow):
    """One database's window. Signals ask the controller to open another."""

    open_requested = Signal(object, bool)  # path, create
    demo_requested = Signal(bool)  # recreate
    office_requested = Signal()  # the office's own (default) database
    first_painted = Signal()

    def __init__(
        self, session: Session, settings: UiSettings | None = None, *, demo: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or UiSettings()
        self.demo = demo
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self._title())
        self.resize(1200, 720)
        self.relay = ChangeRelay(self)
        session.subscribe(self.relay)
        session.add_close_hook(wait_for_tasks)
        self._build_pages()
        self.sop_actions = SopActions(self, session, self.catalogue, self.settings)
        self.database_actions = DatabaseActions(self)
        self.drops = DropRouter(self)
        # data kinerja pages (part 2: validasi, perbaikan, laporan); its drops before the SOP import
        self.kinerja = KinerjaPages(self, [*PAGES, *REPORT_PAGES])
        self.drops.register(self.sop_actions.can_import_path, self.sop_actions.import_paths)
        self._build_menus()
        self._build_status_bar()
        self.relay.changed.connect(self._route_change)
        self._restore_layout()
        self._show_first_screen()
        FirstPaint(self, lambda _s: self.first_painted.emit())
        self.first_painted.connect(self.beranda.start)

    def _title(self) -> str:
        if self.demo:
            return f"{APP_NAME} — DATA CONTOH ({self.session.path.name})"
        return f"{APP_NAME} — {self.session.path.name}"

    # -- building ----------------------------------------------------------------
    def _build_pages(self) -> None:
        self.navigation = Navigation(self)
        self.beranda = BerandaPage(self.session, self.settings, self)
        self.navigation.add_page(
            PAGE_BERANDA,
            "Beranda",
            self.beranda,
            section=SECTION_BERANDA,
            icon=icon("beranda"),
            tooltip="Ringkasan: status SOP, kesalahan, SOP yang perlu ditinjau, perubahan terbaru",
        )
        self.catalogue = SopCatalogue(SopService(self.session), self)
        self.navigation.add_page(
            PAGE_SOP_CATALOGUE,
            "Katalog SOP",
            self.catalogue,
            section=SECTION_SOP,
            icon=icon("katalog"),
            tooltip="Daftar SOP kantor: cari, periksa, ekspor, cetak",
        )
        self.office = OfficePages(self.session, self.settings, self)
        self.office.register(self.navigation, SECTION_KANTOR)
        self.beranda.open_requested.connect(self.open_item)
        self.welcome = WelcomePage(self)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.welcome)
        self.body.addWidget(self.navigation)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.demo:
            self.banner = DemoBanner(self)
            layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        db = self.database_actions
        berkas = self.menuBar().addMenu("&Berkas")
        for action in db.file_actions():
            if action is None:
                berkas.addSeparator()
            else:
                berkas.addAction(action)
        berkas.addSeparator()
        self._action(berkas, "&Keluar", self.close, QKeySequence.StandardKey.Quit)
        sop = self.menuBar().addMenu("&SOP")
        for action in self.sop_actions.actions():
            if action is None:
                sop.addSeparator()
            else:
                sop.addAction(action)
        kantor = self.menuBar().addMenu("&Kantor")
        for action in self.office.actions():
            kantor.addAction(action)
        kantor.addSeparator()
        self.wizard_action = self._action(kantor, "Panduan &pengisian profil…", self.run_wizard)
        self.kinerja.add_menu(self.menuBar())
        lihat = self.menuBar().addMenu("&Lihat")
        home = self._action(lihat, "&Beranda", self.show_beranda, "Ctrl+Home")
        home.setIcon(icon("beranda"))
        self._action(lihat, "&Cari SOP", self.find_sop, QKeySequence.StandardKey.Find)
        self._action(lihat, "Muat &ulang", self.reload, QKeySequence.StandardKey.Refresh)
        bantuan = self.menuBar().addMenu("Ba&ntuan")
        help_action = self._action(
            bantuan, "&Bantuan", lambda: show_help(self), QKeySequence.StandardKey.HelpContents
        )
        help_action.setIcon(icon("bantuan"))
        self._action(bantuan, "&Tentang Kinerja Desktop", self.about)
        self._build_toolbar(home, help_action)

    def _build_toolbar(self, home: QAction, help_action: QAction) -> None:
        toolbar = self.addToolBar("Alat")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        sop = self.sop_actions
        life = sop.life
        icons = {
            life.new_action: "baru",
            life.edit_action: "ubah",
            life.approve_action: "periksa",
            sop.import_action: "impor",
            sop.export_action: "ekspor",
            sop.pdf_action: "cetak",
            sop.book_action: "buku",
        }
        for action, name in icons.items():
            if action.icon().isNull():
                action.setIcon(icon(name))
        toolbar.addAction(home)
        toolbar.addSeparator()
        for action in sop.toolbar_actions():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.database_actions.backup_action)
        toolbar.addAction(help_action)
        for action in toolbar.actions():
            if action.text() and not action.toolTip().count("("):
                tip = action.text().replace("&", "").rstrip("…")
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{tip} ({keys})" if keys else tip)
        self.toolbar = toolbar

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self._path_text(), self)
        self.path_label.setObjectName("databasePathLabel")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setToolTip("Berkas basis data yang sedang dibuka")
        self.statusBar().addPermanentWidget(self.path_label)

    def _path_text(self) -> str:
        prefix = "Data contoh" if self.demo else "Basis data"
        return f"{prefix}: {self.session.path}"

    # -- screens -------------------------------------------------------------------
    def _show_first_screen(self) -> None:
        needs_setup = not self.demo and OfficeService(self.session).needs_setup()
        self.body.setCurrentWidget(self.welcome if needs_setup else self.navigation)
        self.navigation.show_page(PAGE_BERANDA)

    def show_main(self) -> None:
        """Leave the welcome screen for the pages."""
        self.body.setCurrentWidget(self.navigation)

    def run_wizard(self) -> bool:
        from kinerja_desktop.ui.office.wizard import run_first_run_wizard  # noqa: PLC0415

        done = run_first_run_wizard(self, OfficeService(self.session), self.settings)
        if done:
            self.show_main()
            self.show_beranda()
        return done

    def show_beranda(self) -> None:
        self.show_main()
        self.navigation.show_page(PAGE_BERANDA)

    def open_item(self, entity: str, entity_id: object) -> None:
        """Bring forward what a Beranda item names."""
        self.show_main()
        if entity == SOP:
            self.navigation.show_page(PAGE_SOP_CATALOGUE)
            self.catalogue.search.clear()
            if isinstance(entity_id, int):
                self.catalogue.select(entity_id)
        elif entity in OFFICE_ENTITIES - {DATABASE}:
            self.office.show(entity, entity_id, self.navigation)

    def find_sop(self) -> None:
        self.show_main()
        self.navigation.show_page(PAGE_SOP_CATALOGUE)
        self.catalogue.search.setFocus()
        self.catalogue.search.selectAll()

    def reload(self) -> None:
        for entity in (SOP, OFFICE_PROFILE, STAFF, UNIT):
            self._route_change(entity, None)

    def _route_change(self, entity: str, _entity_id: object) -> None:
        """Refresh only the pages that show `entity`."""
        if entity in SOP_ENTITIES:
            self.catalogue.refresh()
        if entity in OFFICE_ENTITIES:
            self.office.refresh(entity)
        self.beranda.schedule_refresh()
        on_welcome = self.body.currentWidget() is self.welcome
        if entity == DATABASE and on_welcome and not OfficeService(self.session).needs_setup():
            self.show_beranda()

    # -- layout memory -------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.layout_state("jendela")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.layout_state("navigasi")
        if splitter is not None:
            self.navigation.restoreState(splitter)
        self.catalogue.restore_layout(self.settings)

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_layout_state("jendela", self.saveState())
        self.settings.set_layout_state("navigasi", self.navigation.saveState())
        self.catalogue.save_layout(self.settings)

    def closeEvent(self, event) -> None:
        self.save_layout()
        self.session.unsubscribe(self.relay)
        super().closeEvent(event)

    # -- drops ---------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        self.drops.drag_enter(event)

    def dragMoveEvent(self, event) -> None:
        self.drops.drag_enter(event)

    def dropEvent(self, event) -> None:
        self.drops.drop(event)

    def bring_forward(self) -> None:
        """Show this window in front (a second start asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"Tentang {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>SOP AP (Permenpan RB 35/2012) dan data kinerja "
            f"kantor Kecamatan, sepenuhnya luring.<br><br>Basis data: {self.session.path}"
            f"<br>Catatan galat: {diagnostics.log_file()}",
        )

    def database_path(self) -> Path:
        return self.session.path
