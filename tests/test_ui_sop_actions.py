"""Excel in and out, printing and the Buku SOP from the window (pytest-qt).

File choosers and dialogs are answered by the test; the work itself runs for
real in the background, and the files it writes are checked.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services.demo import load_demo
from kinerja_desktop.services.session import open_session
from kinerja_desktop.ui.shell.application import create_window
from kinerja_desktop.ui.sop import actions as sop_actions
from kinerja_desktop.ui.sop.book_dialog import BookDialog, BookOptions
from kinerja_desktop.ui.sop.import_dialog import ImportChoice, ImportDialog
from kinerja_desktop.ui.sop.print_dialog import PrintChoice, PrintDialog

CORPUS = Path(__file__).resolve().parent / "data" / "xlsx"
A4_WITH_LEMBAR_KERJA = PrintChoice(
    "A4", tegak=False, lembar_kerja=True, tanggal_ttd=None, paksa=False
)


@pytest.fixture()
def window(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Close)
    db = tmp_path / "demo.db"
    with open_session(db, create=True, demo_if_new=False) as session:
        load_demo(session)
    session, win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    yield win
    session.close()


def _answer_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(sop_actions.SopActions, "ask_save_path", lambda self, *a: path)


def test_export_selected_sop_to_excel(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "keluar"  # no suffix: .xlsx is added
    _answer_save(monkeypatch, target)
    window.sop_actions.export_action.trigger()
    written = target.with_name("keluar.xlsx")
    qtbot.waitUntil(lambda: "diekspor" in window.statusBar().currentMessage(), timeout=10000)
    from kinerja_desktop.core.sop.serialize import content_hash
    from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook

    selected = window.catalogue.selected_id()
    stored = window.sop_actions.sops.get(selected).document
    assert content_hash(read_sop_workbook(written).document) == content_hash(stored)


def test_import_previews_then_saves_as_chosen(window, qtbot, monkeypatch) -> None:
    cat = window.catalogue
    monkeypatch.setattr(
        sop_actions.SopActions,
        "ask_open_path",
        lambda self, *a: CORPUS / "ketik_masama_perbaikan.xlsx",
    )
    seen = []

    def answer(dialog: ImportDialog):
        seen.append(dialog.dialog.findChild(object, "summaryLabel").text())
        return ImportChoice(mode=None, catatan="impor uji")

    monkeypatch.setattr(ImportDialog, "ask", answer)
    window.sop_actions.import_action.trigger()
    qtbot.waitUntil(lambda: cat.model.rowCount() == 8, timeout=10000)
    assert "ketik_masama_perbaikan.xlsx" in seen[0]
    assert cat.selected_id() == max(cat.model.summary(r).id for r in range(8))


def test_import_cancelled_writes_nothing(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(
        sop_actions.SopActions,
        "ask_open_path",
        lambda self, *a: CORPUS / "ketik_masama_perbaikan.xlsx",
    )
    monkeypatch.setattr(ImportDialog, "ask", lambda self: None)
    window.sop_actions.import_action.trigger()
    qtbot.waitUntil(lambda: "dibatalkan" in window.statusBar().currentMessage(), timeout=10000)
    assert window.catalogue.model.rowCount() == 7


def test_print_selected_sop(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "sop.pdf"
    _answer_save(monkeypatch, target)
    monkeypatch.setattr(PrintDialog, "ask", lambda self: A4_WITH_LEMBAR_KERJA)
    window.sop_actions.pdf_action.trigger()
    qtbot.waitUntil(lambda: "halaman" in window.statusBar().currentMessage(), timeout=20000)
    reader = pypdf.PdfReader(target)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert round(width) == 842 and round(height) == 595  # A4 landscape
    assert window.settings.paper("F4") == "A4"


def test_print_dialog_needs_a_deliberate_choice_for_kesalahan(qtbot) -> None:
    from kinerja_desktop.core.sop.checker import Finding, Severity

    err = Finding(Severity.KESALAHAN, "nomor-kosong", "Nomor SOP belum diisi.")
    dlg = PrintDialog(None, "uji", paper="F4", portrait=False, lembar_kerja=False, errors=[err])
    qtbot.addWidget(dlg.dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dlg.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.force.setChecked(True)
    assert ok.isEnabled() and dlg.choice().paksa


def test_print_book_in_background_with_progress(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "buku.pdf"
    _answer_save(monkeypatch, target)
    seen: list[BookDialog] = []

    def answer(dialog: BookDialog) -> BookOptions:
        seen.append(dialog)
        return dialog.choice()

    monkeypatch.setattr(BookDialog, "ask", answer)
    window.sop_actions.book_action.trigger()
    qtbot.waitUntil(lambda: "halaman" in window.statusBar().currentMessage(), timeout=60000)
    outline = [o.title for o in pypdf.PdfReader(target).outline if not isinstance(o, list)]
    # by default: this office's SOPs in force (no kop of another office)
    (dialog,) = seen
    own = [c.id for c in dialog.choices if c.own_office]
    assert dialog.chosen_ids() == own and len(own) < len(dialog.choices)
    assert len([t for t in outline if "Daftar" not in t and "Sampul" not in t]) == len(own)


def test_book_dialog_chooses_sops_and_guards_kesalahan(qtbot) -> None:
    from kinerja_desktop.core.sop.checker import Finding, Severity
    from kinerja_desktop.services.print_service import BookChoice

    choices = [BookChoice(1, "1/A", "Satu", 0, True), BookChoice(2, "2/B", "Dua", 0, False, ("X",))]
    err = Finding(Severity.KESALAHAN, "nomor-ganda", "Nomor dipakai.")
    dlg = BookDialog(None, choices, {2: [err]}, paper="A4", portrait=False, year=2027)
    qtbot.addWidget(dlg.dialog)
    assert dlg.chosen_ids() == [1] and dlg.ok.isEnabled() and not dlg.force.isVisibleTo(dlg.dialog)
    dlg.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dlg.chosen_ids() == [1, 2] and not dlg.ok.isEnabled()
    dlg.force.setChecked(True)
    assert dlg.ok.isEnabled()
    assert dlg.choice() == BookOptions([1, 2], 2027, "A4", False, True)
    dlg.binding.setCurrentIndex(2)
    assert dlg.choice().jilid == "cermin"


def test_file_stem_is_safe() -> None:
    assert sop_actions.file_stem("050/01/KEC-MSM/2026") == "050-01-KEC-MSM-2026"
    assert sop_actions.file_stem('a:b*c?"d') == "a-b-c-d"
    assert sop_actions.file_stem("   ") == "SOP"


def test_extension_is_added_not_replaced() -> None:
    assert sop_actions.with_extension(Path("SOP 1.5 revisi"), ".pdf").name == "SOP 1.5 revisi.pdf"
    assert sop_actions.with_extension(Path("050.01.2026"), ".xlsx").name == "050.01.2026.xlsx"
    assert sop_actions.with_extension(Path("a.PDF"), ".pdf").name == "a.PDF"
