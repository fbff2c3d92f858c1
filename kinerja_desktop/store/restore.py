"""Putting a backup file back in place of the live database, with nothing lost
and nothing planted.

1. `check_restore_source` checks the source completely before anything is
   written: a regular file, SQLite, intact, ours, not newer; its schema
   exactly what this version's migrations build for its version
   (`store.schema`: no trigger, view, table or index of anyone else); its
   audit chain unbroken, its anchor file (when one lies beside it) not newer
   than its chain, every stored revision matching its content hash, no
   record pointing at a missing one. Any failure refuses the file with the
   reason and leaves the live database untouched.
2. `restore_into` prepares a private copy (a held temporary file beside the
   backups): copied with the backup API, migrated to the current schema.
3. Then, holding the live database's write lock (BEGIN IMMEDIATE, waiting
   at most the busy timeout, then saying who else uses the file), the
   caller's safety backup of the current content is taken through another
   connection (it sees exactly the content under the lock: nobody else can
   commit meanwhile), the content is replaced table by table from the copy,
   the restore's audit row is appended, and all of it commits as one
   transaction. A write that another process makes during the restore either
   commits before the lock is taken (and is in the safety backup) or waits
   for the restore and commits after it; none falls between.
4. The anchor beside the live database is rewritten for the restored chain
   (the restore's audit row names the head it replaced, so an anchor left
   from before an interrupted restore is recognised).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from .. import tempfiles
from . import anchor, audit, migrations, schema, tamper
from .connection import BUSY_TIMEOUT_MS
from .database import check_existing
from .errors import SQLITE_CORRUPT, SQLITE_NOTADB, DatabaseFileError, error_code
from .kinerja import reports as kinerja_reports
from .sqlite_files import FileInfo, inspect_file, integrity_problems, open_readonly
from .users import SQLITE_BUSY, SQLITE_LOCKED, busy_error, is_busy

MAX_REASONS = 5


@dataclass(frozen=True)
class RestoreAudit:
    """The audit row the restored database receives (the head it replaces is
    added to `summary`)."""

    action: str
    entity: str
    summary: str


def check_restore_source(src: Path) -> FileInfo:
    """The source's FileInfo, or an error saying why it cannot be restored."""
    _check_kind(src)
    info = inspect_file(src)
    if info.is_blank:
        raise DatabaseFileError(f"Berkas {src.name} kosong, bukan cadangan Kinerja Desktop.")
    check_existing(src, info)
    try:
        with closing(open_readonly(src)) as conn:
            problems = integrity_problems(conn)
            reasons = [] if problems else _content_reasons(conn, src, info.user_version)
    except sqlite3.DatabaseError as exc:
        problems, reasons = [str(exc)], []
    if problems:
        raise DatabaseFileError(
            f"Berkas cadangan {src.name} rusak (pemeriksaan keutuhan gagal); "
            "basis data tidak diubah.",
            "; ".join(problems[:20]),
        )
    if reasons:
        shown = "; ".join(reasons[:MAX_REASONS])
        more = f" (dan {len(reasons) - MAX_REASONS} lagi)" if len(reasons) > MAX_REASONS else ""
        raise DatabaseFileError(
            f"Berkas cadangan {src.name} ditolak: {shown}{more}. Basis data tidak diubah.",
            f"path={src}",
        )
    return info


def _check_kind(src: Path) -> None:
    if src.is_dir():
        raise DatabaseFileError(f"{src} adalah folder, bukan berkas cadangan.")
    if not src.exists():
        raise DatabaseFileError(f"Berkas cadangan {src} tidak ada.")
    if not src.is_file():
        raise DatabaseFileError(
            f"{src} bukan berkas biasa (perangkat, pipa atau tautan ke salah satunya), "
            "bukan berkas cadangan."
        )


def _content_reasons(conn: sqlite3.Connection, src: Path, version: int) -> list[str]:
    """Why the content of a sound SQLite file of ours may not be restored."""
    differences = schema.differences(conn, version)
    if differences:
        return [f"struktur basis data tidak wajar: {d.sentence()}" for d in differences]
    reasons = [b.sentence().rstrip(".") for b in audit.verify_chain(conn, limit=MAX_REASONS + 1)]
    found = anchor.check_file(src, conn)
    if found.is_evidence:
        reasons.append(
            f"catatan audit terbarunya telah dihapus atau diubah (jangkar {src.name}"
            f"{anchor.SUFFIX} mencatat sampai #{found.anchor.last_id if found.anchor else '?'})"
        )
    reasons += [
        p.sentence().rstrip(".") for p in tamper.revision_problems(conn, limit=MAX_REASONS + 1)
    ]
    reasons += [
        p.sentence().rstrip(".")
        for p in kinerja_reports.version_problems(conn, limit=MAX_REASONS + 1)
    ]
    if tamper.audit_missing(conn):
        reasons.append("catatan auditnya kosong padahal berisi data")
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        reasons.append(f"{len(broken)} data merujuk ke data yang tidak ada")
    return reasons


def restore_into(
    db: SqliteDatabase,
    live: Path,
    src: Path,
    *,
    work_dir: Path,
    entry: RestoreAudit,
    safety: Callable[[sqlite3.Connection], Path],
) -> Path:
    """Replace the content of the live database `live` (open as `db`) by that
    of `src` (checked before), migrated to the current schema and carrying the
    audit row `entry`; returns what `safety` returned.

    `safety(conn)` takes the backup of the current content while the write
    lock is held (`conn` is a reader, not in a transaction). `work_dir` holds
    the temporary copy (an existing, writable folder).
    """
    tempfiles.sweep(work_dir)
    with tempfiles.held_temp(work_dir) as held:
        page_size = int(db.execute_sql("PRAGMA page_size").fetchone()[0])
        try:
            _prepare_copy(src, held.path, page_size)
        except (sqlite3.Error, PeeweeException) as exc:
            raise DatabaseFileError(
                f"Berkas cadangan {src.name} tidak dapat disiapkan untuk dipulihkan; "
                "basis data tidak diubah.",
                str(exc),
            ) from exc
        saved = _replace_live(db, live, held.path, entry, safety)
    return saved


def _prepare_copy(src: Path, copy: Path, page_size: int) -> None:
    """`src` into `copy`: one file (rollback journal), the current schema."""
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


def _replace_live(
    db: SqliteDatabase,
    live: Path,
    copy: Path,
    entry: RestoreAudit,
    safety: Callable[[sqlite3.Connection], Path],
) -> Path:
    """Steps 3 and 4 of the module docstring. A live database too damaged to be
    rewritten row by row is overwritten page by page instead (`_overwrite`)."""
    conn = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = OFF")  # checked as a whole before the commit
        conn.execute("ATTACH DATABASE ? AS src", (str(copy),))
        _begin(conn, live)
        saved = safety(db.connection())
        try:
            _replace_rows(conn, entry)
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK")
            if error_code(exc) not in (SQLITE_CORRUPT, SQLITE_NOTADB):
                raise
            conn.execute("DETACH DATABASE src")
            _overwrite(conn, copy, entry, live)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        anchor.update(live, conn, force=True)
        return saved
    except sqlite3.Error as exc:
        raise DatabaseFileError(
            f"Pemulihan dari cadangan gagal; basis data tidak diubah ({exc}).", str(exc)
        ) from exc
    finally:
        conn.close()


def _replace_rows(conn: sqlite3.Connection, entry: RestoreAudit) -> None:
    """Inside the write transaction: the live rows replaced by the copy's, the
    audit row appended, everything checked, committed."""
    summary = f"{entry.summary} ({anchor.restore_note(conn)})"
    _drop_foreign_objects(conn)
    _copy_tables(conn)
    audit.append_to(conn, entry.action, entry.entity, None, summary)
    if conn.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
        raise DatabaseFileError("Cadangan berisi rujukan yang putus; basis data tidak diubah.")
    conn.execute("COMMIT")


def _overwrite(conn: sqlite3.Connection, copy: Path, entry: RestoreAudit, live: Path) -> None:
    """The damaged live file overwritten by the copy with the backup API (one
    transaction in SQLite), its audit row added to the copy first. The wait
    for the lock is bounded like every other (the progress call stops it)."""
    summary = f"{entry.summary} (sebelumnya basis data rusak)"
    with closing(sqlite3.connect(copy)) as prepared:
        audit.append_to(prepared, entry.action, entry.entity, None, summary)
        prepared.commit()
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000

        def progress(status: int, _remaining: int, _total: int) -> None:
            if status in (SQLITE_BUSY, SQLITE_LOCKED) and time.monotonic() > deadline:
                raise busy_error(live, "memulihkan basis data")

        prepared.backup(conn, pages=256, progress=progress)


def _begin(conn: sqlite3.Connection, live: Path) -> None:
    """Take the write lock, waiting at most the busy timeout."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error(live, "memulihkan basis data", exc) from exc
        raise


def _drop_foreign_objects(conn: sqlite3.Connection) -> None:
    """Triggers, views, indexes and tables that are not this version's own are
    removed from the live database (they are in the safety backup, for whoever
    wants to see them); a live schema missing or changing one of its own
    objects cannot be restored into safely and is refused."""
    found = schema.differences(conn, migrations.SCHEMA_VERSION)
    wrong = [d for d in found if d.kind != "lebih"]
    if wrong:
        raise DatabaseFileError(
            "Struktur basis data yang sekarang tidak wajar "
            f"({'; '.join(d.sentence() for d in wrong[:MAX_REASONS])}); pemulihan dibatalkan, "
            "basis data tidak diubah. Salin cadangan ke berkas baru dan buka dengan --db.",
        )
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}  # a table takes its indexes along
    for d in sorted(found, key=lambda d: order.get(d.type, 4)):
        if d.type in order and not d.name.startswith("sqlite_"):
            conn.execute(f'DROP {d.type.upper()} IF EXISTS main."{d.name}"')


def _copy_tables(conn: sqlite3.Connection) -> None:
    """Every table of the live database emptied and filled from `src` (the
    same schema: both are this version's, checked)."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_stat%' ORDER BY name"
        )
    ]
    for table in tables:
        columns = [row[1] for row in conn.execute(f'PRAGMA main.table_info("{table}")')]
        names = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f'DELETE FROM main."{table}"')
        conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"')
