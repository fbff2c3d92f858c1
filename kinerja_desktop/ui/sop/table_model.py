"""The SOP catalogue as a table model (no widgets; tested on its own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.services.sop_service import SopSummary

COL_NOMOR = 0
COL_JUDUL = 1
COL_UNIT = 2
COL_STATUS = 3
COL_LANGKAH = 4
COL_REVISI = 5
COL_DIPERBARUI = 6

HEADERS = ("Nomor SOP", "Judul", "Unit", "Status", "Langkah", "Rev.", "Diperbarui")

SOP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class SopTableModel(QAbstractTableModel):
    """Rows are `SopSummary` records from the SOP service."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SopSummary] = []

    def set_rows(self, rows: Sequence[SopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> SopSummary:
        return self._rows[row]

    def row_of(self, sop_id: int) -> int | None:
        for i, s in enumerate(self._rows):
            if s.id == sop_id:
                return i
        return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == SORT_ROLE:
            return self._sort_key(s, col)
        if role == SOP_ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_LANGKAH, COL_REVISI):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_JUDUL:
            return s.judul
        return None

    @staticmethod
    def _display(s: SopSummary, col: int) -> str:
        values = {
            COL_NOMOR: s.nomor or "—",
            COL_JUDUL: s.judul,
            COL_UNIT: s.unit,
            COL_STATUS: s.status_label,
            COL_LANGKAH: str(s.jumlah_langkah),
            COL_REVISI: str(s.revisi_ke),
            COL_DIPERBARUI: s.diperbarui.strftime("%d-%m-%Y %H:%M"),
        }
        return values[col]

    @staticmethod
    def _sort_key(s: SopSummary, col: int) -> Any:
        if col == COL_LANGKAH:
            return s.jumlah_langkah
        if col == COL_REVISI:
            return s.revisi_ke
        if col == COL_DIPERBARUI:
            return s.diperbarui.isoformat()
        return SopTableModel._display(s, col).casefold()
