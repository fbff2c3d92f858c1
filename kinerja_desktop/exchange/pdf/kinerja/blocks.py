"""The pieces a report page is made of, and how they are laid out on pages.

A report is a list of blocks set top-down in the content frame: the kop,
titles and paragraphs (`Lines`, split between lines), tables (`TableBlock`,
split between rows, its head repeated on each page), and pieces that never
split (`Whole`: signature blocks, charts). A block marked `keep_with_next`
moves to the next page with what follows rather than end a page alone.
Pages are planned first, so every footer can say "Hal. x dari y", and the
footer (title, version, QR of report and data hash) is drawn on each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import PageSettings

from ..footer import FooterInfo, define_qr_form, draw_footer
from ..frame import Frame, frame_of
from ..output import new_canvas, write_atomically
from ..text import TextLine, draw_lines, height_of
from .grid import Grid, Row, draw_head, split_row
from .paint import paint_rows


@dataclass
class Lines:
    """Unframed text lines at `x`, `width` wide, `gap` above them."""

    lines: list[TextLine]
    x: float
    width: float
    gap: float = 0.0
    keep_with_next: bool = False

    def height(self) -> float:
        return self.gap + height_of(self.lines)

    def min_height(self) -> float:
        return self.gap + height_of(self.lines[:2])

    def split(self, room: float) -> tuple[Lines | None, Lines | None]:
        used, cut = self.gap, 0
        for line in self.lines:
            if used + line.height > room + 1e-6:
                break
            used += line.height
            cut += 1
        if cut == 0:
            return None, self
        return replace(self, lines=self.lines[:cut]), replace(self, lines=self.lines[cut:], gap=0)

    def draw(self, c: Canvas, top: float) -> None:
        draw_lines(c, self.lines, self.x, top - self.gap, self.width)


@dataclass
class TableBlock:
    grid: Grid
    head: list[Row]
    rows: list[Row]
    gap: float = 0.0
    keep_with_next: bool = False
    body_height: float | None = None  # the rows' total, kept (a long table is split often)

    def _head_height(self) -> float:
        return sum(r.height for r in self.head)

    def _body(self) -> float:
        if self.body_height is None:
            self.body_height = sum(r.height for r in self.rows)
        return self.body_height

    def height(self) -> float:
        return self.gap + self._head_height() + self._body()

    def min_height(self) -> float:
        first = self.rows[0].height if self.rows else 0.0
        return self.gap + self._head_height() + min(first, 60.0)

    def split(self, room: float) -> tuple[TableBlock | None, TableBlock | None]:
        used = start = self.gap + self._head_height()
        rows, n = self.rows, 0
        while n < len(rows) and used + rows[n].height <= room + 1e-6:
            used += rows[n].height
            n += 1
        taken, rest = rows[:n], rows[n:]
        left: float | None = self._body() - (used - start)  # what the rest is tall
        if rest and room - used > 30.0:
            head, tail = split_row(rest[0], room - used)
            if head is not None and tail is not None:
                taken.append(head)
                rest[0] = tail
                left = None  # (summed again when asked)
        if not taken:
            return None, self
        if not rest:
            return self, None
        return replace(self, rows=taken, body_height=None), replace(
            self, rows=rest, gap=0.0, body_height=left
        )

    def draw(self, c: Canvas, top: float) -> None:
        y = self._draw_head(c, top - self.gap)
        paint_rows(c, self.grid, self.rows, y)

    def _draw_head(self, c: Canvas, top: float) -> float:
        """The head, drawn once per document as a form and placed on every page it
        repeats on (a long table's pages share one head: smaller, quicker PDF)."""
        name = f"head-{id(self.head)}"
        made: dict[str, list[Row]] = c.__dict__.setdefault("_kinerja_heads", {})
        if name not in made:  # the head is kept with its name: its id is never reused
            height = self._head_height()
            x0, x1 = self.grid.edges[0], self.grid.edges[-1]
            c.beginForm(name, x0 - 2, -height - 2, x1 + 2, 2)
            draw_head(c, self.grid, self.head, 0.0)
            c.endForm()
            made[name] = self.head
        c.saveState()
        c.translate(0, top)
        c.doForm(name)
        c.restoreState()
        return top - self._head_height()


@dataclass
class Whole:
    """Something drawn in one piece (`draw(c, top)`), `size` tall."""

    size: float
    paint: Callable[[Canvas, float], None]
    gap: float = 0.0
    keep_with_next: bool = False

    def height(self) -> float:
        return self.gap + self.size

    def min_height(self) -> float:
        return self.height()

    def split(self, room: float) -> tuple[Whole | None, Whole | None]:
        return None, self

    def draw(self, c: Canvas, top: float) -> None:
        self.paint(c, top - self.gap)


@dataclass
class PageBreak:
    keep_with_next: bool = False

    def height(self) -> float:
        return 0.0

    def min_height(self) -> float:
        return 0.0


Block = Lines | TableBlock | Whole | PageBreak


def paginate(blocks: Sequence[Block], room: float) -> list[list[Block]]:
    """Blocks per page (each page `room` tall)."""
    pages: list[list[Block]] = [[]]
    left = room
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        if isinstance(block, PageBreak):
            if pages[-1]:
                pages.append([])
                left = room
            continue
        need = block.height()
        if block.keep_with_next and queue and not isinstance(queue[0], PageBreak):
            need += queue[0].min_height()
        if need <= left + 1e-6:
            pages[-1].append(block)
            left -= block.height()
            continue
        head, tail = (None, block) if block.keep_with_next else block.split(left)
        if head is not None:
            pages[-1].append(head)
            if tail is not None:
                queue.insert(0, tail)
        elif not pages[-1]:  # too tall for an empty page: set it anyway (cut at the foot)
            pages[-1].append(block)
            continue
        else:
            queue.insert(0, block)
        pages.append([])
        left = room
    return [p for p in pages if p] or [[]]


@dataclass
class ReportDocument:
    settings: PageSettings
    blocks: list[Block]
    footer: FooterInfo
    title: str
    author: str
    frame: Frame = field(init=False)

    def __post_init__(self) -> None:
        self.frame = frame_of(self.settings)

    def pages(self) -> list[list[Block]]:
        return paginate(self.blocks, self.frame.height)


def render(doc: ReportDocument, path: Path) -> int:
    """Write `doc` atomically to `path`; the number of pages."""
    pages = doc.pages()

    def produce(filename: str) -> None:
        c = new_canvas(filename, doc.settings.size, doc.title, doc.author)
        c.setSubject(doc.title)
        define_qr_form(c, doc.footer)
        for n, blocks in enumerate(pages, 1):
            top = doc.frame.top
            for block in blocks:
                if not isinstance(block, PageBreak):
                    block.draw(c, top)
                    top -= block.height()
            draw_footer(c, doc.settings, doc.footer, n, len(pages))
            c.showPage()
        c.save()

    write_atomically(Path(path), produce)
    return len(pages)
