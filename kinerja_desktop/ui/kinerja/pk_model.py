"""The Perjanjian Kinerja grid (no widgets; tested on its own): per indicator
the year's target and the four triwulan targets (rencana aksi).

An editable grid (a new PK, or the PK in force about to become a PK
Perubahan) lists every candidate indicator of the party with a tick "Masuk PK";
a superseded version is shown read-only with only its own items. `items()`
reads the typed text by each indicator's own rule (scale labels, decimals
the Indonesian way) and refuses what it cannot read, naming the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.periods import ROMAN
from kinerja_desktop.core.kinerja.plan import Indicator, PerjanjianKinerja, PkItem
from kinerja_desktop.core.kinerja.rules import ValueKind

from .common import read_target, target_text
from .grids import SCALE_ROLE, CellUndo

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
EXCLUDED = QColor("#888888")


@dataclass
class PkRow:
    indicator: Indicator
    included: bool
    target: str
    triwulan: list[str] = field(default_factory=lambda: ["", "", "", ""])


class PkTableModel(QAbstractTableModel):
    """Masuk PK, Kode, Indikator, Satuan, Target, TW I … TW IV."""

    COL_MASUK, COL_KODE, COL_NAMA, COL_SATUAN, COL_TARGET = range(5)
    COL_TW1 = 5
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[PkRow] = []
        self.editable = False
        self.tahun = 0
        self.undo = CellUndo(self._set, self)
        self.undo.changed.connect(self.edited)

    # -- filling ----------------------------------------------------------------------------
    def show_pk(
        self,
        pk: PerjanjianKinerja | None,
        indicators: list[Indicator],
        candidates: list[Indicator],
        tahun: int,
        *,
        editable: bool,
    ) -> None:
        """A PK's items (pk None: a new PK drafted from the Renstra's year targets)."""
        self.beginResetModel()
        self.tahun, self.editable = tahun, editable
        self.undo.reset()
        by_id = {i.id: i for i in indicators}
        items = {item.indicator_id: item for item in (pk.items if pk else [])}
        rows: list[PkRow] = []
        order = [i.id for i in candidates] if editable else []
        order += [item_id for item_id in items if item_id not in order]
        for ind_id in order:
            ind = by_id.get(ind_id)
            if ind is None:
                continue
            item = items.get(ind_id)
            if item is not None:
                tw = [target_text(item.triwulan.get(n)) for n in (1, 2, 3, 4)]
                rows.append(PkRow(ind, True, target_text(item.target), tw))
            else:
                rows.append(PkRow(ind, pk is None, target_text(ind.target(tahun))))
        self.rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.editable = [], False
        self.undo.reset()
        self.endResetModel()

    def items(self) -> list[PkItem]:
        """The ticked rows as PK items (ValidationError naming the row and column)."""
        out: list[PkItem] = []
        for row in self.rows:
            if not row.included:
                continue
            rule = row.indicator.rule
            target, problem = read_target(row.target, rule)
            if problem:
                raise ValidationError(f"{row.indicator.kode}, target {self.tahun}: {problem}")
            tw = {}
            for n, text in enumerate(row.triwulan, 1):
                value, problem = read_target(text, rule)
                if problem:
                    raise ValidationError(f"{row.indicator.kode}, TW {ROMAN[n - 1]}: {problem}")
                if value.is_set:
                    tw[n] = value
            out.append(PkItem(row.indicator.id or 0, target, tw))
        return out

    # -- Qt's interface --------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            "Masuk PK",
            "Kode",
            "Indikator",
            "Satuan",
            f"Target {self.tahun}" if self.tahun else "Target",
            *(f"TW {r}" for r in ROMAN),
        ]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable or not index.isValid():
            return base
        if index.column() == self.COL_MASUK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() >= self.COL_TARGET and self.rows[index.row()].included:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_MASUK:
            return Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.indicator.kode} {row.indicator.nama}\n{row.indicator.rule.describe()}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.COL_TARGET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.included:
            return EXCLUDED
        if role == SCALE_ROLE and column >= self.COL_TARGET:
            rule = row.indicator.rule
            return [s.label for s in rule.skala] if rule.jenis_nilai is ValueKind.SKALA else None
        return None

    def _text(self, row: PkRow, column: int) -> str:
        ind = row.indicator
        if column == self.COL_MASUK:
            return ""  # the tick says it
        if column == self.COL_KODE:
            return ind.kode
        if column == self.COL_NAMA:
            return ind.nama
        if column == self.COL_SATUAN:
            return ind.satuan
        if column == self.COL_TARGET:
            return row.target
        return row.triwulan[column - self.COL_TW1]

    @property
    def dirty(self) -> bool:
        """Edited since shown (and not undone back to it)."""
        return not self.undo.clean

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        row, column = self.rows[index.row()], index.column()
        if column == self.COL_MASUK and role == Qt.ItemDataRole.CheckStateRole:
            old, new = row.included, Qt.CheckState(value) == Qt.CheckState.Checked
        elif column >= self.COL_TARGET and role == Qt.ItemDataRole.EditRole:
            old, new = self._text(row, column), str(value or "").strip()
        else:
            return False
        return self.undo.edit(index.row(), column, role, old, new)

    def _set(self, r: int, column: int, _role: int, value: Any) -> bool:
        """The change itself (first made, undone or redone through `self.undo`)."""
        row = self.rows[r]
        if column == self.COL_MASUK:
            row.included = bool(value)
            first, last = self.index(r, 0), self.index(r, self.columnCount() - 1)
        else:
            if column == self.COL_TARGET:
                row.target = value
            else:
                row.triwulan[column - self.COL_TW1] = value
            first = last = self.index(r, column)
        self.dataChanged.emit(first, last)
        return True
