"""The second half of the "Data Kinerja" section: Validasi ("kinerja.validasi"),
Perbaikan ("kinerja.perbaikan") and Laporan ("kinerja.laporan"), registered
like the section's other pages (navigation page, built on first show, a
menu entry each, kept current by the window's change notices).

    self.kinerja_laporan = KinerjaReportPages(self)      # in MainWindow.__init__
    self.kinerja_laporan.add_menu(self.menuBar())        # after the Data Kinerja menu
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from kinerja_desktop.ui.common.icons import icon

from .common import LazyPage
from .laporan_page import LaporanPage
from .pages import window_clock
from .perbaikan_page import PerbaikanPage
from .validasi_page import ValidasiPage

PAGE_VALIDASI = "kinerja.validasi"
PAGE_PERBAIKAN = "kinerja.perbaikan"
PAGE_LAPORAN = "kinerja.laporan"
SECTION = "kinerja"  # navigation.SECTION_KINERJA
MENU_TITLE = "&Data Kinerja"

_PAGES = (
    (PAGE_VALIDASI, "Validasi", "periksa", "Kunci nilai yang diterima per unit dan periode"),
    (PAGE_PERBAIKAN, "Perbaikan", "ubah", "Perbaikan nilai tervalidasi: alasan, bukti, paraf"),
    (PAGE_LAPORAN, "Laporan", "cetak", "Rekap, Evaluasi Renja, PK, Renstra: PDF dan Excel"),
)


class KinerjaReportPages:
    def __init__(self, window: Any) -> None:
        self.window = window
        session, settings = window.session, window.settings
        kinerja = getattr(window, "kinerja", None)  # the section's other pages: one clock
        clock = (
            kinerja.clock if kinerja is not None else window_clock(getattr(window, "demo", False))
        )
        self._pages = {
            PAGE_VALIDASI: LazyPage(lambda p: ValidasiPage(session, clock, p), window),
            PAGE_PERBAIKAN: LazyPage(lambda p: PerbaikanPage(session, settings, clock, p), window),
            PAGE_LAPORAN: LazyPage(lambda p: LaporanPage(session, settings, clock, p), window),
        }
        self._actions: list[QAction] = []
        for key, title, icon_name, tip in _PAGES:
            window.navigation.add_page(
                key, title, self._pages[key], section=SECTION, icon=icon(icon_name), tooltip=tip
            )
            action = QAction(icon(icon_name), title, window)
            action.triggered.connect(lambda _c=False, k=key: self.show(k))
            self._actions.append(action)
        window.relay.changed.connect(self._changed)

    def page(self, key: str) -> QWidget:
        return self._pages[key].content()

    @property
    def validasi(self) -> ValidasiPage:
        return self.page(PAGE_VALIDASI)  # type: ignore[return-value]

    @property
    def perbaikan(self) -> PerbaikanPage:
        return self.page(PAGE_PERBAIKAN)  # type: ignore[return-value]

    @property
    def laporan(self) -> LaporanPage:
        return self.page(PAGE_LAPORAN)  # type: ignore[return-value]

    def show(self, key: str) -> QWidget:
        show_main = getattr(self.window, "show_main", None)
        if show_main is not None:
            show_main()
        self.window.navigation.show_page(key)
        return self.page(key)

    def add_menu(self, bar: QMenuBar) -> QMenu:
        """The pages' entries at the end of the Data Kinerja menu (made when missing)."""
        menu = next((a.menu() for a in bar.actions() if a.menu() and a.text() == MENU_TITLE), None)
        if menu is None:
            menu = bar.addMenu(MENU_TITLE)
        else:
            menu.addSeparator()
        for action in self._actions:
            menu.addAction(action)
        return menu

    def _changed(self, entity: str, _entity_id: object) -> None:
        for lazy in self._pages.values():
            if lazy.built:
                lazy.content().on_change(entity)
