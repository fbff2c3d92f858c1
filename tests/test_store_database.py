"""Opening the database file: fresh schema and pragmas, migrations with a
backup first, and refusals that leave the file exactly as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fixtures_store import (
    fingerprint,
    make_v1_database,
    rows,
    set_user_version,
)
from peewee import SqliteDatabase

from kinerja_desktop import paths
from kinerja_desktop.core.sop import serialize
from kinerja_desktop.store import migrations, models
from kinerja_desktop.store.database import open_database, read_pragma
from kinerja_desktop.store.errors import DatabaseFileError, DatabaseVersionError


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kantor" / "kinerja.db"


def _create(path: Path):
    return open_database(path, create=True, make_parents=True)


def _open_and_close(path: Path):
    opened = _create(path)
    opened.db.close_all()
    return opened


def test_fresh_database_has_schema_and_pragmas_in_effect(db_path: Path) -> None:
    opened = _create(db_path)
    try:
        db = opened.db
        assert opened.is_new and opened.migrated_from is None and opened.backup_path is None
        assert read_pragma(db, "journal_mode") == "wal"
        assert read_pragma(db, "foreign_keys") == 1
        assert read_pragma(db, "synchronous") == 2  # FULL
        assert read_pragma(db, "busy_timeout") == 5000
        assert read_pragma(db, "user_version") == migrations.SCHEMA_VERSION
        assert read_pragma(db, "application_id") == migrations.APPLICATION_ID
        assert set(db.get_tables()) == {m._meta.table_name for m in models.MODELS}
    finally:
        opened.db.close_all()
    assert not paths.backup_dir(db_path).exists()


def test_models_match_the_migrated_schema(db_path: Path) -> None:
    """The frozen migration SQL and the peewee models describe the same columns."""
    opened = _create(db_path)
    try:
        for model in models.MODELS:
            table = model._meta.table_name
            info = opened.db.execute_sql(f"PRAGMA table_info({table})").fetchall()
            columns = {r[1]: bool(r[3]) for r in info}  # name -> NOT NULL
            fields = {f.column_name: not f.null for f in model._meta.sorted_fields}
            assert set(columns) == set(fields), table
            for name, not_null in fields.items():
                if not model._meta.fields[_field_name(model, name)].primary_key:
                    assert columns[name] == not_null, f"{table}.{name}"
    finally:
        opened.db.close_all()


def _field_name(model: type[models.BaseModel], column: str) -> str:
    return next(f.name for f in model._meta.sorted_fields if f.column_name == column)


def test_migration_1_is_frozen(tmp_path: Path) -> None:
    """Step 1 still creates exactly the schema the first release wrote."""
    by_app = tmp_path / "app.db"
    db = SqliteDatabase(str(by_app))
    migrations.migrate(db, target=1)
    db.close()
    by_hand = tmp_path / "hand.db"
    make_v1_database(by_hand)
    query = "SELECT type, name, tbl_name FROM sqlite_master ORDER BY name"
    assert rows(by_app, query) == rows(by_hand, query)
    for (table,) in rows(by_hand, "SELECT name FROM sqlite_master WHERE type = 'table'"):
        pragma = f"PRAGMA table_info({table})"
        assert rows(by_app, pragma) == rows(by_hand, pragma), table


def test_v1_database_is_backed_up_then_migrated_keeping_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    content = make_v1_database(db_path)
    opened = open_database(db_path)
    try:
        assert not opened.is_new
        assert opened.migrated_from == 1
        assert read_pragma(opened.db, "user_version") == migrations.SCHEMA_VERSION
        staff = models.StaffRow.get()
        assert (staff.nama, staff.nip, staff.catatan) == ("Drs. Ahmad", content.nip, "")
        assert [u.nama for u in models.UnitRow.select().order_by(models.UnitRow.id)] == (
            content.units
        )
        revs = models.SopRevisionRow.select().order_by(models.SopRevisionRow.revisi_ke)
        assert [serialize.loads(r.document) for r in revs] == [content.old_doc, content.new_doc]
        index = "SELECT name FROM sqlite_master WHERE name = 'audit_log_entity'"
        assert opened.db.execute_sql(index).fetchall() == [("audit_log_entity",)]
    finally:
        opened.db.close_all()
    backup = opened.backup_path
    assert backup is not None and backup.parent == paths.backup_dir(db_path)
    assert "sebelum-migrasi-v1" in backup.name
    # The backup is a sound version-1 database holding the old data, in one file.
    assert rows(backup, "PRAGMA integrity_check") == [("ok",)]
    assert rows(backup, "PRAGMA user_version") == [(1,)]
    assert rows(backup, "PRAGMA journal_mode") == [("delete",)]
    assert rows(backup, "SELECT nip FROM staff") == [(content.nip,)]
    assert rows(backup, "SELECT count(*) FROM sop_revision") == [(2,)]
    assert "catatan" not in {r[1] for r in rows(backup, "PRAGMA table_info(staff)")}


def test_failed_migration_step_changes_nothing(db_path: Path, monkeypatch) -> None:
    db_path.parent.mkdir(parents=True)
    make_v1_database(db_path)
    bad = migrations.SCHEMA_VERSION + 1
    bad_steps = (*migrations.STEPS, (bad, ("CREATE TABLE extra (x)", "THIS IS NOT SQL")))
    monkeypatch.setattr(migrations, "STEPS", bad_steps)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", bad)
    with pytest.raises(DatabaseFileError):
        open_database(db_path)
    # The real steps committed on their own; the bad one left no trace.
    assert rows(db_path, "PRAGMA user_version") == [(bad - 1,)]
    assert rows(db_path, "SELECT name FROM sqlite_master WHERE name = 'extra'") == []
    assert rows(db_path, "SELECT count(*) FROM sop_revision") == [(2,)]


def test_current_database_is_opened_without_backup(db_path: Path) -> None:
    _open_and_close(db_path)
    again = _open_and_close(db_path)
    assert not again.is_new and again.backup_path is None and again.migrated_from is None
    assert not paths.backup_dir(db_path).exists()


def test_newer_database_is_refused_and_left_byte_identical(db_path: Path) -> None:
    _open_and_close(db_path)
    set_user_version(db_path, migrations.SCHEMA_VERSION + 1)
    before = fingerprint(db_path)
    files_before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(DatabaseVersionError, match="versi Kinerja Desktop yang lebih baru"):
        open_database(db_path)
    assert fingerprint(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def test_newer_version_still_in_the_wal_is_seen_and_nothing_changes(
    db_path: Path, tmp_path: Path
) -> None:
    """A crashed newer program left its version bump in the -wal only."""
    _open_and_close(db_path)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode = wal")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    writer.execute("INSERT INTO setting VALUES ('dari', 'versi baru')")
    writer.commit()
    crashed = tmp_path / "crashed" / "kinerja.db"
    crashed.parent.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{db_path}{suffix}", f"{crashed}{suffix}")
    writer.close()
    header_version = int.from_bytes(crashed.read_bytes()[60:64], "big")
    assert header_version == migrations.SCHEMA_VERSION  # the bump is only in the -wal
    before = fingerprint(crashed)
    assert before["-wal"] is not None
    with pytest.raises(DatabaseVersionError):
        open_database(crashed)
    assert fingerprint(crashed) == before


def test_file_that_is_not_sqlite_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("Nomor SOP;Judul\n1;Uji\n" * 20, encoding="utf-8")
    before = fingerprint(db_path)
    with pytest.raises(DatabaseFileError, match="bukan berkas SQLite"):
        open_database(db_path)
    assert fingerprint(db_path) == before


def test_other_programs_sqlite_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    before = fingerprint(db_path)
    with pytest.raises(DatabaseFileError, match="milik program lain"):
        open_database(db_path)
    assert fingerprint(db_path) == before


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError, match="folder"):
        open_database(tmp_path)


def test_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    opened = _open_and_close(db_path)
    assert not opened.is_new
    assert rows(db_path, "PRAGMA user_version") == [(migrations.SCHEMA_VERSION,)]


def test_new_file_is_removed_when_creating_it_fails(db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(migrations, "STEPS", ((1, ("NOT SQL AT ALL",)),))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    db_path.parent.mkdir()
    with pytest.raises(DatabaseFileError, match="tidak dapat dibuka"):
        open_database(db_path, create=True)
    assert list(db_path.parent.iterdir()) == []
