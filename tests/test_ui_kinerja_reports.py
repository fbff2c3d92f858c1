"""The issue's "Done means" through the window (pytest-qt, the services for
real, only the modal dialogs' exec and the save-file question patched):
validate the collected triwulan, correct one validated value through a
Perbaikan to its signature, print the Dokumen Perbaikan, the Evaluasi Hasil
Renja and the Rekap — and the screen's figures are the CLI's."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop.core.kinerja import laporan
from kinerja_desktop.core.kinerja.perbaikan import PerbaikanStatus
from kinerja_desktop.ui.kinerja import perbaikan_dialogs, predikat_dialog, report_texts
from kinerja_desktop.ui.kinerja.report_pages import (
    PAGE_LAPORAN,
    PAGE_PERBAIKAN,
    PAGE_VALIDASI,
)
from tests.kinerja_report_helpers import pdf_text
from tests.kinerja_ui_helpers import started_demo_window
from tests.test_cli import run

TW = "2026-TW2"
UNIT = "Seksi Pelayanan Umum"
KODE = "IS.1.3"


@pytest.fixture()
def window(qtbot, tmp_path: Path):
    yield from started_demo_window(qtbot, tmp_path)


def _select(view, predicate) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        cells = [model.index(row, c).data() for c in range(model.columnCount())]
        if predicate(cells):
            view.selectRow(row)
            return
    raise AssertionError("no such row")


def _row_of(view, predicate) -> list[str]:
    model = view.model()
    for row in range(model.rowCount()):
        cells = [model.index(row, c).data() for c in range(model.columnCount())]
        if predicate(cells):
            return cells
    raise AssertionError("no such row")


def _filling(values: dict[str, str]):
    """A dialog's exec that types into its fields (by object name) and presses OK."""

    def exec_(dialog) -> int:
        for name, text in values.items():
            field = dialog.findChild(QWidget, name)
            (field.setPlainText if hasattr(field, "setPlainText") else field.setText)(text)
        dialog._ok()
        return dialog.result()

    return exec_


def _validate_all(win, qtbot, monkeypatch) -> object:
    page = win.kinerja.show(PAGE_VALIDASI)
    page.period.setCurrentText(TW)
    page.refresh()
    assert "nilai belum divalidasi" in page.status.text()
    assert int(_row_of(page.board, lambda c: c[0] == UNIT)[3]) > 0  # Belum
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    page.all_button.click()
    assert asked and "semua unit" in asked[0] and TW in asked[0]
    for row in range(page.board_model.rowCount()):
        assert page.board_model.rows[row].cells[3] == "0"  # nothing left to validate
    assert "semua unit periode 2026-TW2 divalidasi dan dikunci" in page.status.text()
    return page


def test_validate_correct_sign_and_print(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    win = window
    page = _validate_all(win, qtbot, monkeypatch)
    # the unit's values, locked; propose a correction of one
    _select(page.board, lambda c: c[0] == UNIT)
    _select(page.value_table, lambda c: c[0] == KODE)
    old = page.selected_value()
    assert old.status_validasi == "valid" and page.propose_button.isEnabled()
    seen = {}

    def first_empty_then_filled(dialog) -> int:
        dialog.nilai.setText("7")
        dialog._ok()  # no reason, no evidence: refused, the dialog stays open
        seen["problem"] = dialog.problem.text()
        return _filling({"alasanEdit": "Satu pengaduan belum tercatat", "buktiEdit": "LAPOR 118"})(
            dialog
        )

    monkeypatch.setattr(perbaikan_dialogs.ProposeDialog, "exec", first_empty_then_filled)
    page.propose_button.click()
    assert "alasan" in seen["problem"]
    assert "diajukan" in page.status.text()

    # Perbaikan: through every step to the Camat's signature
    perbaikan = win.kinerja.show(PAGE_PERBAIKAN)
    perbaikan.period.setCurrentText(TW)
    perbaikan.refresh()
    assert perbaikan.model.rowCount() == 1
    perbaikan.table.selectRow(0)
    monkeypatch.setattr(
        perbaikan_dialogs.StepDialog, "exec", _filling({"catatanEdit": "diparaf di atas kertas"})
    )
    for status in (PerbaikanStatus.DIPERIKSA, PerbaikanStatus.DIPARAF):
        perbaikan.step_button.click()
        assert perbaikan.selected().status is status
        assert perbaikan.step_button.text() != "Langkah berikutnya…"
    perbaikan.step_button.click()
    p = perbaikan.selected()
    assert p.status is PerbaikanStatus.DITANDATANGANI and p.baru.nilai == 7
    assert not perbaikan.step_button.isEnabled() and not perbaikan.reject_button.isEnabled()
    html = perbaikan.detail.toHtml()
    for status in PerbaikanStatus:
        if status is not PerbaikanStatus.DITOLAK:
            assert status.label in html
    assert "Nilai baru berlaku" in perbaikan.status.text()

    # the Validasi page shows the new value, still locked
    page.on_change("kinerja_value")
    _select(page.board, lambda c: c[0] == UNIT)
    row = _row_of(page.value_table, lambda c: c[0] == KODE)
    assert row[2] == "7" and "terkunci" in row[3]

    # the Dokumen Perbaikan, printed off the UI thread
    doc = tmp_path / "dokumen.pdf"
    monkeypatch.setattr(perbaikan, "ask_save_path", lambda *_a: doc)
    perbaikan.print_button.click()
    qtbot.waitUntil(lambda: "versi 1" in perbaikan.status.text(), timeout=20000)
    text = pdf_text(doc)
    assert "PERBAIKAN DATA KINERJA" in text.upper() and "Satu pengaduan belum tercatat" in text

    # one unit's document: the filter narrows the list, the print is that unit's own version
    other = next(i for i in range(1, perbaikan.unit.count()) if perbaikan.unit.itemText(i) != UNIT)
    perbaikan.unit.setCurrentIndex(other)
    perbaikan.refresh()
    assert perbaikan.model.rowCount() == 0
    perbaikan.unit.setCurrentIndex(perbaikan.unit.findText(UNIT))
    perbaikan.refresh()
    assert perbaikan.model.rowCount() == 1
    own = tmp_path / "dokumen-unit.pdf"
    monkeypatch.setattr(perbaikan, "ask_save_path", lambda *_a: own)
    perbaikan.status.setText("")
    perbaikan.print_button.click()
    qtbot.waitUntil(lambda: "versi 1" in perbaikan.status.text(), timeout=20000)
    assert f"Triwulan II 2026 — {UNIT}" in pdf_text(own).replace("\n", " ")


def test_laporan_preview_export_and_reprint(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    win = window
    _validate_all(win, qtbot, monkeypatch)
    page = win.kinerja.show(PAGE_LAPORAN)
    page.choose(laporan.REKAP, TW)
    assert page.status.text().startswith("Pratinjau Rekap Data Kinerja")
    shown = {
        (c[0], c[1]): c for c in (page.model.rows[i].cells for i in range(page.model.rowCount()))
    }
    # the screen's figures are the CLI's, formula included
    db = win.session.path
    cli = json.loads(run("kinerja", "rekap", TW, "--json", "--db", db).stdout)
    assert len(cli["indikator"]) == len(shown)
    for item in cli["indikator"]:
        cells = shown[(item["unit"], item["kode"])]
        assert cells[7] == item["rumus"]
        assert (cells[6] if cells[6] != "—" else None) == item["predikat"]
    band = page.model.index(0, 6).data(Qt.ItemDataRole.BackgroundRole)  # the band colour
    assert band is not None

    # export PDF and Excel: each print freezes (the same data: the same version)
    pdf, xlsx = tmp_path / "rekap.pdf", tmp_path / "rekap.xlsx"
    for target, button in ((pdf, page.pdf_button), (xlsx, page.xlsx_button)):
        monkeypatch.setattr(page, "ask_save_path", lambda *_a, t=target: t)
        button.click()
        qtbot.waitUntil(lambda t=target: str(t) in page.status.text(), timeout=20000)
    assert page.version_model.rowCount() == 1
    assert "Rekap Data Kinerja" in pdf_text(pdf)
    wb = openpyxl.load_workbook(xlsx)
    assert any(
        isinstance(c.value, str) and c.value.startswith("=") for ws in wb for r in ws for c in r
    )

    # reprint the frozen version
    again = tmp_path / "ulang.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_a: again)
    page.versions.selectRow(0)
    page.reprint_button.click()
    qtbot.waitUntil(lambda: "dicetak ulang" in page.status.text(), timeout=20000)
    digest = page.version_model.rows[0].tip
    assert "Versi 1 · dibekukan" in pdf_text(again) and digest[:16] in pdf_text(again)
    assert pdf_text(again) == pdf_text(pdf)  # the same frozen figures


def test_evaluasi_texts_reach_the_pdf(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    page = window.kinerja.show(PAGE_LAPORAN)
    page.choose(laporan.EVALUASI, TW)
    assert page.model.headers[4] == "TW I" and page.model.rowCount() > 0
    assert "Rata-rata capaian Renja" in page.summary.text()
    assert "susunan kolom Permendagri 86/2017 (13 = 9+10+11+12" in page.summary.text()
    capaian = [page.model.rows[i].cells[9] for i in range(page.model.rowCount())]
    assert all(c == "—" or len(c.split(",")[-1]) == 2 for c in capaian)  # two decimals
    assert any(c != "—" for c in capaian)
    monkeypatch.setattr(
        report_texts.TextsDialog,
        "exec",
        _filling({"teks_faktor_pendorong": "Dukungan aparat desa yang kuat"}),
    )
    page.texts_button.click()
    assert "disimpan" in page.status.text()
    target = tmp_path / "evaluasi.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_a: target)
    page.draft.setChecked(True)
    page.pdf_button.click()
    qtbot.waitUntil(lambda: "Draf" in page.status.text(), timeout=30000)
    assert "Dukungan aparat desa yang kuat" in pdf_text(target)
    assert page.version_model.rowCount() == 0  # a draft is not frozen


def test_a_bad_period_is_one_line_not_a_crash(window) -> None:
    page = window.kinerja.show(PAGE_LAPORAN)
    page.kind.setCurrentIndex(0)
    page.period.setCurrentText("triwulan kedua")
    page.refresh()
    assert page.report is None and page.status.text()
    assert not page.pdf_button.isEnabled()
    assert page.table.model().rowCount() == 0
    page.period.setCurrentText("")  # nothing chosen: say what to choose, not "'' tidak dikenal"
    page.refresh()
    assert page.status.text().startswith("Pilih atau tulis periode")


def test_predikat_bands_are_set_in_the_window(window, monkeypatch) -> None:
    page = window.kinerja.show(PAGE_LAPORAN)
    page.choose(laporan.REKAP, TW)
    before = {page.model.rows[i].cells[6] for i in range(page.model.rowCount())}
    assert "Sangat Tinggi" in before
    seen = {}

    def exec_(dialog) -> int:
        assert dialog.predikat.text().startswith("90 Sangat Tinggi; 75 Tinggi")
        dialog.predikat.setText("tinggi sekali")
        dialog._ok()  # refused: no bound
        seen["problem"] = dialog.problem.text()
        dialog.predikat.setText("200 Luar Biasa; 100 Baik; Kurang")
        dialog._ok()
        return dialog.result()

    monkeypatch.setattr(predikat_dialog.PredikatDialog, "exec", exec_)
    page.scales_button.click()
    assert "batas" in seen["problem"]
    assert page.status.text() == "Batas predikat dan warna disimpan."
    after = {page.model.rows[i].cells[6] for i in range(page.model.rowCount())}
    assert "Sangat Tinggi" not in after and after <= {"Luar Biasa", "Baik", "Kurang", "—"}
    assert "Baik" in after
