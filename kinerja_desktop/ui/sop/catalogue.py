"""The SOP catalogue: a searchable, sortable list with a summary of the selection."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.sop.detail import sop_detail_html
from kinerja_desktop.ui.sop.table_model import (
    COL_DIPERBARUI,
    COL_JUDUL,
    SOP_ID_ROLE,
    SORT_ROLE,
    SopTableModel,
)

FORM = "sop_catalogue"
REQUIRED = {
    "searchEdit": QLineEdit,
    "countLabel": QLabel,
    "sopTable": QTableView,
    "detailView": QTextBrowser,
    "splitter": QSplitter,
}


class SopFilterModel(QSortFilterProxyModel):
    """Sorts by typed keys and filters on every column's text, case-insensitive."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class SopCatalogue(QWidget):
    """Lists every SOP of the open database and shows the selected one."""

    def __init__(self, sop_service: SopService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = sop_service
        form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.search: QLineEdit = child(form, QLineEdit, "searchEdit")
        self.count_label: QLabel = child(form, QLabel, "countLabel")
        self.table: QTableView = child(form, QTableView, "sopTable")
        self.detail: QTextBrowser = child(form, QTextBrowser, "detailView")
        splitter: QSplitter = child(form, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 420])

        self.model = SopTableModel(self)
        self.proxy = SopFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_JUDUL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        header.setSectionHidden(COL_DIPERBARUI, True)  # room for the judul
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the database, keeping the selection when possible."""
        current = self.selected_id()
        self.model.set_rows(self._service.list_sops())
        self._update_count()
        if current is not None:
            self.select(current)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)

    def select(self, sop_id: int) -> None:
        row = self.model.row_of(sop_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(SOP_ID_ROLE) if rows else None

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total} SOP" if shown == total else f"{shown} dari {total} SOP")

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        sop_id = self.selected_id()
        if sop_id is None:
            self.detail.clear()
            return
        record = self._service.get(sop_id)
        findings = self._service.check(sop_id)
        self.detail.setHtml(sop_detail_html(record.document, findings, record.revisions))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
