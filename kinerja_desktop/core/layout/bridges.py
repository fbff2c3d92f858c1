"""Bridges where two connectors cross, so that a crossing never reads as a junction.

Where a horizontal run crosses another connector's vertical run, the
horizontal one hops over it: a small arc (drawn as a polyline, so every
painter already knows how to ink it), as office drawing programs do. Hops
close together become one wider arc. A crossing too near the end of the
horizontal run (a corner, or the arrowhead) is bridged on the vertical run
instead, with a bump to the side. The layout decides all of this; `render.py`
puts the bridged lines in the display list.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from .primitives import Connector, ConnectorKind, Point
from .style import ARROW_LENGTH

HOP = 2.4  # radius of a bridge
ARC_STEPS = 8  # chords per arc
EPS = 1e-3
END_CLEAR = HOP + 1.0  # a bridge keeps this far from the ends of its run
MERGE = 2 * HOP + 1.5  # crossings closer than this share one bridge


def _clean(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-6 or abs(out[-1][1] - p[1]) > 1e-6:
            out.append(p)
    return out


def bridged_points(connectors: Sequence[Connector]) -> list[list[Point]]:
    """Each connector's points, with the arcs of its bridges put in."""
    lines = [_clean(c.points) for c in connectors]
    hops: dict[tuple[int, int], list[float]] = {}
    for k, pts in enumerate(lines):
        for i, (a, b) in enumerate(itertools.pairwise(pts)):
            if abs(a[1] - b[1]) > EPS or abs(a[0] - b[0]) <= EPS:
                continue
            for j, other in enumerate(lines):
                if j != k:
                    _hops_over(lines, connectors, (k, i), (j, other), hops)
    return [_with_hops(k, pts, hops) for k, pts in enumerate(lines)]


def _end_room(conn: Connector, pts: list[Point], i: int) -> tuple[float, float]:
    """How far from the start and the end of run `i` a bridge must stay."""
    last = i == len(pts) - 2
    arrow = conn.arrow and conn.kind is not ConnectorKind.JOIN
    return END_CLEAR, END_CLEAR + (ARROW_LENGTH if last and arrow else 0.0)


def _hops_over(
    lines: list[list[Point]],
    connectors: Sequence[Connector],
    run: tuple[int, int],
    other: tuple[int, list[Point]],
    hops: dict[tuple[int, int], list[float]],
) -> None:
    """Bridges for horizontal run `run` over the vertical runs of `other`."""
    k, i = run
    (ax, y), (bx, _) = lines[k][i], lines[k][i + 1]
    lo, hi = min(ax, bx), max(ax, bx)
    j, pts = other
    for m, (c, d) in enumerate(itertools.pairwise(pts)):
        x = c[0]
        if abs(c[0] - d[0]) > EPS or not (lo + EPS < x < hi - EPS):
            continue
        if not (min(c[1], d[1]) + EPS < y < max(c[1], d[1]) - EPS):
            continue
        start, end = _end_room(connectors[k], lines[k], i)
        near_start, near_end = abs(x - ax), abs(bx - x)
        if near_start >= start and near_end >= end:
            hops.setdefault((k, i), []).append(x)
            continue
        v_start, v_end = _end_room(connectors[j], pts, m)
        if abs(y - c[1]) >= v_start and abs(d[1] - y) >= v_end:
            hops.setdefault((j, m), []).append(y)


def _with_hops(k: int, pts: list[Point], hops: dict[tuple[int, int], list[float]]) -> list[Point]:
    out: list[Point] = pts[:1]
    for i in range(len(pts) - 1):
        a, b = pts[i], pts[i + 1]
        at = hops.get((k, i))
        if at:
            out += _run_with_arcs(a, b, at)
        out.append(b)
    return out


def _groups(values: list[float], sign: float) -> list[tuple[float, float]]:
    """Crossing positions in the run's direction, close ones grouped."""
    ordered = sorted({round(v, 6) for v in values}, key=lambda v: sign * v)
    groups: list[list[float]] = []
    for v in ordered:
        if groups and abs(v - groups[-1][-1]) < MERGE:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [(g[0], g[-1]) for g in groups]


def _run_with_arcs(a: Point, b: Point, at: list[float]) -> list[Point]:
    """The points of the bridges along the run a -> b (its ends not included)."""
    flat = abs(a[1] - b[1]) <= EPS
    axis = 0 if flat else 1
    sign = 1.0 if b[axis] > a[axis] else -1.0
    out: list[Point] = []
    for g0, g1 in _groups(at, sign):
        centre = (g0 + g1) / 2
        half = abs(g1 - g0) / 2 + HOP
        for step in range(ARC_STEPS + 1):
            theta = math.pi * step / ARC_STEPS
            along = centre - sign * half * math.cos(theta)
            rise = HOP * math.sin(theta)
            out.append((along, a[1] - rise) if flat else (a[0] + rise, along))
    return out
