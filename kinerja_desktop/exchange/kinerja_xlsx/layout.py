"""Where everything sits on the request form (shared by the writer and the reader).

Sheet "Formulir": a title block, the instructions, the header row, one row
per indicator from `FIRST_ROW`, then the signature block. Columns A–I; the
unit types into Realisasi, Keterangan and Bukti only. Sheet "Meta": key/value
rows identifying the form, then the indicator id of every data row.
"""

from __future__ import annotations

FORM_SHEET = "Formulir"
META_SHEET = "Meta"

COL_NO, COL_KODE, COL_NAMA, COL_SATUAN, COL_TARGET = 1, 2, 3, 4, 5
COL_REALISASI, COL_CAPAIAN, COL_KETERANGAN, COL_BUKTI = 6, 7, 8, 9
LAST_COL = COL_BUKTI
INPUT_COLS = (COL_REALISASI, COL_KETERANGAN, COL_BUKTI)
LOCKED_COLS = (COL_NO, COL_KODE, COL_NAMA, COL_SATUAN, COL_TARGET)

HEADERS = (
    ("No", 5),
    ("Kode", 15),
    ("Indikator Kinerja", 44),
    ("Satuan", 11),
    ("Target", 12),
    ("Realisasi", 13),
    ("Capaian (%)", 11),
    ("Keterangan", 26),
    ("Bukti / Sumber Data", 24),
)

HEADER_ROW = 12
FIRST_ROW = HEADER_ROW + 1
TRAILING_BLANK_ROWS = 2  # rows after the last indicator that must stay empty

META_KEYS = (
    "aplikasi",
    "versi_formulir",
    "kecamatan_id",
    "kecamatan",
    "putaran_id",
    "periode",
    "unit_id",
    "unit",
    "dibuat",
    "tenggat",
    "baris_header",
    "jumlah_indikator",
    "checksum",
)
META_ROWS_HEADER = len(META_KEYS) + 2  # the "baris | indikator_id" header row
INSTRUCTIONS = (
    "Isi kolom Realisasi (berwarna kuning) untuk setiap indikator pada periode di atas. "
    "Ketik angkanya saja, mis. 12,5 atau 1.234; persentase boleh ditulis 85 atau 85%.",
    'Biarkan kosong bila datanya belum ada: sel kosong berarti "belum diisi", bukan nol. '
    "Tulis 0 hanya bila nilainya memang nol.",
    "Untuk indikator berskala (mis. opini WTP/WDP) pilih salah satu label dari daftar sel.",
    "Isi Keterangan dan Bukti / Sumber Data (dokumen, nomor surat, tautan berkas).",
    "Jangan mengubah, menambah, menghapus atau memindahkan baris dan kolom lain; kolom "
    "Capaian terhitung sendiri menurut aturan indikator. Simpan sebagai .xlsx lalu "
    "kembalikan berkas ini kepada Kasubag Perencanaan sebelum batas waktu.",
)
