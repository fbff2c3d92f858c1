"""The data-kinerja core: periods, the calculation rule (round trip and
application), values as a person types them, plausibility, the form checksum."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.forms import FormIdentity, FormRow, form_checksum
from kinerja_desktop.core.kinerja.periods import Period, PeriodKind, parse_period
from kinerja_desktop.core.kinerja.rules import (
    Aggregation,
    CalculationRule,
    NegativeFormula,
    Polarity,
    ScaleLevel,
    ValueKind,
)
from kinerja_desktop.core.kinerja.values import number_text, plausibility, read_typed

SAKIP = CalculationRule(
    jenis_nilai=ValueKind.SKALA,
    skala=(ScaleLevel("WTP", 4), ScaleLevel("WDP", 3), ScaleLevel("TMP", 2)),
)
ANGKA = CalculationRule()
PERSEN = CalculationRule(jenis_nilai=ValueKind.PERSEN)


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("2026-07", "2026-07", "Juli 2026"),
        ("2026-7", "2026-07", "Juli 2026"),
        ("2026-TW3", "2026-TW3", "Triwulan III 2026"),
        (" 2026-tw1 ", "2026-TW1", "Triwulan I 2026"),
        ("2026-S2", "2026-S2", "Semester II 2026"),
        ("2026", "2026", "Tahun 2026"),
    ],
)
def test_periods_parse_and_format(text: str, key: str, label: str) -> None:
    p = parse_period(text)
    assert (p.key, p.label) == (key, label)
    assert parse_period(p.key) == p


@pytest.mark.parametrize("text", ["2026-13", "2026-TW5", "2026-S3", "26-07", "Juli", "", "2026-TW"])
def test_bad_periods_are_refused_in_indonesian(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Periode|ke-|tidak ada"):
        parse_period(text)


def test_periods_contain_their_parts() -> None:
    tw3 = parse_period("2026-TW3")
    assert tw3.contains(parse_period("2026-08")) and not tw3.contains(parse_period("2026-10"))
    assert parse_period("2026").contains(tw3) and not tw3.contains(parse_period("2026"))
    assert parse_period("2026-S2").contains(tw3)
    assert parse_period("2026-09").triwulan() == tw3
    assert Period(2026, PeriodKind.TRIWULAN, 1) < tw3


rules = st.builds(
    CalculationRule,
    polaritas=st.sampled_from(list(Polarity)),
    agregasi=st.sampled_from(list(Aggregation)),
    jenis_nilai=st.sampled_from([ValueKind.ANGKA, ValueKind.PERSEN]),
    rumus_negatif=st.sampled_from(list(NegativeFormula)),
) | st.builds(
    CalculationRule,
    polaritas=st.sampled_from(list(Polarity)),
    agregasi=st.sampled_from(list(Aggregation)),
    jenis_nilai=st.just(ValueKind.SKALA),
    skala=st.lists(
        st.text(st.characters(whitelist_categories=("Lu",)), min_size=1, max_size=4),
        min_size=2,
        max_size=6,
        unique_by=str.casefold,
    ).map(
        lambda labels: tuple(ScaleLevel(x, float(len(labels) - i)) for i, x in enumerate(labels))
    ),
)


@given(rules)
def test_the_rule_round_trips_through_its_text_form(rule: CalculationRule) -> None:
    assert CalculationRule.from_dict(rule.to_dict()) == rule


def test_the_rule_round_trips_through_the_database(tmp_path) -> None:
    from kinerja_desktop.core.kinerja.plan import Indicator, Level, PlanNode, Renstra
    from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
    from kinerja_desktop.services.session import open_session

    with open_session(tmp_path / "r.db", create=True, demo_if_new=False) as session:
        plan = KinerjaPlanService(session)
        rid = plan.save_renstra(Renstra("Renstra", 2025, 2029))
        node = plan.save_node(rid, PlanNode(Level.TUJUAN, "1", "Tujuan"))
        for rule in (
            SAKIP,
            ANGKA,
            CalculationRule(
                Polarity.NEGATIF, Aggregation.RATA_RATA, ValueKind.PERSEN, (), NegativeFormula.BAGI
            ),
        ):
            ind_id = plan.save_indicator(Indicator(node, "I", "Indikator", rule=rule))
            (stored,) = [i for i in plan.plan(rid).indicators if i.id == ind_id]
            assert stored.rule == rule


def test_aggregation_skips_what_is_not_filled_in() -> None:
    values = [3.0, None, 5.0, 4.0]
    assert CalculationRule(agregasi=Aggregation.JUMLAH).aggregate(values) == 12
    assert CalculationRule(agregasi=Aggregation.TERAKHIR).aggregate(values) == 4
    assert CalculationRule(agregasi=Aggregation.RATA_RATA).aggregate(values) == 4
    assert CalculationRule(agregasi=Aggregation.TERTINGGI).aggregate(values) == 5
    assert CalculationRule().aggregate([None, None]) is None


def test_capaian_per_rule() -> None:
    assert ANGKA.capaian(10, 8) == pytest.approx(80)
    neg = CalculationRule(polaritas=Polarity.NEGATIF)
    assert neg.capaian(10, 8) == pytest.approx(120)
    assert neg.capaian(10, 25) == 0  # floored
    assert CalculationRule(polaritas=Polarity.NEGATIF, rumus_negatif=NegativeFormula.BAGI).capaian(
        10, 8
    ) == pytest.approx(125)
    assert (
        ANGKA.capaian(None, 8) is None
        and ANGKA.capaian(10, None) is None
        and ANGKA.capaian(0, 5) is None
    )


@pytest.mark.parametrize(
    ("raw", "rule", "nilai"),
    [
        ("12,5", ANGKA, 12.5),
        ("1.234", ANGKA, 1234),
        ("1.234,5", ANGKA, 1234.5),
        (" 1 234 ", ANGKA, 1234),
        ("85%", PERSEN, 85),
        ("85", PERSEN, 85),
        ("-3", ANGKA, -3),
        ("\u22123", ANGKA, -3),
        (0, ANGKA, 0),
        (0.0, ANGKA, 0),
        (12.5, ANGKA, 12.5),
        ("wdp", SAKIP, 3),
        (4, SAKIP, 4),
    ],
)
def test_values_as_typed(raw: object, rule: CalculationRule, nilai: float) -> None:
    typed = read_typed(raw, rule)
    assert not typed.masalah, typed.masalah
    assert typed.nilai == pytest.approx(nilai)


@pytest.mark.parametrize("raw", [None, "", "   ", "\u00a0"])
def test_blank_is_not_filled_in_never_zero(raw: object) -> None:
    typed = read_typed(raw, ANGKA)
    assert typed.nilai is None and not typed.masalah and not typed.filled


@pytest.mark.parametrize(
    ("raw", "rule", "fragment"),
    [
        ("sekitar 80", ANGKA, "bukan angka"),
        ("80 orang", ANGKA, "bukan angka"),
        ("85%", ANGKA, "berupa persen"),
        ("WTX", SAKIP, "bukan tingkat skala"),
        (7, SAKIP, "bukan tingkat skala"),
        (True, ANGKA, "nilai logika"),
        ("1e400", ANGKA, "bukan angka"),
    ],
)
def test_values_refused(raw: object, rule: CalculationRule, fragment: str) -> None:
    typed = read_typed(raw, rule)
    assert typed.nilai is None and fragment in typed.masalah


def test_a_percent_format_multiplies_and_dates_are_refused() -> None:
    from datetime import datetime

    assert read_typed(0.85, PERSEN, percent_format=True).nilai == pytest.approx(85)
    assert "persen" in read_typed(0.85, ANGKA, percent_format=True).masalah
    assert "tanggal" in read_typed(datetime(2026, 9, 1), ANGKA).masalah


def test_english_decimals_are_read_with_a_note() -> None:
    typed = read_typed("12.5", ANGKA)
    assert typed.nilai == 12.5 and "12,5" in typed.catatan


def test_plausibility_warns_from_history_and_never_refuses() -> None:
    assert plausibility(100, ANGKA, [60.0], None)
    assert not plausibility(70, ANGKA, [60.0], None)
    assert plausibility(-1, ANGKA, [], None)
    assert plausibility(120, PERSEN, [], None)
    assert plausibility(None, ANGKA, [60.0], None) == []


def test_numbers_are_printed_the_indonesian_way() -> None:
    assert number_text(1234.5) == "1.234,5"
    assert number_text(85.0) == "85"
    assert number_text(None) == "—"


def test_the_checksum_covers_every_locked_field() -> None:
    ident = FormIdentity("k", "Kec", 1, "2026-TW3", 2, "Seksi")
    rows = [FormRow(7, "1.1", "Indikator", "%", 85.0, "", 13)]
    base = form_checksum(ident, rows)
    assert base == form_checksum(ident, [FormRow(7, " 1.1", "Indikator ", "%", 85, "", 13)])
    changed = [
        form_checksum(FormIdentity("x", "Kec", 1, "2026-TW3", 2, "Seksi"), rows),
        form_checksum(FormIdentity("k", "Kec", 2, "2026-TW3", 2, "Seksi"), rows),
        form_checksum(FormIdentity("k", "Kec", 1, "2026-TW3", 3, "Seksi"), rows),
        form_checksum(FormIdentity("k", "Kec", 1, "2026-TW3", 2, "Seksi", 2), rows),
        form_checksum(ident, [FormRow(8, "1.1", "Indikator", "%", 85.0, "", 13)]),
        form_checksum(ident, [FormRow(7, "1.1", "Indikator", "%", 86.0, "", 13)]),
        form_checksum(ident, [FormRow(7, "1.1", "Indikator", "persen", 85.0, "", 13)]),
    ]
    assert base not in changed and len(set(changed)) == len(changed)
