"""Database use cases: online backup, restore from a backup, health check.

* `backup` copies the live database with SQLite's backup API (never a file
  copy, which misses rows still in the -wal) into a temporary file that is
  checked and renamed into place, so a flash drive never holds half a backup
  nor a copy of a damaged database. An existing file is replaced only when it
  is itself a Kinerja Desktop database (an older backup); into a folder, each
  backup gets a new timestamped name.
* `restore` checks the chosen file completely before touching anything, saves
  the current database into `paths.backup_dir` first, and only then replaces
  the content — together with its audit row, in one step (`store.restore`).
* `integrity_check` = `store.health`, told in Indonesian.
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
from ..core.errors import ValidationError
from ..store import health
from ..store import restore as store_restore
from ..store.database import has_companions, is_kinerja_database
from ..store.errors import DatabaseDamagedError
from ..store.sqlite_files import (
    backup_to_file,
    copy_damaged_file,
    open_readonly,
    reserve_timestamped_path,
    safety_backup,
)
from .entities import DATABASE
from .session import Session, database_of

BACKUP_LABEL = "cadangan"
RESTORE_LABEL = "sebelum-pulihkan"
MAX_STRUCTURE_LINES = 10

# How the foreign_key_check names tables and what they point at.
_TABLE_WORDS = {
    "staff": "pegawai",
    "unit": "unit",
    "sop": "SOP",
    "sop_revision": "revisi SOP",
    "office_profile": "profil kantor",
    "audit_log": "catatan audit",
}


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
            target = reserve_timestamped_path(dest, self._session.path.stem, BACKUP_LABEL)
            with self._session.translated_errors():
                return backup_to_file(db.connection(), target, reserved=True)
        self._check_backup_target(dest)
        with self._session.translated_errors():
            return backup_to_file(db.connection(), dest)

    def _check_backup_target(self, dest: Path) -> None:
        if self._session.is_own_file(dest):
            raise ValidationError(
                "Cadangan tidak boleh ditulis di atas basis data yang sedang dipakai; "
                "pilih nama berkas lain."
            )
        if not dest.parent.is_dir():
            raise ValidationError(f"Folder {dest.parent} tidak ada.")
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
        with self._session.translated_errors():
            safety = self._safety_copy(db.connection(), live, folder)
            store_restore.restore_into(db, src, folder, entry)
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

    def integrity_check(self) -> list[str]:
        """Problems found, in Indonesian ([] = sehat)."""
        with self._session.translated_errors():
            report = health.check(database_of(self._session))
        problems = _structure_words(report.structure)
        if report.unreadable:
            problems.append(
                "Berkas basis data rusak sehingga tidak dapat diperiksa seluruhnya "
                f"(SQLite: {report.unreadable})."
            )
        for link in report.broken_links:
            child = _TABLE_WORDS.get(link.table, link.table)
            target = _TABLE_WORDS.get(link.parent, link.parent)
            problems.append(
                f"Data {child} nomor {link.rowid} merujuk ke {target} yang tidak ada "
                f"(tabel {link.table} → {link.parent})."
            )
        for gap in report.missing_revisions:
            which = "revisi yang berlaku" if gap.in_force else "revisi terbaru"
            problems.append(
                f"SOP {gap.sop_id}: {which} (revisi ke-{gap.revisi_ke}) tidak ada di basis data."
            )
        return problems


def _structure_words(lines: list[str]) -> list[str]:
    shown = [
        f"Struktur berkas basis data rusak (SQLite: {line})."
        for line in lines[:MAX_STRUCTURE_LINES]
    ]
    if len(lines) > MAX_STRUCTURE_LINES:
        shown.append(
            f"… dan {len(lines) - MAX_STRUCTURE_LINES} kerusakan struktur lain yang dilaporkan "
            "SQLite."
        )
    return shown


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
