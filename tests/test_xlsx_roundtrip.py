"""Our own export reads back as the same SOP: generated SOPs, a LibreOffice-saved copy,
an edited copy, the demo library; formulas never appear; the file is written atomically."""

from __future__ import annotations

import json
import operator
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    LembarKerjaInfo,
    MutuBaku,
    MutuBakuHeads,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    serialize,
)
from kinerja_desktop.exchange import sop_xlsx
from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook, write_sop_workbook

DATA = Path(__file__).resolve().parent / "data" / "xlsx"
DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "sop"
LO_FIXTURE = DATA / "kinerja_ekspor_libreoffice.xlsx"


def shape(doc: SopDocument) -> dict[str, Any]:
    """The document as a dict with every id replaced by a position (structural identity)."""
    data = serialize.to_dict(doc)
    lane_pos = {lane["id"]: i for i, lane in enumerate(data["lanes"])}
    step_pos = {step["id"]: i for i, step in enumerate(data["steps"])}
    data["lanes"] = [lane["nama"] for lane in data["lanes"]]
    for step in data["steps"]:
        step.pop("id")
        step.pop("pelaksana_ditebak", None)
        step["pelaksana"] = sorted(lane_pos[x] for x in step["pelaksana"])
        for ex in step.get("exits", []):
            ex["target"] = None if ex["target"] is None else step_pos[ex["target"]]
    return data


def assert_same_sop(got: SopDocument, expected: SopDocument) -> None:
    assert shape(got) == shape(expected)
    assert serialize.content_hash(got) == serialize.content_hash(expected)


def fixture_doc() -> SopDocument:
    """The SOP behind the LibreOffice-saved fixture (decisions, duplicate lanes, = + - @ …)."""
    return serialize.from_dict(json.loads(LO_FIXTURE.with_suffix(".json").read_text("utf-8")))


def round_trip(doc: SopDocument, tmp_path: Path) -> sop_xlsx.SopImport:
    path = tmp_path / "sop.xlsx"
    write_sop_workbook(doc, path)
    return read_sop_workbook(path)


# -- the fixed sample and the LibreOffice-saved copy -------------------------------------
def test_export_reads_back_the_same_sop(tmp_path: Path) -> None:
    doc = fixture_doc()
    result = round_trip(doc, tmp_path)
    assert result.layout == "kinerja"
    assert_same_sop(result.document, doc)
    assert {s.id for s in result.document.steps}.isdisjoint({s.id for s in doc.steps})
    assert not [n for n in result.notes if n.level != "info"]
    assert any("sama persis" in n.message for n in result.notes)


def test_the_offices_mutu_baku_heads_survive_export_and_import(tmp_path: Path) -> None:
    doc = fixture_doc()
    doc.mutu_baku_heads = MutuBakuHeads("Sumber Data", "Waktu Penyelesaian", "Hasil Kerja")
    got = round_trip(doc, tmp_path).document
    assert got.mutu_baku_heads == doc.mutu_baku_heads
    assert_same_sop(got, doc)


def test_libreoffice_saved_export_reads_back_the_same_sop() -> None:
    """The committed fixture was exported, then opened and saved again by LibreOffice Calc."""
    with zipfile.ZipFile(LO_FIXTURE) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()  # openpyxl writes inline strings only
    result = read_sop_workbook(LO_FIXTURE)
    assert result.layout == "kinerja"
    assert_same_sop(result.document, fixture_doc())


def test_empty_sop_round_trips(tmp_path: Path) -> None:
    doc = SopDocument(nomor="001/X/2024")
    result = round_trip(doc, tmp_path)
    assert result.layout == "kinerja"
    assert_same_sop(result.document, doc)


# -- generated SOPs ------------------------------------------------------------------------
_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co"))
_PLAIN = st.text(alphabet=st.one_of(_CHARS, st.just("\n")), max_size=30)
_SPECIAL = st.sampled_from(
    [
        "",
        " ",
        "  spasi  ",
        "_x0041_",
        "1.",
        "120",
        "0012",
        "1e5",
        "TRUE",
        "#N/A",
        "Mulai",
        "Selesai",
        "berikutnya",
        "Ya",
        "No",
        "Uraian",
        "Pelaksana",
        "Waktu",
        "(1)",
        "Jawaban 1",
    ]
)
_TEXT = st.one_of(
    _SPECIAL, st.builds(operator.add, st.sampled_from(["=", "+", "-", "@", ""]), _PLAIN)
)
_LONG = st.text(alphabet=st.sampled_from("abc dé中\n=-"), min_size=300, max_size=1500)
URAIAN = st.one_of(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _LONG)
LANE_NAMES = st.one_of(st.sampled_from(["Camat", "Sekretaris", "Kasubag Perencanaan"]), _TEXT)
DATES = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2100, 12, 31)))


@st.composite
def documents(draw: st.DrawFn) -> SopDocument:
    lanes = [Lane(draw(LANE_NAMES)) for _ in range(draw(st.integers(0, 6)))]
    steps = []
    for _ in range(draw(st.integers(0, 8))):
        chosen = (
            draw(st.lists(st.integers(0, len(lanes) - 1), unique=True, max_size=3)) if lanes else []
        )
        steps.append(
            Step(
                draw(URAIAN),
                [lanes[i].id for i in sorted(chosen)],
                draw(st.sampled_from(list(StepKind))),
                MutuBaku(draw(_TEXT), draw(_TEXT), draw(_TEXT)),
                keterangan=draw(_TEXT),
            )
        )
    ids = [s.id for s in steps]
    for step in steps:
        if step.is_decision:
            targets = st.one_of(st.none(), st.sampled_from(ids))
            step.exits = [
                DecisionExit(draw(_TEXT), draw(targets)) for _ in range(draw(st.integers(0, 3)))
            ]
    lists = st.lists(_TEXT, max_size=2)
    return SopDocument(
        nomor=draw(_TEXT),
        judul=draw(_TEXT),
        tanggal_pembuatan=draw(DATES),
        tanggal_revisi=draw(DATES),
        tanggal_efektif=draw(DATES),
        pengesahan=Pengesahan(draw(_TEXT), draw(_TEXT), draw(_TEXT), draw(_TEXT)),
        status=draw(st.sampled_from(list(SopStatus))),
        revisi_ke=draw(st.integers(0, 50)),
        unit=draw(_TEXT),
        kop=draw(lists),
        dasar_hukum=draw(lists),
        kualifikasi_pelaksana=draw(lists),
        keterkaitan=draw(lists),
        peralatan_perlengkapan=draw(lists),
        peringatan=draw(lists),
        pencatatan_pendataan=draw(lists),
        identifikasi_risiko=draw(lists),
        lanes=lanes,
        steps=steps,
        lembar_kerja=LembarKerjaInfo(
            draw(_TEXT), draw(_TEXT), draw(_TEXT), draw(_TEXT), draw(st.booleans())
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_generated_sops_round_trip(
    doc: SopDocument, tmp_path_factory: pytest.TempPathFactory
) -> None:
    result = round_trip(doc, tmp_path_factory.mktemp("rt"))
    assert result.layout == "kinerja"
    assert_same_sop(result.document, doc)


# -- what the file looks like -------------------------------------------------------------
def _sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {
            name: zf.read(name).decode("utf-8")
            for name in zf.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        }


def test_formula_like_text_is_stored_as_text(tmp_path: Path) -> None:
    doc = fixture_doc()
    doc.judul = '=HYPERLINK("http://x")'
    doc.lanes[1].nama = "+Sekretaris"
    doc.steps[0].uraian = "=SUM(A1:A3)"
    doc.steps[0].keterangan = "@SUM(1)"
    doc.steps[3].exits[0].label = "-Ya"
    doc.dasar_hukum.append("=1+1")
    path = tmp_path / "rumus.xlsx"
    write_sop_workbook(doc, path)
    xml = "".join(_sheet_xml(path).values())
    assert "<f>" not in xml and "<f " not in xml
    for text in ("=SUM(A1:A3)", "@SUM(1)", "-Ya", "+Sekretaris", "=1+1", "=096/MB/2023"):
        escaped = text.replace("&", "&amp;").replace('"', "&quot;")
        assert re.search(rf"<t[^>]*>{re.escape(escaped)}</t>", xml), text
    assert_same_sop(read_sop_workbook(path).document, doc)


def test_libreoffice_kept_formula_like_text_as_text() -> None:
    xml = "".join(_sheet_xml(LO_FIXTURE).values())
    assert "<f>" not in xml and "<f " not in xml
    with zipfile.ZipFile(LO_FIXTURE) as zf:
        strings = zf.read("xl/sharedStrings.xml").decode("utf-8")
    assert "=Menyusun format (bukan rumus)" in strings


def test_langkah_sheet_is_laid_out_for_people(tmp_path: Path) -> None:
    doc = fixture_doc()
    path = tmp_path / "tata.xlsx"
    write_sop_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Identitas", "Langkah", "Petunjuk"]
    ws = wb["Langkah"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A4:A5", "B4:B5", "C4:F4", "G4:I4"} <= merged  # No, Uraian, Pelaksana, Mutu Baku
    assert [ws.cell(4, c).value for c in (1, 2, 3, 7, 10, 11, 12)] == [
        "No.",
        "Uraian Prosedur",
        "Pelaksana",
        "Mutu Baku",
        "Keterangan",
        "Simbol",
        "Cabang Keputusan",
    ]
    assert [ws.cell(5, c).value for c in range(3, 10)] == [
        "Camat",
        "Sekretaris",
        "Kasubag Perencanaan",
        "Kasubag Perencanaan",
        "Kelengkapan",
        "Waktu",
        "Output",
    ]
    assert ws.cell(6, 1).value == "(1)"
    # Step 1 is Mulai in Camat's lane; step 4 a decision whose exits are readable.
    assert ws.cell(7, 3).value == "Mulai" and ws.cell(7, 4).value is None
    assert ws.cell(10, 4).value == "Keputusan"
    assert [ws.cell(10, c).value for c in range(12, 16)] == ["Sesuai", 6, "Tidak sesuai", 2]
    assert [ws.cell(12, c).value for c in range(12, 16)] == ["Setuju", "berikutnya", "Tolak", 4]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$4:$6"
    assert ws.freeze_panes == "C7"
    assert ws.column_dimensions["B"].width >= 40
    assert ws.cell(8, 2).alignment.wrap_text and ws.cell(8, 2).border.left.style == "thin"
    ident = wb["Identitas"]
    assert ident["A3"].value == "Nomor SOP" and ident["B3"].value == "=096/MB/2023"
    assert ident["B3"].data_type == "s"


def test_decision_exit_to_unknown_step_is_written_as_next(tmp_path: Path) -> None:
    doc = fixture_doc()
    doc.steps[3].exits[0].target = "tidak-ada"
    result = round_trip(doc, tmp_path)
    assert result.document.steps[3].exits[0].target is None


# -- a person edits the export ----------------------------------------------------------
def test_person_inserts_a_step_and_changes_marks(tmp_path: Path) -> None:
    doc = fixture_doc()
    path = tmp_path / "diedit.xlsx"
    write_sop_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Langkah"]
    ws.insert_rows(9)  # a new row between step 2 (row 8) and step 3
    ws.cell(9, 2, "Sekretaris memeriksa format")
    ws.cell(9, 4, "Proses")  # no number, no Simbol: typed by a person
    ws.cell(8, 5, "X")  # step 2: plain mark, the Simbol column tells the kind
    wb.save(path)
    result = read_sop_workbook(path)
    got = result.document
    assert len(got.steps) == len(doc.steps) + 1
    new = got.steps[2]
    assert new.uraian == "Sekretaris memeriksa format" and new.jenis is StepKind.PROSES
    assert [got.lane_by_id()[x].nama for x in new.pelaksana] == ["Sekretaris"]
    assert got.steps[1].jenis is StepKind.PROSES
    # Exit targets were written as step numbers: they still reach the same steps.
    decision = got.steps[4]
    assert [got.step_index(e.target) for e in decision.exits] == [6, 1]
    assert any("diubah" in n.message for n in result.notes)


def test_symbol_in_lane_cell_wins_over_simbol_column(tmp_path: Path) -> None:
    doc = fixture_doc()
    path = tmp_path / "simbol.xlsx"
    write_sop_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    wb["Langkah"].cell(8, 5, "Keputusan")  # step 2, Kasubag column
    wb.save(path)
    result = read_sop_workbook(path)
    assert result.document.steps[1].jenis is StepKind.KEPUTUSAN
    assert any(n.level == "ragu" and n.step == 2 for n in result.notes)


# -- atomic writing -----------------------------------------------------------------------
def test_failed_save_leaves_the_old_file_untouched(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "sop.xlsx"
    path.write_bytes(b"versi lama")

    def broken_save(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"setengah")
        raise OSError("disk penuh")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(KinerjaError, match="Tidak dapat menyimpan"):
        write_sop_workbook(fixture_doc(), path)
    assert path.read_bytes() == b"versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.xlsx"]


def test_text_too_long_for_a_cell_writes_nothing(tmp_path: Path) -> None:
    doc = fixture_doc()
    doc.steps[2].uraian = "x" * 40000
    path = tmp_path / "panjang.xlsx"
    with pytest.raises(KinerjaError, match="langkah 3"):
        write_sop_workbook(doc, path)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KinerjaError, match="Folder tujuan tidak ada"):
        write_sop_workbook(fixture_doc(), tmp_path / "tidak" / "ada.xlsx")


# -- a real spreadsheet program opens the export ------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_libreoffice_opens_and_saves_the_export(tmp_path: Path) -> None:
    doc = fixture_doc()
    src = tmp_path / "ekspor.xlsx"
    write_sop_workbook(doc, src)
    out = tmp_path / "lo"
    for fmt in ("xlsx", "pdf"):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp_path}/profil",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    assert_same_sop(read_sop_workbook(out / "ekspor.xlsx").document, doc)
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(out / "ekspor.pdf").pages)
    for word in ("Uraian Prosedur", "Cabang Keputusan", "Camat memerintahkan", "IDENTITAS SOP"):
        assert word in text


# -- the demo library ---------------------------------------------------------------------
_DEMO_FILES = sorted(DEMO.glob("*.json")) if DEMO.is_dir() else []


@pytest.mark.skipif(not _DEMO_FILES, reason="pustaka demo belum ada di resources/demo/sop")
@pytest.mark.parametrize("path", _DEMO_FILES, ids=lambda p: p.stem)
def test_demo_sop_round_trips(path: Path, tmp_path: Path) -> None:
    doc = serialize.from_dict(json.loads(path.read_text("utf-8")))
    result = round_trip(doc, tmp_path)
    assert result.layout == "kinerja"
    assert_same_sop(result.document, doc)
