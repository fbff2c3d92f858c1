"""The issue's "Done means", through the window with the services for real:
start a triwulan round, write the forms to a folder, fill two (one with a
mistake), drop the folder on the window, read the preview, apply, fix the
mistake, import again — and the status board is complete, exactly as the CLI
reports it from the same database."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_types import DITOLAK, SIAP, SUDAH
from kinerja_desktop.ui.common.errors import ErrorDialog
from kinerja_desktop.ui.kinerja import common, pages
from kinerja_desktop.ui.kinerja.import_dialog import AGAIN, CLOSED, ImportDialog
from kinerja_desktop.ui.kinerja.round_dialog import RoundDialog
from kinerja_desktop.ui.kinerja.round_models import StatusBoardModel
from kinerja_desktop.ui.shell.main_window import MainWindow
from tests.kinerja_helpers import Clock, demo_session, fill
from tests.kinerja_ui_helpers import demo_window, no_error_expected, no_question_expected
from tests.test_cli import run
from tests.test_ui_app import _not_blank

NOW = datetime(2026, 10, 5, 9, 0)


@pytest.fixture()
def window(qtbot, tmp_path: Path, monkeypatch):
    yield from demo_window(qtbot, tmp_path, monkeypatch, NOW)


def drop(win: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)


def _pick_triwulan_iii(dialog: RoundDialog):
    """What a person does in "Putaran baru…": Triwulan, Triwulan III, 2026, a deadline."""
    dialog.jenis.setCurrentIndex(dialog.jenis.findText("Triwulan"))
    dialog.tahun.setValue(2026)
    dialog.nomor.setCurrentIndex(dialog.nomor.findText("Triwulan III"))
    assert (
        "Triwulan III 2026" in dialog.preview.text() and "10 Oktober 2026" in dialog.preview.text()
    )
    return dialog.choice()


def _board(page) -> dict[str, tuple[str, str]]:
    model = page.board_model
    return {
        model.index(r, StatusBoardModel.COL_UNIT).data(): (
            model.index(r, StatusBoardModel.COL_STATUS).data(),
            model.index(r, StatusBoardModel.COL_TERISI).data(),
        )
        for r in range(model.rowCount())
    }


def test_done_means_in_the_window_and_the_same_from_the_cli(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    win = window
    page = win.kinerja.show("kinerja.pengumpulan")
    # start a round for a triwulan
    monkeypatch.setattr(RoundDialog, "ask", _pick_triwulan_iii)
    page.buttons["newRoundButton"].click()
    assert page.periode() == "2026-TW3"
    assert "tenggat 10 Oktober 2026" in page.board_title.text()
    # write the forms to a folder (background task, then the summary with "Buka folder")
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    summaries: list[str] = []
    monkeypatch.setattr(common, "ask_folder", lambda *_a: folder)
    monkeypatch.setattr(
        common, "inform_with_folder", lambda _p, _t, text, _f: summaries.append(text)
    )
    page.buttons["writeButton"].click()
    qtbot.waitUntil(lambda: bool(summaries), timeout=20000)
    forms = {p.stem: p for p in folder.glob("*.xlsx")}
    assert len(forms) == 8 and "8 Format Permintaan Data ditulis" in summaries[0]
    sekretariat = next(p for p in forms.values() if "Sekretariat" in p.name)
    pemerintahan = next(p for p in forms.values() if "Pemerintahan" in p.name and "Seksi" in p.name)
    assert all(s == "belum kembali" for s, _n in _board(page).values())
    # fill two of them, one with a mistake
    fill(sekretariat, {"F14": "44,5", "H14": "LRA s.d. September"})
    fill(pemerintahan, {"F13": "90 persen"})
    # drop the folder on the window: the data-kinerja import takes it, not the SOP import
    handlers = win.drops.plan([folder])
    assert handlers and handlers[0][0] == win.kinerja.take
    seen: dict[str, object] = {}

    def first_look(dialog: ImportDialog) -> str:
        dialog.dialog.show()
        files = {f.file_name: f for f in dialog.preview.files}
        seen["status"] = {name: f.status for name, f in files.items()}
        bad = files[pemerintahan.name]
        row = dialog.preview.files.index(bad)
        dialog.file_table.selectRow(row)
        cells = [dialog.details.index(r, 1).data() for r in range(dialog.details.rowCount())]
        seen["bad_cells"] = cells
        seen["bad_text"] = dialog.details.index(0, 6).data()
        dialog.file_table.selectRow(dialog.preview.files.index(files[sekretariat.name]))
        seen["good_detail"] = dialog.detail_label.text()
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
        seen["result"] = dialog.result_label.text()
        return CLOSED

    monkeypatch.setattr(ImportDialog, "ask", first_look)
    drop(win, [folder])
    qtbot.waitUntil(lambda: "result" in seen, timeout=30000)
    status = seen["status"]
    assert status[sekretariat.name] == SIAP and status[pemerintahan.name] == DITOLAK
    assert sum(1 for s in status.values() if s == SIAP) == 7  # the six untouched ones: blanks
    assert seen["bad_cells"] == ["Formulir!F13"] and "bukan angka" in seen["bad_text"]
    assert "Sekretariat, 2026-TW3" in seen["good_detail"]
    assert "7 berkas diterapkan" in seen["result"] and "ditolak dicatat" in seen["result"]
    qtbot.waitUntil(lambda: _board(page)["Seksi Pemerintahan"][0] == "bermasalah", timeout=5000)
    assert _board(page)["Sekretariat"] == ("sudah kembali", "1/5")
    assert "7 dari 8 unit sudah kembali; 1 bermasalah" in page.summary.text()
    # fix the mistake, import again (this time through "Impor folder…")
    fill(pemerintahan, {"F13": 90})
    again: dict[str, object] = {}

    def second_look(dialog: ImportDialog) -> str:
        again["status"] = {f.file_name: f.status for f in dialog.preview.files}
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
        again["result"] = dialog.result_label.text()
        return CLOSED

    monkeypatch.setattr(ImportDialog, "ask", second_look)
    page.buttons["importFolderButton"].click()
    qtbot.waitUntil(lambda: "result" in again, timeout=30000)
    assert again["status"][pemerintahan.name] == SIAP
    assert again["status"][sekretariat.name] == SUDAH
    qtbot.waitUntil(lambda: "LENGKAP" in page.summary.text(), timeout=5000)
    window_board = _board(page)
    assert all(s == "sudah kembali" for s, _n in window_board.values())
    # the CLI reads the same from the same database
    win.session.close_thread_connection()
    out = run(
        "kinerja",
        "status",
        "2026-TW3",
        "--tanggal",
        "2026-10-05",
        "--json",
        "--db",
        win.session.path,
    )
    board = json.loads(out.stdout)
    assert board["lengkap"] is True
    cli = {u["unit"]: f"{u['terisi']}/{u['jumlah_indikator']}" for u in board["unit"]}
    assert cli == {unit: filled for unit, (_s, filled) in window_board.items()}
    values = json.loads(
        run(
            "kinerja",
            "nilai",
            "2026-TW3",
            "--unit",
            "Sekretariat",
            "--json",
            "--db",
            win.session.path,
        ).stdout
    )
    value = next(v for v in values if v["kode"] == "IS.1.5")
    assert value["nilai"] == 44.5 and value["sumber"]["sel"] == "F14"
    # and the Nilai page shows where it came from
    nilai = win.kinerja.show("kinerja.nilai")
    nilai.show_periode("2026-TW3")
    shown = [nilai.model.index(r, 8).data() for r in range(nilai.model.rowCount())]
    assert "Formulir!F14" in shown


def test_a_file_changed_after_the_preview_is_refused_and_previewed_again(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    page = window.kinerja.show("kinerja.pengumpulan")
    from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService

    folder = tmp_path / "f"
    folder.mkdir()
    written = KinerjaRoundService(window.session, Clock(NOW)).write_forms(
        "2026-TW3", folder, tenggat=date(2026, 10, 10), unit="Sekretariat"
    )
    path = written[0].path
    fill(path, {"F14": "40"})
    page.refresh(select="2026-TW3")
    looks: list[str] = []

    def look(dialog: ImportDialog) -> str:
        looks.append(dialog.preview.files[0].status)
        if len(looks) == 1:
            fill(path, {"F14": "41"})  # someone saves the file again meanwhile
            dialog.apply_button.click()
            qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
            assert dialog.results[0].status == "berubah"
            assert "Pratinjau ulang" in dialog.result_label.text()
            return AGAIN
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
        looks.append(dialog.results[0].status)
        return CLOSED

    monkeypatch.setattr(ImportDialog, "ask", look)
    monkeypatch.setattr(common, "ask_open_files", lambda *_a: [path])
    page.buttons["importButton"].click()
    qtbot.waitUntil(lambda: len(looks) == 3, timeout=30000)
    assert looks == [SIAP, SIAP, "diterapkan"]
    qtbot.waitUntil(lambda: _board(page)["Sekretariat"][0] == "sudah kembali", timeout=5000)


def test_from_an_empty_database_plan_pk_round_forms_import_values(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A new office: its units typed in, the plan taken from a workbook, the first PK of a
    year drafted and saved, a round started, forms written, one returned and imported,
    and the value seen on the Nilai page with where it came from."""
    from kinerja_desktop.core.office import Unit
    from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService
    from kinerja_desktop.services.kinerja_values import KinerjaValueService
    from kinerja_desktop.services.office_service import OfficeService
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.ui.kinerja.plan_dialogs import PlanImportDialog

    demo = demo_session(tmp_path / "demo")
    book = tmp_path / "rencana.xlsx"
    KinerjaPlanBookService(demo).export(book)
    units = [u.nama for u in OfficeService(demo).list_units()]
    demo.close()
    session = open_session(tmp_path / "kantor.db", create=True)
    for n, nama in enumerate(units):
        OfficeService(session).save_unit(Unit(nama, urutan=n))
    monkeypatch.setattr(pages, "window_clock", lambda _demo: Clock(NOW))
    monkeypatch.setattr(ErrorDialog, "exec", no_error_expected)
    monkeypatch.setattr(QMessageBox, "exec", no_question_expected)
    win = MainWindow(session.path)
    win.attach(session)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        # the plan, from its workbook (preview first)
        plan = win.kinerja.show("kinerja.rencana")
        assert plan.renstra() is None and "Belum ada Renstra" in plan.empty_label.text()
        shots = tmp_path / "gambar"
        shots.mkdir()
        _not_blank(win, shots / "kosong-rencana.png")
        previews: list[str] = []
        monkeypatch.setattr(common, "ask_open_file", lambda *_a: book)
        monkeypatch.setattr(
            PlanImportDialog, "ask", lambda d: previews.append(d.summary.text()) or d.preview.ok
        )
        plan.files.import_plan()
        qtbot.waitUntil(lambda: plan.renstra() is not None, timeout=20000)
        assert "Tidak ada masalah" in previews[0] and "18 baru" in previews[0]
        assert plan.model.rowCount() == 2  # the two Tujuan
        _not_blank(win, shots / "kosong-rencana-diimpor.png")
        # the Camat's first PK of 2027, drafted from the Renstra targets
        pk = win.kinerja.show("kinerja.pk")
        pk.year_combo.setCurrentIndex(pk.year_combo.findData(2027))
        pk.party_combo.setCurrentIndex(pk.party_combo.findText("Camat"))
        assert pk.versions.count() == 0 and pk.save_button.isEnabled()
        drafted = len([r for r in pk.model.rows if r.included])
        _not_blank(win, shots / "kosong-pk-draf.png")
        pk.save_button.click()
        saved = KinerjaPlanService(session).pk_in_force(2027)
        assert saved is not None and len(saved.items) == drafted > 0
        # a round for Triwulan I 2027, the forms on a "flash drive"
        rounds = win.kinerja.show("kinerja.pengumpulan")

        def pick(dialog: RoundDialog):
            dialog.jenis.setCurrentIndex(dialog.jenis.findText("Triwulan"))
            dialog.tahun.setValue(2027)
            dialog.nomor.setCurrentIndex(dialog.nomor.findText("Triwulan I"))
            return dialog.choice()

        monkeypatch.setattr(RoundDialog, "ask", pick)
        rounds.buttons["newRoundButton"].click()
        assert rounds.periode() == "2027-TW1"
        folder = tmp_path / "flashdisk"
        folder.mkdir()
        done: list[str] = []
        monkeypatch.setattr(common, "ask_folder", lambda *_a: folder)
        monkeypatch.setattr(
            common, "inform_with_folder", lambda _p, _t, text, _f: done.append(text)
        )
        rounds.buttons["writeButton"].click()
        qtbot.waitUntil(lambda: bool(done), timeout=20000)
        sekretariat = next(folder.glob("*Sekretariat*.xlsx"))
        fill(sekretariat, {"F13": "BB", "F14": "21,5"})
        results: list[str] = []

        def apply_all(dialog: ImportDialog) -> str:
            dialog.apply_button.click()
            qtbot.waitUntil(lambda: bool(dialog.results), timeout=20000)
            results.append(dialog.result_label.text())
            return CLOSED

        monkeypatch.setattr(ImportDialog, "ask", apply_all)
        drop(win, [sekretariat])
        qtbot.waitUntil(lambda: bool(results), timeout=30000)
        assert "1 berkas diterapkan" in results[0]
        qtbot.waitUntil(lambda: _board(rounds)["Sekretariat"][0] == "sudah kembali", timeout=5000)
        assert _board(rounds)["Seksi Pelayanan Umum"][0] == "belum kembali"
        _not_blank(win, shots / "kosong-papan.png")
        stored = {v.kode: v for v in KinerjaValueService(session).values("2027-TW1", "Sekretariat")}
        assert stored["IS.1.4"].teks == "BB" and stored["IS.1.5"].nilai == 21.5
        nilai = win.kinerja.show("kinerja.nilai")
        nilai.show_periode("2027-TW1")
        cells = {nilai.model.index(r, 8).data() for r in range(nilai.model.rowCount())}
        assert {"Formulir!F13", "Formulir!F14"} <= cells
        _not_blank(win, shots / "kosong-nilai.png")
    finally:
        session.close()


def test_a_folder_of_hostile_forms_is_refused_file_by_file_in_indonesian(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """37 malformed and hostile returned forms (tests/data/kinerja/hostile.py) imported as
    one folder: every one refused or set aside with its reason on its row, nothing can be
    applied, no value changes, no technical text, no error dialog."""
    import re

    from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
    from kinerja_desktop.services.kinerja_values import KinerjaValueService
    from kinerja_desktop.ui.kinerja.import_models import FileListModel
    from tests.data.kinerja.hostile import make_corpus

    page = window.kinerja.show("kinerja.pengumpulan")
    rounds = KinerjaRoundService(window.session, Clock(NOW))
    (tmp_path / "f").mkdir()
    written = {
        w.unit: w.path
        for w in rounds.write_forms("2026-TW3", tmp_path / "f", tenggat=date(2026, 10, 10))
    }
    corpus = tmp_path / "korpus"
    cases = make_corpus(written["Sekretariat"], corpus, written["Seksi Pemerintahan"])
    page.refresh(select="2026-TW3")
    before = KinerjaValueService(window.session).values("2026-TW3")
    seen: dict[str, object] = {}

    def look(dialog: ImportDialog) -> str:
        dialog.dialog.show()
        model = dialog.files
        rows = {
            model.index(r, FileListModel.COL_FILE).data(): (
                model.index(r, FileListModel.COL_STATUS).data(),
                model.index(r, FileListModel.COL_SUMMARY).data(),
            )
            for r in range(model.rowCount())
        }
        seen["rows"] = rows
        seen["apply"] = dialog.apply_button.text()
        seen["summary"] = dialog.summary.text()
        dialog.dialog.grab().save(str(tmp_path / "korpus.png"))
        dialog.apply_button.click()  # only the refusals are logged
        qtbot.waitUntil(
            lambda: bool(dialog.results) or "ditolak" in dialog.result_label.text(), timeout=20000
        )
        seen["result"] = dialog.result_label.text()
        return CLOSED

    monkeypatch.setattr(ImportDialog, "ask", look)
    monkeypatch.setattr(common, "ask_folder", lambda *_a: corpus)
    page.buttons["importFolderButton"].click()
    qtbot.waitUntil(lambda: "rows" in seen, timeout=60000)
    rows = seen["rows"]
    assert len(rows) == len(cases) == 37
    technical = re.compile(r"Traceback|Error\(|Exception|errno|0x[0-9a-f]{4,}", re.I)
    for name, path, _expect in cases:
        status, summary = rows[path.name]
        assert status in ("ditolak", "duplikat"), (name, status)
        assert summary and not technical.search(summary), (name, summary)
    refused = [c for c in cases if rows[c[1].name][0] == "ditolak"]
    assert len(refused) >= 30
    for name, path, expect in refused:
        assert expect.casefold() in rows[path.name][1].casefold(), (name, rows[path.name][1])
    assert seen["apply"] == "&Catat penolakan" and "Tidak ada nilai" in seen["summary"]
    assert "Tidak ada nilai yang disimpan" in seen["result"]
    assert "21 berkas yang ditolak dicatat" in seen["result"]  # those that name round and unit
    assert KinerjaValueService(window.session).values("2026-TW3") == before
    qtbot.waitUntil(lambda: _board(page)["Sekretariat"][0] == "bermasalah", timeout=5000)
