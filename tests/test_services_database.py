"""Backup, restore and the health check of the open database.

A backup must hold every committed row — also those still in the -wal and
while another connection is in the middle of a write — and nothing
uncommitted. A restore refuses every unsound file and then changes nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fixtures_store import (
    damage_pages,
    execute,
    fingerprint,
    make_v1_database,
    rows,
    sample_doc,
    set_user_version,
)

from kinerja_desktop import paths
from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.services import database_service
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import (
    DatabaseDamagedError,
    DatabaseFileError,
    DatabaseVersionError,
    Session,
    database_of,
    open_session,
)
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.store import audit as store_audit
from kinerja_desktop.store import sqlite_files
from kinerja_desktop.store.migrations import SCHEMA_VERSION


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "live" / "kinerja.db", create=True) as s:
        yield s


def _judul(path: Path) -> list[str]:
    return [r[0] for r in rows(path, "SELECT judul FROM sop ORDER BY id")]


# -- backup ------------------------------------------------------------------------


def test_backup_holds_rows_still_in_the_wal(session: Session, tmp_path: Path) -> None:
    SopService(session).create(sample_doc(judul="Sudah di berkas utama"))
    database_of(session).execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    SopService(session).create(sample_doc(judul="Masih di WAL"))
    wal = session.path.with_name(session.path.name + "-wal")
    assert wal.stat().st_size > 0
    copied = tmp_path / "salinan-berkas.db"
    shutil.copy(session.path, copied)  # what a file copy would carry away
    assert _judul(copied) == ["Sudah di berkas utama"]
    dest = DatabaseService(session).backup(tmp_path / "cadangan.db")
    assert dest == tmp_path / "cadangan.db"
    assert _judul(dest) == ["Sudah di berkas utama", "Masih di WAL"]
    assert rows(dest, "PRAGMA integrity_check") == [("ok",)]
    assert rows(dest, "PRAGMA journal_mode") == [("delete",)]
    assert not dest.with_name(dest.name + "-wal").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_backup_while_another_connection_is_writing(session: Session, tmp_path: Path) -> None:
    SopService(session).create(sample_doc(judul="Sudah disimpan"))
    other = sqlite3.connect(session.path, isolation_level=None, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO sop (nomor, judul, created_at, updated_at) "
            "VALUES ('X', 'Belum disimpan', '2024-01-01', '2024-01-01')"
        )
        dest = DatabaseService(session).backup(tmp_path / "cadangan.db")
        other.execute("COMMIT")
    finally:
        other.close()
    assert _judul(dest) == ["Sudah disimpan"]
    assert _judul(session.path) == ["Sudah disimpan", "Belum disimpan"]


def test_backup_into_a_folder_gets_a_timestamped_name(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    dest = DatabaseService(session).backup(folder)
    assert dest.parent == folder and dest.name.startswith("kinerja-cadangan-")
    assert rows(dest, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_backup_refuses_the_live_database_and_missing_folders(
    session: Session, tmp_path: Path
) -> None:
    service = DatabaseService(session)
    SopService(session).create(sample_doc())
    before = fingerprint(session.path)
    for target in (session.path, session.path.with_name("kinerja.db-wal")):
        with pytest.raises(ValidationError, match="sedang dipakai"):
            service.backup(target)
    with pytest.raises(ValidationError, match="tidak ada"):
        service.backup(tmp_path / "tidak-ada" / "x.db")
    assert fingerprint(session.path) == before


def test_backup_replaces_an_older_backup_atomically(session: Session, tmp_path: Path) -> None:
    dest = DatabaseService(session).backup(tmp_path / "cadangan.db")  # last week's
    assert _judul(dest) == []
    SopService(session).create(sample_doc(judul="Baru"))
    assert DatabaseService(session).backup(dest) == dest
    assert _judul(dest) == ["Baru"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cadangan.db", "live"]


def test_backup_never_overwrites_a_file_that_is_not_a_kinerja_database(
    session: Session, tmp_path: Path
) -> None:
    foreign = tmp_path / "lain.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    files = {
        "laporan.pdf": b"%PDF-1.7\n" + b"isi laporan " * 200,
        "catatan.db": b"bukan basis data",
        "kosong.db": b"",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    service = DatabaseService(session)
    for target in [*(tmp_path / n for n in files), foreign]:
        before = fingerprint(target)
        with pytest.raises(ValidationError, match="bukan basis data Kinerja Desktop"):
            service.backup(target)
        assert fingerprint(target) == before, target.name
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_backup_never_overwrites_a_kinerja_database_in_use(
    session: Session, tmp_path: Path
) -> None:
    with open_session(tmp_path / "lain" / "kantor.db", create=True) as other:
        SopService(other).create(sample_doc(judul="Milik basis data lain"))
        with pytest.raises(ValidationError, match="sedang dipakai"):
            DatabaseService(session).backup(other.path)
        assert [s.judul for s in SopService(other).list_sops()] == ["Milik basis data lain"]


def test_backups_into_a_folder_in_the_same_second_get_their_own_names(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2024, 5, 1, 10, 30, 0)

    monkeypatch.setattr(sqlite_files, "datetime", FrozenClock)
    monkeypatch.setattr(database_service, "datetime", FrozenClock, raising=False)
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    service = DatabaseService(session)
    first = service.backup(folder)
    SopService(session).create(sample_doc(judul="Sesudah cadangan pertama"))
    second = service.backup(folder)
    assert first != second
    assert first.name == "kinerja-cadangan-20240501-103000.db"
    assert _judul(first) == [] and _judul(second) == ["Sesudah cadangan pertama"]


# -- restore ----------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(
    session: Session, tmp_path: Path
) -> None:
    sops = SopService(session)
    sops.create(sample_doc("1/A", "Lama"))
    backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    sops.create(sample_doc("2/B", "Sesudah cadangan"))
    heard: list[tuple[str, int | None]] = []
    session.subscribe(lambda entity, i: heard.append((entity, i)))

    safety = DatabaseService(session).restore(backup)

    assert [s.judul for s in sops.list_sops()] == ["Lama"]
    assert safety.parent == paths.backup_dir(session.path)
    assert _judul(safety) == ["Lama", "Sesudah cadangan"]
    assert rows(session.path, "PRAGMA journal_mode") == [("wal",)]
    assert heard == [("database", None)]
    entries = AuditService(session).list_entries()
    assert entries[0].action == "restore" and "cadangan.db" in entries[0].summary
    assert AuditService(session).verify_chain() == []
    assert DatabaseService(session).integrity_check() == []


def test_restore_of_an_older_version_is_migrated(session: Session, tmp_path: Path) -> None:
    old = tmp_path / "versi1.db"
    content = make_v1_database(old)
    DatabaseService(session).restore(old)
    assert rows(session.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert SopService(session).get(1).document == content.new_doc
    assert OfficeService(session).list_staff()[0].catatan == ""
    assert rows(old, "PRAGMA user_version") == [(1,)]  # the source is left alone


def _corrupt_copy(session: Session, tmp_path: Path) -> Path:
    sops = SopService(session)
    for i in range(40):
        sops.create(sample_doc(f"{i}/X", "Judul panjang " * 40))
    good = DatabaseService(session).backup(tmp_path / "baik.db")
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 12 * page), page):
        data[offset : offset + 64] = b"\xff" * 64  # smash b-tree page headers
    bad = tmp_path / "rusak.db"
    bad.write_bytes(bytes(data))
    return bad


def _bad_sources(session: Session, tmp_path: Path) -> dict[str, tuple[Path, type, str]]:
    text = tmp_path / "catatan.txt"
    text.write_text("ini bukan basis data\n" * 10, encoding="utf-8")
    newer = DatabaseService(session).backup(tmp_path / "baru.db")
    set_user_version(newer, SCHEMA_VERSION + 1)
    foreign = tmp_path / "lain.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    empty = tmp_path / "kosong.db"
    empty.touch()
    return {
        "teks": (text, DatabaseFileError, "bukan berkas SQLite"),
        "lebih baru": (newer, DatabaseVersionError, "lebih baru"),
        "rusak": (_corrupt_copy(session, tmp_path), DatabaseFileError, "rusak"),
        "program lain": (foreign, DatabaseFileError, "program lain"),
        "kosong": (empty, DatabaseFileError, "kosong"),
        "tidak ada": (tmp_path / "hilang.db", DatabaseFileError, "tidak ada"),
    }


def test_restore_refuses_unsound_files_and_changes_nothing(
    session: Session, tmp_path: Path
) -> None:
    service = DatabaseService(session)
    SopService(session).create(sample_doc(judul="Tetap"))
    cases = _bad_sources(session, tmp_path)
    entries = AuditService(session).list_entries()
    database_of(session).execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(session.path)
    for name, (source, error, words) in cases.items():
        with pytest.raises(error, match=words):
            service.restore(source)
        assert fingerprint(session.path) == before, name
    assert not paths.backup_dir(session.path).exists()
    assert "Tetap" in [s.judul for s in SopService(session).list_sops()]
    assert AuditService(session).list_entries() == entries


def test_restore_refuses_the_live_database_itself(session: Session) -> None:
    with pytest.raises(ValidationError, match="sedang dipakai"):
        DatabaseService(session).restore(session.path)


# -- integrity ----------------------------------------------------------------------


def test_integrity_check_on_a_healthy_database(session: Session) -> None:
    SopService(session).create(sample_doc())
    assert DatabaseService(session).integrity_check() == []


def test_integrity_check_finds_a_broken_foreign_key(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.db"
    open_session(path, create=True).close()
    conn = sqlite3.connect(path)  # foreign keys are off in a bare connection
    conn.execute("INSERT INTO staff (id, nama, unit_id) VALUES (7, 'Yatim', 999)")
    conn.commit()
    conn.close()
    with open_session(path) as session:
        problems = DatabaseService(session).integrity_check()
    assert problems == [
        "Data pegawai nomor 7 merujuk ke unit yang tidak ada (tabel staff → unit).",
        # written outside the program: a record without any audit row
        "Catatan audit kosong padahal basis data berisi data: catatan audit telah dihapus.",
    ]


def test_busy_database_gives_a_readable_message(session: Session) -> None:
    database_of(session).execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(session.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(KinerjaError, match=r"sedang dipakai oleh .*Tidak ada yang diubah"):
            SopService(session).create(sample_doc())
    finally:
        other.execute("ROLLBACK")
        other.close()


# -- damaged databases, interruptions ------------------------------------------------


def _filled(path: Path, count: int = 40) -> Path:
    with open_session(path, create=True) as s:
        for i in range(count):
            SopService(s).create(sample_doc(f"{i}/X", "Judul panjang " * 40))
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", "-journal")))


def test_a_damaged_database_is_not_backed_up(tmp_path: Path) -> None:
    """SQLite's backup API copies a damaged page without a word; the copy is
    checked before it is renamed into place, and nothing is kept."""
    live = _filled(tmp_path / "live" / "kinerja.db")
    damage_pages(live, [-1])
    out = tmp_path / "flashdisk"
    out.mkdir()
    with open_session(live) as session:
        service = DatabaseService(session)
        for dest in (out / "cadangan.db", out):
            with pytest.raises(DatabaseDamagedError, match=r"rusak.*cadangan tidak dibuat"):
                service.backup(dest)
    assert list(out.iterdir()) == []


def test_reading_a_damaged_database_gives_a_readable_error(tmp_path: Path) -> None:
    live = _filled(tmp_path / "kinerja.db")
    damage_pages(live, list(range(4, 13)))
    with open_session(live) as session, pytest.raises(DatabaseDamagedError) as caught:
        SopService(session).list_sops()
    assert caught.value.message == (
        "Basis data kinerja.db rusak; jalankan `db periksa`, lalu pulihkan dari cadangan."
    )
    assert "malformed" in caught.value.detail


def test_integrity_check_speaks_indonesian_about_a_damaged_file(tmp_path: Path) -> None:
    live = _filled(tmp_path / "kinerja.db")
    damage_pages(live, [-1])
    with open_session(live) as session:
        problems = DatabaseService(session).integrity_check()
    assert problems
    for problem in problems:
        assert problem.startswith(("Struktur berkas basis data rusak", "Berkas basis data rusak"))
        assert "(SQLite: " in problem


def test_an_sop_without_its_revision_is_reported_in_indonesian(
    session: Session, tmp_path: Path
) -> None:
    sops = SopService(session)
    kept = sops.create(sample_doc("1/A"))
    broken = sops.create(sample_doc("2/B"))
    execute(session.path, "DELETE FROM sop_revision WHERE sop_id = ?", (broken,))
    with pytest.raises(DatabaseDamagedError, match=r"Data SOP \d+ \(2/B\) tidak lengkap") as err:
        sops.get(broken)
    assert "db periksa" in err.value.message
    assert [s.id for s in sops.list_sops()] == [kept, broken]
    assert DatabaseService(session).integrity_check() == [
        f"SOP {broken}: revisi terbaru (revisi ke-0) tidak ada di basis data."
    ]


class _InterruptedCopy(sqlite3.Connection):
    """A connection that is interrupted (Ctrl-C) once the copy is written."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if "journal_mode" in sql:
            raise KeyboardInterrupt
        return super().execute(sql, *args)


def _interrupt_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        return real_connect(*args, factory=_InterruptedCopy, **kwargs)

    shim = type("Sqlite3", (), {**vars(sqlite3), "connect": staticmethod(connect)})
    monkeypatch.setattr(sqlite_files, "sqlite3", shim)


def test_ctrl_c_during_a_backup_leaves_no_file(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SopService(session).create(sample_doc())
    out = tmp_path / "flashdisk"
    out.mkdir()
    _interrupt_copies(monkeypatch)
    for dest in (out / "cadangan.db", out):
        with pytest.raises(KeyboardInterrupt):
            DatabaseService(session).backup(dest)
    assert list(out.iterdir()) == []


def test_ctrl_c_during_the_safety_copy_leaves_no_file_and_changes_nothing(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SopService(session).create(sample_doc(judul="Tetap"))
    backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    SopService(session).create(sample_doc("2/B", "Juga tetap"))
    _interrupt_copies(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        DatabaseService(session).restore(backup)
    folder = paths.backup_dir(session.path)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert sorted(s.judul for s in SopService(session).list_sops()) == ["Juga tetap", "Tetap"]


# -- restore: folders, page sizes, damaged live database, the audit row -----------------


def test_restore_from_a_folder_says_so(session: Session, tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError, match="adalah folder, bukan berkas cadangan"):
        DatabaseService(session).restore(tmp_path)


def test_restore_of_a_backup_with_another_page_size(session: Session, tmp_path: Path) -> None:
    sops = SopService(session)
    sops.create(sample_doc("1/A", "Dari cadangan 8K"))
    backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    conn = sqlite3.connect(backup, isolation_level=None)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    conn.close()
    assert rows(backup, "PRAGMA page_size") == [(8192,)]
    sops.create(sample_doc("2/B", "Sesudah cadangan"))
    DatabaseService(session).restore(backup)
    assert [s.judul for s in sops.list_sops()] == ["Dari cadangan 8K"]
    assert rows(session.path, "PRAGMA journal_mode") == [("wal",)]
    assert DatabaseService(session).integrity_check() == []
    assert AuditService(session).verify_chain() == []
    assert _leftovers(tmp_path) == []


def test_restore_and_its_audit_row_arrive_together_or_not_at_all(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sops = SopService(session)
    sops.create(sample_doc("1/A", "Lama"))
    backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    sops.create(sample_doc("2/B", "Sekarang"))
    entries = AuditService(session).list_entries()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_audit, "append_to", refuse)
    with pytest.raises(DatabaseFileError, match="basis data tidak diubah"):
        DatabaseService(session).restore(backup)
    assert [s.judul for s in sops.list_sops()] == ["Lama", "Sekarang"]
    assert AuditService(session).list_entries() == entries
    assert _leftovers(tmp_path) == []
    monkeypatch.undo()
    DatabaseService(session).restore(backup)
    assert [s.judul for s in sops.list_sops()] == ["Lama"]
    newest = AuditService(session).list_entries(limit=1)[0]
    assert newest.action == "restore"
    assert newest.summary.startswith("Basis data dipulihkan dari cadangan.db (sebelumnya catatan ")


@pytest.mark.parametrize("pages", [[-1], list(range(4, 13))], ids=["sedikit", "parah"])
def test_restore_over_a_damaged_database_keeps_a_copy_of_it(
    tmp_path: Path, pages: list[int]
) -> None:
    good = _filled(tmp_path / "baik" / "kinerja.db", 3)
    with open_session(good) as session:
        backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
    live = _filled(tmp_path / "live" / "kinerja.db")
    damage_pages(live, pages)
    with open_session(live) as session:
        safety = DatabaseService(session).restore(backup)
        assert len(SopService(session).list_sops()) == 3
        assert DatabaseService(session).integrity_check() == []
    assert safety.parent == paths.backup_dir(live) and safety.stat().st_size > 0
    assert _leftovers(tmp_path) == []
