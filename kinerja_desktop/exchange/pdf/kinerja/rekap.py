"""The Rekap Data Kinerja as PDF: per unit every indicator with target,
realisasi, capaian, predikat in its band colour and the formula used; the
unit's and the Kecamatan's mean; summaries by sasaran and program; a chart
of capaian per indicator and the trend across the year; the Camat's
signature.
"""

from __future__ import annotations

from kinerja_desktop.core.kinerja.laporan import RekapBaris, RekapLaporan, RekapRingkas
from kinerja_desktop.core.page import MM

from ..frame import Frame
from ..text import CENTER, RIGHT
from .blocks import Block, TableBlock, Whole
from .charts import bar_chart, trend_chart
from .common import (
    BODY,
    BOLD,
    HEAD,
    HEAD_FILL,
    NOTE,
    NUMBER_FILL,
    TOTAL_FILL,
    num,
    paragraph_block,
    pct,
    signature,
    titles,
)
from .grid import MIDDLE, Grid, Span, edges_of, measure_head, measure_row

COLUMNS = (
    ("No", 0.4),
    ("Kode", 1.2),
    ("Indikator Kinerja", 3.6),
    ("Satuan", 0.8),
    ("Target", 0.8),
    ("Realisasi", 0.8),
    ("Capaian (%)", 0.75),
    ("Predikat", 0.95),
    ("Rumus capaian", 1.35),
    ("Keterangan", 2.1),
)
CHART_LIMIT = 60  # more indicators than this: the chart shows the units' means


def _grid(frame: Frame) -> Grid:
    edges = edges_of(frame.left, frame.width, [w for _t, w in COLUMNS])
    head = tuple(
        Span(i, title, HEAD, fill=HEAD_FILL, valign=MIDDLE) for i, (title, _w) in enumerate(COLUMNS)
    )
    numbers = tuple(
        Span(i, f"({i + 1})", HEAD.with_(size=6), fill=NUMBER_FILL) for i in range(len(COLUMNS))
    )
    return Grid(edges, (head, numbers))


def common_source(r: RekapLaporan) -> str:
    """The target source most rows share (said once under the table)."""
    sources = [b.target_sumber for b in r.baris if b.target_sumber]
    return max(set(sources), key=sources.count) if sources else ""


def _row(grid: Grid, n: int, b: RekapBaris, usual: str):
    right, center = BODY.with_(align=RIGHT), BODY.with_(align=CENTER)
    source = f"target: {b.target_sumber}" if b.target_sumber != usual else ""
    notes = "; ".join(x for x in (source, b.catatan) if x)
    return measure_row(
        grid,
        [
            Span(0, str(n), center),
            Span(1, b.kode, BODY),
            Span(2, b.indikator, BODY),
            Span(3, b.satuan, BODY),
            Span(4, num(b.target, b.target_teks) or "—", right, figure=True),
            Span(5, num(b.realisasi, b.realisasi_teks) or "—", right, figure=True),
            Span(6, pct(b.capaian) or "—", right, figure=True),
            Span(7, b.predikat or "—", center, fill=b.warna or None),
            Span(8, b.rumus, BODY.with_(size=6.5)),
            Span(9, notes, BODY.with_(size=6.5)),
        ],
    )


def _mean_row(grid: Grid, label: str, g: RekapRingkas):
    right = BOLD.with_(align=RIGHT)
    note = f"{g.dihitung} dari {g.jumlah} indikator dihitung"
    return measure_row(
        grid,
        [
            Span(0, label, BOLD.with_(align=RIGHT), cols=6, fill=TOTAL_FILL),
            Span(6, pct(g.rata_rata) or "—", right, fill=TOTAL_FILL, figure=True),
            Span(7, g.predikat or "—", BOLD.with_(align=CENTER), fill=g.warna or TOTAL_FILL),
            Span(8, note, BODY.with_(size=6.5), cols=2, fill=TOTAL_FILL),
        ],
    )


def _main_table(r: RekapLaporan, frame: Frame) -> TableBlock:
    grid = _grid(frame)
    units = [g for g in r.ringkas if g.tingkat == "unit"]
    rows, n = [], 0
    usual = common_source(r)
    for g in units:
        mine = [b for b in r.baris if (b.unit or "(tanpa unit)") == g.nama]
        if not mine:
            continue
        rows.append(measure_row(grid, [Span(0, g.nama, BOLD, cols=len(COLUMNS), fill="#FAFAFA")]))
        for b in mine:
            n += 1
            rows.append(_row(grid, n, b, usual))
        rows.append(_mean_row(grid, f"Rata-rata capaian {g.nama}", g))
    kec = next(g for g in r.ringkas if g.tingkat == "kecamatan")
    rows.append(_mean_row(grid, f"Rata-rata capaian {kec.nama}", kec))
    return TableBlock(grid, measure_head(grid), rows, 3 * MM)


def _summary(r: RekapLaporan, tingkat: str, title: str, frame: Frame) -> list[Block]:
    found = [g for g in r.ringkas if g.tingkat == tingkat]
    if not found:
        return []
    weights = [0.4, 1.2, 5.0, 0.9, 0.9, 1.1, 1.2]
    grid = Grid(
        edges_of(frame.left, frame.width * 0.8, weights),
        (
            tuple(
                Span(i, t, HEAD, fill=HEAD_FILL, valign=MIDDLE)
                for i, t in enumerate(
                    [
                        "No",
                        "Kode",
                        title,
                        "Indikator",
                        "Dihitung",
                        "Rata-rata capaian (%)",
                        "Predikat",
                    ]
                )
            ),
        ),
    )
    right = BODY.with_(align=RIGHT)
    rows = [
        measure_row(
            grid,
            [
                Span(0, str(i), BODY.with_(align=CENTER)),
                Span(1, g.kode, BODY),
                Span(2, g.nama, BODY),
                Span(3, str(g.jumlah), right),
                Span(4, str(g.dihitung), right),
                Span(5, pct(g.rata_rata) or "—", right, figure=True),
                Span(6, g.predikat or "—", BODY.with_(align=CENTER), fill=g.warna or None),
            ],
        )
        for i, g in enumerate(found, 1)
    ]
    heading = paragraph_block(f"Rata-rata capaian per {tingkat}", BOLD, frame, 4 * MM, keep=True)
    return [heading, TableBlock(grid, measure_head(grid), rows, 1.5 * MM)]


def _charts(r: RekapLaporan, frame: Frame) -> tuple[list[Block], Whole | None]:
    """The bar chart, and the trend chart (set beside the signature when there is one)."""
    if len(r.baris) <= CHART_LIMIT:
        items = [(f"{b.kode} · {b.unit[:28]}", b.capaian, b.warna) for b in r.baris]
        title = f"Capaian per indikator — {r.periode_label} (%)"
    else:
        units = [g for g in r.ringkas if g.tingkat == "unit"]
        items = [(g.nama[:40], g.rata_rata, g.warna) for g in units]
        title = f"Rata-rata capaian per unit — {r.periode_label} (%)"
    trend = None
    if len(r.tren) > 1:
        points = [(p.label, p.rata_rata) for p in r.tren]
        name = r.kop.nama_kantor.title()
        trend = trend_chart(f"Tren rata-rata capaian {name} (%)", points, frame)
    return [bar_chart(title, items, frame)], trend


def _beside(left: Whole | None, right: Whole, frame: Frame) -> Whole:
    """The trend chart at left and the signature at right, in one piece."""
    if left is None:
        return right
    size = max(left.height(), right.height())

    def paint(c, top: float) -> None:
        left.draw(c, top)
        right.draw(c, top)

    return Whole(size, paint)


def rekap_blocks(r: RekapLaporan, frame: Frame) -> list[Block]:
    usual = common_source(r)
    note = (
        "R = realisasi, T = target. Capaian dihitung dengan rumus indikator masing-masing "
        "(kolom 9); periode yang belum diisi tidak dihitung sebagai 0 dan disebut di "
        "Keterangan; — = belum diisi atau tidak dapat dihitung."
        + (f" Target: {usual}, kecuali disebut lain." if usual else "")
        + f" Predikat: {r.predikat.scale().describe()}."
    )
    heading = f"{r.kop.nama_kantor.upper()} — {r.periode_label.upper()}"
    blocks: list[Block] = [
        titles(["REKAP DATA KINERJA", heading], frame),
        _main_table(r, frame),
        paragraph_block(note, NOTE, frame),
    ]
    blocks += _summary(r, "sasaran", "Sasaran", frame)
    blocks += _summary(r, "program", "Program", frame)
    charts, trend = _charts(r, frame)
    blocks += charts
    if r.catatan.strip():
        blocks.append(paragraph_block(f"Catatan: {r.catatan.strip()}", BODY, frame, 3 * MM))
    blocks.append(_beside(trend, signature(r.penandatangan, r.kop, frame), frame))
    return blocks
