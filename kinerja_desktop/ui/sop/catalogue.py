"""The SOP catalogue: a searchable, sortable list with a summary of the selection.

Columns get fixed widths from the font (never `ResizeToContents`, which
measures every row on each change) and the judul takes the rest; the user's
own widths and sort order are remembered. A refresh reloads the summaries
only (one query), keeping the selection and without re-checking an SOP
whose selection did not change.
"""

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
from kinerja_desktop.ui.common.settings import UiSettings
from kinerja_desktop.ui.sop.detail import sop_detail_html
from kinerja_desktop.ui.sop.table_model import (
    COL_DIPERBARUI,
    COL_JUDUL,
    COL_LANGKAH,
    COL_NOMOR,
    COL_REVISI,
    COL_STATUS,
    COL_UNIT,
    SOP_ID_ROLE,
    SORT_ROLE,
    SopTableModel,
)

# Column widths in average characters of the table's font.
COLUMN_CHARS = {
    COL_NOMOR: 24,
    COL_UNIT: 14,
    COL_STATUS: 16,
    COL_LANGKAH: 8,
    COL_REVISI: 5,
    COL_DIPERBARUI: 16,
}
LAYOUT_KEY = "katalog_sop"

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
        self._size_columns()
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._shown_id: int | None = None

        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_JUDUL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in COLUMN_CHARS.items():
            header.resizeSection(column, chars * char + 12)
        header.setSectionHidden(COL_DIPERBARUI, True)  # room for the judul
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

    def restore_layout(self, settings: UiSettings) -> None:
        """The user's column widths and sort order, as last left."""
        state = settings.layout_state(LAYOUT_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(COL_JUDUL, QHeaderView.ResizeMode.Stretch)

    def save_layout(self, settings: UiSettings) -> None:
        settings.set_layout_state(LAYOUT_KEY, self.table.horizontalHeader().saveState())

    def refresh(self) -> None:
        """Reload the list from the database, keeping the selection when possible."""
        current = self.selected_id()
        self._shown_id = None  # the selected SOP itself may have changed
        self.model.set_rows(self._service.list_sops())
        self._update_count()
        if current is not None and self.model.row_of(current) is not None:
            self.select(current)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.detail.clear()

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
            self._shown_id = None
            self.detail.clear()
            return
        if sop_id == self._shown_id:
            return
        self._shown_id = sop_id
        record = self._service.get(sop_id)
        findings = self._service.check(sop_id)
        self.detail.setHtml(sop_detail_html(record.document, findings, record.revisions))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
