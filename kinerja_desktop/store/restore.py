"""Putting a backup file back in place of the live database.

The source is checked completely before anything is written (a file? SQLite?
intact? ours? not newer?). It is then prepared as a private copy beside the
backups: copied with the backup API, given the live database's page size
(SQLite cannot copy between page sizes into a WAL database), migrated to the
current schema, and given the audit row of the restore. Only that finished
copy goes into the live connection, in one backup step that SQLite does as one
transaction: the restored content and its audit row arrive together or not at
all, and on any failure the live database keeps its old content. The copy is
removed afterwards, also on failure or Ctrl-C.

Taking the safety backup of the current content first is the caller's job
(`services.database_service`).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from . import audit, migrations
from .database import check_existing
from .errors import DatabaseFileError
from .sqlite_files import FileInfo, inspect_file, integrity_problems, open_readonly, unlink_quietly


@dataclass(frozen=True)
class RestoreAudit:
    """The audit row the restored database receives."""

    action: str
    entity: str
    summary: str


def check_restore_source(src: Path) -> FileInfo:
    """The source's FileInfo, or an error saying why it cannot be restored."""
    if src.is_dir():
        raise DatabaseFileError(f"{src} adalah folder, bukan berkas cadangan.")
    if not src.is_file():
        raise DatabaseFileError(f"Berkas cadangan {src} tidak ada.")
    info = inspect_file(src)
    if info.is_blank:
        raise DatabaseFileError(f"Berkas {src.name} kosong, bukan cadangan Kinerja Desktop.")
    check_existing(src, info)
    missing = migrations.V1_TABLES - info.tables
    if missing:
        raise DatabaseFileError(
            f"Berkas {src.name} tidak lengkap: tabel {', '.join(sorted(missing))} tidak ada.",
            f"path={src}",
        )
    try:
        with closing(open_readonly(src)) as conn:
            problems = integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise DatabaseFileError(
            f"Berkas cadangan {src.name} rusak (pemeriksaan keutuhan gagal).",
            "; ".join(problems[:20]),
        )
    return info


def restore_into(db: SqliteDatabase, src: Path, work_dir: Path, entry: RestoreAudit) -> None:
    """Replace the content of `db` by that of `src` (checked before), migrated
    to the current schema and carrying the audit row `entry`.

    `work_dir` holds the temporary copy (an existing, writable folder).
    """
    fd, name = tempfile.mkstemp(prefix=".pulihkan-", suffix=".tmp", dir=work_dir)
    os.close(fd)
    copy = Path(name)
    try:
        page_size = int(db.execute_sql("PRAGMA page_size").fetchone()[0])
        try:
            _prepare_copy(src, copy, page_size, entry)
        except (sqlite3.Error, PeeweeException) as exc:
            raise DatabaseFileError(
                f"Berkas cadangan {src.name} tidak dapat disiapkan untuk dipulihkan; "
                "basis data tidak diubah.",
                str(exc),
            ) from exc
        try:
            with closing(sqlite3.connect(copy)) as source:
                source.backup(db.connection())
        except sqlite3.Error as exc:
            raise DatabaseFileError(
                f"Pemulihan dari {src.name} gagal; basis data tidak diubah.", str(exc)
            ) from exc
    finally:
        unlink_quietly(copy)


def _prepare_copy(src: Path, copy: Path, page_size: int, entry: RestoreAudit) -> None:
    """`src` into `copy`: one file (rollback journal), the live page size, the
    current schema, and the restore's audit row."""
    with closing(open_readonly(src)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    with closing(sqlite3.connect(copy, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        if int(conn.execute("PRAGMA page_size").fetchone()[0]) != page_size:
            conn.execute(f"PRAGMA page_size = {int(page_size)}")
            conn.execute("VACUUM")
    peewee_db = SqliteDatabase(str(copy))
    try:
        migrations.migrate(peewee_db)
    finally:
        peewee_db.close()
    with closing(sqlite3.connect(copy)) as conn:
        audit.append_to(conn, entry.action, entry.entity, None, entry.summary)
        conn.commit()
