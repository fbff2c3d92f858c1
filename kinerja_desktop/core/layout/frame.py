"""Where things are on one flowchart page: each step's row and symbols, and the bands.

The routing modules work on a `Frame`: a step's `Place` knows its row, its
symbols (one per lane), their outer sides, the level just above the symbols
where connectors coming from above turn (`y_in`), and the level below them
where a decision's bottom exit may turn (`y_below`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .lanes import LaneGeometry
from .primitives import Point, Rect, SymbolKind


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    TOP = "top"
    BOTTOM = "bottom"


@dataclass(frozen=True)
class Place:
    """A step on its page: row, symbols and the levels connectors use."""

    index: int
    step_id: str
    kind: SymbolKind
    lanes: tuple[int, ...]
    rects: dict[int, Rect]
    row_y: float
    row_h: float
    y_in: float
    y_below: float

    @property
    def decision(self) -> bool:
        return self.kind is SymbolKind.DECISION

    @property
    def cy(self) -> float:
        return self.rects[self.lanes[0]].cy

    @property
    def top(self) -> float:
        return self.rects[self.lanes[0]].y

    @property
    def bottom(self) -> float:
        return self.rects[self.lanes[0]].bottom

    def side_x(self, side: Side) -> float:
        if side is Side.LEFT:
            return self.rects[self.lanes[0]].x
        return self.rects[self.lanes[-1]].right

    def side_point(self, side: Side) -> Point:
        return (self.side_x(side), self.cy)

    def outside(self, lane: int) -> bool:
        """True when `lane` lies left of the first or right of the last symbol."""
        return lane < self.lanes[0] or lane > self.lanes[-1]

    def side_toward(self, lane: int) -> Side:
        return Side.LEFT if lane < self.lanes[0] else Side.RIGHT

    def nearest(self, x: float) -> Rect:
        return min((self.rects[k] for k in self.lanes), key=lambda r: (abs(r.cx - x), r.cx))


def make_place(
    index: int,
    step_id: str,
    kind: SymbolKind,
    lanes: tuple[int, ...],
    *,
    geo: LaneGeometry,
    row: Rect,
) -> Place:
    cy = row.y + row.h / 2
    rects = {lane: geo.symbol_rect(lane, kind, cy) for lane in lanes}
    sym = rects[lanes[0]]
    y_in = max(row.y + geo.grid_clear, sym.y - geo.sizes.arrow)
    y_below = sym.bottom + (row.bottom - sym.bottom) / 2
    return Place(index, step_id, kind, lanes, rects, row.y, row.h, y_in, y_below)


@dataclass
class Frame:
    """One page as the router sees it."""

    places: dict[int, Place]
    steps: list[int]  # step indexes on the page, in row order (with or without symbols)
    geo: LaneGeometry
    table_bottom: float
    in_strip: tuple[float, float] | None  # top and bottom of the incoming strip
    out_bottom: float  # lower edge of the outgoing band under the table
    pent_w: float
    pent_h: float
    position: dict[int, int] = field(default_factory=dict)  # step index -> row number on page
    ends: tuple[tuple[float, float], ...] = ()  # x spans of the Selesai symbols on the page

    def __post_init__(self) -> None:
        self.position = {s: k for k, s in enumerate(self.steps)}

    @property
    def first(self) -> int | None:
        return self.steps[0] if self.steps else None

    @property
    def last(self) -> int | None:
        return self.steps[-1] if self.steps else None
