"""Numbered schema migrations, kept in `PRAGMA user_version`.

Each step is frozen SQL (never the current models, which move on) and runs
inside its own `db.atomic()` together with the version bump, so a database is
always at exactly one known version: a step either happens whole or not at
all. `store.database` takes a backup with SQLite's backup API before the
first step runs on an existing database.

To change the schema: append a step `_vN`, raise `SCHEMA_VERSION`, adjust
`store.models`; never edit an old step (databases in the field were made by it).

History:
1. the first schema: office profile, units, staff, SOPs with their revisions
   (the document as JSON), the hash-chained audit log, settings;
2. `staff.catatan` (the note `core.office.Staff` carries) and an index on the
   audit log by record, for a record's history;
3. `sop.revisi_berlaku`: the revision in force, kept apart from the latest
   revision (the one being edited). Set for every SOP whose current revision
   is berlaku, and for SOPs that an earlier version took out of force by
   starting a new revision (the record became draf while an older revision
   still read berlaku): their newest berlaku revision is in force again.
   Likewise an SOP withdrawn and then revised reads dicabut, not draf.

Two processes may open a new or old file at the same moment: each step
re-reads the version inside its own write transaction (BEGIN IMMEDIATE takes
the write lock first) and is skipped when the other process already applied
it.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

SCHEMA_VERSION = 3
APPLICATION_ID = 0x4B4E4A44  # "KNJD": marks the file as a Kinerja Desktop database

_V1 = (
    """CREATE TABLE office_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pemerintah TEXT NOT NULL DEFAULT '',
        nama_kantor TEXT NOT NULL DEFAULT '',
        alamat TEXT NOT NULL DEFAULT '',
        kota_ttd TEXT NOT NULL DEFAULT '',
        logo BLOB,
        kertas TEXT NOT NULL DEFAULT 'F4',
        jam_kerja_per_hari REAL NOT NULL DEFAULT 8.0
    )""",
    """CREATE TABLE unit (
        id INTEGER PRIMARY KEY,
        nama TEXT NOT NULL UNIQUE COLLATE NOCASE,
        jenis TEXT NOT NULL,
        urutan INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        nama TEXT NOT NULL,
        nip TEXT NOT NULL DEFAULT '',
        pangkat TEXT NOT NULL DEFAULT '',
        jabatan TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        aktif INTEGER NOT NULL DEFAULT 1
    )""",
    "CREATE INDEX staff_unit_id ON staff (unit_id)",
    "CREATE UNIQUE INDEX staff_nip ON staff (nip) WHERE nip <> ''",
    """CREATE TABLE sop (
        id INTEGER PRIMARY KEY,
        nomor TEXT NOT NULL DEFAULT '',
        judul TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draf'
            CHECK (status IN ('draf', 'berlaku', 'dicabut')),
        unit TEXT NOT NULL DEFAULT '',
        revisi_ke INTEGER NOT NULL DEFAULT 0,
        jumlah_langkah INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX sop_nomor ON sop (nomor)",
    """CREATE TABLE sop_revision (
        id INTEGER PRIMARY KEY,
        sop_id INTEGER NOT NULL REFERENCES sop (id) ON DELETE CASCADE,
        revisi_ke INTEGER NOT NULL,
        tanggal TEXT,
        catatan TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (sop_id, revisi_ke)
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        summary TEXT NOT NULL DEFAULT '',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

_V2 = (
    "ALTER TABLE staff ADD COLUMN catatan TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)",
)

# Only the document's own "status" is read; a revision whose JSON is damaged counts as none.
_REVISION_STATUS = "CASE WHEN json_valid(r.document) THEN json_extract(r.document, '$.status') END"

_V3 = (
    "ALTER TABLE sop ADD COLUMN revisi_berlaku INTEGER",
    "UPDATE sop SET revisi_berlaku = revisi_ke WHERE status = 'berlaku'",
    f"""UPDATE sop SET
        revisi_berlaku = (
            SELECT max(r.revisi_ke) FROM sop_revision r
            WHERE r.sop_id = sop.id AND {_REVISION_STATUS} = 'berlaku'
        ),
        status = 'berlaku'
    WHERE status = 'draf' AND EXISTS (
        SELECT 1 FROM sop_revision r
        WHERE r.sop_id = sop.id AND r.revisi_ke < sop.revisi_ke
            AND {_REVISION_STATUS} = 'berlaku'
    )""",
    f"""UPDATE sop SET status = 'dicabut'
    WHERE status = 'draf' AND EXISTS (
        SELECT 1 FROM sop_revision r
        WHERE r.sop_id = sop.id AND r.revisi_ke < sop.revisi_ke
            AND {_REVISION_STATUS} = 'dicabut'
    )""",
)

# The tables every database has had since version 1 (a restore source must have them).
V1_TABLES = frozenset(
    {"office_profile", "unit", "staff", "sop", "sop_revision", "audit_log", "setting"}
)

STEPS: tuple[tuple[int, tuple[str, ...]], ...] = ((1, _V1), (2, _V2), (3, _V3))


def user_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(
    db: SqliteDatabase,
    target: int | None = None,
    on_step: Callable[[int], None] | None = None,
) -> int:
    """Bring `db` up to `target` (default: SCHEMA_VERSION), one transaction per
    step; the final version.

    The version is read again inside each step's write transaction, so a step
    another process applied meanwhile is skipped, never run twice.
    `on_step(n)` is called after step n committed (progress, logging).
    """
    target = SCHEMA_VERSION if target is None else target
    version = user_version(db)
    for number, statements in STEPS:
        if not version < number <= target:
            continue
        with db.atomic("IMMEDIATE"):
            version = user_version(db)
            if version >= number:
                continue
            for sql in statements:
                db.execute_sql(sql)
            db.execute_sql(f"PRAGMA user_version = {number}")
        version = number
        if on_step is not None:
            on_step(number)
    return version
