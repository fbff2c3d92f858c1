"""Step 6: data kinerja, part 2 — validation, Perbaikan, frozen reports.

* `kinerja_validasi`: one validation by the Kasubag (a period, one unit or
  all, how many values, who, when); `kinerja_value.validasi_id` points at it
  and `status_validasi` becomes 'valid' (the value is then locked);
* `kinerja_perbaikan`: a correction of a validated value: the value row it
  corrects, old and new value, reason, evidence reference, its status in
  the steps of the Perbaikan Data Kinerja SOP (diajukan → diperiksa →
  diparaf → ditandatangani, or ditolak), and the value row it made once
  signed; at most one open correction per value;
  `kinerja_perbaikan_langkah`: one row per step (the official, who recorded
  it, when, a note);
* `kinerja_laporan`: a printed report version, frozen: its kind, period,
  version number, the data it showed (JSON) and that data's hash;
  `kinerja_laporan_teks`: the texts the user writes per report (faktor
  pendorong, penghambat, tindak lanjut, analysis), until printed;
* `kinerja_anggaran`: realisasi anggaran (Rp) of a program, kegiatan or sub
  kegiatan per triwulan, for the Rp columns of the Evaluasi Renja.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE kinerja_validasi (
        id INTEGER PRIMARY KEY,
        periode TEXT NOT NULL,
        unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
        jumlah INTEGER NOT NULL DEFAULT 0,
        oleh TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )""",
    """ALTER TABLE kinerja_value ADD COLUMN validasi_id INTEGER
        REFERENCES kinerja_validasi (id) ON DELETE RESTRICT""",
    """CREATE TABLE kinerja_perbaikan (
        id INTEGER PRIMARY KEY,
        value_id INTEGER NOT NULL REFERENCES kinerja_value (id) ON DELETE RESTRICT,
        indicator_id INTEGER NOT NULL REFERENCES kinerja_indicator (id) ON DELETE RESTRICT,
        unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
        periode TEXT NOT NULL,
        nilai_lama REAL,
        teks_lama TEXT NOT NULL DEFAULT '',
        nilai_baru REAL,
        teks_baru TEXT NOT NULL DEFAULT '',
        keterangan_baru TEXT NOT NULL DEFAULT '',
        alasan TEXT NOT NULL CHECK (length(trim(alasan)) > 0),
        bukti TEXT NOT NULL CHECK (length(trim(bukti)) > 0),
        status TEXT NOT NULL DEFAULT 'diajukan' CHECK (status IN
            ('diajukan', 'diperiksa', 'diparaf', 'ditandatangani', 'ditolak')),
        hasil_value_id INTEGER REFERENCES kinerja_value (id) ON DELETE RESTRICT,
        dibuat_at TEXT NOT NULL,
        diubah_at TEXT NOT NULL
    )""",
    """CREATE UNIQUE INDEX kinerja_perbaikan_terbuka ON kinerja_perbaikan (value_id)
        WHERE status IN ('diajukan', 'diperiksa', 'diparaf')""",
    "CREATE INDEX kinerja_perbaikan_periode ON kinerja_perbaikan (periode, unit_id)",
    """CREATE TABLE kinerja_perbaikan_langkah (
        id INTEGER PRIMARY KEY,
        perbaikan_id INTEGER NOT NULL REFERENCES kinerja_perbaikan (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        pejabat TEXT NOT NULL DEFAULT '',
        jabatan TEXT NOT NULL DEFAULT '',
        nip TEXT NOT NULL DEFAULT '',
        oleh TEXT NOT NULL DEFAULT '',
        catatan TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )""",
    "CREATE INDEX kinerja_perbaikan_langkah_of ON kinerja_perbaikan_langkah (perbaikan_id)",
    """CREATE TABLE kinerja_laporan (
        id INTEGER PRIMARY KEY,
        jenis TEXT NOT NULL,
        periode TEXT NOT NULL,
        versi INTEGER NOT NULL,
        judul TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        data_hash TEXT NOT NULL,
        dibuat_at TEXT NOT NULL,
        oleh TEXT NOT NULL DEFAULT '',
        UNIQUE (jenis, periode, versi)
    )""",
    """CREATE TABLE kinerja_laporan_teks (
        jenis TEXT NOT NULL,
        periode TEXT NOT NULL,
        kunci TEXT NOT NULL,
        teks TEXT NOT NULL DEFAULT '',
        diubah_at TEXT NOT NULL,
        PRIMARY KEY (jenis, periode, kunci)
    )""",
    """CREATE TABLE kinerja_anggaran (
        id INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES kinerja_node (id) ON DELETE CASCADE,
        periode TEXT NOT NULL,
        nilai REAL NOT NULL,
        diubah_at TEXT NOT NULL,
        UNIQUE (node_id, periode)
    )""",
)
