"""Putaran baru: the period picked from combo boxes (kind, which one, year) —
built into the canonical key (`2026-07`, `2026-TW3`, `2026-S2`, `2026`) by
`core.kinerja.periods` — and the deadline on a calendar.

The defaults follow the clock: the triwulan we are in, and a deadline on the
10th of the month after it ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from kinerja_desktop.core.dates import BULAN
from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.periods import ROMAN, Period, PeriodKind
from kinerja_desktop.ui.common.forms import child, load_form

from .common import pydate, qdate, tanggal

FORM = "kinerja_round_dialog"
REQUIRED = {
    "jenisCombo": QComboBox,
    "nomorCombo": QComboBox,
    "tahunSpin": QSpinBox,
    "tenggatEdit": QDateEdit,
    "tanpaTenggatCheck": QCheckBox,
    "previewLabel": QLabel,
    "errorLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}
KINDS = (
    (PeriodKind.TRIWULAN, "Triwulan"),
    (PeriodKind.BULAN, "Bulan"),
    (PeriodKind.SEMESTER, "Semester"),
    (PeriodKind.TAHUN, "Tahun"),
)
INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def choices(kind: PeriodKind) -> list[tuple[int, str]]:
    """(nomor, text) of the periods of a kind within one year."""
    if kind is PeriodKind.BULAN:
        return [(n, BULAN[n - 1]) for n in range(1, 13)]
    if kind is PeriodKind.TRIWULAN:
        return [(n, f"Triwulan {ROMAN[n - 1]}") for n in range(1, 5)]
    if kind is PeriodKind.SEMESTER:
        return [(n, f"Semester {ROMAN[n - 1]}") for n in range(1, 3)]
    return [(0, "setahun penuh")]


def default_deadline(period: Period) -> date:
    """The 10th of the month after the period ends."""
    last = period.months[1]
    year, month = (period.tahun + 1, 1) if last == 12 else (period.tahun, last + 1)
    return date(year, month, 10)


@dataclass(frozen=True)
class RoundChoice:
    periode: str  # the key, e.g. 2026-TW3
    tenggat: date | None


class RoundDialog:
    """Asks for a new round's period and deadline; `ask()` is a RoundChoice or None."""

    def __init__(self, parent: QWidget | None, today: date) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        self.jenis = child(d, QComboBox, "jenisCombo")
        self.nomor = child(d, QComboBox, "nomorCombo")
        self.tahun = child(d, QSpinBox, "tahunSpin")
        self.tenggat = child(d, QDateEdit, "tenggatEdit")
        self.tanpa = child(d, QCheckBox, "tanpaTenggatCheck")
        self.preview = child(d, QLabel, "previewLabel")
        self.error = child(d, QLabel, "errorLabel")
        self.tenggat.setLocale(INDONESIAN)
        self.tenggat.calendarWidget().setLocale(INDONESIAN)
        buttons = child(d, QDialogButtonBox, "buttonBox")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Buat putaran")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(d.reject)
        for kind, text in KINDS:
            self.jenis.addItem(text, kind.value)
        self.tahun.setValue(today.year)
        self._fill_numbers()
        self.nomor.setCurrentIndex((today.month - 1) // 3)
        self.jenis.currentIndexChanged.connect(self._kind_changed)
        self.nomor.currentIndexChanged.connect(self._period_changed)
        self.tahun.valueChanged.connect(self._period_changed)
        self.tanpa.toggled.connect(lambda on: self.tenggat.setEnabled(not on))
        self.tanpa.toggled.connect(lambda _on: self._show_preview())
        self.tenggat.dateChanged.connect(lambda _d: self._show_preview())
        self.error.hide()
        self._period_changed()

    def _fill_numbers(self) -> None:
        self.nomor.blockSignals(True)
        self.nomor.clear()
        for n, text in choices(self.kind()):
            self.nomor.addItem(text, n)
        self.nomor.setEnabled(self.kind() is not PeriodKind.TAHUN)
        self.nomor.blockSignals(False)

    def _kind_changed(self, _index: int) -> None:
        self._fill_numbers()
        self._period_changed()

    def kind(self) -> PeriodKind:
        return PeriodKind(self.jenis.currentData())

    def period(self) -> Period:
        return Period(self.tahun.value(), self.kind(), self.nomor.currentData() or 0)

    def _period_changed(self, *_args) -> None:
        try:
            period = self.period()
        except KinerjaError:
            return
        self.tenggat.setDate(qdate(default_deadline(period)))
        self._show_preview()

    def _show_preview(self) -> None:
        period = self.period()
        deadline = (
            "tanpa tenggat" if self.tanpa.isChecked() else tanggal(pydate(self.tenggat.date()))
        )
        self.preview.setText(
            f"Putaran <b>{period.label}</b> (kode {period.key}), tenggat {deadline}."
        )

    def choice(self) -> RoundChoice:
        tenggat = None if self.tanpa.isChecked() else pydate(self.tenggat.date())
        return RoundChoice(self.period().key, tenggat)

    def _accept(self) -> None:
        self.dialog.accept()

    def ask(self) -> RoundChoice | None:
        return self.choice() if self.dialog.exec() == QDialog.DialogCode.Accepted else None
