"""The SOP editor window (pytest-qt, offscreen): writing an SOP from scratch, the steps
grid, pasting rows, a decision loop, undo and redo of every kind of edit, lanes."""

from __future__ import annotations

import copy

import editor_helpers
from editor_helpers import (
    cell_editor,
    doc_of,
    editor_for,
    first_sop_id,
    set_clipboard,
    type_into_cell,
    wait_idle,
)
from PySide6.QtCore import Qt

from kinerja_desktop.core.sop import SopDocument, StepKind
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.editor import open_editor

demo_session = editor_helpers.demo_session  # the fixture


def test_write_an_sop_from_scratch_with_a_rework_loop_and_save_it(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, document=SopDocument())
    page = window.identity
    nomor = page.widget("nomorEdit")
    nomor.setFocus()
    qtbot.keyClicks(nomor, "050/09/KEC-MSM/2026")
    qtbot.keyClicks(page.widget("judulEdit"), "Prosedur Uji Editor")
    assert doc_of(window).nomor == "050/09/KEC-MSM/2026"
    assert window.isWindowModified()
    for name in ("Camat", "Sekretaris Camat"):
        window.lanes.add_lane(name)
    window.tabs.setCurrentIndex(1)
    for _ in range(4):
        window.insert_action.trigger()
        qtbot.keyClick(cell_editor(window), Qt.Key.Key_Escape)
    assert len(doc_of(window).steps) == 4
    texts = ["Memerintahkan penyusunan", "Menyusun konsep", "Konsep sudah benar?", "Menandatangani"]
    for row, text in enumerate(texts):
        type_into_cell(qtbot, window, row, "uraian", text)
    model = window.model
    for row, kind in ((0, StepKind.MULAI), (2, StepKind.KEPUTUSAN), (3, StepKind.SELESAI)):
        assert model.setData(model.index(row, model.column_of("jenis")), kind)
    camat, sekcam = (lane.id for lane in doc_of(window).lanes)
    for row, lane in ((0, camat), (1, sekcam), (2, camat), (3, camat)):
        index = model.index(row, model.column_of(f"lane:{lane}"))
        assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    type_into_cell(qtbot, window, 2, "tujuan2", "2")  # "Tidak" back to step 2: the rework loop
    doc = doc_of(window)
    assert doc.steps[2].exits[1].target == doc.steps[1].id
    assert doc.steps[1].pelaksana == [sekcam] and doc.steps[1].uraian == "Menyusun konsep"
    wait_idle(qtbot, window)
    codes = {f.finding.code for f in window.checker.findings}
    assert "tak-terjangkau" not in codes and "keputusan-cabang" not in codes
    window.save_action.trigger()
    assert window.sop_id is not None and not window.isWindowModified()
    stored = SopService(demo_session).get(window.sop_id).document
    assert [s.uraian for s in stored.steps] == texts
    assert stored.steps[2].exits[1].target == stored.steps[1].id


def test_typing_in_one_cell_is_one_undo_step_and_esc_takes_it_back(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    before = copy.deepcopy(doc_of(window))
    grid = window.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.steps.index(1, grid.steps.column_of("waktu")))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = cell_editor(window)
    editor.selectAll()
    qtbot.keyClicks(editor, "45 menit")
    assert doc_of(window).steps[1].mutu_baku.waktu == "45 menit"  # live, while typing
    assert window.editor.stack.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc_of(window) == before and window.editor.stack.count() == 0
    type_into_cell(qtbot, window, 1, "waktu", "2 jam")
    type_into_cell(qtbot, window, 1, "waktu", "3 jam")
    assert window.editor.stack.count() == 2  # two edits, not one per letter
    window.undo_action.trigger()
    assert doc_of(window).steps[1].mutu_baku.waktu == "2 jam"
    window.undo_action.trigger()
    assert doc_of(window) == before and not window.isWindowModified()


def test_undo_and_redo_every_kind_of_edit(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    original = copy.deepcopy(doc_of(window))
    model, grid = window.model, window.grid
    doc = doc_of(window)
    lane0 = doc.lanes[0].id
    edits = [
        lambda: window.identity.widget("judulEdit").setFocus(),
        lambda: _type_field(qtbot, window, "judulEdit", " (uji)"),
        window.identity.lists["dasar_hukum"].add_item,
        window.identity.lists["peringatan"].remove_item,
        lambda: window.lanes.add_lane("Operator"),
        lambda: window.lanes.move_current(-1),
        lambda: model.setData(model.index(2, model.column_of(f"lane:{lane0}")), 2, 10),
        lambda: model.setData(model.index(3, model.column_of("jenis")), StepKind.KEPUTUSAN),
        lambda: model.setData(model.index(3, model.column_of("label1")), "Benar"),
        lambda: (grid.setCurrentIndex(model.index(4, 1)), grid.insert_step(True)),
        lambda: (grid.setCurrentIndex(model.index(6, 1)), grid.move_steps(-1)),
        lambda: (grid.setCurrentIndex(model.index(7, 1)), grid.delete_steps()),
    ]
    states = []
    for edit in edits:
        edit()
        states.append(copy.deepcopy(doc_of(window)))
    stack = window.editor.stack
    assert stack.count() >= 9
    while stack.canUndo():
        stack.undo()
    assert doc_of(window) == original
    while stack.canRedo():
        stack.redo()
    assert doc_of(window) == states[-1]
    assert doc_of(window).lanes[0].nama == "Operator"  # added after lane 1, moved left


def _type_field(qtbot, window, name: str, text: str) -> None:
    edit = window.identity.widget(name)
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, text)


def test_pasting_rows_from_excel_makes_steps_and_a_line_goes_into_the_cell(
    qtbot, demo_session
) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    grid, model = window.grid, window.model
    count = len(doc_of(window).steps)
    grid.setCurrentIndex(model.index(1, model.column_of("uraian")))
    set_clipboard("Menyiapkan berkas\t\t\t\tBerkas\t10 menit\r\nMengirim berkas\tProses\r\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    doc = doc_of(window)
    assert len(doc.steps) == count + 2
    assert [s.uraian for s in doc.steps[2:4]] == ["Menyiapkan berkas", "Mengirim berkas"]
    assert window.editor.stack.count() == 1
    set_clipboard("satu kalimat untuk keterangan")
    grid.setCurrentIndex(model.index(0, model.column_of("keterangan")))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc_of(window).steps[0].keterangan == "satu kalimat untuk keterangan"
    set_clipboard("baris satu\nbaris dua\nbaris tiga")
    window.prompts.answers["paste_lines"] = "cell"
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc_of(window).steps[0].keterangan == "baris satu\nbaris dua\nbaris tiga"
    assert ("paste_lines", 3) in window.prompts.asked
    window.prompts.answers["paste_lines"] = None  # cancelled: nothing changes
    before = doc_of(window)
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc_of(window) is before


def test_removing_a_step_that_an_exit_leads_to_asks_for_a_new_target(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, document=SopDocument())
    window.lanes.add_lane("Camat")
    grid, model = window.grid, window.model
    for _ in range(4):
        grid.insert_step(True)
        qtbot.keyClick(cell_editor(window), Qt.Key.Key_Escape)
    model.setData(model.index(2, model.column_of("jenis")), StepKind.KEPUTUSAN)
    doc = doc_of(window)
    assert doc.steps[2].exits[1].target == doc.steps[1].id  # "Tidak" back to the step before
    grid.setCurrentIndex(model.index(1, 1))
    grid.delete_steps()
    assert window.prompts.names() == ["retarget"]
    doc = doc_of(window)
    assert len(doc.steps) == 3 and doc.steps[1].exits[1].target == doc.steps[0].id
    window.prompts.answers["retarget"] = None
    grid.setCurrentIndex(model.index(0, 1))
    grid.delete_steps()
    assert len(doc_of(window).steps) == 3  # cancelled


def test_removing_a_lane_in_use_asks_what_to_do_with_its_steps(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    doc = doc_of(window)
    camat, other = doc.lanes[0], doc.lanes[1]
    used = [i for i, s in enumerate(doc.steps) if camat.id in s.pelaksana]
    window.prompts.answers["lane_removal"] = ("move", other.id)
    window.lanes.select_lane(camat.id)
    window.lanes.remove_current()
    assert ("lane_removal", (camat.nama, len(used))) in window.prompts.asked
    doc = doc_of(window)
    assert camat.id not in {lane.id for lane in doc.lanes}
    assert all(other.id in doc.steps[i].pelaksana for i in used)
    assert window.model.columnCount() == 3 + len(doc.lanes) + 8
    window.undo_action.trigger()
    assert doc_of(window).lanes[0] == camat


def test_findings_follow_their_step_and_lead_to_it(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    model, grid = window.model, window.grid
    model.setData(model.index(3, model.column_of("uraian")), "")
    wait_idle(qtbot, window)
    empty = next(f for f in window.checker.findings if f.finding.code == "uraian-kosong")
    step_id = doc_of(window).steps[3].id
    assert empty.step_id == step_id
    grid.setCurrentIndex(model.index(3, 1))
    grid.move_steps(1)
    tree = window.checker.tree
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if "uraian" in tree.topLevelItem(i).text(2)
    )
    assert row.text(1) == "5"  # renumbered at once, before the checker runs again
    grid.setCurrentIndex(model.index(0, 1))
    window.checker.activated.emit(step_id, "uraian-kosong")
    assert grid.current_step_id() == step_id
    window.go_to_finding(None, "judul-kosong")
    assert window.tabs.currentIndex() == 0


def test_the_same_sop_opened_twice_brings_its_editor_forward(qtbot, demo_session) -> None:
    from PySide6.QtWidgets import QMainWindow

    owner = QMainWindow()
    qtbot.addWidget(owner)
    sop_id = first_sop_id(demo_session)
    first = open_editor(owner, demo_session, sop_id=sop_id)
    second = open_editor(owner, demo_session, sop_id=sop_id)
    other = open_editor(owner, demo_session, sop_id=SopService(demo_session).list_sops()[1].id)
    assert first is second and other is not first
    first.close()
    other.close()


def test_a_lane_is_ticked_by_a_click_or_space_and_undone(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    window.tabs.setCurrentIndex(1)
    grid, model = window.grid, window.model
    lane = doc_of(window).lanes[1].id
    index = model.index(0, model.column_of(f"lane:{lane}"))
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )
    assert lane in doc_of(window).steps[0].pelaksana
    grid.setCurrentIndex(index)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert lane not in doc_of(window).steps[0].pelaksana
    assert window.editor.stack.count() == 2


def test_the_exits_of_the_current_decision_are_edited_under_the_grid(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    grid, model, bar = window.grid, window.model, window.exits
    model.setData(model.index(3, model.column_of("jenis")), StepKind.KEPUTUSAN)
    grid.setCurrentIndex(model.index(3, 1))
    assert not bar.isHidden()
    assert bar.targets[0].currentText() == "langkah berikutnya (5)"
    combo = bar.targets[1]
    combo.setCurrentIndex(combo.findData(doc_of(window).steps[0].id))
    combo.activated.emit(combo.currentIndex())
    assert doc_of(window).steps[3].exits[1].target == doc_of(window).steps[0].id
    bar.labels[0].setText("Lengkap")
    bar.labels[0].editingFinished.emit()
    assert doc_of(window).steps[3].exits[0].label == "Lengkap"
    grid.setCurrentIndex(model.index(2, 1))
    assert bar.isHidden()


def test_ctrl_z_in_an_identity_field_undoes_the_document(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    window.tabs.setCurrentIndex(0)
    judul = window.identity.widget("judulEdit")
    before = doc_of(window).judul
    judul.setFocus()
    judul.end(False)
    qtbot.keyClicks(judul, " baru")
    assert doc_of(window).judul == before + " baru"
    qtbot.keyClick(judul, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc_of(window).judul == before and judul.text() == before
    qtbot.keyClick(judul, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert doc_of(window).judul == before + " baru" and judul.text() == before + " baru"


def test_the_swimlane_follows_the_grid_and_the_grid_follows_the_swimlane(
    qtbot, demo_session
) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    window.tabs.setCurrentIndex(1)
    wait_idle(qtbot, window)
    view, model, grid = window.swimlane.view, window.model, window.grid
    doc = doc_of(window)
    step = doc.steps[2]
    x_before = view.step_scene_rects(step.id)[0].center().x()
    old_lane, new_lane = (
        step.pelaksana[0],
        next(ln.id for ln in doc.lanes if ln.id not in step.pelaksana),
    )
    model.setData(
        model.index(2, model.column_of(f"lane:{new_lane}")), 2, Qt.ItemDataRole.CheckStateRole
    )
    model.setData(
        model.index(2, model.column_of(f"lane:{old_lane}")), 0, Qt.ItemDataRole.CheckStateRole
    )
    type_into_cell(qtbot, window, 2, "waktu", "77 menit")
    wait_idle(qtbot, window)
    assert view.step_scene_rects(step.id)[0].center().x() != x_before
    assert any("77 menit" in text for page in view.pages() for text in page.texts())
    for _ in range(3):
        window.undo_action.trigger()
    wait_idle(qtbot, window)
    assert view.step_scene_rects(step.id)[0].center().x() == x_before
    assert not any("77 menit" in text for page in view.pages() for text in page.texts())
    grid.setCurrentIndex(model.index(4, 1))
    assert view.highlighted_step() == doc.steps[4].id
    target = doc.steps[6].id
    centre = view.mapFromScene(view.step_scene_rects(target)[0].center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert grid.current_step_id() == target


def test_step_keys_insert_move_and_delete_as_a_spreadsheet_user_expects(
    qtbot, demo_session
) -> None:
    window = editor_for(qtbot, demo_session, sop_id=first_sop_id(demo_session))
    window.tabs.setCurrentIndex(1)
    grid, model = window.grid, window.model
    ids = [s.id for s in doc_of(window).steps]
    grid.setFocus()
    grid.setCurrentIndex(model.index(2, 1))
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(grid, Qt.Key.Key_Up, ctrl_shift)
    assert [s.id for s in doc_of(window).steps][1] == ids[2]
    assert grid.current_step_id() == ids[2]  # the moved step stays selected
    qtbot.keyClick(grid, Qt.Key.Key_Down, ctrl_shift)
    assert [s.id for s in doc_of(window).steps] == ids
    qtbot.keyClick(grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor = cell_editor(window)
    qtbot.keyClicks(editor, "Langkah sisipan")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and moves right
    assert doc_of(window).steps[3].uraian == "Langkah sisipan"
    assert grid.currentIndex().column() == model.column_of("jenis")
    grid.setCurrentIndex(model.index(3, 1))
    qtbot.keyClick(grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in doc_of(window).steps] == ids


def test_the_signer_is_picked_from_the_staff_or_typed(qtbot, demo_session) -> None:
    window = editor_for(qtbot, demo_session, document=SopDocument())
    staff = window.opened.staff
    assert staff, "the demo office has staff"
    combo = window.identity.widget("staffCombo")
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    signer = doc_of(window).pengesahan
    assert (signer.nama, signer.nip, signer.jabatan) == (
        staff[0].nama,
        staff[0].nip,
        staff[0].jabatan,
    )
    assert window.editor.stack.count() == 1  # four fields, one undo step
    nip = window.identity.widget("nipEdit")
    nip.setFocus()
    nip.selectAll()
    qtbot.keyClicks(nip, "12345")
    assert doc_of(window).pengesahan.nip == "12345"
    assert "NIP" in window.identity.widget("nipHint").text()
    window.undo_action.trigger()
    assert doc_of(window).pengesahan.nip == staff[0].nip
