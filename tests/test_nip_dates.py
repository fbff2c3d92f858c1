"""NIP rules and Indonesian dates."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.core.dates import format_tanggal, format_tempat_tanggal, parse_tanggal
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.nip import format_nip, is_valid_nip, nip_problems, validate_nip


@pytest.mark.parametrize(
    "nip",
    [
        "197504282000121003",
        "19750428 200012 1 003",
        "NIP. 19690815 199803 1 008",
        "NIP: 196801271986111001",
        "19920229 201503 2 001",
    ],
)
def test_valid_nips(nip: str) -> None:
    assert is_valid_nip(nip)


@pytest.mark.parametrize(
    ("nip", "fragment"),
    [
        ("19681251986111001", "18 angka"),  # 17 digits, as in a seed document
        ("19751328200012 1 003", "tanggal lahir"),  # month 13
        ("19750431200012 1 003", "tanggal lahir"),  # 31 April
        ("19890229 201503 2 001", "tanggal lahir"),  # not a leap year
        ("19750428 200013 1 003", "pengangkatan"),  # month 13
        ("19750428 197001 1 003", "sebelum tanggal lahir"),
        ("19750428 200012 3 003", "jenis kelamin"),
        ("1975O428 200012 1 003", "hanya boleh berisi angka"),
    ],
)
def test_invalid_nips_say_why(nip: str, fragment: str) -> None:
    problems = nip_problems(nip)
    assert problems and any(fragment in p for p in problems)
    with pytest.raises(ValidationError):
        validate_nip(nip)


def test_nip_prints_grouped_8_6_1_3() -> None:
    assert format_nip("197504282000121003") == "19750428 200012 1 003"
    assert format_nip("NIP. 1975-0428-2000-1210-03") == "19750428 200012 1 003"
    assert format_nip("12345") == "12345"  # not an NIP: printed as written


def test_dates_in_indonesian() -> None:
    assert format_tanggal(date(2026, 2, 16)) == "16 Februari 2026"
    assert format_tanggal(date(2020, 2, 5)) == "5 Februari 2020"
    assert format_tanggal(None) == "-"
    assert format_tempat_tanggal("Masama", date(2026, 2, 16)) == "Masama, 16 Februari 2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 FEBRUARI 2023", date(2023, 2, 16)),
        ("05 Februari 2020", date(2020, 2, 5)),
        ("2023-02-16", date(2023, 2, 16)),
        ("16/02/2023", date(2023, 2, 16)),
        ("1 Nopember 2021", date(2021, 11, 1)),
        ("16-Agu-2024", date(2024, 8, 16)),
        ("", None),
        ("-", None),
        ("31 Februari 2023", None),
        ("besok", None),
    ],
)
def test_parse_dates(text: str, expected: date | None) -> None:
    assert parse_tanggal(text) == expected
