"""core.sop.table_paste: rows copied from Excel or Word become steps, nothing dropped silently."""

from __future__ import annotations

from kinerja_desktop.core.sop import DecisionExit, Lane, SopDocument, Step, StepKind
from kinerja_desktop.core.sop.table_paste import (
    PasteKind,
    parse_kind,
    parse_rows,
    paste_kind,
    steps_from_rows,
)

COLUMNS = [
    "no",
    "uraian",
    "jenis",
    "lane:A",
    "lane:B",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
    "label1",
    "tujuan1",
    "label2",
    "tujuan2",
]


def _doc() -> SopDocument:
    return SopDocument(
        lanes=[Lane("Camat", "A"), Lane("Kasubag Perencanaan", "B")],
        steps=[Step("Mulai", ["A"], StepKind.MULAI, id="s1")],
    )


def test_what_the_clipboard_holds_decides_where_it_goes() -> None:
    assert paste_kind("satu kalimat saja\n") is PasteKind.CELL
    assert paste_kind("a\tb\r\nc\td\r\n") is PasteKind.TABLE
    assert paste_kind("baris satu\nbaris dua") is PasteKind.LINES


def test_excel_quoting_keeps_a_line_break_inside_a_cell() -> None:
    rows = parse_rows('1\t"Menyusun\nlaporan"\t10 menit\r\n2\tMemeriksa\t5 menit\r\n')
    assert rows == [["1", "Menyusun\nlaporan", "10 menit"], ["2", "Memeriksa", "5 menit"]]


def test_rows_from_the_first_column_fill_every_field_and_skip_the_header() -> None:
    text = (
        "No\tUraian\tJenis\tCamat\tKasubag\tKelengkapan\tWaktu\tOutput\tKeterangan\r\n"
        "2\tMenyusun konsep\tProses\t\tx\tData\t2 jam\tKonsep\t\r\n"
        "3\tKonsep benar?\tKeputusan\tv\t\tKonsep\t10 menit\t\t\tSetuju\t\tTolak\t2\r\n"
        "4\tSelesai\tselesai\t✓\t\t\t\t\t\r\n"
    )
    result = steps_from_rows(_doc(), parse_rows(text), COLUMNS, 1)
    first, decision, last = result.steps
    assert (first.uraian, first.jenis, first.pelaksana) == (
        "Menyusun konsep",
        StepKind.PROSES,
        ["B"],
    )
    assert (first.mutu_baku.kelengkapan, first.mutu_baku.waktu, first.mutu_baku.output) == (
        "Data",
        "2 jam",
        "Konsep",
    )
    assert decision.jenis is StepKind.KEPUTUSAN and decision.pelaksana == ["A"]
    assert decision.exits == [DecisionExit("Setuju", None), DecisionExit("Tolak", first.id)]
    assert last.jenis is StepKind.SELESAI
    assert "Baris judul kolom tidak ikut ditempel." in result.notes


def test_cells_beyond_the_table_go_to_keterangan_with_a_note() -> None:
    result = steps_from_rows(_doc(), [["Menyusun", "x", "lebih"]], ["uraian"], 1)
    (step,) = result.steps
    assert step.uraian == "Menyusun" and step.keterangan == "x lebih"
    assert any("Keterangan" in n for n in result.notes)


def test_a_lane_is_guessed_from_the_wording_when_none_is_marked() -> None:
    result = steps_from_rows(_doc(), [["Kasubag Perencanaan menyusun jadwal"]], ["uraian"], 1)
    (step,) = result.steps
    assert step.pelaksana == ["B"] and step.pelaksana_ditebak
    assert any("ditebak" in n for n in result.notes)


def test_unknown_kinds_become_proses_and_say_so() -> None:
    assert parse_kind("KEPUTUSAN") is StepKind.KEPUTUSAN and parse_kind("??") is None
    result = steps_from_rows(_doc(), [["Periksa", "segitiga"]], ["uraian", "jenis"], 1)
    assert result.steps[0].jenis is StepKind.PROSES
    assert any("segitiga" in n for n in result.notes)
