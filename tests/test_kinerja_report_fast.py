"""The fast report build gives the same figures as the plain way, and its read
cache never outlives a change of what it holds.

The references are the plain algorithms themselves: `combine`'s walk over the
periods (`_walk`), the recap's per-period generator (`_measured`, `kecamatan_mean`)
with targets looked up one by one (`PlanContext.target`), and the Evaluasi's
figures from all the Renstra's values at once (`PlanContext.realisasi`). The data:
the demo office, and a small office with every rule (negative indicators both
ways, text scales, all four aggregations), months missing, values entered per
triwulan or per year, empty values, an indicator without a unit, PK targets.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.core.kinerja import capaian as capaian_module
from kinerja_desktop.core.kinerja import rekap as rekap_module
from kinerja_desktop.core.kinerja.capaian import (
    EachPeriod,
    SpanWithParts,
    combine,
    renstra_target,
    year_to,
)
from kinerja_desktop.core.kinerja.laporan import KR
from kinerja_desktop.core.kinerja.periods import Period, PeriodKind, parse_period
from kinerja_desktop.core.kinerja.plan import (
    Indicator,
    Level,
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    Renstra,
    Target,
)
from kinerja_desktop.core.kinerja.predikat import Band, PredikatScale
from kinerja_desktop.core.kinerja.rekap import RekapInput, _measured, kecamatan_mean
from kinerja_desktop.core.kinerja.rules import CalculationRule
from kinerja_desktop.core.office import Unit
from kinerja_desktop.services import kinerja_report_context as context
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_report_build import trend_periods
from kinerja_desktop.services.kinerja_reports import KinerjaReportService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.store.kinerja import plan as plan_store
from kinerja_desktop.store.kinerja import reports as report_store
from kinerja_desktop.store.kinerja import values as value_store
from tests.kinerja_helpers import demo_session

NOW = datetime(2027, 1, 20, 9, 0)
SCALE = "WTP=4; WDP=3; TMP=2; TW=1"
RULES = [
    CalculationRule.from_dict(d)
    for d in (
        {},
        {"agregasi": "nilai_terakhir"},
        {"agregasi": "rata_rata"},
        {"agregasi": "nilai_tertinggi"},
        {"polaritas": "negatif", "agregasi": "rata_rata"},
        {"polaritas": "negatif", "rumus_negatif": "t_bagi_r"},
        {"polaritas": "negatif", "rumus_negatif": "t_bagi_r", "agregasi": "nilai_terakhir"},
        {"jenis_nilai": "skala", "agregasi": "nilai_terakhir", "skala": SCALE},
        {"jenis_nilai": "skala", "agregasi": "nilai_tertinggi", "skala": SCALE},
        {"jenis_nilai": "persen", "agregasi": "rata_rata"},
    )
]


def _walked(rule, periods, values):
    return capaian_module._walk(rule, [capaian_module._node(p) for p in periods], values)


def _number(rng: random.Random, rule: CalculationRule) -> float | None:
    if rng.random() < 0.08:
        return None  # a row without a figure
    if rule.skala:
        return rng.choice(rule.skala).nilai
    return rng.choice([0.0, -0.0, 3.0, 12.5, 0.1, 0.2, 7.3, -4.25, 1e9 / 3, 99.99])


def _values(rng: random.Random, rule: CalculationRule, year: int) -> dict[str, float | None]:
    """Monthly values with gaps; sometimes a triwulan, semester or the year itself."""
    out = {f"{year}-{m:02d}": _number(rng, rule) for m in range(1, 13) if rng.random() < 0.7}
    for key in (f"{year}-TW2", f"{year}-S2", str(year)):
        if rng.random() < 0.15:
            out[key] = _number(rng, rule)
    return out


SPANS = ["2026", "2026-S1", "2026-S2", "2026-TW1", "2026-TW3", "2026-TW4", "2026-05"]


def test_combine_and_each_period_equal_the_walk() -> None:
    rng = random.Random(8)
    multi = [year_to(parse_period("2026-TW3")), year_to(parse_period("2026"))]
    spans = [[parse_period(k)] for k in SPANS] + multi
    trend = EachPeriod([parse_period(k) for k in ("2026-TW1", "2026-TW2", "2026-TW3")])
    year, so_far = [parse_period("2026")], year_to(parse_period("2026-TW3"))
    together = [(year, year_to(year[0])), (so_far, so_far), (so_far[2:], so_far), (year, year)]
    checked = 0
    for _ in range(300):
        rule = rng.choice(RULES)
        values = _values(rng, rule, 2026)
        for periods in spans:
            fast, walked = combine(rule, periods, values), _walked(rule, periods, values)
            assert (fast, repr(fast.nilai)) == (walked, repr(walked.nilai)), (periods, values)
            checked += 1
        expected = [_walked(rule, [p], values).nilai for p in trend.periods]
        assert [repr(v) for v in trend.values(rule, values)] == [repr(v) for v in expected]
        for span, parts in together:
            real, figures = SpanWithParts(span, parts).combine(rule, values)
            walked = _walked(rule, span, values)
            assert (real, repr(real.nilai)) == (walked, repr(walked.nilai))
            expected = [_walked(rule, [p], values).nilai for p in parts]
            assert [repr(v) for v in figures] == [repr(v) for v in expected]
    assert checked == 300 * len(spans)


# -- a small office with everything ---------------------------------------------------


def _office(path: Path) -> Session:
    session = open_session(path, create=True, demo_if_new=False)
    rng = random.Random(35)
    units = [OfficeService(session).save_unit(Unit(f"Unit {u}", urutan=u)) for u in range(3)]
    rid = KinerjaPlanService(session, lambda: NOW).save_renstra(Renstra("Uji", 2024, 2027))
    with session.writing():
        node = lambda lv, kode, parent: plan_store.store_node(  # noqa: E731
            rid, PlanNode(lv, kode, f"Node {kode}", parent, pagu={2026: 5e6})
        )
        tujuan = node(Level.TUJUAN, "1", None)
        sasaran = node(Level.SASARAN, "1.1", tujuan)
        program = node(Level.PROGRAM, "7.01", sasaran)
        kegiatan = node(Level.KEGIATAN, "7.01.1", program)
        values, items = [], []
        for n in range(30):
            rule = RULES[n % len(RULES)]
            target = float(rule.skala[1].nilai) if rule.skala else float(5 + n % 7)
            step = 0.0 if rule.skala else 1.0
            unit = None if n == 7 else units[n % 3]
            ind = Indicator(
                [sasaran, program, kegiatan][n % 3],
                f"I.{n:02d}",
                f"Indikator {n}",
                unit_id=unit,
                targets={
                    y: Target(target + step * (y - 2024)) for y in range(2024, 2028) if n != 4
                },
                rule=rule,
                urutan=n,
            )
            if n == 4:
                ind.targets = {}  # no target at all
            ind_id = plan_store.store_indicator(ind)
            if n % 5 == 0:
                tw = {t: Target(target / 4 + t) for t in range(1, 5) if (n + t) % 3}
                items.append(PkItem(ind_id, Target(target * 2), tw))
            for year in range(2024, 2027):
                for key, nilai in _values(rng, rule, year).items():
                    values.append(
                        value_store.NewValue(
                            ind_id, unit or units[1], key, nilai, "", "", "", "", ""
                        )
                    )
        value_store.record_values(None, "entri", "uji", "", values, NOW)
        plan_store.insert_pk(PerjanjianKinerja(rid, 2026, items=items), NOW)
    return session


@pytest.fixture(params=["office", "demo"])
def session(request, tmp_path: Path):
    s = _office(tmp_path / "k.db") if request.param == "office" else demo_session(tmp_path)
    yield s
    s.close()


def _reference_rekap(ctx, period: Period):
    """The recap's rows and trend the plain way: targets one by one, the walk."""

    def data(p: Period) -> RekapInput:
        targets = {ind.id or 0: ctx.target(ind, p) for ind in ctx.indicators}
        return RekapInput(p, ctx.indicators, ctx.nodes, ctx.units, ctx.values, targets)

    rows = list(_measured(data(period)))
    trend = [kecamatan_mean(data(p)) for p in trend_periods(period)]
    return rows, trend


def _years(session: Session) -> tuple[int, list[str]]:
    with session.reading():
        renstra = plan_store.renstra_list()[-1]
    year = 2026 if renstra.tahun_awal <= 2026 <= renstra.tahun_akhir else renstra.tahun_awal
    return year, [str(year), f"{year}-S1", f"{year}-TW2", f"{year}-TW4", f"{year}-03"]


def test_rekap_equals_the_plain_way(session: Session, monkeypatch) -> None:
    reports = KinerjaReportService(session, lambda: NOW, lambda: "uji")
    year, keys = _years(session)
    for key in keys:
        period = parse_period(key)
        built = reports.build("rekap", key)
        with monkeypatch.context() as m, session.reading():
            m.setattr(rekap_module, "combine", _walked)
            rows, trend = _reference_rekap(context.plan_context(year), period)
        assert len(built.baris) == len(rows)
        for b, (ind, _unit, target, real, cap) in zip(built.baris, rows, strict=True):
            got = (b.kode, b.target, b.target_sumber, b.realisasi, b.terisi, b.kosong)
            want = (ind.kode, target.nilai, target.sumber, real.nilai, real.dipakai, real.hilang)
            assert repr(got) == repr(want)
            assert (repr(b.capaian), b.rumus) == (repr(cap.persen), cap.rumus)
        assert [repr(p.rata_rata) for p in built.tren] == [repr(t) for t in trend]
        assert any(p.rata_rata is not None for p in built.tren) or key.endswith("-03")


def _reference_evaluasi(ctx, period: Period, ind: Indicator) -> dict[str, float | None]:
    """The Evaluasi's kinerja figures of one indicator from all the years' values."""
    rule, unit, years = ind.rule, ctx.unit_of(ind), ctx.renstra.years
    per_year = [
        ctx.realisasi(ind, unit, [Period(y, PeriodKind.TAHUN)]).nilai
        for y in years
        if y < period.tahun
    ]
    renja = ctx.realisasi(ind, unit, year_to(period)).nilai
    out = {
        "target_renstra": renstra_target(rule, ind.targets, years).nilai,
        "realisasi_lalu": rule.aggregate(per_year),
        "target_renja": ctx.target(ind, Period(period.tahun, PeriodKind.TAHUN)).nilai,
        "realisasi_renja": renja,
        "realisasi_renstra": rule.aggregate([*per_year, renja]),
    }
    for n, tw in enumerate(year_to(period), 1):
        out[f"tw{n}"] = ctx.realisasi(ind, unit, [tw]).nilai
    return out


def test_evaluasi_equals_the_plain_way(session: Session, monkeypatch, tmp_path: Path) -> None:
    reports = KinerjaReportService(session, lambda: NOW, lambda: "uji")
    year, _keys = _years(session)
    for key in (f"{year}-TW1", f"{year}-TW3", f"{year + 1}-TW4"):
        built = reports.build("evaluasi_renja", key)
        period = parse_period(key)
        with monkeypatch.context() as m, session.reading():
            m.setattr(context, "combine", _walked)  # PlanContext.realisasi's
            ctx = context.plan_context(period.tahun)
            ctx.values = context.read_values(ctx.renstra.years[0], period.tahun)
            by_name = {ind.nama: ind for ind in ctx.indicators}
            compared = 0
            for row in built.baris:
                if row.aturan is None:
                    continue
                want = _reference_evaluasi(ctx, period, by_name[row.indikator])
                got = {k: row.nilai.get(k, KR()).k for k in want}
                assert repr(got) == repr(want), row.indikator
                compared += 1
        assert compared >= 10
        printed = reports.print_report("evaluasi_renja", key, tmp_path / f"{key}.xlsx")
        assert reports.load_version(printed.version.id)[0].baris == built.baris


# -- the read cache ---------------------------------------------------------------------


def _counting(monkeypatch) -> tuple[list[int], list[int]]:
    """The years whose values are read, and the plans read, from now on."""
    years: list[int] = []
    plans: list[int] = []
    real_values, real_plan = report_store.values_of_years, plan_store.indicators

    def values(first: int, last: int):
        years.extend(range(first, last + 1))
        return real_values(first, last)

    def plan(renstra_id: int):
        plans.append(renstra_id)
        return real_plan(renstra_id)

    monkeypatch.setattr(report_store, "values_of_years", values)
    monkeypatch.setattr(plan_store, "indicators", plan)
    return years, plans


def _one_value(session: Session) -> tuple[int, int, str, str]:
    with session.reading():
        ind_id, unit_id, periode = (
            report_store._conn()
            .execute(
                "SELECT indicator_id, unit_id, periode FROM kinerja_value "
                "WHERE aktif = 1 AND periode LIKE '2026-0%' AND nilai > 0 LIMIT 1"
            )
            .fetchone()
        )
        kode = plan_store.indicator_by_id(ind_id).kode
    return ind_id, unit_id, periode, kode


def _realisasi(report, kode: str) -> float | None:
    return next(b.realisasi for b in report.baris if b.kode == kode)


_BUMP = (
    "UPDATE kinerja_value SET nilai = nilai + 1000 WHERE aktif = 1 AND indicator_id = ? "
    "AND unit_id = ? AND periode = ?"
)


def _elsewhere(path: Path, value: tuple) -> None:
    """One value changed by another program (its own connection, committed)."""
    other = sqlite3.connect(path)
    other.execute(_BUMP, value[:3])
    other.commit()
    other.close()


def test_cache_rereads_exactly_what_a_write_changed(tmp_path: Path, monkeypatch) -> None:
    session = _office(tmp_path / "k.db")
    reports = KinerjaReportService(session, lambda: NOW, lambda: "uji")
    years, plans = _counting(monkeypatch)
    first = reports.build("rekap", "2026")
    reports.build("rekap", "2026-TW2")  # the same year: nothing read again
    reports.build("evaluasi_renja", "2026-TW2")  # only the Renstra's earlier years
    assert (years, len(plans)) == ([2026, 2024, 2025], 1)
    value = _one_value(session)
    kode = value[3]

    _elsewhere(session.path, value)  # a 2026 value: 2026 alone is read again
    changed = reports.build("rekap", "2026")
    reports.build("evaluasi_renja", "2026-TW2")
    assert (years[3:], len(plans)) == ([2026], 1)
    assert _realisasi(changed, kode) == _realisasi(first, kode) + 1000

    reports.save_texts("rekap", "2026", {"catatan": "uji"})  # a text: nothing
    reports.print_report("evaluasi_renja", "2026-TW2", tmp_path / "e.xlsx")  # a version
    reports.print_report("evaluasi_renja", "2026-TW2", tmp_path / "e2.xlsx")
    assert (years[4:], len(plans)) == ([], 1)

    scale = PredikatScale((Band(Decimal(80), "Baik"),), "Kurang")
    reports.save_scales(scale, reports.scales()[1])  # a kinerja setting: the plan
    rescaled = reports.build("rekap", "2026")
    assert (years[4:], len(plans)) == ([], 2)
    assert {b.predikat for b in rescaled.baris} <= {"Baik", "Kurang", ""}
    scale = PredikatScale((Band(Decimal(80), "Bagus"),), "Kurang")
    reports.save_scales(scale, reports.scales()[1])  # now an update of the setting
    assert "Bagus" in {b.predikat for b in reports.build("rekap", "2026").baris}
    assert (years[4:], len(plans)) == ([], 3)

    _elsewhere(session.path, value)  # written before printing: printed
    printed = reports.print_report("rekap", "2026", tmp_path / "r.xlsx")
    frozen = _realisasi(reports.load_version(printed.version.id)[0], kode)
    assert (
        frozen
        == _realisasi(changed, kode) + 1000
        == _realisasi(reports.build("rekap", "2026"), kode)
    )
    session.close()


def test_a_rolled_back_write_leaves_the_figures_right(tmp_path: Path) -> None:
    session = _office(tmp_path / "k.db")
    reports = KinerjaReportService(session, lambda: NOW, lambda: "uji")
    value = _one_value(session)
    before = _realisasi(reports.build("rekap", "2026"), value[3])
    with pytest.raises(RuntimeError), session.writing():
        report_store._conn().execute(_BUMP, value[:3])
        inside = reports._build("rekap", "2026", {}, cache=reports._reads)  # cached, too
        assert _realisasi(inside, value[3]) == before + 1000
        raise RuntimeError("batal")
    assert _realisasi(reports.build("rekap", "2026"), value[3]) == before
    session.close()


def test_values_are_read_from_the_covering_index(tmp_path: Path) -> None:
    session = _office(tmp_path / "k.db")
    with session.reading():
        plan = report_store._conn().execute(
            "EXPLAIN QUERY PLAN SELECT indicator_id, unit_id, periode, nilai FROM kinerja_value "
            "WHERE aktif = 1 AND periode >= '2026' AND periode < '2027'"
        )
        assert "kinerja_value_laporan" in " ".join(str(r) for r in plan)
    session.close()
