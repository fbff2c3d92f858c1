"""Waktu (the time standard of a step) as people write it, understood as a duration.

The SOP keeps Waktu exactly as written; this module reads it. Real sheets write
it every way: a bare number in a "Waktu (menit)" column (`120`), `10 MENIT`,
`4 JAM`, `1 Hari`, `1Hari`, `2 hari kerja`, `1,5 jam`, `0.5 jam`, ranges
(`1 – 20 Hari Kerja`, `1-2 jam`, `1 s/d 3 hari`, `2 sampai 3 jam`,
`30 menit – 1 jam`) and combinations (`1 jam 30 menit`, `1 hari, 2 jam`).

Conventions (all durations are *working* time, counted in minutes):

* Units and the spellings understood (case does not matter, a trailing dot is
  allowed, the number may touch the unit: `1Hari`, `10mnt.`):
  detik (`detik`, `dtk`, `det`) · menit (`menit`, `mnt`, `mn`, `min`, `m`) ·
  jam (`jam`, `jm`, `j`) · hari (`hari`, `hr`, `hk` = hari kerja) ·
  minggu (`minggu`, `mgg`, `mg`, `pekan`) · bulan (`bulan`, `bln`) ·
  tahun (`tahun`, `thn`, `th`). `h` and `d` are refused: in English they
  mean hour/day, in Indonesian hari, so they are ambiguous.
* "hari" and "hari kerja" are both one working day of `jam_kerja_per_hari`
  hours (default 8: real sheets write 480 minutes for a day's work);
  "jam kerja" is an hour. A minggu is 5 working days, a bulan 22 working days,
  a tahun 12 bulan. "hari kalender" is refused: how much working time a
  calendar day holds depends on the calendar.
* Numbers: `1,5` and `1.5` are both one and a half (Indonesian decimal comma);
  a dot followed by exactly three digits is a thousands separator (`1.000`);
  simple fractions `1/2`, `½`, `¼`, `¾`; the words satu … sepuluh,
  setengah, seperempat; `sehari`, `sejam`, `seminggu`, `sebulan`, `setahun`.
  A number word in brackets after a figure is dropped: `5 (lima) hari`.
* `N x 24 jam` (the Indonesian idiom for "within N days") means N hari; any
  other product `A x B unit` is A×B units.
* Qualifiers are ignored: `±`, `+/-`, kurang lebih, sekitar, kira-kira,
  paling lama/lambat, maksimal/maks/max, selama, dalam. "paling lama 3 hari"
  is therefore the single value 3 hari: the standard is the upper bound.
* A range is two durations joined by `–`, `—`, `-`, `s/d`, `s.d.`, `sd`,
  `sampai`, `sampai dengan` or `hingga`; a bare number on one side takes the
  unit of the other side (`1 – 20 Hari Kerja`). Reversed ranges are put in
  order.
* A bare number (or bare range) is understood only with a `default_unit`
  (given when the column header says "Waktu (menit)"). Anything else — an
  unknown word ("segera", "sesuai kebutuhan"), a lone "-", a number after a
  unit with no unit of its own ("1 jam 30") — is not understood: None.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

_UNIT_ALIASES: dict[str, str] = {
    "detik": "detik",
    "dtk": "detik",
    "det": "detik",
    "menit": "menit",
    "mnt": "menit",
    "mn": "menit",
    "min": "menit",
    "m": "menit",
    "jam": "jam",
    "jm": "jam",
    "j": "jam",
    "hari": "hari",
    "hr": "hari",
    "hk": "hari",
    "minggu": "minggu",
    "mgg": "minggu",
    "mg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
    "tahun": "tahun",
    "thn": "tahun",
    "th": "tahun",
}
_SE_UNITS = {"sedetik": "detik", "semenit": "menit", "sejam": "jam", "sehari": "hari"}
_SE_UNITS |= {"seminggu": "minggu", "sepekan": "minggu", "sebulan": "bulan", "setahun": "tahun"}
_KERJA_UNITS = {"jam", "hari", "minggu", "bulan"}  # "<unit> kerja" is allowed
_NUMBER_WORDS: dict[str, float] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "setengah": 0.5,
    "seperempat": 0.25,
}
_BRACKET_NUMBER_WORDS = set(_NUMBER_WORDS) | {"belas", "puluh", "ratus", "sebelas", "seratus"}
_FILLERS = {
    "kurang",
    "lebih",
    "sekitar",
    "kira",
    "paling",
    "lama",
    "lambat",
    "maksimal",
    "maksimum",
    "maks",
    "max",
    "selama",
    "dalam",
    "dan",
}
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_SEPARATORS = {",", ".", "+", "&", ";", "±"}

_PAREN = re.compile(r"\(([^()]*)\)")
_RANGE_SPLIT = re.compile(
    r"\s*(?:[–—-]|(?<![a-z])s\s*/\s*d(?![a-z])\.?|(?<![a-z])s\.\s*d(?![a-z])\.?"
    r"|(?<![a-z])sd(?![a-z])|(?<![a-z])sampai(?:\s+dengan)?(?![a-z])|(?<![a-z])hingga(?![a-z]))\s*"
)
_TOKEN = re.compile(r"\d+/\d+|\d+(?:[.,]\d+)*|[a-z]+|\S")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


@dataclass(frozen=True)
class Duration:
    """A duration in working minutes; a range when min and max differ."""

    min_minutes: float
    max_minutes: float

    @property
    def is_range(self) -> bool:
        return not math.isclose(self.min_minutes, self.max_minutes, abs_tol=1e-9)

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.min_minutes + other.min_minutes, self.max_minutes + other.max_minutes)


ZERO = Duration(0.0, 0.0)


def unit_minutes(unit: str, jam_kerja_per_hari: float = 8.0) -> float:
    """Minutes in one `unit` (any spelling listed in the module docstring)."""
    if jam_kerja_per_hari <= 0:
        raise ValueError("jam_kerja_per_hari harus lebih dari 0")
    canonical = _UNIT_ALIASES.get(unit.strip().lower().rstrip("."))
    if canonical is None:
        raise ValueError(f"satuan waktu tidak dikenal: {unit!r}")
    day = jam_kerja_per_hari * 60
    return {
        "detik": 1 / 60,
        "menit": 1.0,
        "jam": 60.0,
        "hari": day,
        "minggu": 5 * day,
        "bulan": 22 * day,
        "tahun": 12 * 22 * day,
    }[canonical]


def parse_waktu(
    text: str, *, default_unit: str | None = None, jam_kerja_per_hari: float = 8.0
) -> Duration | None:
    """The duration `text` means, or None when it is empty or not understood."""
    if default_unit is not None:
        unit_minutes(default_unit, jam_kerja_per_hari)  # fail early on a bad unit
    if text is None:
        return None
    s = _normalize(str(text))
    if not s:
        return None
    parts = _RANGE_SPLIT.split(s)
    if len(parts) > 2:
        return None
    parsed = [_parse_part(p) for p in parts]
    if any(p is None for p in parsed):
        return None
    resolved = _resolve_units(parsed, default_unit)  # type: ignore[arg-type]
    if resolved is None:
        return None
    values = sorted(
        round(sum(v * unit_minutes(u, jam_kerja_per_hari) for v, u in pairs), 6)
        for pairs in resolved
    )
    return Duration(values[0], values[-1])


def total_waktu(
    waktu_texts: Iterable[str],
    *,
    default_unit: str | None = None,
    jam_kerja_per_hari: float = 8.0,
) -> tuple[Duration, list[int]]:
    """Sum of the understood texts, and the 0-based indexes of those not understood.

    Empty (blank) texts are neither summed nor reported.
    """
    total = ZERO
    bad: list[int] = []
    for i, text in enumerate(waktu_texts):
        if text is None or not str(text).strip():
            continue
        d = parse_waktu(text, default_unit=default_unit, jam_kerja_per_hari=jam_kerja_per_hari)
        if d is None:
            bad.append(i)
        else:
            total = total + d
    return total, bad


def format_durasi(minutes: float, *, jam_kerja_per_hari: float = 8.0) -> str:
    """Indonesian, human: "30 menit", "1 jam 30 menit", "2 hari 3 jam".

    A hari is a working day of `jam_kerja_per_hari` hours. Less than a minute
    is shown in detik; otherwise the value is rounded to the nearest minute.
    """
    if minutes < 0 or math.isnan(minutes):
        raise ValueError("durasi tidak boleh negatif")
    if jam_kerja_per_hari <= 0:
        raise ValueError("jam_kerja_per_hari harus lebih dari 0")
    seconds = int(minutes * 60 + 0.5)
    if 0 < seconds < 60:
        return f"{seconds} detik"
    total = int(minutes + 0.5)
    day_len = max(1, int(jam_kerja_per_hari * 60 + 0.5))
    days, rest = divmod(total, day_len)
    hours, mins = divmod(rest, 60)
    parts = [f"{n} {word}" for n, word in ((days, "hari"), (hours, "jam"), (mins, "menit")) if n]
    return " ".join(parts) if parts else "0 menit"


def format_durasi_range(d: Duration, *, jam_kerja_per_hari: float = 8.0) -> str:
    """A duration or a range: "2 jam", "1 – 20 hari", "30 menit – 1 jam 30 menit"."""
    low = format_durasi(d.min_minutes, jam_kerja_per_hari=jam_kerja_per_hari)
    if not d.is_range:
        return low
    high = format_durasi(d.max_minutes, jam_kerja_per_hari=jam_kerja_per_hari)
    low_n, _, low_unit = low.partition(" ")
    high_n, _, high_unit = high.partition(" ")
    if low_unit == high_unit and " " not in low_unit:
        return f"{low_n} – {high_n} {high_unit}"
    return f"{low} – {high}"


# -- parsing helpers --------------------------------------------------------

_Pairs = list[tuple[float, str]]
_Part = _Pairs | float  # a float = a bare number without a unit


def _normalize(text: str) -> str:
    s = text.strip().lower()
    s = s.replace("+/-", "±").replace("+-", "±")
    s = _PAREN.sub(_bracket, s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)  # kira-kira, kurang-lebih
    return s.replace("×", " x ").strip()


def _bracket(match: re.Match[str]) -> str:
    words = match.group(1).split()
    if words and all(w in _BRACKET_NUMBER_WORDS for w in words):
        return " "
    return f" {match.group(1)} "


def _parse_number(token: str) -> float | None:
    if "/" in token:
        num, den = token.split("/")
        return int(num) / int(den) if int(den) else None
    if "," in token and "." in token:  # 1.000,5
        token = token.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(token):
        token = token.replace(".", "")
    else:
        token = token.replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return None


class _PartReader:
    """Reads one side of a range: number–unit pairs, or a bare number."""

    def __init__(self) -> None:
        self.pairs: _Pairs = []
        self.pending: float | None = None
        self.factor: float | None = None  # left side of "A x B"
        self.last_unit: str | None = None

    def number(self, value: float) -> bool:
        if self.pending is not None:
            return False
        self.pending = value
        return True

    def unit(self, unit: str) -> bool:
        if self.pending is None:
            return False
        value, factor = self.pending, self.factor
        if factor is not None and unit == "jam" and math.isclose(value, 24):
            value, unit = factor, "hari"  # "1 x 24 jam" = within one day
        elif factor is not None:
            value *= factor
        self.pairs.append((value, unit))
        self.pending, self.factor, self.last_unit = None, None, unit
        return True

    def word(self, word: str) -> bool:
        word = word.rstrip(".")
        if word in _UNIT_ALIASES:
            return self.unit(_UNIT_ALIASES[word])
        if word in _SE_UNITS:
            return self.number(1) and self.unit(_SE_UNITS[word])
        if word in _NUMBER_WORDS:
            return self.number(_NUMBER_WORDS[word])
        if word == "x":
            if self.pending is None or self.factor is not None:
                return False
            self.factor, self.pending = self.pending, None
            return True
        if word == "kerja":
            ok = self.last_unit in _KERJA_UNITS and self.pending is None
            self.last_unit = None
            return ok
        return word in _FILLERS

    def symbol(self, token: str) -> bool:
        if token in _VULGAR:
            if self.pending is not None and self.pending == int(self.pending):
                self.pending += _VULGAR[token]  # "1½"
                return True
            return self.number(_VULGAR[token])
        return token in _SEPARATORS and self.factor is None

    def result(self) -> _Part | None:
        if self.factor is not None:
            return None
        if self.pending is not None:
            return self.pending if not self.pairs else None
        return self.pairs or None


def _parse_part(text: str) -> _Part | None:
    reader = _PartReader()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            value = _parse_number(token)
            ok = value is not None and reader.number(value)
        elif token.isalpha() and token.isascii():
            ok = reader.word(token)
        else:
            ok = reader.symbol(token)
        if not ok:
            return None
    return reader.result()


def _resolve_units(parts: list[_Part], default_unit: str | None) -> list[_Pairs] | None:
    """Give bare numbers a unit: from the other side of a range, else the default."""
    units = [p[0][1] for p in parts if isinstance(p, list)]
    fallback = units[0] if units else default_unit
    if fallback is None:
        return None
    return [p if isinstance(p, list) else [(p, fallback)] for p in parts]
