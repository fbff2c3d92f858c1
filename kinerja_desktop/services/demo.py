"""The demo library: a real office profile, its units and staff, and the
demo SOPs — and the demo database that holds them, apart from the office's own.

The demo lives in its own file, `demo.db` in the data folder
(`demo_db_path`), opened by `python main.py --demo` and by "Coba dengan data
contoh": `open_demo_session` builds it whole when it is missing, damaged or
asked to start afresh, so nothing of the demo ever reaches the office's real
database. `demo muat` still loads the library into a database the user names.

The files live under `resources/demo/`:

* `profil.json` = {"profile": {pemerintah, nama_kantor, alamat, kota_ttd,
  kertas, jam_kerja_per_hari, "logo": a PNG file name beside it or null},
  "units": [{nama, jenis, urutan}], "staff": [{nama, nip, pangkat, jabatan,
  unit: a unit name or null}], "signers": {"camat": NIP, "sekretaris": NIP}};
* `sop/*.json`, one `core.sop.serialize.to_dict` document each, loaded in file-name order.

Loading is one transaction with one audit row. It adds only what is missing,
so loading twice changes nothing: the profile only when none is filled in
yet, units by name, staff by NIP (or name when there is none), SOPs by nomor
(or judul when there is no nomor).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from ..core.errors import FileFormatError, KinerjaError, ValidationError
from ..core.nip import validate_nip
from ..core.office import OfficeProfile, PaperSize, SignerRole, Staff, Unit, UnitKind
from ..core.sop import SopDocument, serialize
from ..store import office as office_store
from ..store import sops
from ..store.database import is_unused
from ..store.errors import DatabaseFileError, DatabaseVersionError
from .demo_file import DEMO_DB_FILE_NAME, demo_db_path, is_demo_path
from .entities import DATABASE, OFFICE_PROFILE, SOP, STAFF, UNIT
from .office_service import check_profile

__all__ = [
    "DEMO_DB_FILE_NAME",
    "DemoLibrary",
    "DemoSummary",
    "demo_db_path",
    "is_demo_path",
    "load_demo",
    "load_demo_if_unused",
    "open_demo_session",
    "read_library",
]

if TYPE_CHECKING:
    from .session import Session


@dataclass(frozen=True)
class DemoSummary:
    """What a load added, and how many items were already there."""

    profil: bool
    unit: int
    pegawai: int
    sop: int
    dilewati: int

    def __str__(self) -> str:
        parts = (["profil kantor"] if self.profil else []) + [
            f"{self.unit} unit",
            f"{self.pegawai} pegawai",
            f"{self.sop} SOP",
        ]
        tail = f" ({self.dilewati} sudah ada, dilewati)" if self.dilewati else ""
        return ", ".join(parts) + " ditambahkan" + tail


@dataclass
class DemoLibrary:
    """The demo files, read and checked, before anything is written."""

    profile: OfficeProfile
    units: list[Unit]
    staff: list[tuple[Staff, str | None]]  # (member, unit name)
    documents: list[SopDocument]
    signers: dict[SignerRole, str] = field(default_factory=dict)  # role -> NIP


def default_folder() -> Path:
    return paths.resource("demo")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileFormatError(f"Berkas demo {path.name} tidak dapat dibaca.", str(exc)) from exc


def _profile(data: dict[str, Any], folder: Path) -> OfficeProfile:
    logo_name = data.get("logo")
    logo = None
    if logo_name:
        try:
            logo = (folder / str(logo_name)).read_bytes()
        except OSError as exc:
            raise FileFormatError(f"Logo demo {logo_name} tidak ada.", str(exc)) from exc
    return check_profile(
        OfficeProfile(
            pemerintah=str(data.get("pemerintah", "")),
            nama_kantor=str(data.get("nama_kantor", "")),
            alamat=str(data.get("alamat", "")),
            kota_ttd=str(data.get("kota_ttd", "")),
            logo_png=logo,
            kertas=PaperSize(str(data.get("kertas", "F4"))),
            jam_kerja_per_hari=float(data.get("jam_kerja_per_hari", 8.0)),
        )
    )


def read_library(folder: Path) -> DemoLibrary:
    """Parse and check every demo file; errors name the file."""
    profile_file = folder / "profil.json"
    if not profile_file.is_file():
        raise KinerjaError(f"Pustaka demo tidak ditemukan di {folder}.")
    data = _read_json(profile_file)
    try:
        profile = _profile(data.get("profile") or {}, folder)
        units = [
            Unit(
                nama=str(u["nama"]).strip(),
                jenis=UnitKind(u.get("jenis", "seksi")),
                urutan=int(u.get("urutan", 0)),
            )
            for u in data.get("units", [])
        ]
        staff = [
            (
                Staff(
                    nama=str(s["nama"]).strip(),
                    nip=validate_nip(str(s["nip"])) if s.get("nip") else "",
                    pangkat=str(s.get("pangkat", "")),
                    jabatan=str(s.get("jabatan", "")),
                ),
                s.get("unit"),
            )
            for s in data.get("staff", [])
        ]
        signers = {
            SignerRole(role): validate_nip(str(nip))
            for role, nip in (data.get("signers") or {}).items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FileFormatError("Berkas demo profil.json tidak sesuai format.", repr(exc)) from exc
    documents = []
    for path in sorted((folder / "sop").glob("*.json")):
        try:
            documents.append(serialize.from_dict(_read_json(path)))
        except ValidationError as exc:
            raise FileFormatError(f"SOP demo {path.name}: {exc.message}", exc.detail) from exc
    return DemoLibrary(profile, units, staff, documents, signers)


def load_demo(session: Session, folder: Path | None = None) -> DemoSummary:
    """Add the demo library (default `resources/demo/`) to the database."""
    library = read_library(folder or default_folder())
    with session.writing() as scope:
        summary = _store(library)
        scope.record("load_demo", DATABASE, None, f"Pustaka demo dimuat: {summary}")
        for entity in (OFFICE_PROFILE, UNIT, STAFF, SOP):
            scope.changed(entity, None)
    return summary


def load_demo_if_unused(session: Session, folder: Path | None = None) -> DemoSummary | None:
    """Load the demo library only into a database nothing was ever stored in;
    the summary, or None when the database was in use.

    Checked again inside the write transaction, so two processes starting on
    one new database load it once.
    """
    with session.reading():
        if not is_unused():
            return None
    library = read_library(folder or default_folder())
    with session.writing() as scope:
        if not is_unused():
            return None
        summary = _store(library)
        scope.record("load_demo", DATABASE, None, f"Pustaka demo dimuat: {summary}")
        for entity in (OFFICE_PROFILE, UNIT, STAFF, SOP):
            scope.changed(entity, None)
    return summary


def _store(library: DemoLibrary) -> DemoSummary:
    current = office_store.load_profile()
    profile_set = not (current.nama_kantor or current.pemerintah)
    if profile_set:
        office_store.store_profile(library.profile)
    skipped = 0
    units = 0
    for unit in library.units:
        if office_store.unit_named(unit.nama) is None:
            office_store.store_unit(unit)
            units += 1
        else:
            skipped += 1
    staff = 0
    for member, unit_name in library.staff:
        if _staff_exists(member):
            skipped += 1
            continue
        unit = office_store.unit_named(unit_name) if unit_name else None
        member.unit_id = unit.id if unit is not None else None
        office_store.store_staff(member)
        staff += 1
    if profile_set:
        for role, nip in library.signers.items():
            signer = office_store.staff_with_nip(nip)
            if signer is not None:
                office_store.set_signer_id(role, signer.id)
    added = 0
    now = datetime.now()
    for doc in library.documents:
        if _sop_exists(doc):
            skipped += 1
            continue
        sops.insert(doc, "Pustaka demo", now)
        added += 1
    from .kinerja_demo import store_demo_plan  # noqa: PLC0415 (the plan's modules only to build)

    store_demo_plan()
    return DemoSummary(profile_set, units, staff, added, skipped)


def _staff_exists(member: Staff) -> bool:
    if member.nip:
        return office_store.staff_with_nip(member.nip) is not None
    return office_store.staff_named(member.nama) is not None


def _sop_exists(doc: SopDocument) -> bool:
    return bool(sops.same_sop_rows(doc.nomor, doc.judul))


# -- the demo database ------------------------------------------------------------


def open_demo_session(*, recreate: bool = False) -> Session:
    """Open the demo database, building it first when it is missing, cannot
    be opened (damaged, of a newer version) or `recreate` is asked.

    It is built under a temporary name and renamed into place when complete,
    so an interrupted build never leaves half a demo behind.
    """
    from .session import open_session  # noqa: PLC0415 (session imports nothing of the demo)

    path = demo_db_path()
    if not recreate and path.exists():
        try:
            return open_session(path, create=False, demo_if_new=True)
        except (DatabaseFileError, DatabaseVersionError):
            pass  # rebuilt below: the demo holds nothing of the user's
    _build_demo_file(path)
    return open_session(path, create=False)


def _build_demo_file(path: Path) -> None:
    from .session import open_session  # noqa: PLC0415

    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.baru-{os.getpid()}")
    _remove_database_files(building)
    try:
        with open_session(building, create=True) as session:
            load_demo(session)
    except BaseException:
        _remove_database_files(building)
        raise
    _remove_database_files(path)
    os.replace(building, path)
    built_anchor = building.with_name(building.name + ".jangkar")  # store.anchor's witness
    if built_anchor.exists():
        os.replace(built_anchor, path.with_name(path.name + ".jangkar"))


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".jangkar"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.unlink()
