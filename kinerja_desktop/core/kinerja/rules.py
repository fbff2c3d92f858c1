"""The calculation rule of an indicator: three explicit settings, and the one
place where they are applied.

* polarity: positif (higher is better) or negatif (lower is better; which
  capaian formula for negatif is part of the rule too: (2T−R)/T or T/R);
* aggregation: how periods combine into a longer one: jumlah (sum), nilai
  terakhir (last filled), rata-rata (mean), nilai tertinggi (maximum);
* value type: angka, persen, or a text scale (WTP=4, WDP=3, …) whose labels
  map to numbers.

"Not filled in" is None everywhere: aggregation skips it and a period with
nothing filled in aggregates to None, never 0. The rule round-trips through
`to_dict`/`from_dict` (stored as columns in the database, as text in the plan
workbook and in the form's formulas).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..errors import ValidationError


class Polarity(StrEnum):
    POSITIF = "positif"
    NEGATIF = "negatif"

    @property
    def label(self) -> str:
        return (
            "Positif (makin tinggi makin baik)"
            if self is Polarity.POSITIF
            else ("Negatif (makin rendah makin baik)")
        )


class Aggregation(StrEnum):
    JUMLAH = "jumlah"
    TERAKHIR = "nilai_terakhir"
    RATA_RATA = "rata_rata"
    TERTINGGI = "nilai_tertinggi"

    @property
    def label(self) -> str:
        return {
            Aggregation.JUMLAH: "jumlah",
            Aggregation.TERAKHIR: "nilai terakhir",
            Aggregation.RATA_RATA: "rata-rata",
            Aggregation.TERTINGGI: "nilai tertinggi",
        }[self]


class ValueKind(StrEnum):
    ANGKA = "angka"
    PERSEN = "persen"
    SKALA = "skala"

    @property
    def label(self) -> str:
        return {"angka": "angka", "persen": "persen", "skala": "skala teks"}[self.value]


class NegativeFormula(StrEnum):
    """Capaian of a lower-is-better indicator."""

    SELISIH = "2t_kurang_r"  # (2T − R) / T × 100, floored at 0
    BAGI = "t_bagi_r"  # T / R × 100

    @property
    def label(self) -> str:
        return "(2T − R) / T × 100" if self is NegativeFormula.SELISIH else "T / R × 100"


@dataclass(frozen=True)
class ScaleLevel:
    label: str
    nilai: float


def _enum(kind: type, value: object, what: str):
    try:
        return kind(str(value).strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        names = ", ".join(k.value for k in kind)
        raise ValidationError(
            f"{what} '{value}' tidak dikenal; pilih salah satu: {names}."
        ) from None


@dataclass(frozen=True)
class CalculationRule:
    polaritas: Polarity = Polarity.POSITIF
    agregasi: Aggregation = Aggregation.JUMLAH
    jenis_nilai: ValueKind = ValueKind.ANGKA
    skala: tuple[ScaleLevel, ...] = field(default=())
    rumus_negatif: NegativeFormula = NegativeFormula.SELISIH

    def __post_init__(self) -> None:
        if self.jenis_nilai is ValueKind.SKALA:
            if len(self.skala) < 2:
                raise ValidationError(
                    "Skala teks memerlukan sedikitnya dua tingkat (mis. WTP=4, WDP=3)."
                )
            labels = [s.label.strip().casefold() for s in self.skala]
            if any(not x for x in labels) or len(set(labels)) != len(labels):
                raise ValidationError("Label skala harus terisi dan berbeda satu sama lain.")
            if any(not math.isfinite(s.nilai) for s in self.skala):
                raise ValidationError("Nilai skala harus berupa angka.")
        elif self.skala:
            raise ValidationError("Skala hanya berlaku untuk jenis nilai 'skala'.")

    # -- text form ------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        return {
            "polaritas": self.polaritas.value,
            "agregasi": self.agregasi.value,
            "jenis_nilai": self.jenis_nilai.value,
            "skala": [[s.label, s.nilai] for s in self.skala],
            "rumus_negatif": self.rumus_negatif.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> CalculationRule:
        skala = data.get("skala") or []
        if isinstance(skala, str):
            skala = parse_scale_text(skala)
        try:
            levels = tuple(ScaleLevel(str(a).strip(), float(b)) for a, b in skala)  # type: ignore[union-attr]
        except (TypeError, ValueError) as exc:
            raise ValidationError(f"Skala '{skala}' tidak terbaca.") from exc
        return cls(
            polaritas=_enum(Polarity, data.get("polaritas", "positif"), "Polaritas"),
            agregasi=_enum(Aggregation, data.get("agregasi", "jumlah"), "Agregasi"),
            jenis_nilai=_enum(ValueKind, data.get("jenis_nilai", "angka"), "Jenis nilai"),
            skala=levels,
            rumus_negatif=_enum(
                NegativeFormula,
                data.get("rumus_negatif", NegativeFormula.SELISIH.value),
                "Rumus negatif",
            ),
        )

    def scale_text(self) -> str:
        """WTP=4; WDP=3; TMP=2; TW=1"""
        return "; ".join(f"{s.label}={_num(s.nilai)}" for s in self.skala)

    def describe(self) -> str:
        """One Indonesian line, printed on forms and reports."""
        parts = [self.polaritas.label]
        if self.polaritas is Polarity.NEGATIF:
            parts.append(f"capaian {self.rumus_negatif.label}")
        parts.append(f"periode digabung: {self.agregasi.label}")
        kind = self.jenis_nilai.label
        if self.jenis_nilai is ValueKind.SKALA:
            kind += f" ({self.scale_text()})"
        parts.append(f"nilai: {kind}")
        return "; ".join(parts)

    # -- scale ------------------------------------------------------------------
    def scale_value(self, text: str) -> float | None:
        key = text.strip().casefold()
        for level in self.skala:
            if level.label.strip().casefold() == key:
                return level.nilai
        return None

    def scale_label(self, nilai: float | None) -> str:
        for level in self.skala:
            if nilai is not None and level.nilai == nilai:
                return level.label
        return ""

    # -- application ---------------------------------------------------------------
    def aggregate(self, values: Iterable[float | None]) -> float | None:
        """Periods (in time order) combined by the rule; None when none is filled in."""
        filled = [v for v in values if v is not None]
        if not filled:
            return None
        if self.agregasi is Aggregation.JUMLAH:
            return math.fsum(filled)
        if self.agregasi is Aggregation.TERAKHIR:
            return filled[-1]
        if self.agregasi is Aggregation.RATA_RATA:
            return math.fsum(filled) / len(filled)
        return max(filled)

    def capaian(self, target: float | None, realisasi: float | None) -> float | None:
        """Capaian in percent; None when either is not filled in or it is undefined."""
        if target is None or realisasi is None:
            return None
        if self.polaritas is Polarity.POSITIF:
            return None if target == 0 else realisasi / target * 100
        if self.rumus_negatif is NegativeFormula.SELISIH:
            return None if target == 0 else max(0.0, (2 * target - realisasi) / target * 100)
        return None if realisasi == 0 else target / realisasi * 100


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def parse_scale_text(text: str) -> list[tuple[str, float]]:
    """'WTP=4; WDP=3' → [('WTP', 4.0), ('WDP', 3.0)]."""
    levels: list[tuple[str, float]] = []
    for part in [p for p in text.replace("\n", ";").split(";") if p.strip()]:
        label, sep, value = part.rpartition("=")
        if not sep:
            raise ValidationError(f"Tingkat skala '{part.strip()}' harus ditulis LABEL=ANGKA.")
        try:
            levels.append((label.strip(), float(value.strip().replace(",", "."))))
        except ValueError:
            raise ValidationError(f"Nilai skala '{value.strip()}' bukan angka.") from None
    return levels
