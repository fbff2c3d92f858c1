"""Undo and redo on the Rencana page: a saved edit, an addition and a deletion go
back and forth through the service (same ids, targets and pagu included), Ctrl+Z on
the tree, a refusal leaves the history in place, a change made elsewhere clears it;
a node with realisasi anggaran is not deleted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.plan import Level, PlanNode
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_reports import KinerjaReportService
from kinerja_desktop.ui.kinerja import common, plan_page
from kinerja_desktop.ui.kinerja.plan_model import INDICATOR, NODE
from tests.kinerja_ui_helpers import demo_window, plan_tree

NOW = datetime(2026, 8, 15, 9, 0)


@pytest.fixture()
def window(qtbot, tmp_path: Path, monkeypatch):
    yield from demo_window(qtbot, tmp_path, monkeypatch, NOW)


def test_edit_add_delete_undo_redo(window, qtbot, monkeypatch) -> None:
    page = window.kinerja.show("kinerja.rencana")
    undo, redo = page.buttons["undoButton"], page.buttons["redoButton"]
    assert not undo.isEnabled() and not redo.isEnabled()
    sasaran = next(n for n in plan_tree(window).nodes if n.kode == "1.1")
    old_name = sasaran.nama

    # a saved edit, undone with Ctrl+Z on the tree and redone with the button
    page.select(NODE, sasaran.id)
    page.node_editor.nama.setPlainText("Sasaran yang diganti namanya")
    page.node_editor.save_button.click()
    assert undo.isEnabled() and "ubah Sasaran 1.1" in undo.toolTip()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert next(n for n in plan_tree(window).nodes if n.id == sasaran.id).nama == old_name
    assert redo.isEnabled() and not undo.isEnabled()
    redo.click()
    assert next(n for n in plan_tree(window).nodes if n.id == sasaran.id).nama.startswith(
        "Sasaran ya"
    )

    # an indicator added, undone (gone), redone (back under its own id, targets too)
    page.select(NODE, sasaran.id)
    page.buttons["addIndicatorButton"].click()
    ind = page.indicator_editor
    ind.kode.setText("IS.9.9")
    ind.nama.setPlainText("Indikator percobaan")
    ind.targets.table.item(0, 1).setText("12")  # 2026
    ind.save_button.click()
    added = next(i for i in plan_tree(window).indicators if i.kode == "IS.9.9")
    undo.click()
    assert all(i.kode != "IS.9.9" for i in plan_tree(window).indicators)
    redo.click()
    again = next(i for i in plan_tree(window).indicators if i.kode == "IS.9.9")
    assert again == added and again.targets[2026].nilai == 12
    assert page.model.record(page.tree.currentIndex()).id == added.id

    # deleted after asking, and brought back
    monkeypatch.setattr(common, "confirm", lambda *_a: True)
    page.select(INDICATOR, added.id)
    page.delete_selected()
    assert all(i.id != added.id for i in plan_tree(window).indicators)
    assert "hapus indikator IS.9.9" in undo.toolTip()
    undo.click()
    assert next(i for i in plan_tree(window).indicators if i.id == added.id) == added
    history = [s.label for s in page.history._done]
    assert history == ["ubah Sasaran 1.1", "tambah indikator IS.9.9"]

    # a refusal (as when the added indicator has got values meanwhile) is shown in the
    # service's words, and the history stays
    refusals: list[str] = []
    monkeypatch.setattr(plan_page, "show_error", lambda _p, exc, _t: refusals.append(exc.message))
    monkeypatch.setattr(
        page.plans,
        "delete_indicator",
        lambda _id: (_ for _ in ()).throw(ValidationError("ada nilai")),
    )
    undo.click()
    assert refusals == ["ada nilai"] and page.history.undo_label() == "tambah indikator IS.9.9"
    monkeypatch.undo()

    # a change made elsewhere clears the history
    other = KinerjaPlanService(window.session)
    node = next(n for n in plan_tree(window).nodes if n.id == sasaran.id)
    other.save_node(page.renstra().id, node.__class__(**{**node.__dict__, "nama": "Dari luar"}))
    assert not undo.isEnabled() and not redo.isEnabled()


def test_a_node_with_realisasi_anggaran_is_not_deleted(window) -> None:
    plans = KinerjaPlanService(window.session)
    tree = plan_tree(window)
    kegiatan = next(n for n in tree.nodes if n.level is Level.KEGIATAN)
    kode = f"{kegiatan.kode}.9999"
    sub = PlanNode(Level.SUB_KEGIATAN, kode, "Sub kegiatan percobaan", kegiatan.id, 99)
    sub_id = plans.save_node(tree.renstra.id, sub)
    KinerjaReportService(window.session, lambda: NOW).set_anggaran(kode, "2026-TW1", "1000000")
    with pytest.raises(ValidationError, match="sudah mempunyai realisasi anggaran"):
        plans.delete_node(sub_id)
