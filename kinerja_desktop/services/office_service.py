"""Office use cases: the profile printed on every sheet, the units, the staff.

Input is checked here with Indonesian messages: names filled, a unit name
used once, a NIP valid (core.nip) and used once, a logo that is a PNG, the
working hours per day between 1 and 24. A unit that still has staff cannot
be deleted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.errors import NotFoundError, ValidationError
from ..core.nip import validate_nip
from ..core.office import OfficeProfile, PaperSize, Staff, Unit, UnitKind
from ..store import office as store
from .entities import OFFICE_PROFILE, STAFF, UNIT

if TYPE_CHECKING:
    from .session import Session

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def check_profile(p: OfficeProfile) -> OfficeProfile:
    """The profile with text trimmed, or ValidationError."""
    try:
        kertas = PaperSize(p.kertas)
    except ValueError as exc:
        raise ValidationError(
            f"Ukuran kertas '{p.kertas}' tidak dikenal; pilih A4 atau F4."
        ) from exc
    jam = float(p.jam_kerja_per_hari)
    if not 1 <= jam <= 24:
        raise ValidationError("Jam kerja per hari harus antara 1 dan 24 jam.")
    if p.logo_png is not None and not bytes(p.logo_png).startswith(PNG_SIGNATURE):
        raise ValidationError("Logo harus berupa gambar PNG.")
    return replace(
        p,
        pemerintah=p.pemerintah.strip(),
        nama_kantor=p.nama_kantor.strip(),
        alamat=p.alamat.strip(),
        kota_ttd=p.kota_ttd.strip(),
        kertas=kertas,
        jam_kerja_per_hari=jam,
    )


class OfficeService:
    """Profile, units and staff of the office."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- profile -------------------------------------------------------------
    def get_profile(self) -> OfficeProfile:
        with self._session.reading():
            return store.load_profile()

    def save_profile(self, p: OfficeProfile) -> None:
        p = check_profile(p)
        with self._session.writing() as scope:
            store.store_profile(p)
            name = p.nama_kantor or "(tanpa nama)"
            scope.record(
                "update", OFFICE_PROFILE, store.PROFILE_ID, f"Profil kantor disimpan: {name}"
            )

    # -- units ---------------------------------------------------------------
    def list_units(self) -> list[Unit]:
        with self._session.reading():
            return store.units()

    def save_unit(self, u: Unit) -> int:
        """Insert (id None) or update a unit; its id."""
        nama = u.nama.strip()
        if not nama:
            raise ValidationError("Nama unit harus diisi.")
        try:
            jenis = UnitKind(u.jenis)
        except ValueError as exc:
            raise ValidationError(f"Jenis unit '{u.jenis}' tidak dikenal.") from exc
        u = replace(u, nama=nama, jenis=jenis)
        with self._session.writing() as scope:
            if u.id is not None and store.unit_by_id(u.id) is None:
                raise NotFoundError(f"Unit dengan id {u.id} tidak ada.")
            same = store.unit_named(nama)
            if same is not None and same.id != u.id:
                raise ValidationError(f"Unit '{same.nama}' sudah ada.")
            unit_id = store.store_unit(u)
            verb = "ditambahkan" if u.id is None else "diubah"
            scope.record("save", UNIT, unit_id, f"Unit {verb}: {nama}")
        return unit_id

    def delete_unit(self, unit_id: int) -> None:
        with self._session.writing() as scope:
            unit = store.unit_by_id(unit_id)
            if unit is None:
                raise NotFoundError(f"Unit dengan id {unit_id} tidak ada.")
            count = store.staff_count_in_unit(unit_id)
            if count:
                raise ValidationError(
                    f"Unit '{unit.nama}' masih mempunyai {count} pegawai; "
                    "pindahkan atau hapus pegawainya dulu."
                )
            store.delete_unit(unit_id)
            scope.record("delete", UNIT, unit_id, f"Unit dihapus: {unit.nama}")

    # -- staff ---------------------------------------------------------------
    def list_staff(self) -> list[Staff]:
        with self._session.reading():
            return store.staff_list()

    def save_staff(self, s: Staff) -> int:
        """Insert (id None) or update a member of staff; the id. The NIP is
        stored as its bare 18 digits."""
        nama = s.nama.strip()
        if not nama:
            raise ValidationError("Nama pegawai harus diisi.")
        nip = validate_nip(s.nip) if s.nip.strip() else ""
        s = replace(s, nama=nama, nip=nip, pangkat=s.pangkat.strip(), jabatan=s.jabatan.strip())
        with self._session.writing() as scope:
            if s.id is not None and store.staff_by_id(s.id) is None:
                raise NotFoundError(f"Pegawai dengan id {s.id} tidak ada.")
            if s.unit_id is not None and store.unit_by_id(s.unit_id) is None:
                raise ValidationError(f"Unit dengan id {s.unit_id} tidak ada.")
            same = store.staff_with_nip(nip)
            if same is not None and same.id != s.id:
                raise ValidationError(f"NIP {nip} sudah dipakai oleh {same.nama}.")
            staff_id = store.store_staff(s)
            verb = "ditambahkan" if s.id is None else "diubah"
            scope.record("save", STAFF, staff_id, f"Pegawai {verb}: {nama}")
        return staff_id

    def delete_staff(self, staff_id: int) -> None:
        with self._session.writing() as scope:
            member = store.staff_by_id(staff_id)
            if member is None:
                raise NotFoundError(f"Pegawai dengan id {staff_id} tidak ada.")
            store.delete_staff(staff_id)
            scope.record("delete", STAFF, staff_id, f"Pegawai dihapus: {member.nama}")
