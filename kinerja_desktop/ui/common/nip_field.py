"""An NIP field checked as it is typed: the reason beside it when it is wrong.

`NipCheck(edit, label)` watches a QLineEdit: while fewer than 18 digits are
typed it counts them; at 18 it says what the NIP encodes (birth date,
appointment, sex) or every reason it is invalid (`core.nip.nip_problems`:
birth date, appointment, sex digit). Only digits, spaces, dots and dashes can
be typed. `valid` is True for a valid NIP or an empty field (an NIP is optional).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit

from kinerja_desktop.core.dates import BULAN, format_tanggal
from kinerja_desktop.core.nip import format_nip, nip_problems, normalize_nip

BAD = "color: #b00020"
GOOD = "color: #1b6e20"
NEUTRAL = "color: #555555"


def describe_nip(text: str) -> tuple[bool, str]:
    """(acceptable, what to show): empty is acceptable and shows nothing."""
    digits = normalize_nip(text)
    if not digits:
        return True, ""
    if digits.isdigit() and len(digits) < 18:
        early = nip_problems(digits.ljust(18, "0")[:14] + "1000") if len(digits) >= 8 else []
        birth = [p for p in early if p.startswith("8 angka pertama")]
        return False, " ".join([*birth, f"({len(digits)} dari 18 angka)"])
    problems = nip_problems(text)
    if problems:
        return False, " ".join(problems)
    born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    month = BULAN[int(digits[12:14]) - 1]
    sex = "pria" if digits[14] == "1" else "wanita"
    return True, f"✓ lahir {format_tanggal(born)}, diangkat {month} {digits[8:12]}, {sex}"


class NipCheck(QObject):
    """Keeps `label` telling what is wrong with the NIP in `edit`."""

    validity_changed = Signal(bool)

    def __init__(self, edit: QLineEdit, label: QLabel) -> None:
        super().__init__(edit)
        self.edit, self.label = edit, label
        pattern = QRegularExpression(r"^(NIP[.:]?\s*)?[0-9 .\-]{0,30}$")
        edit.setValidator(QRegularExpressionValidator(pattern, edit))
        edit.setPlaceholderText("18 angka, mis. 19750428 200012 1 003")
        label.setWordWrap(True)
        self.valid = True
        edit.textChanged.connect(self._check)
        edit.editingFinished.connect(self._tidy)
        self._check(edit.text())

    def _check(self, text: str) -> None:
        valid, message = describe_nip(text)
        digits = normalize_nip(text)
        partial = digits.isdigit() and len(digits) < 18
        self.label.setStyleSheet(NEUTRAL if partial else (GOOD if valid else BAD))
        self.label.setText(message)
        self.edit.setToolTip(message)
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)

    def _tidy(self) -> None:
        """A valid NIP is shown in its printed grouping once the field is left."""
        if self.valid and self.edit.text().strip():
            self.edit.setText(format_nip(self.edit.text()))

    def nip(self) -> str:
        return normalize_nip(self.edit.text())
