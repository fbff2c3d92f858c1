"""The "DRAF" mark of a sheet that is not to be signed as it is.

A draft print, a sheet printed despite kesalahan (`--paksa`), or one that
lacks what a signed sheet must show (a nomor, the signer's name) carries it
on every page: large light diagonal letters behind the content, so nothing
of the sheet is hidden, and a framed "DRAF" at the top right of the margin
that no photocopy loses.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import MM, PageSettings

from .fonts import SANS_BOLD

WORD = "DRAF"
SHADE = Color(0.82, 0.82, 0.82)
TAG_SIZE = 10.0


def draw_draft_watermark(c: Canvas, settings: PageSettings) -> None:
    """The big diagonal letters, drawn before the page's content (y up)."""
    width, height = settings.size
    size = min(width, height) * 0.28
    c.saveState()
    c.setFillColor(SHADE)
    c.setFont(SANS_BOLD, size)
    c.translate(width / 2, height / 2)
    c.rotate(30 if width > height else 45)
    c.drawCentredString(0, -size * 0.35, WORD)
    c.restoreState()


def draw_draft_tag(c: Canvas, settings: PageSettings) -> None:
    """The framed word in the top margin at right, drawn over everything (y up)."""
    width, height = settings.size
    text_w = c.stringWidth(WORD, SANS_BOLD, TAG_SIZE)
    pad = 1.5 * MM
    right = width - settings.margin_right
    top = height - max(settings.margin_top * 0.25, 2 * MM)
    box_h = TAG_SIZE + 2 * pad
    c.saveState()
    c.setStrokeColor(black)
    c.setFillColor(black)
    c.setLineWidth(1.0)
    c.rect(right - text_w - 2 * pad, top - box_h, text_w + 2 * pad, box_h, stroke=1, fill=0)
    c.setFont(SANS_BOLD, TAG_SIZE)
    c.drawString(right - text_w - pad, top - box_h + pad + 1.2, WORD)
    c.restoreState()
