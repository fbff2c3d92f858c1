"""The data-kinerja screens driven as a user would (pytest-qt, offscreen, the
services for real): the plan tree and its detail forms, the plan workbook in
and out, the Perjanjian Kinerja and its PK Perubahan, paper entry with a
mistake, drops, keys — and every screen grabbed, not blank, no English."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit, QWidget

from kinerja_desktop.core.kinerja.plan import Level
from kinerja_desktop.core.kinerja.rules import Polarity, ValueKind
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.ui.kinerja import common, entry_dialog, pages, plan_page
from kinerja_desktop.ui.kinerja.entry_model import EntryModel
from kinerja_desktop.ui.kinerja.import_dialog import ImportDialog
from kinerja_desktop.ui.kinerja.plan_dialogs import PlanImportDialog, RenstraDialog
from kinerja_desktop.ui.kinerja.plan_model import INDICATOR, NODE
from kinerja_desktop.ui.kinerja.round_dialog import RoundDialog
from tests.kinerja_helpers import Clock, write_round
from tests.kinerja_ui_helpers import demo_window, plan_tree
from tests.test_ui_app import _not_blank
from tests.test_ui_i18n import ENGLISH, _texts

NOW = datetime(2026, 8, 15, 9, 0)


@pytest.fixture()
def window(qtbot, tmp_path: Path, monkeypatch):
    yield from demo_window(qtbot, tmp_path, monkeypatch, NOW)


# -- Rencana ------------------------------------------------------------------------------
def test_plan_page_adds_a_tujuan_a_sasaran_and_a_scale_indicator(window, qtbot) -> None:
    page = window.kinerja.show("kinerja.rencana")
    assert page.model.rowCount() == 2
    page.buttons["addTujuanButton"].click()
    editor = page.node_editor
    assert (
        page.stack.currentWidget() is editor
        and editor.dirty
        and "Tujuan baru" in editor.header.text()
    )
    qtbot.keyClicks(editor.kode, "3")
    editor.nama.setPlainText("Meningkatnya  kualitas\nlayanan kesehatan")
    editor.save_button.click()
    tree = plan_tree(window)
    tujuan = next(n for n in tree.nodes if n.kode == "3")
    assert tujuan.level is Level.TUJUAN and tujuan.nama == "Meningkatnya kualitas layanan kesehatan"
    assert page.model.record(page.tree.currentIndex()).id == tujuan.id  # selected after saving
    assert "Sasaran" in page.buttons["addChildButton"].text()
    page.buttons["addChildButton"].click()
    editor.kode.setText("3.1")
    editor.nama.setPlainText("Meningkatnya cakupan posyandu")
    assert not editor.pagu_group.isVisibleTo(editor)  # no pagu on a Sasaran
    editor.save_button.click()
    sasaran = next(n for n in plan_tree(window).nodes if n.kode == "3.1")
    assert sasaran.parent_id == tujuan.id
    page.buttons["addIndicatorButton"].click()
    ind = page.indicator_editor
    assert page.stack.currentWidget() is ind and "indikator sasaran" in ind.header.text()
    ind.kode.setText("IS.3.1")
    ind.nama.setPlainText("Predikat posyandu")
    ind.unit.setCurrentIndex(ind.unit.findText("Seksi Kesejahteraan Sosial"))
    ind.jenis.setCurrentIndex(ind.jenis.findData(ValueKind.SKALA.value))
    assert ind.skala_box.isVisibleTo(ind) and ind.skala.rowCount() == 4  # WTP… as a start
    ind.skala.item(0, 0).setText("Mandiri")
    assert "Mandiri=4" in ind.rule_label.text()
    ind.targets.table.item(0, 1).setText("mandiri")  # 2026, typed in lower case
    ind.save_button.click()
    saved = next(i for i in plan_tree(window).indicators if i.kode == "IS.3.1")
    assert saved.rule.jenis_nilai is ValueKind.SKALA and saved.rule.scale_text().startswith(
        "Mandiri=4"
    )
    assert saved.targets[2026].teks == "Mandiri" and saved.targets[2026].nilai == 4
    assert saved.unit_id is not None and saved.node_id == sasaran.id
    assert page.model.index_of(INDICATOR, saved.id).isValid()


def test_plan_page_refuses_in_indonesian_and_keeps_unsaved_edits(
    window, qtbot, monkeypatch
) -> None:
    page = window.kinerja.show("kinerja.rencana")
    tree = plan_tree(window)
    neg = next(i for i in tree.indicators if i.kode == "IS.1.3")
    assert page.select(INDICATOR, neg.id)
    ind = page.indicator_editor
    assert ind.polaritas.currentData() == Polarity.NEGATIF.value and ind.rumus.isEnabled()
    assert "T / R × 100" in ind.rule_label.text()
    ind.targets.table.item(0, 0).setText("banyak")
    ind.save_button.click()
    assert "Target 2025" in ind.error_label.text() and "bukan angka" in ind.error_label.text()
    answers = iter(["batal", "buang"])
    asked: list[str] = []
    monkeypatch.setattr(common, "ask_unsaved", lambda _p, what: asked.append(what) or next(answers))
    other = next(i for i in tree.indicators if i.kode == "IS.1.1")
    page.select(INDICATOR, other.id)
    assert asked == ["indikator ini"] and page.model.record(page.tree.currentIndex()).id == neg.id
    assert ind.targets.table.item(0, 0).text() == "banyak"  # the edit is still there
    page.select(INDICATOR, other.id)
    assert page.model.record(page.tree.currentIndex()).id == other.id and not ind.dirty
    # deleting: the service's refusals, in its own words
    refusals: list[str] = []
    monkeypatch.setattr(plan_page, "show_error", lambda _p, exc, _t: refusals.append(exc.message))
    monkeypatch.setattr(common, "confirm", lambda *_a: True)
    page.delete_selected()  # IS.1.1 has realisasi
    sasaran = next(n for n in tree.nodes if n.kode == "1.1")
    page.select(NODE, sasaran.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)  # Del on the tree
    assert "sudah mempunyai nilai" in refusals[0] and "masih mempunyai isi" in refusals[1]
    assert len(plan_tree(window).indicators) == 22
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    assert page.node_editor.kode.hasFocus()


def test_plan_workbook_out_and_back_in_with_its_preview(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    page = window.kinerja.show("kinerja.rencana")
    book = tmp_path / "rencana"
    monkeypatch.setattr(common, "ask_save_file", lambda *_a: book.with_suffix(".xlsx"))
    exported: list[Path] = []
    page.files.exported.connect(exported.append)
    page.findChild(QWidget, "exportButton").click()
    qtbot.waitUntil(lambda: bool(exported), timeout=10000)
    path = exported[0]
    wb = openpyxl.load_workbook(path)
    struktur = wb["Struktur"]
    row = next(r for r in range(2, struktur.max_row + 1) if struktur.cell(r, 2).value == "2")
    struktur.cell(row, 3).value = "Meningkatnya ketenteraman masyarakat"
    wb.save(path)
    broken = tmp_path / "rusak.xlsx"
    wb["Indikator"]["E2"] = "Unit Khayalan"
    wb.save(broken)
    looks: list[tuple[str, bool]] = []

    def answer(dialog: PlanImportDialog) -> bool:
        looks.append((dialog.summary.text(), dialog.apply_button.isEnabled()))
        if dialog.preview.problems:
            cell = dialog.table.item(0, 0).text()
            looks.append((cell + " " + dialog.table.item(0, 1).text(), False))
            return False
        return True

    monkeypatch.setattr(PlanImportDialog, "ask", answer)
    monkeypatch.setattr(common, "ask_open_file", lambda *_a: broken)
    page.findChild(QWidget, "importButton").click()
    qtbot.waitUntil(lambda: len(looks) == 2, timeout=10000)
    assert "masalah" in looks[0][0] and looks[0][1] is False
    assert looks[1][0].startswith("Indikator!E2") and "Unit Khayalan" in looks[1][0]
    monkeypatch.setattr(common, "ask_open_file", lambda *_a: path)
    page.findChild(QWidget, "importButton").click()
    qtbot.waitUntil(lambda: len(looks) == 3, timeout=10000)
    assert "memperbarui" in looks[2][0] and "Indikator: 0 baru, 22 diperbarui" in looks[2][0]
    qtbot.waitUntil(
        lambda: any(
            n.nama == "Meningkatnya ketenteraman masyarakat" for n in plan_tree(window).nodes
        ),
        timeout=5000,
    )
    tujuan = next(n for n in plan_tree(window).nodes if n.kode == "2")
    shown = page.model.index_of(NODE, tujuan.id).siblingAtColumn(1).data()
    assert shown == "Meningkatnya ketenteraman masyarakat"


def test_new_renstra_period_is_asked_and_chosen(window, monkeypatch) -> None:
    page = window.kinerja.show("kinerja.rencana")

    def fill(dialog: RenstraDialog):
        assert dialog.awal.value() == 2030 and dialog.akhir.value() == 2034
        dialog.nama.setText("Renstra Kecamatan Masama")
        return dialog.renstra()

    monkeypatch.setattr(RenstraDialog, "ask", fill)
    page.findChild(QWidget, "newRenstraButton").click()
    assert page.renstra().label == "Renstra Kecamatan Masama 2030–2034"
    assert page.model.rowCount() == 0 and page.buttons["addTujuanButton"].isEnabled()


# -- Perjanjian Kinerja ------------------------------------------------------------------------
def test_pk_perubahan_keeps_the_old_version_visible(window, monkeypatch) -> None:
    page = window.kinerja.show("kinerja.pk")
    assert page.year() == 2026 and page.party_name() == "Camat"
    assert page.versions.count() == 1 and "berlaku" in page.versions.item(0).text()
    model = page.model
    assert not page.change_button.isEnabled()
    row = next(i for i, r in enumerate(model.rows) if r.indicator.kode == "IS.1.2")
    model.setData(model.index(row, model.COL_TW1 + 3), "2,4")
    assert page.change_button.isEnabled() and page.revert_button.isEnabled()
    monkeypatch.setattr(common, "ask_text", lambda *_a: "Refocusing anggaran triwulan IV")
    page.change_button.click()
    assert page.versions.count() == 2
    texts = [page.versions.item(i).text() for i in range(2)]
    assert "(digantikan)" in texts[0] and "PK Perubahan 2026" in texts[1]
    assert "Refocusing anggaran" in texts[1] and page.versions.currentRow() == 1
    new = KinerjaPlanService(window.session).pk_in_force(2026)
    item = next(i for i in new.items if i.indicator_id == model.rows[row].indicator.id)
    assert item.triwulan[4].nilai == 2.4
    page.versions.setCurrentRow(0)  # the superseded one: shown, read-only
    assert "sudah digantikan" in page.status_label.text() and not model.editable
    assert model.index(row, model.COL_TW1 + 3).data() == "2,5"


def test_a_units_first_pk_is_drafted_from_the_renstra_and_saved(window) -> None:
    page = window.kinerja.show("kinerja.pk")
    page.year_combo.setCurrentIndex(page.year_combo.findData(2027))
    page.party_combo.setCurrentIndex(page.party_combo.findText("Seksi Pemerintahan"))
    assert (
        page.versions.count() == 0
        and "Belum ada Perjanjian Kinerja 2027" in page.status_label.text()
    )
    codes = [r.indicator.kode for r in page.model.rows]
    assert codes == ["IK.7.01.06.2.01"]  # its kegiatan indicator; sasaran ones are the Camat's
    model = page.model
    for n, text in enumerate(["2", "4", "6", "8"]):
        model.setData(model.index(0, model.COL_TW1 + n), text)
    page.save_button.click()
    pk = KinerjaPlanService(window.session).pk_in_force(2027, page.party())
    assert pk is not None and pk.items[0].triwulan[4].nilai == 8
    assert page.versions.count() == 1


def test_pk_grid_edits_are_undone_and_redone_with_the_keys(window, qtbot) -> None:
    page = window.kinerja.show("kinerja.pk")
    model, grid = page.model, page.grid
    row = next(i for i, r in enumerate(model.rows) if r.indicator.kode == "IS.1.2")
    cell = model.index(row, model.COL_TW1 + 3)
    before = cell.data()
    grid.setCurrentIndex(cell)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = grid.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "3,1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell.data() == "3,1")
    assert model.dirty and page.change_button.isEnabled()
    model.setData(
        model.index(row, model.COL_MASUK),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert not model.rows[row].included
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.rows[row].included and cell.data() == "3,1"  # the tick came back first
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell.data() == before and not model.dirty  # back where it was loaded
    assert not page.change_button.isEnabled()
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert cell.data() == "3,1" and model.dirty


def test_paper_entry_typing_is_undone_cell_by_cell(window, qtbot) -> None:
    from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService

    KinerjaRoundService(window.session, Clock(NOW)).start_round("2026-TW3")
    unit = KinerjaRoundService(window.session).unit("Sekretariat")
    dialog = entry_dialog.EntryDialog(window, window.session, Clock(NOW), "2026-TW3", unit.id)
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.show()
    model, grid = dialog.model, dialog.grid
    numbers = [i for i, r in enumerate(model.rows()) if r.kode.startswith("ISK.")]  # plain numbers
    first, second = (model.index(r, EntryModel.COL_REALISASI) for r in numbers)
    model.setData(first, "12")
    model.setData(second, "0")  # a real zero, not "not filled in"
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.data() == "12" and second.data() == ""
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.data() == "" and model.undo.clean
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert (first.data(), second.data()) == ("12", "0")
    dialog.check_button.click()
    assert "(3 belum diisi)" in dialog.result_label.text()  # 0 counts as filled in
    dialog._dirty = False
    dialog.dialog.reject()


# -- Pengumpulan: paper entry ----------------------------------------------------------------
def test_paper_entry_with_a_mistake_then_applied(window, qtbot, monkeypatch) -> None:
    page = window.kinerja.show("kinerja.pengumpulan")
    from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService

    KinerjaRoundService(window.session, Clock(NOW)).start_round("2026-TW3")
    page.refresh(select="2026-TW3")
    row = next(
        r
        for r in range(page.board_model.rowCount())
        if page.board_model.unit_at(r).unit == "Sekretariat"
    )
    page.board.selectRow(row)
    seen: dict[str, object] = {}

    def type_in(dialog: entry_dialog.EntryDialog) -> int:
        dialog.dialog.show()
        model = dialog.model
        assert dialog.unit_combo.currentText() == "Sekretariat" and model.rowCount() == 5
        persen = next(i for i, r in enumerate(model.rows()) if r.kode == "IS.1.5")
        cell = model.index(persen, EntryModel.COL_REALISASI)
        dialog.grid.setCurrentIndex(cell)
        dialog.grid.setFocus()
        qtbot.keyClick(dialog.grid, Qt.Key.Key_F2)  # F2 opens the cell's editor
        editor = dialog.grid.findChild(QLineEdit)
        assert editor is not None and editor.isVisible()
        qtbot.keyClicks(editor, "90 persen")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits queued
        qtbot.waitUntil(lambda: dialog.grid.state() != dialog.grid.State.EditingState)
        assert model.entries()[model.rows()[persen].indicator_id][0] == "90 persen"
        dialog.check_button.click()
        seen["red"] = cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        seen["tip"] = cell.data(Qt.ItemDataRole.ToolTipRole)
        seen["list"] = dialog.problem_list.item(0).text()
        seen["apply_after_mistake"] = dialog.apply_button.isEnabled()
        model.setData(cell, "90")
        assert not dialog.apply_button.isEnabled()  # typed since the check
        dialog.check_button.click()
        seen["verdict"] = dialog.result_label.text()
        dialog.apply_button.click()
        seen["after"] = dialog.result_label.text()
        return 0

    monkeypatch.setattr(entry_dialog.EntryDialog, "exec", type_in)
    qtbot.keyClick(page.board, Qt.Key.Key_Return)  # Enter on the board row opens it
    assert seen["red"] and "Entri!F" in seen["tip"] and "bukan angka" in seen["tip"]
    assert seen["list"].startswith("[masalah] Entri!F") and "IS.1.5" in seen["list"]
    assert seen["apply_after_mistake"] is False
    # the four rows left empty are recorded as "not filled in", apart from the one value
    assert "5 nilai baru" in seen["verdict"] and "(4 belum diisi)" in seen["verdict"]
    assert "Tekan Terapkan" in seen["verdict"]
    assert seen["after"].startswith("Diterapkan: 5 nilai baru (4 belum diisi)")
    values = {
        v.kode: v for v in KinerjaValueService(window.session).values("2026-TW3", "Sekretariat")
    }
    assert values["IS.1.5"].nilai == 90 and values["IS.1.5"].jenis == "entri"
    qtbot.waitUntil(lambda: page.board_model.unit_at(row).status == "kembali", timeout=5000)


# -- drops ---------------------------------------------------------------------------------------
def test_drops_go_to_the_room_that_reads_them(window, tmp_path: Path) -> None:
    forms = write_round(window.session, tmp_path / "formulir", "2026-TW3")
    form = next(iter(forms.values()))
    sop_book = Path(__file__).parent / "data" / "xlsx" / "ketik_masama_perbaikan.xlsx"
    plan_book = tmp_path / "rencana.xlsx"
    from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService

    KinerjaPlanBookService(window.session).export(plan_book)
    k = window.kinerja
    plan = window.drops.plan([form, sop_book, plan_book, tmp_path / "formulir", tmp_path / "x.txt"])
    assert plan[0] == (k.take, [form, plan_book, tmp_path / "formulir"])
    assert plan[1] == (window.sop_actions.import_paths, [sop_book])
    assert len(plan) == 2


# -- looking -------------------------------------------------------------------------------------
def _no_english(widget: QWidget) -> None:
    texts = _texts(widget)
    for view in widget.findChildren(QHeaderView):
        model = view.model()
        if model is not None and view.isVisibleTo(widget):
            texts += [
                str(model.headerData(i, view.orientation()) or "")
                for i in range(
                    model.columnCount() if view.orientation() == Qt.Orientation.Horizontal else 0
                )
            ]
    bad = [t for t in texts if ENGLISH.search(t)]
    assert bad == [], bad


def test_every_kinerja_screen_paints_and_speaks_indonesian(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    shots = tmp_path / "gambar"
    shots.mkdir()
    k = window.kinerja
    tree = plan_tree(window)
    for key in ("kinerja.rencana", "kinerja.pk", "kinerja.pengumpulan", "kinerja.nilai"):
        page = k.show(key)
        qtbot.wait(10)
        _not_blank(window, shots / f"{key}.png")
        _no_english(page)
    sakip = next(i for i in tree.indicators if i.kode == "IS.1.4")
    k.show("kinerja.rencana").select(INDICATOR, sakip.id)
    qtbot.wait(10)
    _not_blank(window, shots / "indikator.png")
    _no_english(k.rencana)
    dialogs: list[QWidget] = []
    monkeypatch.setattr(RoundDialog, "ask", lambda d: dialogs.append(d.dialog) or None)
    k.pengumpulan.new_round()
    forms = write_round(window.session, tmp_path / "f", "2026-TW2")
    k.pengumpulan.refresh(select="2026-TW2")
    monkeypatch.setattr(ImportDialog, "ask", lambda d: dialogs.append(d.dialog) or "tutup")
    k.pengumpulan.import_paths(list(forms.values())[:2])
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10000)
    monkeypatch.setattr(entry_dialog.EntryDialog, "exec", lambda d: dialogs.append(d.dialog) or 0)
    k.pengumpulan.paper_entry(None)
    from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService

    book = tmp_path / "r.xlsx"
    KinerjaPlanBookService(window.session).export(book)
    preview = KinerjaPlanBookService(window.session).preview(book)
    dialogs.append(PlanImportDialog(window, preview).dialog)
    dialogs.append(RenstraDialog(window, 2030).dialog)
    for n, dialog in enumerate(dialogs):
        dialog.show()
        QApplication.processEvents()
        _not_blank(dialog, shots / f"dialog-{n}.png")
        _no_english(dialog)
        dialog.close()
    assert len(list(shots.glob("*.png"))) == 10


def test_the_drop_kinds_are_the_services_kinds() -> None:
    """The room names the kinds without importing the Excel code at start-up."""
    from kinerja_desktop.services import kinerja_files

    assert (pages.FORMULIR, pages.RENCANA) == (kinerja_files.FORMULIR, kinerja_files.RENCANA)
