"""Capaian, period aggregation, targets, predikat and the recap's roll-ups (core only)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.capaian import (
    Combined,
    TargetInfo,
    capaian,
    combine,
    persen_text,
    rounded,
    target_for,
    year_to,
)
from kinerja_desktop.core.kinerja.periods import parse_period
from kinerja_desktop.core.kinerja.plan import Indicator, Level, PlanNode, Target
from kinerja_desktop.core.kinerja.predikat import (
    DEFAULT_PREDIKAT,
    DEFAULT_WARNA,
    Band,
    ColourScale,
    PredikatScale,
)
from kinerja_desktop.core.kinerja.rekap import RekapInput, build_rekap, placements
from kinerja_desktop.core.kinerja.rules import CalculationRule

POS = CalculationRule()
NEG = CalculationRule.from_dict({"polaritas": "negatif", "rumus_negatif": "2t_kurang_r"})
NEG_BAGI = CalculationRule.from_dict({"polaritas": "negatif", "rumus_negatif": "t_bagi_r"})
SCALE = CalculationRule.from_dict(
    {"jenis_nilai": "skala", "agregasi": "nilai_terakhir", "skala": "AA=7; A=6; BB=5; B=4"}
)


def _rule(agregasi: str) -> CalculationRule:
    return CalculationRule.from_dict({"agregasi": agregasi})


# -- capaian: the worked cases ---------------------------------------------------------


def test_negative_worked_case_both_formulas() -> None:
    a = capaian(NEG, 10, 8)
    b = capaian(NEG_BAGI, 10, 8)
    assert a.persen == pytest.approx(120.0)
    assert b.persen == pytest.approx(125.0)
    assert a.rumus == "(2T − R)/T × 100, min. 0"
    assert b.rumus == "T/R × 100"
    assert (a.shown, b.shown) == ("120,00", "125,00")


def test_positive_is_r_over_t_and_zero_realisasi_is_zero_not_hundred() -> None:
    assert capaian(POS, 10, 8).persen == pytest.approx(80.0)
    zero = capaian(POS, 10, 0)
    assert zero.persen == 0.0
    assert zero.rumus == "R/T × 100"
    assert DEFAULT_PREDIKAT.of(zero.persen) == "Sangat Rendah"


def test_negative_floored_at_zero_and_says_so() -> None:
    c = capaian(NEG, 10, 25)
    assert c.persen == 0.0
    assert "paling kecil 0" in c.catatan
    assert capaian(NEG, 10, 20).catatan == ""  # exactly 0 by the formula, not floored


def test_zero_target_and_zero_realisasi_stated_not_guessed() -> None:
    for rule in (POS, NEG):
        c = capaian(rule, 0, 5)
        assert c.persen is None
        assert c.catatan.startswith("T = 0")
    r0 = capaian(NEG_BAGI, 10, 0)
    assert r0.persen is None
    assert r0.catatan.startswith("R = 0")
    assert capaian(NEG_BAGI, 0, 4).persen == 0.0
    assert capaian(NEG, 10, 0).persen == pytest.approx(200.0)


def test_missing_target_or_realisasi() -> None:
    assert capaian(POS, None, 5).catatan == "target belum ditetapkan"
    assert capaian(POS, 5, None).catatan == "realisasi belum diisi"
    assert capaian(POS, 5, None).shown == "—"


def test_text_scale_compares_through_its_numbers() -> None:
    target = SCALE.scale_value("BB")
    real = SCALE.scale_value("b")
    c = capaian(SCALE, target, real)
    assert c.persen == pytest.approx(80.0)
    assert c.rumus.endswith("(nilai skala)")


# -- combining periods -------------------------------------------------------------------

YEAR = parse_period("2026")


@pytest.mark.parametrize(
    ("agregasi", "expected"),
    [("jumlah", 15.0), ("nilai_terakhir", 6.0), ("rata_rata", 7.5), ("nilai_tertinggi", 9.0)],
)
def test_rules_combine_only_the_filled_triwulans(agregasi: str, expected: float) -> None:
    values = {"2026-TW1": 9.0, "2026-TW2": 6.0, "2026-TW3": None}
    got = combine(_rule(agregasi), [YEAR], values)
    assert got.nilai == pytest.approx(expected)
    assert got.dipakai == ("2026-TW1", "2026-TW2")
    assert got.hilang == ("2026-TW3", "2026-TW4")
    assert got.note() == "belum diisi: TW III, TW IV"
    assert not got.lengkap


def test_nothing_filled_is_none_never_zero() -> None:
    got = combine(_rule("jumlah"), [parse_period("2026-TW3")], {"2026-TW3": None})
    assert got == Combined(None, (), ("2026-TW3",))


def test_months_make_a_triwulan_and_a_direct_value_wins() -> None:
    months = {"2026-01": 2.0, "2026-02": 3.0}
    got = combine(_rule("jumlah"), [parse_period("2026-TW1")], months)
    assert got.nilai == 5.0
    assert got.hilang == ("2026-03",)
    direct = combine(_rule("jumlah"), [parse_period("2026-TW1")], {**months, "2026-TW1": 4.0})
    assert (direct.nilai, direct.hilang, direct.dipakai) == (4.0, (), ("2026-TW1",))


def test_year_of_monthly_values_averages_every_month() -> None:
    values = {f"2026-{m:02d}": float(m) for m in range(1, 13)}
    got = combine(_rule("rata_rata"), [YEAR], values)
    assert got.nilai == pytest.approx(6.5)
    assert got.lengkap
    assert len(got.dipakai) == 12


def test_year_to_date_span() -> None:
    assert [p.key for p in year_to(parse_period("2026-TW2"))] == ["2026-TW1", "2026-TW2"]
    assert [p.key for p in year_to(parse_period("2026-08"))] == ["2026-TW1", "2026-TW2", "2026-TW3"]
    assert len(year_to(YEAR)) == 4
    span = year_to(parse_period("2026-TW2"))
    got = combine(_rule("jumlah"), span, {"2026-TW1": 296.0, "2026-TW2": 312.0})
    assert got.nilai == 608.0
    assert got.lengkap


# -- targets -------------------------------------------------------------------------------


def test_target_of_a_period_and_its_source() -> None:
    renstra = Target(30.0)
    pk_tw = {1: Target(8.0), 2: Target(8.0), 3: Target(7.0), 4: Target(7.0)}
    rule = _rule("jumlah")
    tw2 = target_for(rule, parse_period("2026-TW2"), renstra, Target(30.0), pk_tw)
    assert (tw2.nilai, tw2.sumber) == (8.0, "rencana aksi TW II")
    s2 = target_for(rule, parse_period("2026-S2"), renstra, Target(30.0), pk_tw)
    assert s2.nilai == 14.0
    year = target_for(rule, YEAR, renstra, Target(29.0), pk_tw)
    assert (year.nilai, year.sumber) == (29.0, "PK 2026")
    fallback = target_for(rule, parse_period("2026-07"), renstra, None, {})
    assert (fallback.nilai, fallback.sumber) == (30.0, "Renstra 2026")
    none = target_for(rule, YEAR, Target(None), None, {})
    assert not none.is_set


# -- predikat ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persen", "predikat"),
    [
        (90.0, "Tinggi"),
        (90.5, "Sangat Tinggi"),
        (91.0, "Sangat Tinggi"),
        (0.9 * 100, "Tinggi"),  # 90.00000000000001 as a float
        (90.004, "Tinggi"),
        (90.005, "Sangat Tinggi"),  # printed 90,01
        (75.0, "Sedang"),
        (65.01, "Sedang"),
        (65.0, "Rendah"),
        (50.0, "Sangat Rendah"),
        (0.0, "Sangat Rendah"),
        (250.0, "Sangat Tinggi"),
    ],
)
def test_predikat_bounds_are_decimal_safe(persen: float, predikat: str) -> None:
    assert DEFAULT_PREDIKAT.of(persen) == predikat


def test_rounding_and_text() -> None:
    assert rounded(0.9 * 100) == Decimal("90.00")
    assert persen_text(1234.5) == "1.234,50"
    assert DEFAULT_PREDIKAT.of(None) == ""


def test_predikat_and_colours_configurable_separately() -> None:
    strict = PredikatScale.from_dict(
        {"batas": [["95", "Baik"], ["80", "Cukup"]], "bawah": "Kurang"}
    )
    assert [strict.of(x) for x in (96, 95, 81, 80)] == ["Baik", "Cukup", "Cukup", "Kurang"]
    assert strict.describe() == "> 95 Baik; > 80 Cukup; ≤ 80 Kurang"
    assert PredikatScale.from_dict(strict.to_dict()) == strict
    assert DEFAULT_WARNA.of(91) != DEFAULT_WARNA.of(90)
    colours = ColourScale((Band(Decimal(50), "#00FF00"),), "#FF0000")
    assert (colours.of(60), colours.of(50)) == ("#00FF00", "#FF0000")
    with pytest.raises(ValidationError):
        PredikatScale.from_dict({"batas": [["50", "A"], ["60", "B"]], "bawah": "C"})
    with pytest.raises(ValidationError):
        ColourScale((Band(Decimal(1), "merah"),), "#000000")
    with pytest.raises(ValidationError):
        PredikatScale.from_dict({"batas": [["x", "A"]], "bawah": "C"})


# -- the recap ----------------------------------------------------------------------------


def _plan() -> tuple[list[PlanNode], list[Indicator]]:
    nodes = [
        PlanNode(Level.TUJUAN, "1", "Tujuan", None, 0, {}, 1),
        PlanNode(Level.SASARAN, "1.1", "Sasaran A", 1, 0, {}, 2),
        PlanNode(Level.PROGRAM, "P1", "Program A", 2, 0, {}, 3),
        PlanNode(Level.KEGIATAN, "K1", "Kegiatan A", 3, 0, {}, 4),
        PlanNode(Level.SASARAN, "1.2", "Sasaran B", 1, 1, {}, 5),
    ]
    inds = [
        Indicator(1, "IT", "Indikator tujuan", unit_id=10, id=100),
        Indicator(2, "IS", "Indikator sasaran", unit_id=10, rule=NEG, id=101),
        Indicator(4, "IK", "Indikator kegiatan", unit_id=20, id=102),
        Indicator(5, "IB", "Indikator sasaran B", unit_id=20, id=103),
    ]
    return nodes, inds


def test_placements_find_sasaran_and_program() -> None:
    nodes, _ = _plan()
    place = placements(nodes)
    assert place[1].sasaran is None
    assert place[4].sasaran == ("1.1", "Sasaran A")
    assert place[4].program == ("P1", "Program A")
    assert place[5].program is None


def test_recap_rows_and_rollups() -> None:
    nodes, inds = _plan()
    period = parse_period("2026-TW1")
    data = RekapInput(
        period,
        inds,
        nodes,
        {10: "Sekretariat", 20: "Seksi Pemerintahan"},
        {
            (100, 10): {"2026-TW1": 95.0},
            (101, 10): {"2026-TW1": 8.0},
            (102, 20): {"2026-01": 10.0, "2026-02": 20.0},
        },
        {
            100: TargetInfo(100.0),
            101: TargetInfo(10.0),
            102: TargetInfo(40.0),
            103: TargetInfo(5.0),
        },
        kecamatan="Kecamatan Masama",
    )
    rekap = build_rekap(data)
    by_code = {r.kode: r for r in rekap.rows}
    assert by_code["IT"].capaian.persen == pytest.approx(95.0)
    assert by_code["IT"].predikat == "Sangat Tinggi"
    assert by_code["IS"].capaian.persen == pytest.approx(120.0)
    assert by_code["IK"].realisasi.nilai == 30.0
    assert by_code["IK"].realisasi.hilang == ("2026-03",)
    assert by_code["IK"].capaian.persen == pytest.approx(75.0)
    assert by_code["IB"].realisasi.nilai is None
    assert by_code["IB"].unit == "Seksi Pemerintahan"
    assert by_code["IB"].predikat == ""
    sasaran = {r.kode: r for r in rekap.of("sasaran")}
    assert sasaran["1.1"].rata_rata == pytest.approx((120 + 75) / 2)
    assert sasaran["1.2"].rata_rata is None
    assert sasaran["1.2"].note == "1 dari 1 indikator belum dapat dihitung"
    assert [r.kode for r in rekap.of("program")] == ["P1"]
    units = {r.nama: r for r in rekap.of("unit")}
    assert units["Sekretariat"].rata_rata == pytest.approx((95 + 120) / 2)
    assert units["Seksi Pemerintahan"].dihitung == 1
    kec = rekap.kecamatan
    assert kec.nama == "Kecamatan Masama"
    assert (kec.jumlah, kec.dihitung) == (4, 3)
    assert kec.rata_rata == pytest.approx((95 + 120 + 75) / 3)
    assert kec.predikat == DEFAULT_PREDIKAT.of(kec.rata_rata)


def test_combining_a_year_of_monthly_or_mixed_values() -> None:
    year = [parse_period("2026")]
    months = combine(CalculationRule(), year, {"2026-01": 1.0, "2026-03": 2.0, "2026-02": None})
    assert months.nilai == 3.0 and months.dipakai == ("2026-01", "2026-03")
    assert months.hilang == ("2026-02", *(f"2026-{m:02d}" for m in range(4, 13)))
    mixed = combine(CalculationRule(), year, {"2026-TW1": 5.0, "2026-04": 1.0, "2026-05": 2.0})
    assert mixed.nilai == 8.0 and mixed.dipakai == ("2026-TW1", "2026-04", "2026-05")
    assert mixed.hilang == tuple(f"2026-{m:02d}" for m in range(6, 13))
    assert combine(CalculationRule(), year, {}).hilang == ("2026",)
