"""Cell editors of the steps grid: text typed live into the document, kind and target pickers.

`LiveTextDelegate` sends every keystroke to the document as one merging command
(so the swimlane follows the typing and one cell's typing is one undo step); Esc
takes the typing back, Enter commits and moves down as in a spreadsheet, and a
paste of several lines is handed to the grid (which asks) instead of being
squeezed into one line. `KindDelegate` and `TargetDelegate` are combo boxes
that commit as soon as a choice is made.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kinerja_desktop.core.sop.table_paste import PasteKind, paste_kind

from .prompts import step_caption
from .steps_model import KEY_ROLE, KIND_ORDER, STEP_ID_ROLE, TARGET_ROLE, StepsTableModel

_Hint = QAbstractItemDelegate.EndEditHint
_tokens = itertools.count(1)


class LiveTextDelegate(QStyledItemDelegate):
    """A line editor whose typing goes straight into the document."""

    def __init__(
        self,
        model: StepsTableModel,
        move_down: Callable[[], None],
        paste_table: Callable[[QModelIndex], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._move_down = move_down
        self._paste_table = paste_table
        self._sessions: dict[QWidget, tuple[QPersistentModelIndex, tuple]] = {}

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        key = ("cell", index.data(STEP_ID_ROLE), index.data(KEY_ROLE), next(_tokens))
        self._sessions[editor] = (QPersistentModelIndex(index), key)
        editor.textEdited.connect(lambda text, e=editor: self._typed(e, text))
        editor.destroyed.connect(lambda *_a, e=editor: self._sessions.pop(e, None))
        return editor

    def session_key(self, editor: QWidget) -> tuple | None:
        found = self._sessions.get(editor)
        return found[1] if found else None

    def _typed(self, editor: QWidget, text: str) -> None:
        index, key = self._sessions[editor]
        if index.isValid():
            self._model.edit_cell(index, text, merge_key=key)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QLineEdit) and editor.text() != text:
            editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            key = self.session_key(editor)
            self._model.edit_cell(index, editor.text(), merge_key=key)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if is_key and isinstance(editor, QLineEdit) and self._key(editor, event):
            return True
        return super().eventFilter(editor, event)

    def _key(self, editor: QLineEdit, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            found = self._sessions.get(editor)
            if found:
                self._model.editor.cancel(found[1])
            self.closeEditor.emit(editor, _Hint.RevertModelCache)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, _Hint.NoHint)
            self._move_down()
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if paste_kind(text) is not PasteKind.CELL:
                found = self._sessions.get(editor)
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, _Hint.NoHint)
                if found:
                    self._paste_table(QModelIndex(found[0]))
                return True
        return False


class LaneCheckDelegate(QStyledItemDelegate):
    """A lane cell: its tick centred, as the symbol sits in the middle of the lane on paper."""

    def _check_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = option.widget.style() if option.widget else QApplication.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, option.widget)
        r = option.rect
        return QRect(r.x() + (r.width() - size) // 2, r.y() + (r.height() - size) // 2, size, size)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        check = QStyleOptionViewItem(option)
        check.rect = self._check_rect(option)
        check.state = check.state & ~QStyle.StateFlag.State_HasFocus
        on = Qt.CheckState(state) == Qt.CheckState.Checked if state is not None else False
        check.state |= QStyle.StateFlag.State_On if on else QStyle.StateFlag.State_Off
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, option.widget
        )

    def editorEvent(
        self, event: QEvent, model, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease:
            if (
                not self._check_rect(option)
                .adjusted(-4, -4, 4, 4)
                .contains(event.position().toPoint())
            ):
                return False
        elif kind == QEvent.Type.MouseButtonDblClick:
            return True  # a double-click is two ticks otherwise
        elif not (
            kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        ):
            return False
        state = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)


class KindDelegate(QStyledItemDelegate):
    """Mulai / Proses / Keputusan / Selesai from a list; committed on choice."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for kind in KIND_ORDER:
            combo.addItem(kind.label, kind)
        combo.activated.connect(lambda _i, c=combo: self._done(c))
        return combo

    def _done(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, _Hint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(index.data() or ""), 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TargetDelegate(KindDelegate):
    """The step an exit leads to: "Langkah berikutnya" or any other step."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        model: StepsTableModel = index.model()
        doc, row = model.doc, index.row()
        combo = QComboBox(parent)
        if row + 1 < len(doc.steps):
            combo.addItem(f"Langkah berikutnya ({row + 2})", "")
        for step in doc.steps:
            if step.id != doc.steps[row].id:
                combo.addItem(step_caption(doc, step.id, 40), step.id)
        combo.activated.connect(lambda _i, c=combo: self._done(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, QComboBox):
            return
        model: StepsTableModel = index.model()
        step = model.step_at(index.row())
        k = int(index.data(KEY_ROLE)[-1]) - 1
        target = step.exits[k].target if k < len(step.exits) else None
        editor.setCurrentIndex(max(editor.findData(target or ""), 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or None, TARGET_ROLE)
