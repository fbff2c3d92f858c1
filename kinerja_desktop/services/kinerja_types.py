"""What the data-kinerja services hand to the CLI and the window.

Plain dataclasses of core values; the window (part 2 of the issue: the
screens) shows these and calls the services with them. "Not filled in" is
`nilai is None` throughout; `ValueText.shown` prints it as "—".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.kinerja.forms import FormProblem, Round
from ..core.kinerja.plan import Indicator, PlanNode, Renstra
from ..core.kinerja.values import number_text
from ..store.kinerja.values import NewValue

# FilePreview.status
SIAP = "siap"  # can be applied: new or changed values, or a first return without changes
DITOLAK = "ditolak"  # has problems: nothing of it will be written
SUDAH = "sudah_diimpor"  # this very file (same hash) was applied before: nothing to do
DUPLIKAT = "duplikat"  # the same file twice in this import
TANPA_PERUBAHAN = "tanpa_perubahan"  # a new file, but every value is as stored


@dataclass(frozen=True)
class PlanTree:
    renstra: Renstra
    nodes: list[PlanNode]  # parents before children
    indicators: list[Indicator]

    def indicators_of(self, node_id: int | None) -> list[Indicator]:
        return [i for i in self.indicators if i.node_id == node_id]


@dataclass(frozen=True)
class ValueText:
    """A value with its notes; nilai None = not filled in."""

    nilai: float | None
    teks: str = ""
    keterangan: str = ""
    bukti: str = ""

    @property
    def shown(self) -> str:
        return self.teks or number_text(self.nilai)


@dataclass(frozen=True)
class ValueChange:
    """One value a file brings: new (old None) or changing an existing one."""

    indicator_id: int
    kode: str
    nama: str
    sheet: str
    cell: str
    new: ValueText
    old: ValueText | None = None


@dataclass
class FilePreview:
    """One file (or one paper entry) as the import would apply it."""

    path: Path | None
    file_name: str
    file_hash: str
    status: str
    round_id: int | None = None
    periode: str = ""
    unit_id: int | None = None
    unit: str = ""
    filled_at: datetime | None = None
    sumber: str = "berkas"  # or "entri" (paper form typed into the window)
    new: list[ValueChange] = field(default_factory=list)
    changed: list[ValueChange] = field(default_factory=list)
    unchanged: int = 0
    problems: list[FormProblem] = field(default_factory=list)
    warnings: list[FormProblem] = field(default_factory=list)
    form_id: int | None = None
    # refused only because a newer file of the unit exists: not a problem of the unit
    superseded: bool = False
    state_token: str = ""
    to_write: list[NewValue] = field(default_factory=list, repr=False)

    @property
    def can_apply(self) -> bool:
        return self.status in (SIAP, TANPA_PERUBAHAN)

    @property
    def message(self) -> str:
        """One Indonesian line for lists."""
        if self.status == DITOLAK:
            return f"ditolak: {self.problems[0]}" if self.problems else "ditolak"
        if self.status == SUDAH:
            return "sudah diimpor sebelumnya; tidak ada yang berubah"
        if self.status == DUPLIKAT:
            return str(self.problems[0]) if self.problems else "berkas ganda"
        if self.status == TANPA_PERUBAHAN:
            return "semua nilai sama dengan yang tersimpan"
        return f"{len(self.new)} nilai baru, {len(self.changed)} nilai berubah"


@dataclass
class ImportPreview:
    files: list[FilePreview]

    @property
    def ready(self) -> list[FilePreview]:
        return [f for f in self.files if f.can_apply]


@dataclass(frozen=True)
class AppliedFile:
    file_name: str
    import_id: int | None
    baru: int
    ubah: int
    status: str  # "diterapkan", or why not: "berubah", "sudah_diimpor"
    message: str = ""


@dataclass(frozen=True)
class WrittenForm:
    unit_id: int
    unit: str
    path: Path
    checksum: str
    jumlah_indikator: int


@dataclass(frozen=True)
class UnitStatus:
    unit_id: int
    unit: str
    status: str  # "belum_kembali", "kembali", "bermasalah"
    terlambat: bool
    formulir: bool  # a form was written for it
    terisi: int  # values filled in (not None) for the period
    jumlah: int  # indicators on its form
    terakhir: datetime | None
    masalah: list[str]

    @property
    def label(self) -> str:
        text = {
            "belum_kembali": "belum kembali",
            "kembali": "sudah kembali",
            "bermasalah": "bermasalah",
        }[self.status]
        return text + (" (terlambat)" if self.terlambat else "")


@dataclass(frozen=True)
class RoundStatus:
    round: Round
    units: list[UnitStatus]
    tanggal: date

    @property
    def complete(self) -> bool:
        return bool(self.units) and all(u.status == "kembali" for u in self.units)


@dataclass(frozen=True)
class ValueView:
    """A stored value with its indicator, unit and source (for `kinerja nilai`)."""

    value_id: int
    indicator_id: int
    kode: str
    nama: str
    unit_id: int
    unit: str
    periode: str
    nilai: float | None
    teks: str
    keterangan: str
    bukti: str
    jenis: str
    file_name: str
    sheet: str
    cell: str
    file_hash: str
    recorded_at: datetime
    import_id: int | None
    status_validasi: str
    menggantikan_id: int | None


@dataclass(frozen=True)
class EntryRow:
    """One row of the paper-entry grid (the same rows as the unit's form)."""

    indicator_id: int
    kode: str
    nama: str
    satuan: str
    target: str
    aturan: str
    skala: tuple[str, ...]
    row: int
    current: ValueText | None


@dataclass(frozen=True)
class EntryForm:
    round: Round
    unit_id: int
    unit: str
    rows: list[EntryRow]
