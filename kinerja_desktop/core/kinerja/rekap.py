"""The recap of one period: every indicator × unit with its target, realisasi,
capaian, predikat and the formula used, rolled up by sasaran, program, unit
and the whole Kecamatan.

Plain inputs (the services read them): the indicators in plan order, the
plan's nodes (for the sasaran and program an indicator sits under), unit
names, the stored values per indicator × unit as {period key: nilai}, the
target of the period per indicator. A roll-up is the mean of the capaian
of its indicators that have one; how many had none is part of it, so a
report can say "2 dari 9 indikator belum dapat dihitung".
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .capaian import Capaian, Combined, SpanWithParts, TargetInfo, capaian, combine
from .periods import Period
from .plan import Indicator, Level, PlanNode
from .predikat import DEFAULT_PREDIKAT, DEFAULT_WARNA, ColourScale, PredikatScale
from .rules import ValueKind

SASARAN, PROGRAM, UNIT, KECAMATAN = "sasaran", "program", "unit", "kecamatan"
TINGKAT = (SASARAN, PROGRAM, UNIT, KECAMATAN)

Ref = tuple[str, str]  # (kode, nama) of a plan node


@dataclass(frozen=True)
class Placement:
    """The sasaran and program (if any) above a node, itself included."""

    sasaran: Ref | None = None
    program: Ref | None = None


def placements(nodes: Sequence[PlanNode]) -> dict[int, Placement]:
    """node id → its sasaran and program (nodes given parents before children)."""
    out: dict[int, Placement] = {}
    for node in nodes:
        above = out.get(node.parent_id or -1, Placement())
        ref = (node.kode, node.nama)
        if node.level is Level.SASARAN:
            above = Placement(ref, None)
        elif node.level is Level.PROGRAM:
            above = Placement(above.sasaran, ref)
        if node.id is not None:
            out[node.id] = above
    return out


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class RekapRow:
    indicator_id: int
    kode: str
    nama: str
    satuan: str
    unit_id: int | None
    unit: str
    iku: bool
    aturan: str  # CalculationRule.describe()
    target: TargetInfo
    realisasi: Combined
    realisasi_teks: str  # the scale label of the realisasi ('' when not a scale level)
    capaian: Capaian
    predikat: str
    warna: str
    sasaran: Ref | None
    program: Ref | None


@dataclass(frozen=True)
class Rollup:
    tingkat: str  # sasaran, program, unit, kecamatan
    kode: str
    nama: str
    jumlah: int  # indicator rows in the group
    dihitung: int  # rows with a capaian
    rata_rata: float | None
    predikat: str
    warna: str

    @property
    def note(self) -> str:
        missing = self.jumlah - self.dihitung
        return f"{missing} dari {self.jumlah} indikator belum dapat dihitung" if missing else ""


@dataclass(frozen=True)
class Rekap:
    periode: Period
    rows: list[RekapRow]
    rollups: list[Rollup] = field(default_factory=list)
    predikat: PredikatScale = DEFAULT_PREDIKAT

    def of(self, tingkat: str) -> list[Rollup]:
        return [r for r in self.rollups if r.tingkat == tingkat]

    @property
    def kecamatan(self) -> Rollup:
        return self.of(KECAMATAN)[0]


@dataclass(frozen=True)
class RekapInput:
    periode: Period
    indicators: Sequence[Indicator]  # in plan order
    nodes: Sequence[PlanNode]
    units: Mapping[int, str]  # id → name, in the office's order
    values: Mapping[tuple[int, int], Mapping[str, float | None]]  # (indicator, unit) → values
    targets: Mapping[int, TargetInfo]
    predikat: PredikatScale = DEFAULT_PREDIKAT
    warna: ColourScale = DEFAULT_WARNA
    kecamatan: str = "Kecamatan"


def _units_of(
    ind: Indicator, by_indicator: dict[int, list[int]], order: dict[int, int]
) -> list[int]:
    """The units with values of `ind`; its own unit when none has any."""
    found = list(by_indicator.get(ind.id or 0, []))
    if not found and ind.unit_id is not None:
        found = [ind.unit_id]
    return sorted(found, key=lambda u: order.get(u, len(order)))


def _measured(
    data: RekapInput,
) -> Iterator[tuple[Indicator, int | None, TargetInfo, Combined, Capaian]]:
    """Per indicator × unit, in report order: target, combined realisasi, capaian."""
    by_indicator: dict[int, list[int]] = {}
    for ind_id, unit_id in data.values:
        by_indicator.setdefault(ind_id, []).append(unit_id)
    order = {u: i for i, u in enumerate(data.units)}
    span = [data.periode]
    for ind in data.indicators:
        if ind.id is None:
            continue
        target = data.targets.get(ind.id, TargetInfo(None, "", "target belum ditetapkan"))
        units: list[int | None] = [*_units_of(ind, by_indicator, order)] or [None]
        for unit_id in units:
            values = data.values.get((ind.id, unit_id or 0), {})
            real = combine(ind.rule, span, values)
            yield ind, unit_id, target, real, capaian(ind.rule, target.nilai, real.nilai)


def kecamatan_mean(data: RekapInput) -> float | None:
    """The Kecamatan's mean capaian of `data.periode` alone (a trend point), the
    same figure as `build_rekap(data).kecamatan.rata_rata` without the rows."""
    found = [m[4].persen for m in _measured(data) if m[4].persen is not None]
    return math.fsum(found) / len(found) if found else None


_NO_TARGET = TargetInfo(None, "", "target belum ditetapkan")
TrendInput = tuple[Period, Mapping[int, TargetInfo]]  # a trend period and its targets


class _Rows:
    """What every row of one recap shares, computed once per rule or capaian
    (rules are few, capaian values repeat): its text, formula, bands."""

    def __init__(self, data: RekapInput) -> None:
        self.data = data
        self.place = placements(data.nodes)
        self.described: dict[int, str] = {}
        self.bands: dict[float | None, tuple[str, str]] = {}

    def row(
        self, ind: Indicator, unit_id: int | None, target: TargetInfo, real: Combined
    ) -> RekapRow:
        rule, data = ind.rule, self.data
        cap = capaian(rule, target.nilai, real.nilai)
        where = self.place.get(ind.node_id or -1, _NOWHERE)
        label = ""
        if rule.jenis_nilai is ValueKind.SKALA and real.nilai is not None:
            label = rule.scale_label(real.nilai)
        rule_text = self.described.get(id(rule))
        if rule_text is None:
            rule_text = self.described[id(rule)] = rule.describe()
        persen = cap.persen
        band = self.bands.get(persen)
        if band is None:
            band = self.bands[persen] = (data.predikat.of(persen), data.warna.of(persen))
        unit = data.units.get(unit_id or 0, "") if unit_id is not None else ""
        return RekapRow(
            ind.id or 0, ind.kode, ind.nama, ind.satuan, unit_id, unit, ind.iku, rule_text,
            target, real, label, cap, band[0], band[1], where.sasaran, where.program,
        )  # fmt: skip


_NOWHERE = Placement()


def rekap_with_trend(
    data: RekapInput, trend: Sequence[TrendInput] = ()
) -> tuple[Rekap, list[float | None]]:
    """`build_rekap(data)` and, in the same pass over the values, the Kecamatan mean
    capaian of each trend period (each the figure `kecamatan_mean` gives for that
    period with its own targets)."""
    by_indicator: dict[int, list[int]] = {}
    for ind_id, unit_id in data.values:
        by_indicator.setdefault(ind_id, []).append(unit_id)
    order = {u: i for i, u in enumerate(data.units)}
    maker = _Rows(data)
    rows: list[RekapRow] = []
    found: list[list[float]] = [[] for _ in trend]
    both = SpanWithParts([data.periode], [p for p, _ in trend])
    empty: dict[str, float | None] = {}
    for ind in data.indicators:
        if ind.id is None:
            continue
        rule = ind.rule
        target = data.targets.get(ind.id, _NO_TARGET)
        targets = [t.get(ind.id, _NO_TARGET).nilai for _p, t in trend]
        units: list[int | None] = [*_units_of(ind, by_indicator, order)] or [None]
        for unit_id in units:
            values = data.values.get((ind.id, unit_id or 0), empty)
            real, parts = both.combine(rule, values)
            rows.append(maker.row(ind, unit_id, target, real))
            for i, (t, r) in enumerate(zip(targets, parts, strict=True)):
                if t is not None:
                    persen = rule.capaian(t, r)
                    if persen is not None:
                        found[i].append(persen)
    means = [math.fsum(f) / len(f) if f else None for f in found]
    return Rekap(data.periode, rows, rollups(rows, data), data.predikat), means


def build_rekap(data: RekapInput) -> Rekap:
    """The recap of `data.periode` (see the module docstring)."""
    return rekap_with_trend(data)[0]


def _rollup(tingkat: str, ref: Ref, rows: list[RekapRow], data: RekapInput) -> Rollup:
    found = [r.capaian.persen for r in rows if r.capaian.persen is not None]
    mean = math.fsum(found) / len(found) if found else None
    return Rollup(
        tingkat,
        ref[0],
        ref[1],
        len(rows),
        len(found),
        mean,
        data.predikat.of(mean),
        data.warna.of(mean),
    )


def rollups(rows: list[RekapRow], data: RekapInput) -> list[Rollup]:
    """Mean capaian by sasaran, program and unit (first-seen order), then the Kecamatan."""
    groups: dict[tuple[str, Ref], list[RekapRow]] = {}
    for row in rows:
        if row.sasaran is not None:
            groups.setdefault((SASARAN, row.sasaran), []).append(row)
        if row.program is not None:
            groups.setdefault((PROGRAM, row.program), []).append(row)
    by_unit: dict[tuple[str, Ref], list[RekapRow]] = {}
    for row in rows:
        ref = (str(row.unit_id or ""), row.unit or "(tanpa unit)")
        by_unit.setdefault((UNIT, ref), []).append(row)
    order = {u: i for i, u in enumerate(data.units)}
    units = sorted(by_unit.items(), key=lambda kv: order.get(int(kv[0][1][0] or 0), len(order)))
    out = [_rollup(t, ref, members, data) for (t, ref), members in groups.items()]
    out.sort(key=lambda r: TINGKAT.index(r.tingkat))
    out += [_rollup(t, ref, members, data) for (t, ref), members in units]
    out.append(_rollup(KECAMATAN, ("", data.kecamatan), rows, data))
    return out
