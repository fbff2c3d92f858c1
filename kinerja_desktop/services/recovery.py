"""When the database cannot be opened because it is damaged: find the newest
sound backup in `cadangan/` and put it in place.

`newest_sound_backup` looks at the backups beside the database, newest
first, and returns the first that passes the same checks as a restore.
`restore_damaged` keeps a byte copy of the damaged file (for whoever tries to
repair it), builds a fresh database in its place and restores the backup
into it, so the window can open again.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..core.errors import KinerjaError
from ..store.sqlite_files import copy_damaged_file
from .database_service import BackupSummary, DatabaseService, preview_backup
from .session import open_session

BACKUP_SUFFIXES = (".db", ".sqlite", ".sqlite3")
DAMAGED_LABEL = "rusak"


def backups_of(db_path: Path) -> list[Path]:
    """The files in the database's backup folder, newest first."""
    folder = paths.backup_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in BACKUP_SUFFIXES]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_sound_backup(db_path: Path) -> BackupSummary | None:
    """The newest backup that could be restored, with what it holds; None when none."""
    for candidate in backups_of(db_path):
        if DAMAGED_LABEL in candidate.stem:
            continue  # copies of damaged files are kept for repair, never offered
        try:
            return preview_backup(candidate)
        except KinerjaError:
            continue
    return None


def restore_damaged(db_path: Path, backup: Path) -> Path:
    """Replace the damaged database at `db_path` by `backup`; the copy of the
    damaged file that was kept. Nothing is removed before that copy is made
    and the backup has been checked."""
    db_path = Path(db_path)
    preview_backup(backup)  # refuses an unsound backup before anything changes
    folder = paths.backup_dir(db_path)
    kept = copy_damaged_file(db_path, folder, db_path.stem, DAMAGED_LABEL)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with open_session(db_path, create=True) as session:
        DatabaseService(session).restore(Path(backup))
    return kept
