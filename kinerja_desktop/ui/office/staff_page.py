"""Pegawai: the staff list, and the dialog that adds or changes one member.

The NIP is checked as it is typed (`ui.common.nip_field`); Simpan stays off
while it is wrong. Deleting someone who signs (the profile's Camat or
Sekretaris Camat, or the pengesahan of an SOP) first says where, and goes
ahead only when the user confirms.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kinerja_desktop.core.office import PANGKAT_GOLONGAN, Staff, Unit
from kinerja_desktop.services.office_service import OfficeService, StaffInUseError
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.nip_field import NipCheck

from .models import StaffTableModel
from .table_page import TablePage

FORM = "staff_dialog"
REQUIRED = {
    "namaEdit": QLineEdit,
    "nipEdit": QLineEdit,
    "nipStatusLabel": QLabel,
    "pangkatCombo": QComboBox,
    "jabatanEdit": QLineEdit,
    "unitCombo": QComboBox,
    "aktifCheck": QCheckBox,
    "catatanEdit": QLineEdit,
    "errorLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}
# Column widths: a sample of the widest usual text per column (Jabatan takes the rest).
COLUMN_SAMPLES = (
    "RISNAWATI MALUSE, S.Sos., M.Si",
    "00000000 000000 0 000",
    "Penata Muda Tk. I, III/b",
    "",
    "Seksi Pelayanan Umum",
    "Sekretaris Camat",
    "Aktif",
)


class StaffDialog:
    """Adds (member None) or changes a member; `ask()` is the edited Staff or None."""

    def __init__(self, parent: QWidget | None, units: list[Unit], member: Staff | None) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        d.setWindowTitle("Ubah pegawai" if member else "Tambah pegawai")
        self.member = member or Staff(nama="")
        self.nama = child(d, QLineEdit, "namaEdit")
        self.nip_edit = child(d, QLineEdit, "nipEdit")
        self.nip = NipCheck(self.nip_edit, child(d, QLabel, "nipStatusLabel"))
        self.pangkat = child(d, QComboBox, "pangkatCombo")
        self.pangkat.addItems(["", *PANGKAT_GOLONGAN])
        self.jabatan = child(d, QLineEdit, "jabatanEdit")
        self.unit = child(d, QComboBox, "unitCombo")
        self.unit.addItem("(tanpa unit)", None)
        for unit in units:
            self.unit.addItem(unit.nama, unit.id)
        self.aktif = child(d, QCheckBox, "aktifCheck")
        self.catatan = child(d, QLineEdit, "catatanEdit")
        self.error = child(d, QLabel, "errorLabel")
        buttons = child(d, QDialogButtonBox, "buttonBox")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)
        self._load(self.member)
        self.nip.validity_changed.connect(lambda _v: self._update())
        self.nama.textChanged.connect(lambda _t: self._update())
        self._update()

    def _load(self, m: Staff) -> None:
        self.nama.setText(m.nama)
        self.nip_edit.setText(m.nip)
        self.pangkat.setCurrentText(m.pangkat)
        self.jabatan.setText(m.jabatan)
        self.unit.setCurrentIndex(max(0, self.unit.findData(m.unit_id)) if m.unit_id else 0)
        self.aktif.setChecked(m.aktif)
        self.catatan.setText(m.catatan)

    def _update(self) -> None:
        ok = bool(self.nama.text().strip()) and self.nip.valid
        self.save_button.setEnabled(ok)
        self.error.setText("" if self.nip.valid else "Perbaiki NIP dulu, atau kosongkan.")

    def staff(self) -> Staff:
        return replace(
            self.member,
            nama=self.nama.text(),
            nip=self.nip.nip(),
            pangkat=self.pangkat.currentText(),
            jabatan=self.jabatan.text(),
            unit_id=self.unit.currentData(),
            aktif=self.aktif.isChecked(),
            catatan=self.catatan.text().strip(),
        )

    def ask(self) -> Staff | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.staff()


class StaffPage(TablePage):
    """The staff of the office."""

    noun = "pegawai"

    def __init__(self, service: OfficeService, parent: QWidget | None = None) -> None:
        super().__init__("Pegawai", StaffTableModel(), parent)
        self.setObjectName("staffPage")
        self._service = service
        self.search.setPlaceholderText("Nama, NIP, jabatan atau unit…")
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            if sample:
                self.table.horizontalHeader().resizeSection(
                    column, metrics.horizontalAdvance(sample) + 18
                )
        self.table.horizontalHeader().setSectionResizeMode(
            StaffTableModel.COL_JABATAN, QHeaderView.ResizeMode.Stretch
        )
        self.table.sortByColumn(StaffTableModel.COL_NAMA, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.set_rows(
            self._service.list_staff(), self._service.list_units(), self._service.signers()
        )
        self.after_reload(keep)

    def _member(self, staff_id: int) -> Staff | None:
        return next((s for s in self._service.list_staff() if s.id == staff_id), None)

    def _ask(self, member: Staff | None) -> Staff | None:
        """The dialog (tests replace this)."""
        return StaffDialog(self, self._service.list_units(), member).ask()

    def add(self) -> None:
        self._save(None)

    def edit(self, record_id: int) -> None:
        member = self._member(record_id)
        if member is not None:
            self._save(member)

    def _save(self, member: Staff | None) -> None:
        edited = self._ask(member)
        while edited is not None:
            try:
                new_id = self._service.save_staff(edited)
            except Exception as exc:
                show_error(self, exc, "Pegawai tidak disimpan")
                edited = self._ask(edited)  # the dialog again, with what was typed
                continue
            self.refresh()
            self.select(new_id)
            return

    def confirm_signer_delete(self, name: str, uses: list[str]) -> bool:
        """Asks before deleting a signer (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Hapus penandatangan?",
            f"{name} masih dipakai sebagai penandatangan:\n\n• " + "\n• ".join(uses),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            "Bila dihapus, profil kantor tidak lagi menyebutnya sebagai penandatangan. SOP yang "
            "sudah ada tetap mencantumkan pengesahan seperti tertulis."
        )
        delete = box.addButton("&Hapus juga", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is delete

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Hapus pegawai",
            f"Hapus {name} dari daftar pegawai?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, record_id: int) -> None:
        member = self._member(record_id)
        if member is None:
            return
        try:
            uses = self._service.staff_uses(record_id)
            if uses:
                if not self.confirm_signer_delete(member.nama, uses):
                    return
            elif not self.confirm_delete(member.nama):
                return
            self._service.delete_staff(record_id, even_if_signer=bool(uses))
        except StaffInUseError as exc:  # became a signer meanwhile
            show_error(self, exc, "Pegawai tidak dihapus")
        except Exception as exc:
            show_error(self, exc, "Pegawai tidak dihapus")
        self.refresh()
