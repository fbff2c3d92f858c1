"""Hand-typed SOP workbooks (modelled on the seed documents, saved by LibreOffice) are read
the way a person reads them, and the importer says what it assumed and what it doubts."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.core.sop import SopDocument, StepKind
from kinerja_desktop.exchange.sop_xlsx import ImportNote, SopImport, read_sop_workbook
from kinerja_desktop.exchange.sop_xlsx.header import find_table_header
from kinerja_desktop.exchange.sop_xlsx.labels import Col
from kinerja_desktop.exchange.xlsx.grid import SheetGrid

DATA = Path(__file__).resolve().parent / "data" / "xlsx"
M, P, K, S = StepKind.MULAI, StepKind.PROSES, StepKind.KEPUTUSAN, StepKind.SELESAI


def read(name: str) -> SopImport:
    result = read_sop_workbook(DATA / f"{name}.xlsx")
    assert result.layout == "ketik"
    return result


def lanes_of(doc: SopDocument) -> list[list[str]]:
    names = doc.lane_by_id()
    return [[names[x].nama for x in step.pelaksana] for step in doc.steps]


def notes_at(notes: list[ImportNote], level: str) -> list[int | None]:
    return [n.step for n in notes if n.level == level]


def test_every_corpus_file_was_saved_by_libreoffice() -> None:
    files = [*sorted(DATA.glob("ketik_*.xlsx")), DATA / "kinerja_ekspor_libreoffice.xlsx"]
    assert len(files) >= 8
    for path in files:
        with zipfile.ZipFile(path) as zf:
            app = zf.read("docProps/app.xml").decode("utf-8")
            assert "<Application>LibreOffice" in app, path.name
            assert "xl/sharedStrings.xml" in zf.namelist()  # openpyxl writes none


def test_masama_perbaikan_waktu_menit_and_identity_beside_the_kop() -> None:
    result = read("ketik_masama_perbaikan")
    doc = result.document
    assert [lane.nama for lane in doc.lanes] == [
        "Camat",
        "Sekretaris",
        "Kepala Seksi/Lurah",
        "Kasubag Evlap",
        "Pelaksana",
    ]
    assert len(doc.steps) == 9
    assert [s.jenis for s in doc.steps] == [M] + [P] * 7 + [S]
    assert lanes_of(doc) == [
        ["Camat"],
        ["Camat"],
        ["Sekretaris"],
        ["Pelaksana"],
        ["Kepala Seksi/Lurah"],
        ["Kepala Seksi/Lurah"],
        ["Kasubag Evlap"],
        ["Sekretaris"],
        ["Camat"],
    ]
    assert [s.mutu_baku.waktu for s in doc.steps] == [
        "120",
        "60",
        "60",
        "480",
        "120",
        "60",
        "30",
        "30",
        "30",
    ]
    assert doc.steps[0].mutu_baku.kelengkapan == "Dokumen data kinerja"
    assert any("menit" in n.message for n in result.notes if n.level == "info")
    # Identity: the boxed list beside the kop, lists side by side above the table.
    assert doc.judul == "Prosedur Perbaikan Data Kinerja"
    assert doc.kop == ["PEMERINTAH KABUPATEN BANGGAI", "KECAMATAN MASAMA"]
    assert doc.pengesahan.jabatan == "CAMAT MASAMA"
    assert doc.pengesahan.nama == "KAMALUDDIN DJANO, S.Pd., SH"
    assert doc.pengesahan.nip == "19681251986111001"
    assert len(doc.dasar_hukum) == 3 and doc.dasar_hukum[1].startswith("PP No. 60 Tahun 2008")
    assert doc.kualifikasi_pelaksana[0] == "Pendidikan Sarjana"
    assert len(doc.kualifikasi_pelaksana) == 3
    assert doc.peringatan == [
        "Apabila terjadi kesalahan data kinerja akan menghambat proses penilaian kinerja"
    ]
    # The signature block under the table is not a step.
    assert not any("CAMAT MASAMA" in s.uraian for s in doc.steps)
    assert notes_at(result.notes, "masalah") == []


def test_martapura_uraian_tugas_penanggung_jawab() -> None:
    result = read("ketik_martapura_pengumpulan")
    doc = result.document
    assert [lane.nama for lane in doc.lanes] == ["CAMAT", "SEKRETARIS", "KASUBAG PROGRAM"]
    assert [s.mutu_baku.waktu for s in doc.steps] == [
        "10 MENIT",
        "4 JAM",
        "30 Menit",
        "7 JAM",
        "7 JAM",
    ]
    assert doc.steps[0].keterangan == "Camat dan Sekcam"  # the Penanggung Jawab column
    assert doc.steps[1].mutu_baku.output == "KONSEP RENCANA KEGIATAN"
    # No Mulai/Selesai marks: the first and last steps become terminators, noted.
    assert [s.jenis for s in doc.steps] == [M, P, P, P, S]
    assert notes_at(result.notes, "info").count(1) == 1
    assert 5 in notes_at(result.notes, "info")
    # Step 3 has no mark and its wording names no actor.
    assert doc.steps[2].pelaksana == []
    assert notes_at(result.notes, "masalah") == [3]
    assert doc.nomor == "096/ MB/ 2023"
    assert doc.judul == "PENGUMPULAN DATA KINERJA"
    assert doc.tanggal_pembuatan == date(2023, 2, 16)
    assert doc.tanggal_efektif == date(2023, 2, 16)  # "TANGGAL PENGESAHAN"
    assert doc.pengesahan.jabatan == "CAMAT MARTAPURA BARAT"
    assert doc.kop == ["PEMERINTAH KABUPATEN BANJAR", "KECAMATAN MARTAPURA BARAT"]
    assert len(doc.dasar_hukum) == 2 and doc.keterkaitan == ["SOP PENGUMPULAN DATA KINERJA"]
    assert doc.identifikasi_risiko[1].startswith("Pada prosedur 3 (tiga)")


def test_table_at_c5_with_decisions_in_the_wording() -> None:
    result = read("ketik_martapura_monitoring_c5")
    doc = result.document
    assert len(doc.steps) == 11  # the blank row between steps 6 and 7 is skipped
    assert doc.judul == "MONITORING KINERJA"
    assert [s.jenis for s in doc.steps] == [M, P, P, P, P, K, P, K, P, P, S]
    six, eight = doc.steps[5], doc.steps[7]
    # "Jika setuju … jika tidak dikembalikan untuk diperbaiki": Ya goes on, Tidak goes back
    # to the step whose Output is this step's Kelengkapan.
    assert [(e.label, e.target) for e in six.exits] == [("Ya", None), ("Tidak", doc.steps[4].id)]
    assert [(e.label, e.target) for e in eight.exits] == [("Ya", None), ("Tidak", doc.steps[6].id)]
    assert {6, 8} <= set(notes_at(result.notes, "ragu"))
    assert lanes_of(doc)[7] == ["CAMAT"]


def test_merged_pelaksana_with_check_marks_and_column_numbers() -> None:
    result = read("ketik_masama_pengumpulan_ceklis")
    doc = result.document
    assert [lane.nama for lane in doc.lanes] == [
        "Camat",
        "Sekretaris",
        "Kepala Seksi/ Lurah",
        "Kasubag",
        "Kasubag Perenc",
    ]
    assert len(doc.steps) == 9  # the "(1) (2) …" row is not a step
    assert doc.steps[0].uraian.startswith("Perintah untuk melakukan")
    assert lanes_of(doc)[3] == ["Kepala Seksi/ Lurah", "Kasubag Perenc"]  # a joint step
    assert lanes_of(doc)[4] == ["Kepala Seksi/ Lurah"]  # √ marks too
    assert doc.steps[0].jenis is M and doc.steps[-1].jenis is S
    assert doc.steps[0].mutu_baku.output == "Lembar disposisi"  # the "Ouput" column
    assert not any(s.pelaksana_ditebak for s in doc.steps)
    assert notes_at(result.notes, "masalah") == []


def test_no_marks_at_all_every_lane_guessed_from_the_wording() -> None:
    result = read("ketik_bappeda_identitas")
    doc = result.document
    assert lanes_of(doc) == [
        ["Kepala Bappeda & Litbang"],
        [],
        ["Sekretaris"],
        ["Kabid Renum"],
        ["Jabatan Pelaksana"],
        ["Kabid Renum"],
        [],
        [],
        ["Sekretaris"],
        ["Kepala Bappeda & Litbang"],
    ]
    guessed = [i + 1 for i, s in enumerate(doc.steps) if s.pelaksana_ditebak]
    assert guessed == [1, 3, 4, 5, 6, 9, 10]
    assert notes_at(result.notes, "ragu")[: len(guessed)] == guessed
    assert notes_at(result.notes, "masalah") == [2, 7, 8]
    # The "Identitas" sheet in key/value form.
    assert doc.nomor == "205/050/01/Bappeda & Litbang"
    assert doc.judul == "Mekanisme Perbaikan Data Kinerja"
    assert doc.tanggal_pembuatan == date(2020, 2, 5)
    assert doc.pengesahan.nama == "MOH. RAMEL TONGKO, S.Sos, ST., M.Si"
    assert doc.pengesahan.pangkat == "PEMBINA UTAMA MUDA, IV/c"
    assert doc.pengesahan.nip == "196908151998031008"
    assert doc.dasar_hukum[0].startswith("PP No. 79 Tahun 2005")
    assert len(doc.dasar_hukum) == 2
    assert doc.peralatan_perlengkapan == ["Alat tulis kantor", "Komputer/laptop", "Printer"]
    assert doc.kop[0] == "PEMERINTAH KABUPATEN BANGGAI"
    assert doc.lembar_kerja.ruang_lingkup == "Bappeda dan Litbang Kab. Banggai"


def test_role_columns_outside_the_pelaksana_group_and_a_merged_mark() -> None:
    result = read("ketik_bps_kolom_terpisah")
    doc = result.document
    assert [lane.nama for lane in doc.lanes] == [
        "Tim Kerja",
        "Tim Sakip",
        "Tim Perencanaan, Penganggaran dan Pemantauan Evaluasi",
        "Kepala",
    ]
    assert len(doc.steps) == 9
    assert len(doc.steps[6].pelaksana) == 4  # one mark merged across four role columns
    assert doc.steps[0].mutu_baku.kelengkapan.startswith("Realisasi")  # "Sumber Data"
    assert doc.mutu_baku_heads.kelengkapan == "Sumber Data"  # the office's own words kept
    assert doc.steps[0].mutu_baku.waktu == "1 – 20 Hari Kerja"
    decision = doc.steps[1]  # marked with a diamond glyph
    assert decision.jenis is K
    assert [(e.label, e.target) for e in decision.exits] == [
        ("Ya", None),
        ("Tidak", doc.steps[0].id),
    ]
    assert 2 in notes_at(result.notes, "ragu")
    assert any("Identitas SOP" in n.message for n in result.notes)


def test_cover_sheet_first_plain_number_row_and_written_times() -> None:
    result = read("ketik_renstra_angka")
    doc = result.document
    assert result.notes[0].message.startswith("Dibaca dari lembar 'Monitoring Renstra'")
    assert len(doc.steps) == 7
    assert [s.mutu_baku.waktu for s in doc.steps] == [
        "10 Menit",
        "2 Jam",
        "1 Jam",
        "2 jam",
        "1Hari",
        "1 Hari",
        "1 jam",
    ]
    assert doc.steps[1].mutu_baku.kelengkapan == "RENSTRA Kec. Masama"  # Persyaratan/Kelengkapan
    assert lanes_of(doc)[1] == ["Kasubag Evlap"] and doc.steps[1].pelaksana_ditebak
    assert lanes_of(doc)[5] == ["Sekretaris"] and doc.steps[5].pelaksana_ditebak
    assert lanes_of(doc)[4] == ["Kasubag Evlap"] and not doc.steps[4].pelaksana_ditebak
    assert doc.steps[3].pelaksana == []
    assert notes_at(result.notes, "masalah") == [4]
    assert doc.steps[0].jenis is M and doc.steps[-1].jenis is S
    assert not any("dijadikan" in n.message for n in result.notes)  # the marks said so


def test_read_only_mode_does_not_trust_a_wrong_dimension() -> None:
    """The sheet claims A1:C3 but holds 15 rows; openpyxl alone would stop at row 3."""
    path = DATA / "ketik_dimensi_salah.xlsx"
    wb = openpyxl.load_workbook(path, read_only=True)
    naive = list(wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert len(naive) == 3
    doc = read("ketik_dimensi_salah").document
    assert len(doc.steps) == 9
    assert doc.steps[-1].uraian.startswith("Melakukan rekapitulasi data kinerja Kec. Masama")


# -- smaller cases, on grids ----------------------------------------------------------------
def grid(
    rows: list[list[object]], merges: list[tuple[int, int, int, int]] | None = None
) -> SheetGrid:
    return SheetGrid("Lembar1", [list(r) for r in rows], merges or [])


@pytest.mark.parametrize(
    ("no", "uraian", "ket"),
    [
        ("No", "Uraian Prosedur", "Keterangan"),
        ("No.", "Uraian Kegiatan", "Ket"),
        ("NO", "Kegiatan", "Ket."),
        ("No", "Aktivitas", "Penanggung Jawab"),
        ("No", "URAIAN TUGAS", "KETERANGAN"),
        ("No", "Uraian", "Catatan"),
    ],
)
def test_column_names_offices_use(no: str, uraian: str, ket: str) -> None:
    g = grid(
        [
            ["Judul apa saja"],
            [],
            [
                None,
                no,
                uraian,
                "Camat",
                "Sekcam",
                "Persyaratan/Kelengkapan",
                "Waktu (menit)",
                "Output",
                ket,
            ],
            [None, 1, "Memerintahkan", "x"],
        ]
    )
    header = find_table_header(g)
    assert header is not None
    assert header.top == 2 and header.first_data_row == 3
    assert header.col(Col.NO) == 1 and header.col(Col.URAIAN) == 2
    assert [name for _c, name in header.lanes] == ["Camat", "Sekcam"]
    assert [header.col(k) for k in (Col.KELENGKAPAN, Col.WAKTU, Col.OUTPUT, Col.KETERANGAN)] == [
        5,
        6,
        7,
        8,
    ]
    assert header.waktu_heading == "Waktu (menit)"


def test_pelaksana_column_named_pelaksana_under_the_group() -> None:
    g = grid(
        [
            ["No", "Uraian", "Pelaksana", None, "Mutu Baku", None, None, "Ket"],
            [None, None, "Camat", "Pelaksana", "Kelengkapan", "Waktu", "Output"],
            ["1", "x", "Mulai"],
        ],
        merges=[(0, 2, 0, 3), (0, 4, 0, 6), (0, 0, 1, 0), (0, 1, 1, 1), (0, 7, 1, 7)],
    )
    header = find_table_header(g)
    assert header is not None
    assert [name for _c, name in header.lanes] == ["Camat", "Pelaksana"]
    assert header.first_data_row == 2


def test_no_header_means_no_table() -> None:
    assert find_table_header(grid([["Bulan", "Realisasi"], ["Januari", 3]])) is None
    assert find_table_header(grid([["Uraian"], ["Memerintahkan"]])) is None
