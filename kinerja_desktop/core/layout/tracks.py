"""Long connectors: loops back, skips forward, and runs to and from the page edges.

A long connector leaves its source sideways (or from a decision's bottom,
turning below it), runs vertically on a track in a gutter between lanes, and
enters its target from the side facing the track, or, when that side is busy
or the target is a decision, from above (a short hook into its top). Runs that
leave the page end in the band under the table; runs that arrive start in the
strip under the header.

Every candidate gutter and exit is scored (length, turns, hooks, whether the
exit label has room) and the cheapest with a free track wins. Shorter
connectors are routed first and take the tracks nearest the symbols, so loops
nest instead of crossing. Two connectors share a track x only when their
vertical runs are well apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .crossing import crossing_cost, drawn_segments
from .frame import Place, Side
from .labels import label_room, request_label
from .lanes import TRACK_MIN, Half
from .primitives import Anchor, Font, Point
from .routing import Edge, Pending, Router

BEND = 6.0
HOOK = 12.0
LABEL_MISSING_ROOM = 300.0  # an exit whose label has no room by it: worse than a crossing
RIGHT_BIAS = 1.0  # loops go left, like hand-drawn sheets, unless the right is better
# the spacing of tracks tried, in turn, and what a closer one costs
APART = ((TRACK_MIN, 0.0), (TRACK_MIN / 2, 60.0), (0.0, 120.0), (None, 1000.0))
Y_GAP = 14.0  # least vertical distance between two runs on one track (else they look joined)


@dataclass(frozen=True)
class Long:
    """A connector needing a track; `src`/`tgt` None = the incoming strip / outgoing band."""

    edge: Edge
    src: Place | None
    tgt: Place | None
    letter: str | None = None

    def __post_init__(self) -> None:
        if self.src is None and self.tgt is None:
            raise ValueError("a long connector needs a source or a target on the page")

    @property
    def anchor(self) -> Place:
        """The symbol on this page it starts from (or, arriving, ends at)."""
        place = self.src or self.tgt
        if place is None:  # excluded in __post_init__
            raise ValueError("no place")
        return place


@dataclass(frozen=True)
class End:
    """One way to leave a source or to enter a target, for a track at `x`."""

    kind: str  # "side", "bottom", "hook", "strip", "band"
    y: float  # where the track meets it
    place: Place | None = None
    side: Side | None = None

    def points(self, x: float, leaving: bool) -> list[Point]:
        p = self.place
        if self.kind == "side" and p is not None and self.side is not None:
            pts = [p.side_point(self.side), (x, p.cy)]
        elif self.kind == "bottom" and p is not None:
            r = p.nearest(x)
            pts = [(r.cx, p.bottom), (r.cx, p.y_below), (x, p.y_below)]
        elif self.kind == "hook" and p is not None:
            r = p.nearest(x)
            pts = [(r.cx, p.top), (r.cx, p.y_in), (x, p.y_in)]
        else:  # strip or band: the pentagon end is added when pentagons are placed
            pts = [(x, self.y)]
        return pts if leaving else list(reversed(pts))

    def cost(self, x: float, pref_x: float) -> float:
        p = self.place
        if self.kind == "side" and p is not None and self.side is not None:
            return abs(x - p.side_x(self.side)) + (RIGHT_BIAS if self.side is Side.RIGHT else 0.0)
        if self.kind == "bottom" and p is not None:
            return (p.y_below - p.bottom) + abs(x - p.nearest(x).cx) + 2 * BEND
        if self.kind == "hook" and p is not None:
            return abs(x - p.nearest(x).cx) + (p.top - p.y_in) + 2 * BEND + HOOK
        return 0.3 * abs(x - pref_x)


def _starts(router: Router, item: Long) -> list[End]:
    frame = router.frame
    if item.src is None:
        top = frame.in_strip[0] if frame.in_strip else frame.table_bottom
        return [End("strip", top)]
    src = item.src
    out = [
        End("side", src.cy, src, side)
        for side in (Side.LEFT, Side.RIGHT)
        if router.can_send(src, side)
    ]
    if src.decision and router.can_send(src, Side.BOTTOM):
        out.append(End("bottom", src.y_below, src))
    return out


def _entries(router: Router, item: Long, gutter: int) -> Iterator[End]:
    if item.tgt is None:
        yield End("band", router.frame.out_bottom)
        return
    tgt = item.tgt
    if item.src is None or tgt.index != item.src.index:
        if gutter <= tgt.lanes[0] and router.can_receive(tgt, Side.LEFT):
            yield End("side", tgt.cy, tgt, Side.LEFT)
        if gutter > tgt.lanes[-1] and router.can_receive(tgt, Side.RIGHT):
            yield End("side", tgt.cy, tgt, Side.RIGHT)
    yield End("hook", tgt.y_in, tgt)


def _allows(start: End, gutter: int) -> bool:
    if start.kind != "side" or start.place is None:
        return True
    if start.side is Side.LEFT:
        return gutter <= start.place.lanes[0]
    return gutter > start.place.lanes[-1]


def _key(x: float) -> int:
    return round(x * 1000)


def _free_x(router: Router, half: Half, y0: float, y1: float, apart: float | None) -> float | None:
    """The first track position of `half` that keeps `apart` from every track
    booked over these heights (and `Y_GAP` along one track); with None, the first."""
    for x in half.positions():
        if apart is None:
            return x
        near = [
            runs
            for key, runs in router.tracks.items()
            if abs(key - _key(x)) < max(_key(apart) - 1, 1)
        ]
        if all(y1 + Y_GAP < a or b + Y_GAP < y0 for runs in near for a, b in runs):
            return x
    return None


def _label_penalty(router: Router, item: Long, start: End, x: float) -> float:
    if not item.edge.label or start.place is None or start.kind not in ("side", "bottom"):
        return 0.0
    first = start.points(x, leaving=True)[0]
    if start.kind == "side":
        port = start.side or Side.LEFT
        anchor = Anchor.END if port is Side.LEFT else Anchor.START
    else:
        port, anchor = Side.BOTTOM, (Anchor.END if x > first[0] else Anchor.START)
    need = router.measure(item.edge.label, Font.REGULAR, router.label_size)
    return 0.0 if need <= label_room(router, first, port, anchor) else LABEL_MISSING_ROOM


@dataclass(frozen=True)
class Choice:
    cost: float
    x: float
    start: End
    entry: End


def _choose(router: Router, item: Long, pref_x: float, apart: float | None) -> Choice | None:
    best: Choice | None = None
    geo = router.frame.geo
    drawn = drawn_segments(router)
    for start in _starts(router, item):
        for gutter in range(geo.count + 1):
            if not _allows(start, gutter):
                continue
            for entry in _entries(router, item, gutter):
                y0, y1 = sorted((start.y, entry.y))
                for half in geo.halves(gutter):
                    x = _free_x(router, half, y0, y1, apart)
                    if x is None:
                        continue
                    cost = start.cost(x, pref_x) + entry.cost(x, pref_x) + (y1 - y0)
                    cost += _label_penalty(router, item, start, x)
                    if best is not None and cost >= best.cost - 1e-9:
                        continue
                    points = start.points(x, leaving=True) + entry.points(x, leaving=False)
                    cost += crossing_cost(points, drawn)
                    if best is None or cost < best.cost - 1e-9:
                        best = Choice(cost, x, start, entry)
    return best


def route_long(router: Router, item: Long, pref_x: float) -> bool:
    """Route one long connector; False when no exit was left (nothing drawn)."""
    choice = None  # tracks well apart; closer ones cost more; at last, any
    for apart, penalty in APART:
        if choice is not None and choice.cost <= penalty:
            break
        found = _choose(router, item, pref_x, apart)
        if found is not None and (choice is None or found.cost + penalty < choice.cost):
            choice = replace(found, cost=found.cost + penalty)
    if choice is None:
        return False
    start, entry, x = choice.start, choice.entry, choice.x
    y0, y1 = sorted((start.y, entry.y))
    router.tracks.setdefault(_key(x), []).append((y0, y1))
    if start.place is not None and start.side is not None:
        router.take_port(start.place, start.side)
    elif start.kind == "bottom" and start.place is not None:
        router.take_port(start.place, Side.BOTTOM)
    if entry.kind == "side" and entry.place is not None and entry.side is not None:
        router.roles[(entry.place.index, entry.side)] = "in"
    points = start.points(x, leaving=True) + entry.points(x, leaving=False)
    _emit(router, item, points, start, x)
    return True


def _emit(router: Router, item: Long, points: list[Point], start: End, x: float) -> None:
    edge = item.edge
    offpage = f"offpage:{item.letter}"
    src = item.anchor
    if item.tgt is None:
        pending = Pending(item.letter or "", x, points, edge.kind, src.step_id, offpage)
        _request(router, item, points, start)
        router.pending_out.append(pending)
        return
    if item.src is None:
        router.pending_in.append(
            Pending(
                item.letter or "",
                x,
                points,
                edge.kind,
                offpage,
                item.tgt.step_id,
                want=item.tgt.nearest(x).cx,
            )
        )
        return
    router.add(points, edge, src.step_id, item.tgt.step_id)
    _request(router, item, points, start)


def _request(router: Router, item: Long, points: list[Point], start: End) -> None:
    if item.edge.label and item.src is not None:
        port = start.side if start.kind == "side" and start.side else Side.BOTTOM
        request_label(router, item.edge.label, port, points, item.src)
