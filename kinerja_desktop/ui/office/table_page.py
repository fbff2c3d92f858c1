"""The page shape the Pegawai and Unit screens share: a filter, a sortable
table, Tambah / Ubah / Hapus buttons, the same actions on a right-click menu,
Enter or double-click to edit and Delete to delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.icons import icon

from .models import ID_ROLE, OfficeFilterModel, _RowsModel

FORM = "office_table_page"
REQUIRED = {
    "titleLabel": QLabel,
    "searchEdit": QLineEdit,
    "countLabel": QLabel,
    "addButton": QPushButton,
    "editButton": QPushButton,
    "deleteButton": QPushButton,
    "table": QTableView,
}


class TablePage(QWidget):
    """Subclasses set the model and implement add(), edit(id), delete(id), refresh()."""

    noun = "data"

    def __init__(self, title: str, model: _RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        child(form, QLabel, "titleLabel").setText(f"<h2>{title}</h2>")
        self.search: QLineEdit = child(form, QLineEdit, "searchEdit")
        self.count_label: QLabel = child(form, QLabel, "countLabel")
        self.table: QTableView = child(form, QTableView, "table")
        self.model = model
        self.proxy = OfficeFilterModel(self)
        self.proxy.setSourceModel(model)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_action = self._action("&Tambah…", "tambah", self.add, QKeySequence.StandardKey.New)
        self.edit_action = self._action("&Ubah…", "ubah", self._edit_selected, "Return")
        self.delete_action = self._action(
            "&Hapus", "hapus", self._delete_selected, QKeySequence.StandardKey.Delete
        )
        for name, action in (
            ("addButton", self.add_action),
            ("editButton", self.edit_action),
            ("deleteButton", self.delete_action),
        ):
            button = child(form, QPushButton, name)
            button.setIcon(action.icon())
            button.clicked.connect(action.trigger)
        self.edit_button = child(form, QPushButton, "editButton")
        self.delete_button = child(form, QPushButton, "deleteButton")
        self.search.textChanged.connect(self._filter)
        self.table.doubleClicked.connect(lambda _i: self._edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

    def _action(self, text: str, icon_name: str, slot, shortcut) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- selection ----------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def after_reload(self, keep: int | None) -> None:
        """Call after the model was refilled: selection, count, buttons."""
        if keep is not None and self.model.row_of(keep) is not None:
            self.select(keep)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._update_enabled()

    def _update_enabled(self, *_args) -> None:
        selected = self.selected_id() is not None
        for action, button in (
            (self.edit_action, self.edit_button),
            (self.delete_action, self.delete_button),
        ):
            action.setEnabled(selected)
            button.setEnabled(selected)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = self.noun
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} dari {total} {noun}"
        )

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.add_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.edit(record_id)

    def _delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.delete(record_id)

    # -- to implement ---------------------------------------------------------------
    def add(self) -> None:
        raise NotImplementedError

    def edit(self, record_id: int) -> None:
        raise NotImplementedError

    def delete(self, record_id: int) -> None:
        raise NotImplementedError
