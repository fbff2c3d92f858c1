"""Building the Rekap Data Kinerja from the stored plan and values (inside the
caller's read transaction); the Evaluasi is built in `kinerja_report_evaluasi`.

The figures come from `core.kinerja` (capaian, rekap): every combination of
periods follows the indicator's rule over the periods actually filled, a
missing period is named, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..core.kinerja.capaian import (
    Capaian,
    Combined,
    short_label,
    year_to,
)
from ..core.kinerja.laporan import (
    Aturan,
    Predikat,
    RekapBaris,
    RekapLaporan,
    RekapRingkas,
    TitikTren,
)
from ..core.kinerja.periods import Period, PeriodKind
from ..core.kinerja.rekap import RekapInput, RekapRow, rekap_with_trend
from ..core.office import SignerRole
from ..gcpause import collector_paused
from .kinerja_report_context import (
    PlanContext,
    ReadCache,
    aturan_of,
    kop,
    plan_context,
    signer,
    signing_date,
)
from .kinerja_report_evaluasi import build_evaluasi_report

__all__ = ["build_evaluasi_report", "build_rekap_report", "trend_periods"]


# -- Rekap Data Kinerja -------------------------------------------------------------------


def _rekap_input(ctx: PlanContext, period: Period, kecamatan: str) -> RekapInput:
    """The recap's inputs; values outside the period are never looked at (`combine`
    reads only the period and what it is made of)."""
    return RekapInput(
        period,
        ctx.indicators,
        ctx.nodes,
        ctx.units,
        ctx.values,
        ctx.targets(period),
        ctx.predikat,
        ctx.warna,
        kecamatan,
    )


def trend_periods(period: Period) -> list[Period]:
    """The periods a trend chart shows: the year's months up to a month, else its triwulans."""
    if period.jenis is PeriodKind.BULAN:
        return [Period(period.tahun, PeriodKind.BULAN, m) for m in range(1, period.nomor + 1)]
    return year_to(period)


def _notes(real: Combined, cap: Capaian) -> str:
    return "; ".join(x for x in (real.note(), cap.catatan) if x)


def _baris(r: RekapRow, aturan: Aturan) -> RekapBaris:
    return RekapBaris(
        r.unit,
        r.kode,
        r.nama,
        r.satuan,
        r.target.nilai,
        r.target.teks,
        r.target.sumber,
        r.realisasi.nilai,
        r.realisasi_teks,
        r.capaian.persen,
        r.predikat,
        r.warna,
        r.capaian.rumus,
        _notes(r.realisasi, r.capaian),
        aturan,
        r.sasaran[1] if r.sasaran else "",
        r.program[1] if r.program else "",
        r.realisasi.dipakai,
        r.realisasi.hilang,
    )


def build_rekap_report(
    periode: Period,
    texts: Mapping[str, str],
    today: date,
    *,
    trend: bool = True,
    cache: ReadCache | None = None,
) -> RekapLaporan:
    """The Rekap Data Kinerja of `periode` (the plan and values from `cache` when given)."""
    with collector_paused():
        return _rekap_report(periode, texts, today, trend, cache)


def _rekap_report(
    periode: Period, texts: Mapping[str, str], today: date, trend: bool, cache: ReadCache | None
) -> RekapLaporan:
    ctx = plan_context(periode.tahun, cache=cache)
    heading = kop(signing_date(texts, today))
    name = heading.nama_kantor.title() or "Kecamatan"
    shown = trend_periods(periode) if trend else []
    rekap, means = rekap_with_trend(
        _rekap_input(ctx, periode, name), [(p, ctx.targets(p)) for p in shown]
    )
    rules = {ind.id: ind.rule for ind in ctx.indicators}
    aturan: dict[int, Aturan] = {}
    rows = tuple(_baris(r, aturan_of(rules[r.indicator_id], aturan)) for r in rekap.rows)
    summary = tuple(
        RekapRingkas(
            g.tingkat, g.kode, g.nama, g.jumlah, g.dihitung, g.rata_rata, g.predikat, g.warna
        )
        for g in rekap.rollups
    )
    points = tuple(TitikTren(short_label(p), m) for p, m in zip(shown, means, strict=True))
    return RekapLaporan(
        periode.key,
        periode.label,
        heading,
        rows,
        summary,
        points,
        Predikat.of(ctx.predikat),
        signer(SignerRole.CAMAT, texts.get("plt", "")),
        texts.get("catatan", ""),
    )
