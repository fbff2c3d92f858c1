"""Charts of the Rekap as vector drawings on the page (no pictures).

* `bar_chart`: one horizontal bar per item (indicator or unit), as long as its
  capaian (the axis ends at the largest value, at least 120 %), coloured by
  the colour bands, with the figure at its end and a rule at 100 %;
* `trend_chart`: the Kecamatan's mean capaian per period as columns joined
  by a line, with the figure above each.

An item without a capaian is listed with "—" and no bar: never drawn as 0.
"""

from __future__ import annotations

import itertools

from reportlab.lib.colors import HexColor, black
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD
from ..frame import Frame
from ..text import RIGHT, Style, TextLine, draw_line, width_of
from .blocks import Whole
from .common import pct

LABEL = Style(SANS, 6.5, 8)
TITLE = Style(SANS_BOLD, 8, 10)
BAR = 7.0
STEP = 9.5
GREY = "#9E9E9E"
AXIS = "#606060"


def _axis_max(values: list[float]) -> float:
    top = max([120.0, *values])
    return float(int(top / 20 + 0.999) * 20)


def bar_chart(title: str, items: list[tuple[str, float | None, str]], frame: Frame) -> Whole:
    """Horizontal bars: (label, capaian or None, colour '#RRGGBB' or '')."""
    label_w = min(
        frame.width * 0.35, max([width_of(lbl, LABEL) for lbl, _v, _c in items] + [40.0]) + 6
    )
    plot_w = frame.width - label_w - 40
    values = [v for _l, v, _c in items if v is not None]
    top_value = _axis_max(values)
    size = TITLE.leading + 4 + len(items) * STEP + 16

    def paint(c: Canvas, top: float) -> None:
        draw_line(c, TextLine(title, TITLE), frame.left, top, frame.width)
        y0 = top - TITLE.leading - 4
        x0 = frame.left + label_w
        for i, (label, value, colour) in enumerate(items):
            y = y0 - (i + 1) * STEP
            draw_line(c, TextLine(label, LABEL.with_(align=RIGHT)), frame.left, y + 9, label_w - 4)
            if value is None:
                c.setFont(SANS, 6.5)
                c.drawString(x0 + 2, y + 1.5, "— (belum dapat dihitung)")
                continue
            length = plot_w * min(value, top_value) / top_value
            c.setFillColor(HexColor(colour or GREY))
            c.rect(x0, y, max(length, 0.5), BAR, stroke=0, fill=1)
            c.setFillColor(black)
            c.setFont(SANS, 6.5)
            c.drawString(x0 + length + 2, y + 1.5, pct(value))
        bottom = y0 - len(items) * STEP - 2
        _axis(c, x0, bottom, plot_w, top=y0, top_value=top_value)

    return Whole(size, paint, 3 * MM)


def _axis(
    c: Canvas, x0: float, bottom: float, width: float, *, top: float, top_value: float
) -> None:
    c.setStrokeColor(HexColor(AXIS))
    c.setLineWidth(0.5)
    c.line(x0, bottom, x0 + width, bottom)
    c.line(x0, bottom, x0, top)
    c.setFont(SANS, 6)
    c.setFillColor(black)
    step = 20.0 if top_value <= 200 else 50.0
    tick = 0.0
    while tick <= top_value + 1e-9:
        x = x0 + width * tick / top_value
        c.line(x, bottom, x, bottom - 2)
        c.drawCentredString(x, bottom - 8, f"{int(tick)}")
        tick += step
    x100 = x0 + width * 100 / top_value
    c.setDash(2, 2)
    c.line(x100, bottom, x100, top)
    c.setDash()
    c.setStrokeColor(black)


def trend_chart(title: str, points: list[tuple[str, float | None]], frame: Frame) -> Whole:
    """Columns of the mean capaian per period, joined by a line."""
    height = 38 * MM
    width = min(frame.width, max(60 * MM, len(points) * 22 * MM))
    values = [v for _l, v in points if v is not None]
    top_value = _axis_max(values)
    size = TITLE.leading + 4 + height + 12

    def paint(c: Canvas, top: float) -> None:
        draw_line(c, TextLine(title, TITLE), frame.left, top, frame.width)
        x0, bottom = frame.left + 24, top - TITLE.leading - 4 - height
        plot_w = width - 30
        slot = plot_w / max(len(points), 1)
        c.setStrokeColor(HexColor(AXIS))
        c.setLineWidth(0.5)
        c.line(x0, bottom, x0 + plot_w, bottom)
        c.line(x0, bottom, x0, bottom + height)
        c.setFont(SANS, 6)
        c.setFillColor(black)
        for tick in range(0, int(top_value) + 1, 40 if top_value > 160 else 20):
            y = bottom + height * tick / top_value
            c.line(x0 - 2, y, x0, y)
            c.drawRightString(x0 - 3, y - 2, str(tick))
        centres = []
        for i, (label, value) in enumerate(points):
            cx = x0 + slot * (i + 0.5)
            c.setFont(SANS, 6.5)
            c.drawCentredString(cx, bottom - 8, label)
            if value is None:
                c.drawCentredString(cx, bottom + 3, "—")
                continue
            h = height * min(value, top_value) / top_value
            c.setFillColor(HexColor("#8EA9DB"))
            c.rect(cx - slot * 0.25, bottom, slot * 0.5, h, stroke=0, fill=1)
            c.setFillColor(black)
            c.drawCentredString(cx, bottom + h + 2, pct(value))
            centres.append((cx, bottom + h))
        c.setStrokeColor(HexColor("#1F4E79"))
        c.setLineWidth(1)
        for (xa, ya), (xb, yb) in itertools.pairwise(centres):
            c.line(xa, ya, xb, yb)
        c.setStrokeColor(black)

    return Whole(size, paint, 4 * MM)
