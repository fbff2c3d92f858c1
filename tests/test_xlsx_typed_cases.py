"""Smaller hand-typed cases, each built here with openpyxl for one rule of the reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from kinerja_desktop.core.errors import FileFormatError
from kinerja_desktop.core.sop import StepKind
from kinerja_desktop.exchange.sop_xlsx import SopImport, read_sop_workbook

HEAD = ["No", "Uraian", "Camat", "Sekretaris", "Kelengkapan", "Waktu", "Output", "Ket"]


def typed(
    tmp_path: Path, *sheets: tuple[str, list[list[object]]], merges: tuple[str, ...] = ()
) -> SopImport:
    """A workbook with one sheet per (title, rows); `merges` apply to the first sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    for ref in merges:
        wb.worksheets[0].merge_cells(ref)
    path = tmp_path / "ketik.xlsx"
    wb.save(path)
    return read_sop_workbook(path)


def test_waktu_in_hours_gets_its_unit(tmp_path: Path) -> None:
    head = [*HEAD[:5], "Waktu (jam)", *HEAD[6:]]
    result = typed(tmp_path, ("SOP", [head, [1, "Camat memeriksa", "x", None, "A", 2, "B"]]))
    assert result.document.steps[0].mutu_baku.waktu == "2 jam"
    assert any("satuan 'jam'" in n.message for n in result.notes)


def test_unnamed_role_columns(tmp_path: Path) -> None:
    head = ["No", "Uraian", "Camat", None, None, "Kelengkapan", "Waktu", "Output"]
    rows = [head, [1, "Camat memeriksa", "x"], [2, "Menyusun laporan", None, None, "x"]]
    doc = typed(tmp_path, ("SOP", rows)).document
    # The unnamed, unmarked column is a spacer; the unnamed, marked one gets a name.
    assert [lane.nama for lane in doc.lanes] == ["Camat", "Pelaksana 3"]
    assert [doc.lane_by_id()[x].nama for x in doc.steps[1].pelaksana] == ["Pelaksana 3"]


def test_step_spilling_over_two_rows_and_a_list_below(tmp_path: Path) -> None:
    rows = [
        HEAD,
        [1, "Camat memerintahkan", "x", None, "Disposisi", "10 menit", "Perintah"],
        [2, "Sekretaris menyusun konsep", None, "x", "Perintah", "1 jam", "Konsep"],
        [None, "laporan bulanan", None, None, None, None, "tertulis"],
        [3, "Camat menandatangani", "x", None, "Konsep", "15 menit", "Laporan"],
        [],
        ["LEMBAR KERJA"],
        [1, "Langkah awal …"],
    ]
    result = typed(tmp_path, ("SOP", rows))
    doc = result.document
    assert [s.uraian for s in doc.steps] == [
        "Camat memerintahkan",
        "Sekretaris menyusun konsep laporan bulanan",
        "Camat menandatangani",
    ]
    assert doc.steps[1].mutu_baku.output == "Konsep tertulis"
    assert any("mulai lagi dari 1" in n.message for n in result.notes)


def test_identity_in_one_cell_and_a_nip_typed_as_a_number(tmp_path: Path) -> None:
    rows = [
        ["NOMOR SOP : 12/KEC/2024"],
        ["Judul SOP", ":", "Pelayanan Surat"],
        ["NIP", 196801271986111001],
        ["Dasar Hukum :", "1. UU 30/2014", None, "Peringatan :"],
        [None, "2. PP 60/2008", None, "1. Jangan terlambat"],
        [],
        HEAD,
        [1, "Camat memeriksa", "Mulai"],
    ]
    result = typed(tmp_path, ("SOP", rows))
    doc = result.document
    assert doc.nomor == "12/KEC/2024"
    assert doc.judul == "Pelayanan Surat"
    assert doc.dasar_hukum == ["UU 30/2014", "PP 60/2008"]
    assert doc.peringatan == ["Jangan terlambat"]
    assert len(doc.pengesahan.nip) == 18
    assert any(n.level == "ragu" and "NIP" in n.message for n in result.notes)
    assert doc.steps[0].jenis is StepKind.MULAI


def test_two_tables_the_first_is_imported(tmp_path: Path) -> None:
    sop = [HEAD, [1, "Camat memeriksa", "x"]]
    result = typed(tmp_path, ("SOP A", sop), ("SOP B", sop))
    assert result.notes[0].message.startswith("Dibaca dari lembar 'SOP A'")
    assert any("2 tabel langkah" in n.message for n in result.notes)


def test_table_without_role_columns(tmp_path: Path) -> None:
    rows = [["No", "Uraian", "Kelengkapan", "Waktu", "Output"], [1, "Camat memeriksa"]]
    result = typed(tmp_path, ("SOP", rows))
    assert result.document.lanes == []
    assert any("tidak punya kolom Pelaksana" in n.message for n in result.notes)


def test_header_without_steps_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="tidak ada satu langkah pun"):
        typed(tmp_path, ("Kosong", [HEAD, [4], [5]]))  # numbered template rows, nothing typed


def test_column_number_row_typed_in_excel_as_negative_numbers(tmp_path: Path) -> None:
    # Excel reads a typed "(1)" as the number -1.
    rows = [HEAD, [-n for n in range(1, 9)], [1, "Camat memeriksa", "x"]]
    doc = typed(tmp_path, ("SOP", rows)).document
    assert [s.uraian for s in doc.steps] == ["Camat memeriksa"]


def test_signature_block_under_a_merged_disahkan_label(tmp_path: Path) -> None:
    rows = [
        ["Disahkan oleh", None, ":", "CAMAT MASAMA,"],
        [None, None, None, None],
        [None, None, None, "Drs. KAMALUDDIN, M.Si"],
        [None, None, None, "Pembina Tk. I, IV/b"],
        [None, None, None, "NIP. 19680127 198611 1 001"],
        ["Judul SOP", None, ":", "Pelayanan Surat"],
        [],
        HEAD,
        [1, "Camat memeriksa", "x"],
    ]
    result = typed(tmp_path, ("SOP", rows), merges=("A1:B1", "A6:B6"))
    p = result.document.pengesahan
    assert (p.jabatan, p.nama, p.pangkat, p.nip) == (
        "CAMAT MASAMA",
        "Drs. KAMALUDDIN, M.Si",
        "Pembina Tk. I, IV/b",
        "196801271986111001",
    )
    assert result.document.judul == "Pelayanan Surat"
