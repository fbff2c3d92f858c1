"""The office profile, units and staff: rows to `core.office` objects and back.

No validation, transactions or audit here: `services.office_service` does
those and calls these.
"""

from __future__ import annotations

from ..core.office import OfficeProfile, PaperSize, SignerRole, Staff, Unit, UnitKind
from .models import OfficeProfileRow, SettingRow, StaffRow, UnitRow

PROFILE_ID = 1


def load_profile() -> OfficeProfile:
    """The stored profile, or the defaults when none was saved yet."""
    row = OfficeProfileRow.get_or_none(OfficeProfileRow.id == PROFILE_ID)
    if row is None:
        return OfficeProfile()
    return OfficeProfile(
        pemerintah=row.pemerintah,
        nama_kantor=row.nama_kantor,
        alamat=row.alamat,
        kota_ttd=row.kota_ttd,
        logo_png=bytes(row.logo) if row.logo is not None else None,
        kertas=PaperSize(row.kertas),
        jam_kerja_per_hari=float(row.jam_kerja_per_hari),
    )


def store_profile(p: OfficeProfile) -> None:
    fields = {
        "pemerintah": p.pemerintah,
        "nama_kantor": p.nama_kantor,
        "alamat": p.alamat,
        "kota_ttd": p.kota_ttd,
        "logo": p.logo_png,
        "kertas": PaperSize(p.kertas).value,
        "jam_kerja_per_hari": float(p.jam_kerja_per_hari),
    }
    (
        OfficeProfileRow.insert(id=PROFILE_ID, **fields)
        .on_conflict(conflict_target=[OfficeProfileRow.id], update=fields)
        .execute()
    )


def unit_of(row: UnitRow) -> Unit:
    return Unit(nama=row.nama, jenis=UnitKind(row.jenis), urutan=row.urutan, id=row.id)


def units() -> list[Unit]:
    return [unit_of(r) for r in UnitRow.select().order_by(UnitRow.urutan, UnitRow.nama)]


def unit_named(nama: str) -> Unit | None:
    """The unit with this name, ignoring case (the column is COLLATE NOCASE)."""
    row = UnitRow.get_or_none(UnitRow.nama == nama.strip())
    return unit_of(row) if row is not None else None


def unit_by_id(unit_id: int) -> Unit | None:
    row = UnitRow.get_or_none(UnitRow.id == unit_id)
    return unit_of(row) if row is not None else None


def delete_unit(unit_id: int) -> None:
    UnitRow.delete().where(UnitRow.id == unit_id).execute()


def store_unit(u: Unit) -> int:
    """Insert (id None) or update; the id."""
    values = {"nama": u.nama, "jenis": UnitKind(u.jenis).value, "urutan": u.urutan}
    if u.id is None:
        return int(UnitRow.insert(**values).execute())
    UnitRow.update(**values).where(UnitRow.id == u.id).execute()
    return u.id


def staff_of(row: StaffRow) -> Staff:
    return Staff(
        nama=row.nama,
        nip=row.nip,
        pangkat=row.pangkat,
        jabatan=row.jabatan,
        unit_id=row.unit_id,
        aktif=bool(row.aktif),
        id=row.id,
        catatan=row.catatan,
    )


def staff_list() -> list[Staff]:
    return [staff_of(r) for r in StaffRow.select().order_by(StaffRow.nama, StaffRow.id)]


def staff_with_nip(nip: str) -> Staff | None:
    row = StaffRow.get_or_none(StaffRow.nip == nip) if nip else None
    return staff_of(row) if row is not None else None


def staff_named(nama: str) -> Staff | None:
    """The first member of staff with exactly this name."""
    row = StaffRow.select().where(StaffRow.nama == nama).order_by(StaffRow.id).first()
    return staff_of(row) if row is not None else None


def staff_by_id(staff_id: int) -> Staff | None:
    row = StaffRow.get_or_none(StaffRow.id == staff_id)
    return staff_of(row) if row is not None else None


def delete_staff(staff_id: int) -> None:
    StaffRow.delete().where(StaffRow.id == staff_id).execute()


def store_staff(s: Staff) -> int:
    """Insert (id None) or update; the id."""
    values = {
        "nama": s.nama,
        "nip": s.nip,
        "pangkat": s.pangkat,
        "jabatan": s.jabatan,
        "unit": s.unit_id,
        "aktif": s.aktif,
        "catatan": s.catatan,
    }
    if s.id is None:
        return int(StaffRow.insert(**values).execute())
    StaffRow.update(**values).where(StaffRow.id == s.id).execute()
    return s.id


def staff_count_in_unit(unit_id: int) -> int:
    return StaffRow.select().where(StaffRow.unit == unit_id).count()


# The profile's signers live in the `setting` table (key -> staff id as text).
_SIGNER_KEY = "penandatangan.{role}"


def signer_id(role: SignerRole) -> int | None:
    """The staff id named as `role`, or None (also when the member is gone)."""
    row = SettingRow.get_or_none(SettingRow.key == _SIGNER_KEY.format(role=SignerRole(role).value))
    if row is None or not row.value.isdigit():
        return None
    staff_id = int(row.value)
    return staff_id if StaffRow.get_or_none(StaffRow.id == staff_id) is not None else None


def set_signer_id(role: SignerRole, staff_id: int | None) -> None:
    key = _SIGNER_KEY.format(role=SignerRole(role).value)
    if staff_id is None:
        SettingRow.delete().where(SettingRow.key == key).execute()
        return
    (
        SettingRow.insert(key=key, value=str(int(staff_id)))
        .on_conflict(conflict_target=[SettingRow.key], update={"value": str(int(staff_id))})
        .execute()
    )


def staff_counts_by_unit() -> dict[int, int]:
    """How many members of staff each unit has (units without staff left out)."""
    counts: dict[int, int] = {}
    for row in StaffRow.select(StaffRow.unit).where(StaffRow.unit.is_null(False)):
        counts[row.unit_id] = counts.get(row.unit_id, 0) + 1
    return counts
