"""Unit: the Sekretariat, Seksi and Kelurahan/Desa of the office, and their dialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from kinerja_desktop.core.office import Unit, UnitKind, guess_unit_kind
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form

from .models import UnitTableModel
from .table_page import TablePage

FORM = "unit_dialog"
REQUIRED = {
    "namaEdit": QLineEdit,
    "jenisCombo": QComboBox,
    "urutanSpin": QSpinBox,
    "errorLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}
COLUMN_CHARS = (8, 44, 14, 8)


class UnitDialog:
    """Adds (unit None) or changes a unit; `ask()` is the edited Unit or None."""

    def __init__(self, parent: QWidget | None, unit: Unit | None, next_order: int) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        d.setWindowTitle("Ubah unit" if unit else "Tambah unit")
        self.unit = unit or Unit(nama="", urutan=next_order)
        self.nama = child(d, QLineEdit, "namaEdit")
        self.jenis = child(d, QComboBox, "jenisCombo")
        for kind in UnitKind:
            self.jenis.addItem(kind.label, kind.value)
        self.urutan = child(d, QSpinBox, "urutanSpin")
        buttons = child(d, QDialogButtonBox, "buttonBox")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)
        self.nama.setText(self.unit.nama)
        self.jenis.setCurrentIndex(self.jenis.findData(UnitKind(self.unit.jenis).value))
        self.urutan.setValue(self.unit.urutan)
        self._kind_touched = unit is not None
        self.jenis.activated.connect(lambda _i: setattr(self, "_kind_touched", True))
        self.nama.textChanged.connect(self._name_changed)
        self._name_changed(self.nama.text())

    def _name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))
        if not self._kind_touched and text.strip():
            self.jenis.setCurrentIndex(self.jenis.findData(guess_unit_kind(text).value))

    def result(self) -> Unit:
        return replace(
            self.unit,
            nama=self.nama.text(),
            jenis=UnitKind(self.jenis.currentData()),
            urutan=self.urutan.value(),
        )

    def ask(self) -> Unit | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.result()


class UnitPage(TablePage):
    """The units of the office."""

    noun = "unit"

    def __init__(self, service: OfficeService, parent: QWidget | None = None) -> None:
        super().__init__("Unit", UnitTableModel(), parent)
        self.setObjectName("unitPage")
        self._service = service
        self.search.setPlaceholderText("Nama atau jenis unit…")
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate(COLUMN_CHARS):
            self.table.horizontalHeader().resizeSection(column, chars * char + 12)
        self.table.sortByColumn(UnitTableModel.COL_URUTAN, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.set_rows(self._service.list_units(), self._service.unit_staff_counts())
        self.after_reload(keep)

    def _unit(self, unit_id: int) -> Unit | None:
        return next((u for u in self._service.list_units() if u.id == unit_id), None)

    def _ask(self, unit: Unit | None) -> Unit | None:
        """The dialog (tests replace this)."""
        units = self._service.list_units()
        next_order = max((u.urutan for u in units), default=0) + 1
        return UnitDialog(self, unit, next_order).ask()

    def add(self) -> None:
        self._save(None)

    def edit(self, record_id: int) -> None:
        unit = self._unit(record_id)
        if unit is not None:
            self._save(unit)

    def _save(self, unit: Unit | None) -> None:
        edited = self._ask(unit)
        while edited is not None:
            try:
                new_id = self._service.save_unit(edited)
            except Exception as exc:
                show_error(self, exc, "Unit tidak disimpan")
                edited = self._ask(edited)
                continue
            self.refresh()
            self.select(new_id)
            return

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Hapus unit",
            f"Hapus unit {name}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, record_id: int) -> None:
        unit = self._unit(record_id)
        if unit is None or not self.confirm_delete(unit.nama):
            return
        try:
            self._service.delete_unit(record_id)
        except Exception as exc:
            show_error(self, exc, "Unit tidak dihapus")
        self.refresh()
