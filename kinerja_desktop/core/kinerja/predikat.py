"""Predikat bands of a capaian, and the colour bands of the screens — two
settings, kept apart (an office may colour differently from how it rates).

A band is "more than `batas`" (exclusive); the first band whose bound the
capaian exceeds wins, anything else gets the bottom label. Bounds are
`Decimal`s and the capaian is compared after `capaian.rounded` (two
decimals, half up), so the printed 90,00 is never "Sangat Tinggi" because
the float behind it was 90.00000000000001. Default (Permendagri 86/2017
evaluation bands): > 90 Sangat Tinggi, > 75 Tinggi, > 65 Sedang, > 50
Rendah, otherwise Sangat Rendah.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..errors import ValidationError
from .capaian import rounded

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _decimal(value: object, what: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{what} '{value}' bukan angka.") from None
    if not number.is_finite():
        raise ValidationError(f"{what} '{value}' bukan angka.")
    return number


def _bound_text(batas: Decimal) -> str:
    text = format(batas.normalize(), "f")
    return text.replace(".", ",")


@dataclass(frozen=True)
class Band:
    """More than `batas` percent → `label` (a predikat, or a colour "#RRGGBB")."""

    batas: Decimal
    label: str


def _checked_bands(bands: tuple[Band, ...], what: str) -> None:
    if not bands:
        raise ValidationError(f"{what} memerlukan sedikitnya satu batas.")
    bounds = [b.batas for b in bands]
    if any(a <= b for a, b in itertools.pairwise(bounds)):
        raise ValidationError(f"Batas {what.lower()} harus menurun dari atas ke bawah.")


def _band_of(bands: tuple[Band, ...], bawah: str, persen: float | None) -> str:
    """The label of the first band `persen` (rounded) exceeds; `bawah` below them all."""
    if persen is None:
        return ""
    value = rounded(persen)
    for band in bands:
        if value > band.batas:
            return band.label
    return bawah


def _bands_dict(bands: tuple[Band, ...], bawah: str) -> dict[str, object]:
    return {"batas": [[str(b.batas), b.label] for b in bands], "bawah": bawah}


def _bands_read(data: dict[str, object], what: str) -> tuple[tuple[Band, ...], str]:
    """The bands and bottom label stored by `_bands_dict` (`what`: "predikat", "warna")."""
    rows = data.get("batas") or []
    try:
        bands = tuple(
            Band(_decimal(a, f"Batas {what}"), str(b).strip())
            for a, b in rows  # type: ignore[union-attr]
        )
    except (TypeError, ValueError):
        raise ValidationError(f"Daftar batas {what} tidak terbaca.") from None
    return bands, str(data.get("bawah", "")).strip()


@dataclass(frozen=True)
class PredikatScale:
    """Bands from the highest down; `bawah` for everything at or under the last bound."""

    bands: tuple[Band, ...]
    bawah: str

    def __post_init__(self) -> None:
        _checked_bands(self.bands, "Predikat")
        labels = [b.label.strip() for b in self.bands] + [self.bawah.strip()]
        if any(not x for x in labels):
            raise ValidationError("Setiap predikat harus bernama.")

    def of(self, persen: float | None) -> str:
        """The predikat of a capaian ('' when there is none)."""
        return _band_of(self.bands, self.bawah, persen)

    def describe(self) -> str:
        """'> 90 Sangat Tinggi; > 75 Tinggi; … ; ≤ 50 Sangat Rendah'."""
        parts = [f"> {_bound_text(b.batas)} {b.label}" for b in self.bands]
        parts.append(f"≤ {_bound_text(self.bands[-1].batas)} {self.bawah}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return _bands_dict(self.bands, self.bawah)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PredikatScale:
        return cls(*_bands_read(data, "predikat"))


@dataclass(frozen=True)
class ColourScale:
    """Colour bands of the screens and the Rekap: "#RRGGBB" per band."""

    bands: tuple[Band, ...]
    bawah: str

    def __post_init__(self) -> None:
        _checked_bands(self.bands, "Warna")
        for colour in [b.label for b in self.bands] + [self.bawah]:
            if not _HEX.match(colour):
                raise ValidationError(f"Warna '{colour}' harus ditulis #RRGGBB.")

    def of(self, persen: float | None) -> str:
        """The colour of a capaian ('' when there is none)."""
        return _band_of(self.bands, self.bawah, persen)

    def to_dict(self) -> dict[str, object]:
        return _bands_dict(self.bands, self.bawah)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ColourScale:
        return cls(*_bands_read(data, "warna"))


DEFAULT_PREDIKAT = PredikatScale(
    (
        Band(Decimal(90), "Sangat Tinggi"),
        Band(Decimal(75), "Tinggi"),
        Band(Decimal(65), "Sedang"),
        Band(Decimal(50), "Rendah"),
    ),
    "Sangat Rendah",
)

DEFAULT_WARNA = ColourScale(
    (
        Band(Decimal(90), "#63BE7B"),
        Band(Decimal(75), "#B5D77F"),
        Band(Decimal(65), "#FFEB84"),
        Band(Decimal(50), "#FDB96A"),
    ),
    "#F8696B",
)
