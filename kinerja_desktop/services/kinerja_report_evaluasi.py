"""Building the Evaluasi terhadap Hasil Renja (Permendagri 86/2017 form E.81 and
its variants) of a triwulan from the stored plan, values and realisasi anggaran,
inside the caller's read transaction.

The figures come from `core.kinerja.capaian`: every combination of periods
follows the indicator's rule over the periods actually filled; the Renstra's
past years count as one combined figure each ("s/d tahun lalu").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from ..core.kinerja import evaluasi_kolom as kolom
from ..core.kinerja.capaian import (
    EachPeriod,
    SpanWithParts,
    capaian,
    is_sum,
    renstra_target,
    year_to,
)
from ..core.kinerja.laporan import KR, Aturan, EvaluasiBaris, EvaluasiLaporan, Predikat
from ..core.kinerja.periods import Period, PeriodKind
from ..core.kinerja.plan import Indicator, Level, PlanNode
from ..core.kinerja.rekap import placements
from ..core.kinerja.rules import CalculationRule, ValueKind
from ..core.office import SignerRole
from ..gcpause import collector_paused
from ..store.kinerja import reports as report_store
from .kinerja_report_context import (
    PlanContext,
    ReadCache,
    Values,
    aturan_of,
    cached,
    kop,
    plan_context,
    read_values,
    signer,
    signing_date,
)

EVALUASI_TEKS = tuple(key for key, _label in kolom.TEKS)

_RENJA_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def _year_figures(
    ctx: PlanContext, year: int, values: Values, cache: ReadCache | None
) -> dict[tuple[int, int], float | None]:
    """Each indicator × unit's figure of the whole year (`combine` over the year),
    what a past year gives the "s/d tahun lalu" columns; kept in the read cache
    with the plan and the year's values it comes from."""

    def make() -> dict[tuple[int, int], float | None]:
        each = EachPeriod([Period(year, PeriodKind.TAHUN)])
        rules = {ind.id: ind.rule for ind in ctx.indicators}
        return {
            pair: each.values(rules[pair[0]], found)[0]
            for pair, found in values.items()
            if pair[0] in rules
        }

    parts = (report_store.PLAN_PART, report_store.values_part(year))
    return cached(cache, ("tahun", ctx.renstra.id, year), parts, make)


def _label(rule: CalculationRule, nilai: float | None) -> str:
    if rule.jenis_nilai is ValueKind.SKALA and nilai is not None:
        return rule.scale_label(nilai)
    return ""


def _k(rule: CalculationRule, nilai: float | None) -> KR:
    return KR(nilai, _label(rule, nilai))


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b * 100


class _Evaluasi:
    """The E.81 rows of one triwulan. Values are read per year (a figure of a year
    reads only that year's values): the past years as one combined figure each,
    the triwulan's year for its triwulans and the year so far."""

    def __init__(
        self,
        ctx: PlanContext,
        period: Period,
        varian: str,
        by_year: dict[int, Values],
        cache: ReadCache | None = None,
    ) -> None:
        self.ctx, self.period, self.varian = ctx, period, varian
        self.year = period.tahun
        years = ctx.renstra.years
        self.years = years
        self.past = [y for y in years if y < self.year]
        self.span = year_to(period)
        self.anggaran = report_store.anggaran(years[0], years[-1])
        self.notes: set[str] = set()
        self.by_year = by_year
        self.now = by_year.get(self.year, {})
        self.past_figures = [_year_figures(ctx, y, by_year.get(y, {}), cache) for y in self.past]
        self.so_far = SpanWithParts(self.span, self.span)  # the year so far, its triwulans
        self.figures: dict[float, KR] = {}  # KR(nilai) of non-scale figures, shared
        self.rule_notes: dict[str, str] = {}
        self.t_renja = ctx.targets(Period(self.year, PeriodKind.TAHUN))
        self.first_unit: dict[int, int] = {}
        for y in sorted(by_year):  # the unit that sent values first (in period order)
            for ind_id, unit_id in by_year[y]:
                self.first_unit.setdefault(ind_id, unit_id)

    def unit_of(self, ind: Indicator) -> int:
        """The unit whose values count for `ind` (`PlanContext.unit_of` over the years)."""
        if ind.unit_id is not None:
            return ind.unit_id
        return self.first_unit.get(ind.id or 0, 0)

    def figure(self, rule: CalculationRule, nilai: float | None) -> KR:
        """`_k(rule, nilai)`; equal non-zero figures of non-scale rules share one KR
        (zero is left out: 0.0 and -0.0 are equal keys but print differently)."""
        if not nilai or rule.jenis_nilai is ValueKind.SKALA:
            return _k(rule, nilai)
        found = self.figures.get(nilai)
        if found is None:
            found = self.figures[nilai] = KR(nilai, "")
        return found

    def indicator_values(self, ind: Indicator) -> tuple[dict[str, KR], str]:
        rule = ind.rule
        pair = (ind.id or 0, self.unit_of(ind))
        t_renstra = renstra_target(rule, ind.targets, self.years)
        per_year = [figures.get(pair) for figures in self.past_figures]
        lalu = rule.aggregate(per_year)
        now = self.now.get(pair, {})
        renja, triwulans = self.so_far.combine(rule, now)
        renstra_now = rule.aggregate([*per_year, renja.nilai])
        t_renja = self.t_renja.get(ind.id or 0) or self.ctx.target(ind, self.period.year())
        k = self.figure
        values = {
            "target_renstra": k(rule, t_renstra.nilai),
            "realisasi_lalu": k(rule, lalu),
            "target_renja": k(rule, t_renja.nilai),
            "realisasi_renja": k(rule, renja.nilai),
            "realisasi_renstra": k(rule, renstra_now),
        }
        for n, nilai in enumerate(triwulans, 1):
            values[f"tw{n}"] = k(rule, nilai)
        c_renstra = capaian(rule, t_renstra.nilai, renstra_now)
        c_renja = capaian(rule, t_renja.nilai, renja.nilai)
        values["tingkat_capaian"] = KR(c_renstra.persen)
        values["capaian_renja"] = KR(c_renja.persen)
        notes = []
        if not is_sum(rule):
            label = rule.agregasi.label
            note = self.rule_notes.get(label)
            if note is None:
                note = self.rule_notes[label] = kolom.rule_note(self.varian, label)
            notes.append(note)
            if not self.notes:
                self.notes.add(
                    "Indikator yang aturannya bukan jumlah: "
                    + kolom.rule_note(self.varian, "indikator (tertulis di Keterangan)")
                    + "."
                )
        if renja.note():
            notes.append(renja.note())
        notes.append(f"capaian {c_renstra.rumus}")
        notes += [c for c in (c_renja.catatan, c_renstra.catatan) if c]
        return values, "; ".join(dict.fromkeys(notes))

    def node_rp(self, node: PlanNode, values: dict[str, KR]) -> dict[str, KR]:
        pagu = node.pagu
        spent = self.anggaran.get(node.id or 0, {})
        lalu = [v for k, v in spent.items() if int(k[:4]) < self.year]
        tw = [spent.get(p.key) for p in self.span]
        renja = (
            math.fsum(v for v in tw if v is not None) if any(v is not None for v in tw) else None
        )
        lalu_sum = math.fsum(lalu) if lalu else None
        now = None if renja is None and lalu_sum is None else (renja or 0.0) + (lalu_sum or 0.0)
        total = math.fsum(pagu.get(y, 0.0) for y in self.years) if pagu else None
        rp = {
            "target_renstra": total,
            "realisasi_lalu": lalu_sum,
            "target_renja": pagu.get(self.year),
            "realisasi_renja": renja,
            "realisasi_renstra": now,
            "tingkat_capaian": _ratio(now, total),
            "capaian_renja": _ratio(renja, pagu.get(self.year)),
        }
        rp.update({f"tw{n}": v for n, v in enumerate(tw, 1)})
        out = dict(values)
        for key, value in rp.items():
            old = out.get(key, KR())
            out[key] = KR(old.k, old.k_teks, value)
        return out


def _rows(ev: _Evaluasi) -> list[EvaluasiBaris]:
    ctx = ev.ctx
    place = placements(ctx.nodes)
    by_node: dict[int, list[Indicator]] = {}
    for ind in ctx.indicators:
        by_node.setdefault(ind.node_id or 0, []).append(ind)
    rows: list[EvaluasiBaris] = []
    last_sasaran = None
    number = 0
    aturan: dict[int, Aturan] = {}
    for node in ctx.nodes:
        if node.level not in _RENJA_LEVELS:
            continue
        number += 1
        sasaran = place.get(node.id or 0)
        name = sasaran.sasaran[1] if sasaran and sasaran.sasaran else ""
        shown = name if name != last_sasaran else ""
        last_sasaran = name
        inds = by_node.get(node.id or 0, [])
        for i, ind in enumerate(inds or [None]):
            values, note = ({}, "") if ind is None else ev.indicator_values(ind)
            first = i == 0
            if first and node.pagu:
                values = ev.node_rp(node, values)
            rows.append(
                EvaluasiBaris(
                    str(number) if first else "",
                    shown if first else "",
                    node.kode if first else "",
                    node.nama if first else "",
                    node.level.value,
                    ind.nama if ind else "",
                    ind.satuan if ind else "",
                    values,
                    ctx.units.get(ind.unit_id or 0, "") if ind else "",
                    note,
                    aturan_of(ind.rule, aturan) if ind else None,
                    bool(first and node.pagu),
                )
            )
    return rows


def _mean(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return math.fsum(found) / len(found) if found else None


def build_evaluasi_report(
    period: Period,
    texts: Mapping[str, str],
    today: date,
    varian: str = kolom.DEFAULT_VARIAN,
    cache: ReadCache | None = None,
) -> EvaluasiLaporan:
    """The Evaluasi terhadap Hasil Renja of a triwulan (reads from `cache` when given)."""
    kolom.columns(varian)
    with collector_paused():
        return _evaluasi_report(period, texts, today, varian, cache)


def _evaluasi_report(
    period: Period, texts: Mapping[str, str], today: date, varian: str, cache: ReadCache | None
) -> EvaluasiLaporan:
    ctx = plan_context(period.tahun, cache=cache)
    first = ctx.renstra.years[0]
    by_year = {y: read_values(y, y, cache=cache) for y in range(first, period.tahun)}
    by_year[period.tahun] = ctx.values
    ev = _Evaluasi(ctx, period, varian, by_year, cache)
    rows = _rows(ev)
    k_rows = [r for r in rows if r.aturan is not None]
    rp_rows = [r for r in rows if r.ada_rp]
    mean = {
        "renja_k": _mean([r.nilai["capaian_renja"].k for r in k_rows]),
        "renstra_k": _mean([r.nilai["tingkat_capaian"].k for r in k_rows]),
        "renja_rp": _mean([r.nilai["capaian_renja"].rp for r in rp_rows]),
        "renstra_rp": _mean([r.nilai["tingkat_capaian"].rp for r in rp_rows]),
    }
    notes = [*sorted(ev.notes), f"Predikat: {ctx.predikat.describe()}."]
    return EvaluasiLaporan(
        period.key,
        period.label,
        period.tahun,
        period.nomor,
        ctx.renstra.label,
        kop(signing_date(texts, today)),
        varian,
        tuple(rows),
        mean,
        {k: ctx.predikat.of(v) for k, v in mean.items()},
        {k: texts.get(k, "") for k in EVALUASI_TEKS},
        tuple(notes),
        Predikat.of(ctx.predikat),
        signer(SignerRole.CAMAT, texts.get("plt", "")),
    )
