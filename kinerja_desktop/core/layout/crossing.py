"""What a planned connector would cross: the price the router pays for it.

Where lines must cross (loops and skips over other flows) the display list
bridges one of them (`render.py`), but every crossing still costs the reader
a look; a crossing of another connector's final segment (its arrow's run into
the target) reads as if both flows fed that arrow, so it costs far more. The
router (`tracks.py`) adds `crossing_cost` to every candidate's length and
takes the cheapest, which picks the side and track with the fewest crossings.
"""

from __future__ import annotations

from collections.abc import Sequence

from .primitives import ConnectorKind, Point
from .routing import Router

CROSS_COST = 40.0  # a crossing is worth this many points of extra line
FINAL_COST = 400.0  # crossing an arrow's final run (or having one's own crossed)
EPS = 1e-3
Seg = tuple[float, float, float, float, bool]  # x0 <= x1, y0 <= y1, is a final run


def _seg(a: Point, b: Point, final: bool) -> Seg:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), final)


def _runs(points: Sequence[Point], arrow: bool) -> list[Seg]:
    last = len(points) - 2
    return [_seg(points[k], points[k + 1], arrow and k == last) for k in range(last + 1)]


def drawn_segments(router: Router) -> list[Seg]:
    """The runs of every connector drawn on the page so far, and of the off-page
    runs waiting for their pentagons (whose last runs end in an arrow)."""
    out: list[Seg] = []
    for conn in router.connectors:
        out += _runs(conn.points, conn.kind is not ConnectorKind.JOIN and conn.arrow)
    for pending in router.pending_out:
        out += _runs(pending.points, True)
    for pending in router.pending_in:
        out += _runs(pending.points, True)
    return out


def crossing_cost(points: Sequence[Point], drawn: Sequence[Seg]) -> float:
    """The price of the crossings of a connector along `points` (its last run
    ends in an arrow) with the `drawn` runs."""
    cost = 0.0
    mine = _runs(points, True)
    for a in mine:
        ax0, ay0, ax1, ay1, a_final = a
        flat_a = ay1 - ay0 <= EPS
        upright_a = ax1 - ax0 <= EPS
        if flat_a == upright_a:
            continue
        for bx0, by0, bx1, by1, b_final in drawn:
            if flat_a:
                if not (by1 - by0 > EPS and bx1 - bx0 <= EPS):
                    continue
                x, y = bx0, ay0
                if not (ax0 + EPS < x < ax1 - EPS and by0 + EPS < y < by1 - EPS):
                    continue
            else:
                if not (bx1 - bx0 > EPS and by1 - by0 <= EPS):
                    continue
                x, y = ax0, by0
                if not (bx0 + EPS < x < bx1 - EPS and ay0 + EPS < y < ay1 - EPS):
                    continue
            cost += FINAL_COST if (a_final or b_final) else CROSS_COST
    return cost
