"""Small editable grids of the plan screens: one row of values per year (targets,
pagu), the cell editor that offers a scale's labels in a combo box, and the
undo of cell edits in the PK and paper-entry grids (`CellUndo`).

`ScaleDelegate` is shared with the PK grid and the paper-entry grid: a cell
whose index answers `SCALE_ROLE` with labels is edited with a combo box
(blank first: "not filled in"), any other cell with a line edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

SCALE_ROLE = Qt.ItemDataRole.UserRole + 20
Index = QModelIndex | QPersistentModelIndex
EDIT_KEYS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


class ScaleDelegate(QStyledItemDelegate):
    """A combo box of the scale's labels where the cell has a scale; else the default."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        labels = index.data(SCALE_ROLE)
        if not labels:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("")
        combo.addItems(list(labels))
        combo.setAccessibleName("Pilih tingkat skala")
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            found = editor.findText(str(text), Qt.MatchFlag.MatchFixedString)
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


Setter = Callable[[int, int, int, Any], bool]


class _CellEdit(QUndoCommand):
    def __init__(self, setter: Setter, cell: tuple[int, int, int], old: Any, new: Any) -> None:
        super().__init__("ubah sel")
        self._setter, self._cell, self._old, self._new = setter, cell, old, new

    def redo(self) -> None:
        self._setter(*self._cell, self._new)

    def undo(self) -> None:
        self._setter(*self._cell, self._old)


class CellUndo(QObject):
    """Undo / redo of a grid model's cell edits (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z on the view).

    The model calls `edit(row, column, role, old, new)` from `setData`; the change itself
    is made by its `setter(row, column, role, value)` (also when undone and redone).
    `reset()` when the model shows other data; `clean` is True back at the loaded state.
    `changed` fires after every edit, undo and redo (when `clean` already tells the truth).
    """

    changed = Signal()

    def __init__(self, setter: Setter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._setter = setter
        self._resetting = False
        self.stack = QUndoStack(self)
        self.stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        if not self._resetting:
            self.changed.emit()

    def edit(self, row: int, column: int, role: int, old: Any, new: Any) -> bool:
        if old == new:
            return False
        self.stack.push(_CellEdit(self._setter, (row, column, int(role)), old, new))
        return True

    def reset(self) -> None:
        self._resetting = True
        try:
            self.stack.clear()
        finally:
            self._resetting = False

    @property
    def clean(self) -> bool:
        return self.stack.isClean()

    def watch(self, view: QWidget) -> None:
        """Take the undo keys on `view` (an open cell editor keeps its own undo)."""
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self.stack.redo()
                return True
        return super().eventFilter(watched, event)


class YearGrid(QObject):
    """One row of text values in a (Designer) table, a column per year of the Renstra."""

    edited = Signal()

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self._years: list[int] = []
        self._loading = False
        table.setItemDelegate(ScaleDelegate(table))
        table.setEditTriggers(EDIT_KEYS)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.itemChanged.connect(self._changed)

    def set_years(self, years: list[int], row_label: str, scale: tuple[str, ...] = ()) -> None:
        self._loading = True
        self._years = list(years)
        table = self.table
        table.clear()
        table.setRowCount(1)
        table.setColumnCount(len(years))
        table.setHorizontalHeaderLabels([str(y) for y in years])
        table.setVerticalHeaderLabels([row_label])
        for column in range(len(years)):
            item = QTableWidgetItem("")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(SCALE_ROLE, list(scale))
            table.setItem(0, column, item)
        self._fit_height()
        self._loading = False

    def _fit_height(self) -> None:
        """Exactly the header and the one row: no empty band under it."""
        table = self.table
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.verticalHeader().defaultSectionSize()
        )
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    def set_scale(self, scale: tuple[str, ...]) -> None:
        for column in range(self.table.columnCount()):
            item = self.table.item(0, column)
            if item is not None:
                item.setData(SCALE_ROLE, list(scale))

    def set_values(self, values: dict[int, str]) -> None:
        self._loading = True
        for column, year in enumerate(self._years):
            self.table.item(0, column).setText(values.get(year, ""))
        self._loading = False

    def values(self) -> dict[int, str]:
        """{year: text as typed} for the non-empty cells."""
        out: dict[int, str] = {}
        for column, year in enumerate(self._years):
            text = self.table.item(0, column).text().strip()
            if text:
                out[year] = text
        return out

    def _changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.edited.emit()
