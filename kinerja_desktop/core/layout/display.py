"""The display list: one page as an ordered list of drawing operations, for any painter.

`render.display_page` turns a `LayoutPage` into a `DisplayPage`; the PDF
painter (`exchange.pdf.sop.painter`) and the Qt painter (`ui.swimlane.painter`)
interpret it op by op, in order, and decide nothing themselves: every outline
(capsule, diamond, pentagon, arrowhead), every line end pulled back for an
arrowhead, every width, dash and colour (`style.py`), and every text run's
position and measured width are here already. So the screen cannot drift from
the paper, and a test can compare what the two painters drew.

Units are points; the origin is the page's top-left corner and y grows
downwards (the PDF painter flips y). Colours are "#rrggbb"; `None` means no
fill (or no outline). Dashes are on/off lengths in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .primitives import Font, Point, Rect
from .style import INK


class Cap(StrEnum):
    """How an open line ends (PDF line cap 0, 1, 2)."""

    BUTT = "butt"
    ROUND = "round"
    SQUARE = "square"


class Join(StrEnum):
    """How the segments of a line meet (PDF line join 0, 1, 2)."""

    MITER = "miter"
    ROUND = "round"
    BEVEL = "bevel"


@dataclass(frozen=True, slots=True)
class Pen:
    """How a line or an outline is stroked."""

    width: float
    color: str = INK
    dash: tuple[float, ...] = ()  # () = solid
    cap: Cap = Cap.BUTT
    join: Join = Join.MITER


@dataclass(frozen=True, slots=True)
class RectOp:
    """A rectangle, filled with `fill` and/or outlined with `pen`."""

    rect: Rect
    fill: str | None = None
    pen: Pen | None = None


@dataclass(frozen=True, slots=True)
class RoundRectOp:
    """A rectangle with quarter-circle corners of `radius` (a capsule when the
    radius is half the height)."""

    rect: Rect
    radius: float
    fill: str | None = None
    pen: Pen | None = None


@dataclass(frozen=True, slots=True)
class PolylineOp:
    """An open line through `points`."""

    points: tuple[Point, ...]
    pen: Pen


@dataclass(frozen=True, slots=True)
class PolygonOp:
    """A closed outline through `points` (arrowhead, diamond, pentagon)."""

    points: tuple[Point, ...]
    fill: str | None = None
    pen: Pen | None = None


@dataclass(frozen=True, slots=True)
class TextOp:
    """One line of text: its left end `x`, its `baseline`, and the `width` the
    layout measured it at (a painter whose font metrics differ fits the run to
    it, so text never runs further on screen than on paper)."""

    x: float
    baseline: float
    text: str
    font: Font
    size: float
    width: float
    color: str = INK

    @property
    def right(self) -> float:
        return self.x + self.width


Op = RectOp | RoundRectOp | PolylineOp | PolygonOp | TextOp


@dataclass
class DisplayPage:
    """One page to draw: `width` × `height` points and its ops in painting order.

    `step_regions` maps a step id to the rectangles of its symbols on this page
    (one per lane; a step done in several lanes has several); `row_regions`
    maps it to its row of the table. A UI maps a click to a step with
    `step_at`, and outlines a step's symbols to highlight it.
    """

    width: float
    height: float
    ops: list[Op] = field(default_factory=list)
    step_regions: dict[str, tuple[Rect, ...]] = field(default_factory=dict)
    row_regions: dict[str, Rect] = field(default_factory=dict)

    def step_at(self, x: float, y: float, *, rows: bool = True) -> str | None:
        """The step whose symbol holds the point (page coordinates); else, with
        `rows`, the step whose table row holds it; else None."""
        for step_id, rects in self.step_regions.items():
            if any(r.contains((x, y)) for r in rects):
                return step_id
        if rows:
            for step_id, rect in self.row_regions.items():
                if rect.contains((x, y)):
                    return step_id
        return None

    def texts(self) -> list[str]:
        """The text of every run, in painting order (for tests and searches)."""
        return [op.text for op in self.ops if isinstance(op, TextOp)]
