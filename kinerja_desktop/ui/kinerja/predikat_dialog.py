"""Pengaturan predikat: the predikat bands of the reports and, set apart, the
colour bands of the screens and the Rekap, each written on one line —

    90 Sangat Tinggi; 75 Tinggi; 65 Sedang; 50 Rendah; Sangat Rendah
    90 #63be7b; 75 #b5d98b; 65 #ffeb84; 50 #fbb36b; #f8696b

("more than 90 → Sangat Tinggi", the last entry for everything else). One
service call saves both; a wrong line is refused in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.predikat import Band, ColourScale, PredikatScale

from .perbaikan_dialogs import ServiceDialog


def scale_text(scale: PredikatScale | ColourScale) -> str:
    parts = [f"{str(b.batas).replace('.', ',')} {b.label}" for b in scale.bands]
    return "; ".join([*parts, scale.bawah])


def parse_bands(text: str) -> tuple[tuple[Band, ...], str]:
    entries = [e.strip() for e in text.split(";") if e.strip()]
    if len(entries) < 2:
        raise ValidationError("Tulis sedikitnya satu batas dan satu nilai terbawah, dipisah ';'.")
    bands = []
    for entry in entries[:-1]:
        number, _, label = entry.partition(" ")
        try:
            bound = Decimal(number.replace(",", "."))
        except InvalidOperation:
            raise ValidationError(
                f"'{entry}': awali dengan batas angka, mis. '90 Tinggi'."
            ) from None
        bands.append(Band(bound, label.strip()))
    return tuple(bands), entries[-1]


class PredikatDialog(ServiceDialog):
    def __init__(
        self,
        scales: tuple[PredikatScale, ColourScale],
        save: Callable[[PredikatScale, ColourScale], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Pengaturan predikat dan warna", parent)
        self.setMinimumWidth(640)
        self._save = save
        note = QLabel(
            "Tiap entri: batas (lebih dari …) lalu namanya; entri terakhir untuk selebihnya. "
            "Dibandingkan setelah capaian dibulatkan dua desimal.",
            self,
        )
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.predikat = QLineEdit(scale_text(scales[0]), self)
        self.predikat.setObjectName("predikatEdit")
        self.warna = QLineEdit(scale_text(scales[1]), self)
        self.warna.setObjectName("warnaEdit")
        self.form.addRow("Predikat laporan:", self.predikat)
        self.form.addRow("Warna layar dan Rekap:", self.warna)

    def apply(self) -> tuple[PredikatScale, ColourScale]:
        predikat = PredikatScale(*parse_bands(self.predikat.text()))
        warna = ColourScale(*parse_bands(self.warna.text()))
        self._save(predikat, warna)
        return predikat, warna
