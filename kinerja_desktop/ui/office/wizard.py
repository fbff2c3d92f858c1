"""The first-run wizard: the office, its Camat and Sekretaris Camat, its units, its paper.

Four pages (the fields come from `forms/first_run_wizard.ui`, one child
widget per page): Kantor (Pemerintah Kabupaten/Kota, Kecamatan, address, town
for signature lines, logo with preview); Pimpinan (name with gelar, NIP
checked as typed, pangkat/golongan of both); Unit (the usual units offered,
checkable and editable, Kelurahan/Desa added by name); Kertas (F4 or A4, and
a summary). Selesai stores everything in one service call
(`OfficeService.setup_office`); Batal stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.core.office import (
    PANGKAT_GOLONGAN,
    USUAL_UNITS,
    OfficeProfile,
    PaperSize,
    Staff,
    Unit,
    guess_unit_kind,
)
from kinerja_desktop.services.office_service import OfficeService, OfficeSetup
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.icons import app_icon
from kinerja_desktop.ui.common.nip_field import NipCheck
from kinerja_desktop.ui.common.settings import UiSettings

from .logo import ask_logo_path, png_of, show_logo

FORM = "first_run_wizard"
REQUIRED = {
    "kantorPage": QWidget,
    "pimpinanPage": QWidget,
    "unitPage": QWidget,
    "kertasPage": QWidget,
    "pemerintahEdit": QLineEdit,
    "kantorEdit": QLineEdit,
    "alamatEdit": QLineEdit,
    "kotaEdit": QLineEdit,
    "logoPreview": QLabel,
    "logoButton": QPushButton,
    "logoClearButton": QPushButton,
    "camatNamaEdit": QLineEdit,
    "camatNipEdit": QLineEdit,
    "camatNipStatus": QLabel,
    "camatPangkatCombo": QComboBox,
    "sekNamaEdit": QLineEdit,
    "sekNipEdit": QLineEdit,
    "sekNipStatus": QLabel,
    "sekPangkatCombo": QComboBox,
    "unitList": QListWidget,
    "unitEdit": QLineEdit,
    "unitAddButton": QPushButton,
    "unitRemoveButton": QPushButton,
    "f4Radio": QRadioButton,
    "a4Radio": QRadioButton,
    "summaryLabel": QLabel,
}
PAGES = (
    ("kantorPage", "Kantor", "Nama yang dicetak di kop setiap lembar SOP, dan logonya."),
    ("pimpinanPage", "Pimpinan", "Yang mengesahkan SOP. NIP diperiksa saat diketik."),
    ("unitPage", "Unit kerja", "Sekretariat, Seksi, dan Kelurahan/Desa yang menyerahkan data."),
    ("kertasPage", "Kertas", "Ukuran kertas bawaan, lalu periksa ringkasannya."),
)


class FirstRunWizard(QWizard):
    """Collects an OfficeSetup; `setup()` reads it from the fields."""

    def __init__(self, parent: QWidget | None, settings: UiSettings) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle("Panduan profil kantor")
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(720, 520)
        self._settings = settings
        # Loaded without a parent (a QWizard takes only pages as children), then
        # each page widget moves into its QWizardPage.
        self.form = load_form(FORM, REQUIRED)
        self.errors: dict[int, QLabel] = {}
        for name, title, subtitle in PAGES:
            page = QWizardPage(self)
            page.setTitle(title)
            page.setSubTitle(subtitle)
            layout = QVBoxLayout(page)
            layout.addWidget(child(self.form, QWidget, name), 1)
            error = QLabel(page)
            error.setObjectName(f"{name}Error")
            error.setStyleSheet("color: #b00020")
            error.setWordWrap(True)
            layout.addWidget(error)
            self.errors[self.addPage(page)] = error
        self._logo: bytes | None = None
        self._wire()
        self.currentIdChanged.connect(self._page_shown)

    def part(self, name: str) -> QWidget:
        """The named child of the form (wherever it now sits)."""
        return self.form.findChild(QWidget, name) or self.findChild(QWidget, name)

    def _wire(self) -> None:
        f = self.part
        self.camat_nip = NipCheck(f("camatNipEdit"), f("camatNipStatus"))
        self.sek_nip = NipCheck(f("sekNipEdit"), f("sekNipStatus"))
        for name in ("camatPangkatCombo", "sekPangkatCombo"):
            f(name).addItems(["", *PANGKAT_GOLONGAN])
        f("logoButton").clicked.connect(self.choose_logo)
        f("logoClearButton").clicked.connect(lambda: self._set_logo(None))
        self._set_logo(None)
        for name in USUAL_UNITS:
            self.add_unit(name, checked=True)
        f("unitAddButton").clicked.connect(self._add_typed_unit)
        f("unitEdit").returnPressed.connect(self._add_typed_unit)
        f("unitRemoveButton").clicked.connect(self._remove_unit)

    # -- logo --------------------------------------------------------------------------
    def choose_logo(self) -> None:
        path = ask_logo_path(self, self._settings)
        if path is None:
            return
        try:
            self._set_logo(png_of(path))
        except Exception as exc:
            show_error(self, exc, "Logo")

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        show_logo(self.part("logoPreview"), png)

    # -- units -------------------------------------------------------------------------
    def add_unit(self, name: str, checked: bool = True) -> None:
        item = QListWidgetItem(name.strip())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.part("unitList").addItem(item)

    def _add_typed_unit(self) -> None:
        edit: QLineEdit = self.part("unitEdit")
        name = edit.text().strip()
        if name:
            self.add_unit(name)
            edit.clear()

    def _remove_unit(self) -> None:
        units: QListWidget = self.part("unitList")
        row = units.currentRow()
        if row >= 0:
            units.takeItem(row)

    def units(self) -> list[Unit]:
        units: QListWidget = self.part("unitList")
        chosen = []
        for row in range(units.count()):
            item = units.item(row)
            name = item.text().strip()
            if item.checkState() == Qt.CheckState.Checked and name:
                chosen.append(Unit(nama=name, jenis=guess_unit_kind(name), urutan=len(chosen) + 1))
        return chosen

    # -- the result ----------------------------------------------------------------------
    def _staff(self, prefix: str, jabatan: str) -> Staff:
        f = self.part
        check = self.camat_nip if prefix == "camat" else self.sek_nip
        return Staff(
            nama=f(f"{prefix}NamaEdit").text().strip(),
            nip=check.nip(),
            pangkat=f(f"{prefix}PangkatCombo").currentText().strip(),
            jabatan=jabatan,
        )

    def setup(self) -> OfficeSetup:
        f = self.part
        kantor = f("kantorEdit").text().strip()
        place = kantor.split(" ", 1)[1] if kantor.upper().startswith("KECAMATAN ") else kantor
        profile = OfficeProfile(
            pemerintah=f("pemerintahEdit").text(),
            nama_kantor=kantor,
            alamat=f("alamatEdit").text(),
            kota_ttd=f("kotaEdit").text(),
            logo_png=self._logo,
            kertas=PaperSize.A4 if f("a4Radio").isChecked() else PaperSize.F4,
        )
        sek = self._staff("sek", "Sekretaris Camat")
        return OfficeSetup(
            profile=profile,
            camat=self._staff("camat", f"Camat {place.title()}".strip()),
            sekretaris=sek if sek.nama else None,
            units=self.units(),
        )

    # -- checks per page -----------------------------------------------------------------
    def page_problem(self, page_id: int) -> str:
        """What keeps `page_id` from being left ("" = nothing)."""
        f = self.part
        if page_id == 0:
            if not f("pemerintahEdit").text().strip():
                return "Isi nama Pemerintah Kabupaten/Kota (mis. PEMERINTAH KABUPATEN BANJAR)."
            if not f("kantorEdit").text().strip():
                return "Isi nama Kecamatan (mis. KECAMATAN MARTAPURA BARAT)."
            if not f("kotaEdit").text().strip():
                return "Isi kota untuk baris tanda tangan."
        if page_id == 1:
            if not f("camatNamaEdit").text().strip():
                return "Isi nama Camat beserta gelarnya."
            if not self.camat_nip.valid:
                return "NIP Camat belum benar: " + f("camatNipStatus").text()
            if not self.sek_nip.valid:
                return "NIP Sekretaris Camat belum benar: " + f("sekNipStatus").text()
        if page_id == 2 and not self.units():
            return "Pilih atau tambahkan sedikitnya satu unit."
        return ""

    def validateCurrentPage(self) -> bool:
        problem = self.page_problem(self.currentId())
        self.errors[self.currentId()].setText(problem)
        return not problem

    def _page_shown(self, page_id: int) -> None:
        if page_id == 3:
            self.part("summaryLabel").setText(summary_html(self.setup()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        for button, text in (
            (QWizard.WizardButton.BackButton, "< &Kembali"),
            (QWizard.WizardButton.NextButton, "&Lanjut >"),
            (QWizard.WizardButton.FinishButton, "&Selesai"),
            (QWizard.WizardButton.CancelButton, "Batal"),
        ):
            self.setButtonText(button, text)


def summary_html(setup: OfficeSetup) -> str:
    p = setup.profile
    sek = setup.sekretaris.nama if setup.sekretaris else "(diisi nanti)"
    units = ", ".join(u.nama for u in setup.units)
    return (
        "<p><b>Ringkasan</b></p>"
        f"<p>{p.pemerintah}<br>{p.nama_kantor}<br>{p.alamat}</p>"
        f"<p>Camat: {setup.camat.nama}<br>Sekretaris Camat: {sek}</p>"
        f"<p>Unit ({len(setup.units)}): {units}</p>"
        "<p>Tekan <b>Selesai</b> untuk menyimpan. Semuanya dapat diubah nanti di menu Kantor.</p>"
    )


def run_first_run_wizard(
    parent: QWidget | None, service: OfficeService, settings: UiSettings
) -> bool:
    """Show the wizard; True when the office was stored."""
    wizard = FirstRunWizard(parent, settings)
    prefill(wizard, service)
    while wizard.exec() == QWizard.DialogCode.Accepted:
        try:
            service.setup_office(wizard.setup())
        except Exception as exc:
            show_error(wizard, exc, "Profil kantor tidak disimpan")
            continue
        return True
    return False


def prefill(wizard: FirstRunWizard, service: OfficeService) -> None:
    """Start from what is stored (the wizard run again from the Kantor menu)."""
    profile = service.get_profile()
    f = wizard.part
    f("pemerintahEdit").setText(profile.pemerintah)
    f("kantorEdit").setText(profile.nama_kantor)
    f("alamatEdit").setText(profile.alamat)
    f("kotaEdit").setText(profile.kota_ttd)
    f("a4Radio" if profile.kertas == PaperSize.A4 else "f4Radio").setChecked(True)
    if profile.logo_png:
        wizard._set_logo(profile.logo_png)
    signers = service.signers()
    for prefix, member in (("camat", signers.get("camat")), ("sek", signers.get("sekretaris"))):
        if member is not None:
            f(f"{prefix}NamaEdit").setText(member.nama)
            f(f"{prefix}NipEdit").setText(member.nip)
            f(f"{prefix}PangkatCombo").setCurrentText(member.pangkat)
    stored = service.list_units()
    if stored:
        units: QListWidget = f("unitList")
        units.clear()
        for unit in stored:
            wizard.add_unit(unit.nama)
