"""NIP (Nomor Induk Pegawai): validation and the printed 8-6-1-3 grouping.

An NIP has 18 digits: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, sex
digit (1 = pria, 2 = wanita) and a sequence number NNN. Printed as
"19750428 200012 1 003".
"""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

_NON_DIGIT = re.compile(r"[\s.\-]")


def normalize_nip(text: str) -> str:
    """The bare digits of an NIP as people type it (spaces, dots, dashes and a
    leading "NIP" / "NIP." / "NIP:" removed). Does not validate."""
    s = text.strip()
    s = re.sub(r"^nip\s*[.:]?\s*", "", s, flags=re.IGNORECASE)
    return _NON_DIGIT.sub("", s)


def nip_problems(text: str) -> list[str]:
    """Everything wrong with an NIP, as Indonesian sentences ([] = valid)."""
    nip = normalize_nip(text)
    if not nip.isdigit():
        return ["NIP hanya boleh berisi angka."]
    if len(nip) != 18:
        return [f"NIP harus 18 angka; yang tertulis {len(nip)} angka."]
    problems: list[str] = []
    birth = _date_or_none(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None:
        problems.append(f"8 angka pertama NIP ({nip[0:8]}) bukan tanggal lahir yang sah.")
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < 1900:
        problems.append(f"Angka 9–14 NIP ({nip[8:14]}) bukan tahun-bulan pengangkatan yang sah.")
    elif birth is not None and (year, month) <= (birth.year, birth.month):
        problems.append("Tahun-bulan pengangkatan pada NIP tidak boleh sebelum tanggal lahir.")
    if nip[14] not in "12":
        problems.append(f"Angka ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {nip[14]}.")
    return problems


def is_valid_nip(text: str) -> bool:
    return not nip_problems(text)


def validate_nip(text: str) -> str:
    """The normalized NIP, or ValidationError with every problem listed."""
    problems = nip_problems(text)
    if problems:
        raise ValidationError(" ".join(problems))
    return normalize_nip(text)


def format_nip(text: str) -> str:
    """'19750428 200012 1 003' for a valid 18-digit NIP; anything else as written."""
    nip = normalize_nip(text)
    if len(nip) != 18 or not nip.isdigit():
        return text.strip()
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
