"""Tamper evidence and a restore that can neither lose nor plant anything.

Each case is first done the way an attacker or an unlucky user would (an SQL
edit behind the program's back, a planted trigger in a backup, a write while a
restore runs, another program holding the lock), then the program's answer
is checked: a named problem and a non-zero exit, a refusal with the reason
and the live database untouched, or a clean result with nothing lost.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_store import fingerprint, rows, sample_doc

from kinerja_desktop.cli.main import run
from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.session import DatabaseFileError, Session, open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.store import anchor, connection, migrations, schema
from kinerja_desktop.store import restore as store_restore

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "live" / "kinerja.db", create=True) as s:
        sops = SopService(s)
        for n in range(1, 4):
            sops.create(sample_doc(nomor=f"00{n}/SOP/2026", judul=f"SOP ke-{n}"))
        yield s


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _problems(session: Session) -> list[str]:
    return DatabaseService(session).check().problems


def _nomor(path: Path) -> list[str]:
    return [r[0] for r in rows(path, "SELECT nomor FROM sop ORDER BY id")]


# -- db periksa sees what was done behind the program's back ------------------------


def test_a_sound_database_is_sound(session: Session) -> None:
    result = DatabaseService(session).check()
    assert result.problems == [] and result.notes == []
    assert (result.audit_rows, result.revisions_checked) == (3, 3)


def test_an_edited_step_text_is_named_with_its_sop(session: Session) -> None:
    _sql(
        session.path,
        "UPDATE sop_revision SET document = replace(document, 'Menyusun format', 'Menghapus') "
        "WHERE sop_id = 2",
    )
    assert _problems(session) == [
        "SOP 2 (002/SOP/2026), revisi ke-0: isinya tidak cocok dengan hash yang dicatat "
        "saat disimpan (diubah di luar aplikasi)."
    ]


def test_a_document_that_is_no_json_is_named(session: Session) -> None:
    _sql(session.path, "UPDATE sop_revision SET document = '{rusak' WHERE sop_id = 3")
    assert _problems(session) == [
        "SOP 3 (003/SOP/2026), revisi ke-0: isi dokumennya rusak (bukan data SOP yang sah)."
    ]


def test_an_edited_middle_audit_row_is_named(session: Session) -> None:
    _sql(session.path, "UPDATE audit_log SET summary = 'tidak terjadi apa-apa' WHERE id = 2")
    assert _problems(session) == ["Catatan audit #2 telah diubah setelah dicatat."]


def test_a_deleted_middle_audit_row_is_named(session: Session) -> None:
    _sql(session.path, "DELETE FROM audit_log WHERE id = 2")
    assert _problems(session) == [
        "Catatan audit #3 tidak bersambung dengan #1: ada catatan yang dihapus, disisipkan "
        "atau diubah di antaranya.",
        # the anchor counts rows too: also a chain rebuilt by hand shows the gap
        "Catatan audit telah dihapus: berkas jangkar kinerja.db.jangkar mencatat 3 catatan "
        "sampai #3, kini tinggal 2.",
    ]


def test_the_whole_audit_log_deleted_is_seen(session: Session) -> None:
    _sql(session.path, "DELETE FROM audit_log")
    problems = _problems(session)
    assert "Catatan audit kosong padahal basis data berisi data: catatan audit telah dihapus." in (
        problems
    )
    assert any("mencatat sampai catatan #3" in p for p in problems)  # the anchor too


def test_the_newest_rows_cut_off_are_seen_through_the_anchor(session: Session) -> None:
    _sql(session.path, "DELETE FROM audit_log WHERE id = 3")  # the chain alone is still valid
    assert _problems(session) == [
        f"Catatan audit terbaru telah dihapus: berkas jangkar kinerja.db.jangkar (ditulis "
        f"{anchor.read_anchor(anchor.anchor_path(session.path)).at.replace('T', ' ')}) "
        "mencatat sampai catatan #3 (3 catatan), basis data kini hanya sampai #2."
    ]
    # A later write does not bless the cut: the anchor is kept as evidence.
    SopService(session).create(sample_doc(nomor="004/SOP/2026"))
    assert any("Catatan audit" in p for p in _problems(session))


def test_a_rewritten_newest_row_is_seen_through_the_anchor(session: Session) -> None:
    # the first hex digit replaced by another one: the hash always changes
    _sql(
        session.path,
        "UPDATE audit_log SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END)"
        " || substr(hash, 2) WHERE id = 3",
    )
    problems = _problems(session)
    assert "Catatan audit #3 telah diubah setelah dicatat." in problems
    assert any("#3 tidak sama dengan yang dicatat berkas jangkar" in p for p in problems)


def test_an_older_or_missing_anchor_is_a_note_not_a_problem(session: Session) -> None:
    path = anchor.anchor_path(session.path)
    old = path.read_text(encoding="utf-8")
    SopService(session).create(sample_doc(nomor="004/SOP/2026"))
    path.write_text(old, encoding="utf-8")  # as after a write whose anchor update was cut short
    result = DatabaseService(session).check()
    assert result.problems == []
    assert result.notes == [
        "Berkas jangkar kinerja.db.jangkar mencatat sampai catatan #3, basis data sampai #4 "
        "(jangkar diperbarui pada penyimpanan berikutnya)."
    ]
    path.unlink()
    result = DatabaseService(session).check()
    assert result.problems == [] and "belum ada" in result.notes[0]


def test_a_planted_trigger_in_the_live_database_is_named(session: Session) -> None:
    _sql(
        session.path,
        "CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN UPDATE sop SET judul = 'x'; END",
    )
    assert _problems(session) == [
        "Struktur basis data tidak wajar: pemicu (trigger) 't' tidak dibuat oleh Kinerja "
        "Desktop (diubah di luar aplikasi)."
    ]


def test_db_periksa_exits_non_zero_and_names_the_row(
    session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    path = session.path
    assert run(["--db", str(path), "db", "periksa"], lambda _p: 0) == 0
    assert "sehat" in capsys.readouterr().out
    _sql(path, "UPDATE audit_log SET action = 'delete' WHERE id = 1")
    assert run(["--db", str(path), "db", "periksa"], lambda _p: 0) == 1
    out = capsys.readouterr().out
    assert "ditemukan 1 masalah" in out and "Catatan audit #1 telah diubah" in out


# -- the expected schema comes from the migrations ----------------------------------------


def test_the_expected_schema_is_what_the_migrations_build(session: Session) -> None:
    with sqlite3.connect(session.path) as conn:
        assert schema.differences(conn, migrations.SCHEMA_VERSION) == []
        assert schema.schema_of(conn) == schema.expected_schema(migrations.SCHEMA_VERSION)
    conn.close()
    staff_v1 = [r for r in schema.expected_schema(1) if r[1] == "staff"]
    staff_v2 = [r for r in schema.expected_schema(2) if r[1] == "staff"]
    assert "catatan" not in staff_v1[0][3] and "catatan" in staff_v2[0][3]


def test_a_new_migration_step_is_covered_without_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    step = (
        migrations.SCHEMA_VERSION + 1,
        ("CREATE TABLE kinerja_contoh (id INTEGER PRIMARY KEY)",),
    )
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, step))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", step[0])
    schema.expected_schema.cache_clear()
    try:
        names = {row[1] for row in schema.expected_schema(step[0])}
    finally:
        schema.expected_schema.cache_clear()
    assert "kinerja_contoh" in names


# -- a backup may plant nothing ------------------------------------------------------------


def _backup(session: Session, tmp_path: Path) -> Path:
    return DatabaseService(session).backup(tmp_path / "cadangan.db")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (
            "CREATE TRIGGER ganti AFTER INSERT ON audit_log BEGIN UPDATE sop SET judul = 'x'; END",
            "pemicu (trigger) 'ganti' tidak dibuat oleh Kinerja Desktop",
        ),
        ("CREATE VIEW v AS SELECT * FROM sop", "view 'v' tidak dibuat oleh Kinerja Desktop"),
        ("CREATE INDEX extra ON sop (judul)", "indeks 'extra' tidak dibuat oleh Kinerja Desktop"),
        ("DROP INDEX sop_nomor", "indeks 'sop_nomor' tidak ada"),
        ("UPDATE audit_log SET summary = 'x' WHERE id = 2", "Catatan audit #2 telah diubah"),
        (
            "UPDATE sop_revision SET document = replace(document, 'Menyusun', 'Merusak')",
            "SOP 1 (001/SOP/2026), revisi ke-0: isinya tidak cocok dengan hash",
        ),
        ("DELETE FROM audit_log", "catatan auditnya kosong padahal berisi data"),
    ],
    ids=["trigger", "view", "index", "index-hilang", "audit", "revisi", "audit-kosong"],
)
def test_an_altered_backup_is_refused_and_nothing_changes(
    session: Session, tmp_path: Path, edit: str, reason: str
) -> None:
    backup = _backup(session, tmp_path)
    _sql(backup, edit)
    before = fingerprint(session.path)
    with pytest.raises(DatabaseFileError) as info:
        DatabaseService(session).restore(backup)
    assert reason in info.value.message and "Basis data tidak diubah" in info.value.message
    assert fingerprint(session.path) == before


def test_a_backup_cut_off_behind_its_own_anchor_is_refused(
    session: Session, tmp_path: Path
) -> None:
    backup = _backup(session, tmp_path)
    with sqlite3.connect(backup) as conn:
        anchor.write_anchor(anchor.anchor_path(backup), anchor.head_of(conn), backup.name)
    conn.close()
    _sql(backup, "DELETE FROM audit_log WHERE id = 3")
    with pytest.raises(DatabaseFileError, match="catatan audit terbarunya telah dihapus"):
        DatabaseService(session).restore(backup)


def test_a_trigger_planted_in_the_live_database_goes_with_a_restore(
    session: Session, tmp_path: Path
) -> None:
    backup = _backup(session, tmp_path)
    _sql(
        session.path,
        "CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN DELETE FROM sop_revision; END",
    )
    safety = DatabaseService(session).restore(backup)
    assert _problems(session) == []
    planted = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'kinerja_versi_%'"
    )
    assert rows(safety, planted) == [("t",)]
    assert len(_nomor(session.path)) == 3


# -- no write falls between the safety backup and the replace --------------------------------


def test_a_write_during_a_restore_is_kept(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The importer's write arrives while the restore holds the lock: it waits and
    then commits into the restored database (before: in neither database)."""
    backup = _backup(session, tmp_path)
    service = DatabaseService(session)
    done: list[object] = []

    def other_writer() -> None:
        with open_session(session.path) as other:
            try:
                done.append(SopService(other).create(sample_doc(nomor="009/SOP/2026")))
            except KinerjaError as exc:
                done.append(exc)

    original = service._safety_copy
    writer = threading.Thread(target=other_writer)

    def slow_safety(conn: sqlite3.Connection, live: Path, folder: Path) -> Path:
        writer.start()
        time.sleep(0.5)  # the writer is now waiting for the lock
        return original(conn, live, folder)

    monkeypatch.setattr(service, "_safety_copy", slow_safety)
    safety = service.restore(backup)
    writer.join(timeout=30)
    assert isinstance(done[0], int)  # acknowledged ("Disimpan")
    assert "009/SOP/2026" in _nomor(session.path)  # and kept
    assert "009/SOP/2026" not in _nomor(safety)
    assert _problems(session) == []


_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("terkunci", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "terkunci"
    return holder


def test_a_restore_waits_a_bounded_time_and_names_the_other_program(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _backup(session, tmp_path)
    monkeypatch.setattr(store_restore, "BUSY_TIMEOUT_MS", 300)
    before = fingerprint(session.path)
    holder = _hold_lock(session.path, 30)
    try:
        start = time.monotonic()
        with pytest.raises(KinerjaError) as info:
            DatabaseService(session).restore(backup)
        elapsed = time.monotonic() - start
    finally:
        holder.kill()
        holder.wait()
    assert elapsed < 5
    message = info.value.message
    assert "sedang dipakai oleh python" in message and f"PID {holder.pid}" in message
    assert "tidak dapat memulihkan basis data sekarang" in message
    assert fingerprint(session.path) == before
    folder = session.path.parent / "cadangan"
    assert [p.name for p in folder.iterdir()] == []  # no safety backup of a restore not done


def test_another_programs_exclusive_lock_is_called_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kinerja.db"
    open_session(path, create=True).close()
    short = tuple((k, 200 if k == "busy_timeout" else v) for k, v in connection.PRAGMAS)
    monkeypatch.setattr(connection, "PRAGMAS", short)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    code = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA locking_mode = EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE')\n"
        "c.execute('CREATE TABLE IF NOT EXISTS x (y)')\n"
        "print('terkunci', flush=True); time.sleep(30)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "terkunci"
        with pytest.raises(KinerjaError) as info:
            open_session(path).close()
    finally:
        holder.kill()
        holder.wait()
    assert "sedang dipakai oleh" in info.value.message
    assert "tidak dapat dibuka" not in info.value.message
