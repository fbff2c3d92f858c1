"""Table models of the staff and the units (no widgets; tested on their own).

Like the SOP catalogue's model, every display string and sort key is made
once in `set_rows`; the proxy `OfficeFilterModel` sorts by those keys and
filters on every column, ignoring case.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.office import SignerRole, Staff, Unit

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _RowsModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[int | None] = []
        self._display: list[tuple[str, ...]] = []
        self._sort: list[tuple[Any, ...]] = []
        self._tips: list[str] = []

    def _set(self, ids, display, sort, tips) -> None:
        self.beginResetModel()
        self._ids, self._display, self._sort, self._tips = ids, display, sort, tips
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][index.column()]
        if role == SORT_ROLE:
            return self._sort[index.row()][index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, and the note if any
            text = self._display[index.row()][index.column()]
            note = self._tips[index.row()]
            return f"{text}\n{note}" if note else text or None
        return None


class StaffTableModel(_RowsModel):
    """Nama, NIP (printed grouping), Pangkat, Jabatan, Unit, Penandatangan, Aktif."""

    headers = ("Nama", "NIP", "Pangkat/Golongan", "Jabatan", "Unit", "Penandatangan", "Aktif")
    COL_NAMA, COL_NIP, COL_PANGKAT, COL_JABATAN, COL_UNIT, COL_PERAN, COL_AKTIF = range(7)

    def set_rows(
        self,
        staff: Sequence[Staff],
        units: Sequence[Unit],
        signers: dict[SignerRole, Staff | None] | None = None,
    ) -> None:
        unit_names = {u.id: u.nama for u in units}
        roles: dict[int | None, str] = {}
        for role, member in (signers or {}).items():
            if member is not None:
                roles[member.id] = ", ".join(filter(None, [roles.get(member.id), role.label]))
        display = [
            (
                s.nama,
                format_nip(s.nip) if s.nip else "—",
                s.pangkat,
                s.jabatan,
                unit_names.get(s.unit_id, "") if s.unit_id is not None else "",
                roles.get(s.id, ""),
                "ya" if s.aktif else "tidak",
            )
            for s in staff
        ]
        sort = [tuple(text.casefold() for text in row) for row in display]
        self._set([s.id for s in staff], display, sort, [s.catatan for s in staff])


class UnitTableModel(_RowsModel):
    """Urutan, Nama, Jenis, Pegawai (how many)."""

    headers = ("Urutan", "Nama unit", "Jenis", "Pegawai")
    COL_URUTAN, COL_NAMA, COL_JENIS, COL_PEGAWAI = range(4)

    def set_rows(self, units: Sequence[Unit], staff_counts: dict[int, int]) -> None:
        counts = [staff_counts.get(u.id or 0, 0) for u in units]
        display = [
            (str(u.urutan), u.nama, u.jenis.label, str(n))
            for u, n in zip(units, counts, strict=True)
        ]
        sort = [
            (u.urutan, u.nama.casefold(), u.jenis.label.casefold(), n)
            for u, n in zip(units, counts, strict=True)
        ]
        self._set([u.id for u in units], display, sort, ["" for _ in units])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() in (self.COL_URUTAN, self.COL_PEGAWAI)
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class OfficeFilterModel(QSortFilterProxyModel):
    """Sorts by typed keys, filters on every column's text, ignoring case."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
