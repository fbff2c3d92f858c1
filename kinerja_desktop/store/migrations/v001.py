"""Step 1: the first schema.

The office profile (one row), units, staff, SOPs with their revisions (the
document as JSON, `core.sop.serialize`), the hash-chained audit log and
settings; and the application id that marks the file as ours.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

APPLICATION_ID = 0x4B4E4A44  # "KNJD": marks the file as a Kinerja Desktop database

STATEMENTS: tuple[str, ...] = (
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
