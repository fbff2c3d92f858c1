"""The data-kinerja screens' models on their own (no views): the plan tree,
the PK grid, the round list and status board, the import preview lists, the
paper-entry grid and the values table — filled from the demo database's
services, read back through Qt's model interface."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.forms import FormProblem
from kinerja_desktop.core.kinerja.periods import PeriodKind
from kinerja_desktop.core.kinerja.plan import Level
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import (
    DITOLAK,
    SIAP,
    AppliedFile,
    FilePreview,
    RoundStatus,
    UnitStatus,
    ValueChange,
    ValueText,
)
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.ui.kinerja.common import read_rupiah, read_target
from kinerja_desktop.ui.kinerja.entry_model import EntryModel
from kinerja_desktop.ui.kinerja.grids import SCALE_ROLE
from kinerja_desktop.ui.kinerja.import_models import DetailModel, FileListModel, detail_rows
from kinerja_desktop.ui.kinerja.pk_model import PkTableModel
from kinerja_desktop.ui.kinerja.plan_model import (
    ID_ROLE,
    INDICATOR,
    KIND_ROLE,
    NODE,
    PlanTreeModel,
    plan_order,
)
from kinerja_desktop.ui.kinerja.round_dialog import choices, default_deadline
from kinerja_desktop.ui.kinerja.round_models import RoundListModel, StatusBoardModel
from kinerja_desktop.ui.kinerja.values_model import ValuesModel
from tests.kinerja_helpers import Clock, demo_session

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture()
def session(tmp_path: Path):
    s = demo_session(tmp_path)
    yield s
    s.close()


def _tree(session):
    plans = KinerjaPlanService(session)
    (renstra,) = plans.list_renstra()
    return plans.plan(renstra.id)


def _walk(model, parent=None):
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _walk(model, index)


def test_plan_tree_shows_every_node_and_indicator_under_its_parent(qapp, session) -> None:
    tree = _tree(session)
    model = PlanTreeModel()
    model.set_tree(tree, {None: ""})
    indexes = list(_walk(model))
    kinds = [i.data(KIND_ROLE) for i in indexes]
    assert kinds.count(NODE) == len(tree.nodes) and kinds.count(INDICATOR) == len(tree.indicators)
    assert len(tree.indicators) == 22
    tops = [model.index(r, 0).data(DISPLAY) for r in range(model.rowCount())]
    assert tops == ["1", "2"]  # the two Tujuan, in order
    for index in indexes:  # every row's parent is the node it belongs to
        record = model.record(index)
        parent = model.record(index.parent())
        want = record.node_id if index.data(KIND_ROLE) == INDICATOR else record.parent_id
        assert (parent.id if parent else None) == want
        assert model.parent(index) == index.parent()
    ind = next(i for i in tree.indicators if i.kode == "IS.1.4")
    found = model.index_of(INDICATOR, ind.id)
    assert found.data(ID_ROLE) == ind.id
    row = found.siblingAtColumn(PlanTreeModel.COL_JENIS)
    assert row.data(DISPLAY) == "Indikator sasaran · IKU"
    assert "skala teks" in found.data(Qt.ItemDataRole.ToolTipRole)
    sasaran = model.index(0, 0, model.index(0, 0))  # an indicator of the Tujuan comes first
    assert sasaran.data(KIND_ROLE) == INDICATOR and sasaran.data(DISPLAY) == "IT.1"
    prog = next(n for n in tree.nodes if n.level is Level.PROGRAM)
    assert model.index_of(NODE, prog.id).siblingAtColumn(2).data(DISPLAY) == "Program"
    order = [i.kode for i in plan_order(tree)]
    assert order[:4] == ["IT.1", "IS.1.1", "IS.1.2", "IS.1.3"] and len(order) == 22
    model.set_tree(None)
    assert model.rowCount() == 0


def test_pk_grid_drafts_from_targets_and_reads_typed_text_by_the_rule(qapp, session) -> None:
    tree = _tree(session)
    plans = KinerjaPlanService(session)
    pk = plans.pk_in_force(2026)
    assert pk is not None
    model = PkTableModel()
    model.show_pk(pk, tree.indicators, plan_order(tree)[:3], 2026, editable=False)
    assert model.rowCount() == len(pk.items)  # a read-only version: its own items only
    assert model.headerData(PkTableModel.COL_TARGET, Qt.Orientation.Horizontal) == "Target 2026"
    assert not model.flags(model.index(0, PkTableModel.COL_TARGET)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, PkTableModel.COL_TARGET), "1")
    sakip = next(i for i in tree.indicators if i.kode == "IS.1.4")
    model.show_pk(None, tree.indicators, [sakip], 2026, editable=True)
    assert model.rowCount() == 1 and model.rows[0].included
    assert model.index(0, PkTableModel.COL_TARGET).data() == sakip.target(2026).teks
    assert model.index(0, PkTableModel.COL_TW1).data(SCALE_ROLE)[0] == "AA"
    tw3 = model.index(0, PkTableModel.COL_TW1 + 2)
    assert model.setData(tw3, "bb") and model.dirty
    (item,) = model.items()
    assert item.triwulan[3].teks == "BB" and item.triwulan[3].nilai == 5
    model.setData(tw3, "sangat baik")
    with pytest.raises(ValidationError, match=r"IS\.1\.4, TW III"):
        model.items()
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.items() == []  # unticked rows are not in the PK


def test_round_list_and_status_board_say_it_in_words(qapp, session) -> None:
    rounds = KinerjaRoundService(session, Clock(datetime(2026, 8, 15, 9)))
    model = RoundListModel()
    model.set_rounds(rounds.list_rounds())
    assert [model.index(r, 0).data() for r in range(2)] == ["Triwulan II 2026", "Triwulan I 2026"]
    assert model.index(0, 1).data() == "10 Juli 2026" and model.row_of("2026-TW1") == 1
    board = StatusBoardModel()
    board.set_status(rounds.status("2026-TW2"))
    assert board.rowCount() == 8 and "8 dari 8 unit sudah kembali" in board.summary()
    assert "LENGKAP" in board.summary()
    assert board.index(0, StatusBoardModel.COL_STATUS).data() == "sudah kembali"
    # the demo's values were typed from paper: no form of this round, and not "belum ditulis"
    assert board.index(0, StatusBoardModel.COL_FORMULIR).data() == "tanpa formulir (entri)"
    r = rounds.get_round("2026-TW2")
    late = UnitStatus(1, "Seksi A", "belum_kembali", True, True, 0, 3, None, [])
    bad = UnitStatus(
        2, "Seksi B", "bermasalah", False, True, 1, 2, datetime(2026, 7, 9), ["F14: x"]
    )
    board.set_status(RoundStatus(r, [late, bad], date(2026, 7, 20)))
    assert board.index(0, 1).data() == "belum kembali (terlambat)"
    assert board.index(0, StatusBoardModel.COL_FORMULIR).data() == "ditulis"
    assert board.index(1, 1).data() == "bermasalah" and board.index(1, 5).data() == "F14: x"
    assert board.index(1, 2).data() == "1/2" and board.index(1, 4).data() == "9 Juli 2026 00.00"
    backgrounds = {board.index(i, 1).data(Qt.ItemDataRole.BackgroundRole).name() for i in (0, 1)}
    assert len(backgrounds) == 2  # late and bad are told apart by colour as well
    assert board.summary() == "0 dari 2 unit sudah kembali; 1 bermasalah; 1 terlambat."


def _preview(status: str, **kw) -> FilePreview:
    return FilePreview(None, kw.pop("name", "a.xlsx"), "h" * 64, status, **kw)


def test_import_lists_tick_what_can_be_applied_and_show_each_cell(qapp) -> None:
    change = ValueChange(1, "IS.1.5", "Realisasi anggaran", "Formulir", "F14", ValueText(44.5))
    old = ValueChange(2, "IS.1.6", "Laporan", "Formulir", "F15", ValueText(90), ValueText(80))
    ready = _preview(SIAP, name="baik.xlsx", unit="Sekretariat", periode="2026-TW3", new=[change])
    ready.changed.append(old)
    wrong = _preview(
        DITOLAK,
        name="salah.xlsx",
        problems=[FormProblem("'90 persen' bukan angka.", "Formulir", "F14")],
    )
    files = FileListModel()
    files.set_files([ready, wrong])
    assert files.accepted() == [ready]
    assert files.index(1, FileListModel.COL_UNIT).data() == "tidak dikenali"
    assert files.index(1, FileListModel.COL_STATUS).data() == "ditolak"
    assert not files.setData(
        files.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert files.setData(
        files.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert files.accepted() == []
    files.set_applied([AppliedFile("baik.xlsx", None, 0, 0, "berubah", "data berubah")])
    assert files.index(0, FileListModel.COL_STATUS).data().startswith("tidak diterapkan: berubah")
    rows = detail_rows(ready)
    assert [(r.jenis, r.where) for r in rows] == [
        ("berubah", "Formulir!F15"),
        ("baru", "Formulir!F14"),
    ]
    assert (rows[0].lama, rows[0].baru) == ("80", "90")
    detail = DetailModel()
    detail.set_file(wrong)
    assert detail.index(0, DetailModel.COL_SEL).data() == "Formulir!F14"
    assert detail.index(0, DetailModel.COL_JENIS).data() == "masalah"


def test_entry_grid_puts_the_services_problems_on_their_cells(qapp, session) -> None:
    clock = Clock(datetime(2026, 8, 15, 9))
    imports = KinerjaImportService(session, clock)
    form = imports.entry_form("2026-TW2", "Sekretariat")
    model = EntryModel()
    model.set_form(form)
    assert model.rowCount() == 5
    sakip = next(i for i, r in enumerate(form.rows) if r.kode == "IS.1.4")
    real = model.index(sakip, EntryModel.COL_REALISASI)
    assert real.data() == "B" and real.data(SCALE_ROLE)[0] == "AA"  # the stored value, a combo
    persen = next(i for i, r in enumerate(form.rows) if r.kode == "IS.1.5")
    assert model.setData(model.index(persen, EntryModel.COL_REALISASI), "90 persen")
    preview = imports.preview_entry("2026-TW2", form.unit_id, model.entries())
    assert preview.status == DITOLAK
    loose = model.show_problems(preview.problems, preview.warnings)
    assert loose == []
    bad = model.index(persen, EntryModel.COL_REALISASI)
    assert "Entri!F" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(sakip, EntryModel.COL_REALISASI).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not model.flags(model.index(0, EntryModel.COL_KODE)) & Qt.ItemFlag.ItemIsEditable


def test_values_table_shows_provenance_and_history(qapp, session) -> None:
    values = KinerjaValueService(session).values("2026-TW2", "Sekretariat")
    model = ValuesModel()
    model.set_values(values)
    assert model.rowCount() == 5
    row = next(i for i, v in enumerate(values) if v.kode == "IS.1.5")
    assert model.index(row, ValuesModel.COL_NILAI).data() == "43,9"
    assert model.index(row, ValuesModel.COL_JENIS).data() == "entri kertas"
    assert len(model.index(row, ValuesModel.COL_HASH).data()) == 12
    tip = model.index(row, ValuesModel.COL_HASH).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith(values[row].file_hash)
    history = ValuesModel(history=True)
    history.set_values([values[row]])
    assert history.index(0, ValuesModel.COL_NILAI).data() == "43,9 (berlaku)"


def test_period_choices_targets_and_pagu_as_typed() -> None:
    assert [t for _n, t in choices(PeriodKind.TRIWULAN)][2] == "Triwulan III"
    assert len(choices(PeriodKind.BULAN)) == 12 and choices(PeriodKind.TAHUN) == [
        (0, "setahun penuh")
    ]
    from kinerja_desktop.core.kinerja.periods import parse_period
    from kinerja_desktop.core.kinerja.rules import CalculationRule, ValueKind

    assert default_deadline(parse_period("2026-TW3")) == date(2026, 10, 10)
    assert default_deadline(parse_period("2026-12")) == date(2027, 1, 10)
    assert read_rupiah("1.500.000") == (1500000.0, "")
    assert read_rupiah("-5")[1] == "pagu anggaran tidak boleh negatif."
    persen = CalculationRule(jenis_nilai=ValueKind.PERSEN)
    assert read_target("12,5", persen)[0].nilai == 12.5
    assert read_target("", persen)[0].is_set is False
    assert "bukan angka" in read_target("banyak", persen)[1]
