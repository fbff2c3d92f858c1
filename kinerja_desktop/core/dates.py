"""Dates the Indonesian way: "16 Februari 2026", and back again.

Qt's own date formatting is English whatever the locale of the machine, and
printed sheets must not depend on the machine's locale, so it is done here.
"""

from __future__ import annotations

import re
from datetime import date, datetime

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_BULAN_LOOKUP = {name.lower(): i + 1 for i, name in enumerate(BULAN)}
_BULAN_LOOKUP.update(
    {
        "jan": 1,
        "feb": 2,
        "pebruari": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "agu": 8,
        "agt": 8,
        "agus": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nop": 11,
        "nov": 11,
        "nopember": 11,
        "des": 12,
    }
)


def format_tanggal(value: date | None, empty: str = "-") -> str:
    """'16 Februari 2026' (no leading zero); `empty` when there is no date."""
    if value is None:
        return empty
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def format_tempat_tanggal(kota: str, value: date) -> str:
    """The first line of a signature block: 'Masama, 16 Februari 2026'."""
    return f"{kota}, {format_tanggal(value)}" if kota else format_tanggal(value)


_TEXT_DATE = re.compile(r"^\s*(\d{1,2})[\s\-/.]+([A-Za-z]+)[\s\-/.,]+(\d{4})\s*$")
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[\-/.](\d{1,2})[\-/.](\d{4})\s*$")


def parse_tanggal(text: str | date | datetime | None) -> date | None:
    """Read a date as offices write it; None when empty or not understood.

    Accepts date objects (Excel cells), ISO "2023-02-16", "16 FEBRUARI 2023",
    "05 Februari 2020", "16-Feb-2023" and "16/02/2023" (day first).
    """
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    s = str(text).strip()
    if not s or s == "-":
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return _parse_written(s)


def _parse_written(s: str) -> date | None:
    m = _TEXT_DATE.match(s)
    if m:
        month = _BULAN_LOOKUP.get(m.group(2).lower())
        return _safe_date(int(m.group(3)), month, int(m.group(1))) if month else None
    m = _NUMERIC_DATE.match(s)
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
