"""Values as a person types them, and the checks that go with them.

`read_typed(raw, rule)` turns what a cell holds (a number, a text, nothing,
a date) into a number, a scale label or None ("not filled in" — never 0),
or refuses it with an Indonesian reason:

* Indonesian decimals `12,5`, thousands `1.234` and `1.234,5`, percentages
  `85%` (for persen indicators), a leading minus (also U+2212), spaces and
  non-breaking spaces anywhere;
* an English-looking `12.5` is read as 12,5 with a note (no Indonesian number
  has one dot followed by other than three digits);
* text ("sekitar 80"), dates and booleans in a numeric cell are refused;
* scale labels (WTP, WDP …) case-insensitively.

`plausibility` gives warnings, never refusals: negative values, percentages
outside 0–100, and a value more than 50 % away from the indicator's own
history (its last known value).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..dates import format_tanggal
from .rules import CalculationRule, ValueKind

MAX_TEXT = 1000  # keterangan and bukti
MAX_ABS = 1e15
DEVIATION = 0.5

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ID_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_DECIMAL = re.compile(r"^\d+(,\d+)?$")
_EN_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")
_EN_DECIMAL = re.compile(r"^\d*\.\d+$")


@dataclass(frozen=True)
class TypedValue:
    """A cell read: `nilai` (None = not filled in), the scale `teks`, a refusal
    `masalah` (then nilai is None and the value must not be stored), a `catatan`."""

    nilai: float | None
    teks: str = ""
    masalah: str = ""
    catatan: str = ""

    @property
    def filled(self) -> bool:
        return self.nilai is not None


EMPTY = TypedValue(None)


def number_text(value: float | None, empty: str = "—") -> str:
    """12,5 / 1.234 / 85 the Indonesian way; `empty` for None."""
    if value is None:
        return empty
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def canonical_number(value: float | None) -> str:
    """A stable text for hashing: '85', '12.5', '' for None."""
    if value is None:
        return ""
    text = f"{round(float(value), 6):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _refuse(reason: str) -> TypedValue:
    return TypedValue(None, masalah=reason)


def _parse_number(text: str) -> tuple[float | None, str]:
    """(value, note) of a digit string without sign or %; value None when not a number."""
    if _ID_THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", ".")), ""
    if _ID_DECIMAL.match(text):
        return float(text.replace(",", ".")), ""
    if _EN_THOUSANDS.match(text):
        value = float(text.replace(",", ""))
        return value, f"dibaca sebagai {number_text(value)} (penulisan bahasa Inggris)"
    if _EN_DECIMAL.match(text):
        value = float(text)
        return value, f"dibaca sebagai {number_text(value)} (titik dianggap koma desimal)"
    return None, ""


def _read_text(text: str, rule: CalculationRule) -> TypedValue:
    shown = text.strip()
    compact = _SPACES.sub("", shown)
    if not compact:
        return EMPTY
    if rule.jenis_nilai is ValueKind.SKALA:
        nilai = rule.scale_value(shown)
        if nilai is None:
            return _refuse(f"'{_short(shown)}' bukan tingkat skala; pilih {rule.scale_text()}.")
        return TypedValue(nilai, rule.scale_label(nilai))
    sign = 1.0
    if compact[0] in "-\u2212":
        sign, compact = -1.0, compact[1:]
    elif compact[0] == "+":
        compact = compact[1:]
    percent = compact.endswith("%")
    if percent:
        compact = compact[:-1]
    value, note = _parse_number(compact)
    if value is None:
        return _refuse(f"'{_short(shown)}' bukan angka. Ketik angkanya saja, mis. 80 atau 12,5.")
    if percent and rule.jenis_nilai is not ValueKind.PERSEN:
        return _refuse(f"'{_short(shown)}' berupa persen, padahal indikator ini bukan persentase.")
    return _checked(sign * value, note)


def _checked(value: float, note: str = "") -> TypedValue:
    if not math.isfinite(value) or abs(value) > MAX_ABS:
        return _refuse("angka tidak wajar (terlalu besar).")
    return TypedValue(value + 0.0, catatan=note)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_typed(  # noqa: PLR0911 - one return per kind of cell content
    raw: object, rule: CalculationRule, *, percent_format: bool = False
) -> TypedValue:
    """What a realisasi cell holds, read by the indicator's rule.

    `percent_format`: the cell carries a percent number format (someone typed
    "85%" into a general cell and the spreadsheet stored 0.85).
    """
    if raw is None:
        return EMPTY
    if isinstance(raw, bool):
        return _refuse("sel berisi nilai logika (TRUE/FALSE), bukan angka.")
    if isinstance(raw, datetime | date | time | timedelta):
        return _refuse("sel berisi tanggal/waktu, bukan angka. Ketik angkanya saja.")
    if isinstance(raw, int | float):
        if rule.jenis_nilai is ValueKind.SKALA:
            label = rule.scale_label(float(raw))
            if label:
                return TypedValue(float(raw), label)
            return _refuse(
                f"{number_text(float(raw))} bukan tingkat skala; pilih {rule.scale_text()}."
            )
        value = float(raw)
        if percent_format:
            if rule.jenis_nilai is not ValueKind.PERSEN:
                return _refuse("sel berformat persen, padahal indikator ini bukan persentase.")
            value *= 100
        return _checked(round(value, 9))
    if isinstance(raw, str):
        return _read_text(raw, rule)
    return _refuse("isi sel tidak dikenali.")


def read_note(raw: object, what: str) -> tuple[str, str]:
    """(text, problem) of a keterangan/bukti cell."""
    if raw is None:
        return "", ""
    if isinstance(raw, datetime | date):
        return format_tanggal(raw if isinstance(raw, date) else raw.date()), ""
    text = (
        number_text(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else str(raw)
    )
    text = text.strip()
    if len(text) > MAX_TEXT:
        return "", f"{what} terlalu panjang ({len(text)} karakter; batas {MAX_TEXT})."
    return text, ""


def plausibility(
    value: float | None, rule: CalculationRule, history: list[float], target: float | None
) -> list[str]:
    """Warnings (Indonesian) for a value that is accepted but looks odd."""
    if value is None:
        return []
    warnings: list[str] = []
    if value < 0:
        warnings.append(f"nilai negatif ({number_text(value)}).")
    if rule.jenis_nilai is ValueKind.PERSEN and not 0 <= value <= 100:
        warnings.append(f"persentase {number_text(value)} di luar 0–100.")
    reference = history[-1] if history else None
    if (
        reference is not None
        and reference != 0
        and abs(value - reference) > DEVIATION * abs(reference)
    ):
        warnings.append(
            f"berbeda lebih dari 50% dari nilai sebelumnya ({number_text(reference)}); "
            "periksa lagi."
        )
    elif reference is None and target and abs(value - target) > 2 * abs(target):
        warnings.append(f"jauh dari target ({number_text(target)}); periksa lagi.")
    return warnings
