"""Putting a backup file back in place of the live database.

The source is checked completely before anything is written (SQLite? intact?
ours? not newer?); the content then goes in with SQLite's backup API into the
live connection, which SQLite does as one transaction: on any failure the
live database keeps its old content. Taking the safety backup of the current
content first is the caller's job (`services.database_service`).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from peewee import SqliteDatabase

from . import migrations
from .database import check_existing
from .errors import DatabaseFileError
from .sqlite_files import FileInfo, inspect_file, integrity_problems, open_readonly


def check_restore_source(src: Path) -> FileInfo:
    """The source's FileInfo, or an error saying why it cannot be restored."""
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


def restore_into(db: SqliteDatabase, src: Path) -> None:
    """Replace the content of `db` by that of `src` (checked before), then
    migrate it to the current schema if it is older."""
    try:
        with closing(open_readonly(src)) as source:
            source.backup(db.connection())
    except sqlite3.Error as exc:
        raise DatabaseFileError(
            f"Pemulihan dari {src.name} gagal; basis data tidak diubah.", str(exc)
        ) from exc
    migrations.migrate(db)
