"""The print options dialog: paper, orientation, Lembar Kerja, signature date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QWidget,
)

from kinerja_desktop.core.sop.checker import Finding
from kinerja_desktop.ui.common.forms import child, load_form

FORM = "print_dialog"
REQUIRED = {
    "titleLabel": QLabel,
    "kertasCombo": QComboBox,
    "tegakCheck": QCheckBox,
    "lembarKerjaCheck": QCheckBox,
    "tanggalSopRadio": QRadioButton,
    "tanggalLainRadio": QRadioButton,
    "tanggalEdit": QDateEdit,
    "findingsLabel": QLabel,
    "paksaCheck": QCheckBox,
    "buttonBox": QDialogButtonBox,
}
PAPERS = ("F4", "A4")  # the order of the combo box items


@dataclass(frozen=True)
class PrintChoice:
    kertas: str
    tegak: bool
    lembar_kerja: bool
    tanggal_ttd: date | None  # None = the SOP's own date
    paksa: bool


class PrintDialog:
    """Asks how to print; `ask()` returns the choice or None when cancelled."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        paper: str,
        portrait: bool,
        lembar_kerja: bool | None,
        errors: Sequence[Finding] = (),
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        child(d, QLabel, "titleLabel").setText(title)
        self.paper = child(d, QComboBox, "kertasCombo")
        self.paper.setCurrentIndex(PAPERS.index(paper) if paper in PAPERS else 0)
        self.portrait = child(d, QCheckBox, "tegakCheck")
        self.portrait.setChecked(portrait)
        self.lembar_kerja = child(d, QCheckBox, "lembarKerjaCheck")
        self.lembar_kerja.setVisible(lembar_kerja is not None)
        self.lembar_kerja.setChecked(bool(lembar_kerja))
        self.own_date = child(d, QRadioButton, "tanggalSopRadio")
        self.other_date = child(d, QRadioButton, "tanggalLainRadio")
        self.date_edit = child(d, QDateEdit, "tanggalEdit")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setEnabled(False)
        self.other_date.toggled.connect(self.date_edit.setEnabled)
        self.force = child(d, QCheckBox, "paksaCheck")
        self._show_errors(errors)
        buttons = child(d, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Cetak…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if errors:  # printing a sheet with kesalahan needs a deliberate choice
            ok.setEnabled(False)
            self.force.toggled.connect(ok.setEnabled)
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)

    def _show_errors(self, errors: Sequence[Finding]) -> None:
        label = child(self.dialog, QLabel, "findingsLabel")
        if not errors:
            label.hide()
            self.force.hide()
            return
        items = "".join(
            f"<li>{escape((f'Langkah {f.step}: ' if f.step else '') + f.message)}</li>"
            for f in errors[:8]
        )
        more = f"<li>… dan {len(errors) - 8} lagi</li>" if len(errors) > 8 else ""
        label.setText(
            "<b style='color:#b00020'>Pemeriksa SOP menemukan kesalahan</b>; lembar ini belum "
            f"siap ditandatangani:<ul>{items}{more}</ul>"
        )

    def choice(self) -> PrintChoice:
        qd = self.date_edit.date()
        return PrintChoice(
            kertas=PAPERS[self.paper.currentIndex()],
            tegak=self.portrait.isChecked(),
            lembar_kerja=self.lembar_kerja.isChecked(),
            tanggal_ttd=date(qd.year(), qd.month(), qd.day())
            if self.other_date.isChecked()
            else None,
            paksa=self.force.isChecked(),
        )

    def ask(self) -> PrintChoice | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.choice()
