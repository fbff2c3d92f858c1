"""Rencana: one Renstra period as a tree, the detail form of what is selected,
adding and deleting, and the plan workbook in and out.

Every save is explicit (Simpan / Batal per form, Ctrl+S / Esc); moving to
another row with unsaved edits asks first, so nothing is lost silently. The
service's refusals (a node that still has content, an indicator with values)
are shown in its own Indonesian words. Keys: Enter or F2 edit the selected
row, Del deletes it (after asking), Ins adds below it. Every saved change,
addition and deletion can be undone and redone (Urungkan / Ulangi, Ctrl+Z /
Ctrl+Y on the tree; see `plan_undo`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.plan import Indicator, Level, PlanNode, Renstra
from kinerja_desktop.services.entities import DATABASE, KINERJA_PLAN, STAFF, UNIT
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.settings import UiSettings

from . import common
from .indicator_editor import IndicatorEditor
from .node_editor import NodeEditor
from .plan_io import PlanFiles
from .plan_model import INDICATOR, NODE, PlanTreeModel
from .plan_undo import PlanHistory, PlanStep

FORM = "kinerja_rencana"
REQUIRED = {
    "renstraCombo": QComboBox,
    "newRenstraButton": QPushButton,
    "importButton": QPushButton,
    "exportButton": QPushButton,
    "splitter": QSplitter,
    "planTree": QTreeView,
    "addTujuanButton": QPushButton,
    "addChildButton": QPushButton,
    "addIndicatorButton": QPushButton,
    "deleteButton": QPushButton,
    "undoButton": QPushButton,
    "redoButton": QPushButton,
    "detailStack": QStackedWidget,
    "emptyLabel": QLabel,
}
EMPTY_TEXT = (
    "Pilih Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan atau indikator di pohon untuk "
    "melihat dan mengubahnya."
)
COLUMN_WIDTHS = {  # at most: a long Kode (7.01.01.1.01 five levels down) fits whole
    PlanTreeModel.COL_KODE: 215,
    PlanTreeModel.COL_JENIS: 135,
    PlanTreeModel.COL_UNIT: 140,
}
NO_RENSTRA = (
    "Belum ada Renstra. Buat dengan <b>Renstra baru…</b> atau ambil dari buku kerja dengan "
    "<b>Impor rencana dari Excel…</b>."
)


class PlanPage(QWidget):
    """The Rencana page."""

    ENTITIES = frozenset({KINERJA_PLAN, UNIT, STAFF, DATABASE})

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.settings = session, settings
        self.plans = KinerjaPlanService(session)
        self.office = OfficeService(session)
        form = load_form(FORM, REQUIRED, self)
        QVBoxLayout(self).addWidget(form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.renstra_combo: QComboBox = child(form, QComboBox, "renstraCombo")
        self.tree: QTreeView = child(form, QTreeView, "planTree")
        self.stack: QStackedWidget = child(form, QStackedWidget, "detailStack")
        self.empty_label: QLabel = child(form, QLabel, "emptyLabel")
        self.buttons = {
            name: child(form, QPushButton, name)
            for name in (
                "addTujuanButton",
                "addChildButton",
                "addIndicatorButton",
                "deleteButton",
                "undoButton",
                "redoButton",
            )
        }
        self.history = PlanHistory(self.plans, self)
        self.model = PlanTreeModel(self)
        self.tree.setModel(self.model)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanTreeModel.COL_NAMA, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.node_editor = NodeEditor(self.stack)
        self.indicator_editor = IndicatorEditor(self.stack)
        for editor in (self.node_editor, self.indicator_editor):
            self.stack.addWidget(editor)
            editor.save_requested.connect(self.save)
            editor.cancel_requested.connect(self.revert)
        self.files = PlanFiles(self, session, settings)
        self.files.imported.connect(self._imported)
        child(form, QPushButton, "importButton").clicked.connect(self.files.import_plan)
        self.export_button = child(form, QPushButton, "exportButton")
        self.export_button.clicked.connect(lambda: self.files.export_plan(self.renstra()))
        child(form, QPushButton, "newRenstraButton").clicked.connect(self.new_renstra)
        self.buttons["addTujuanButton"].clicked.connect(self.add_tujuan)
        self.buttons["addChildButton"].clicked.connect(self.add_child)
        self.buttons["addIndicatorButton"].clicked.connect(self.add_indicator)
        self.buttons["deleteButton"].clicked.connect(self.delete_selected)
        self._add_keys()
        self.splitter: QSplitter = child(form, QSplitter, "splitter")
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 520])
        self._reverting = False
        self._saving = False  # our own save reloads the tree itself
        self.renstra_combo.currentIndexChanged.connect(self._renstra_chosen)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.refresh()

    def _add_keys(self) -> None:
        self._keys = common.KeyActions(
            self.tree,
            {
                Qt.Key.Key_Delete: self.delete_selected,
                Qt.Key.Key_F2: self.edit_selected,
                Qt.Key.Key_Return: self.edit_selected,
                Qt.Key.Key_Enter: self.edit_selected,
                Qt.Key.Key_Insert: self.add_child,
            },
        )
        self.buttons["deleteButton"].setToolTip("Hapus yang dipilih (Del)")
        self.history.attach(
            self.buttons["undoButton"], self.buttons["redoButton"], self.tree, self.undo, self.redo
        )
        self.buttons["addChildButton"].setToolTip("Tambah di bawah yang dipilih (Ins)")

    # -- reading ---------------------------------------------------------------------------
    def renstra(self) -> Renstra | None:
        return self.renstra_combo.currentData()

    def refresh(self, select: tuple[str, int | None] | None = None) -> None:
        """Reload the Renstra list and the tree, keeping (or moving) the selection."""
        keep_id = self.renstra().id if self.renstra() else None
        select = select or self._selected_key()
        self.renstra_combo.blockSignals(True)
        self.renstra_combo.clear()
        for r in self.plans.list_renstra():
            self.renstra_combo.addItem(r.label, r)
        found = next(
            (
                i
                for i in range(self.renstra_combo.count())
                if self.renstra_combo.itemData(i).id == keep_id
            ),
            self.renstra_combo.count() - 1,
        )
        self.renstra_combo.setCurrentIndex(found)
        self._renstra_index = found
        self.renstra_combo.blockSignals(False)
        self._load_tree(select)

    def _load_tree(self, select: tuple[str, int | None] | None) -> None:
        renstra = self.renstra()
        units = {u.id: u.nama for u in self.office.list_units()}
        tree = self.plans.plan(renstra.id) if renstra and renstra.id else None
        self._reverting = True
        self.model.set_tree(tree, units)
        self.tree.expandAll()
        for column, width in COLUMN_WIDTHS.items():
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), width))
        index = self.model.index_of(*select) if select else QModelIndex()
        if index.isValid():
            self._select(index)
        self._reverting = False
        if not self.editor_dirty():  # unsaved edits stay in the form through a reload
            self._show_selected()
        self.empty_label.setText(EMPTY_TEXT if renstra else NO_RENSTRA)
        self._update_buttons()

    def _selected_key(self) -> tuple[str, int | None] | None:
        index = self.tree.currentIndex()
        kind = self.model.kind(index)
        record = self.model.record(index)
        return (kind, record.id) if kind and record else None

    def _select(self, index: QModelIndex) -> None:
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def select(self, kind: str, record_id: int) -> bool:
        index = self.model.index_of(kind, record_id)
        if index.isValid():
            self._select(index)
        return index.isValid()

    # -- selection and the detail form -------------------------------------------------------
    def editor_dirty(self) -> bool:
        editor = self.stack.currentWidget()
        return editor in (self.node_editor, self.indicator_editor) and editor.dirty

    def may_leave(self) -> bool:
        """Ask about unsaved edits; True when it is fine to show something else."""
        if not self.editor_dirty():
            return True
        editor = self.stack.currentWidget()
        what = "indikator ini" if editor is self.indicator_editor else "simpul ini"
        answer = common.ask_unsaved(self, what)
        if answer == "simpan":
            return self.save()
        if answer == "buang":
            editor.mark_clean()
            return True
        return False

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._reverting:
            return
        if not self.may_leave():
            self._reverting = True
            self.tree.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._reverting = False
            return
        self._show_selected()

    def _show_selected(self) -> None:
        index = self.tree.currentIndex()
        record = self.model.record(index)
        renstra = self.renstra()
        if record is None or renstra is None:
            self.stack.setCurrentIndex(0)
        elif isinstance(record, PlanNode):
            self._show_node(record, self.model.parent_node(index))
        else:
            self._show_indicator(record, self.model.parent_node(index))
        self._update_buttons()

    def _show_node(self, node: PlanNode, parent: PlanNode | None) -> None:
        renstra = self.renstra()
        assert renstra is not None
        tree = self.model.tree
        contents = ""
        if tree is not None and node.id is not None:
            kids = sum(1 for n in tree.nodes if n.parent_id == node.id)
            inds = len(tree.indicators_of(node.id))
            contents = f"Berisi {inds} indikator dan {kids} turunan."
        self.node_editor.load(node, renstra, parent, contents)
        self.stack.setCurrentWidget(self.node_editor)

    def _show_indicator(self, ind: Indicator, node: PlanNode | None) -> None:
        renstra = self.renstra()
        assert renstra is not None
        self.indicator_editor.set_people(self.office.list_units(), self.office.list_staff())
        self.indicator_editor.load(ind, renstra, node)
        self.stack.setCurrentWidget(self.indicator_editor)

    def edit_selected(self) -> None:
        editor = self.stack.currentWidget()
        if editor in (self.node_editor, self.indicator_editor):
            editor.focus_first()

    def _update_buttons(self) -> None:
        index = self.tree.currentIndex()
        record = self.model.record(index)
        has_plan = self.renstra() is not None
        node = record if isinstance(record, PlanNode) else None
        child_level = _child_level(node.level) if node else None
        add_child = self.buttons["addChildButton"]
        add_child.setEnabled(child_level is not None)
        add_child.setText(
            f"Tambah tu&runan ({child_level.label})" if child_level else "Tambah tu&runan"
        )
        self.buttons["addTujuanButton"].setEnabled(has_plan)
        self.export_button.setEnabled(has_plan)
        self.buttons["addIndicatorButton"].setEnabled(node is not None)
        self.buttons["deleteButton"].setEnabled(record is not None)

    # -- adding, saving, deleting --------------------------------------------------------------
    def add_tujuan(self) -> None:
        renstra = self.renstra()
        if renstra is None or not self.may_leave():
            return
        self._new_node(PlanNode(Level.TUJUAN, "", "", None, self._next_order(None)), None)

    def add_child(self) -> None:
        record = self.model.record(self.tree.currentIndex())
        if not isinstance(record, PlanNode) or not self.may_leave():
            return
        level = _child_level(record.level)
        if level is None:
            return
        self._new_node(PlanNode(level, "", "", record.id, self._next_order(record.id)), record)

    def _new_node(self, node: PlanNode, parent: PlanNode | None) -> None:
        renstra = self.renstra()
        assert renstra is not None
        self.node_editor.load(node, renstra, parent)
        self.stack.setCurrentWidget(self.node_editor)
        self.node_editor.focus_first()

    def add_indicator(self) -> None:
        record = self.model.record(self.tree.currentIndex())
        if not isinstance(record, PlanNode) or not self.may_leave():
            return
        tree = self.model.tree
        order = len(tree.indicators_of(record.id)) if tree else 0
        self._show_indicator(Indicator(record.id, "", "", urutan=order), record)
        self.indicator_editor.focus_first()

    def _next_order(self, parent_id: int | None) -> int:
        tree = self.model.tree
        if tree is None:
            return 0
        return 1 + max((n.urutan for n in tree.nodes if n.parent_id == parent_id), default=-1)

    def save(self) -> bool:
        """Save the open form; False (and the reason shown in it) when refused."""
        editor = self.stack.currentWidget()
        renstra = self.renstra()
        if editor not in (self.node_editor, self.indicator_editor) or renstra is None:
            return True
        self._saving = True
        try:
            if editor is self.node_editor:
                edited = self.node_editor.node()
                kind = NODE
                before = self._stored(kind, edited.id)
                key = (kind, self.plans.save_node(renstra.id or 0, edited))
            else:
                edited = self.indicator_editor.indicator()
                kind = INDICATOR
                before = self._stored(kind, edited.id)
                key = (kind, self.plans.save_indicator(edited))
        except KinerjaError as exc:
            editor.set_error(exc.message)
            return False
        finally:
            self._saving = False
        editor.mark_clean()
        self.refresh(select=key)
        after = self._stored(*key)
        if after is not None and after != before:
            self.history.push(PlanStep(renstra.id or 0, before, after))
        self._status("Tersimpan.")
        return True

    def _stored(self, kind: str, record_id: int | None) -> PlanNode | Indicator | None:
        """The record as the tree last read it from the database (None: not there)."""
        if record_id is None:
            return None
        return self.model.record(self.model.index_of(kind, record_id))

    def revert(self) -> None:
        editor = self.stack.currentWidget()
        if editor in (self.node_editor, self.indicator_editor):
            editor.mark_clean()
        self._show_selected()

    def delete_selected(self) -> None:
        index = self.tree.currentIndex()
        record = self.model.record(index)
        if record is None or not self.may_leave():
            return
        kind = self.model.kind(index)
        what = "indikator" if kind == INDICATOR else record.level.label
        if not common.confirm(
            self, "Hapus", f"Hapus {what} {record.kode} {record.nama}?", "&Hapus"
        ):
            return
        parent = self.model.parent_node(index)
        self._saving = True
        try:
            if kind == INDICATOR:
                self.plans.delete_indicator(record.id)
            else:
                self.plans.delete_node(record.id)
        except KinerjaError as exc:
            show_error(self, exc, "Tidak dapat dihapus")
            return
        finally:
            self._saving = False
        renstra = self.renstra()
        self.history.push(PlanStep(renstra.id if renstra else 0, record, None))
        self.refresh(select=(NODE, parent.id) if parent else None)
        self._status(f"{what.capitalize()} {record.kode} dihapus.")

    def new_renstra(self) -> None:
        if not self.may_leave():
            return
        last = self.plans.list_renstra()
        start = last[-1].tahun_akhir + 1 if last else 2025
        from .plan_dialogs import RenstraDialog  # noqa: PLC0415

        renstra = RenstraDialog(self, start, last[-1].nama if last else "Renstra").ask()
        if renstra is None:
            return
        try:
            new_id = self.plans.save_renstra(renstra)
        except KinerjaError as exc:
            show_error(self, exc, "Renstra tidak disimpan")
            return
        self._choose_renstra(new_id)

    def _choose_renstra(self, renstra_id: int) -> None:
        self.refresh()
        for i in range(self.renstra_combo.count()):
            if self.renstra_combo.itemData(i).id == renstra_id:
                self.renstra_combo.setCurrentIndex(i)

    def _imported(self, renstra_id: int) -> None:
        self._choose_renstra(renstra_id)

    def _renstra_chosen(self, index: int) -> None:
        if not self.may_leave():
            self.renstra_combo.blockSignals(True)
            self.renstra_combo.setCurrentIndex(self._renstra_index)
            self.renstra_combo.blockSignals(False)
            return
        self._renstra_index = index
        self.history.clear()  # the steps belong to the Renstra shown
        self._load_tree(None)

    # -- change notices ------------------------------------------------------------------------
    def on_change(self, entity: str) -> None:
        if entity in self.ENTITIES and not self._saving:
            if entity in (KINERJA_PLAN, DATABASE):
                self.history.clear()  # changed elsewhere: the steps no longer hold
            self.refresh()

    # -- undo and redo -----------------------------------------------------------------------
    def undo(self) -> None:
        self._move(self.history.undo, self.history.undo_label(), "Diurungkan", "diurungkan")

    def redo(self) -> None:
        self._move(self.history.redo, self.history.redo_label(), "Diulangi", "diulangi")

    def _move(self, step, label: str, done: str, verb: str) -> None:
        if not label or not self.may_leave():
            return
        self._saving = True
        try:
            select = step()
        except KinerjaError as exc:
            show_error(self, exc, f"Tidak dapat {verb}")
            return
        finally:
            self._saving = False
        self.refresh(select=select)
        self._status(f"{done}: {label}.")

    def _status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def files_dropped(self, paths: list[Path]) -> None:
        """A plan workbook dropped on the window: preview it like the import button does."""
        self.files.import_paths(paths)


def _child_level(level: Level) -> Level | None:
    order = list(Level)
    i = order.index(level)
    return order[i + 1] if i + 1 < len(order) else None
