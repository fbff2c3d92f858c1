"""Models of the import preview (no widgets; tested on their own).

`FileListModel`: one row per file (unit, period, status in words), ticked
when it can be applied — the user may untick; after Terapkan the status
column says what happened to each. `DetailModel`: what one file brings —
problems, warnings, changed values (old → new) and new values — each with its
`Formulir!F14` address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.core.kinerja.forms import FormProblem
from kinerja_desktop.services.kinerja_types import (
    DITOLAK,
    DUPLIKAT,
    SIAP,
    SUDAH,
    TANPA_PERUBAHAN,
    AppliedFile,
    FilePreview,
    ValueChange,
)

from .common import BAD, GOOD, LATE, WAIT
from .table_heads import Headed

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
STATUS_WORDS = {
    SIAP: "siap",
    TANPA_PERUBAHAN: "tanpa perubahan",
    SUDAH: "sudah diimpor",
    DUPLIKAT: "duplikat",
    DITOLAK: "ditolak",
}
STATUS_COLOURS = {SIAP: GOOD, TANPA_PERUBAHAN: GOOD, SUDAH: WAIT, DUPLIKAT: WAIT, DITOLAK: BAD}
APPLIED_WORDS = {
    "diterapkan": "diterapkan",
    "berubah": "tidak diterapkan: berubah sejak pratinjau",
    "sudah_diimpor": "tidak diterapkan: sudah diimpor",
}


class FileListModel(Headed, QAbstractTableModel):
    """Terapkan (tick), Berkas, Unit, Periode, Status, Ringkasan."""

    headers = ("Terapkan", "Berkas", "Unit", "Periode", "Status", "Ringkasan")
    COL_TICK, COL_FILE, COL_UNIT, COL_PERIODE, COL_STATUS, COL_SUMMARY = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.files: list[FilePreview] = []
        self.ticked: list[bool] = []
        self.applied: dict[str, AppliedFile] = {}

    def set_files(self, files: list[FilePreview]) -> None:
        self.beginResetModel()
        self.files = list(files)
        self.ticked = [f.can_apply for f in files]
        self.applied = {}
        self.endResetModel()

    def set_applied(self, results: list[AppliedFile]) -> None:
        self.beginResetModel()
        self.applied = {r.file_name: r for r in results}
        self.ticked = [False for _ in self.files]
        self.endResetModel()

    def accepted(self) -> list[FilePreview]:
        return [f for f, on in zip(self.files, self.ticked, strict=True) if on]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.files)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        f = self.files[index.row()] if index.isValid() else None
        if f is not None and index.column() == self.COL_TICK and f.can_apply and not self.applied:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def status_text(self, f: FilePreview) -> str:
        done = self.applied.get(f.file_name)
        if done is not None:
            return APPLIED_WORDS.get(done.status, done.status)
        return STATUS_WORDS.get(f.status, f.status)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f, column = self.files[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_TICK and f.can_apply:
            on = self.ticked[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            done = self.applied.get(f.file_name)
            return done.message if done and done.message else f.message
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column in (
            self.COL_STATUS,
            self.COL_SUMMARY,
        ):
            colours = STATUS_COLOURS.get(f.status, WAIT)
            done = self.applied.get(f.file_name)
            if done is not None and done.status != "diterapkan":
                colours = LATE
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return None

    def _text(self, f: FilePreview, column: int) -> str:
        if column == self.COL_TICK:
            return "" if f.can_apply else "—"
        if column == self.COL_FILE:
            return f.file_name
        if column == self.COL_UNIT:
            return f.unit or "tidak dikenali"
        if column == self.COL_PERIODE:
            return f.periode
        if column == self.COL_STATUS:
            return self.status_text(f)
        done = self.applied.get(f.file_name)
        if done is not None:
            if done.status == "diterapkan":
                return f"{done.baru} nilai baru, {done.ubah} nilai berubah disimpan"
            return done.message
        return f.message

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            index.isValid()
            and index.column() == self.COL_TICK
            and role == Qt.ItemDataRole.CheckStateRole
            and self.files[index.row()].can_apply
            and not self.applied
        ):
            self.ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        return False


@dataclass(frozen=True)
class DetailRow:
    jenis: str  # masalah, peringatan, berubah, baru
    where: str
    kode: str
    nama: str
    lama: str
    baru: str
    pesan: str


DETAIL_COLOURS = {"masalah": BAD, "peringatan": LATE, "berubah": WAIT, "baru": GOOD}


def _problem_row(p: FormProblem, kind: str) -> DetailRow:
    return DetailRow(kind, p.where or "—", "", "", "", "", p.message)


def _change_row(c: ValueChange, kind: str) -> DetailRow:
    where = f"{c.sheet}!{c.cell}" if c.sheet else c.cell
    note = "; ".join(x for x in (c.new.keterangan, c.new.bukti) if x)
    old = c.old.shown if c.old is not None else ""
    return DetailRow(kind, where, c.kode, c.nama, old, c.new.shown, note)


def detail_rows(f: FilePreview | None) -> list[DetailRow]:
    """Problems first, then warnings, changed values and new values."""
    if f is None:
        return []
    return [
        *(_problem_row(p, "masalah") for p in f.problems),
        *(_problem_row(p, "peringatan") for p in f.warnings),
        *(_change_row(c, "berubah") for c in f.changed),
        *(_change_row(c, "baru") for c in f.new),
    ]


class DetailModel(Headed, QAbstractTableModel):
    """Jenis, Sel, Kode, Indikator, Lama, Baru, Keterangan / pesan."""

    headers = ("Jenis", "Sel", "Kode", "Indikator", "Lama", "Baru", "Keterangan / pesan")
    COL_JENIS, COL_SEL, COL_KODE, COL_NAMA, COL_LAMA, COL_BARU, COL_PESAN = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DetailRow] = []

    def set_file(self, f: FilePreview | None) -> None:
        self.beginResetModel()
        self.rows = detail_rows(f)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        values = (row.jenis, row.where, row.kode, row.nama, row.lama, row.baru, row.pesan)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return values[index.column()] or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and (
            index.column() == self.COL_JENIS
        ):
            colours = DETAIL_COLOURS[row.jenis]
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return None
