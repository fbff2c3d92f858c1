"""What every report builder reads, read once per report inside one read
transaction: the office heading and signers, the Renstra of the year with
its tree and indicators, the current values of the years concerned, the
PK targets, the predikat and colour bands, and the user's texts.

The reporting period is always explicit; "today" appears only as the
default date of the signature (the clock passed in, never inside a figure).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TypeVar

from ..core.errors import ValidationError
from ..core.kinerja import laporan
from ..core.kinerja.capaian import Combined, TargetInfo, combine, target_for
from ..core.kinerja.laporan import Aturan, Kop, Pejabat
from ..core.kinerja.periods import Period, PeriodKind, parse_period
from ..core.kinerja.plan import Indicator, PlanNode, Renstra, Target
from ..core.kinerja.predikat import DEFAULT_PREDIKAT, DEFAULT_WARNA, ColourScale, PredikatScale
from ..core.kinerja.rules import CalculationRule
from ..core.office import SignerRole, Unit
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import reports as report_store
from .kinerja_corrections import official

PREDIKAT_KEY = "kinerja.predikat"
WARNA_KEY = "kinerja.warna"
TANGGAL = "tanggal_ttd"  # the signature date, a text of every report (ISO date)

Values = dict[tuple[int, int], dict[str, float | None]]
T = TypeVar("T")


@lru_cache(maxsize=4096)
def period_of(key: str) -> Period:
    return parse_period(key)


def predikat_scale() -> PredikatScale:
    raw = report_store.setting(PREDIKAT_KEY)
    return PredikatScale.from_dict(json.loads(raw)) if raw else DEFAULT_PREDIKAT


def colour_scale() -> ColourScale:
    raw = report_store.setting(WARNA_KEY)
    return ColourScale.from_dict(json.loads(raw)) if raw else DEFAULT_WARNA


def kop(tanggal: date) -> Kop:
    p = office_store.load_profile()
    return Kop(p.pemerintah, p.nama_kantor, p.alamat, p.kota_ttd, tanggal.isoformat())


def signer(role: SignerRole, plt: str = "") -> Pejabat:
    staff_id = office_store.signer_id(role)
    member = office_store.staff_by_id(staff_id) if staff_id is not None else None
    if member is None:
        return Pejabat(role.label, "", "", "", plt)
    return Pejabat(member.jabatan or role.label, member.nama, member.nip, member.pangkat, plt)


def unit_head(unit: Unit, plt: str = "") -> Pejabat:
    nama, jabatan, nip = official("kepala_seksi", unit)
    member = next((s for s in office_store.staff_list() if nip and s.nip == nip), None)
    return Pejabat(jabatan, nama, nip, member.pangkat if member else "", plt)


def signing_date(texts: Mapping[str, str], today: date) -> date:
    raw = texts.get(TANGGAL, "").strip()
    try:
        return date.fromisoformat(raw) if raw else today
    except ValueError:
        return today


@dataclass
class PlanContext:
    """The Renstra of a year: tree, indicators (plan order), units, PK targets, values."""

    renstra: Renstra
    nodes: list[PlanNode]
    indicators: list[Indicator]
    units: dict[int, str]
    pk: dict[int, dict[str, object]] = field(default_factory=dict)
    values: Values = field(default_factory=dict)
    predikat: PredikatScale = DEFAULT_PREDIKAT
    warna: ColourScale = DEFAULT_WARNA
    cache: ReadCache | None = None  # where the plan came from

    def target(self, ind: Indicator, period: Period) -> TargetInfo:
        pk = self.pk.get(ind.id or 0, {})
        tw = {n: pk[f"{period.tahun}-TW{n}"] for n in range(1, 5) if f"{period.tahun}-TW{n}" in pk}
        return target_for(
            ind.rule,
            period,
            ind.target(period.tahun),
            pk.get(str(period.tahun)),
            tw,  # type: ignore[arg-type]
        )

    def targets(self, period: Period) -> dict[int, TargetInfo]:
        """indicator id → `target(ind, period)` of every indicator (kept in the read
        cache with the plan they come from)."""
        if self.cache is None:
            return self._targets(period)
        key = ("targets", self.renstra.id, period.key)
        return self.cache.get(key, (report_store.PLAN_PART,), lambda: self._targets(period))

    def _targets(self, period: Period) -> dict[int, TargetInfo]:
        """Those without a PK target share one TargetInfo per Renstra target."""
        out: dict[int, TargetInfo] = {}
        plain: dict[int, TargetInfo] = {}  # by the Target's identity (the store shares them)
        year, pk = period.tahun, self.pk
        none = Target(None)
        for ind in self.indicators:
            if ind.id in pk:
                out[ind.id] = self.target(ind, period)
                continue
            renstra = ind.targets.get(year, none)
            info = plain.get(id(renstra))
            if info is None:
                info = plain[id(renstra)] = target_for(ind.rule, period, renstra)
            out[ind.id or 0] = info
        return out

    def realisasi(self, ind: Indicator, unit_id: int, periods: list[Period]) -> Combined:
        return combine(ind.rule, periods, self.values.get((ind.id or 0, unit_id), {}))

    def unit_of(self, ind: Indicator) -> int:
        """The unit whose values count for `ind` (its own; else the one that sent values)."""
        if ind.unit_id is not None:
            return ind.unit_id
        found = [u for (i, u) in self.values if i == ind.id]
        return found[0] if found else 0


class ReadCache:
    """What the report builders read, kept while it does not change: a window that
    builds the same year again (another period, the trend, another report) reads
    the plan and the values once, and after a correction of one year reads that
    year's values alone. Each entry carries the tokens of the parts it was read
    from (`report_store.data_versions`, renewed by triggers in the same
    transaction as every change): a write of this session or of another
    program, and the undoing of a rolled-back one, make them differ."""

    LIMIT = 32  # entries (the largest, a year's values of a large office: some 10 MB)

    def __init__(self) -> None:
        self._items: dict[tuple, tuple[tuple[int | None, ...], object]] = {}

    def get(self, key: tuple, parts: tuple[str, ...], make: Callable[[], T]) -> T:
        versions = report_store.data_versions()
        tokens = tuple(versions.get(p) for p in parts)
        found = self._items.get(key)
        if found is not None and found[0] == tokens:
            return found[1]  # type: ignore[return-value]
        value = make()
        if len(self._items) >= self.LIMIT:
            self._items.clear()
        self._items[key] = (tokens, value)
        return value


def cached(cache: ReadCache | None, key: tuple, parts: tuple[str, ...], make: Callable[[], T]) -> T:
    """`make()`, or what `cache` kept of it while `parts` did not change."""
    return make() if cache is None else cache.get(key, parts, make)


@dataclass(frozen=True)
class _Plan:
    renstra: Renstra
    nodes: list[PlanNode]
    indicators: list[Indicator]
    units: dict[int, str]
    pk: dict[int, dict[str, Target]]
    predikat: PredikatScale
    warna: ColourScale


def _read_plan(tahun: int) -> _Plan:
    renstra = plan_store.renstra_for_year(tahun)
    if renstra is None or renstra.id is None:
        raise ValidationError(f"Belum ada Renstra yang mencakup tahun {tahun}.")
    nodes = plan_store.nodes(renstra.id)
    order = {n.id: i for i, n in enumerate(nodes)}
    indicators = sorted(
        plan_store.indicators(renstra.id),
        key=lambda i: (order.get(i.node_id, 0), i.urutan, i.id or 0),
    )
    units = {u.id or 0: u.nama for u in office_store.units()}
    pk = report_store.pk_targets_of_year(tahun)
    return _Plan(renstra, nodes, indicators, units, pk, predikat_scale(), colour_scale())


def plan_context(
    tahun: int, first: int | None = None, last: int | None = None, cache: ReadCache | None = None
) -> PlanContext:
    """The Renstra covering `tahun`, with the values of years `first` … `last`
    (default: that year) and the PK targets of `tahun` (from `cache` when given)."""
    plan = cached(cache, ("plan", tahun), (report_store.PLAN_PART,), lambda: _read_plan(tahun))
    ctx = PlanContext(plan.renstra, plan.nodes, plan.indicators, plan.units)
    ctx.pk = plan.pk  # type: ignore[assignment]
    ctx.values = read_values(first or tahun, last or tahun, cache=cache)
    ctx.predikat, ctx.warna, ctx.cache = plan.predikat, plan.warna, cache
    return ctx


def read_values(
    first: int, last: int, within: Period | None = None, cache: ReadCache | None = None
) -> Values:
    """Current values of the years, by indicator × unit; only those inside `within`."""
    parts = tuple(report_store.values_part(y) for y in range(first, last + 1))
    return cached(
        cache, ("values", first, last, within), parts, lambda: _read_values(first, last, within)
    )


def _read_values(first: int, last: int, within: Period | None) -> Values:
    out: Values = {}
    keep: dict[str, bool] = {}
    for ind, unit, key, nilai in report_store.values_of_years(first, last):
        inside = keep.get(key)
        if inside is None:
            inside = keep[key] = within is None or within.contains(period_of(key))
        if inside:
            pair = (ind, unit)
            found = out.get(pair)
            if found is None:
                out[pair] = {key: nilai}
            else:
                found[key] = nilai
    return out


def require_triwulan(periode: str) -> Period:
    period = parse_period(periode)
    if period.jenis is not PeriodKind.TRIWULAN:
        raise ValidationError(
            f"Evaluasi Renja dibuat per triwulan (mis. {period.tahun}-TW2), bukan {period.label}."
        )
    return period


def report_key(jenis: str, periode: str) -> str:
    if jenis not in laporan.REPORT_TYPES:
        raise ValidationError(f"Jenis laporan '{jenis}' tidak dikenal.")
    return periode


def aturan_of(rule: CalculationRule, made: dict[int, Aturan]) -> Aturan:
    """`Aturan.of(rule)`, once per rule."""
    found = made.get(id(rule))
    if found is None:
        found = made[id(rule)] = Aturan.of(rule)
    return found
