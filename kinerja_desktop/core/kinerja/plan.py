"""The plan: a Renstra period as a tree Tujuan → Sasaran → Program → Kegiatan →
Sub Kegiatan, indicators hanging on its nodes, targets per year, pagu per
year, and the yearly Perjanjian Kinerja (PK) with its triwulan breakdown.

Plain records; `check_*` functions enforce the domain rules with Indonesian
messages. A target is a number (`nilai`) and, for a text-scale indicator,
its label (`teks`); None means "no target set", never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from ..errors import ValidationError
from .periods import MAX_YEAR, MIN_YEAR
from .rules import CalculationRule, ValueKind


class Level(StrEnum):
    TUJUAN = "tujuan"
    SASARAN = "sasaran"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"

    @property
    def label(self) -> str:
        return "Sub Kegiatan" if self is Level.SUB_KEGIATAN else self.value.capitalize()

    @property
    def depth(self) -> int:
        return list(Level).index(self)

    @property
    def indicator_kind(self) -> str:
        """What its indicators are called."""
        if self in (Level.TUJUAN, Level.SASARAN):
            return f"indikator {self.value}"
        return "outcome" if self is Level.PROGRAM else "output"

    @property
    def has_pagu(self) -> bool:
        return self in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def parse_level(text: str) -> Level:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Level(key)
    except ValueError:
        raise ValidationError(
            f"Tingkat '{text}' tidak dikenal; pilih Tujuan, Sasaran, Program, Kegiatan "
            "atau Sub Kegiatan."
        ) from None


@dataclass
class Renstra:
    nama: str
    tahun_awal: int
    tahun_akhir: int
    id: int | None = None

    @property
    def years(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))

    @property
    def label(self) -> str:
        return f"{self.nama} {self.tahun_awal}–{self.tahun_akhir}"


@dataclass
class PlanNode:
    """A Tujuan, Sasaran, Program, Kegiatan or Sub Kegiatan."""

    level: Level
    kode: str
    nama: str
    parent_id: int | None = None
    urutan: int = 0
    pagu: dict[int, float] = field(default_factory=dict)  # year -> Rupiah
    id: int | None = None


@dataclass(frozen=True)
class Target:
    nilai: float | None
    teks: str = ""

    @property
    def is_set(self) -> bool:
        return self.nilai is not None or bool(self.teks)


@dataclass
class Indicator:
    node_id: int | None
    kode: str
    nama: str
    satuan: str = ""
    definisi: str = ""
    formula: str = ""
    sumber_data: str = ""
    unit_id: int | None = None
    staff_id: int | None = None
    iku: bool = False
    baseline_tahun: int | None = None
    baseline: Target = field(default_factory=lambda: Target(None))
    targets: dict[int, Target] = field(default_factory=dict)  # year -> target
    rule: CalculationRule = field(default_factory=CalculationRule)
    urutan: int = 0
    id: int | None = None

    def target(self, tahun: int) -> Target:
        return self.targets.get(tahun, Target(None))


@dataclass
class PkItem:
    """One indicator of a PK: the yearly target and the rencana aksi per triwulan."""

    indicator_id: int
    target: Target
    triwulan: dict[int, Target] = field(default_factory=dict)  # 1..4 -> target


@dataclass
class PerjanjianKinerja:
    """A PK of one year for the Camat (unit_id None) or a cascaded one for a unit.

    `versi` 0 is the first PK; a PK Perubahan has versi 1, 2 … and an `alasan`;
    the PK it supersedes is kept and marked `digantikan`.
    """

    renstra_id: int
    tahun: int
    unit_id: int | None = None
    versi: int = 0
    alasan: str = ""
    tanggal: datetime | None = None
    items: list[PkItem] = field(default_factory=list)
    digantikan: bool = False
    id: int | None = None

    @property
    def label(self) -> str:
        kind = "PK Perubahan" if self.versi else "Perjanjian Kinerja"
        return f"{kind} {self.tahun}" + (f" (perubahan ke-{self.versi})" if self.versi > 1 else "")


def check_renstra(r: Renstra) -> Renstra:
    nama = r.nama.strip() or "Renstra"
    if not (MIN_YEAR <= r.tahun_awal <= r.tahun_akhir <= MAX_YEAR):
        raise ValidationError("Periode Renstra tidak sah: tahun awal harus ≤ tahun akhir.")
    if r.tahun_akhir - r.tahun_awal > 9:
        raise ValidationError("Periode Renstra paling lama 10 tahun.")
    return Renstra(nama, r.tahun_awal, r.tahun_akhir, r.id)


def check_node(node: PlanNode, parent: PlanNode | None, renstra: Renstra) -> None:
    if not node.nama.strip():
        raise ValidationError(f"Nama {node.level.label} harus diisi.")
    if parent is None and node.level is not Level.TUJUAN:
        raise ValidationError(f"{node.level.label} '{node.nama}' harus berada di bawah induknya.")
    if parent is not None and parent.level.depth + 1 != node.level.depth:
        raise ValidationError(
            f"{node.level.label} '{node.nama}' tidak dapat berada di bawah {parent.level.label}."
        )
    for year, value in node.pagu.items():
        if year not in renstra.years:
            raise ValidationError(f"Pagu tahun {year} di luar periode Renstra {renstra.label}.")
        if value < 0:
            raise ValidationError("Pagu anggaran tidak boleh negatif.")
    if node.pagu and not node.level.has_pagu:
        raise ValidationError("Pagu anggaran hanya untuk Program, Kegiatan dan Sub Kegiatan.")


def check_target(ind: Indicator, t: Target, where: str) -> Target:
    """A target as the rule reads it (scale labels mapped to their number)."""
    rule = ind.rule
    if rule.jenis_nilai is ValueKind.SKALA:
        if t.teks:
            nilai = rule.scale_value(t.teks)
            if nilai is None:
                raise ValidationError(
                    f"{where}: '{t.teks}' bukan tingkat skala ({rule.scale_text()})."
                )
            return Target(nilai, rule.scale_label(nilai))
        if t.nilai is not None:
            label = rule.scale_label(t.nilai)
            if not label:
                raise ValidationError(f"{where}: nilai {t.nilai} tidak ada di skala.")
            return Target(t.nilai, label)
        return Target(None)
    if t.teks and t.nilai is None:
        raise ValidationError(f"{where}: target '{t.teks}' bukan angka.")
    return Target(t.nilai)


def check_indicator(ind: Indicator, renstra: Renstra) -> Indicator:
    if not ind.nama.strip():
        raise ValidationError("Nama indikator harus diisi.")
    if ind.node_id is None:
        raise ValidationError(
            f"Indikator '{ind.nama}' harus menempel pada Tujuan/Sasaran/Program/Kegiatan."
        )
    for year in ind.targets:
        if year not in renstra.years:
            raise ValidationError(
                f"Indikator '{ind.nama}': target tahun {year} di luar periode {renstra.label}."
            )
    targets = {
        y: check_target(ind, t, f"Indikator '{ind.nama}', target {y}")
        for y, t in sorted(ind.targets.items())
    }
    baseline = check_target(ind, ind.baseline, f"Indikator '{ind.nama}', baseline")
    ind.targets = {y: t for y, t in targets.items() if t.is_set}
    ind.baseline = baseline
    ind.kode, ind.nama, ind.satuan = ind.kode.strip(), ind.nama.strip(), ind.satuan.strip()
    return ind
