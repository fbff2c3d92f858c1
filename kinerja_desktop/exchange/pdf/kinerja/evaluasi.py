"""The Evaluasi terhadap Hasil Renja (Permendagri 86/2017, E.81) as PDF.

The columns come from `core.kinerja.evaluasi_kolom` (one place): titles over
two or three head rows, K and Rp under each figure column (Rp only when a
pagu is entered anywhere; printed in thousands), and the column-number row
with the regulation's formulas. Under the rows: the mean capaian and its
predikat, faktor pendorong, faktor penghambat, tindak lanjut (next triwulan,
next Renja), the notes saying where a rule replaced a plain sum, and the
Camat's signature.
"""

from __future__ import annotations

from functools import lru_cache

from kinerja_desktop.core.kinerja import evaluasi_kolom as ek
from kinerja_desktop.core.kinerja.laporan import KR, EvaluasiBaris, EvaluasiLaporan
from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..table import PAD_X
from ..text import CENTER, RIGHT, Style, width_of
from .blocks import Block, TableBlock
from .common import HEAD_FILL, NOTE, NUMBER_FILL, TOTAL_FILL, num, paragraph_block, pct, rupiah
from .common import signature as signature_of
from .common import titles as titles_of
from .grid import MIDDLE, Grid, Row, Span, edges_of, measure_head, measure_row

HEAD = Style(SANS_BOLD, 5.4, 6.6, CENTER)
CELL = Style(SANS, 5.8, 7.0)
FIG = CELL.with_(align=RIGHT)
NO_CELL = CELL.with_(align=CENTER)
PROGRAM_CELL = CELL.with_(font=SANS_BOLD)
NOTE_CELL = CELL.with_(size=5.2, leading=6.3)
BOLD = Style(SANS_BOLD, 6.2, 7.6)
K_WIDTH, RP_WIDTH = 0.9, 1.15
_NO_VALUE = KR()
TEXTS = ek.TEKS  # the footer texts (core: one list)


class _Layout:
    """Leaf columns of the report: where each column key's K (and Rp) sits."""

    def __init__(self, r: EvaluasiLaporan, frame: Frame) -> None:
        self.cols = ek.columns(r.varian)
        self.rp = any(b.ada_rp for b in r.baris)
        weights: list[float] = []
        self.at: dict[str, int] = {}
        for k in self.cols:
            self.at[k.key] = len(weights)
            if k.ganda:
                weights += [K_WIDTH, RP_WIDTH] if self.rp else [K_WIDTH * 1.3]
            else:
                weights.append(k.lebar)
        self.count = len(weights)  # leaf columns
        self.edges = edges_of(frame.left, frame.width, weights)
        kode = self.at.get("kode", 0)
        self.kode_width = self.edges[kode + 1] - self.edges[kode]  # as Grid.span_width
        self.r = r

    def width_of(self, key: str) -> int:
        k = next(c for c in self.cols if c.key == key)
        return 2 if (k.ganda and self.rp) else 1

    def head(self) -> Grid:
        """Titles (the four triwulans under one heading), K / Rp when Rp is shown, numbers."""
        r = self.r
        akhir = int(r.renstra.rsplit("–", 1)[-1]) if "–" in r.renstra else r.tahun
        height = 4 if self.rp else 3
        titled = height - 1  # rows above the number row
        rows: list[list[Span]] = [[] for _ in range(height)]
        seen: set[str] = set()
        for k in self.cols:
            at, w = self.at[k.key], self.width_of(k.key)
            split = k.ganda and self.rp
            depth = titled - (1 if split else 0)
            title = ek.title_of(k, r.tahun, akhir)
            if k.grup:
                if k.grup not in seen:
                    seen.add(k.grup)
                    span = sum(self.width_of(c.key) for c in self.cols if c.grup == k.grup)
                    rows[0].append(Span(at, k.grup, HEAD, cols=span, fill=HEAD_FILL))
                rows[1].append(_head(at, title, w, depth - 1))
            else:
                rows[0].append(_head(at, title, w, depth))
            if split:
                rows[titled - 1].append(Span(at, "K", HEAD, fill=HEAD_FILL))
                rows[titled - 1].append(Span(at + 1, "Rp (ribu)", HEAD, fill=HEAD_FILL))
            number = ek.formula_of(r.varian, k)
            rows[-1].append(Span(at, number, HEAD.with_(size=5), cols=w, fill=NUMBER_FILL))
        return Grid(self.edges, tuple(tuple(x) for x in rows))


def _head(at: int, title: str, cols: int, rows: int) -> Span:
    return Span(at, title, HEAD, cols=cols, rows=rows, fill=HEAD_FILL, valign=MIDDLE)


@lru_cache(maxsize=8192)
def _kode(kode: str, width: float) -> str:
    """A long kode broken after a dot (7.01.01.1.01. / 0001), never inside a number."""
    inner = width - 2 * PAD_X
    lines, current = [], ""
    for part in kode.split("."):
        piece = f"{current}.{part}" if current else part
        if current and width_of(piece, CELL) > inner:
            lines.append(current + ".")
            current = part
        else:
            current = piece
    return "\n".join([*lines, current])


def _figure(layout: _Layout, key: str, value: KR, percent: bool, show_rp: bool) -> list[Span]:
    at = layout.at[key]
    text = pct(value.k) if percent else num(value.k, value.k_teks)
    spans = [Span(at, text, FIG, 1, 1, None, True)]  # (positional: made ~80,000 times)
    if layout.rp:
        rp = ""
        if show_rp:
            rp = pct(value.rp) if percent else rupiah(value.rp, thousands=True)
        spans.append(Span(at + 1, rp, FIG, 1, 1, None, True))
    return spans


def _row(layout: _Layout, grid: Grid, b: EvaluasiBaris) -> Row:
    spans: list[Span] = []
    texts = {
        "no": (b.no, NO_CELL),
        "sasaran": (b.sasaran, CELL),
        "kode": (_kode(b.kode, layout.kode_width), CELL),
        "uraian": (b.uraian, PROGRAM_CELL if b.tingkat == "program" else CELL),
        "indikator": (b.indikator, CELL),
        "unit": (b.unit, CELL),
        "keterangan": (b.keterangan, NOTE_CELL),
    }
    for k in layout.cols:
        if not k.angka:
            text, style = texts[k.key]
            spans.append(Span(layout.at[k.key], text, style))
            continue
        value = b.nilai.get(k.key, _NO_VALUE)
        spans += _figure(layout, k.key, value, k.bagi is not None, b.ada_rp)
    return measure_row(grid, spans)


def _mean_row(layout: _Layout, grid: Grid, label: str, key: str, values: list[str]) -> Row:
    """A footer row: the label up to column `key`, its K (and Rp) figures, then blank."""
    at = layout.at[key]
    spans = [Span(0, label, BOLD.with_(align=RIGHT), cols=at, fill=TOTAL_FILL)]
    for i, value in enumerate(values[: 2 if layout.rp else 1]):
        style = BOLD.with_(align=RIGHT)
        spans.append(Span(at + i, value or "—", style, fill=TOTAL_FILL, figure=True))
    return measure_row(grid, [*spans, *_rest(layout, at + (2 if layout.rp else 1))])


def _band_row(layout: _Layout, grid: Grid, label: str, key: str, values: list[str]) -> Row:
    """The predikat of K (and Rp) in one cell over the column's K and Rp."""
    at = layout.at[key]
    parts = [f"K: {values[0] or '—'}"] + ([f"Rp: {values[1] or '—'}"] if layout.rp else [])
    style = BOLD.with_(size=5.6, leading=6.8)
    spans = [
        Span(0, label, BOLD.with_(align=RIGHT), cols=at, fill=TOTAL_FILL),
        Span(at, "\n".join(parts), style, cols=layout.width_of(key), fill=TOTAL_FILL),
    ]
    return measure_row(grid, [*spans, *_rest(layout, at + layout.width_of(key))])


def _rest(layout: _Layout, start: int) -> list[Span]:
    if start >= layout.count:
        return []
    return [Span(start, "", CELL, cols=layout.count - start, fill=TOTAL_FILL)]


def _totals(layout: _Layout, grid: Grid, r: EvaluasiLaporan) -> list[Row]:
    renja_key = "capaian_renja" if "capaian_renja" in layout.at else "tingkat_capaian"
    mean, band = r.rata_rata, r.predikat_nilai
    rows = []
    for which, label, key in (
        ("renja", "Renja tahun berjalan", renja_key),
        ("renstra", "Renstra s/d tahun berjalan", "tingkat_capaian"),
    ):
        parts = (f"{which}_k", f"{which}_rp")
        rows.append(
            _mean_row(
                layout,
                grid,
                f"Rata-rata capaian kinerja {label} (%)",
                key,
                [pct(mean.get(p)) for p in parts],
            )
        )
        rows.append(
            _band_row(
                layout, grid, f"Predikat kinerja {label}", key, [band.get(p, "") for p in parts]
            )
        )
    for key, label in TEXTS:
        text = r.teks.get(key, "").strip() or "—"
        style = CELL.with_(size=6.5, leading=8)
        rows.append(measure_row(grid, [Span(0, f"{label}:\n{text}", style, cols=layout.count)]))
    return rows


def evaluasi_blocks(r: EvaluasiLaporan, frame: Frame) -> list[Block]:
    layout = _Layout(r, frame)
    grid = layout.head()
    body = [_row(layout, grid, b) for b in r.baris] + _totals(layout, grid, r)
    heading = titles_of(
        [
            "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
            f"{r.kop.nama_kantor.upper()} — PERIODE PELAKSANAAN {r.periode_label.upper()}",
        ],
        frame,
    )
    notes = [
        "K = kinerja, Rp = anggaran (dalam ribu rupiah). Kolom bernomor mengikuti rumus "
        "Permendagri 86/2017. Triwulan yang belum diisi tidak dihitung sebagai 0.",
        *r.catatan,
    ]
    blocks: list[Block] = [
        heading,
        paragraph_block(f"Renstra: {r.renstra}", CELL.with_(size=7), frame, 1 * MM),
        TableBlock(grid, measure_head(grid), body, 2 * MM),
        paragraph_block(" ".join(notes), NOTE, frame, 2 * MM),
        signature_of(r.penandatangan, r.kop, frame),
    ]
    return blocks
