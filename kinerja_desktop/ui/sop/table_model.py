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
    """Rows are `SopSummary` records from the SOP service.

    Every display string and sort key is made once, in `set_rows`: a view
    asks `data()` tens of thousands of times while it paints and sorts, and
    each answer is then a tuple lookup.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SopSummary] = []
        self._display: list[tuple[str, ...]] = []
        self._sort: list[tuple[Any, ...]] = []
        self._row_of: dict[int, int] = {}

    def set_rows(self, rows: Sequence[SopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._display = [_display_row(s) for s in self._rows]
        self._sort = [
            _sort_row(s, shown) for s, shown in zip(self._rows, self._display, strict=True)
        ]
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}
        self.endResetModel()

    def summary(self, row: int) -> SopSummary:
        return self._rows[row]

    def row_of(self, sop_id: int) -> int | None:
        return self._row_of.get(sop_id)

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][index.column()]
        if role == SORT_ROLE:
            return self._sort[index.row()][index.column()]
        if role == SOP_ID_ROLE:
            return self._rows[index.row()].id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            COL_LANGKAH,
            COL_REVISI,
        ):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_JUDUL:
            return self._rows[index.row()].judul
        return None


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _display_row(s: SopSummary) -> tuple[str, ...]:
    d = s.diperbarui
    return (
        s.nomor or "—",
        s.judul,
        s.unit,
        s.status_label,
        str(s.jumlah_langkah),
        str(s.revisi_ke),
        f"{d.day:02d}-{d.month:02d}-{d.year} {d.hour:02d}:{d.minute:02d}",
    )


def _sort_row(s: SopSummary, shown: tuple[str, ...]) -> tuple[Any, ...]:
    keys: list[Any] = [text.casefold() for text in shown]
    keys[COL_LANGKAH] = s.jumlah_langkah
    keys[COL_REVISI] = s.revisi_ke
    keys[COL_DIPERBARUI] = s.diperbarui.isoformat()
    return tuple(keys)
