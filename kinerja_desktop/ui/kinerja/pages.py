"""The data-kinerja room in the main window: its pages under "Data Kinerja",
its menu, the change notices it listens to, and what it takes from a drop.

`KinerjaPages(window)` registers every row of `PAGES` — Rencana
("kinerja.rencana"), Perjanjian Kinerja ("kinerja.pk"), Pengumpulan
("kinerja.pengumpulan"), Nilai ("kinerja.nilai") — in the "Data Kinerja"
section and the menu, each built the first time it is shown.

To add a page (e.g. issue 9's Validasi): append one `PageSpec` to `PAGES`;
its `build(ctx, parent)` gets a `PageContext` (session, settings, clock) and
returns the widget. A page may define `on_change(entity)` (change notices)
and is reached with `window.kinerja.show(key)` / `.page(key)`. Dropped request
forms (and folders holding them) go to the import preview; a dropped plan
workbook to the plan import. Other workbooks are left to the rooms after it
(SOP workbooks keep going to the SOP import), so it registers first.

The demo database lives on a fixed "today" (`tanggal_demo` of the demo plan,
15 August 2026): rounds, deadlines and lateness read the same every time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from kinerja_desktop.services.entities import (
    KINERJA_PLAN,
    KINERJA_REPORT,
    KINERJA_ROUND,
    KINERJA_VALUE,
)
from kinerja_desktop.services.kinerja_demo import demo_clock
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.icons import icon
from kinerja_desktop.ui.common.lazy_page import LazyPage
from kinerja_desktop.ui.common.settings import UiSettings

from .report_widgets import select_id

PAGE_RENCANA = "kinerja.rencana"
PAGE_PK = "kinerja.pk"
PAGE_PENGUMPULAN = "kinerja.pengumpulan"
PAGE_NILAI = "kinerja.nilai"
SECTION = "kinerja"  # navigation.SECTION_KINERJA
FORMULIR, RENCANA = "formulir", "rencana"  # services.kinerja_files' kinds (a test checks)

# Each page's module (and the Excel and PDF libraries behind it) is imported when the
# page is first shown, not when the window registers the room: start-up stays quick.
# ruff: noqa: PLC0415


def _plan_page(c: PageContext, parent: QWidget) -> QWidget:
    from .plan_page import PlanPage

    return PlanPage(c.session, c.settings, parent)


def _pk_page(c: PageContext, parent: QWidget) -> QWidget:
    from .pk_page import PkPage

    return PkPage(c.session, c.clock, parent)


def _rounds_page(c: PageContext, parent: QWidget) -> QWidget:
    from .rounds_page import RoundsPage

    return RoundsPage(c.session, c.settings, c.clock, parent)


def _values_page(c: PageContext, parent: QWidget) -> QWidget:
    from .values_page import ValuesPage

    return ValuesPage(c.session, parent)


# The page an audit row's entity opens (Beranda's "Perubahan terbaru").
ENTITY_PAGES = {
    KINERJA_PLAN: PAGE_RENCANA,
    KINERJA_ROUND: PAGE_PENGUMPULAN,
    KINERJA_VALUE: PAGE_NILAI,
    KINERJA_REPORT: "kinerja.laporan",
}


def window_clock(demo: bool) -> Callable[[], datetime]:
    """The clock the services get: the system's, or the demo's fixed day."""
    return demo_clock() if demo else datetime.now


@dataclass(frozen=True)
class PageContext:
    """What a page's builder gets: the services' session, the UI settings, the clock."""

    session: Session
    settings: UiSettings
    clock: Callable[[], datetime]


@dataclass(frozen=True)
class PageSpec:
    """One page of the Data Kinerja section (and its item in the menu)."""

    key: str
    title: str
    icon: str  # resources/icons/<icon>.svg
    tooltip: str
    build: Callable[[PageContext, QWidget], QWidget]


PAGES: list[PageSpec] = [
    PageSpec(
        PAGE_RENCANA,
        "Rencana",
        "rencana",
        "Renstra: tujuan, sasaran, program, indikator",
        _plan_page,
    ),
    PageSpec(
        PAGE_PK,
        "Perjanjian Kinerja",
        "pk",
        "Target tahunan dan rencana aksi per triwulan",
        _pk_page,
    ),
    PageSpec(
        PAGE_PENGUMPULAN,
        "Pengumpulan",
        "pengumpulan",
        "Putaran, formulir, impor, papan status",
        _rounds_page,
    ),
    PageSpec(
        PAGE_NILAI,
        "Nilai",
        "nilai",
        "Nilai tersimpan beserta asal dan riwayatnya",
        _values_page,
    ),
]


class KinerjaPages:
    """Builds the pages (each on first use), keeps them current, routes drops."""

    def __init__(self, window: Any, specs: list[PageSpec] | None = None) -> None:
        self.window = window
        self.clock = window_clock(getattr(window, "demo", False))
        self.context = PageContext(window.session, window.settings, self.clock)
        self._pages: dict[str, LazyPage] = {}
        self._kinds: dict[tuple[str, int, int], str | None] = {}
        self._actions: list[QAction] = []
        for spec in PAGES if specs is None else specs:
            self.add_page(spec)
        window.drops.register(self.can_take, self.take)
        window.relay.changed.connect(self._changed)

    # -- pages ------------------------------------------------------------------------------
    def add_page(self, spec: PageSpec) -> None:
        """Put one page in the Data Kinerja section (built when first shown) and the menu."""
        page = LazyPage(lambda parent: spec.build(self.context, parent), self.window)
        self._pages[spec.key] = page
        self.window.navigation.add_page(
            spec.key,
            spec.title,
            page,
            section=SECTION,
            icon=icon(spec.icon),
            tooltip=spec.tooltip,
        )
        action = QAction(icon(spec.icon), spec.title, self.window)
        action.triggered.connect(lambda _c=False, k=spec.key: self.show(k))
        self._actions.append(action)

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

    def open_item(self, entity: str, key: object) -> None:
        """Bring forward what a Beranda item names: a page key with a period or a
        Perbaikan number ("kinerja.validasi", "2026-TW2"), or an audit row's entity."""
        page_key = ENTITY_PAGES.get(entity, entity)
        if page_key not in self._pages:
            return
        page = self.show(page_key)
        text = str(key) if key is not None else ""
        if page_key == PAGE_PENGUMPULAN and text:
            page.select_round(text)
        elif page_key == "kinerja.validasi" and text:
            page.period.setCurrentText(text)
            page.refresh()
        elif page_key == "kinerja.perbaikan" and text.isdigit():
            page.period.setCurrentText("")  # every period: the number names one
            page.refresh()
            select_id(page.table, page.model, int(text))

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
            on_change = getattr(page.content(), "on_change", None) if page.built else None
            if on_change is not None:
                on_change(entity)

    # -- drops ---------------------------------------------------------------------------------
    def kind_of(self, path: Path) -> str | None:
        """FORMULIR, RENCANA or None; remembered per file state (drags ask often)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._kinds:
            from kinerja_desktop.services.kinerja_files import folder_kind, workbook_kind

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
