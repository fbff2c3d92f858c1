"""Database use cases: online backup, restore from a backup, health check.

* `backup` copies the live database with SQLite's backup API (never a file
  copy, which misses rows still in the -wal) into a temporary file renamed
  into place, so a flash drive never holds half a backup.
* `restore` checks the chosen file completely before touching anything, saves
  the current database into `paths.backup_dir` first, and only then replaces
  the content; it leaves one audit row in the restored database.
* `integrity_check` = `PRAGMA integrity_check` + `PRAGMA foreign_key_check`,
  told in Indonesian.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from .. import paths
from ..core.errors import ValidationError
from ..store import restore as store_restore
from ..store.sqlite_files import backup_to_file, integrity_problems, safety_backup
from .entities import DATABASE
from .session import Session

# How the foreign_key_check names tables and what they point at.
_TABLE_WORDS = {
    "staff": "pegawai",
    "unit": "unit",
    "sop": "SOP",
    "sop_revision": "revisi SOP",
    "office_profile": "profil kantor",
    "audit_log": "catatan audit",
}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


class DatabaseService:
    """Backup, restore and checks of the open database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _is_live_file(self, path: Path) -> bool:
        live = self._session.path
        if _same_file(path, live):
            return True
        companions = {live.name + s for s in ("-wal", "-shm", "-journal")}
        return path.parent.resolve() == live.parent.resolve() and path.name in companions

    def backup(self, dest: Path) -> Path:
        """An online backup into `dest` (a folder: a timestamped file in it); the path written."""
        dest = Path(dest).expanduser().absolute()
        if dest.is_dir():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            dest = dest / f"{self._session.path.stem}-cadangan-{stamp}.db"
        if self._is_live_file(dest):
            raise ValidationError(
                "Cadangan tidak boleh ditulis di atas basis data yang sedang dipakai; "
                "pilih nama berkas lain."
            )
        if not dest.parent.is_dir():
            raise ValidationError(f"Folder {dest.parent} tidak ada.")
        self._session.activate()
        return backup_to_file(self._session.db.connection(), dest)

    def restore(self, src: Path) -> Path:
        """Replace the database by the backup `src`; the safety backup of the old content.

        Nothing changes when `src` is not a sound Kinerja Desktop database of
        this or an older version.
        """
        src = Path(src).expanduser().absolute()
        if self._is_live_file(src):
            raise ValidationError("Berkas yang dipilih adalah basis data yang sedang dipakai.")
        store_restore.check_restore_source(src)
        self._session.activate()
        db = self._session.db
        live = self._session.path
        safety = safety_backup(
            db.connection(), paths.backup_dir(live), live.stem, "sebelum-pulihkan"
        )
        store_restore.restore_into(db, src)
        with self._session.writing() as scope:
            scope.record("restore", DATABASE, None, f"Basis data dipulihkan dari {src.name}")
        return safety

    def integrity_check(self) -> list[str]:
        """Problems found, in Indonesian ([] = sehat)."""
        self._session.activate()
        conn = self._session.db.connection()
        try:
            problems = [f"Struktur berkas rusak: {p}" for p in integrity_problems(conn)]
            broken_links = conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return [f"Berkas basis data rusak dan tidak dapat diperiksa seluruhnya: {exc}"]
        for table, rowid, parent, _fk in broken_links:
            child = _TABLE_WORDS.get(table, table)
            target = _TABLE_WORDS.get(parent, parent)
            problems.append(
                f"Data {child} nomor {rowid} merujuk ke {target} yang tidak ada "
                f"(tabel {table} → {parent})."
            )
        return problems
