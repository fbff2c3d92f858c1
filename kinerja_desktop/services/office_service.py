"""Office use cases: the profile printed on every sheet, its signers, the
units, the staff, and the first-run set-up that fills them in one go.

Input is checked here with Indonesian messages: names filled, a unit name
used once, a NIP valid (core.nip) and used once, a logo that is a PNG, the
working hours per day between 1 and 24. A unit that still has staff cannot
be deleted; a member of staff who signs (the profile's Camat or Sekretaris
Camat, or the pengesahan of an SOP) is deleted only when the caller says it
knows (`even_if_signer`), never silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..core.errors import NotFoundError, ValidationError
from ..core.nip import normalize_nip, validate_nip
from ..core.office import OfficeProfile, PaperSize, SignerRole, Staff, Unit, UnitKind
from ..store import office as store
from ..store import sops as sop_store
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


class StaffInUseError(ValidationError):
    """The member of staff signs somewhere; `uses` says where, in Indonesian."""

    def __init__(self, message: str, uses: list[str]) -> None:
        super().__init__(message)
        self.uses = uses


@dataclass
class OfficeSetup:
    """What the first-run wizard collects: the profile, the two signers, the units."""

    profile: OfficeProfile
    camat: Staff
    sekretaris: Staff | None = None
    units: list[Unit] = field(default_factory=list)


def _checked_staff(s: Staff) -> Staff:
    nama = s.nama.strip()
    if not nama:
        raise ValidationError("Nama pegawai harus diisi.")
    nip = validate_nip(s.nip) if s.nip.strip() else ""
    return replace(s, nama=nama, nip=nip, pangkat=s.pangkat.strip(), jabatan=s.jabatan.strip())


class OfficeService:
    """Profile, units and staff of the office."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- profile -------------------------------------------------------------
    def get_profile(self) -> OfficeProfile:
        with self._session.reading():
            return store.load_profile()

    def save_profile(
        self, p: OfficeProfile, signers: dict[SignerRole, int | None] | None = None
    ) -> None:
        """The profile, and with `signers` the Camat and Sekretaris Camat (staff
        ids, None = nobody), in one transaction."""
        p = check_profile(p)
        with self._session.writing() as scope:
            store.store_profile(p)
            name = p.nama_kantor or "(tanpa nama)"
            text = f"Profil kantor disimpan: {name}"
            for role, staff_id in (signers or {}).items():
                member = store.staff_by_id(staff_id) if staff_id is not None else None
                if staff_id is not None and member is None:
                    raise NotFoundError(f"Pegawai dengan id {staff_id} tidak ada.")
                store.set_signer_id(SignerRole(role), staff_id)
                text += f"; {SignerRole(role).label}: {member.nama if member else '(tidak ada)'}"
            scope.record("update", OFFICE_PROFILE, store.PROFILE_ID, text)

    # -- units ---------------------------------------------------------------
    def list_units(self) -> list[Unit]:
        with self._session.reading():
            return store.units()

    def unit_staff_counts(self) -> dict[int, int]:
        """Members of staff per unit id (units without staff left out)."""
        with self._session.reading():
            return store.staff_counts_by_unit()

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
        s = _checked_staff(s)
        with self._session.writing() as scope:
            staff_id = _store_staff(s)
            verb = "ditambahkan" if s.id is None else "diubah"
            scope.record("save", STAFF, staff_id, f"Pegawai {verb}: {s.nama}")
        return staff_id

    def staff_uses(self, staff_id: int) -> list[str]:
        """Where this member of staff signs ([] = nowhere), in Indonesian."""
        with self._session.reading():
            member = store.staff_by_id(staff_id)
            if member is None:
                raise NotFoundError(f"Pegawai dengan id {staff_id} tidak ada.")
            return _uses(member)

    def delete_staff(self, staff_id: int, *, even_if_signer: bool = False) -> None:
        """Delete a member of staff. One who signs somewhere raises
        StaffInUseError unless `even_if_signer`; then the profile no longer
        names them (SOPs keep the pengesahan as it was written)."""
        with self._session.writing() as scope:
            member = store.staff_by_id(staff_id)
            if member is None:
                raise NotFoundError(f"Pegawai dengan id {staff_id} tidak ada.")
            uses = _uses(member)
            if uses and not even_if_signer:
                raise StaffInUseError(
                    f"{member.nama} masih dipakai sebagai penandatangan: {'; '.join(uses)}.",
                    uses,
                )
            for role in SignerRole:
                if store.signer_id(role) == staff_id:
                    store.set_signer_id(role, None)
                    scope.changed(OFFICE_PROFILE, store.PROFILE_ID)
            store.delete_staff(staff_id)
            tail = f" (penandatangan: {'; '.join(uses)})" if uses else ""
            scope.record("delete", STAFF, staff_id, f"Pegawai dihapus: {member.nama}{tail}")

    # -- signers ---------------------------------------------------------------
    def signers(self) -> dict[SignerRole, Staff | None]:
        """The profile's Camat and Sekretaris Camat (None where not named)."""
        with self._session.reading():
            return {role: _signer(role) for role in SignerRole}

    def set_signer(self, role: SignerRole, staff_id: int | None) -> None:
        role = SignerRole(role)
        with self._session.writing() as scope:
            member = store.staff_by_id(staff_id) if staff_id is not None else None
            if staff_id is not None and member is None:
                raise NotFoundError(f"Pegawai dengan id {staff_id} tidak ada.")
            store.set_signer_id(role, staff_id)
            who = member.nama if member is not None else "(tidak ada)"
            scope.record("update", OFFICE_PROFILE, store.PROFILE_ID, f"{role.label}: {who}")

    # -- first start -------------------------------------------------------------
    def needs_setup(self) -> bool:
        """True while the office has no name yet (a new, empty database)."""
        with self._session.reading():
            p = store.load_profile()
            return not (p.nama_kantor.strip() or p.pemerintah.strip())

    def setup_office(self, setup: OfficeSetup) -> None:
        """Profile, signers and units in one transaction (the first-run wizard).

        A signer whose NIP (or, without NIP, name) is stored already is
        updated, not added twice; units already there by name are kept.
        """
        profile = check_profile(setup.profile)
        if not profile.nama_kantor:
            raise ValidationError("Nama Kecamatan harus diisi.")
        people = [(SignerRole.CAMAT, _checked_staff(setup.camat))]
        if setup.sekretaris is not None and setup.sekretaris.nama.strip():
            people.append((SignerRole.SEKRETARIS, _checked_staff(setup.sekretaris)))
        units = [replace(u, nama=u.nama.strip()) for u in setup.units if u.nama.strip()]
        with self._session.writing() as scope:
            store.store_profile(profile)
            scope.record(
                "update", OFFICE_PROFILE, store.PROFILE_ID, f"Profil kantor: {profile.nama_kantor}"
            )
            for order, unit in enumerate(units, 1):
                if store.unit_named(unit.nama) is None:
                    unit_id = store.store_unit(replace(unit, id=None, urutan=unit.urutan or order))
                    scope.record("save", UNIT, unit_id, f"Unit ditambahkan: {unit.nama}")
            for role, typed in people:
                known = _known(typed)
                member = replace(typed, id=known.id if known else None)
                staff_id = _store_staff(member)
                store.set_signer_id(role, staff_id)
                scope.record("save", STAFF, staff_id, f"{role.label}: {member.nama}")


def _store_staff(s: Staff) -> int:
    """Checks that need the database, then the row; inside a write transaction."""
    if s.id is not None and store.staff_by_id(s.id) is None:
        raise NotFoundError(f"Pegawai dengan id {s.id} tidak ada.")
    if s.unit_id is not None and store.unit_by_id(s.unit_id) is None:
        raise ValidationError(f"Unit dengan id {s.unit_id} tidak ada.")
    same = store.staff_with_nip(s.nip)
    if same is not None and same.id != s.id:
        raise ValidationError(f"NIP {s.nip} sudah dipakai oleh {same.nama}.")
    return store.store_staff(s)


def _known(member: Staff) -> Staff | None:
    if member.nip:
        return store.staff_with_nip(member.nip)
    return store.staff_named(member.nama)


def _signer(role: SignerRole) -> Staff | None:
    staff_id = store.signer_id(role)
    return store.staff_by_id(staff_id) if staff_id is not None else None


def _uses(member: Staff) -> list[str]:
    """Where `member` signs: the profile's signer roles, SOP pengesahan by NIP."""
    uses = [
        f"{role.label} pada profil kantor"
        for role in SignerRole
        if store.signer_id(role) == member.id
    ]
    if member.nip:
        for stored in sop_store.live():
            doc = sop_store.current_document(stored.id)
            if normalize_nip(doc.pengesahan.nip) == member.nip:
                uses.append(f"pengesahan SOP {stored.nomor or stored.judul}")
    return uses
