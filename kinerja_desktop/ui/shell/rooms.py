"""Where the rooms put their pages, menus, toolbar buttons and drops into the
main window: the one place to add a room's screens.

The window starts in two phases (see `main_window`). Before any room is
loaded, the frame already shows what the rooms will fill, from the outlines
here (Qt-free data, nothing of a room imported):

* `PAGES` — the navigation entries, as placeholders on a waiting page;
* `TOOLBAR` — the toolbar buttons of a room, as disabled stand-ins.

Once the database is open, `register_pages(window)` runs every function in
`REGISTRATIONS`, in order; each imports its room only then and adds the real
pages (`window.navigation.add_page` with the outline's key fills the
placeholder in place), fills the menus (`window.menus[...]`), puts its real
toolbar actions in the place of the stand-ins (`window.fill_toolbar`) and
registers its drops (`window.drops.register`). A room that adds a menu of its
own with `window.menuBar().addMenu(...)` gets it placed before "Lihat".

To add a room (all in this file):

1. its navigation entries in `PAGES` (`PageEntry(key, title, section, icon)`,
   section e.g. `navigation.SECTION_KINERJA`), so the first paint lists them;
2. one function `_myroom(window)` that imports the room inside its body and
   calls `add_page(window, key, widget)` per page (or
   `window.navigation.add_page(...)` for a page not in `PAGES`); it may fill
   `window.menus[key]` (a menu of its own: an entry in `MENUS`), toolbar
   stand-ins from `TOOLBAR` (`window.fill_toolbar`) and drops
   (`window.drops.register`), and listen to `window.relay.changed` (entity,
   id); `window.session` and `window.settings` are open;
3. `_myroom` appended to `REGISTRATIONS`.

Placeholders and room menus that no registration claims are dropped when the
window is ready; tests/test_startup_phases.py checks that the frame and the
ready window list the same pages, menus and buttons, and that the frame paints
before any room (or the database stack) is imported.
"""

# ruff: noqa: PLC0415 (each room is imported when it registers, never by the frame)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .navigation import SECTION_BERANDA, SECTION_KANTOR, SECTION_KINERJA, SECTION_SOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow

PAGE_BERANDA = "beranda"
PAGE_SOP_CATALOGUE = "sop.katalog"


@dataclass(frozen=True)
class PageEntry:
    """A navigation entry as the frame shows it before its room is loaded."""

    key: str
    title: str
    section: str
    icon: str
    tooltip: str = ""


@dataclass(frozen=True)
class ToolEntry:
    """A toolbar button as the frame shows it before its room is loaded."""

    text: str
    icon: str


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        PAGE_BERANDA,
        "Beranda",
        SECTION_BERANDA,
        "beranda",
        "Ringkasan: status SOP, kesalahan, SOP yang perlu ditinjau, perubahan terbaru",
    ),
    PageEntry(
        PAGE_SOP_CATALOGUE,
        "Katalog SOP",
        SECTION_SOP,
        "katalog",
        "Daftar SOP kantor: cari, periksa, ekspor, cetak",
    ),
    # the Data Kinerja room (ui/kinerja/pages.PAGES, then report_pages.REPORT_PAGES)
    PageEntry("kinerja.rencana", "Rencana", SECTION_KINERJA, "rencana"),
    PageEntry("kinerja.pk", "Perjanjian Kinerja", SECTION_KINERJA, "pk"),
    PageEntry("kinerja.pengumpulan", "Pengumpulan", SECTION_KINERJA, "pengumpulan"),
    PageEntry("kinerja.nilai", "Nilai", SECTION_KINERJA, "nilai"),
    PageEntry("kinerja.validasi", "Validasi", SECTION_KINERJA, "periksa"),
    PageEntry("kinerja.perbaikan", "Perbaikan", SECTION_KINERJA, "ubah"),
    PageEntry("kinerja.laporan", "Laporan", SECTION_KINERJA, "cetak"),
    PageEntry("kantor.profil", "Profil Instansi", SECTION_KANTOR, "profil"),
    PageEntry("kantor.pegawai", "Pegawai", SECTION_KANTOR, "pegawai"),
    PageEntry("kantor.unit", "Unit", SECTION_KANTOR, "unit"),
    PageEntry(
        "kantor.audit",
        "Catatan Audit",
        SECTION_KANTOR,
        "riwayat",
        "Siapa mengubah apa dan kapan; periksa keutuhan rantai catatan",
    ),
)

# Toolbar groups by room, in toolbar order between "Beranda" and "Cadangkan".
TOOLBAR: dict[str, tuple[ToolEntry, ...]] = {
    "sop": (
        ToolEntry("SOP &baru…", "baru"),
        ToolEntry("&Sunting", "ubah"),
        ToolEntry("&Nyatakan berlaku…", "periksa"),
        ToolEntry("&Impor dari Excel…", "impor"),
        ToolEntry("&Ekspor ke Excel…", "ekspor"),
        ToolEntry("&Cetak PDF…", "cetak"),
        ToolEntry("Cetak &Buku SOP…", "buku"),
    ),
}

# Top-level menus of the rooms, (key, title), between "Kantor" and "Lihat": the
# frame shows them (empty); a room fills `window.menus[key]`. A menu no room
# filled is dropped when the window is ready.
MENUS: tuple[tuple[str, str], ...] = (("kinerja", "&Data Kinerja"),)  # the kinerja room's own


def add_page(window: MainWindow, key: str, widget: QWidget) -> None:
    """Put `widget` into the navigation as page `key`, with the title, section,
    icon and tooltip of its `PAGES` entry (it fills that placeholder)."""
    from kinerja_desktop.ui.common.icons import icon

    entry = next(e for e in PAGES if e.key == key)
    window.navigation.add_page(
        entry.key,
        entry.title,
        widget,
        section=entry.section,
        icon=icon(entry.icon),
        tooltip=entry.tooltip,
    )


def _beranda(window: MainWindow) -> None:
    from kinerja_desktop.ui.kinerja.pages import window_clock

    from .beranda import BerandaPage

    clock = window_clock(window.demo)  # the data-kinerja items' "today"
    window.beranda = BerandaPage(window.session, window.settings, window, clock)
    add_page(window, PAGE_BERANDA, window.beranda)
    window.beranda.open_requested.connect(window.open_item)


def _sop(window: MainWindow) -> None:
    from kinerja_desktop.services.sop_service import SopService
    from kinerja_desktop.ui.common.icons import icon
    from kinerja_desktop.ui.sop.actions import SopActions
    from kinerja_desktop.ui.sop.catalogue import SopCatalogue

    window.catalogue = SopCatalogue(SopService(window.session), window)
    add_page(window, PAGE_SOP_CATALOGUE, window.catalogue)
    window.sop_actions = sop = SopActions(window, window.session, window.catalogue, window.settings)
    menu = window.menus["sop"]
    for action in sop.actions():
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    tools = sop.toolbar_actions()
    for action, stand_in in zip(tools, TOOLBAR["sop"], strict=True):
        if action.icon().isNull():
            action.setIcon(icon(stand_in.icon))
    window.fill_toolbar("sop", tools)
    # Any workbook the other rooms leave goes to the SOP import.
    window.drops.register(sop.can_import_path, sop.import_paths, catch_all=True)


def _office(window: MainWindow) -> None:
    from kinerja_desktop.ui.office.pages import OfficePages

    window.office = OfficePages(window.session, window.settings, window)
    window.office.register(window.navigation, SECTION_KANTOR)
    menu = window.menus["kantor"]
    first = menu.actions()[0] if menu.actions() else None  # the shell's own come after
    for action in window.office.actions():
        menu.insertAction(first, action)


def _kinerja(window: MainWindow) -> None:
    from kinerja_desktop.ui.kinerja.pages import PAGES as KINERJA_PAGES
    from kinerja_desktop.ui.kinerja.pages import KinerjaPages
    from kinerja_desktop.ui.kinerja.report_pages import REPORT_PAGES

    window.kinerja = KinerjaPages(window, [*KINERJA_PAGES, *REPORT_PAGES])
    window.kinerja.add_menu(window.menuBar())  # its own menu, placed before "Lihat"


REGISTRATIONS: list[Callable[[MainWindow], None]] = [_beranda, _sop, _kinerja, _office]


def register_pages(window: MainWindow) -> None:
    """Let every room put its pages into `window` (its session is open)."""
    for register in REGISTRATIONS:
        register(window)
