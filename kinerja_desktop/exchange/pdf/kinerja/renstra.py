"""The Monitoring Renstra as PDF: every indicator across the years of the
period (target, realisasi, capaian per year), the mean capaian per year,
the analysis texts and the Camat's signature."""

from __future__ import annotations

from kinerja_desktop.core.kinerja.laporan import RenstraLaporan
from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..text import CENTER, RIGHT, Style
from .blocks import Block, TableBlock
from .common import HEAD_FILL, NOTE, NUMBER_FILL, TOTAL_FILL, num, paragraph_block, pct
from .common import signature as signature_of
from .common import titles as titles_of
from .grid import MIDDLE, Grid, Span, edges_of, measure_head, measure_row

HEAD = Style(SANS_BOLD, 6, 7.4, CENTER)
SUB = Style(SANS_BOLD, 5.3, 6.5, CENTER)
CELL = Style(SANS, 6.3, 7.6)
FIG = CELL.with_(align=RIGHT)
TEXTS = (
    ("analisis", "Analisis capaian"),
    ("permasalahan", "Permasalahan dan kendala"),
    ("rekomendasi", "Rekomendasi dan tindak lanjut"),
)
FIXED = 5  # No, Kode, Indikator, Satuan, Baseline (then 3 per year, then Unit)


def _grid(r: RenstraLaporan, frame: Frame) -> Grid:
    weights = [0.45, 1.3, 3.1, 1.0, 0.9] + [0.82, 0.82, 0.82] * len(r.tahun) + [1.5]
    edges = edges_of(frame.left, frame.width, weights)
    top: list[Span] = [
        Span(i, t, HEAD, rows=2, fill=HEAD_FILL, valign=MIDDLE)
        for i, t in enumerate(["No", "Kode", "Indikator Kinerja", "Satuan", "Baseline"])
    ]
    sub: list[Span] = []
    for n, year in enumerate(r.tahun):
        at = FIXED + 3 * n
        top.append(Span(at, str(year), HEAD, cols=3, fill=HEAD_FILL))
        sub += [
            Span(at, "Target", SUB, fill=HEAD_FILL),
            Span(at + 1, "Realisasi", SUB, fill=HEAD_FILL),
            Span(at + 2, "Capaian (%)", SUB, fill=HEAD_FILL),
        ]
    last = FIXED + 3 * len(r.tahun)
    top.append(Span(last, "Unit penanggung jawab", HEAD, rows=2, fill=HEAD_FILL, valign=MIDDLE))
    numbers = tuple(
        Span(i, f"({i + 1})", HEAD.with_(size=5.5), fill=NUMBER_FILL) for i in range(last + 1)
    )
    return Grid(edges, (tuple(top), tuple(sub), numbers))


def _marked(text: str, note: str) -> str:
    return f"{text}*" if text and note.startswith("belum diisi") else text


def renstra_blocks(r: RenstraLaporan, frame: Frame) -> list[Block]:
    grid = _grid(r, frame)
    rows = []
    for i, b in enumerate(r.baris, 1):
        spans = [
            Span(0, str(i), CELL.with_(align=CENTER)),
            Span(1, b.kode, CELL),
            Span(2, f"{b.indikator}\n({b.rumus})", CELL),
            Span(3, b.satuan, CELL),
            Span(4, b.baseline, CELL),
        ]
        for n, y in enumerate(b.tahun):
            at = FIXED + 3 * n
            spans += [
                Span(at, num(y.target, y.target_teks), FIG, figure=True),
                Span(
                    at + 1, _marked(num(y.realisasi, y.realisasi_teks), y.catatan), FIG, figure=True
                ),
                Span(at + 2, pct(y.capaian), FIG, figure=True),
            ]
        spans.append(Span(FIXED + 3 * len(r.tahun), b.unit, CELL))
        rows.append(measure_row(grid, spans))
    bold = CELL.with_(font=SANS_BOLD)
    totals = [
        Span(0, "Rata-rata capaian (%)", bold.with_(align=RIGHT), cols=FIXED, fill=TOTAL_FILL)
    ]
    for n, mean in enumerate(r.rata_rata):
        at = FIXED + 3 * n
        totals.append(
            Span(
                at, pct(mean) or "—", bold.with_(align=RIGHT), cols=3, fill=TOTAL_FILL, figure=True
            )
        )
    totals.append(Span(FIXED + 3 * len(r.tahun), "", CELL, fill=TOTAL_FILL))
    rows.append(measure_row(grid, totals))
    blocks: list[Block] = [
        titles_of(
            ["MONITORING RENSTRA", f"{r.kop.nama_kantor.upper()} — {r.renstra.upper()}"], frame
        ),
        TableBlock(grid, measure_head(grid), rows, 3 * MM),
        paragraph_block(
            "Realisasi tahunan digabung dari triwulan/bulan yang terisi menurut aturan indikator; "
            "tahun tanpa data dibiarkan kosong, tidak dihitung 0; * = tahun belum lengkap "
            "(dihitung dari periode yang sudah terisi saja). Rumus capaian di bawah nama "
            f"indikator. Predikat: {r.predikat.scale().describe()}.",
            NOTE,
            frame,
        ),
    ]
    for key, label in TEXTS:
        text = r.teks.get(key, "").strip() or "—"
        blocks.append(paragraph_block(label, Style(SANS_BOLD, 8, 10), frame, 3 * MM, keep=True))
        blocks.append(paragraph_block(text, Style(SANS, 8, 10), frame, 0.5 * MM))
    blocks.append(signature_of(r.penandatangan, r.kop, frame))
    return blocks
