"""Finding a clear spot for an exit label: blocks of lines, obstacles, and the search.

A label is a `LabelBlock` (its lines, wrapped and measured, at one size) put at
a spot: its box's left and top edges. A spot is clear when the box keeps
`LABEL_GAP` from every obstacle (lines and shapes, with the width they are
drawn at) and `LABEL_APART` from labels already placed, inside the bounds it
must stay in. `search` looks, within one band (the decision's row), for the
clear spot nearest to the exit: the box's edges are tried flush against the
clear space of each obstacle, which finds the tight fits a grid would miss.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .clearance import ASCENT, DESCENT, LABEL_GAP, Obstacle
from .primitives import Anchor, Font, Point, TextRun

LINE = 1.15  # label line height as a multiple of its size
LABEL_APART = 1.0  # clear space between two labels
SPARE = 0.05  # placed this much clearer than required, against rounding
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Hard = tuple[float, float, float, float, float]  # an obstacle's box and the space it needs


@dataclass(frozen=True)
class LabelBlock:
    """The lines of one label at one size, with their widths."""

    lines: tuple[str, ...]
    widths: tuple[float, ...]
    size: float

    @property
    def w(self) -> float:
        return max(self.widths)

    @property
    def h(self) -> float:
        return (ASCENT + DESCENT) * self.size + (len(self.lines) - 1) * LINE * self.size

    def runs(self, spot: Point, anchor: Anchor, step_id: str) -> list[TextRun]:
        """Text runs with the block's box at `spot` (left, top), lines aligned by `anchor`."""
        left, top = spot
        x = {Anchor.START: left, Anchor.MIDDLE: left + self.w / 2, Anchor.END: left + self.w}
        return [
            TextRun(
                x[anchor],
                top + ASCENT * self.size + k * LINE * self.size,
                line,
                Font.REGULAR,
                self.size,
                anchor,
                "exit-label",
                step_id,
            )
            for k, line in enumerate(self.lines)
        ]


def hard(obstacles: Iterable[Obstacle]) -> list[Hard]:
    """Obstacles as plain tuples with the clear space each one needs."""
    return [
        (o.rect.x, o.rect.y, o.rect.right, o.rect.bottom, o.half + LABEL_GAP + SPARE)
        for o in obstacles
    ]


def placed_hard(boxes: Iterable[Box]) -> list[Hard]:
    return [(*b, LABEL_APART + SPARE) for b in boxes]


def slack(box: Box, obstacles: list[Hard], bounds: Box) -> float:
    """How much clearer than needed `box` is (negative: too close somewhere)."""
    x0, y0, x1, y1 = box
    worst = min(x0 - bounds[0], y0 - bounds[1], bounds[2] - x1, bounds[3] - y1)
    for ox0, oy0, ox1, oy1, need in obstacles:
        dx = ox0 - x1 if ox0 > x1 else (x0 - ox1 if x0 > ox1 else 0.0)
        dy = oy0 - y1 if oy0 > y1 else (y0 - oy1 if y0 > oy1 else 0.0)
        if dx >= need or dy >= need:
            continue
        worst = min(worst, (dx * dx + dy * dy) ** 0.5 - need)
    return worst


def clear(box: Box, obstacles: list[Hard], bounds: Box) -> bool:
    x0, y0, x1, y1 = box
    if x0 < bounds[0] or y0 < bounds[1] or x1 > bounds[2] or y1 > bounds[3]:
        return False
    for ox0, oy0, ox1, oy1, need in obstacles:
        dx = ox0 - x1 if ox0 > x1 else (x0 - ox1 if x0 > ox1 else 0.0)
        if dx >= need:
            continue
        dy = oy0 - y1 if oy0 > y1 else (y0 - oy1 if y0 > oy1 else 0.0)
        if dy >= need:
            continue
        if dx * dx + dy * dy < need * need:
            return False
    return True


def nearer(box: Box, own: list[Box], others: list[Box], margin: float = 0.5) -> bool:
    """True when the nearest of `own` is nearer to `box` than any of `others` (by
    `margin`): a label reads as naming the line it is nearest to."""
    mine = min((box_gap(box, b) for b in own), default=0.0)
    return all(box_gap(box, b) >= mine + margin for b in others)


def box_gap(a: Box, b: Box) -> float:
    dx = max(a[0] - b[2], b[0] - a[2], 0.0)
    dy = max(a[1] - b[3], b[1] - a[3], 0.0)
    return (dx * dx + dy * dy) ** 0.5


def search(
    block: LabelBlock,
    exit_point: Point,
    obstacles: list[Hard],
    band: Box,
    reach: float,
    *,
    fits: Callable[[Box], bool] = lambda _box: True,
) -> Point | None:
    """The clear spot (left, top) for `block` in `band` nearest to `exit_point`,
    at most `reach` away from it, where `fits` holds; None when there is none."""
    w, h = block.w, block.h
    ex, ey = exit_point
    lo_x, hi_x = max(band[0], ex - reach - w), min(band[2] - w, ex + reach)
    lo_y, hi_y = max(band[1], ey - reach - h), min(band[3] - h, ey + reach)
    if lo_x > hi_x or lo_y > hi_y:
        return None
    xs = _positions(ex, w, lo_x, hi_x, ((o[0], o[2], o[4]) for o in obstacles))
    ys = _positions(ey, h, lo_y, hi_y, ((o[1], o[3], o[4]) for o in obstacles))
    near = _near((lo_x, lo_y, hi_x + w, hi_y + h), obstacles)
    # squared distance of box to the exit: its x part depends on x only, its y part on y
    dxs = [(x, max(x - ex, ex - (x + w), 0.0)) for x in xs]
    dys = [(y, max(y - ey, ey - (y + h), 0.0)) for y in ys]
    spots = sorted((dx * dx + dy * dy, x, y) for x, dx in dxs for y, dy in dys)
    by_x = {x: _within_x(near, x, x + w) for x in xs}
    for _d, x, y in spots:
        box = (x, y, x + w, y + h)
        if clear(box, by_x[x], band) and fits(box):
            return (x, y)
    return None


def _near(window: Box, obstacles: list[Hard]) -> list[Hard]:
    """The obstacles that can come too close to a box inside `window`: every other
    one keeps its clear space from any such box, so `clear` gives the same answer
    without it (the search tries hundreds of spots against a page's obstacles)."""
    wx0, wy0, wx1, wy1 = window
    return [
        o
        for o in obstacles
        if o[0] - o[4] < wx1 and o[2] + o[4] > wx0 and o[1] - o[4] < wy1 and o[3] + o[4] > wy0
    ]


def _within_x(obstacles: list[Hard], x0: float, x1: float) -> list[Hard]:
    """The obstacles closer across than their clear space to a box spanning
    [x0, x1]: `clear` passes over every other one (the same test it makes)."""
    out = []
    for o in obstacles:
        dx = o[0] - x1 if o[0] > x1 else (x0 - o[2] if x0 > o[2] else 0.0)
        if dx < o[4]:
            out.append(o)
    return out


def _positions(
    target: float, size: float, lo: float, hi: float, spans: Iterator[tuple[float, float, float]]
) -> list[float]:
    """Start positions worth trying on one axis: centred on the target, flush
    against either side of each obstacle's clear space, and the band's ends."""
    found = {min(max(target - size / 2, lo), hi), lo, hi}
    for a, b, need in spans:
        for v in (b + need, a - need - size):
            if lo <= v <= hi:
                found.add(v)
    return sorted(found)
