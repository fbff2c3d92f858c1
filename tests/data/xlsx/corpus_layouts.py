# ruff: noqa: E501  (step tables are data: one step per line)
"""Hand-typed SOP workbooks modelled on ../shared/seeds, for make_corpus.py.

Each builder lays a sheet out the way an office typed it. Step tables are
written as text blocks, one step per line, fields separated by " | ":

    uraian | marks | kelengkapan | waktu | output | keterangan

where marks name role columns by position: "0=Mulai", "2=✓ 4=✓", "" for none.
"""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

Step = tuple[str, dict[int, str], str, object, str, str]


def steps(block: str) -> list[Step]:
    """Parse a step block (see the module docstring); a waktu of digits becomes a number."""
    out: list[Step] = []
    for line in block.strip().splitlines():
        uraian, marks, kel, waktu, output, ket = (part.strip() for part in line.split("|"))
        lanes = {int(k): v for k, v in (m.split("=", 1) for m in marks.split())}
        out.append((uraian, lanes, kel, int(waktu) if waktu.isdigit() else waktu, output, ket))
    return out


def put(ws: Worksheet, ref: str, value: object, merge_to: str = "") -> None:
    ws[ref] = value
    if merge_to:
        ws.merge_cells(f"{ref}:{merge_to}")


def row(ws: Worksheet, r: int, first_col: int, values: list[object]) -> None:
    for offset, value in enumerate(values):
        if value not in (None, ""):
            ws.cell(row=r, column=first_col + offset, value=value)


def table(
    ws: Worksheet,
    first_row: int,
    col: int,
    lane_col: int,
    data: list[Step],
    *,
    lanes: int,
    dot: bool = False,
) -> None:
    """Write steps from `first_row`: No in `col`, uraian next, marks from `lane_col`, then
    kelengkapan, waktu, output, keterangan after the `lanes` role columns. An uraian of
    "-" leaves a blank row."""
    r, n = first_row, 0
    for uraian, marks, kel, waktu, output, ket in data:
        if uraian != "-":
            n += 1
            row(ws, r, col, [f"{n}." if dot else n, uraian])
            for lane, mark in marks.items():
                ws.cell(row=r, column=lane_col + lane, value=mark)
            row(ws, r, lane_col + lanes, [kel, waktu, output, ket])
        r += 1


# -- seed 000, SOP 1 ------------------------------------------------------------------------
MASAMA_PERBAIKAN = steps("""
Camat meneliti data kinerja seluruh pegawai Kec. Masama dan didapatkan ada kesalahan data kinerja yang telah selesai divalidasi dan akan ditandatangani | 0=Mulai | Dokumen data kinerja | 120 | Dokumen data kinerja |
Memerintahkan sekretaris untuk melakukan verifikasi ulang terhadap data kinerja yang sudah ada | 0=[_] | Dokumen data kinerja | 60 | Dokumen data kinerja |
Sekretaris memerintahkan Kasubag evlap untuk berkoordinasi ke Kepala Seksi mengenai kesalahan data kinerja | 1=[_] | Dokumen data kinerja | 60 | Dokumen data kinerja |
Pelaksana memperbaiki data kinerja seluruh pegawai Kecamatan Masama | 4=[_] | Dokumen data kinerja | 480 | Dokumen data kinerja |
Kepala Seksi melakukan koreksi atas perbaikan data kinerja | 2=[_] | Dokumen data kinerja | 120 | Dokumen data kinerja |
Menyampaikan perbaikan data kinerja ke Kasubag Evlap | 2=[_] | Dokumen data kinerja | 60 | Dokumen data kinerja |
Melakukan rekapitulasi terhadap perbaikan data kinerja sebagai bahan laporan | 3=[_] | Dokumen data kinerja | 30 | Dokumen data kinerja |
Sekretaris meneliti perbaikan data kinerja dan memberikan paraf sebelum ditandatangani oleh Camat | 1=[_] | Dokumen data kinerja | 30 | Dokumen data kinerja |
Camat menandatangani dokumen perbaikan data kinerja | 0=Selesai | Dokumen data kinerja | 30 | Dokumen data kinerja |
""")
DASAR_HUKUM_MASAMA = [
    "PP No. 79 Tahun 2005 tentang Pedoman Pembinaan dan Pengawasan Penyelenggaraan "
    "Pemerintahan Daerah",
    "PP No. 60 Tahun 2008 tentang Sistem Pengendalian Intern Pemerintah (SPIP)",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur "
    "Administrasi Pemerintahan",
]
KUALIFIKASI_MASAMA = [
    "Pendidikan Sarjana",
    "Memiliki kemampuan mengidentifikasi dan analisis terkait persoalan yang ada",
    "Memiliki kemampuan mengoperasikan komputer",
]


def masama_perbaikan() -> Workbook:
    """Identity block beside the kop, lists side by side, "[ ]" marks, 'Waktu (menit)'."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Perbaikan"
    put(ws, "A1", "PEMERINTAH KABUPATEN BANGGAI")
    put(ws, "A2", "KECAMATAN MASAMA")
    disahkan = "CAMAT MASAMA,\n\nKAMALUDDIN DJANO, S.Pd., SH\nNIP: 19681251986111001"
    labels = ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif"]
    for r, (label, value) in enumerate(
        [
            *((x, "") for x in labels),
            ("Disahkan oleh", disahkan),
            ("Judul SOP", "Prosedur Perbaikan Data Kinerja"),
        ],
        start=1,
    ):
        row(ws, r, 7, [label, value])
    put(ws, "B9", "Dasar Hukum :")
    put(ws, "G9", "Kualifikasi pelaksana :")
    for i, item in enumerate(DASAR_HUKUM_MASAMA, start=1):
        row(ws, 9 + i, 2, [f"{i}. {item}"])
    for i, item in enumerate(KUALIFIKASI_MASAMA, start=1):
        row(ws, 9 + i, 7, [f"{i}. {item}"])
    put(ws, "B14", "Peringatan :")
    put(
        ws,
        "B15",
        "1. Apabila terjadi kesalahan data kinerja akan menghambat proses penilaian kinerja",
    )
    put(ws, "A17", "SOP MEKANISME PERBAIKAN DATA KINERJA", "K17")
    put(ws, "A19", "No.", "A20")
    put(ws, "B19", "Uraian Prosedur", "B20")
    put(ws, "C19", "Pelaksana", "G19")
    put(ws, "H19", "Mutu Baku", "J19")
    put(ws, "K19", "Keterangan", "K20")
    row(ws, 20, 3, ["Camat", "Sekretaris", "Kepala Seksi/Lurah", "Kasubag Evlap", "Pelaksana"])
    row(ws, 20, 8, ["Kelengkapan", "Waktu (menit)", "Output"])
    data = [
        (u, {k: v.replace("_", " ") for k, v in m.items()}, *rest)
        for u, m, *rest in MASAMA_PERBAIKAN
    ]  # "[_]" → "[ ]"
    table(ws, 21, 1, 3, data, lanes=5, dot=True)
    put(ws, "H33", "CAMAT MASAMA,")
    put(ws, "H36", "KAMALUDDIN DJANO, S.Pd., SH")
    put(ws, "H37", "NIP. 19660125 198611 1 001")
    return wb


# -- seed 003, 096/MB/2023 ------------------------------------------------------------------
MARTAPURA_LISTS = {
    "DASAR HUKUM :": [
        "Peraturan Menteri Dalam Negeri Nomor 54 Tahun 2010, tentang Tahapan, Tata Cara "
        "Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
        "Peraturan Bupati No. 13 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah",
    ],
    "KUALIFIKASI PELAKSANA :": [
        "Memiliki integritas dan Disiplin",
        "Memiliki pengalaman di bidang perencanaan",
    ],
    "KETERKAITAN :": ["SOP PENGUMPULAN DATA KINERJA"],
    "IDENTIFIKASI RESIKO:": [
        "Tidak ter-strukturnya sistem kinerja dalam SKPD",
        "Pada prosedur 3 (tiga) apabila ada kesalahan maka akan diperbaiki di langkah sebelumnya.",
    ],
}
MARTAPURA_PENGUMPULAN = steps("""
Memerintahkan Kasubbag Program Melakukan Evaluasi Terhadap : Pelaksanaan Program Kegiatan Serta Pencapaian Tujuan & Sasaran | 0=x | NOTA / DISPOSISI | 10 MENIT | TANDA TERIMA | Camat dan Sekcam
Mengumpulkan Data Dukung Kinerja | 2=X | DOKUMEN RENSTRA, RENJA, DPA, PENETAPAN KINERJA, RKT . | 4 JAM | KONSEP RENCANA KEGIATAN | Sekcam dan Kasubbag Perencanaan Keuangan dan Aset
Pengesahan Rencana Kegiatan |  | Konsep Rencana | 30 Menit | Dokumen Rencana Kegiatan Evaluasi | Camat Dan Sekcam
Membuat Data Kinerja | 2=X | DOKUMEN RENCANA KEGIATAN | 7 JAM | INFORMASI & DATA | Sekcam dan Kasubbag Perencanaan Keuangan dan Aset
Menyusun Dan Mendokumentasikan Hasil Kinerja | 2=x | INFORMASI & DATA | 7 JAM | Hasil data kinerja | Kasubbag Perencanaan Keuangan dan Aset
""")


def martapura_pengumpulan() -> Workbook:
    """'URAIAN TUGAS … PENANGGUNG JAWAB', '10 MENIT', x marks, identity and lists above."""
    wb = Workbook()
    ws = wb.active
    ws.title = "096"
    put(ws, "A1", "PEMERINTAH KABUPATEN BANJAR\nKECAMATAN MARTAPURA BARAT", "B4")
    identity = [
        ("NOMOR SOP", "096/ MB/ 2023"),
        ("TANGGAL PEMBUATAN", "16 FEBRUARI 2023"),
        ("TANGGAL PENGESAHAN", "16 FEBRUARI 2023"),
        ("DISAHKAN OLEH", "CAMAT MARTAPURA BARAT"),
        ("NAMA SOP", "PENGUMPULAN DATA KINERJA"),
    ]
    for r, (label, value) in enumerate(identity, start=1):
        row(ws, r, 4, [label, ":", value])
    r = 7
    for heading, items in MARTAPURA_LISTS.items():
        put(ws, f"B{r}", heading)
        for n, item in enumerate(items, start=1):
            row(ws, r + n, 2, [f"{n}. {item}"])
        r += len(items) + 2
    top = r + 1
    put(ws, f"A{top}", "NO", f"A{top + 1}")
    put(ws, f"B{top}", "URAIAN TUGAS", f"B{top + 1}")
    put(ws, f"C{top}", "PELAKSANA", f"E{top}")
    put(ws, f"F{top}", "MUTU BAKU", f"H{top}")
    put(ws, f"I{top}", "PENANGGUNG JAWAB", f"I{top + 1}")
    row(
        ws, top + 1, 3, ["CAMAT", "SEKRETARIS", "KASUBAG PROGRAM", "KELENGKAPAN", "WAKTU", "OUTPUT"]
    )
    table(ws, top + 2, 1, 3, MARTAPURA_PENGUMPULAN, lanes=3)
    return wb


# -- seed 003, 094/MB/2023 ------------------------------------------------------------------
_PJ = "Kasubbag Perencanaan Keuangan dan Aset"
MARTAPURA_MONITORING = steps(f"""
Memerintahkan untuk penyusunan perencanaan Kinerja | 0=X | SURAT MASUK | 10 MENIT | Disposisi pada surat masuk | {_PJ}
Meneruskan disposisi pada bidang untuk melakukan koordinasi dengan bidang - bidang | 1=X | SURAT MASUK DAN DISPOSISI | 10 MENIT | surat masuk dan disposisi diterima | {_PJ}
Melaksanakan koordinasi dengan bidang untuk bahan penyusunan Perencanaan Kinerja | 2=X | SURAT MASUK DAN DISPOSISI DITERIMA | 4 JAM | Data hasil koordinasi | {_PJ}
Memberikan bahan untuk penyusunan Perencanaan kinerja | 2=X | BAHAN-BAHAN PERENCANAAN KINERJA | 15 MENIT | Data perencanaan kinerja | {_PJ}
Mengumpulkan, menyusun dan mengetik konsep perencanaan kinerja | 2=X | DATA PERENCANAAN KINERJA UNTUK PENYUSUNAN | 8 JAM | konsep Perencanaan Kinerja | {_PJ}
Memeriksa hasil pengetikan konsep perencanaan kinerja. Jika setuju, diparaf dan diteruskan , jika tidak di kembalikan untuk di perbaiki | 1=X | KONSEP PERENCANAAN KINEJRA | 10 MENIT | Konsep Perencanaan Kinerja | {_PJ}
- |  |  |  |  |
Memeriksa konsep. | 1=X | KONSEP PERENCANAAN KINEJRA | 20 MENIT | Konsep Perencanaan Kinerja yang sudah diparaf | {_PJ}
menandatangani konsep perencanaan kinerja, Jika setuju, di paraf dan diteruskan , jika tidak dikembalikan untuk diperbaiki. | 0=X | KONSEP PERENCANAAN KINEJRA, YANG SUDAH DIPARAF | 15 MENIT | Dokumen Perencanaan Kinerja yang sudah ditandatangani | {_PJ}
Memerintahkan untuk penggandaan dan pendistribusian | 0=X | DOKUMEN PERENCANAAN KINERJA YANG SUDAH DITANDATANGANI | 10 MENIT | dokumen perencanaan Kinerja yang akan digandakan | {_PJ}
Memerintahkan Staf untuk mengagenda, menggandakan dan mendistribusikan | 2=X | DOKUMEN PERENCANAAN KINERJA | 10 MENIT | dokumen perencanaan Kinerja yang akan digandakan | {_PJ}
Mengagenda, menggandakan dan mendistribusikan | 2=X | DOKUMEN PERENCANAAN KINERJA SIAP DIGANDAKAN | 30 MENIT | Bukti Pengiriman, laporan | {_PJ}
""")


def martapura_monitoring_c5() -> Workbook:
    """Table at C5 under a title; decisions only in the wording; one blank row inside."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Monitoring Kinerja"
    put(ws, "C2", "SOP MONITORING KINERJA", "K2")
    put(ws, "C5", "NO", "C6")
    put(ws, "D5", "URAIAN TUGAS", "D6")
    put(ws, "E5", "PELAKSANA", "G5")
    put(ws, "H5", "MUTU BAKU", "J5")
    put(ws, "K5", "PENANGGUNG JAWAB", "K6")
    row(ws, 6, 5, ["CAMAT", "SEKRETARIS", "KASUBBAG PERENCANAAN", "KELENGKAPAN", "WAKTU", "OUTPUT"])
    table(ws, 7, 3, 5, MARTAPURA_MONITORING, lanes=3)
    return wb


# -- seed 000, SOP 3 ------------------------------------------------------------------------
MASAMA_PENGUMPULAN = steps("""
Perintah untuk melakukan pengumpulan data kinerja | 0=Mulai | Lembar disposisi | 15 | Lembar disposisi |
Memerintahkan Kasubag Evlap untuk membuat format permintaan data kinerja | 1=✓ | Lembar disposisi | 30 | Dokumen Format data |
Menyampaikan format permintaan data kinerja kepada masing-masing Seksi, Lurah dan Sekretariat | 4=✓ | Dokumen | 15 | Dokumen Format data |
Rapat Kepala Seksi dengan Kasubag Perenc untuk membahas pengisian format data kinerja | 2=✓ 4=✓ | Dokumen | 60 | Dokumen Format data |
Menyusun data kinerja | 2=√ | Dokumen | 480 | Dokumen data kinerja |
Melakukan rekapitulasi data kinerja masing-masing Seksi/Lurah dan sekretariat | 2=√ | Dokumen | 480 | Dokumen data kinerja |
Menghimpun dan memvalidasi data kinerja | 4=√ | Dokumen | 480 | Dokumen data kinerja |
Menyampaikan data kinerja kepada Kasubag Evlap | 4=√ | Dokumen | 15 | Dokumen data kinerja |
Melakukan rekapitulasi data kinerja Kec. Masama sebagai bahan penyusunan laporan | 3=Selesai | Dokumen | 480 | Dokumen data kinerja |
""")


def masama_pengumpulan_ceklis() -> Workbook:
    """Table from column B, merged 'Pelaksana', ✓ and √ marks, 'Ouput', a '(1) (2) …' row,
    and a step done by two roles."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pengumpulan Data"
    put(ws, "B2", "SOP MEKANISME PENGUMPULAN DATA KINERJA", "L2")
    put(ws, "B4", "No.", "B5")
    put(ws, "C4", "Uraian Prosedur", "C5")
    put(ws, "D4", "Pelaksana", "H4")
    put(ws, "I4", "Mutu Baku", "K4")
    put(ws, "L4", "Keterangan", "L5")
    row(ws, 5, 4, ["Camat", "Sekretaris", "Kepala Seksi/ Lurah", "Kasubag", "Kasubag Perenc"])
    row(ws, 5, 9, ["Kelengkapan", "Waktu (menit)", "Ouput"])
    row(ws, 6, 2, [f"({n})" for n in range(1, 12)])
    table(ws, 7, 2, 4, MASAMA_PENGUMPULAN, lanes=5)
    return wb


# -- seed 001 -------------------------------------------------------------------------------
BAPPEDA = steps("""
Kepala Bappeda dan Litbang meneliti data kinerja seluruh pegawai Bappeda dan Litbang, didapatkan ada kesalahan data kinerja yang telah selesai divalidasi dan akan ditandatangani |  | Dokumen data kinerja | 120 | Dokumen data kinerja |
Memerintahkan sekretaris untuk melakukan verifikasi ulang terhadap data kinerja yang sudah ada |  | Dokumen data kinerja | 60 | Dokumen data kinerja |
Sekretaris memerintahkan Kasubbid Data untuk berkoordinasi ke Kabid Renum mengenai kesalahan data kinerja |  | Dokumen data kinerja | 60 | Dokumen data kinerja |
Kabid melakukan rapat dengan Jabatan Pelaksana untuk melakukan perbaikan data kinerja sesuai dengan bukti yang valid |  | Dokumen data kinerja | 180 | Dokumen data kinerja |
Jabatan Pelaksana memperbaiki data kinerja seluruh pegawai Bappeda dan Litbang |  | Dokumen data kinerja | 480 | Dokumen data kinerja |
Kabid Renum melakukan koreksi atas perbaikan data kinerja |  | Dokumen data kinerja | 120 | Dokumen data kinerja |
Menyampaikan perbaikan data kinerja ke Kasubbid Data |  | Dokumen data kinerja | 60 | Dokumen data kinerja |
Melakukan rekapitulasi terhadap perbaikan data kinerja sebagai bahan laporan |  | Dokumen data kinerja | 30 | Dokumen data kinerja |
Sekretaris meneliti perbaikan data kinerja dan memberikan paraf sebelum ditanda-tangani oleh Kepala Bappeda dan Litbang |  | Dokumen data kinerja | 30 | Dokumen data kinerja |
Kepala Bappeda dan Litbang menandatangani dokumen perbaikan data kinerja |  | Dokumen data kinerja | 30 | Dokumen data kinerja |
""")
BAPPEDA_IDENTITAS: list[tuple[str, object]] = [
    ("Nomor SOP", "205/050/01/Bappeda & Litbang"),
    ("Tanggal Pembuatan", date(2020, 2, 5)),
    ("Tanggal Revisi", None),
    ("Tanggal Efektif", None),
    ("Disahkan oleh", "MOH. RAMEL TONGKO, S.Sos, ST., M.Si\nPEMBINA UTAMA MUDA, IV/c\nNIP. 19690815 199803 1 008"),
    ("Judul SOP", "Mekanisme Perbaikan Data Kinerja"),
    ("Dasar Hukum", "1. PP No. 79 Tahun 2005 tentang Pedoman Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah\n2. PP No. 60 Tahun 2008 tentang Sistem Pengendalian Intern Pemerintah (SPIP)"),
    ("Kualifikasi pelaksana", "1. Pendidikan Sarjana\n2. Memiliki kemampuan mengoperasikan komputer"),
    ("Peralatan/perlengkapan", "1. Alat tulis kantor 2. Komputer/laptop 3. Printer"),
    ("Pencatatan dan pendataan", "Setiap tahap terdokumentasi dengan baik dalam bentuk softcopy maupun hardcopy"),
]  # fmt: skip


def bappeda_identitas() -> Workbook:
    """An 'Identitas' key/value sheet, a 'Kegiatan' table with no marks at all (every lane
    from the wording), and a Lembar Kerja sheet."""
    wb = Workbook()
    ident = wb.active
    ident.title = "Identitas"
    put(
        ident,
        "A1",
        "PEMERINTAH KABUPATEN BANGGAI\nBADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH KAB. BANGGAI",
    )
    for r, (label, value) in enumerate(BAPPEDA_IDENTITAS, start=3):
        row(ident, r, 1, [label, value])
        if isinstance(value, date):
            ident.cell(row=r, column=2).number_format = "DD MMMM YYYY"
    ws = wb.create_sheet("Flowchart")
    put(ws, "A1", "SOP MEKANISME PERBAIKAN DATA KINERJA", "K1")
    put(ws, "A3", "No.", "A4")
    put(ws, "B3", "Kegiatan", "B4")
    put(ws, "C3", "Pelaksana", "G3")
    put(ws, "H3", "Mutu Baku", "J3")
    put(ws, "K3", "Keterangan", "K4")
    row(
        ws,
        4,
        3,
        [
            "Kepala Bappeda & Litbang",
            "Sekretaris",
            "Kabid Renum",
            "Kasubbid Data",
            "Jabatan Pelaksana",
        ],
    )
    row(ws, 4, 8, ["Kelengkapan", "Waktu (menit)", "Output"])
    table(ws, 5, 1, 3, BAPPEDA, lanes=5, dot=True)
    lk = wb.create_sheet("Lembar Kerja")
    put(lk, "A1", "LEMBAR KERJA IDENTIFIKASI KEGIATAN")
    row(lk, 3, 1, ["Jenis Kegiatan", "Rutin"])
    row(lk, 4, 1, ["Scope (Ruang Lingkup)", "Bappeda dan Litbang Kab. Banggai"])
    return wb


# -- the signed BPS sheet in docs/reference -------------------------------------------------
_SRC = "Realisasi target tim kerja, Dokumen Sumber, FRA"
BPS = steps(f"""
Menyusun laporan data kinerja triwulanan per tim dalam tim/bagian | 0=⬭ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Melakukan Reviu bersama laporan data kinerja triwulan per tim dalam tim/ bagian (jika terdapat revisi perbaikan, maka dikerjakan kembali oleh tim ybs) | 0=◇ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Mengompilasi laporan data kinerja triwulan Tim/Bagian menjadi laporan tim/bagian | 0=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Memverifikasi dan menyetujui laporan data kinerja triwulan tim/bagian | 1=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Mengompilasi laporan data kinerja triwulan tim/bagian menjadi draft Laporan data kinerja triwulan Satker oleh Tim Perencana | 2=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Menyampaikan draft laporan data kinerja triwulan ke kepala BPS Provinsi | 3=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Melakukan rapat koordinasi dan evaluasi terintegrasi seluruh tim/bagian |  | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Melakukan reviu atas Form Rencana Aksi (FRA) tim/bagian berdasarkan hasil pembahasan rapat | 0=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
Mengompilasi laporan data kinerja/FRA final satker oleh Tim Perencana dan melaporkan kepada eselon II (Kepala) | 2=□ 3=□ | {_SRC} | 1 – 20 Hari Kerja | Kertas Kerja FRA |
""")


def bps_kolom_terpisah() -> Workbook:
    """'Pelaksana' merged over two roles only, two roles headed on their own, 'Sumber Data',
    'Ket', a column-number row, symbol glyphs, one mark merged across four role columns."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Flowchart"
    put(ws, "A1", "No.", "A2")
    put(ws, "B1", "Uraian", "B2")
    put(ws, "C1", "Pelaksana", "D1")
    row(ws, 2, 3, ["Tim Kerja", "Tim Sakip"])
    put(ws, "E1", "Tim Perencanaan, Penganggaran dan Pemantauan Evaluasi", "E2")
    put(ws, "F1", "Kepala", "F2")
    put(ws, "G1", "Mutu Baku", "I1")
    row(ws, 2, 7, ["Sumber Data", "Waktu", "Output"])
    put(ws, "J1", "Ket", "J2")
    row(ws, 3, 1, [f"({n})" for n in range(1, 11)])
    table(ws, 4, 1, 3, BPS, lanes=4)
    put(ws, "C10", "rapat", "F10")  # step 7: one mark over the four role columns
    return wb


# -- seed 000, SOP 2 ------------------------------------------------------------------------
RENSTRA = steps("""
Memerintahkan melakukan monitoring RENSTRA | 0=Mulai | Lembar Disposisi | 10 Menit | Disposisi surat |
Kasubag Evlap membuat format pengumpulan data dan informasi kinerja dari masing-masing Seksi dan Sekretariat |  | RENSTRA Kec. Masama | 2 Jam | Format data |
Menyampaikan format pengumpulan data dan informasi monitoring RENSTRA kepada masing-masing Seksi dan Sekretaris | 3=v | Format data | 1 Jam | Format terkirim |
Mengundang Camat, pejabat eselon III , IV dan JP untuk rapat pembahasan monitoring RENSTRA |  | Undangan rapat | 2 jam | Rapat persiapan monitoring RENSTRA |
Menghimpun format data dan informasi monitoring RENSTRA dari masing-masing Seksi, Lurah dan Sekretariat | 3=V | Format terisi | 1Hari | Data monitoring |
Sekretaris mengkoreksi konsep laporan monitoring RENSTRA |  | Konsep laporan | 1 Hari | Konsep terkoreksi |
Menyampaikan laporan hasil monitoring RENSTRA | 0=Selesai | Laporan | 1 jam | Laporan monitoring RENSTRA |
""")


def renstra_angka() -> Workbook:
    """A cover sheet first, 'Uraian Kegiatan', 'Persyaratan/Kelengkapan', 'Ket', a '1 2 3'
    row, v marks, written times, unmarked steps; group headings typed, not merged."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Sampul"
    put(cover, "B3", "BUKU SOP KECAMATAN MASAMA")
    put(cover, "B5", "Tahun 2024")
    ws = wb.create_sheet("Monitoring Renstra")
    put(ws, "A1", "SOP MEKANISME MONITORING RENSTRA SECARA PERIODIK")
    row(
        ws,
        3,
        1,
        ["NO", "Uraian Kegiatan", "Pelaksana", None, None, None, "Mutu Baku", None, None, "Ket"],
    )
    row(
        ws,
        4,
        3,
        [
            "Camat",
            "Sekretaris",
            "kepala seksi/lurah",
            "Kasubag Evlap",
            "Persyaratan/Kelengkapan",
            "Waktu",
            "Output",
        ],
    )
    row(ws, 5, 1, list(range(1, 11)))
    table(ws, 6, 1, 3, RENSTRA, lanes=4)
    return wb


def tanpa_tabel() -> Workbook:
    """A real workbook with no SOP table in it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    row(ws, 1, 1, ["Bulan", "Realisasi", "Target"])
    row(ws, 2, 1, ["Januari", 10, 12])
    return wb


TYPED = {
    "ketik_masama_perbaikan": masama_perbaikan,
    "ketik_martapura_pengumpulan": martapura_pengumpulan,
    "ketik_martapura_monitoring_c5": martapura_monitoring_c5,
    "ketik_masama_pengumpulan_ceklis": masama_pengumpulan_ceklis,
    "ketik_bappeda_identitas": bappeda_identitas,
    "ketik_bps_kolom_terpisah": bps_kolom_terpisah,
    "ketik_renstra_angka": renstra_angka,
}
