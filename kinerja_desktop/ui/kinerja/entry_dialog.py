"""Entri kertas: a unit that delivers its form on paper has it typed here, in
the same rows as its Excel form, with the same checks.

Periksa hands the typed text to `preview_entry` (nothing written); problems
and warnings go onto their cells (red / amber, the message as tooltip) and
into the list below. Terapkan is possible only after a check without
problems and with nothing typed since; it applies the entry in one
transaction, like a returned file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import FilePreview
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form

from . import common
from .entry_model import EntryModel
from .grids import EDIT_KEYS, ScaleDelegate

FORM = "kinerja_entry_dialog"
REQUIRED = {
    "roundCombo": QComboBox,
    "unitCombo": QComboBox,
    "hintLabel": QLabel,
    "grid": QTableView,
    "problemList": QListWidget,
    "resultLabel": QLabel,
    "checkButton": QPushButton,
    "applyButton": QPushButton,
    "closeButton": QPushButton,
}
HINT = (
    "Ketik angka dari formulir kertas di kolom Realisasi (mis. 12,5 atau 1.234; persen boleh "
    "85 atau 85%; untuk skala pilih labelnya). Kosong berarti belum diisi, bukan nol. Tekan "
    "Periksa, lalu Terapkan."
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryDialog:
    """The paper-entry dialog of one window."""

    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        clock: Callable[[], datetime],
        periode: str | None = None,
        unit_id: int | None = None,
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        self.imports = KinerjaImportService(session, clock)
        self.rounds = KinerjaRoundService(session, clock)
        self.round_combo = child(d, QComboBox, "roundCombo")
        self.unit_combo = child(d, QComboBox, "unitCombo")
        self.grid = child(d, QTableView, "grid")
        self.problem_list = child(d, QListWidget, "problemList")
        self.result_label = child(d, QLabel, "resultLabel")
        self.check_button = child(d, QPushButton, "checkButton")
        self.apply_button = child(d, QPushButton, "applyButton")
        child(d, QLabel, "hintLabel").setText(HINT)
        self.model = EntryModel(d)
        self._set_up_grid()
        self.checked: FilePreview | None = None
        self._shown = (-1, -1)
        for r in sorted(self.rounds.list_rounds(), key=lambda r: r.periode, reverse=True):
            self.round_combo.addItem(r.periode.label, r.periode.key)
        self.round_combo.setCurrentIndex(max(self.round_combo.findData(periode), 0))
        self._fill_units(unit_id)
        self.round_combo.currentIndexChanged.connect(lambda _i: self._choice_changed(True))
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._choice_changed(False))
        self.model.edited.connect(self._edited)
        self.check_button.clicked.connect(self.check)
        self.apply_button.clicked.connect(self.apply)
        child(d, QPushButton, "closeButton").clicked.connect(self._close)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self._load()

    def _set_up_grid(self) -> None:
        g = self.grid
        g.setModel(self.model)
        g.setItemDelegate(ScaleDelegate(g))
        self.model.undo.watch(g)
        g.setEditTriggers(EDIT_KEYS)
        g.verticalHeader().setDefaultSectionSize(g.fontMetrics().height() + 10)
        g.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        g.horizontalHeader().setStretchLastSection(True)

    def periode(self) -> str | None:
        return self.round_combo.currentData()

    def unit_id(self) -> int | None:
        return self.unit_combo.currentData()

    def _fill_units(self, unit_id: int | None) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        periode = self.periode()
        units = self.rounds.status(periode).units if periode else []
        for u in units:
            self.unit_combo.addItem(u.unit, u.unit_id)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(unit_id), 0))
        self.unit_combo.blockSignals(False)

    def _choice_changed(self, round_changed: bool) -> None:
        if self._typed_unchecked() and not common.confirm(
            self.dialog,
            "Entri belum diterapkan",
            "Yang sudah diketik untuk unit ini belum diterapkan. Buang dan pindah?",
            "&Buang",
        ):
            for combo, value in zip((self.round_combo, self.unit_combo), self._shown, strict=True):
                combo.blockSignals(True)
                combo.setCurrentIndex(value)
                combo.blockSignals(False)
            return
        if round_changed:
            self._fill_units(self.unit_id())
        self._load()

    def _typed_unchecked(self) -> bool:
        return getattr(self, "_dirty", False)

    def _load(self) -> None:
        periode, unit = self.periode(), self.unit_id()
        self._shown = (self.round_combo.currentIndex(), self.unit_combo.currentIndex())
        form = None
        if periode and unit is not None:
            try:
                form = self.imports.entry_form(periode, unit)
            except KinerjaError as exc:
                self.result_label.setText(exc.message)
        self.model.set_form(form)
        self.grid.resizeColumnsToContents()
        for column, width in ((EntryModel.COL_NAMA, 300), (EntryModel.COL_ATURAN, 160)):
            self.grid.setColumnWidth(column, min(self.grid.columnWidth(column), width))
        for column in EntryModel.INPUTS:
            self.grid.setColumnWidth(column, max(self.grid.columnWidth(column), 110))
        self.problem_list.clear()
        self.checked = None
        self._dirty = False
        if form is not None:
            self.dialog.setWindowTitle(
                f"Entri formulir kertas — {form.unit}, {form.round.periode.label}"
            )
            self.result_label.setText(f"{len(form.rows)} indikator.")
        self._update_buttons()
        first = self.model.index(0, EntryModel.COL_REALISASI)
        if first.isValid():
            self.grid.setCurrentIndex(first)

    def _edited(self) -> None:
        self._dirty = True
        self.checked = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.check_button.setEnabled(has_rows)
        ok = self.checked is not None and self.checked.can_apply
        self.apply_button.setEnabled(ok)
        self.apply_button.setDefault(ok)
        self.check_button.setDefault(not ok)

    # -- checking and applying ------------------------------------------------------------
    def check(self) -> None:
        periode, unit = self.periode(), self.unit_id()
        if periode is None or unit is None:
            return
        try:
            preview = self.imports.preview_entry(periode, unit, self.model.entries())
        except KinerjaError as exc:
            show_error(self.dialog, exc, "Entri tidak dapat diperiksa")
            return
        self.checked = preview
        loose = self.model.show_problems(preview.problems, preview.warnings)
        self._list_findings(preview, loose)
        self.result_label.setText(self._verdict(preview))
        self._update_buttons()

    @staticmethod
    def _verdict(p: FilePreview) -> str:
        if p.problems:
            return f"{len(p.problems)} masalah: perbaiki sel yang merah lalu Periksa lagi."
        return f"{p.message}{_blanks(p)}. Tekan Terapkan untuk menyimpan."

    def _list_findings(self, preview: FilePreview, loose) -> None:
        self.problem_list.clear()
        for p in [*preview.problems, *preview.warnings]:
            row = self.model.row_of_cell(p.cell)
            kode = self.model.rows()[row].kode + " — " if row is not None else ""
            word = "masalah" if p.level == "masalah" else "peringatan"
            item = QListWidgetItem(f"[{word}] {p.where or '—'}: {kode}{p.message}")
            item.setData(ROW_ROLE, row)
            item.setForeground(
                Qt.GlobalColor.darkRed if word == "masalah" else Qt.GlobalColor.darkYellow
            )
            self.problem_list.addItem(item)
        if not preview.problems and not preview.warnings:
            self.problem_list.addItem("Tidak ada masalah.")
        del loose  # shown in the list with the others

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        row = item.data(ROW_ROLE)
        if row is not None:
            index = self.model.index(row, EntryModel.COL_REALISASI)
            self.grid.setCurrentIndex(index)
            self.grid.setFocus()

    def apply(self) -> None:
        if self.checked is None or not self.checked.can_apply:
            return
        try:
            (result,) = self.imports.apply(self.checked)
        except KinerjaError as exc:
            show_error(self.dialog, exc, "Entri tidak diterapkan")
            return
        blanks = _blanks(self.checked)
        if result.status != "diterapkan":
            self.result_label.setText(f"Tidak diterapkan: {result.message}")
            self.checked = None
            self._update_buttons()
            return
        self._dirty = False
        self._load()
        self.result_label.setText(
            f"Diterapkan: {result.baru} nilai baru{blanks}, {result.ubah} nilai berubah."
        )

    def _close(self) -> None:
        if self._typed_unchecked() and not common.confirm(
            self.dialog,
            "Entri belum diterapkan",
            "Yang sudah diketik belum diterapkan. Tutup dan buang?",
            "&Buang",
        ):
            return
        self.dialog.reject()

    def exec(self) -> int:
        return self.dialog.exec()


def _blanks(preview: FilePreview) -> str:
    """ " (4 belum diisi)": new rows recorded as not filled in (no realisasi typed)."""
    blank = sum(1 for c in preview.new if c.new.nilai is None and not c.new.teks)
    return f" ({blank} belum diisi)" if blank else ""
