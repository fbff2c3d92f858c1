"""Page geometry shared by the sheets set directly on the canvas.

`Frame` is the content area of a page in reportlab coordinates (y up): inside
the margins and above the footer band, the same area the swimlane layout
fills. `settings_for` is `core.page.page_settings`: the `PageSettings` every
part of one document uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.page import PageSettings, page_settings

PageDraw = Callable[[Canvas], None]
"""Draws the body of one planned page (the footer is added by the writer)."""


@dataclass(frozen=True)
class Frame:
    left: float
    right: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def settings_for(kertas: str, tegak: bool) -> PageSettings:
    """Page settings for paper `kertas` ("A4" / "F4"), landscape unless `tegak`."""
    return page_settings(kertas, tegak)


def frame_of(settings: PageSettings) -> Frame:
    width, height = settings.size
    return Frame(
        left=settings.margin_left,
        right=width - settings.margin_right,
        top=height - settings.margin_top,
        bottom=settings.margin_bottom + settings.reserve_bottom,
    )
