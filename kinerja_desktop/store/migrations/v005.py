"""Step 5: data kinerja, part 1 — the plan, collection rounds and raw values.

* `kinerja_renstra` → `kinerja_node` (Tujuan … Sub Kegiatan, a tree by
  parent_id) with `kinerja_pagu` per year; `kinerja_indicator` on a node, with
  its calculation rule as columns (polaritas, agregasi, jenis_nilai, skala as
  JSON, rumus_negatif) and `kinerja_target` per year (NULL nilai = no target);
* `kinerja_pk` per year and party (unit_id NULL = the Camat), versi 0 and PK
  Perubahan versi 1, 2 … (the superseded one kept, `digantikan_oleh` set),
  with `kinerja_pk_target` per indicator and period (the year, or a triwulan
  for the rencana aksi);
* `kinerja_round` (a period and a deadline) and `kinerja_form`: every form
  issued for a unit (identity, locked rows as JSON, checksum);
* `kinerja_import`: one applied (or refused) returned file: name, hash, round,
  unit, the file's own "filled at" time, problems as JSON;
* `kinerja_value`: one row per value ever recorded for indicator × unit ×
  period; NULL nilai = not filled in. A new value never overwrites: the old
  row gets `aktif = 0` and the new one points at it (`menggantikan_id`), with
  `jenis` (impor, entri; part 2 adds perbaikan with `alasan`) and the
  provenance (import batch, file name, sheet, cell, file hash, time).
  `status_validasi` is unused until part 2.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE kinerja_renstra (
        id INTEGER PRIMARY KEY,
        nama TEXT NOT NULL,
        tahun_awal INTEGER NOT NULL,
        tahun_akhir INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (tahun_awal <= tahun_akhir)
    )""",
    """CREATE TABLE kinerja_node (
        id INTEGER PRIMARY KEY,
        renstra_id INTEGER NOT NULL REFERENCES kinerja_renstra (id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES kinerja_node (id) ON DELETE RESTRICT,
        level TEXT NOT NULL
            CHECK (level IN ('tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan')),
        kode TEXT NOT NULL DEFAULT '',
        nama TEXT NOT NULL,
        urutan INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX kinerja_node_renstra ON kinerja_node (renstra_id, parent_id)",
    """CREATE TABLE kinerja_pagu (
        id INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES kinerja_node (id) ON DELETE CASCADE,
        tahun INTEGER NOT NULL,
        nilai REAL NOT NULL,
        UNIQUE (node_id, tahun)
    )""",
    """CREATE TABLE kinerja_indicator (
        id INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES kinerja_node (id) ON DELETE RESTRICT,
        kode TEXT NOT NULL DEFAULT '',
        nama TEXT NOT NULL,
        satuan TEXT NOT NULL DEFAULT '',
        definisi TEXT NOT NULL DEFAULT '',
        formula TEXT NOT NULL DEFAULT '',
        sumber_data TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        iku INTEGER NOT NULL DEFAULT 0,
        baseline_tahun INTEGER,
        baseline_nilai REAL,
        baseline_teks TEXT NOT NULL DEFAULT '',
        polaritas TEXT NOT NULL DEFAULT 'positif' CHECK (polaritas IN ('positif', 'negatif')),
        agregasi TEXT NOT NULL DEFAULT 'jumlah'
            CHECK (agregasi IN ('jumlah', 'nilai_terakhir', 'rata_rata', 'nilai_tertinggi')),
        jenis_nilai TEXT NOT NULL DEFAULT 'angka'
            CHECK (jenis_nilai IN ('angka', 'persen', 'skala')),
        skala TEXT NOT NULL DEFAULT '[]',
        rumus_negatif TEXT NOT NULL DEFAULT '2t_kurang_r'
            CHECK (rumus_negatif IN ('2t_kurang_r', 't_bagi_r')),
        urutan INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX kinerja_indicator_node ON kinerja_indicator (node_id)",
    "CREATE INDEX kinerja_indicator_unit ON kinerja_indicator (unit_id)",
    """CREATE TABLE kinerja_target (
        id INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES kinerja_indicator (id) ON DELETE CASCADE,
        tahun INTEGER NOT NULL,
        nilai REAL,
        teks TEXT NOT NULL DEFAULT '',
        UNIQUE (indicator_id, tahun)
    )""",
    """CREATE TABLE kinerja_pk (
        id INTEGER PRIMARY KEY,
        renstra_id INTEGER NOT NULL REFERENCES kinerja_renstra (id) ON DELETE CASCADE,
        tahun INTEGER NOT NULL,
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        versi INTEGER NOT NULL DEFAULT 0,
        alasan TEXT NOT NULL DEFAULT '',
        tanggal TEXT,
        digantikan_oleh INTEGER REFERENCES kinerja_pk (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX kinerja_pk_versi ON kinerja_pk (tahun, ifnull(unit_id, 0), versi)",
    """CREATE TABLE kinerja_pk_target (
        id INTEGER PRIMARY KEY,
        pk_id INTEGER NOT NULL REFERENCES kinerja_pk (id) ON DELETE CASCADE,
        indicator_id INTEGER NOT NULL REFERENCES kinerja_indicator (id) ON DELETE RESTRICT,
        periode TEXT NOT NULL,
        nilai REAL,
        teks TEXT NOT NULL DEFAULT '',
        UNIQUE (pk_id, indicator_id, periode)
    )""",
    """CREATE TABLE kinerja_round (
        id INTEGER PRIMARY KEY,
        periode TEXT NOT NULL UNIQUE,
        tenggat TEXT,
        catatan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE kinerja_form (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES kinerja_round (id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
        form_version INTEGER NOT NULL,
        checksum TEXT NOT NULL,
        rows TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX kinerja_form_round_unit ON kinerja_form (round_id, unit_id)",
    """CREATE TABLE kinerja_import (
        id INTEGER PRIMARY KEY,
        round_id INTEGER REFERENCES kinerja_round (id) ON DELETE CASCADE,
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        form_id INTEGER REFERENCES kinerja_form (id) ON DELETE SET NULL,
        sumber TEXT NOT NULL DEFAULT 'berkas' CHECK (sumber IN ('berkas', 'entri')),
        file_name TEXT NOT NULL DEFAULT '',
        file_hash TEXT NOT NULL,
        filled_at TEXT,
        imported_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('diterapkan', 'ditolak')),
        jumlah_baru INTEGER NOT NULL DEFAULT 0,
        jumlah_ubah INTEGER NOT NULL DEFAULT 0,
        problems TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX kinerja_import_round_unit ON kinerja_import (round_id, unit_id)",
    "CREATE INDEX kinerja_import_hash ON kinerja_import (file_hash)",
    """CREATE TABLE kinerja_value (
        id INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES kinerja_indicator (id) ON DELETE RESTRICT,
        unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
        periode TEXT NOT NULL,
        nilai REAL,
        teks TEXT NOT NULL DEFAULT '',
        keterangan TEXT NOT NULL DEFAULT '',
        bukti TEXT NOT NULL DEFAULT '',
        jenis TEXT NOT NULL DEFAULT 'impor',
        alasan TEXT NOT NULL DEFAULT '',
        import_id INTEGER REFERENCES kinerja_import (id) ON DELETE RESTRICT,
        file_name TEXT NOT NULL DEFAULT '',
        sheet TEXT NOT NULL DEFAULT '',
        cell TEXT NOT NULL DEFAULT '',
        file_hash TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        menggantikan_id INTEGER REFERENCES kinerja_value (id) ON DELETE RESTRICT,
        aktif INTEGER NOT NULL DEFAULT 1,
        status_validasi TEXT NOT NULL DEFAULT 'belum'
    )""",
    """CREATE UNIQUE INDEX kinerja_value_current
        ON kinerja_value (indicator_id, unit_id, periode) WHERE aktif = 1""",
    "CREATE INDEX kinerja_value_periode ON kinerja_value (periode, unit_id)",
)
