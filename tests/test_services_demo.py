"""The demo library: in its own database (demo.db), never in the office's
real one; into any database on request, never twice, and never half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop import paths
from kinerja_desktop.core.errors import FileFormatError, KinerjaError
from kinerja_desktop.core.office import Staff, Unit, UnitKind
from kinerja_desktop.core.sop import serialize
from kinerja_desktop.services import demo
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.demo import load_demo
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService

LOGO = b"\x89PNG\r\n\x1a\n" + b"\x01" * 16


def make_library(folder: Path) -> Path:
    """A small library in the documented layout."""
    (folder / "sop").mkdir(parents=True)
    (folder / "logo.png").write_bytes(LOGO)
    profile = {
        "profile": {
            "pemerintah": "PEMERINTAH KABUPATEN BANGGAI",
            "nama_kantor": "KECAMATAN MASAMA",
            "alamat": "Jl. Trans Sulawesi",
            "kota_ttd": "Masama",
            "kertas": "F4",
            "jam_kerja_per_hari": 7.5,
            "logo": "logo.png",
        },
        "units": [
            {"nama": "Sekretariat", "jenis": "sekretariat", "urutan": 1},
            {"nama": "Seksi Pemerintahan", "jenis": "seksi", "urutan": 2},
        ],
        "staff": [
            {
                "nama": "Drs. Ahmad",
                "nip": "19680127 198611 1 001",
                "pangkat": "Pembina, IV/a",
                "jabatan": "Camat",
                "unit": None,
            },
            {
                "nama": "Siti",
                "nip": "",
                "pangkat": "Penata, III/c",
                "jabatan": "Kasubag Perencanaan",
                "unit": "Sekretariat",
            },
        ],
    }
    (folder / "profil.json").write_text(json.dumps(profile), encoding="utf-8")
    for name, nomor, judul in [
        ("02_perbaikan.json", "097/MB/2023", "Perbaikan Data Kinerja"),
        ("01_pengumpulan.json", "096/MB/2023", "Pengumpulan Data Kinerja"),
        ("03_tanpa_nomor.json", "", "Monitoring Renstra"),
    ]:
        data = serialize.to_dict(sample_doc(nomor, judul))
        (folder / "sop" / name).write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture()
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_library(tmp_path / "demo")
    monkeypatch.setattr(demo, "default_folder", lambda: folder)
    return folder


def test_load_demo_fills_profile_units_staff_and_sops(tmp_path: Path, library: Path) -> None:
    with open_session(tmp_path / "kinerja.db", create=True) as session:
        heard: list[tuple[str, int | None]] = []
        session.subscribe(lambda e, i: heard.append((e, i)))
        summary = load_demo(session, library)
        office = OfficeService(session)
        profile = office.get_profile()
        assert (profile.nama_kantor, profile.logo_png, profile.jam_kerja_per_hari) == (
            "KECAMATAN MASAMA",
            LOGO,
            7.5,
        )
        units = {u.nama: u for u in office.list_units()}
        assert units["Sekretariat"].jenis is UnitKind.SEKRETARIAT
        staff = {s.nama: s for s in office.list_staff()}
        assert staff["Drs. Ahmad"].nip == "196801271986111001"
        assert staff["Siti"].unit_id == units["Sekretariat"].id
        # Loaded in file-name order, so ids follow the files.
        listed = SopService(session).list_sops()
        assert [(s.id, s.judul) for s in sorted(listed, key=lambda s: s.id)] == [
            (1, "Pengumpulan Data Kinerja"),
            (2, "Perbaikan Data Kinerja"),
            (3, "Monitoring Renstra"),
        ]
        assert (summary.profil, summary.unit, summary.pegawai, summary.sop) == (True, 2, 2, 3)
        assert str(summary) == "profil kantor, 2 unit, 2 pegawai, 3 SOP ditambahkan"
        entries = AuditService(session).list_entries()
        assert [e.action for e in entries] == ["load_demo"]
        assert {e for e, _i in heard} == {"office_profile", "unit", "staff", "sop", "database"}


def test_loading_twice_adds_nothing(tmp_path: Path, library: Path) -> None:
    with open_session(tmp_path / "kinerja.db", create=True) as session:
        office = OfficeService(session)
        office.save_unit(Unit("Seksi Pemerintahan", UnitKind.SEKSI))
        office.save_staff(Staff("Siti"))
        SopService(session).create(sample_doc("096/MB/2023", "Versi kantor sendiri"))
        first = load_demo(session, library)
        assert (first.unit, first.pegawai, first.sop, first.dilewati) == (1, 1, 2, 3)
        second = load_demo(session, library)
        assert (second.profil, second.unit, second.pegawai, second.sop) == (False, 0, 0, 0)
        assert second.dilewati == 7
        assert "7 sudah ada, dilewati" in str(second)
        assert len(SopService(session).list_sops()) == 3


def test_profile_already_filled_in_is_kept(tmp_path: Path, library: Path) -> None:
    with open_session(tmp_path / "kinerja.db", create=True) as session:
        office = OfficeService(session)
        profile = office.get_profile()
        profile.nama_kantor = "KECAMATAN LAIN"
        office.save_profile(profile)
        assert not load_demo(session, library).profil
        assert office.get_profile().nama_kantor == "KECAMATAN LAIN"


def test_the_real_database_starts_empty_and_the_demo_has_its_own_file(library: Path) -> None:
    with open_session() as session:
        assert session.path == paths.default_db_path() and session.is_new
        assert SopService(session).list_sops() == []
        assert OfficeService(session).needs_setup()
    with demo.open_demo_session() as session:
        assert session.path == demo.demo_db_path() == paths.data_dir() / "demo.db"
        assert demo.is_demo_path(session.path)
        assert len(SopService(session).list_sops()) == 3
        assert not OfficeService(session).needs_setup()
        SopService(session).delete(1)  # a change in the demo …
    with open_session() as session:  # … never reaches the real database
        assert SopService(session).list_sops() == []
        assert AuditService(session).list_entries() == []
    with demo.open_demo_session() as session:  # reopened as left
        assert len(SopService(session).list_sops()) == 2
    with demo.open_demo_session(recreate=True) as session:  # afresh on request
        assert len(SopService(session).list_sops()) == 3


def test_a_damaged_demo_database_is_rebuilt(library: Path) -> None:
    target = demo.demo_db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"bukan basis data" * 100)
    with demo.open_demo_session() as session:
        assert len(SopService(session).list_sops()) == 3
    assert [p.name for p in target.parent.iterdir() if ".baru" in p.name] == []


def test_explicit_new_database_starts_empty_unless_asked(tmp_path: Path, library: Path) -> None:
    with open_session(tmp_path / "kosong.db", create=True) as session:
        assert session.is_new and SopService(session).list_sops() == []
    with open_session(tmp_path / "demo.db", create=True, demo_if_new=True) as session:
        assert len(SopService(session).list_sops()) == 3
    with open_session() as session:
        assert SopService(session).list_sops() == []


def test_a_failed_demo_build_leaves_nothing_and_the_next_try_builds_it(
    tmp_path: Path, monkeypatch
) -> None:
    broken = make_library(tmp_path / "demo")
    bad_file = broken / "sop" / "04_rusak.json"
    bad_file.write_text("{bukan json", encoding="utf-8")
    monkeypatch.setattr(demo, "default_folder", lambda: broken)
    with pytest.raises(FileFormatError, match=r"04_rusak\.json"):
        demo.open_demo_session()
    assert not demo.demo_db_path().exists()
    bad_file.unlink()
    with demo.open_demo_session() as session:
        assert len(SopService(session).list_sops()) == 3


def test_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    with (
        open_session(tmp_path / "kinerja.db", create=True) as session,
        pytest.raises(KinerjaError, match="Pustaka demo tidak ditemukan"),
    ):
        load_demo(session, tmp_path / "tidak-ada")


def test_invalid_nip_in_the_library_is_refused_before_writing(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "demo")
    data = json.loads((folder / "profil.json").read_text(encoding="utf-8"))
    data["staff"][0]["nip"] = "123"
    (folder / "profil.json").write_text(json.dumps(data), encoding="utf-8")
    with open_session(tmp_path / "kinerja.db", create=True) as session:
        with pytest.raises(KinerjaError, match="18 angka"):
            load_demo(session, folder)
        assert OfficeService(session).list_units() == []


def test_the_shipped_demo_library_loads_whole(tmp_path: Path) -> None:
    folder = paths.resource("demo")
    files = sorted((folder / "sop").glob("*.json"))
    assert files, "resources/demo/sop is empty"
    with open_session(tmp_path / "kinerja.db", create=True, demo_if_new=True) as session:
        sops = SopService(session)
        listed = sops.list_sops()
        assert len(listed) == len(files)
        stored = {doc.nomor: doc for _id, doc in sops.documents()}
        for path in files:
            doc = serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))
            assert stored[doc.nomor] == doc, path.name
        assert OfficeService(session).get_profile().nama_kantor
        assert OfficeService(session).list_staff()
        assert DatabaseService(session).integrity_check() == []
        assert AuditService(session).verify_chain() == []
