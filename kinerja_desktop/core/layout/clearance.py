"""Clear space around text on a flowchart page: the boxes text occupies and the gaps
it keeps from lines and shapes.

A text run's box spans its measured width and, vertically, the tops of its
capitals and ascenders down to its descenders. Lines (the table's grid,
connectors) and shapes (symbols, off-page pentagons) are obstacles with the
width they are drawn at; the gap is the clear space between a box and the
ink of an obstacle. Exit labels keep `LABEL_GAP` from every obstacle; the
label placer and the layout checker both measure it here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from .primitives import Box, Connector, Line, Measure, OffPage, Point, Rect, Symbol, TextRun
from .style import CONNECTOR_WIDTH, SYMBOL_LINE
from .text import run_extent

ASCENT = 0.76  # top of capitals and ascenders above the baseline, as a share of the size
DESCENT = 0.22  # bottom of descenders below it
LABEL_GAP = 1.5  # clear space an exit label keeps from every line and shape


@dataclass(frozen=True)
class Obstacle:
    """Something drawn that text keeps clear of: a rectangle (a segment is a flat
    one) and half the width of its drawn line."""

    rect: Rect
    half: float


def run_box(run: TextRun, measure: Measure) -> Rect:
    x0, x1 = run_extent(run, measure)
    top = run.y - ASCENT * run.size
    return Rect(x0, top, x1 - x0, (ASCENT + DESCENT) * run.size)


def rect_gap(a: Rect, b: Rect) -> float:
    """Distance between two rectangles (0 when they touch or overlap)."""
    dx = max(a.x - b.right, b.x - a.right, 0.0)
    dy = max(a.y - b.bottom, b.y - a.bottom, 0.0)
    return (dx * dx + dy * dy) ** 0.5


def segment_rect(a: Point, b: Point) -> Rect:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return Rect(x0, y0, x1 - x0, y1 - y0)


def gap_to(box: Rect, obstacles: Iterable[Obstacle]) -> float:
    """The clear space between `box` and the nearest obstacle (inf when none)."""
    return min((rect_gap(box, o.rect) - o.half for o in obstacles), default=float("inf"))


def grid_obstacles(lines: Iterable[Line], boxes: Iterable[Box]) -> list[Obstacle]:
    out = [Obstacle(segment_rect(ln.a, ln.b), ln.line_width / 2) for ln in lines]
    for box in boxes:
        if not box.stroke:
            continue
        r = box.rect
        corners = [(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom), (r.x, r.y)]
        out += [
            Obstacle(segment_rect(a, b), box.line_width / 2) for a, b in itertools.pairwise(corners)
        ]
    return out


def drawing_obstacles(
    connectors: Iterable[Connector], symbols: Iterable[Symbol], offpages: Iterable[OffPage]
) -> list[Obstacle]:
    out = [
        Obstacle(segment_rect(a, b), CONNECTOR_WIDTH / 2)
        for conn in connectors
        for a, b in itertools.pairwise(conn.points)
    ]
    out += [Obstacle(s.rect, SYMBOL_LINE / 2) for s in symbols]
    out += [Obstacle(o.rect, SYMBOL_LINE / 2) for o in offpages]
    return out


def split_lane_lines(
    lines: Iterable[Line], left: float, right: float
) -> tuple[list[Line], list[Line]]:
    """The grid lines between two lanes (vertical, strictly inside `left`..`right`),
    and the others. An exit label that has no room inside its lane may run over a
    lane line, as on hand-made sheets; it never runs over any other line."""
    inner: list[Line] = []
    rest: list[Line] = []
    for ln in lines:
        upright = abs(ln.a[0] - ln.b[0]) < 1e-9
        (inner if upright and left + 1e-6 < ln.a[0] < right - 1e-6 else rest).append(ln)
    return inner, rest
