"""The editor's save, close, revisions, compare and print preview (pytest-qt, offscreen)."""

from __future__ import annotations

import editor_helpers
from editor_helpers import doc_of, editor_for, first_sop_id, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.services.sop_editing import SopEditingService
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.editor.revisions import RevisionsDialog

demo_session = editor_helpers.demo_session  # the fixture


def _in_force(session) -> int:
    """A demo SOP whose latest revision is in force (the demo ones are)."""
    for summary in SopService(session).list_sops():
        if summary.status is SopStatus.BERLAKU and not summary.has_pending_revision:
            return summary.id
    raise AssertionError("the demo library has an SOP in force")


def test_saving_an_sop_in_force_makes_a_draft_revision_then_saves_it_in_place(
    qtbot, demo_session
) -> None:
    sop_id = _in_force(demo_session)
    window = editor_for(qtbot, demo_session, sop_id=sop_id)
    type_into_cell(qtbot, window, 1, "waktu", "25 menit")
    assert window.isWindowModified()
    qtbot.keyClick(window.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert "Revisi ke-1" in window.statusBar().currentMessage()
    record = SopService(demo_session).get(sop_id)
    assert [r.revisi_ke for r in record.revisions] == [0, 1] and record.revisi_berlaku == 0
    assert doc_of(window).revisi_ke == 1 and doc_of(window).status is SopStatus.DRAF
    type_into_cell(qtbot, window, 2, "waktu", "5 menit")
    window.save_action.trigger()
    record = SopService(demo_session).get(sop_id)
    assert len(record.revisions) == 2 and record.document.steps[2].mutu_baku.waktu == "5 menit"
    window.undo_action.trigger()  # undo after a save: the history goes on
    assert window.isWindowModified() and doc_of(window).steps[2].mutu_baku.waktu != "5 menit"


def test_a_stale_save_is_refused_and_kept_as_a_copy(qtbot, demo_session) -> None:
    sop_id = first_sop_id(demo_session)
    window = editor_for(qtbot, demo_session, sop_id=sop_id)
    type_into_cell(qtbot, window, 0, "keterangan", "tulisan di editor")
    other = SopEditingService(demo_session).open(sop_id)  # "another window"
    changed, _ = ed.SetStepText(other.document.steps[0].id, "uraian", "diubah di tempat lain")(
        other.document
    )
    SopEditingService(demo_session).save(sop_id, changed, base_hash=other.base_hash)
    window.prompts.answers["stale"] = False
    assert not window.save()
    assert window.isWindowModified() and window.sop_id == sop_id
    assert "telah diubah di tempat lain" in window.prompts.asked[-1][1]
    window.prompts.answers["stale"] = True
    assert window.save()
    assert window.sop_id != sop_id and not window.isWindowModified()
    copy = SopService(demo_session).get(window.sop_id).document
    assert copy.steps[0].keterangan == "tulisan di editor" and "(salinan)" in copy.nomor
    original = SopService(demo_session).get(sop_id).document
    assert original.steps[0].uraian == "diubah di tempat lain"


def test_closing_with_unsaved_changes_asks(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    type_into_cell(qtbot, window, 0, "keterangan", "belum disimpan")
    window.prompts.answers["unsaved_close"] = None
    assert not window.close() and window.isVisible()
    window.prompts.answers["unsaved_close"] = "save"
    assert window.close()
    stored = SopService(demo_session).get(window.sop_id).document
    assert stored.steps[0].keterangan == "belum disimpan"
    assert window.prompts.names() == ["unsaved_close", "unsaved_close"]


def test_history_opens_a_revision_read_only_and_previews_its_print(qtbot, demo_session) -> None:
    sop_id = _in_force(demo_session)
    window = editor_for(qtbot, demo_session, sop_id=sop_id)
    type_into_cell(qtbot, window, 0, "uraian", "Uraian revisi baru")
    window.save()
    dialog = RevisionsDialog(demo_session, sop_id, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert "Berlaku" in dialog.table.item(0, 2).text() and dialog.table.item(1, 2).text() == "Draf"
    dialog.table.selectRow(0)
    old = dialog.open_selected()
    qtbot.addWidget(old)
    assert old.read_only and old.editor.document.revisi_ke == 0
    assert old.editor.document.steps[0].uraian != "Uraian revisi baru"
    old.model.setData(old.model.index(0, 1), "tidak boleh")
    assert old.editor.document.steps[0].uraian != "tidak boleh" and old.editor.stack.count() == 0
    assert not old.save_action.isEnabled()
    preview = dialog.print_selected()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.result is not None, timeout=30000)
    assert preview.pdf.status() == QPdfDocument.Status.Ready
    assert preview.pdf.pageCount() == preview.result.pages >= 2
    portrait = preview.pdf.pagePointSize(0)
    preview.kertas.setCurrentIndex(1)  # A4
    preview.tegak.setChecked(True)
    qtbot.waitUntil(lambda: preview.pdf.pagePointSize(0) != portrait, timeout=30000)
    qtbot.waitUntil(lambda: preview.pdf.pagePointSize(0).width() < 600, timeout=30000)
    size = preview.pdf.pagePointSize(0)
    assert round(size.width()) == 595 and round(size.height()) == 842  # A4 portrait


def test_two_revisions_compared_side_by_side(qtbot, demo_session) -> None:
    sop_id = _in_force(demo_session)
    window = editor_for(qtbot, demo_session, sop_id=sop_id)
    type_into_cell(qtbot, window, 1, "waktu", "99 menit")
    window.identity.widget("judulEdit").setText("")
    qtbot.keyClicks(window.identity.widget("judulEdit"), "Judul baru")
    window.grid.setCurrentIndex(window.model.index(3, 1))
    window.grid.delete_steps()
    window.save()
    dialog = RevisionsDialog(demo_session, sop_id, window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    assert dialog.compare_pair() == (0, 1)
    compare = dialog.compare_selected()
    qtbot.addWidget(compare)
    text = compare.view.toPlainText()
    assert "Judul baru" in text and "99 menit" in text
    assert "Langkah dihapus" in text
    assert "Revisi ke-0" in text and "Revisi ke-1" in text
