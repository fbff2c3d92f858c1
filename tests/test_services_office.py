"""Office profile, units and staff: stored as given, checked with Indonesian
messages, one audit row per write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import NotFoundError, ValidationError
from kinerja_desktop.core.office import OfficeProfile, PaperSize, Staff, Unit, UnitKind
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session, open_session

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        yield s


@pytest.fixture()
def office(session: Session) -> OfficeService:
    return OfficeService(session)


def test_profile_defaults_then_round_trip(session: Session, office: OfficeService) -> None:
    assert office.get_profile() == OfficeProfile()
    heard: list[tuple[str, int | None]] = []
    session.subscribe(lambda e, i: heard.append((e, i)))
    profile = OfficeProfile(
        pemerintah=" PEMERINTAH KABUPATEN BANGGAI ",
        nama_kantor="KECAMATAN MASAMA",
        alamat="Jl. Trans Sulawesi No. 1",
        kota_ttd="Masama",
        logo_png=PNG,
        kertas=PaperSize.A4,
        jam_kerja_per_hari=7.5,
    )
    office.save_profile(profile)
    stored = office.get_profile()
    assert stored.pemerintah == "PEMERINTAH KABUPATEN BANGGAI"
    assert (stored.logo_png, stored.kertas, stored.jam_kerja_per_hari) == (PNG, PaperSize.A4, 7.5)
    stored.logo_png = None
    office.save_profile(stored)
    assert office.get_profile().logo_png is None
    assert heard == [("office_profile", 1), ("office_profile", 1)]
    assert [e.action for e in AuditService(session).list_entries()] == ["update", "update"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"logo_png": b"GIF89a not png"}, "PNG"),
        ({"jam_kerja_per_hari": 0}, "antara 1 dan 24"),
        ({"jam_kerja_per_hari": 25}, "antara 1 dan 24"),
        ({"kertas": "Letter"}, "A4 atau F4"),
    ],
)
def test_bad_profile_is_refused(office: OfficeService, change: dict, words: str) -> None:
    profile = OfficeProfile(nama_kantor="KECAMATAN MASAMA")
    for key, value in change.items():
        setattr(profile, key, value)
    with pytest.raises(ValidationError, match=words):
        office.save_profile(profile)
    assert office.get_profile() == OfficeProfile()


def test_units_add_update_order_and_names_once(office: OfficeService) -> None:
    seksi = office.save_unit(Unit("Seksi Pemerintahan", UnitKind.SEKSI, urutan=2))
    sekretariat = office.save_unit(Unit(" Sekretariat ", UnitKind.SEKRETARIAT, urutan=1))
    assert [(u.id, u.nama) for u in office.list_units()] == [
        (sekretariat, "Sekretariat"),
        (seksi, "Seksi Pemerintahan"),
    ]
    with pytest.raises(ValidationError, match="sudah ada"):
        office.save_unit(Unit("seksi pemerintahan"))
    with pytest.raises(ValidationError, match="harus diisi"):
        office.save_unit(Unit("  "))
    renamed = office.save_unit(Unit("Seksi Tata Pemerintahan", UnitKind.SEKSI, 2, id=seksi))
    assert renamed == seksi
    assert office.list_units()[1].nama == "Seksi Tata Pemerintahan"
    with pytest.raises(NotFoundError):
        office.save_unit(Unit("Hantu", id=99))


def test_staff_nip_is_validated_and_normalized(office: OfficeService) -> None:
    unit = office.save_unit(Unit("Sekretariat", UnitKind.SEKRETARIAT))
    staff_id = office.save_staff(
        Staff("Drs. Ahmad, M.Si", nip="NIP. 19680127 198611 1 001", jabatan="Camat", unit_id=unit)
    )
    (stored,) = office.list_staff()
    assert (stored.id, stored.nip, stored.unit_id) == (staff_id, "196801271986111001", unit)
    with pytest.raises(ValidationError, match="18 angka"):
        office.save_staff(Staff("Salah Ketik", nip="1968012719861110"))
    with pytest.raises(ValidationError, match="jenis kelamin"):
        office.save_staff(Staff("Salah Ketik", nip="196801271986113001"))
    with pytest.raises(ValidationError, match=r"sudah dipakai oleh Drs\. Ahmad"):
        office.save_staff(Staff("Orang Lain", nip="196801271986111001"))
    with pytest.raises(ValidationError, match="Unit dengan id 42"):
        office.save_staff(Staff("Tanpa Unit", unit_id=42))
    # No NIP at all is allowed (honorary staff), and more than one may lack it.
    office.save_staff(Staff("Honorer Satu"))
    office.save_staff(Staff("Honorer Dua", catatan="tenaga harian"))
    assert [s.catatan for s in office.list_staff() if s.nama == "Honorer Dua"] == ["tenaga harian"]


def test_unit_with_staff_cannot_be_deleted(session: Session, office: OfficeService) -> None:
    unit = office.save_unit(Unit("Seksi PMD"))
    staff_id = office.save_staff(Staff("Budi", unit_id=unit))
    with pytest.raises(ValidationError, match="masih mempunyai 1 pegawai"):
        office.delete_unit(unit)
    office.delete_staff(staff_id)
    office.delete_unit(unit)
    assert office.list_units() == [] and office.list_staff() == []
    with pytest.raises(NotFoundError):
        office.delete_unit(unit)
    with pytest.raises(NotFoundError):
        office.delete_staff(staff_id)
    actions = [(e.action, e.entity) for e in reversed(AuditService(session).list_entries())]
    assert actions == [
        ("save", "unit"),
        ("save", "staff"),
        ("delete", "staff"),
        ("delete", "unit"),
    ]
