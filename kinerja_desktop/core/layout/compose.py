"""The flowchart pages of a printed SOP, composed: the swimlane with room for the
signature block under its last table, and where that block goes.

The same composition feeds the PDF and the on-screen view, so the pages and
page breaks on screen are the printed ones. The block itself (its wrapped
lines) is measured by the caller; this module only needs its height, in
each form the caller can set it (normal first, then more compact ones).

The rule: the layout keeps room for the block under the last table (so it
never stands alone on a page: rows move with it instead); a more compact
form is used only when it saves a page. The block then sits right under the
lowest thing drawn on the last page — or, in the one case the layout cannot
help (a last row that fills a page alone), on a page of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..page import PageSettings
from ..sop import SopDocument
from . import Reuse, layout_sop
from .display import DisplayPage
from .memo import PageMemo
from .primitives import LayoutPage, Measure, SwimlaneLayout
from .render import display_page

OUT_ROOM = 40.0  # more than an outgoing band and an incoming strip take


@dataclass(frozen=True)
class BlockPlace:
    """Where the signature block goes: on page `page` (an index into the
    composed pages), against the right edge `right`, its top (the gap above
    it included) at `top`, y down."""

    page: int
    right: float
    top: float


@dataclass
class Flowchart:
    """The composed flowchart: the layout, which block height it kept room for
    (`form`, an index into the heights offered), one display page per printed
    page, and where the block goes. When the block has a page of its own, that
    page is the last of `pages` (and has no table)."""

    layout: SwimlaneLayout
    form: int
    pages: list[DisplayPage]
    block: BlockPlace

    @property
    def notices(self) -> list[str]:
        return self.layout.notices


def compose_flowchart(
    doc: SopDocument,
    settings: PageSettings,
    measure: Measure,
    block_heights: Sequence[float],
    memo: PageMemo | None = None,
) -> Flowchart:
    """Lay out `doc` with room for a block of the first of `block_heights`
    (normal, then compact forms) and place the block. `memo` keeps pages
    between layouts of a document being edited (`memo.PageMemo`)."""
    layout, form = signed_layout(doc, settings, measure, block_heights, memo)
    pages = [display_page(page, measure) for page in layout.pages]
    block = place_block(layout.pages, block_heights[form], settings)
    if block.page == len(pages):
        pages.append(DisplayPage(*settings.size))
    return Flowchart(layout, form, pages, block)


def signed_layout(
    doc: SopDocument,
    settings: PageSettings,
    measure: Measure,
    block_heights: Sequence[float],
    memo: PageMemo | None = None,
) -> tuple[SwimlaneLayout, int]:
    """The layout with room for the block under its last table, and the index of
    the form kept: a later (more compact) form only when it saves a page."""
    reuse = Reuse(memo=memo)  # the pages before the last are usually the same: laid out once
    layout = layout_sop(doc, settings, measure, last_page_reserve=block_heights[0], reuse=reuse)
    form = 0
    for k, height in enumerate(block_heights[1:], start=1):
        if len(layout.pages) <= 1:
            break
        if not could_save_a_page(layout, height, settings):
            continue  # laying it out again could not end a page sooner
        shorter = layout_sop(doc, settings, measure, last_page_reserve=height, reuse=reuse)
        if len(shorter.pages) < len(layout.pages):
            layout, form = shorter, k
    return layout, form


def could_save_a_page(layout: SwimlaneLayout, height: float, settings: PageSettings) -> bool:
    """Whether a block `height` tall might let the last page's rows join the page
    before: they and the block fit in the room left there (generously counted:
    the bands for off-page connectors between the two pages would go too)."""
    last, before = layout.pages[-1], layout.pages[-2]
    if before.table_rect is None or not last.rows:
        return True
    rows = sum(r.h for r in last.rows)
    bands = (before.table_rect.bottom - before.rows[-1].y - before.rows[-1].h) if before.rows else 0
    free = settings.content_bottom - before.table_rect.bottom + abs(bands) + OUT_ROOM
    return rows + height <= free + 1.0


def place_block(pages: Sequence[LayoutPage], height: float, settings: PageSettings) -> BlockPlace:
    """Under the lowest point of the last page when the block fits above the
    footer band there; else at the top of a page of its own (index len(pages))."""
    right = settings.content_right
    if pages:
        top = lowest_point(pages[-1])
        below = pages[-1].height - top  # the room under it, measured up from the paper's edge
        if below - height >= settings.margin_bottom + settings.reserve_bottom:
            return BlockPlace(len(pages) - 1, right, top)
    return BlockPlace(len(pages), right, settings.margin_top)


def lowest_point(page: LayoutPage) -> float:
    """The lowest point the layout drew on (y down)."""
    bottoms = [off.rect.bottom for off in page.offpages]
    bottoms += [box.rect.bottom for box in page.boxes]
    bottoms += [ln.a[1] for ln in page.lines] + [ln.b[1] for ln in page.lines]
    bottoms += [p[1] for conn in page.connectors for p in conn.points]
    bottoms += [t.y + t.size * 0.3 for t in page.texts]
    if page.table_rect is not None:
        bottoms.append(page.table_rect.bottom)
    return max(bottoms, default=0.0)
