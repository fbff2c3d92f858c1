"""Shared helpers of the store and service tests: sample SOPs, a version-1
database written by hand, file fingerprints and small stand-ins for modules
written elsewhere."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    serialize,
)
from kinerja_desktop.store import audit as store_audit

APPLICATION_ID = 0x4B4E4A44


def sample_doc(nomor: str = "096/MB/2023", judul: str = "Pengumpulan Data Kinerja") -> SopDocument:
    """A complete, correct SOP: Mulai … Selesai, a rework loop, every lane used."""
    camat, sekcam, kasubag = Lane("Camat"), Lane("Sekretaris Camat"), Lane("Kasubag Perencanaan")
    s1 = Step(
        "Memerintahkan pengumpulan data kinerja",
        [camat.id],
        StepKind.MULAI,
        MutuBaku("Surat edaran", "10 menit", "Disposisi"),
    )
    s2 = Step(
        "Menyusun format permintaan data",
        [kasubag.id],
        mutu_baku=MutuBaku("Disposisi", "2 jam", "Format data"),
    )
    s3 = Step(
        "Memeriksa format permintaan data",
        [sekcam.id],
        StepKind.KEPUTUSAN,
        MutuBaku("Format data", "30 menit", "Format diperiksa"),
        exits=[DecisionExit("Ya"), DecisionExit("Tidak", s2.id)],
    )
    s4 = Step(
        "Menandatangani format permintaan data",
        [camat.id],
        StepKind.SELESAI,
        MutuBaku("Format diperiksa", "15 menit", "Format ditandatangani"),
    )
    return SopDocument(
        nomor=nomor,
        judul=judul,
        tanggal_pembuatan=date(2023, 2, 16),
        tanggal_efektif=date(2023, 2, 16),
        pengesahan=Pengesahan("Camat Masama", "Drs. Ahmad", "196801271986111001", "Pembina, IV/a"),
        unit="Sekretariat",
        dasar_hukum=["PP No. 60 Tahun 2008"],
        lanes=[camat, sekcam, kasubag],
        steps=[s1, s2, s3, s4],
    )


# -- files ----------------------------------------------------------------------


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def fingerprint(path: Path) -> dict[str, str | None]:
    """Hashes of a database file and its -wal / -journal companions."""
    return {s: digest(path.with_name(path.name + s)) for s in ("", "-wal", "-journal")}


def set_user_version(path: Path, version: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def execute(path: Path, sql: str, params: tuple = ()) -> None:
    """One statement through a connection of its own (as another program would)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# -- a version-1 database, written without the program ---------------------------

V1_SCHEMA = """
CREATE TABLE office_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pemerintah TEXT NOT NULL DEFAULT '',
    nama_kantor TEXT NOT NULL DEFAULT '',
    alamat TEXT NOT NULL DEFAULT '',
    kota_ttd TEXT NOT NULL DEFAULT '',
    logo BLOB,
    kertas TEXT NOT NULL DEFAULT 'F4',
    jam_kerja_per_hari REAL NOT NULL DEFAULT 8.0
);
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    nama TEXT NOT NULL UNIQUE COLLATE NOCASE,
    jenis TEXT NOT NULL,
    urutan INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    nama TEXT NOT NULL,
    nip TEXT NOT NULL DEFAULT '',
    pangkat TEXT NOT NULL DEFAULT '',
    jabatan TEXT NOT NULL DEFAULT '',
    unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    aktif INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX staff_unit_id ON staff (unit_id);
CREATE UNIQUE INDEX staff_nip ON staff (nip) WHERE nip <> '';
CREATE TABLE sop (
    id INTEGER PRIMARY KEY,
    nomor TEXT NOT NULL DEFAULT '',
    judul TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'berlaku', 'dicabut')),
    unit TEXT NOT NULL DEFAULT '',
    revisi_ke INTEGER NOT NULL DEFAULT 0,
    jumlah_langkah INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sop_nomor ON sop (nomor);
CREATE TABLE sop_revision (
    id INTEGER PRIMARY KEY,
    sop_id INTEGER NOT NULL REFERENCES sop (id) ON DELETE CASCADE,
    revisi_ke INTEGER NOT NULL,
    tanggal TEXT,
    catatan TEXT NOT NULL DEFAULT '',
    document TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (sop_id, revisi_ke)
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    summary TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class V1Content:
    """What `make_v1_database` put in, to compare after migrating."""

    old_doc: SopDocument
    new_doc: SopDocument
    nip: str = "196801271986111001"
    units: list[str] = field(default_factory=lambda: ["Sekretariat", "Seksi Pemerintahan"])


def make_v1_database(path: Path) -> V1Content:
    """A schema-version-1 database as the first release wrote it: one SOP with
    two revisions, a profile, two units and one member of staff."""
    old = sample_doc()
    old.status = SopStatus.BERLAKU
    new = serialize.from_dict(serialize.to_dict(old))
    new.revisi_ke = 1
    new.status = SopStatus.DRAF
    new.tanggal_revisi = date(2024, 1, 10)
    new.steps[1].mutu_baku.waktu = "3 jam"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO office_profile VALUES (1, 'PEMERINTAH KABUPATEN BANGGAI', "
        "'KECAMATAN MASAMA', 'Jl. Trans Sulawesi', 'Masama', NULL, 'F4', 7.5)"
    )
    conn.execute("INSERT INTO unit VALUES (1, 'Sekretariat', 'sekretariat', 1)")
    conn.execute("INSERT INTO unit VALUES (2, 'Seksi Pemerintahan', 'seksi', 2)")
    conn.execute(
        "INSERT INTO staff VALUES (1, 'Drs. Ahmad', '196801271986111001', 'Pembina, IV/a', "
        "'Camat', 1, 1)"
    )
    conn.execute(
        "INSERT INTO sop VALUES (1, ?, ?, 'draf', 'Sekretariat', 1, 4, "
        "'2023-02-16 08:00:00', '2024-01-10 09:00:00')",
        (old.nomor, old.judul),
    )
    for doc, when in ((old, "2023-02-16 08:00:00"), (new, "2024-01-10 09:00:00")):
        conn.execute(
            "INSERT INTO sop_revision (sop_id, revisi_ke, tanggal, catatan, document, "
            "content_hash, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
            (
                doc.revisi_ke,
                (doc.tanggal_revisi or doc.tanggal_pembuatan).isoformat(),
                f"revisi {doc.revisi_ke}",
                json.dumps(serialize.to_dict(doc), ensure_ascii=False),
                serialize.content_hash(doc),
                when,
            ),
        )
    # The first release wrote one audit row per write, hash-chained (store.audit).
    audit_content = store_audit.AuditContent(
        1, "2024-01-10T09:00:00.000000", "update", "sop", 1, "SOP disimpan"
    )
    conn.execute(
        "INSERT INTO audit_log VALUES (1, ?, 'update', 'sop', 1, 'SOP disimpan', ?, ?)",
        (
            audit_content.at,
            store_audit.GENESIS,
            store_audit.row_hash(store_audit.GENESIS, audit_content),
        ),
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return V1Content(old, new)


# -- damaged files --------------------------------------------------------------


def damage_pages(path: Path, pages: list[int], page_size: int = 4096) -> None:
    """Overwrite the first bytes of the given pages (1-based; negative counts
    from the end) with 0xff, as a failing disk or a torn copy would."""
    data = bytearray(path.read_bytes())
    count = len(data) // page_size
    for page in pages:
        number = page if page > 0 else count + 1 + page
        offset = (number - 1) * page_size
        data[offset : offset + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
