"""The main window on the demo database, driven as a user would (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.services.demo import load_demo
from kinerja_desktop.services.session import open_session
from kinerja_desktop.ui.shell.application import create_window
from kinerja_desktop.ui.sop.table_model import COL_JUDUL, COL_LANGKAH, SopTableModel


@pytest.fixture()
def window(qtbot, tmp_path: Path):
    db = tmp_path / "demo.db"
    with open_session(db, create=True, demo_if_new=False) as session:
        load_demo(session)
    session, win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    yield win
    session.close()


def test_window_lists_the_demo_sops_and_shows_the_selection(window, qtbot) -> None:
    cat = window.catalogue
    assert cat.proxy.rowCount() == 7
    assert cat.count_label.text() == "7 SOP"
    assert cat.selected_id() is not None
    qtbot.waitUntil(lambda: "Pelaksana" in cat.detail.toPlainText())
    judul = cat.proxy.index(0, COL_JUDUL).data()
    assert judul in cat.detail.toPlainText()


def test_search_filters_the_list(window, qtbot) -> None:
    cat = window.catalogue
    qtbot.keyClicks(cat.search, "renstra")
    assert 0 < cat.proxy.rowCount() < 7
    for row in range(cat.proxy.rowCount()):
        assert "renstra" in cat.proxy.index(row, COL_JUDUL).data().lower()
    assert "dari 7 SOP" in cat.count_label.text()
    cat.search.clear()
    assert cat.proxy.rowCount() == 7


def test_sorting_by_step_count_is_numeric(window) -> None:
    cat = window.catalogue
    cat.table.sortByColumn(COL_LANGKAH, Qt.SortOrder.AscendingOrder)
    counts = [int(cat.proxy.index(r, COL_LANGKAH).data()) for r in range(cat.proxy.rowCount())]
    assert counts == sorted(counts) and counts[0] == 5 and counts[-1] == 11


def test_table_model_without_widgets(tmp_path: Path) -> None:
    from kinerja_desktop.services.sop_service import SopService

    with open_session(tmp_path / "m.db", create=True, demo_if_new=True) as session:
        rows = SopService(session).list_sops()
    model = SopTableModel()
    model.set_rows(rows)
    assert model.rowCount() == 7 and model.columnCount() == 7
    assert model.headerData(COL_JUDUL, Qt.Orientation.Horizontal) == "Judul"
    assert model.data(model.index(0, COL_LANGKAH)) == str(rows[0].jumlah_langkah)


def test_window_pages_and_navigation(window, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from kinerja_desktop.ui.kinerja.pages import PAGES
    from kinerja_desktop.ui.shell.navigation import SECTION_BERANDA, SECTION_KANTOR, Navigation

    assert window.navigation.keys() == [
        "beranda",
        "sop.katalog",
        *(spec.key for spec in PAGES),  # the Data Kinerja section, between SOP and Kantor
        "kinerja.validasi",  # part 2: ui/kinerja/report_pages.py
        "kinerja.perbaikan",
        "kinerja.laporan",
        "kantor.profil",
        "kantor.pegawai",
        "kantor.unit",
        "kantor.audit",
    ]
    assert window.navigation.current_key() == "beranda"  # the first page
    window.find_sop()  # Ctrl+F brings the catalogue forward
    assert window.navigation.current_key() == "sop.katalog"

    nav = Navigation()
    qtbot.addWidget(nav)
    # pages added in any order are listed in the fixed section order
    nav.add_page("sop.katalog", "Katalog SOP", QLabel("katalog"), section="sop")
    nav.add_page("kantor.profil", "Profil Instansi", QLabel("profil"), section=SECTION_KANTOR)
    nav.add_page("beranda", "Beranda", QLabel("beranda"), section=SECTION_BERANDA)
    sections = [nav.tree.topLevelItem(i).text(0) for i in range(nav.tree.topLevelItemCount())]
    assert sections == ["Beranda", "SOP", "Kantor"]
    assert nav.keys() == ["beranda", "sop.katalog", "kantor.profil"]
    with qtbot.waitSignal(nav.page_changed) as changed:
        nav.show_page("kantor.profil")
    assert changed.args == ["kantor.profil"]
    assert nav.stack.currentWidget().text() == "profil"
    nav.step_page(1)  # wraps round
    assert nav.current_key() == "beranda"
    import pytest

    with pytest.raises(ValueError):
        nav.add_page("beranda", "lagi", QLabel(), section=SECTION_BERANDA)
