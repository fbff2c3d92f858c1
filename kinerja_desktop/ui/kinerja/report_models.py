"""Table models of the Validasi, Perbaikan and Laporan screens (no widgets;
tested on their own).

`RowsModel` holds rows already made into display strings, an id per row, a
sort key per cell and an optional band colour; the `*_rows` functions turn
the services' records into those rows, so every word a screen shows is made
in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.kinerja.capaian import persen_text
from kinerja_desktop.core.kinerja.perbaikan import Perbaikan
from kinerja_desktop.core.kinerja.values import number_text

from .table_heads import Headed

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Row:
    id: object
    cells: tuple[str, ...]
    sort: tuple[Any, ...] = ()
    colour: str = ""  # "#RRGGBB" for the cell at `colour_column`
    tip: str = ""


class RowsModel(Headed, QAbstractTableModel):
    """Display rows with a header; `colour_column` is painted in the row's band colour."""

    def __init__(self, headers: Sequence[str], colour_column: int = -1, parent=None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.colour_column = colour_column
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def id_at(self, row: int) -> object:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: object) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or row.cells[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return row.sort[index.column()] if row.sort else row.cells[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.colour_column:
            return QBrush(QColor(row.colour)) if row.colour else None
        return None


# -- rows ------------------------------------------------------------------------------------

BOARD_HEADERS = ("Unit", "Nilai", "Tervalidasi", "Belum", "Kosong", "Keadaan", "Validasi terakhir")


def board_rows(board: Sequence[Any]) -> list[Row]:
    return [
        Row(
            b.unit_id,
            (
                b.unit,
                str(b.jumlah),
                str(b.valid),
                str(b.belum),
                str(b.kosong),
                b.label,
                b.terakhir.strftime("%d-%m-%Y %H:%M") if b.terakhir else "—",
            ),
            (b.unit, b.jumlah, b.valid, b.belum, b.kosong, b.label, b.terakhir or 0),
        )
        for b in board
    ]


VALUE_HEADERS = ("Kode", "Indikator", "Nilai", "Status", "Jenis", "Sumber")


def value_rows(values: Sequence[Any]) -> list[Row]:
    out = []
    for v in values:
        shown = v.teks or number_text(v.nilai)
        where = f"{v.file_name} {v.sheet}!{v.cell}".strip() if v.cell else v.file_name
        status = "tervalidasi (terkunci)" if v.status_validasi == "valid" else "belum divalidasi"
        out.append(
            Row(
                v.value_id,
                (v.kode, v.nama, shown, status, v.jenis, where),
                tip=f"{where} · hash {v.file_hash[:12]}" if v.file_hash else where,
            )
        )
    return out


PERBAIKAN_HEADERS = ("No", "Periode", "Unit", "Kode", "Indikator", "Semula", "Perbaikan", "Status")


def perbaikan_rows(found: Sequence[Perbaikan]) -> list[Row]:
    return [
        Row(
            p.id,
            (
                str(p.id),
                p.periode,
                p.unit,
                p.kode,
                p.indikator,
                p.lama.shown,
                p.baru.shown,
                p.status.label,
            ),
            (p.id, p.periode, p.unit, p.kode, p.indikator, p.lama.shown, p.baru.shown, p.status),
        )
        for p in found
    ]


VERSION_HEADERS = ("Versi", "Laporan", "Dibekukan", "Oleh", "Kode data")


def version_rows(versions: Sequence[Any]) -> list[Row]:
    return [
        Row(
            v.id,
            (
                str(v.versi),
                v.judul,
                format_tanggal(v.dibuat_at.date()) + v.dibuat_at.strftime(" %H:%M"),
                v.oleh,
                v.data_hash[:16],
            ),
            (v.versi, v.judul, v.dibuat_at, v.oleh, v.data_hash),
            tip=v.data_hash,
        )
        for v in sorted(versions, key=lambda x: (x.jenis, x.periode, -x.versi))
    ]


REKAP_HEADERS = (
    "Unit",
    "Kode",
    "Indikator",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Predikat",
    "Rumus",
)


def rekap_rows(report: Any) -> list[Row]:
    rows = []
    for i, b in enumerate(report.baris):
        target = b.target_teks or number_text(b.target)
        real = b.realisasi_teks or number_text(b.realisasi)
        rows.append(
            Row(
                i,
                (
                    b.unit,
                    b.kode,
                    b.indikator,
                    target,
                    real,
                    persen_text(b.capaian),
                    b.predikat or "—",
                    b.rumus,
                ),
                (
                    b.unit,
                    b.kode,
                    b.indikator,
                    b.target or 0,
                    b.realisasi or 0,
                    b.capaian or -1,
                    b.predikat,
                    b.rumus,
                ),
                b.warna,
                b.catatan,
            )
        )
    return rows
