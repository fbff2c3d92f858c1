"""Reporting periods: a month `2026-07`, a triwulan `2026-TW3`, a semester
`2026-S2` or a year `2026`, parsed from what a person types and written back
in that one canonical form (the key stored in the database and in forms).

A period knows the months it spans, so a triwulan contains its months and a
year contains everything of that year; nothing here ever looks at today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..dates import BULAN
from ..errors import ValidationError

ROMAN = ("I", "II", "III", "IV")
MIN_YEAR, MAX_YEAR = 2000, 2100


class PeriodKind(StrEnum):
    BULAN = "bulan"
    TRIWULAN = "triwulan"
    SEMESTER = "semester"
    TAHUN = "tahun"


_MONTHS_PER = {PeriodKind.BULAN: 1, PeriodKind.TRIWULAN: 3, PeriodKind.SEMESTER: 6}
_COUNT = {PeriodKind.BULAN: 12, PeriodKind.TRIWULAN: 4, PeriodKind.SEMESTER: 2}
_PATTERN = re.compile(
    r"^\s*(?P<year>\d{4})\s*(?:[-/ ]\s*(?:(?P<tw>TW|Q)\s*(?P<twn>\d)|(?P<s>S|SMT)\s*(?P<sn>\d)"
    r"|(?P<m>\d{1,2})))?\s*$",
    re.IGNORECASE,
)
FORMAT_HINT = "tulis mis. 2026-07 (bulan), 2026-TW3 (triwulan), 2026-S2 (semester) atau 2026"


@dataclass(frozen=True, order=True)
class Period:
    """One period; `nomor` is the month, triwulan or semester (0 for a year)."""

    tahun: int
    jenis: PeriodKind
    nomor: int = 0

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.tahun <= MAX_YEAR:
            raise ValidationError(f"Tahun {self.tahun} di luar rentang {MIN_YEAR}–{MAX_YEAR}.")
        if self.jenis is PeriodKind.TAHUN:
            if self.nomor != 0:
                raise ValidationError("Periode tahunan tidak bernomor.")
        elif not 1 <= self.nomor <= _COUNT[self.jenis]:
            raise ValidationError(
                f"{self.jenis.value.capitalize()} ke-{self.nomor} tidak ada "
                f"(1 sampai {_COUNT[self.jenis]})."
            )

    @property
    def key(self) -> str:
        """The canonical text: 2026-07, 2026-TW3, 2026-S2, 2026."""
        if self.jenis is PeriodKind.BULAN:
            return f"{self.tahun}-{self.nomor:02d}"
        if self.jenis is PeriodKind.TRIWULAN:
            return f"{self.tahun}-TW{self.nomor}"
        if self.jenis is PeriodKind.SEMESTER:
            return f"{self.tahun}-S{self.nomor}"
        return str(self.tahun)

    def __str__(self) -> str:
        return self.key

    @property
    def label(self) -> str:
        """As printed: Juli 2026, Triwulan III 2026, Semester II 2026, Tahun 2026."""
        if self.jenis is PeriodKind.BULAN:
            return f"{BULAN[self.nomor - 1]} {self.tahun}"
        if self.jenis is PeriodKind.TRIWULAN:
            return f"Triwulan {ROMAN[self.nomor - 1]} {self.tahun}"
        if self.jenis is PeriodKind.SEMESTER:
            return f"Semester {ROMAN[self.nomor - 1]} {self.tahun}"
        return f"Tahun {self.tahun}"

    @property
    def months(self) -> tuple[int, int]:
        """First and last month (1-12) of the period."""
        if self.jenis is PeriodKind.TAHUN:
            return 1, 12
        size = _MONTHS_PER[self.jenis]
        first = (self.nomor - 1) * size + 1
        return first, first + size - 1

    def contains(self, other: Period) -> bool:
        """True when `other` lies wholly inside this period (itself included)."""
        if other.tahun != self.tahun:
            return False
        a, b = self.months
        c, d = other.months
        return a <= c and d <= b

    def triwulan(self) -> Period | None:
        """The triwulan a month or triwulan belongs to (None for longer periods)."""
        if self.jenis is PeriodKind.BULAN:
            return Period(self.tahun, PeriodKind.TRIWULAN, (self.nomor - 1) // 3 + 1)
        return self if self.jenis is PeriodKind.TRIWULAN else None

    def year(self) -> Period:
        return Period(self.tahun, PeriodKind.TAHUN)

    def file_label(self) -> str:
        """For file names: 2026-TW3."""
        return self.key


def triwulans(tahun: int) -> list[Period]:
    return [Period(tahun, PeriodKind.TRIWULAN, n) for n in range(1, 5)]


def parse_period(text: str) -> Period:
    """A period from what a person types (case and spaces do not matter)."""
    match = _PATTERN.match(text or "")
    if match is None:
        raise ValidationError(f"Periode '{text}' tidak dikenal; {FORMAT_HINT}.")
    year = int(match["year"])
    if match["tw"]:
        return Period(year, PeriodKind.TRIWULAN, int(match["twn"]))
    if match["s"]:
        return Period(year, PeriodKind.SEMESTER, int(match["sn"]))
    if match["m"]:
        return Period(year, PeriodKind.BULAN, int(match["m"]))
    return Period(year, PeriodKind.TAHUN)
