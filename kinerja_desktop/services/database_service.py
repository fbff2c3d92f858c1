"""Database use cases: online backup, restore from a backup, health check.

* `backup` copies the live database with SQLite's backup API (never a file
  copy, which misses rows still in the -wal) into a temporary file that is
  checked and renamed into place, so a flash drive never holds half a backup
  nor a copy of a damaged database. An existing file is replaced only when it
  is itself a Kinerja Desktop database (an older backup); into a folder, each
  backup gets a new timestamped name.
* `restore` checks the chosen file completely before touching anything
  (schema, audit chain, revision hashes: `store.restore`), then — holding
  the database's write lock, so that no write of another process can fall in
  between — saves the current database into `paths.backup_dir` and replaces
  the content together with its audit row, in one transaction.
* `check` / `integrity_check` = `store.health` (integrity, links, schema,
  audit chain, revision hashes, anchor), told in Indonesian.
* `preview_backup` says what a backup holds (rows per table, office, last
  change, schema version) before a restore replaces anything.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import paths
from ..core.errors import KinerjaError, ValidationError
from ..store import anchor, health
from ..store import restore as store_restore
from ..store.database import has_companions, is_kinerja_database
from ..store.errors import DatabaseDamagedError
from ..store.sqlite_files import (
    backup_to_file,
    backup_to_folder,
    copy_damaged_file,
    open_readonly,
    safety_backup,
)
from .database_check import DatabaseCheck, describe
from .entities import DATABASE
from .session import Session, database_of

BACKUP_LABEL = "cadangan"
RESTORE_LABEL = "sebelum-pulihkan"


class DatabaseService:
    """Backup, restore and checks of the open database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def backup(self, dest: Path) -> Path:
        """An online backup into `dest` (a folder: a new timestamped file in
        it); the path written."""
        dest = Path(dest).expanduser().absolute()
        db = database_of(self._session)
        if dest.is_dir():
            with self._session.translated_errors():
                written = backup_to_folder(
                    db.connection(), dest, self._session.path.stem, BACKUP_LABEL
                )
        else:
            self._check_backup_target(dest)
            with self._session.translated_errors():
                written = backup_to_file(db.connection(), dest)
        anchor.update(self._session.path, db.connection())
        return written

    def _check_backup_target(self, dest: Path) -> None:
        if self._session.is_own_file(dest):
            raise ValidationError(
                "Cadangan tidak boleh ditulis di atas basis data yang sedang dipakai; "
                "pilih nama berkas lain."
            )
        if not dest.parent.is_dir():
            raise ValidationError(f"Folder {dest.parent} tidak ada.")
        if dest.exists() and not dest.is_file():
            raise ValidationError(
                f"{dest} bukan berkas biasa (perangkat atau pipa); cadangan tidak ditulis ke sana."
            )
        if not dest.exists():
            return
        if not is_kinerja_database(dest):
            raise ValidationError(
                f"Berkas {dest} sudah ada dan bukan basis data Kinerja Desktop; cadangan tidak "
                "ditulis di atasnya. Pilih nama berkas lain atau sebuah folder."
            )
        if has_companions(dest):
            raise ValidationError(
                f"Basis data {dest} sedang dipakai (ada berkas -wal/-shm di sampingnya); "
                "cadangan tidak ditulis di atasnya. Pilih nama berkas lain."
            )

    def restore(self, src: Path) -> Path:
        """Replace the database by the backup `src`; the safety backup of the old content.

        Nothing changes when `src` is not a sound Kinerja Desktop database of
        this or an older version. The restored content and the audit row
        saying so arrive together, in one step, or not at all.
        """
        src = Path(src).expanduser().absolute()
        if self._session.is_own_file(src):
            raise ValidationError("Berkas yang dipilih adalah basis data yang sedang dipakai.")
        store_restore.check_restore_source(src)
        db = database_of(self._session)
        live = self._session.path
        folder = paths.backup_dir(live)
        entry = store_restore.RestoreAudit(
            "restore", DATABASE, f"Basis data dipulihkan dari {src.name}"
        )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KinerjaError(f"Folder cadangan {folder} tidak dapat dibuat.", str(exc)) from exc
        with self._session.translated_errors():
            safety = store_restore.restore_into(
                db,
                live,
                src,
                work_dir=folder,
                entry=entry,
                safety=lambda conn: self._safety_copy(conn, live, folder),
            )
        self._session.notify([(DATABASE, None)])
        return safety

    @staticmethod
    def _safety_copy(conn: sqlite3.Connection, live: Path, folder: Path) -> Path:
        """The current content, kept before a restore — even when it is damaged
        (then as a byte copy of the file, for whoever repairs it)."""
        try:
            return safety_backup(conn, folder, live.stem, RESTORE_LABEL, verify=False)
        except DatabaseDamagedError:
            return copy_damaged_file(live, folder, live.stem, f"{RESTORE_LABEL}-rusak")

    def check(self) -> DatabaseCheck:
        """The health check: structure, links, schema, audit chain, revision
        hashes and the anchor (`services.database_check`)."""
        with self._session.translated_errors():
            db = database_of(self._session)
            report = health.check(db, self._session.path)
            result = describe(report, self._session.path)
            if not report.unreadable and not report.structure:
                conn = db.connection()
                result.audit_rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
                result.revisions_checked = conn.execute(
                    "SELECT count(*) FROM sop_revision"
                ).fetchone()[0]
        return result

    def integrity_check(self) -> list[str]:
        """Problems found, in Indonesian ([] = sehat)."""
        return self.check().problems


# -- what a backup holds (the restore dialog shows it before anything changes) ------

# Table -> the word the restore dialog shows.
SUMMARY_TABLES = {"sop": "SOP", "sop_revision": "revisi SOP", "staff": "pegawai", "unit": "unit"}


@dataclass(frozen=True)
class BackupSummary:
    """What a database file holds: rows per table (SUMMARY_TABLES), the office
    name, the newest audit entry and the schema version."""

    path: Path
    counts: dict[str, int]
    nama_kantor: str
    last_change: datetime | None
    last_change_text: str
    schema_version: int


def preview_backup(path: Path) -> BackupSummary:
    """Check a backup as `restore` would and say what it holds; writes nothing.

    Raises the same readable errors as `restore` for a file that cannot be
    restored (missing, not ours, damaged, newer).
    """
    path = Path(path).expanduser().absolute()
    info = store_restore.check_restore_source(path)
    with closing(open_readonly(path)) as conn:
        return _summary(conn, path, info.user_version)


def summary_of_session(session: Session) -> BackupSummary:
    """The same summary of the open database (to show beside a backup's)."""
    conn = database_of(session).connection()
    with session.translated_errors():
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        return _summary(conn, session.path, version)


def _summary(conn: sqlite3.Connection, path: Path, version: int) -> BackupSummary:
    counts = {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in SUMMARY_TABLES
    }
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sop)")}
    if "deleted_at" in columns:  # since schema 4: SOPs in the bin are counted apart
        binned = int(
            conn.execute("SELECT count(*) FROM sop WHERE deleted_at IS NOT NULL").fetchone()[0]
        )
        counts["sop"] -= binned
        counts["sampah"] = binned
    office = conn.execute("SELECT nama_kantor FROM office_profile WHERE id = 1").fetchone()
    last = conn.execute("SELECT at, summary FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    when = None
    if last is not None:
        with suppress(TypeError, ValueError):
            when = datetime.fromisoformat(last[0])
    return BackupSummary(
        path=path,
        counts=counts,
        nama_kantor=str(office[0]) if office else "",
        last_change=when,
        last_change_text=str(last[1]) if last else "",
        schema_version=version,
    )
