"""Waktu as real sheets write it is understood as a duration; totals and wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_desktop.core.sop.durations import (
    Duration,
    format_durasi,
    format_durasi_range,
    parse_waktu,
    total_waktu,
    unit_minutes,
)

HARI = 8 * 60


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("10 MENIT", 10),
        ("20 Menit", 20),
        ("4 JAM", 240),
        ("1 Hari", HARI),
        ("1Hari", HARI),
        ("2 hari kerja", 2 * HARI),
        ("1,5 jam", 90),
        ("0.5 jam", 30),
        ("1 jam 30 menit", 90),
        ("1 hari, 2 jam dan 15 menit", HARI + 135),
        ("2j30m", 150),
        ("90 detik", 1.5),
        ("30 dtk", 0.5),
        ("1 minggu", 5 * HARI),
        ("2 pekan", 10 * HARI),
        ("1 bulan", 22 * HARI),
        ("1 tahun", 12 * 22 * HARI),
        ("15 mnt", 15),
        ("15 mnt.", 15),
        ("15 MNT.", 15),
        ("45 min", 45),
        ("2 j", 120),
        ("2 jm", 120),
        ("3 hr", 3 * HARI),
        ("3 hr kerja", 3 * HARI),
        ("5 HK", 5 * HARI),
        ("8 jam kerja", 480),
        ("5 (lima) hari kerja", 5 * HARI),
        ("14 (empat belas) hari", 14 * HARI),
        ("1 x 24 jam", HARI),
        ("3x24 jam", 3 * HARI),
        ("2 x 30 menit", 60),
        ("± 30 menit", 30),
        ("+/- 2 jam", 120),
        ("kurang lebih 1 jam", 60),
        ("kurang-lebih 1 jam", 60),
        ("paling lama 3 hari", 3 * HARI),
        ("maks. 2 jam", 120),
        ("setengah hari", HARI / 2),
        ("1/2 hari", HARI / 2),
        ("½ jam", 30),
        ("1½ jam", 90),
        ("sehari", HARI),
        ("satu jam", 60),
        ("1.000 menit", 1000),
        ("0 menit", 0),
        ("  10   MENIT  ", 10),
    ],
)
def test_single_values(text: str, minutes: float) -> None:
    d = parse_waktu(text)
    assert d is not None, text
    assert d.min_minutes == pytest.approx(minutes)
    assert d.max_minutes == pytest.approx(minutes)
    assert not d.is_range


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1 – 20 Hari Kerja", HARI, 20 * HARI),
        ("1 — 20 hari", HARI, 20 * HARI),
        ("1-20 hari", HARI, 20 * HARI),
        ("1 s/d 3 hari", HARI, 3 * HARI),
        ("1 s.d. 3 hari", HARI, 3 * HARI),
        ("1 sd 3 hari", HARI, 3 * HARI),
        ("2 sampai 3 jam", 120, 180),
        ("2 sampai dengan 3 jam", 120, 180),
        ("2 hingga 3 jam", 120, 180),
        ("30 menit – 1 jam", 30, 60),
        ("1 jam - 30 menit", 30, 60),  # reversed: put in order
        ("2 jam – 1 hari 2 jam", 120, HARI + 120),
        ("1,5 - 2 jam", 90, 120),
        ("3 - 5 (lima) hari kerja", 3 * HARI, 5 * HARI),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    d = parse_waktu(text)
    assert d is not None, text
    assert (d.min_minutes, d.max_minutes) == (pytest.approx(low), pytest.approx(high))
    assert d.is_range


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-",
        "–",
        "segera",
        "sesuai kebutuhan",
        "Tentatif",
        "hari",
        "jam kerja",
        "1 jam 30",  # a number after a unit without its own unit
        "30 menit kerja",
        "14 hari kalender",
        "2 h",  # hour or hari? refused
        "1 - 2 - 3 jam",
        "- 30 menit",
        "10 menit setelah surat diterima",
        "1 x jam",
        "1.2.3 jam",
        "1/0 jam",
        "²3 jam",
    ],
)
def test_garbage_is_not_understood(text: str) -> None:
    assert parse_waktu(text) is None
    assert parse_waktu(text, default_unit="menit") is None


def test_bare_number_needs_a_default_unit() -> None:
    assert parse_waktu("120") is None
    assert parse_waktu("120", default_unit="menit") == Duration(120, 120)
    assert parse_waktu("120.0", default_unit="menit") == Duration(120, 120)
    assert parse_waktu("2", default_unit="jam") == Duration(120, 120)
    assert parse_waktu("1 - 2", default_unit="hari") == Duration(HARI, 2 * HARI)
    assert parse_waktu("1 - 2") is None
    # an explicit unit wins over the column's default
    assert parse_waktu("1 Hari", default_unit="menit") == Duration(HARI, HARI)


def test_unknown_default_unit_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_waktu("5", default_unit="fortnight")


def test_working_day_length_is_a_setting() -> None:
    assert parse_waktu("1 hari", jam_kerja_per_hari=7.5) == Duration(450, 450)
    assert parse_waktu("1 minggu", jam_kerja_per_hari=6) == Duration(5 * 360, 5 * 360)
    assert parse_waktu("2 jam", jam_kerja_per_hari=6) == Duration(120, 120)
    with pytest.raises(ValueError):
        unit_minutes("hari", 0)


def test_seed_sheets_waktu_is_understood() -> None:
    written = ["120", "60", "480", "10 MENIT", "4 JAM", "30 Menit", "7 JAM", "8 JAM", "40 menit"]
    for text in written:
        assert parse_waktu(text, default_unit="menit") is not None, text


def test_total_sums_understood_and_reports_the_rest() -> None:
    total, bad = total_waktu(["10 MENIT", "", "segera", "1 – 2 jam", "   ", "-", "30"])
    assert bad == [2, 5, 6]  # "30" has no unit without a default
    assert total == Duration(70, 130)
    total, bad = total_waktu(["10 MENIT", "30"], default_unit="menit")
    assert (total, bad) == (Duration(40, 40), [])


def test_total_of_nothing_is_zero() -> None:
    assert total_waktu([]) == (Duration(0, 0), [])


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 menit"),
        (30, "30 menit"),
        (60, "1 jam"),
        (90, "1 jam 30 menit"),
        (HARI, "1 hari"),
        (2 * HARI + 180, "2 hari 3 jam"),
        (HARI + 5, "1 hari 5 menit"),
        (0.5, "30 detik"),
        (89.6, "1 jam 30 menit"),
    ],
)
def test_format_durasi(minutes: float, text: str) -> None:
    assert format_durasi(minutes) == text


def test_format_uses_the_working_day_setting() -> None:
    assert format_durasi(480, jam_kerja_per_hari=7.5) == "1 hari 30 menit"
    with pytest.raises(ValueError):
        format_durasi(-1)


def test_format_range() -> None:
    assert format_durasi_range(Duration(HARI, 20 * HARI)) == "1 – 20 hari"
    assert format_durasi_range(Duration(30, 90)) == "30 menit – 1 jam 30 menit"
    assert format_durasi_range(Duration(45, 45)) == "45 menit"


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.integers(min_value=0, max_value=200 * HARI),
    jam=st.sampled_from([8.0, 7.5, 6.0, 7.0]),
)
def test_formatted_duration_reads_back(minutes: int, jam: float) -> None:
    text = format_durasi(minutes, jam_kerja_per_hari=jam)
    assert parse_waktu(text, jam_kerja_per_hari=jam) == Duration(minutes, minutes)
