"""Table models of the Pengumpulan page (no widgets; tested on their own): the
collection rounds, and a round's status board.

The board says every state in words ("belum kembali", "sudah kembali",
"bermasalah", "(terlambat)") and colours the row as well — colour is never
the only carrier of the meaning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.core.kinerja.forms import Round
from kinerja_desktop.services.kinerja_types import RoundStatus, UnitStatus

from .common import BAD, GOOD, LATE, WAIT, tanggal
from .table_heads import Headed

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Table(Headed, QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows())

    def _rows(self) -> list:
        raise NotImplementedError


class RoundListModel(_Table):
    """Periode, Tenggat — newest period first."""

    headers = ("Periode", "Tenggat")
    COL_PERIODE, COL_TENGGAT = range(2)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rounds: list[Round] = []

    def _rows(self) -> list:
        return self.rounds

    def set_rounds(self, rounds: list[Round]) -> None:
        self.beginResetModel()
        self.rounds = sorted(rounds, key=lambda r: r.periode, reverse=True)
        self.endResetModel()

    def row_of(self, periode: str) -> int | None:
        return next((i for i, r in enumerate(self.rounds) if r.periode.key == periode), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rounds[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_PERIODE:
                return r.periode.label
            return tanggal(r.tenggat, "tanpa tenggat")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.periode.label} ({r.periode.key})"
        if role == ID_ROLE:
            return r.periode.key
        return None


STATUS_COLOURS = {"kembali": GOOD, "bermasalah": BAD, "belum_kembali": WAIT}


class StatusBoardModel(_Table):
    """Unit, Status, Terisi, Formulir, Terakhir impor, Masalah."""

    headers = ("Unit", "Status", "Terisi", "Formulir", "Terakhir diimpor", "Masalah")
    COL_UNIT, COL_STATUS, COL_TERISI, COL_FORMULIR, COL_TERAKHIR, COL_MASALAH = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status: RoundStatus | None = None

    def _rows(self) -> list:
        return self.status.units if self.status else []

    def set_status(self, status: RoundStatus | None) -> None:
        self.beginResetModel()
        self.status = status
        self.endResetModel()

    def unit_at(self, row: int) -> UnitStatus:
        return self._rows()[row]

    def summary(self) -> str:
        """One line over the board: how many returned, late, with problems."""
        if self.status is None:
            return ""
        units = self.status.units
        back = sum(1 for u in units if u.status == "kembali")
        bad = sum(1 for u in units if u.status == "bermasalah")
        late = sum(1 for u in units if u.terlambat)
        parts = [f"{back} dari {len(units)} unit sudah kembali"]
        if bad:
            parts.append(f"{bad} bermasalah")
        if late:
            parts.append(f"{late} terlambat")
        if self.status.complete:
            parts.append("LENGKAP: semua unit sudah kembali")
        return "; ".join(parts) + "."

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self.unit_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(u, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(u.masalah) if u.masalah else self._text(u, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = STATUS_COLOURS[u.status]
            if u.terlambat and column in (self.COL_STATUS, self.COL_UNIT):
                colours = LATE if u.status != "bermasalah" else colours
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_TERISI:
            return RIGHT
        if role == ID_ROLE:
            return u.unit_id
        return None

    def _text(self, u: UnitStatus, column: int) -> str:
        if column == self.COL_UNIT:
            return u.unit
        if column == self.COL_STATUS:
            return u.label
        if column == self.COL_TERISI:
            return f"{u.terisi}/{u.jumlah}"
        if column == self.COL_FORMULIR:
            if u.formulir:
                return "ditulis"
            # data already in without a form of this round: typed from paper
            return "belum ditulis" if u.status == "belum_kembali" else "tanpa formulir (entri)"
        if column == self.COL_TERAKHIR:
            return tanggal(u.terakhir, "")
        return "; ".join(u.masalah)
