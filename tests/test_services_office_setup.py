"""The office's own start: the first-run set-up in one transaction, the
signers, deleting a signer only knowingly, what a backup holds, the newest
sound backup for a damaged database, and Beranda's overview."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop import paths
from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.core.office import (
    OfficeProfile,
    PaperSize,
    SignerRole,
    Staff,
    Unit,
    UnitKind,
    guess_unit_kind,
)
from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.services import recovery
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.database_service import (
    DatabaseService,
    preview_backup,
    summary_of_session,
)
from kinerja_desktop.services.office_service import OfficeService, OfficeSetup, StaffInUseError
from kinerja_desktop.services.overview import OverviewService, months_before
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import SopService

CAMAT_NIP = "196801271986111001"


def setup_of(**changes) -> OfficeSetup:
    base = OfficeSetup(
        profile=OfficeProfile(
            pemerintah="PEMERINTAH KABUPATEN BANJAR",
            nama_kantor="KECAMATAN MARTAPURA BARAT",
            alamat="Jl. A. Yani Km. 39",
            kota_ttd="Martapura",
            kertas=PaperSize.A4,
        ),
        camat=Staff("Drs. H. AHMAD, M.Si", nip=CAMAT_NIP, pangkat="Pembina Tk. I, IV/b"),
        sekretaris=Staff("SITI AMINAH, S.Sos", nip="", pangkat="Pembina, IV/a"),
        units=[
            Unit("Sekretariat", UnitKind.SEKRETARIAT),
            Unit("Seksi Pemerintahan"),
            Unit("Kelurahan Tanjung Rema", UnitKind.KELURAHAN),
        ],
    )
    return replace(base, **changes)


@pytest.fixture()
def session(tmp_path: Path):
    with open_session(tmp_path / "kantor.db", create=True) as s:
        yield s


def test_setup_office_stores_everything_in_one_go(session: Session) -> None:
    office = OfficeService(session)
    assert office.needs_setup()
    heard: list[str] = []
    session.subscribe(lambda entity, _id: heard.append(entity))
    office.setup_office(setup_of())
    assert not office.needs_setup()
    profile = office.get_profile()
    assert (profile.nama_kantor, profile.kertas) == ("KECAMATAN MARTAPURA BARAT", PaperSize.A4)
    signers = office.signers()
    assert signers[SignerRole.CAMAT].nip == CAMAT_NIP
    assert signers[SignerRole.SEKRETARIS].nama == "SITI AMINAH, S.Sos"
    units = {u.nama: u for u in office.list_units()}
    assert units["Kelurahan Tanjung Rema"].jenis is UnitKind.KELURAHAN
    assert [u.urutan for u in office.list_units()] == [1, 2, 3]
    actions = [e.action for e in AuditService(session).list_entries()]
    assert len(actions) == 1 + 3 + 2  # profile, three units, two signers
    assert set(heard) == {"office_profile", "unit", "staff"}
    # Run again (the wizard from the Kantor menu): nothing doubles.
    office.setup_office(setup_of(camat=Staff("Drs. H. AHMAD, M.Si, M.AP", nip=CAMAT_NIP)))
    assert len(office.list_staff()) == 2 and len(office.list_units()) == 3
    assert office.signers()[SignerRole.CAMAT].nama.endswith("M.AP")


def test_setup_office_refuses_bad_input_and_stores_nothing(session: Session) -> None:
    office = OfficeService(session)
    bad_nip = setup_of(camat=Staff("Drs. Ahmad", nip="19681327 198611 1 001"))
    with pytest.raises(ValidationError, match="tanggal lahir"):
        office.setup_office(bad_nip)
    no_name = setup_of(profile=OfficeProfile(pemerintah="PEMERINTAH KABUPATEN BANJAR"))
    with pytest.raises(ValidationError, match="Kecamatan"):
        office.setup_office(no_name)
    assert office.needs_setup() and office.list_staff() == [] and office.list_units() == []
    assert AuditService(session).list_entries() == []


def test_a_signer_is_deleted_only_knowingly(session: Session) -> None:
    office = OfficeService(session)
    office.setup_office(setup_of())
    camat = office.signers()[SignerRole.CAMAT]
    SopService(session).create(sample_doc())  # pengesahan NIP = the Camat's
    uses = office.staff_uses(camat.id)
    assert uses == ["Camat pada profil kantor", "pengesahan SOP 096/MB/2023"]
    with pytest.raises(StaffInUseError) as refused:
        office.delete_staff(camat.id)
    assert refused.value.uses == uses
    assert office.signers()[SignerRole.CAMAT] is not None
    office.delete_staff(camat.id, even_if_signer=True)
    assert office.signers()[SignerRole.CAMAT] is None
    assert "penandatangan" in AuditService(session).list_entries()[0].summary
    other = office.save_staff(Staff("Staf biasa"))
    assert office.staff_uses(other) == []
    office.delete_staff(other)  # nobody signs: no question


def test_save_profile_with_signers_is_one_audit_row(session: Session) -> None:
    office = OfficeService(session)
    first = office.save_staff(Staff("A", jabatan="Camat"))
    office.save_profile(OfficeProfile(nama_kantor="KECAMATAN X"), {SignerRole.CAMAT: first})
    entries = AuditService(session).list_entries()
    assert "Camat: A" in entries[0].summary and len(entries) == 2
    assert office.signers()[SignerRole.CAMAT].id == first
    with pytest.raises(KinerjaError, match="tidak ada"):
        office.save_profile(OfficeProfile(nama_kantor="X"), {SignerRole.SEKRETARIS: 999})


def test_unit_kind_is_guessed_from_the_name() -> None:
    assert guess_unit_kind("Kelurahan Sungai Sipai") is UnitKind.KELURAHAN
    assert guess_unit_kind("desa Tangeban") is UnitKind.DESA
    assert guess_unit_kind("Seksi Trantib") is UnitKind.SEKSI
    assert guess_unit_kind("Sekretariat") is UnitKind.SEKRETARIAT
    assert guess_unit_kind("Puskesmas") is UnitKind.LAINNYA


# -- backups --------------------------------------------------------------------------


def test_preview_says_what_a_backup_holds_and_refuses_other_files(
    session: Session, tmp_path: Path
) -> None:
    OfficeService(session).setup_office(setup_of())
    SopService(session).create(sample_doc())
    backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    summary = preview_backup(backup)
    assert summary.counts == {"sop": 1, "sop_revision": 1, "staff": 2, "unit": 3, "sampah": 0}
    assert summary.nama_kantor == "KECAMATAN MARTAPURA BARAT"
    assert summary.last_change is not None and summary.last_change_text.startswith("SOP dibuat")
    assert summary.schema_version >= 3
    assert summary_of_session(session).counts == summary.counts
    (tmp_path / "lain.db").write_bytes(b"bukan basis data")
    with pytest.raises(KinerjaError):
        preview_backup(tmp_path / "lain.db")
    with pytest.raises(KinerjaError, match="tidak ada"):
        preview_backup(tmp_path / "tidak-ada.db")


def test_a_damaged_database_gets_the_newest_sound_backup(tmp_path: Path) -> None:
    live = tmp_path / "kantor" / "kinerja.db"
    folder = paths.backup_dir(live)
    with open_session(live, create=True) as s:
        SopService(s).create(sample_doc("1/A"))
        folder.mkdir()
        older = DatabaseService(s).backup(folder / "kinerja-lama.db")
        SopService(s).create(sample_doc("2/B"))
        newer = DatabaseService(s).backup(folder / "kinerja-baru.db")
    (folder / "kinerja-rusak.db").write_bytes(newer.read_bytes())  # a kept damaged copy
    broken = folder / "kinerja-zz.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    for age, path in ((100, older), (50, newer), (10, broken), (5, folder / "kinerja-rusak.db")):
        stamp = newer.stat().st_mtime + 1000 - age
        __import__("os").utime(path, (stamp, stamp))
    found = recovery.newest_sound_backup(live)
    assert found is not None and found.path == newer  # newest that passes the checks
    live.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged beyond opening
    kept = recovery.restore_damaged(live, newer)
    assert kept.parent == folder and kept.read_bytes().startswith(b"SQLite format 3")
    with open_session(live) as s:
        assert [x.nomor for x in SopService(s).list_sops()] == ["1/A", "2/B"]


# -- Beranda ----------------------------------------------------------------------------


def test_overview_names_what_needs_attention(session: Session) -> None:
    sops = SopService(session)
    old = sops.create(replace(sample_doc("1/A"), status=SopStatus.BERLAKU))
    recent = replace(sample_doc("2/B"), status=SopStatus.BERLAKU, tanggal_efektif=date.today())
    sops.create(recent)
    broken = replace(sample_doc("3/C"), steps=sample_doc().steps[:2])  # no Selesai
    draft = sops.create(broken)
    overview = OverviewService(session).overview(review_months=12)
    assert overview.by_status[SopStatus.BERLAKU] == 2 and overview.by_status[SopStatus.DRAF] == 1
    assert [i.sop_id for i in overview.due_review] == [old]
    assert "16 Februari 2023" in overview.due_review[0].detail
    assert [i.sop_id for i in overview.with_errors] == [draft]
    assert "kesalahan" in overview.with_errors[0].detail
    assert [i.sop_id for i in overview.drafts] == [draft]
    assert [e.entity for e in overview.recent] == ["sop", "sop", "sop"]
    longer = OverviewService(session).overview(review_months=120)
    assert longer.due_review == []


def test_months_before_handles_short_months() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 2, 16), 12) == date(2025, 2, 16)
    assert months_before(date(2026, 1, 10), 13) == date(2024, 12, 10)
