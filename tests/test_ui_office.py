"""The office screens driven as a user would: the first-run wizard on an
empty database, the staff and unit pages (NIP checked while typing, a signer
never deleted silently), the profile page, and their table models alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard

from kinerja_desktop.core.office import SignerRole, Staff, Unit, UnitKind
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.ui.common.nip_field import describe_nip
from kinerja_desktop.ui.office import wizard as wizard_module
from kinerja_desktop.ui.office.models import StaffTableModel, UnitTableModel
from kinerja_desktop.ui.office.staff_page import StaffDialog
from kinerja_desktop.ui.office.wizard import FirstRunWizard
from kinerja_desktop.ui.shell.application import create_window

CAMAT_NIP = "19680127 198611 1 001"


@pytest.fixture()
def empty_window(qtbot, tmp_path: Path):
    session, win = create_window(tmp_path / "kantor.db")
    qtbot.addWidget(win)
    win.show()
    yield win
    session.close()


def _logo(tmp_path: Path) -> Path:
    image = QImage(900, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2b5797"))
    path = tmp_path / "logo.jpg"
    image.save(str(path), "JPG")
    return path


def test_empty_database_opens_on_welcome_and_the_wizard_sets_the_office_up(
    empty_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    win = empty_window
    assert win.body.currentWidget() is win.welcome
    monkeypatch.setattr(wizard_module, "ask_logo_path", lambda *_a: _logo(tmp_path))
    seen: dict[str, str] = {}

    def fill(wz: FirstRunWizard) -> int:
        wz.show()
        assert not wz.validateCurrentPage()  # nothing typed yet
        assert "Pemerintah" in wz.errors[0].text()
        wz.part("pemerintahEdit").setText("PEMERINTAH KABUPATEN BANJAR")
        wz.part("kantorEdit").setText("KECAMATAN MARTAPURA BARAT")
        wz.part("alamatEdit").setText("Jl. A. Yani Km. 39")
        wz.part("kotaEdit").setText("Martapura")
        wz.part("logoButton").click()
        assert not wz.part("logoPreview").pixmap().isNull()  # the preview shows it
        wz.next()
        assert wz.currentId() == 1
        wz.part("camatNamaEdit").setText("Drs. H. AHMAD, M.Si")
        qtbot.keyClicks(wz.part("camatNipEdit"), "19681327 198611 1 001")
        seen["reason"] = wz.part("camatNipStatus").text()
        assert not wz.validateCurrentPage()
        wz.part("camatNipEdit").setText(CAMAT_NIP)
        wz.part("camatPangkatCombo").setCurrentText("Pembina Tk. I, IV/b")
        wz.part("sekNamaEdit").setText("SITI AMINAH, S.Sos")
        wz.next()
        assert wz.currentId() == 2
        units = wz.part("unitList")
        units.item(units.count() - 1).setCheckState(Qt.CheckState.Unchecked)
        units.item(1).setText("Seksi Tata Pemerintahan")  # edited in the list
        qtbot.keyClicks(wz.part("unitEdit"), "Kelurahan Tanjung Rema")
        wz.part("unitAddButton").click()
        wz.next()
        assert wz.currentId() == 3
        wz.part("a4Radio").setChecked(True)
        seen["summary"] = wz.part("summaryLabel").text()
        return QWizard.DialogCode.Accepted

    monkeypatch.setattr(FirstRunWizard, "exec", fill)
    win.welcome.setup_button.click()
    assert "bukan tanggal lahir" in seen["reason"]
    assert "Kelurahan Tanjung Rema" in seen["summary"] and "Drs. H. AHMAD" in seen["summary"]
    assert win.body.currentWidget() is win.navigation
    assert win.navigation.current_key() == "beranda"
    office = OfficeService(win.session)
    profile = office.get_profile()
    assert profile.nama_kantor == "KECAMATAN MARTAPURA BARAT" and profile.kertas == "A4"
    assert profile.logo_png is not None and profile.logo_png.startswith(b"\x89PNG")
    signers = office.signers()
    assert signers[SignerRole.CAMAT].nip == "196801271986111001"
    assert signers[SignerRole.CAMAT].jabatan == "Camat Martapura Barat"
    assert signers[SignerRole.SEKRETARIS].nama == "SITI AMINAH, S.Sos"
    names = [u.nama for u in office.list_units()]
    assert "Seksi Tata Pemerintahan" in names and "Seksi Pelayanan Umum" not in names
    kinds = {u.nama: u.jenis for u in office.list_units()}
    assert kinds["Kelurahan Tanjung Rema"] is UnitKind.KELURAHAN
    # the pages show it at once (change notices)
    assert win.office.profile.edits["kantor"].text() == "KECAMATAN MARTAPURA BARAT"
    assert win.office.units.model.rowCount() == len(names)
    assert win.office.staff.model.rowCount() == 2


def test_cancelled_wizard_stores_nothing(empty_window, monkeypatch) -> None:
    monkeypatch.setattr(FirstRunWizard, "exec", lambda _self: QWizard.DialogCode.Rejected)
    assert not empty_window.run_wizard()
    assert OfficeService(empty_window.session).needs_setup()
    assert AuditService(empty_window.session).list_entries() == []
    assert empty_window.body.currentWidget() is empty_window.welcome


def test_nip_is_checked_as_it_is_typed(qtbot) -> None:
    assert describe_nip("") == (True, "")
    ok, text = describe_nip("1968012")
    assert not ok and "7 dari 18" in text
    ok, text = describe_nip("19681327")
    assert not ok and "tanggal lahir" in text  # said before the 18th digit
    ok, text = describe_nip("19680127 198611 3 001")
    assert not ok and "jenis kelamin" in text
    ok, text = describe_nip("19680127 196601 1 001")
    assert not ok and "pengangkatan" in text
    ok, text = describe_nip(CAMAT_NIP)
    assert ok and "27 Januari 1968" in text and "November 1986" in text and "pria" in text
    dialog = StaffDialog(None, [Unit("Sekretariat", id=1)], None)
    qtbot.addWidget(dialog.dialog)
    dialog.nama.setText("Siti")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.nip_edit, "1968abc0127")  # letters cannot be typed
    assert dialog.nip_edit.text() == "19680127"
    assert not dialog.save_button.isEnabled()
    dialog.nip_edit.setText(CAMAT_NIP)
    assert dialog.save_button.isEnabled() and dialog.staff().nip == "196801271986111001"


def test_staff_page_adds_edits_and_asks_before_deleting_a_signer(empty_window, monkeypatch) -> None:
    win = empty_window
    page = win.office.staff
    office = OfficeService(win.session)
    answers = iter([Staff("Drs. Ahmad", nip=CAMAT_NIP, jabatan="Camat")])
    monkeypatch.setattr(page, "_ask", lambda _member: next(answers, None))
    page.add()
    (member,) = office.list_staff()
    assert page.model.rowCount() == 1 and page.selected_id() == member.id
    office.set_signer(SignerRole.CAMAT, member.id)
    assert page.model.index(0, StaffTableModel.COL_PERAN).data() == "Camat"
    asked: list[list[str]] = []
    monkeypatch.setattr(page, "confirm_signer_delete", lambda _n, uses: asked.append(uses) or False)
    page.delete(member.id)
    assert asked == [["Camat pada profil kantor"]] and len(office.list_staff()) == 1
    monkeypatch.setattr(page, "confirm_signer_delete", lambda _n, _u: True)
    page.delete(member.id)
    assert office.list_staff() == [] and office.signers()[SignerRole.CAMAT] is None
    assert page.model.rowCount() == 0


def test_unit_page_filter_sort_and_a_unit_with_staff_is_kept(empty_window, monkeypatch) -> None:
    win = empty_window
    page = win.office.units
    office = OfficeService(win.session)
    for order, name in enumerate(["Seksi Trantib", "Sekretariat", "Kelurahan A"], 1):
        office.save_unit(Unit(name, urutan=order))
    assert page.model.rowCount() == 3
    page.search.setText("kelurahan")
    assert page.proxy.rowCount() == 1 and "1 dari 3 unit" in page.count_label.text()
    page.search.clear()
    sek = next(u for u in office.list_units() if u.nama == "Sekretariat")
    office.save_staff(Staff("Siti", unit_id=sek.id))
    shown = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.office.unit_page.show_error", lambda *a: shown.append(a)
    )
    monkeypatch.setattr(page, "confirm_delete", lambda _n: True)
    page.delete(sek.id)
    assert "masih mempunyai 1 pegawai" in shown[0][1].message
    assert page.model.index(page.model.row_of(sek.id), UnitTableModel.COL_PEGAWAI).data() == "1"


def test_profile_page_saves_through_the_service(empty_window) -> None:
    win = empty_window
    office = OfficeService(win.session)
    camat = office.save_staff(Staff("Drs. Ahmad", jabatan="Camat"))
    page = win.office.profile
    assert page.camat.findData(camat) > 0  # the new member is offered at once
    page.edits["kantor"].setText("KECAMATAN MARTAPURA BARAT")
    page.edits["pemerintah"].setText("PEMERINTAH KABUPATEN BANJAR")
    page.camat.setCurrentIndex(page.camat.findData(camat))
    page.kertas.setCurrentIndex(1)
    assert page.save()
    assert office.get_profile().kertas == "A4"
    assert office.signers()[SignerRole.CAMAT].id == camat
    page.edits["kantor"].setText("salah ketik")
    page.refresh()  # Batalkan perubahan
    assert page.edits["kantor"].text() == "KECAMATAN MARTAPURA BARAT"


def test_office_models_without_widgets() -> None:
    staff = [
        Staff("Budi", nip="196801271986111001", unit_id=1, id=1),
        Staff("Ani", id=2, aktif=False),
    ]
    model = StaffTableModel()
    model.set_rows(staff, [Unit("Sekretariat", id=1)], {SignerRole.SEKRETARIS: staff[0]})
    assert model.rowCount() == 2 and model.columnCount() == 7
    assert model.index(0, StaffTableModel.COL_NIP).data() == "19680127 198611 1 001"
    assert model.index(0, StaffTableModel.COL_UNIT).data() == "Sekretariat"
    assert model.index(0, StaffTableModel.COL_PERAN).data() == "Sekretaris Camat"
    assert model.index(1, StaffTableModel.COL_AKTIF).data() == "tidak"
    assert model.row_of(2) == 1 and model.row_of(9) is None
    units = UnitTableModel()
    units.set_rows([Unit("Sekretariat", UnitKind.SEKRETARIAT, 1, id=1)], {1: 4})
    assert units.index(0, UnitTableModel.COL_PEGAWAI).data() == "4"
    assert units.index(0, UnitTableModel.COL_JENIS).data() == "Sekretariat"
