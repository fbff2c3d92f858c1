"""The Perjanjian Kinerja as PDF (portrait): the statement page with PIHAK
PERTAMA and PIHAK KEDUA (Plt./Plh. as the document says), the lampiran
(No · Sasaran · Indikator Kinerja · Target · Satuan; Program · Anggaran) and
the rencana aksi per triwulan, each signed by both parties.
"""

from __future__ import annotations

from kinerja_desktop.core.kinerja.laporan import PkLaporan
from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..text import CENTER, RIGHT, Style, TextLine, paragraph
from .blocks import Block, Lines, PageBreak, TableBlock
from .common import (
    HEAD_FILL,
    TOTAL_FILL,
    columns_block,
    person_lines,
    place_date,
    rupiah,
    titles,
)
from .grid import MIDDLE, Grid, Span, edges_of, measure_head, measure_row

TEXT = Style(SANS, 10.5, 15)
CELL = Style(SANS, 8.5, 10.5)
HEAD = Style(SANS_BOLD, 8.5, 10.5, CENTER)
LABEL_W = 28 * MM


def _statement(r: PkLaporan, frame: Frame) -> list[Block]:
    blocks: list[Block] = []
    for text in r.pernyataan:
        if "\t" in text:
            label, value = text.split("\t", 1)
            lines = paragraph(f": {value}", TEXT, frame.width - 10 * MM, LABEL_W)
            lines[0] = TextLine(lines[0].text, TEXT, LABEL_W, label)
            blocks.append(Lines(lines, frame.left + 10 * MM, frame.width - 10 * MM, 0.5 * MM))
        else:
            lines = paragraph(text, TEXT.with_(align="left"), frame.width)
            blocks.append(Lines(lines, frame.left, frame.width, 3 * MM))
    return blocks


def _signatures(r: PkLaporan, frame: Frame) -> list[Block]:
    date_line = Lines(
        paragraph(place_date(r.kop), TEXT.with_(align=CENTER), frame.width / 2),
        frame.left + frame.width / 2,
        frame.width / 2,
        8 * MM,
        keep_with_next=True,
    )
    second = person_lines(
        r.pihak_kedua,
        frame.width / 2 - 8,
        ["PIHAK KEDUA,", r.pihak_kedua.jabatan_ttd.upper()],
        20 * MM,
    )
    first = person_lines(
        r.pihak_pertama,
        frame.width / 2 - 8,
        ["PIHAK PERTAMA,", r.pihak_pertama.jabatan_ttd.upper()],
        20 * MM,
    )
    return [date_line, columns_block([second, first], frame, 2 * MM)]


def _head(grid_edges: tuple[float, ...], titles_: list[str]) -> Grid:
    return Grid(
        grid_edges,
        (tuple(Span(i, t, HEAD, fill=HEAD_FILL, valign=MIDDLE) for i, t in enumerate(titles_)),),
    )


def _lampiran(r: PkLaporan, frame: Frame) -> list[Block]:
    grid = _head(
        edges_of(frame.left, frame.width, [0.5, 3.0, 3.6, 1.2, 1.1]),
        ["No", "Sasaran", "Indikator Kinerja", "Target", "Satuan"],
    )
    shown = [
        s.sasaran if i == 0 or s.sasaran != r.sasaran[i - 1].sasaran else ""
        for i, s in enumerate(r.sasaran)
    ]
    rows = [
        measure_row(
            grid,
            [
                Span(0, s.no, CELL.with_(align=CENTER)),
                Span(1, name, CELL),
                Span(2, s.indikator, CELL),
                Span(3, s.target, CELL.with_(align=RIGHT)),
                Span(4, s.satuan, CELL),
            ],
        )
        for s, name in zip(r.sasaran, shown, strict=True)
    ]
    blocks: list[Block] = [TableBlock(grid, measure_head(grid), rows, 4 * MM)]
    if r.program:
        pgrid = _head(
            edges_of(frame.left, frame.width, [0.5, 6.2, 2.2]),
            ["No", "Program / Kegiatan", "Anggaran (Rp)"],
        )
        prows = [
            measure_row(
                pgrid,
                [
                    Span(0, p.no, CELL.with_(align=CENTER)),
                    Span(1, p.program, CELL),
                    Span(2, rupiah(p.anggaran) or "—", CELL.with_(align=RIGHT), figure=True),
                ],
            )
            for p in r.program
        ]
        total = sum(p.anggaran or 0.0 for p in r.program)
        bold = CELL.with_(font=SANS_BOLD)
        prows.append(
            measure_row(
                pgrid,
                [
                    Span(0, "Jumlah", bold.with_(align=RIGHT), cols=2, fill=TOTAL_FILL),
                    Span(2, rupiah(total), bold.with_(align=RIGHT), fill=TOTAL_FILL, figure=True),
                ],
            )
        )
        blocks.append(TableBlock(pgrid, measure_head(pgrid), prows, 5 * MM))
    return blocks


def _aksi(r: PkLaporan, frame: Frame) -> list[Block]:
    grid = _head(
        edges_of(frame.left, frame.width, [0.5, 3.8, 1.1, 1.0, 0.85, 0.85, 0.85, 0.85]),
        ["No", "Indikator Kinerja", "Satuan", "Target Tahun", "TW I", "TW II", "TW III", "TW IV"],
    )
    right = CELL.with_(align=RIGHT)
    rows = [
        measure_row(
            grid,
            [
                Span(0, str(i), CELL.with_(align=CENTER)),
                Span(1, a.indikator, CELL),
                Span(2, a.satuan, CELL),
                Span(3, a.target, right),
                *(Span(4 + q, a.triwulan[q], right) for q in range(4)),
            ],
        )
        for i, a in enumerate(r.aksi, 1)
    ]
    return [TableBlock(grid, measure_head(grid), rows, 4 * MM)]


def pk_blocks(r: PkLaporan, frame: Frame) -> list[Block]:
    office = r.pihak_pertama.jabatan_ttd.upper() or r.kop.nama_kantor.upper()
    blocks: list[Block] = [titles([r.judul, office], frame, 6 * MM)]
    if r.versi_pk and r.alasan:
        blocks.append(
            Lines(
                paragraph(f"Alasan perubahan: {r.alasan}", CELL, frame.width),
                frame.left,
                frame.width,
                2 * MM,
            )
        )
    blocks += _statement(r, frame)
    blocks += _signatures(r, frame)
    blocks += [PageBreak(), titles([f"LAMPIRAN {r.judul}", office], frame, 0)]
    blocks += _lampiran(r, frame)
    blocks += _signatures(r, frame)
    blocks += [PageBreak(), titles([f"RENCANA AKSI {r.judul}", office], frame, 0)]
    blocks += _aksi(r, frame)
    return blocks
