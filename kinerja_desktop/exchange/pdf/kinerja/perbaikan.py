"""The Dokumen Perbaikan Data Kinerja as PDF: the corrections of a period
(old and new value, reason, evidence reference, where the old value came
from, status), then the paraf blocks — the Kepala Seksi of each unit
concerned and the Sekretaris — and the Camat's signature, as the Perbaikan
Data Kinerja SOP has them.
"""

from __future__ import annotations

from kinerja_desktop.core.kinerja.laporan import PerbaikanLaporan
from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..text import CENTER, RIGHT, Style
from .blocks import Block, TableBlock
from .common import HEAD_FILL, columns_block, paragraph_block, person_lines, place_date, titles
from .grid import MIDDLE, Grid, Span, edges_of, measure_head, measure_row

HEAD = Style(SANS_BOLD, 7, 8.5, CENTER)
CELL = Style(SANS, 7.2, 8.8)
COLUMNS = (
    ("No", 0.4),
    ("Unit", 1.5),
    ("Kode", 1.1),
    ("Indikator Kinerja", 2.8),
    ("Satuan", 0.8),
    ("Nilai semula", 0.9),
    ("Nilai perbaikan", 0.9),
    ("Alasan perbaikan", 2.4),
    ("Rujukan bukti", 1.6),
    ("Sumber nilai semula", 1.7),
    ("Status", 1.1),
)
PER_ROW = 4  # paraf and signature columns side by side


def _table(r: PerbaikanLaporan, frame: Frame) -> TableBlock:
    edges = edges_of(frame.left, frame.width, [w for _t, w in COLUMNS])
    grid = Grid(
        edges,
        (
            tuple(
                Span(i, t, HEAD, fill=HEAD_FILL, valign=MIDDLE) for i, (t, _w) in enumerate(COLUMNS)
            ),
        ),
    )
    right = CELL.with_(align=RIGHT)
    rows = [
        measure_row(
            grid,
            [
                Span(0, b.no, CELL.with_(align=CENTER)),
                Span(1, b.unit, CELL),
                Span(2, b.kode, CELL),
                Span(3, b.indikator, CELL),
                Span(4, b.satuan, CELL),
                Span(5, b.lama, right),
                Span(6, b.baru, right.with_(font=SANS_BOLD)),
                Span(7, b.alasan, CELL),
                Span(8, b.bukti, CELL),
                Span(9, b.sumber, CELL.with_(size=6.5)),
                Span(10, f"{b.status}\n(No. {b.nomor}, {b.diajukan})", CELL.with_(size=6.5)),
            ],
        )
        for b in r.baris
    ]
    return TableBlock(grid, measure_head(grid), rows, 3 * MM)


def _signatures(r: PerbaikanLaporan, frame: Frame) -> list[Block]:
    width = frame.width / PER_ROW - 8
    space = 16 * MM
    cols = [
        person_lines(p, width, ["Diperiksa oleh,", p.jabatan_ttd.upper()], space)
        for p in r.pemeriksa
    ]
    cols.append(
        person_lines(r.sekretaris, width, ["Paraf,", r.sekretaris.jabatan_ttd.upper()], space)
    )
    camat = person_lines(
        r.camat,
        width,
        [place_date(r.kop), "Mengesahkan,", f"{r.camat.jabatan_ttd.upper()},"],
        space,
    )
    blocks: list[Block] = []
    rows = [cols[i : i + PER_ROW - 1] for i in range(0, len(cols), PER_ROW - 1)]
    for i, group in enumerate(rows):
        line = group + [[]] * (PER_ROW - 1 - len(group))
        line.append(camat if i == len(rows) - 1 else [])
        blocks.append(columns_block(line, frame, 6 * MM))
    return blocks


def perbaikan_blocks(r: PerbaikanLaporan, frame: Frame) -> list[Block]:
    heading = [
        "DOKUMEN PERBAIKAN DATA KINERJA",
        f"{r.kop.nama_kantor.upper()} — {r.periode_label.upper()}",
    ]
    blocks: list[Block] = [titles(heading, frame)]
    if r.nomor_dokumen.strip():
        blocks.append(
            paragraph_block(
                f"Nomor: {r.nomor_dokumen.strip()}", Style(SANS, 8.5, 11, CENTER), frame, 1 * MM
            )
        )
    blocks.append(
        paragraph_block(
            "Perbaikan atas data kinerja yang telah divalidasi, sesuai SOP Perbaikan Data "
            "Kinerja: diajukan dengan alasan dan bukti yang sah, diperiksa Kepala Seksi, diparaf "
            "Sekretaris Camat dan disahkan Camat. Nilai baru berlaku setelah disahkan.",
            Style(SANS, 8, 10),
            frame,
            3 * MM,
        )
    )
    blocks.append(_table(r, frame))
    blocks += _signatures(r, frame)
    return blocks
