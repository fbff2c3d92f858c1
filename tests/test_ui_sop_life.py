"""The SOP life cycle from the window (pytest-qt): actions enabled by the
selection's state, approve, withdraw, delete to the bin and restore, the
editor entry points (patched), and the import preview's changes and corrections."""

from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.core.sop import Pengesahan, SopStatus
from kinerja_desktop.services.demo import load_demo
from kinerja_desktop.services.session import open_session
from kinerja_desktop.ui.shell.application import create_window
from kinerja_desktop.ui.sop import life_actions
from kinerja_desktop.ui.sop.import_dialog import ImportDialog, doubtful_steps
from kinerja_desktop.ui.sop.life_dialogs import (
    Approval,
    ApproveDialog,
    NewSopDialog,
    TrashDialog,
    WithdrawDialog,
)

CORPUS = Path(__file__).resolve().parent / "data" / "xlsx"


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


def _select(win, status: SopStatus) -> int:
    summary = next(s for s in win.sop_actions.sops.list_sops() if s.status is status)
    win.catalogue.select(summary.id)
    return summary.id


def test_actions_follow_the_selections_state(window) -> None:
    life = window.sop_actions.life
    _select(window, SopStatus.BERLAKU)
    assert life.withdraw_action.isEnabled() and not life.approve_action.isEnabled()
    assert not life.delete_action.isEnabled() and life.revision_action.isEnabled()
    _select(window, SopStatus.DRAF)
    assert life.approve_action.isEnabled() and life.delete_action.isEnabled()
    assert not life.withdraw_action.isEnabled() and not life.revision_action.isEnabled()
    menu_texts = [a.text() for a in window.sop_actions.actions() if a is not None]
    assert "&Nyatakan berlaku…" in menu_texts and "Sa&mpah…" in menu_texts


def test_approve_then_withdraw_from_the_window(window, qtbot, monkeypatch) -> None:
    sop_id = _select(window, SopStatus.DRAF)
    seen: list[ApproveDialog] = []
    signer = Pengesahan("CAMAT MASAMA", "Penanda Tangan", "", "Pembina, IV/a")

    def approve(dialog: ApproveDialog) -> Approval:
        seen.append(dialog)
        return Approval(date(2026, 4, 1), signer)

    monkeypatch.setattr(ApproveDialog, "ask", approve)
    window.sop_actions.life.approve_action.trigger()
    sops = window.sop_actions.sops
    assert sops.summary(sop_id).status is SopStatus.BERLAKU
    doc = sops.get_in_force(sop_id)
    assert (doc.tanggal_efektif, doc.pengesahan.nama) == (date(2026, 4, 1), "Penanda Tangan")
    assert seen[0].combo.count() > 1  # the staff list to pick the signer from
    qtbot.waitUntil(lambda: window.catalogue.selected_id() == sop_id)
    window.catalogue.select(sop_id)
    qtbot.waitUntil(lambda: "Dinyatakan berlaku" in window.catalogue.detail.toPlainText())
    assert "Riwayat revisi" in window.catalogue.detail.toPlainText()
    life = window.sop_actions.life
    assert life.withdraw_action.isEnabled() and not life.approve_action.isEnabled()
    monkeypatch.setattr(WithdrawDialog, "ask", lambda self: "Tidak dipakai lagi")
    life.withdraw_action.trigger()
    assert sops.summary(sop_id).status is SopStatus.DICABUT
    assert "Tidak dipakai lagi" in sops.get(sop_id).revisions[-1].catatan


def test_approve_dialog_is_refused_with_kesalahan_and_picks_staff(window, qtbot) -> None:
    sops = window.sop_actions.sops
    doc = sops.new_document(True)  # no nomor, no judul: kesalahan
    from kinerja_desktop.services.office_service import OfficeService

    staff = OfficeService(window.session).list_staff()
    dlg = ApproveDialog(None, doc, sops.check_document(doc), staff)
    qtbot.addWidget(dlg.dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dlg.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.combo.setCurrentIndex(2)
    member = [m for m in staff if m.aktif][1]
    assert dlg.choice().signer.nama == member.nama
    assert dlg.choice().signer.jabatan == member.jabatan.upper()


def test_withdraw_dialog_needs_a_reason(window, qtbot) -> None:
    summary = window.sop_actions.sops.list_sops()[0]
    dlg = WithdrawDialog(None, summary)
    qtbot.addWidget(dlg.dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dlg.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.alasan.setPlainText("  Diganti  ")
    assert ok.isEnabled() and dlg.reason() == "Diganti"


def test_delete_to_the_bin_restore_and_empty(window, qtbot, monkeypatch) -> None:
    sop_id = _select(window, SopStatus.DRAF)
    sops = window.sop_actions.sops
    before = window.catalogue.model.rowCount()
    monkeypatch.setattr(life_actions.LifeActions, "confirm_delete", lambda self, s: False)
    window.sop_actions.life.delete_action.trigger()
    assert window.catalogue.model.rowCount() == before  # not confirmed: nothing
    monkeypatch.setattr(life_actions.LifeActions, "confirm_delete", lambda self, s: True)
    window.sop_actions.life.delete_action.trigger()
    qtbot.waitUntil(lambda: window.catalogue.model.rowCount() == before - 1)
    assert [s.id for s in sops.bin()] == [sop_id]

    def restore(dialog: TrashDialog) -> list[int]:
        assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
        dialog.restore_selected()
        return dialog.restored

    monkeypatch.setattr(TrashDialog, "exec", restore)
    window.sop_actions.life.trash_action.trigger()
    assert window.catalogue.model.rowCount() == before
    assert window.catalogue.selected_id() == sop_id
    sops.delete(sop_id)
    dlg = TrashDialog(None, sops)
    qtbot.addWidget(dlg.dialog)
    monkeypatch.setattr(TrashDialog, "confirm_empty", lambda self, n: False)
    dlg.empty()
    assert len(sops.bin()) == 1
    monkeypatch.setattr(TrashDialog, "confirm_empty", lambda self, n: True)
    dlg.empty()
    assert sops.bin() == [] and dlg.table.rowCount() == 0
    assert not dlg.empty_button.isEnabled()


def test_editing_actions_open_the_editor(window, qtbot, monkeypatch) -> None:
    calls: list[dict] = []
    fake = types.ModuleType("kinerja_desktop.ui.editor")

    def open_editor(parent, session, *, sop_id=None, document=None):
        calls.append({"sop_id": sop_id, "document": document})
        from PySide6.QtWidgets import QWidget

        return QWidget()

    fake.open_editor = open_editor
    monkeypatch.setitem(sys.modules, "kinerja_desktop.ui.editor", fake)
    life = window.sop_actions.life
    sop_id = _select(window, SopStatus.BERLAKU)
    life.edit_action.trigger()
    index = window.catalogue.table.currentIndex()
    window.catalogue.table.doubleClicked.emit(index)
    assert [c["sop_id"] for c in calls] == [sop_id, sop_id]
    monkeypatch.setattr(NewSopDialog, "ask", lambda self: True)
    life.new_action.trigger()
    assert calls[-1]["sop_id"] is None and calls[-1]["document"].dasar_hukum
    life.duplicate_action.trigger()
    assert calls[-1]["document"].judul.endswith("(salinan)")
    monkeypatch.setattr(life_actions.LifeActions, "ask_revision_note", lambda self, s: "Uji")
    life.revision_action.trigger()
    assert calls[-1]["sop_id"] == sop_id
    assert window.sop_actions.sops.summary(sop_id).has_pending_revision


def test_without_the_editor_the_user_is_told(window, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "kinerja_desktop.ui.editor", None)  # import fails
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    _select(window, SopStatus.BERLAKU)
    window.sop_actions.life.edit_action.trigger()
    assert told and "Penyunting SOP belum tersedia" in told[0]


def test_import_preview_unchanged_offers_no_save(window, qtbot, tmp_path) -> None:
    sops = window.sop_actions.sops
    sop_id = window.catalogue.selected_id()
    path = tmp_path / "sama.xlsx"
    sops.export_xlsx(sop_id, path)
    dlg = ImportDialog(None, sops.preview_import(path), path.name, sops)
    qtbot.addWidget(dlg.dialog)
    assert not dlg.save.isVisibleTo(dlg.dialog)
    assert "tidak ada perubahan" in dlg.report.toPlainText()


def test_import_preview_corrects_a_guessed_lane(window, qtbot) -> None:
    sops = window.sop_actions.sops
    preview = sops.preview_import(CORPUS / "ketik_bappeda_identitas.xlsx")  # lanes guessed
    dlg = ImportDialog(None, preview, "ketik.xlsx", sops)
    qtbot.addWidget(dlg.dialog)
    rows = doubtful_steps(preview)
    assert rows and dlg.table.rowCount() == len(rows)
    index = rows[0]
    box = dlg.lane_boxes[index]
    other = next(i for i in range(box.count()) if box.itemData(i) not in (None, box.currentData()))
    box.setCurrentIndex(other)
    step = dlg.preview.document.steps[index]
    assert step.pelaksana == [box.itemData(other)] and not step.pelaksana_ditebak
    assert dlg.preview is not preview  # assessed again
    assert dlg.save.isVisibleTo(dlg.dialog)


def test_import_preview_corrects_a_decision_target(window, qtbot) -> None:
    sops = window.sop_actions.sops
    preview = sops.preview_import(CORPUS / "ketik_martapura_monitoring_c5.xlsx")
    dlg = ImportDialog(None, preview, "c5.xlsx", sops)
    qtbot.addWidget(dlg.dialog)
    (index, k), box = next(iter(dlg.exit_boxes.items()))
    target = box.itemData(box.count() - 1)
    box.setCurrentIndex(box.count() - 1)
    assert dlg.preview.document.steps[index].exits[k].target == target
