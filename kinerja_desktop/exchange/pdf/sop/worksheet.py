"""The Lembar Kerja Identifikasi Kegiatan sheet, printed after the flowchart.

What it says is derived in `core.sop.lembar_kerja`; here it is set as the familiar
form: a title, A. Data Kegiatan, B. Identifikasi Kegiatan and C. Identifikasi
Langkah as framed two-column tables, then the signature block. Long parts
continue on further pages; a section heading never stays alone at a page foot,
the signature block is never split and never stands alone on a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import MM, PageSettings
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.lembar_kerja import Langkah, LembarKerja

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame, PageDraw, frame_of
from ..signature import SignatureBlock, signature_block
from ..table import PAD_X, PAD_Y, Cell, Row, draw_row, make_row, split_lines, text_cell
from ..text import CENTER, Style, TextLine, draw_lines, height_of, paragraph, width_of

TITLE = Style(SANS_BOLD, 12, 16, CENTER)
SECTION = Style(SANS_BOLD, 10, 13)
BODY = Style(SANS, 9.5, 12)
SMALL = Style(SANS, 8.5, 10.6)
LOOKS = ((BODY, False), (BODY, True), (SMALL, True))  # tried in turn while they save a page
HEAD_FILL = "#dbe5f1"
SECTION_GAP = 3 * MM
SUB_INDENT = 12.0


@dataclass(frozen=True)
class _Heading:
    """Unframed lines (title, section heading) kept with what follows."""

    lines: tuple[TextLine, ...]

    @property
    def height(self) -> float:
        return SECTION_GAP + height_of(self.lines) + SECTION_GAP / 2


class _HeadRow(Row):
    """The head row of a table, repeated on each page the table goes on to."""

    @classmethod
    def of(cls, cells: list[Cell]) -> _HeadRow:
        row = make_row(cells)
        return cls(row.cells, row.height)


Block = _Heading | Row


def plan_worksheet(
    doc: SopDocument,
    lk: LembarKerja,
    kota: str,
    settings: PageSettings,
    tanggal: date,
) -> list[PageDraw]:
    """The Lembar Kerja as planned pages, its signature block (signed at `kota`,
    "" for none, on `tanggal`) on the last. A tighter set (compact signature,
    then smaller type) is used only when it saves a page: the sheet does not
    spill onto a second page for a row or two and the signature."""
    frame = frame_of(settings)
    best: tuple[list[list[Block]], SignatureBlock] | None = None
    for body, compact in LOOKS:
        sig = signature_block(doc.pengesahan, kota, tanggal, frame.width, compact=compact)
        pages = _fit(_blocks(lk, frame, body), frame.height, sig)
        if best is None or len(pages) < len(best[0]):
            best = (pages, sig)
        if len(best[0]) == 1:
            break
    assert best is not None
    pages, sig = best
    return [
        _page_draw(frame, blocks_, sig if i == len(pages) - 1 else None)
        for i, blocks_ in enumerate(pages)
    ]


def _fit(blocks: list[Block], room: float, sig: SignatureBlock) -> list[list[Block]]:
    """Blocks per page with room for `sig` under the last: when it does not fit,
    only the last lines (two of the last row, or the last row with its heading)
    go on with it to a new page; the page before stays full."""
    pages = _paginate(blocks, room)
    if room - _used(pages[-1]) < sig.height:
        head, tail = _carry(pages[-1], room - sig.height)
        pages[-1:] = [head, tail] if head else [tail]
        if room - _used(pages[-1]) < sig.height:  # a block too tall to part
            pages.append([])
    return pages


def _carry(blocks: list[Block], room: float) -> tuple[list[Block], list[Block]]:
    """`blocks` parted so that the tail (least: the last two lines of the last
    row) fits in `room`; the tail repeats the head row of its table."""
    *rest, last = blocks
    head_row = next((b for b in reversed(rest) if isinstance(b, _HeadRow)), None)
    lead = [head_row] if head_row is not None and head_row is not last else []
    if isinstance(last, Row) and not isinstance(last, _HeadRow):
        top, bottom = _split_row(last, last.height - 2 * PAD_Y - 2 * BODY.leading - 0.5)
        if top is not None and bottom is not None and _used([*lead, bottom]) <= room:
            return [*rest, top], [*lead, bottom]
    tail = [last]
    while rest and isinstance(rest[-1], _Heading):
        tail.insert(0, rest.pop())
    if rest and rest[-1] is head_row:
        tail.insert(0, rest.pop())
        lead = []
    return rest, [*lead, *tail]


def _used(blocks: list[Block]) -> float:
    return sum(b.height for b in blocks)


def _page_draw(frame: Frame, blocks: list[Block], sig: SignatureBlock | None) -> PageDraw:
    def draw(c: Canvas) -> None:
        top = frame.top
        for block in blocks:
            if isinstance(block, Row):
                top = draw_row(c, block, top)
            else:
                draw_lines(c, block.lines, frame.left, top - SECTION_GAP, frame.width)
                top -= block.height
        if sig is not None:
            sig.draw(c, frame.right, top)

    return draw


# -- content -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    """The two columns of the Lembar Kerja tables: label | value."""

    x0: float
    label_w: float
    x1: float
    value_w: float
    body: Style = BODY

    def pair(self, label: str, value: str, indent: float = 0.0) -> Row:
        lines = paragraph(label, self.body, self.label_w - 2 * PAD_X, indent)
        label_cell = Cell(self.x0, self.label_w, tuple(lines))
        return make_row([label_cell, text_cell(self.x1, self.value_w, value or "-", self.body)])

    def steps(self, label: str, items: tuple[Langkah, ...]) -> Row:
        label_cell = text_cell(self.x0, self.label_w, label, self.body)
        return make_row([label_cell, _steps_cell(self.x1, self.value_w, items, self.body)])

    def head(self, label: str, value: str) -> Row:
        bold = self.body.with_(font=SANS_BOLD)
        return _HeadRow.of(
            [
                text_cell(self.x0, self.label_w, label, bold, fill=HEAD_FILL),
                text_cell(self.x1, self.value_w, value, bold, fill=HEAD_FILL),
            ]
        )


def _blocks(lk: LembarKerja, frame: Frame, body: Style = BODY) -> list[Block]:
    w = frame.width
    label_w = max(w * 0.28, width_of("4. Scope (Ruang Lingkup)", body) + 2 * PAD_X + 6)
    g = _Grid(frame.left, label_w, frame.left + label_w, w - label_w, body)
    awal = (lk.langkah_awal,) if lk.langkah_awal else ()
    akhir = (lk.langkah_akhir,) if lk.langkah_akhir else ()
    return [
        _heading("LEMBAR KERJA IDENTIFIKASI KEGIATAN", TITLE, w),
        _heading("A. Data Kegiatan", SECTION, w),
        g.pair("1. Judul SOP", lk.judul_sop),
        g.pair("2. Jenis Kegiatan", lk.jenis_kegiatan),
        make_row([text_cell(g.x0, label_w, "3. Penanggung Jawab", body), Cell(g.x1, g.value_w)]),
        g.pair("a. Produk", lk.penanggung_jawab_produk, SUB_INDENT),
        g.pair("b. Kegiatan", lk.penanggung_jawab_kegiatan, SUB_INDENT),
        g.pair("4. Scope (Ruang Lingkup)", lk.ruang_lingkup),
        _heading("B. Identifikasi Kegiatan", SECTION, w),
        g.pair("Judul Kegiatan", lk.judul_kegiatan),
        g.steps("Langkah Awal", awal),
        g.pair("Langkah Utama", lk.ringkas_utama),
        g.steps("Langkah Akhir", akhir),
        _heading("C. Identifikasi Langkah", SECTION, w),
        g.head("Kelompok Langkah", "Langkah"),
        *(g.steps(group.nama, group.langkah) for group in lk.kelompok),
    ]


def _heading(text: str, style: Style, width: float) -> _Heading:
    return _Heading(tuple(paragraph(text, style, width)))


def _steps_cell(x: float, w: float, items: tuple[Langkah, ...], body: Style = BODY) -> Cell:
    """Steps with their own numbers as hanging labels ("-" when there are none)."""
    inner = w - 2 * PAD_X
    if not items:
        return Cell(x, w, (TextLine("-", body),))
    hang = width_of(f"{items[-1].nomor}. ", body) + 2.0
    lines: list[TextLine] = []
    for item in items:
        for j, line in enumerate(paragraph(item.uraian or "-", body, inner, hang)):
            lines.append(TextLine(line.text, body, hang, f"{item.nomor}." if j == 0 else ""))
    return Cell(x, w, tuple(lines))


# -- pagination ----------------------------------------------------------------------


def _paginate(blocks: list[Block], room: float) -> list[list[Block]]:
    """Blocks per page: rows split between lines, headings kept with the next
    block, and the head row of part C repeated when that table goes on."""
    pages: list[list[Block]] = [[]]
    left = room
    queue = list(blocks)
    table_head: Row | None = None
    while queue:
        block = queue.pop(0)
        need = block.height
        if isinstance(block, _Heading) and queue:
            need += min(queue[0].height, 2 * BODY.leading + 2 * PAD_Y)
        if need <= left:
            pages[-1].append(block)
            left -= block.height
            table_head = block if isinstance(block, _HeadRow) else table_head
            continue
        fresh = len(pages[-1]) <= (1 if table_head is not None else 0)
        if isinstance(block, Row) and (fresh or left - 2 * PAD_Y >= 2 * BODY.leading):
            head, tail = _split_row(block, left)
            if head is None and fresh:
                head, tail = block, None
            if head is not None:
                pages[-1].append(head)
            if tail is not None:
                queue.insert(0, tail)
        elif fresh:
            pages[-1].append(block)
        else:
            queue.insert(0, block)
        if queue:
            pages.append([table_head] if table_head is not None else [])
            left = room - (table_head.height if table_head is not None else 0.0)
    return pages


def _split_row(row: Row, room: float) -> tuple[Row | None, Row | None]:
    """The part of `row` that fits in `room`, and the rest (labels repeated)."""
    parts = [split_lines(cell.lines, room - 2 * PAD_Y) for cell in row.cells]
    if not any(head for head, _tail in parts[1:]):
        parts = [(list(c.lines[:1]), list(c.lines[1:])) for c in row.cells]
        if not any(tail for _head, tail in parts):
            return None, row
    pairs = list(zip(row.cells, parts, strict=True))
    head_cells = [Cell(c.x, c.w, tuple(h), c.valign, c.fill) for c, (h, _t) in pairs]
    tail_cells = [Cell(c.x, c.w, tuple(t), c.valign, c.fill) for c, (_h, t) in pairs]
    tail_cells[0] = row.cells[0]
    return make_row(head_cells), make_row(tail_cells)
