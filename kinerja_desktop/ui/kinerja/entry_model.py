"""The paper-entry grid (no widgets; tested on its own): the unit's form as
rows — kode, nama, satuan, target, aturan, the value stored now — with the
three input columns Realisasi, Keterangan and Bukti.

Typed text is kept as typed; the service checks it (`preview_entry`) with the
same rules as a returned file, and its problems come back addressed like a
form's cells ("Entri!F14": the form's column F, H or I on the row of the
indicator), so `show_problems` puts each on its cell.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from kinerja_desktop.core.kinerja.forms import FormProblem
from kinerja_desktop.services.kinerja_types import EntryForm, EntryRow, ValueText

from .common import BAD, LATE
from .grids import SCALE_ROLE, CellUndo

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# The form's input columns (exchange.kinerja_xlsx.layout: F Realisasi, H Keterangan, I Bukti).
FORM_COLUMNS = {"F": 0, "H": 1, "I": 2}
_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def _shown(value: ValueText | None) -> str:
    return "" if value is None or (value.nilai is None and not value.teks) else value.shown


class EntryModel(QAbstractTableModel):
    """Kode, Indikator, Satuan, Target, Aturan, Tersimpan, Realisasi, Keterangan, Bukti."""

    headers = (
        "Kode",
        "Indikator",
        "Satuan",
        "Target",
        "Aturan",
        "Tersimpan",
        "Realisasi",
        "Keterangan",
        "Bukti / sumber data",
    )
    COL_KODE, COL_NAMA, COL_SATUAN, COL_TARGET, COL_ATURAN, COL_TERSIMPAN = range(6)
    COL_REALISASI, COL_KETERANGAN, COL_BUKTI = 6, 7, 8
    INPUTS = (COL_REALISASI, COL_KETERANGAN, COL_BUKTI)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form: EntryForm | None = None
        self.typed: list[list[str]] = []
        self.problems: dict[tuple[int, int], list[FormProblem]] = {}
        self.undo = CellUndo(self._set, self)
        self.undo.changed.connect(self.edited)

    def set_form(self, form: EntryForm | None) -> None:
        """Show the unit's rows, the inputs filled with what is stored now."""
        self.beginResetModel()
        self.form = form
        rows = form.rows if form else []
        self.typed = [
            [
                _shown(r.current),
                r.current.keterangan if r.current else "",
                r.current.bukti if r.current else "",
            ]
            for r in rows
        ]
        self.problems = {}
        self.undo.reset()
        self.endResetModel()

    def rows(self) -> list[EntryRow]:
        return self.form.rows if self.form else []

    def entries(self) -> dict[int, tuple[str, str, str]]:
        """{indicator id: (realisasi, keterangan, bukti)} as typed, for `preview_entry`."""
        return {
            r.indicator_id: (t[0], t[1], t[2]) for r, t in zip(self.rows(), self.typed, strict=True)
        }

    def show_problems(
        self, problems: list[FormProblem], warnings: list[FormProblem]
    ) -> list[FormProblem]:
        """Put problems and warnings on their cells; the ones without a cell are returned."""
        self.beginResetModel()
        self.problems = {}
        by_row = {r.row: i for i, r in enumerate(self.rows())}
        loose: list[FormProblem] = []
        for p in [*problems, *warnings]:
            match = _CELL.match(p.cell or "")
            place = None
            if match and match[1] in FORM_COLUMNS and int(match[2]) in by_row:
                place = (by_row[int(match[2])], self.INPUTS[FORM_COLUMNS[match[1]]])
            if place is None:
                loose.append(p)
            else:
                self.problems.setdefault(place, []).append(p)
        self.endResetModel()
        return loose

    def row_of_cell(self, cell: str) -> int | None:
        match = _CELL.match(cell or "")
        if not match:
            return None
        return next((i for i, r in enumerate(self.rows()) if r.row == int(match[2])), None)

    # -- Qt's interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in self.INPUTS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows()[index.row()], index.column()
        found = self.problems.get((index.row(), column), [])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if found:
                return "\n".join(f"{p.where}: {p.message}" for p in found)
            return r.aturan if column == self.COL_ATURAN else self._text(index.row(), r, column)
        if found and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = BAD if any(p.level == "masalah" for p in found) else LATE
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        if role == SCALE_ROLE and column == self.COL_REALISASI:
            return list(r.skala) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_TARGET,
            self.COL_TERSIMPAN,
            self.COL_REALISASI,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, r: EntryRow, column: int) -> str:
        if column in self.INPUTS:
            return self.typed[row][self.INPUTS.index(column)]
        values = (r.kode, r.nama, r.satuan, r.target, r.aturan, _shown(r.current))
        return values[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() not in self.INPUTS:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        slot = self.INPUTS.index(index.column())
        old = self.typed[index.row()][slot]
        return self.undo.edit(index.row(), index.column(), role, old, str(value or ""))

    def _set(self, row: int, column: int, _role: int, text: str) -> bool:
        """The change itself (first made, undone or redone through `self.undo`)."""
        self.typed[row][self.INPUTS.index(column)] = text
        self.problems.pop((row, column), None)
        index = self.index(row, column)
        self.dataChanged.emit(index, index)
        return True
