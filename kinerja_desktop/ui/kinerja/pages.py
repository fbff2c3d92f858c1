"""The data-kinerja room in the main window: its pages under "Data Kinerja",
its menu, the change notices it listens to, and what it takes from a drop.

`KinerjaPages(window)` registers Rencana ("kinerja.rencana"), Perjanjian
Kinerja ("kinerja.pk"), Pengumpulan ("kinerja.pengumpulan") and Nilai
("kinerja.nilai"), each built the first time it is shown. Dropped request
forms (and folders holding them) go to the import preview; a dropped plan
workbook to the plan import. Other workbooks are left to the rooms after it
(SOP workbooks keep going to the SOP import), so it registers first.

The demo database lives on a fixed "today" (`tanggal_demo` of the demo plan,
15 August 2026): rounds, deadlines and lateness read the same every time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.kinerja_demo import read_demo_plan
from kinerja_desktop.services.kinerja_files import FORMULIR, RENCANA, folder_kind, workbook_kind
from kinerja_desktop.ui.common.icons import icon

from .common import LazyPage
from .pk_page import PkPage
from .plan_page import PlanPage
from .rounds_page import RoundsPage
from .values_page import ValuesPage

PAGE_RENCANA = "kinerja.rencana"
PAGE_PK = "kinerja.pk"
PAGE_PENGUMPULAN = "kinerja.pengumpulan"
PAGE_NILAI = "kinerja.nilai"
SECTION = "kinerja"  # navigation.SECTION_KINERJA


def window_clock(demo: bool) -> Callable[[], datetime]:
    """The clock the services get: the system's, or the demo's fixed day."""
    if not demo:
        return datetime.now
    try:
        day = date.fromisoformat(read_demo_plan()["tanggal_demo"])
    except (KinerjaError, KeyError, ValueError):  # a demo without the plan: the system date
        return datetime.now
    return lambda: datetime.combine(day, datetime.now().time())


class KinerjaPages:
    """Builds the pages (each on first use), keeps them current, routes drops."""

    def __init__(self, window: Any) -> None:
        self.window = window
        session, settings = window.session, window.settings
        self.clock = window_clock(getattr(window, "demo", False))
        self._pages: dict[str, LazyPage] = {
            PAGE_RENCANA: LazyPage(lambda p: PlanPage(session, settings, p), window),
            PAGE_PK: LazyPage(lambda p: PkPage(session, self.clock, p), window),
            PAGE_PENGUMPULAN: LazyPage(
                lambda p: RoundsPage(session, settings, self.clock, p), window
            ),
            PAGE_NILAI: LazyPage(lambda p: ValuesPage(session, p), window),
        }
        self._kinds: dict[tuple[str, int, int], str | None] = {}
        self._actions: list[QAction] = []
        for key, title, icon_name, tip in (
            (PAGE_RENCANA, "Rencana", "rencana", "Renstra: tujuan, sasaran, program, indikator"),
            (PAGE_PK, "Perjanjian Kinerja", "pk", "Target tahunan dan rencana aksi per triwulan"),
            (
                PAGE_PENGUMPULAN,
                "Pengumpulan",
                "pengumpulan",
                "Putaran, formulir, impor, papan status",
            ),
            (PAGE_NILAI, "Nilai", "nilai", "Nilai tersimpan beserta asal dan riwayatnya"),
        ):
            window.navigation.add_page(
                key, title, self._pages[key], section=SECTION, icon=icon(icon_name), tooltip=tip
            )
            action = QAction(icon(icon_name), title, window)
            action.triggered.connect(lambda _c=False, k=key: self.show(k))
            self._actions.append(action)
        window.drops.register(self.can_take, self.take)
        window.relay.changed.connect(self._changed)

    # -- pages ------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page's content (built now if it was not yet)."""
        return self._pages[key].content()

    @property
    def rencana(self):
        return self.page(PAGE_RENCANA)

    @property
    def pk(self):
        return self.page(PAGE_PK)

    @property
    def pengumpulan(self):
        return self.page(PAGE_PENGUMPULAN)

    @property
    def nilai(self):
        return self.page(PAGE_NILAI)

    def show(self, key: str) -> QWidget:
        show_main = getattr(self.window, "show_main", None)
        if show_main is not None:
            show_main()
        self.window.navigation.show_page(key)
        return self.page(key)

    def add_menu(self, bar: QMenuBar) -> QMenu:
        """The "Data Kinerja" menu: the pages and the round actions."""
        menu = bar.addMenu("&Data Kinerja")
        for action in self._actions:
            menu.addAction(action)
        menu.addSeparator()
        for text, slot, keys in (
            ("Putaran &baru…", lambda: self.show(PAGE_PENGUMPULAN).new_round(), None),
            (
                "&Impor formulir…",
                lambda: self.show(PAGE_PENGUMPULAN).import_files(),
                "Ctrl+Shift+I",
            ),
            ("Impor &folder formulir…", lambda: self.show(PAGE_PENGUMPULAN).import_folder(), None),
            (
                "&Entri formulir kertas…",
                lambda: self.show(PAGE_PENGUMPULAN).paper_entry(None),
                None,
            ),
        ):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            if keys:
                action.setShortcut(QKeySequence(keys))
        return menu

    def _changed(self, entity: str, _entity_id: object) -> None:
        for page in self._pages.values():
            if page.built:
                page.content().on_change(entity)

    # -- drops ---------------------------------------------------------------------------------
    def kind_of(self, path: Path) -> str | None:
        """FORMULIR, RENCANA or None; remembered per file state (drags ask often)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._kinds:
            self._kinds[key] = folder_kind(path) if path.is_dir() else workbook_kind(path)
        return self._kinds[key]

    def can_take(self, path: Path) -> bool:
        return self.kind_of(Path(path)) is not None

    def take(self, paths: list[Path]) -> None:
        forms = [p for p in paths if self.kind_of(Path(p)) == FORMULIR]
        plans = [p for p in paths if self.kind_of(Path(p)) == RENCANA]
        if plans:
            self.show(PAGE_RENCANA).files_dropped(plans)
        if forms:
            self.show(PAGE_PENGUMPULAN).import_paths(forms)
