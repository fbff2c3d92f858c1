"""The Buku SOP dialog: which SOPs (default: this office's SOPs in force), the
year on the cover, paper, orientation and binding margin; kesalahan of the chosen SOPs shown,
printing them anyway only as a deliberate choice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kinerja_desktop.core.sop.checker import Finding
from kinerja_desktop.services.print_service import BookChoice
from kinerja_desktop.services.sop_service import describe
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.sop.life_dialogs import errors_html
from kinerja_desktop.ui.sop.print_dialog import PAPERS

FORM = "book_dialog"
REQUIRED = {
    "sopList": QListWidget,
    "allButton": QPushButton,
    "ownButton": QPushButton,
    "countLabel": QLabel,
    "tahunSpin": QSpinBox,
    "kertasCombo": QComboBox,
    "tegakCheck": QCheckBox,
    "jilidCombo": QComboBox,
    "findingsLabel": QLabel,
    "paksaCheck": QCheckBox,
    "buttonBox": QDialogButtonBox,
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
JILID = ("", "kiri", "cermin")  # the binding margins, in the combo's order


@dataclass(frozen=True)
class BookOptions:
    ids: list[int]
    tahun: int
    kertas: str
    tegak: bool
    paksa: bool
    jilid: str = ""


class BookDialog:
    """`ask()` returns the options, or None when cancelled."""

    def __init__(
        self,
        parent: QWidget | None,
        choices: Sequence[BookChoice],
        errors: dict[int, list[Finding]],
        *,
        paper: str,
        portrait: bool,
        year: int | None = None,
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        self.choices = list(choices)
        self.errors = errors
        self.list = child(d, QListWidget, "sopList")
        for c in self.choices:
            text = f"{describe(c.nomor, c.judul)}  (revisi ke-{c.revisi_ke})"
            if not c.own_office:
                text += f"  — kop kantor lain: {c.kop[-1] if c.kop else '?'}"
            if c.id in errors:
                text += "  ⚠ ada kesalahan"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, c.id)
            if c.kop:
                item.setToolTip("Kop: " + " / ".join(c.kop))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.own_office else Qt.CheckState.Unchecked)
        self.year = child(d, QSpinBox, "tahunSpin")
        self.year.setValue(year or date.today().year)
        self.paper = child(d, QComboBox, "kertasCombo")
        self.paper.setCurrentIndex(PAPERS.index(paper) if paper in PAPERS else 0)
        self.portrait = child(d, QCheckBox, "tegakCheck")
        self.portrait.setChecked(portrait)
        self.binding = child(d, QComboBox, "jilidCombo")
        self.force = child(d, QCheckBox, "paksaCheck")
        self.findings = child(d, QLabel, "findingsLabel")
        self.count = child(d, QLabel, "countLabel")
        box = child(d, QDialogButtonBox, "buttonBox")
        self.ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Cetak…")
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        box.accepted.connect(d.accept)
        box.rejected.connect(d.reject)
        child(d, QPushButton, "allButton").clicked.connect(lambda: self._check(lambda _c: True))
        child(d, QPushButton, "ownButton").clicked.connect(
            lambda: self._check(lambda c: c.own_office)
        )
        self.list.itemChanged.connect(self._update)
        self.force.toggled.connect(self._update)
        self._update()

    def _check(self, chosen) -> None:
        for row, c in enumerate(self.choices):
            state = Qt.CheckState.Checked if chosen(c) else Qt.CheckState.Unchecked
            self.list.item(row).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [
            c.id
            for row, c in enumerate(self.choices)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _update(self, *_args) -> None:
        ids = self.chosen_ids()
        self.count.setText(f"{len(ids)} dari {len(self.choices)} SOP dipilih")
        found = [f for i in ids for f in self.errors.get(i, [])]
        self.findings.setVisible(bool(found))
        self.force.setVisible(bool(found))
        if found:
            self.findings.setText(errors_html(found, "SOP yang dipilih belum siap dicetak:"))
        self.ok.setEnabled(bool(ids) and (not found or self.force.isChecked()))

    def choice(self) -> BookOptions:
        return BookOptions(
            ids=self.chosen_ids(),
            tahun=self.year.value(),
            kertas=PAPERS[self.paper.currentIndex()],
            tegak=self.portrait.isChecked(),
            paksa=self.force.isChecked(),
            jilid=JILID[self.binding.currentIndex()],
        )

    def ask(self) -> BookOptions | None:
        return self.choice() if self.dialog.exec() == QDialog.DialogCode.Accepted else None
