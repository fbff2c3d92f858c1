"""The swimlane layout: an SOP and page settings to pages of drawing primitives.

One geometry for every painter: `layout_sop` decides, in points, where every
cell, text line, symbol, connector and off-page connector of the flowchart
sheet goes (`primitives.py`); `render.display_page` inks a page into a display
list (`display.py`, with every width, dash and colour from `style.py`), and
`compose.compose_flowchart` makes the printed flowchart pages with room for
the signature. The PDF (`exchange.pdf.sop.painter`) and the screen
(`ui.swimlane.painter`) only interpret display lists. Text widths come from the
caller's `measure`, so this package needs neither reportlab nor Qt.
"""

from __future__ import annotations

from ..page import PageSettings
from ..sop import SopDocument
from .build import Reuse, build_layout
from .primitives import Measure, SwimlaneLayout

__all__ = ["Reuse", "layout_sop"]


def layout_sop(
    doc: SopDocument,
    settings: PageSettings,
    measure: Measure,
    *,
    last_page_reserve: float = 0.0,
    reuse: Reuse | None = None,
) -> SwimlaneLayout:
    """Lay out the flowchart sheet(s) of `doc` on pages described by `settings`.

    `measure(text, font, size)` gives the width in points of `text`. The result
    holds one `LayoutPage` per printed page and notices (in Indonesian) for the
    user when text had to be shrunk or cut, or something could not be drawn.
    `last_page_reserve` is height kept free under the table on the last page
    (the printed signature block), so that it never stands alone on a page:
    rows move to a new page with it instead (unless one row fills a page).
    Layouts of one document that differ only in `last_page_reserve` can share
    their work through one `Reuse()` (the results are the same).
    """
    return build_layout(doc, settings, measure, last_page_reserve, reuse)
