"""The batched painter of report table rows (exchange.pdf.kinerja.paint): the same
text as the cell-by-cell drawing, in order and extractable, every cell edge
stroked, fills under the text, fonts embedded; a long table's kept height, and
the collector pause around a report."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pypdf
import pytest
from test_pdf_support import font_problems

from kinerja_desktop.exchange.pdf.fonts import SANS, SANS_BOLD
from kinerja_desktop.exchange.pdf.kinerja.blocks import TableBlock
from kinerja_desktop.exchange.pdf.kinerja.grid import Grid, Span, draw_row, measure_row, pen
from kinerja_desktop.exchange.pdf.kinerja.paint import paint_rows
from kinerja_desktop.exchange.pdf.output import collection_paused, new_canvas
from kinerja_desktop.exchange.pdf.text import CENTER, RIGHT, Style

CELL = Style(SANS, 7, 8.5)
EDGES = (40.0, 70.0, 190.0, 250.0, 300.0)
TOP = 500.0


def _rows():
    grid = Grid(EDGES)
    fig = CELL.with_(align=RIGHT)
    rows = [
        measure_row(
            grid,
            [
                Span(0, str(n), CELL.with_(align=CENTER)),
                Span(1, f"Indikator nomor {n} dengan uraian yang cukup panjang × é", CELL),
                Span(2, f"{n * 1234},5", fig, figure=True, fill="#D9E2F3"),
                Span(3, "ok" if n % 2 else "", CELL.with_(font=SANS_BOLD)),
            ],
        )
        for n in range(1, 6)
    ]
    rows.append(measure_row(grid, [Span(0, "Jumlah", CELL.with_(underline=True), cols=4)]))
    return grid, rows


def _write(path: Path, batched: bool) -> None:
    grid, rows = _rows()
    c = new_canvas(str(path), (400, 600), "uji", "uji")
    if batched:
        paint_rows(c, grid, rows, TOP)
    else:
        pen(c)
        top = TOP
        for row in rows:
            top = draw_row(c, grid, row, top)
    c.showPage()
    c.save()


def _text(path: Path) -> str:
    return " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())


def test_painted_rows_read_as_the_cell_by_cell_drawing(tmp_path: Path) -> None:
    _write(tmp_path / "plain.pdf", batched=False)
    _write(tmp_path / "batched.pdf", batched=True)
    text = _text(tmp_path / "batched.pdf")
    assert text == _text(tmp_path / "plain.pdf")
    at = [text.index(f"Indikator nomor {n}") for n in range(1, 6)]
    assert at == sorted(at) and "× é" in text and "6170,5" in text
    assert text.endswith("Jumlah")  # the underlined cell, drawn the plain way
    assert font_problems(tmp_path / "batched.pdf") == []


def _segments(path: Path) -> tuple[list[tuple[float, ...]], str]:
    content = pypdf.PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")
    found = re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l", content)
    return [tuple(float(v) for v in f) for f in found], content


def _covered(segments, x0: float, y0: float, x1: float, y1: float) -> bool:
    def on(s) -> bool:
        if x0 == x1:  # vertical
            return (abs(s[0] - x0) < 0.01 and abs(s[2] - x0) < 0.01) and (
                min(s[1], s[3]) <= y0 + 0.01 and max(s[1], s[3]) >= y1 - 0.01
            )
        return (abs(s[1] - y0) < 0.01 and abs(s[3] - y0) < 0.01) and (
            min(s[0], s[2]) <= x0 + 0.01 and max(s[0], s[2]) >= x1 - 0.01
        )

    return any(on(s) for s in segments)


def test_every_cell_edge_is_stroked_and_fills_come_first(tmp_path: Path) -> None:
    _write(tmp_path / "batched.pdf", batched=True)
    segments, content = _segments(tmp_path / "batched.pdf")
    _grid, rows = _rows()
    top = TOP
    for row in rows:
        bottom = top - row.height
        for s in (c.span for c in row.cells):
            x0, x1 = EDGES[s.col], EDGES[s.col + s.cols]
            assert _covered(segments, x0, top, x1, top), (s.text, "top")
            assert _covered(segments, x0, bottom, x1, bottom), (s.text, "bottom")
            assert _covered(segments, x0, bottom, x0, top), (s.text, "left")
            assert _covered(segments, x1, bottom, x1, top), (s.text, "right")
        top = bottom
    # the interior column edges are one line over the five framed rows, drawn once
    assert sum(1 for s in segments if s[0] == s[2] == EDGES[2]) == 1
    assert content.index(" re\n") < content.index("\nS\n") < content.index("\nBT\n")


def test_a_long_table_split_page_by_page_keeps_its_height(tmp_path: Path) -> None:
    grid, rows = _rows()
    block = TableBlock(grid, [], rows * 40)
    pages = 0
    while block is not None:
        assert block.height() == pytest.approx(sum(r.height for r in block.rows), abs=1e-6)
        head, block = block.split(200.0)
        assert head is not None and sum(r.height for r in head.rows) <= 200.0 + 1e-6
        pages += 1
    assert pages > 3


def test_the_collector_pause_nests_and_ends() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with collection_paused():
            with collection_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()  # a collector already off stays off
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_two_tables_of_one_document_keep_their_own_edges(tmp_path: Path) -> None:
    narrow = Grid((40.0, 60.0, 100.0))
    wide = Grid((40.0, 150.0, 300.0))
    c = new_canvas(str(tmp_path / "two.pdf"), (400, 600), "uji", "uji")
    for grid, top in ((narrow, 500.0), (wide, 300.0)):
        row = measure_row(grid, [Span(0, "a", CELL), Span(1, "b", CELL)])
        paint_rows(c, grid, [row], top)
    c.showPage()
    c.save()
    segments, _content = _segments(tmp_path / "two.pdf")
    downs = {s[0] for s in segments if s[0] == s[2]}
    assert {60.0, 100.0, 150.0, 300.0} <= downs
