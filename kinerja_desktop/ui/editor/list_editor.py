"""One numbered list of the identity sheet (Dasar Hukum, Peringatan …) as an editable list.

Add, remove, move up/down and edit items in place (F2 or double-click; Enter
adds the next item after the last one). Every change is one op on the document
(`ListInsert`, `ListRemove`, `ListMove`, `ListEdit`), so it can be undone; the
widget rebuilds itself from the document when it changes (undo, redo).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop import edits_identity as ei

from .document import EditorDocument


class ListEditor(QWidget):
    """The items of list `attr` of the edited document."""

    def __init__(self, editor: EditorDocument, attr: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"listEditor_{attr}")
        self.editor, self.attr, self.title = editor, attr, title
        self.view = QListWidget(self)
        self.view.setObjectName(f"list_{attr}_items")
        self.view.setAccessibleName(title)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setMinimumHeight(72)
        self.view.setMaximumHeight(150)
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlternatingRowColors(True)
        self.view.itemChanged.connect(self._item_changed)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = self._button(
            "+ Tambah", "Tambah butir di bawah butir terpilih", self.add_item
        )
        self.remove_button = self._button("Hapus", "Hapus butir terpilih", self.remove_item)
        self.up_button = self._button("▲", "Naikkan butir", lambda: self.move_item(-1))
        self.down_button = self._button("▼", "Turunkan butir", lambda: self.move_item(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._items: list[str] | None = None
        self.sync(editor.document)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(f"{tip} ({self.title})")
        button.clicked.connect(slot)
        return button

    def set_read_only(self) -> None:
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.hide()

    def items(self) -> list[str]:
        return list(getattr(self.editor.document, self.attr))

    def sync(self, doc: SopDocument) -> None:
        """Show the document's items (only when they differ from what is shown)."""
        items = list(getattr(doc, self.attr))
        if items == self._items:
            return
        row = self.view.currentRow()
        self.view.blockSignals(True)
        self.view.clear()
        for n, text in enumerate(items, 1):
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(f"Butir {n}: klik dua kali atau F2 untuk mengubah")
            self.view.addItem(item)
        self.view.blockSignals(False)
        self._items = items
        if items:
            self.view.setCurrentRow(min(max(row, 0), len(items) - 1))

    def _edit(self, op: ed.Op, text: str) -> bool:
        try:
            return self.editor.edit(op, f"{text} ({self.title})")
        except ed.EditError:
            return False

    def _item_changed(self, item: QListWidgetItem) -> None:
        row = self.view.row(item)
        text = " ".join(item.text().split())
        if not text and row == len(self.items()) - 1 and not self.items()[row]:
            self._edit(ei.ListRemove(self.attr, row), "Hapus butir kosong")
            return
        self._edit(ei.ListEdit(self.attr, row, text), "Ubah butir")

    def add_item(self) -> None:
        at = self.view.currentRow() + 1 if self.view.currentRow() >= 0 else len(self.items())
        if self._edit(ei.ListInsert(self.attr, at, ""), "Tambah butir"):
            self.view.setCurrentRow(at)
            self.view.editItem(self.view.item(at))

    def remove_item(self) -> None:
        row = self.view.currentRow()
        if row >= 0:
            self._edit(ei.ListRemove(self.attr, row), "Hapus butir")

    def move_item(self, delta: int) -> None:
        row = self.view.currentRow()
        to = row + delta
        if (
            row >= 0
            and 0 <= to < self.view.count()
            and self._edit(ei.ListMove(self.attr, row, to), "Pindahkan butir")
        ):
            self.view.setCurrentRow(to)
