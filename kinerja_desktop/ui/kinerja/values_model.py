"""Table model of stored values with their provenance (no widgets; tested on
its own): who, which indicator, the value, and where it came from — file,
sheet!cell, the first characters of the file's SHA-256, when it was recorded.
The same model shows one value's history (every row it replaced)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.core.kinerja.values import number_text
from kinerja_desktop.services.kinerja_types import ValueView

from .common import tanggal
from .table_heads import Headed

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HASH_CHARS = 12
JENIS_WORDS = {"impor": "impor berkas", "entri": "entri kertas", "perbaikan": "perbaikan"}


def value_text(v: ValueView) -> str:
    return v.teks or number_text(v.nilai)


class ValuesModel(Headed, QAbstractTableModel):
    """Unit, Kode, Indikator, Nilai, Keterangan, Bukti, Asal, Berkas, Sel, Hash, Dicatat."""

    headers = (
        "Unit",
        "Kode",
        "Indikator",
        "Nilai",
        "Keterangan",
        "Bukti",
        "Asal",
        "Berkas",
        "Sel",
        "Hash",
        "Dicatat",
    )
    (
        COL_UNIT,
        COL_KODE,
        COL_NAMA,
        COL_NILAI,
        COL_KETERANGAN,
        COL_BUKTI,
        COL_JENIS,
        COL_BERKAS,
        COL_SEL,
        COL_HASH,
        COL_DICATAT,
    ) = range(11)

    def __init__(self, parent=None, *, history: bool = False) -> None:
        super().__init__(parent)
        self.values: list[ValueView] = []
        self.history = history

    def set_values(self, values: list[ValueView]) -> None:
        self.beginResetModel()
        self.values = list(values)
        self.endResetModel()

    def value_at(self, row: int) -> ValueView:
        return self.values[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.values)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.values[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), v, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.COL_HASH:
                return f"SHA-256 berkas: {v.file_hash}"
            return self._text(index.row(), v, index.column()) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_NILAI:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, v: ValueView, column: int) -> str:
        if column == self.COL_NILAI:
            text = value_text(v)
            if self.history and row == len(self.values) - 1:
                text += " (berlaku)"
            return text
        if column == self.COL_SEL:
            return f"{v.sheet}!{v.cell}" if v.sheet and v.cell else v.cell or v.sheet
        if column == self.COL_HASH:
            return v.file_hash[:HASH_CHARS]
        if column == self.COL_DICATAT:
            return tanggal(v.recorded_at)
        if column == self.COL_JENIS:
            return JENIS_WORDS.get(v.jenis, v.jenis)
        texts = {
            self.COL_UNIT: v.unit,
            self.COL_KODE: v.kode,
            self.COL_NAMA: v.nama,
            self.COL_KETERANGAN: v.keterangan,
            self.COL_BUKTI: v.bukti,
            self.COL_BERKAS: v.file_name,
        }
        return texts[column]
