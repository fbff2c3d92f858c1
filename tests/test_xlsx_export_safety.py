"""The app's own export can always be imported again, and stays text in Excel.

U+FFFE, U+FFFF and lone surrogates in a document once made the export an
invalid workbook (or no workbook at all); text cells lacked `quotePrefix`, so
editing "=…" in Excel and pressing Enter turned it into a live formula.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_store import sample_doc

from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook, write_sop_workbook


@pytest.mark.parametrize("text", ["a\ufffeb", "a\uffffb", "\ufffe\uffff", "_xFFFE_ tetap teks"])
def test_characters_xml_cannot_hold_come_back_exactly(tmp_path: Path, text: str) -> None:
    doc = sample_doc()
    doc.steps[0].uraian = text
    doc.judul = f"Judul {text}"
    path = tmp_path / "sop.xlsx"
    write_sop_workbook(doc, path)
    back = read_sop_workbook(path).document
    assert back.steps[0].uraian == text
    assert back.judul == f"Judul {text}"


def test_a_lone_surrogate_becomes_the_replacement_character(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.steps[1].uraian = "setengah \ud800 huruf"
    path = tmp_path / "sop.xlsx"
    write_sop_workbook(doc, path)
    assert read_sop_workbook(path).document.steps[1].uraian == "setengah \ufffd huruf"


def test_text_cells_carry_quote_prefix(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.steps[0].uraian = '=HYPERLINK("http://contoh","klik")'
    doc.steps[1].mutu_baku.output = "+62 812"
    path = tmp_path / "sop.xlsx"
    write_sop_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    texts = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value
    ]
    assert texts and all(cell.quotePrefix for cell in texts)
    risky = [c for c in texts if c.value.startswith(("=", "+"))]
    assert {c.value for c in risky} >= {doc.steps[0].uraian, "+62 812"}
    assert all(c.data_type == "s" for c in risky)
    with zipfile.ZipFile(path) as zf:
        assert b'quotePrefix="1"' in zf.read("xl/styles.xml")
