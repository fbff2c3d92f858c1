"""The main window: menus, toolbar, the navigation between pages, the status bar.

It is built in two phases, so that it paints before the database stack is
even imported:

1. `MainWindow(path, demo=…)` — the frame, Qt only: title, menu bar,
   toolbar, the navigation tree (the rooms' pages as placeholders, from
   `rooms.PAGES`), status bar, the demo banner, and a "Membuka basis data …"
   page. Actions that need the database are disabled. This is what the first
   paint shows, and it is the window the user keeps.
2. `attach(session)` — the rooms register their pages, menus, toolbar
   buttons and drops (`rooms.register_pages`: the one place a room adds its
   screens), the actions are enabled and the first screen is shown. `ready`
   fires once that screen shows the database's content and has painted.

`self.relay.changed` carries the session's committed changes `(entity, id)`
as a Qt signal; each page listens only to the entities it shows.
A database whose office has no name yet opens on the welcome screen; the demo
database carries a banner and says so in the title. Opening another database
is the controller's work (`controller.WindowController`): the window only asks,
by signal.
"""

# ruff: noqa: PLC0415 (what needs the database stack is imported in phase 2 only)

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME, __version__, diagnostics
from kinerja_desktop.services.entities import DATABASE, OFFICE_PROFILE, SOP, STAFF, UNIT
from kinerja_desktop.ui.common.icons import app_icon, icon
from kinerja_desktop.ui.common.settings import UiSettings

from . import rooms
from .database_actions import DatabaseActions
from .drops import DropRouter
from .frame import DemoBanner, WaitingPage
from .navigation import Navigation
from .rooms import PAGE_BERANDA, PAGE_SOP_CATALOGUE
from .startup import FirstPaint, settle_collector

if TYPE_CHECKING:
    from kinerja_desktop.services.session import Session

SOP_ENTITIES = frozenset({SOP, DATABASE})
OFFICE_ENTITIES = frozenset({OFFICE_PROFILE, STAFF, UNIT, DATABASE})
MENUS = (("berkas", "&Berkas"), ("sop", "&SOP"), ("kantor", "&Kantor"))
VIEW_MENUS = (("lihat", "&Lihat"), ("bantuan", "Ba&ntuan"))
# Qt.ToolButtonStyle.ToolButtonTextUnderIcon and Qt.TextInteractionFlag.
# TextSelectableByMouse as numbers set as properties: the frame never touches
# Qt's namespace (see frame.ALIGN_CENTER).
TOOL_BUTTON_TEXT_UNDER_ICON = 3
TEXT_SELECTABLE_BY_MOUSE = 1


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
    ready = Signal()  # the first screen shows the database's content

    # Set by the rooms when they register (rooms.py).
    beranda: Any
    catalogue: Any
    sop_actions: Any
    office: Any

    def __init__(
        self, path: Path, settings: UiSettings | None = None, *, demo: bool = False
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.session: Session | None = None
        self.settings = settings or UiSettings()
        self.demo = demo
        self.first_paint_s: float | None = None
        self.ready_s: float | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self._title())
        self.resize(1200, 720)
        self.relay = ChangeRelay(self)
        self.database_actions = DatabaseActions(self)
        self.drops = DropRouter(self)
        self._needs_database: list[QAction | QWidget] = []
        self._welcome: QWidget | None = None
        self._build_body()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_frame_layout()
        self.navigation.show_page(PAGE_BERANDA)
        self._set_database_enabled(False)
        FirstPaint(self, self._painted)

    @property
    def attached(self) -> bool:
        return self.session is not None

    @property
    def welcome(self) -> QWidget:
        """The welcome screen (built the first time it is needed)."""
        if self._welcome is None:
            from .welcome import WelcomePage

            self._welcome = WelcomePage(self)
            self.body.addWidget(self._welcome)
        return self._welcome

    def _title(self) -> str:
        if self.demo:
            return f"{APP_NAME} — DATA CONTOH ({self.path.name})"
        return f"{APP_NAME} — {self.path.name}"

    def _painted(self, seconds: float) -> None:
        self.first_paint_s = seconds
        self.first_painted.emit()

    # -- phase 1: the frame --------------------------------------------------------
    def _build_body(self) -> None:
        self.navigation = Navigation(self, frame=True)
        self.waiting = WaitingPage(self.path, self)
        self.navigation.set_waiting_page(self.waiting)
        for entry in rooms.PAGES:
            self.navigation.add_placeholder(
                entry.key,
                entry.title,
                section=entry.section,
                icon=icon(entry.icon),
                tooltip=entry.tooltip,
            )
        self.body = QStackedWidget(self)
        self.body.addWidget(self.navigation)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.demo:
            self.banner = DemoBanner(self)
            self._needs_database += [self.banner.office_button, self.banner.reset_button]
            layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {key: bar.addMenu(title) for key, title in MENUS}
        for key, title in rooms.MENUS:  # the rooms fill them (empty ones go when ready)
            self.menus[key] = bar.addMenu(title)
        self.menus.update({key: bar.addMenu(title) for key, title in VIEW_MENUS})
        berkas = self.menus["berkas"]
        for action in self.database_actions.file_actions():
            if action is None:
                berkas.addSeparator()
            else:
                berkas.addAction(action)
                self._needs_database.append(action)
        berkas.addSeparator()
        self._action(berkas, "&Keluar", self.close, QKeySequence.StandardKey.Quit)
        kantor = self.menus["kantor"]
        kantor.addSeparator()  # the office room's pages come before it
        self.wizard_action = self._action(kantor, "Panduan &pengisian profil…", self.run_wizard)
        lihat = self.menus["lihat"]
        self.home_action = self._action(lihat, "&Beranda", self.show_beranda, "Ctrl+Home")
        self.home_action.setIcon(icon("beranda"))
        find = self._action(lihat, "&Cari SOP", self.find_sop, QKeySequence.StandardKey.Find)
        reload = self._action(lihat, "Muat &ulang", self.reload, QKeySequence.StandardKey.Refresh)
        self._needs_database += [self.wizard_action, self.home_action, find, reload]
        bantuan = self.menus["bantuan"]
        self.help_action = self._action(
            bantuan, "&Bantuan", self.show_help, QKeySequence.StandardKey.HelpContents
        )
        self.help_action.setIcon(icon("bantuan"))
        self._action(bantuan, "&Tentang Kinerja Desktop", self.about)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Alat")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_UNDER_ICON)
        toolbar.addAction(self.home_action)
        toolbar.addSeparator()
        self._stand_ins: dict[str, list[QAction]] = {}
        for group, entries in rooms.TOOLBAR.items():
            stand_ins = [QAction(icon(e.icon), e.text, self) for e in entries]
            for action in stand_ins:
                action.setEnabled(False)
                toolbar.addAction(action)
            self._stand_ins[group] = stand_ins
        toolbar.addSeparator()
        toolbar.addAction(self.database_actions.backup_action)
        toolbar.addAction(self.help_action)
        self.toolbar = toolbar
        self._tooltips()

    def fill_toolbar(self, group: str, actions: list[QAction]) -> None:
        """Put a room's real toolbar actions in the place of its stand-ins."""
        stand_ins = self._stand_ins.pop(group)
        for action in actions:
            self.toolbar.insertAction(stand_ins[0], action)
        for stand_in in stand_ins:
            self.toolbar.removeAction(stand_in)
            stand_in.deleteLater()
        self._tooltips()

    def _tooltips(self) -> None:
        for action in self.toolbar.actions():
            if action.text() and not action.toolTip().count("("):
                tip = action.text().replace("&", "").rstrip("…")
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{tip} ({keys})" if keys else tip)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts: setShortcut's overloads build Qt's namespace (~20 ms
            # before the first paint, see frame.ALIGN_CENTER).
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self._path_text(), self)
        self.path_label.setObjectName("databasePathLabel")
        self.path_label.setProperty("textInteractionFlags", TEXT_SELECTABLE_BY_MOUSE)
        self.path_label.setToolTip("Berkas basis data yang sedang dibuka")
        self.statusBar().addPermanentWidget(self.path_label)

    def _path_text(self) -> str:
        prefix = "Data contoh" if self.demo else "Basis data"
        return f"{prefix}: {self.path}"

    def _set_database_enabled(self, on: bool) -> None:
        for part in self._needs_database:
            part.setEnabled(on)

    # -- phase 2: the database -----------------------------------------------------
    def attach(self, session: Session) -> None:
        """Show `session`'s database: the rooms build their pages (once)."""
        if self.session is not None:
            raise RuntimeError("the window shows a database already")
        self.session = session
        self.path = Path(session.path)
        self.setWindowTitle(self._title())
        self.path_label.setText(self._path_text())
        self.waiting.set_path(self.path)
        session.subscribe(self.relay)
        session.add_close_hook(wait_for_tasks)
        self.navigation.settle()
        rooms.register_pages(self)
        self._place_room_menus()
        self.navigation.prune_placeholders()
        self._drop_unclaimed_stand_ins()
        self.relay.changed.connect(self._route_change)
        self.catalogue.restore_layout(self.settings)
        self._set_database_enabled(True)
        self._show_first_screen()
        if self.first_paint_s is not None:
            self.beranda.start()
        else:
            self.first_painted.connect(self.beranda.start)
        self._await_ready()

    def _place_room_menus(self) -> None:
        """Menus a room added itself go before "Lihat"; room menus left empty go."""
        bar = self.menuBar()
        lihat = self.menus["lihat"].menuAction()
        known = {menu.menuAction() for menu in self.menus.values()}
        for action in [a for a in bar.actions() if a not in known]:
            bar.insertAction(lihat, action)
        for key, _title in rooms.MENUS:
            menu = self.menus.get(key)
            if menu is not None and not menu.actions():
                bar.removeAction(menu.menuAction())
                del self.menus[key]

    def _drop_unclaimed_stand_ins(self) -> None:
        for stand_ins in self._stand_ins.values():
            for stand_in in stand_ins:
                self.toolbar.removeAction(stand_in)
        self._stand_ins.clear()

    def failed(self, text: str) -> None:
        """The database did not open: the frame says so (a dialog tells why)."""
        self.waiting.failed(text)

    def _await_ready(self) -> None:
        """`ready` once the first screen of the database (its pages built, the
        catalogue filled, the actions enabled) has painted. Beranda's own
        summary may still be loading in the background: it says so itself."""
        page = self.body.currentWidget()
        if page is self.navigation:
            page = self.navigation.stack.currentWidget()
        FirstPaint(page, self._became_ready)

    def _became_ready(self, seconds: float) -> None:
        if self.ready_s is None:
            self.ready_s = seconds
            self.ready.emit()
            settle_collector()

    # -- screens -------------------------------------------------------------------
    def _show_first_screen(self) -> None:
        from kinerja_desktop.services.office_service import OfficeService

        if not self.demo and OfficeService(self.session).needs_setup():
            self.body.setCurrentWidget(self.welcome)
        self.navigation.show_page(PAGE_BERANDA)

    def show_main(self) -> None:
        """Leave the welcome screen for the pages."""
        self.body.setCurrentWidget(self.navigation)

    def run_wizard(self) -> bool:
        from kinerja_desktop.services.office_service import OfficeService
        from kinerja_desktop.ui.office.wizard import run_first_run_wizard

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
        elif entity.startswith("kinerja") and getattr(self, "kinerja", None) is not None:
            self.kinerja.open_item(entity, entity_id)

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
        self.office.refresh(entity)  # its pages pick their entities (the audit log: all)
        self.beranda.schedule_refresh()
        on_welcome = self._welcome is not None and self.body.currentWidget() is self._welcome
        if entity == DATABASE and on_welcome:
            from kinerja_desktop.services.office_service import OfficeService

            if not OfficeService(self.session).needs_setup():
                self.show_beranda()

    # -- layout memory -------------------------------------------------------------
    def _restore_frame_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.layout_state("jendela")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.layout_state("navigasi")
        if splitter is not None:
            self.navigation.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_layout_state("jendela", self.saveState())
        self.settings.set_layout_state("navigasi", self.navigation.saveState())
        if self.attached:
            self.catalogue.save_layout(self.settings)

    def closeEvent(self, event) -> None:
        self.save_layout()
        if self.session is not None:
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

    def show_help(self) -> None:
        from .help import show_help

        show_help(self)

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"Tentang {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>SOP AP (Permenpan RB 35/2012) dan data kinerja "
            f"kantor Kecamatan, sepenuhnya luring.<br><br>Basis data: {self.path}"
            f"<br>Catatan galat: {diagnostics.log_file()}",
        )

    def database_path(self) -> Path:
        return self.path
