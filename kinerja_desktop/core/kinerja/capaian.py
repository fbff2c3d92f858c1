"""Capaian of one indicator for an explicit period, with the formula used and
why a figure is missing — never computed from the system date.

The formulas themselves live in `rules.CalculationRule` (`capaian`,
`aggregate`): this module applies them to periods and says what it did.

* `combine(rule, periods, values)` gathers the stored values inside the
  periods (a value recorded for a period itself wins over its months; a
  year is made of its semesters, a semester of its triwulans, a triwulan of
  its months), combines the filled ones by the indicator's rule and names the
  periods that are missing instead of counting them as 0;
* `target_for(rule, period, …)` is the target of a period: the PK's (yearly,
  or the rencana aksi of a triwulan), combined by the rule for a semester,
  else the Renstra target of the year — the same target the unit's form
  showed — and where it came from;
* `capaian(rule, target, realisasi)` the percentage, the formula as printed
  next to it ("R/T × 100", "(2T − R)/T × 100, min. 0", "T/R × 100") and a
  note when it cannot be computed (T = 0, R = 0 by T/R, nothing filled in).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from .periods import ROMAN, Period, PeriodKind, parse_period
from .plan import Target
from .rules import Aggregation, CalculationRule, NegativeFormula, Polarity, ValueKind

HUNDREDTH = Decimal("0.01")


def rounded(persen: float) -> Decimal:
    """A percentage to two decimals, half up, from its shortest decimal form:
    90.00000000000001 → 90.00, 89.995 → 90.00. Display and predikat use it,
    so the figure printed and the band it falls in always agree."""
    return Decimal(repr(float(persen))).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def persen_text(persen: float | None, empty: str = "—") -> str:
    """'120,00' (two decimals, Indonesian comma); `empty` for None."""
    if persen is None:
        return empty
    text = f"{rounded(persen):,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


# -- periods ------------------------------------------------------------------------


def children(period: Period) -> list[Period]:
    """The periods a period is made of: year → semesters → triwulans → months."""
    t = period.tahun
    if period.jenis is PeriodKind.TAHUN:
        return [Period(t, PeriodKind.SEMESTER, n) for n in (1, 2)]
    if period.jenis is PeriodKind.SEMESTER:
        first = 2 * period.nomor - 1
        return [Period(t, PeriodKind.TRIWULAN, n) for n in (first, first + 1)]
    if period.jenis is PeriodKind.TRIWULAN:
        first = 3 * period.nomor - 2
        return [Period(t, PeriodKind.BULAN, m) for m in range(first, first + 3)]
    return []


_DEPTH = {PeriodKind.TAHUN: 0, PeriodKind.SEMESTER: 1, PeriodKind.TRIWULAN: 2, PeriodKind.BULAN: 3}


def short_label(period: Period) -> str:
    """TW II, S I, Jul, 2026 — for notes listing several periods."""
    if period.jenis is PeriodKind.TRIWULAN:
        return f"TW {ROMAN[period.nomor - 1]}"
    if period.jenis is PeriodKind.SEMESTER:
        return f"S {ROMAN[period.nomor - 1]}"
    if period.jenis is PeriodKind.BULAN:
        return period.label.split()[0][:3]
    return str(period.tahun)


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class Combined:
    """A realisasi combined over periods: `nilai` None when nothing is filled in.

    `dipakai`: the period keys whose values were used, in time order;
    `hilang`: the periods inside the span that have no value (at the finest
    level the data has), so a report can say "TW III belum diisi".
    """

    nilai: float | None
    dipakai: tuple[str, ...] = ()
    hilang: tuple[str, ...] = ()

    @property
    def lengkap(self) -> bool:
        return self.nilai is not None and not self.hilang

    def note(self) -> str:
        """'belum diisi: TW III, TW IV' ('' when complete)."""
        if not self.hilang:
            return ""
        names = ", ".join(short_label(parse_period(k)) for k in self.hilang)
        return f"belum diisi: {names}"


@dataclass(frozen=True, eq=False)  # one node per period (cached): identity is equality
class _Node:
    """A period with what combining needs of it, computed once per period: its
    key, depth, the months it covers and the periods it is made of."""

    period: Period
    key: str
    depth: int
    months: frozenset[tuple[int, int]]
    kids: tuple[_Node, ...]
    upper: frozenset[str]  # its key and those of its parts longer than a month
    bulan: tuple[_Node, ...]  # its months, in order
    month_keys: tuple[str, ...]  # their keys


@cache
def _node(period: Period) -> _Node:
    a, b = period.months
    covered = frozenset((period.tahun, m) for m in range(a, b + 1))
    kids = tuple(_node(c) for c in children(period))
    if not kids:
        upper: frozenset[str] = frozenset()
        bulan: tuple[_Node, ...] = ()
    else:
        upper = frozenset({period.key}).union(*(k.upper for k in kids))
        bulan = tuple(m for k in kids for m in (k.bulan or (k,)))
    keys = tuple(m.key for m in bulan)
    return _Node(period, period.key, _DEPTH[period.jenis], covered, kids, upper, bulan, keys)


def _leaves(node: _Node, values: Mapping[str, float | None], out: list[_Node]) -> None:
    """The node if it has a value, else its parts', depth first (in time order)."""
    if node.bulan and node.upper.isdisjoint(values):  # monthly data only: no walk
        out.extend(m for m in node.bulan if values.get(m.key) is not None)
        return
    if values.get(node.key) is not None:
        out.append(node)
        return
    for kid in node.kids:
        _leaves(kid, values, out)


@cache
def _expected(node: _Node, depth: int) -> tuple[_Node, ...]:
    if node.depth >= depth:
        return (node,)
    return tuple(e for kid in node.kids for e in _expected(kid, depth))


def _monthly(spans: list[_Node], values: Mapping[str, float | None]) -> tuple[str, ...] | None:
    """The month keys of the spans, in order, when the values hold nothing longer
    than a month for them (the usual data: then combining is a plain pass over
    months); None otherwise."""
    if len(spans) == 1:
        span = spans[0]
        return span.month_keys if span.bulan and span.upper.isdisjoint(values) else None
    if all(s.bulan and s.upper.isdisjoint(values) for s in spans):
        return tuple(k for s in spans for k in s.month_keys)
    return None


def combine(
    rule: CalculationRule, periods: Iterable[Period], values: Mapping[str, float | None]
) -> Combined:
    """The realisasi over `periods` (in time order) from `values` {period key: nilai}."""
    spans = [_node(p) for p in periods]
    months = _monthly(spans, values)
    if months is not None:  # the same figures as the walk below, without it
        get = values.get
        used = tuple([k for k in months if get(k) is not None])
        if not used:
            return Combined(None, (), tuple(n.key for n in spans))
        hilang = tuple([k for k in months if get(k) is None]) if len(used) < len(months) else ()
        return Combined(rule.aggregate([values[k] for k in used]), used, hilang)
    return _walk(rule, spans, values)


def _walk(
    rule: CalculationRule, spans: list[_Node], values: Mapping[str, float | None]
) -> Combined:
    """`combine` for any data: each span's value, else its parts', depth first."""
    leaves: list[_Node] = []
    for span in spans:
        _leaves(span, values, leaves)
    if not leaves:
        return Combined(None, (), tuple(n.key for n in spans))
    nilai = rule.aggregate(values[n.key] for n in leaves)
    depth = max(n.depth for n in leaves)
    covered = leaves[0].months.union(*(n.months for n in leaves[1:]))
    hilang = tuple(
        e.key for span in spans for e in _expected(span, depth) if not e.months <= covered
    )
    return Combined(nilai, tuple(n.key for n in leaves), hilang)


class EachPeriod:
    """Several periods, each combined on its own (`combine(rule, [p], values).nilai`
    for every p), for many indicators in turn: a trend, the years of a Renstra.
    What the periods are made of is worked out once, so an indicator with monthly
    data costs one check and a pass over each period's months."""

    def __init__(self, periods: Sequence[Period]) -> None:
        self.periods = list(periods)
        nodes = [_node(p) for p in self.periods]
        self.upper = frozenset().union(*(n.upper for n in nodes))
        self.months = [n.month_keys for n in nodes] if all(n.bulan for n in nodes) else None

    def values(
        self, rule: CalculationRule, values: Mapping[str, float | None]
    ) -> list[float | None]:
        if self.months is not None and self.upper.isdisjoint(values):
            get, aggregate = values.get, rule.aggregate
            return [aggregate([get(k) for k in keys]) for keys in self.months]
        return [combine(rule, [p], values).nilai for p in self.periods]


class SpanWithParts:
    """`combine(rule, span, values)` and `EachPeriod(parts).values(rule, values)`
    together — a recap's year and its triwulans, an Evaluasi's year so far and
    its triwulans: when the parts lie inside the span and the values are
    monthly, each month is looked up once for both."""

    def __init__(self, span: Sequence[Period], parts: Sequence[Period]) -> None:
        self.span = list(span)
        self.each = EachPeriod(parts)
        nodes = [_node(p) for p in self.span]
        self.upper = frozenset().union(*(n.upper for n in nodes)) | self.each.upper
        self.keys = tuple(k for n in nodes for k in n.month_keys)
        where = {k: i for i, k in enumerate(self.keys)}
        months = self.each.months
        inside = all(n.bulan for n in nodes) and months is not None
        inside = inside and all(k in where for keys in months or () for k in keys)
        self.slices = [[where[k] for k in keys] for keys in months or ()] if inside else None

    def combine(
        self, rule: CalculationRule, values: Mapping[str, float | None]
    ) -> tuple[Combined, list[float | None]]:
        if self.slices is None or not self.upper.isdisjoint(values):
            return combine(rule, self.span, values), self.each.values(rule, values)
        get, aggregate = values.get, rule.aggregate
        got = [get(k) for k in self.keys]
        parts = [aggregate([got[i] for i in slice_]) for slice_ in self.slices]
        used = tuple([k for k, v in zip(self.keys, got, strict=True) if v is not None])
        if not used:
            return Combined(None, (), tuple(p.key for p in self.span)), parts
        hilang = ()
        if len(used) < len(got):
            hilang = tuple([k for k, v in zip(self.keys, got, strict=True) if v is None])
        filled = [v for v in got if v is not None]
        return Combined(aggregate(filled), used, hilang), parts


def year_to(period: Period) -> list[Period]:
    """The triwulans from January to the end of `period` (a triwulan or shorter: its
    triwulan; a semester: its triwulans; a year: all four) — "s/d TW II"."""
    last = period.months[1]
    return [Period(period.tahun, PeriodKind.TRIWULAN, n) for n in range(1, (last - 1) // 3 + 2)]


# -- targets -----------------------------------------------------------------------


@dataclass(frozen=True)
class TargetInfo:
    """The target of a period and where it comes from ("PK 2026", "Renstra 2026" …)."""

    nilai: float | None
    teks: str = ""
    sumber: str = ""

    @property
    def is_set(self) -> bool:
        return self.nilai is not None


def target_for(
    rule: CalculationRule,
    period: Period,
    renstra: Target,
    pk_year: Target | None = None,
    pk_tw: Mapping[int, Target] | None = None,
) -> TargetInfo:
    """The target of `period` (see the module docstring); nilai None = not set."""
    pk_tw = pk_tw or {}
    if period.jenis is PeriodKind.TAHUN and pk_year is not None and pk_year.nilai is not None:
        return TargetInfo(pk_year.nilai, pk_year.teks, f"PK {period.tahun}")
    if period.jenis is PeriodKind.TRIWULAN:
        t = pk_tw.get(period.nomor)
        if t is not None and t.nilai is not None:
            return TargetInfo(t.nilai, t.teks, f"rencana aksi {short_label(period)}")
    if period.jenis is PeriodKind.SEMESTER:
        parts = [pk_tw.get(p.nomor) for p in children(period)]
        if all(t is not None and t.nilai is not None for t in parts):
            nilai = rule.aggregate(t.nilai for t in parts if t is not None)
            label = rule.scale_label(nilai) if rule.jenis_nilai is ValueKind.SKALA else ""
            sumber = f"rencana aksi {short_label(period)} ({rule.agregasi.label})"
            return TargetInfo(nilai, label, sumber)
    if renstra.nilai is not None:
        return TargetInfo(renstra.nilai, renstra.teks, f"Renstra {period.tahun}")
    return TargetInfo(None, "", "target belum ditetapkan")


# -- capaian -----------------------------------------------------------------------


def formula_text(rule: CalculationRule) -> str:
    """The formula as printed next to the figure."""
    if rule.polaritas is Polarity.POSITIF:
        text = "R/T × 100"
    elif rule.rumus_negatif is NegativeFormula.SELISIH:
        text = "(2T − R)/T × 100, min. 0"
    else:
        text = "T/R × 100"
    return text + (" (nilai skala)" if rule.jenis_nilai is ValueKind.SKALA else "")


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class Capaian:
    """A capaian in percent (None: not computed), the formula and why not."""

    persen: float | None
    rumus: str
    catatan: str = ""

    @property
    def shown(self) -> str:
        return persen_text(self.persen)


def _why_not(rule: CalculationRule, target: float | None, realisasi: float | None) -> str:
    if target is None:
        return "target belum ditetapkan"
    if realisasi is None:
        return "realisasi belum diisi"
    negatif_bagi = rule.polaritas is Polarity.NEGATIF and rule.rumus_negatif is NegativeFormula.BAGI
    if negatif_bagi and realisasi == 0:
        return "R = 0: T/R tidak terdefinisi (pembagian dengan nol); capaian tidak dihitung"
    return "T = 0: pembagian dengan nol; capaian tidak dihitung"


def capaian(rule: CalculationRule, target: float | None, realisasi: float | None) -> Capaian:
    """Capaian of `realisasi` against `target` by the indicator's rule."""
    rumus = formula_text(rule)
    persen = rule.capaian(target, realisasi)
    if persen is None:
        return Capaian(None, rumus, _why_not(rule, target, realisasi))
    note = ""
    negatif_selisih = (
        rule.polaritas is Polarity.NEGATIF and rule.rumus_negatif is NegativeFormula.SELISIH
    )
    if (
        negatif_selisih
        and persen == 0.0
        and target
        and realisasi is not None
        and (2 * target - realisasi < 0)
    ):
        note = "R > 2T: dibatasi paling kecil 0"
    return Capaian(persen, rumus, note)


def describe_aggregation(rule: CalculationRule) -> str:
    """How periods were combined, for a report's note: 'jumlah', 'nilai terakhir' …"""
    return rule.agregasi.label


def is_sum(rule: CalculationRule) -> bool:
    return rule.agregasi is Aggregation.JUMLAH


def renstra_target(
    rule: CalculationRule, targets: Mapping[int, Target], years: Sequence[int]
) -> TargetInfo:
    """The target at the end of the Renstra period: for jumlah the sum of the yearly
    targets (what the years add up to), otherwise the target of the final year."""
    if not years:
        return TargetInfo(None, "", "target belum ditetapkan")
    if is_sum(rule):
        found = [targets[y].nilai for y in years if y in targets and targets[y].nilai is not None]
        if not found:
            return TargetInfo(None, "", "target belum ditetapkan")
        return TargetInfo(
            math.fsum(v for v in found if v is not None),
            "",
            f"jumlah target {years[0]}–{years[-1]}",
        )
    last = targets.get(years[-1])
    if last is None or last.nilai is None:
        return TargetInfo(None, "", "target belum ditetapkan")
    return TargetInfo(last.nilai, last.teks, f"target {years[-1]}")
