"""Profil Instansi: the heading printed on every sheet, the signers, the paper.

Edited in place and saved with Simpan (one service call: the profile and
both signers in one transaction, with its audit row); Batalkan perubahan
reads the stored profile back. The Camat and Sekretaris Camat are chosen
from the staff (added on the Pegawai page).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.office import OfficeProfile, PaperSize, SignerRole
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.settings import UiSettings

from .logo import ask_logo_path, png_of, show_logo

FORM = "profile_page"
REQUIRED = {
    "pemerintahEdit": QLineEdit,
    "kantorEdit": QLineEdit,
    "alamatEdit": QLineEdit,
    "kotaEdit": QLineEdit,
    "camatCombo": QComboBox,
    "sekretarisCombo": QComboBox,
    "kertasCombo": QComboBox,
    "jamSpin": QDoubleSpinBox,
    "logoPreview": QLabel,
    "logoButton": QPushButton,
    "logoClearButton": QPushButton,
    "noteLabel": QLabel,
    "saveButton": QPushButton,
    "revertButton": QPushButton,
}
PAPERS = (PaperSize.F4, PaperSize.A4)
NOBODY = "(belum dipilih)"


class ProfilePage(QWidget):
    """The office profile form."""

    saved = Signal()

    def __init__(
        self, service: OfficeService, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self._service = service
        self._settings = settings
        form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.edits = {
            name: child(form, QLineEdit, f"{name}Edit")
            for name in ("pemerintah", "kantor", "alamat", "kota")
        }
        self.camat: QComboBox = child(form, QComboBox, "camatCombo")
        self.sekretaris: QComboBox = child(form, QComboBox, "sekretarisCombo")
        self.kertas: QComboBox = child(form, QComboBox, "kertasCombo")
        self.kertas.addItems(["F4 (215 × 330 mm)", "A4 (210 × 297 mm)"])
        self.jam: QDoubleSpinBox = child(form, QDoubleSpinBox, "jamSpin")
        self.logo_label: QLabel = child(form, QLabel, "logoPreview")
        self.note: QLabel = child(form, QLabel, "noteLabel")
        self.save_button: QPushButton = child(form, QPushButton, "saveButton")
        child(form, QPushButton, "logoButton").clicked.connect(self.choose_logo)
        child(form, QPushButton, "logoClearButton").clicked.connect(self.clear_logo)
        self.save_button.clicked.connect(self.save)
        child(form, QPushButton, "revertButton").clicked.connect(self.refresh)
        self._logo: bytes | None = None
        self._profile = OfficeProfile()
        self.refresh()

    def refresh(self) -> None:
        """Show the stored profile (drops unsaved edits)."""
        profile = self._service.get_profile()
        self._profile = profile
        for name, value in (
            ("pemerintah", profile.pemerintah),
            ("kantor", profile.nama_kantor),
            ("alamat", profile.alamat),
            ("kota", profile.kota_ttd),
        ):
            self.edits[name].setText(value)
        self.kertas.setCurrentIndex(PAPERS.index(PaperSize(profile.kertas)))
        self.jam.setValue(profile.jam_kerja_per_hari)
        self._logo = profile.logo_png
        show_logo(self.logo_label, self._logo)
        self._fill_signers()
        self.note.setText(
            "Pemerintah dan Kecamatan dicetak persis seperti ditulis di kop setiap lembar SOP; "
            "kota dipakai pada baris tanda tangan (mis. «Martapura, 16 Februari 2026»). "
            "Camat dan Sekretaris Camat dipilih dari halaman Pegawai."
        )

    def _fill_signers(self, keep: bool = False) -> None:
        """The staff in both signer lists; `keep`: the user's unsaved choice stays."""
        staff = [s for s in self._service.list_staff() if s.aktif]
        signers = self._service.signers()
        for combo, role in (
            (self.camat, SignerRole.CAMAT),
            (self.sekretaris, SignerRole.SEKRETARIS),
        ):
            stored = signers.get(role)
            wanted = (
                combo.currentData() if keep and combo.count() else (stored.id if stored else None)
            )
            combo.clear()
            combo.addItem(NOBODY, None)
            for member in staff:
                text = f"{member.nama} — {member.jabatan}" if member.jabatan else member.nama
                combo.addItem(text, member.id)
            combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted is not None else 0)

    def staff_changed(self) -> None:
        """The staff changed elsewhere: new names in the lists, edits kept."""
        self._fill_signers(keep=True)

    def profile(self) -> OfficeProfile:
        return replace(
            self._profile,
            pemerintah=self.edits["pemerintah"].text(),
            nama_kantor=self.edits["kantor"].text(),
            alamat=self.edits["alamat"].text(),
            kota_ttd=self.edits["kota"].text(),
            kertas=PAPERS[self.kertas.currentIndex()],
            jam_kerja_per_hari=self.jam.value(),
            logo_png=self._logo,
        )

    def save(self) -> bool:
        signers = {
            SignerRole.CAMAT: self.camat.currentData(),
            SignerRole.SEKRETARIS: self.sekretaris.currentData(),
        }
        try:
            self._service.save_profile(self.profile(), signers)
        except Exception as exc:
            show_error(self, exc, "Profil tidak disimpan")
            return False
        self.saved.emit()
        return True

    def choose_logo(self) -> None:
        path = ask_logo_path(self, self._settings)
        if path is None:
            return
        try:
            self._logo = png_of(path)
        except Exception as exc:
            show_error(self, exc, "Logo")
            return
        show_logo(self.logo_label, self._logo)

    def clear_logo(self) -> None:
        self._logo = None
        show_logo(self.logo_label, None)
