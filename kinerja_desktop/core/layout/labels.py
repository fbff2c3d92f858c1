"""Exit labels of decisions ("Ya", "Tidak" or the office's own words), placed by the exit.

While a page is routed, each labelled exit only files a `LabelRequest`; the
labels are placed once every connector of the page is drawn, so that no line
drawn later can run through one. A side exit's label sits along its stub, on
the side its track does not run (below it for a loop going up, above it for a
run going down); a bottom exit's label hangs beside the line, away from where
it turns. When that spot is not clear, the label moves along the stub (or down
the line), to the other side, or wraps onto more lines, until it keeps
`LABEL_GAP` from every connector, grid line, symbol and other label; the first
clear spot in that order wins.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace

from .clearance import ASCENT, DESCENT, LABEL_GAP, Obstacle, run_box
from .frame import Place, Side
from .label_place import (
    LINE,
    SPARE,
    Box,
    Hard,
    LabelBlock,
    clear,
    hard,
    nearer,
    placed_hard,
    search,
    slack,
)
from .lanes import LABEL_ROOM
from .primitives import Anchor, ConnectorKind, Font, Measure, Point, Rect, TextRun
from .render import arrowhead, dedupe
from .routing import LabelRequest, Router
from .text import wrap_text

OFFSET = LABEL_GAP + 0.7  # from a line's centre to the label: the gap, half the line, some air
SHIFT = 3.0  # step when a label moves along its stub or down its line
LABEL_MIN = (
    7.0  # a label is set smaller, down to this (never under 7 pt), before it is left crowded
)
REACH = 30.0  # a label is never farther than this from its exit
OTHER_GAP = 2.5  # a label keeps this from the lines it does not name
ARROW_GAP = 2.0  # and this from every arrowhead


def request_label(router: Router, text: str, port: Side, points: list[Point], place: Place) -> None:
    """File the label of the exit leaving `place` by `port` along `points`."""
    router.labels.append(LabelRequest(text, port, tuple(points), place))


def label_margin(texts: list[str], lane_w: float, size: float, measure: Measure) -> float:
    """Room to keep above and below a decision so that its longest exit label fits
    beside the line leaving its bottom (wrapped to half a lane when it must be)."""
    width = max(lane_w / 2 - OFFSET - LABEL_GAP - 1.0, 1.0)
    lines = max(
        (len(_whole_lines(text, width, size, measure)) for text in texts if text.strip()),
        default=1,
    )
    return OFFSET + (ASCENT + DESCENT) * size + (lines - 1) * size * LINE + LABEL_GAP + 0.5


def _whole_lines(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """`text` wrapped to `width` between words only (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}", Font.REGULAR, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def label_point(start: Point, port: Side, anchor: Anchor, size: float, *, below: bool) -> Point:
    """Baseline start of an exit label at its preferred spot."""
    if port is Side.BOTTOM:
        dx = OFFSET if anchor is Anchor.START else -OFFSET
        return (start[0] + dx, start[1] + OFFSET + ASCENT * size)
    dx = -OFFSET if port is Side.LEFT else OFFSET
    dy = OFFSET + ASCENT * size if below else -(OFFSET + DESCENT * size)
    return (start[0] + dx, start[1] + dy)


def label_room(router: Router, start: Point, port: Side, anchor: Anchor) -> float:
    """Width from the label's point to the edge of the lanes, in its writing direction
    (a label with no room in its own lane may run over a lane line)."""
    geo = router.frame.geo
    x = label_point(start, port, anchor, router.label_size, below=False)[0]
    return (geo.right - LABEL_ROOM - x) if anchor is Anchor.START else (x - geo.left - LABEL_ROOM)


def label_anchor(port: Side, points: tuple[Point, ...] | list[Point]) -> Anchor:
    """Side labels grow away from the symbol; bottom labels away from the turn."""
    if port is Side.LEFT:
        return Anchor.END
    if port is Side.RIGHT:
        return Anchor.START
    turns_right = any(p[0] > points[0][0] + 1e-6 for p in points[1:3])
    turns_left = any(p[0] < points[0][0] - 1e-6 for p in points[1:3])
    return Anchor.END if turns_right and not turns_left else Anchor.START


def label_below(port: Side, points: tuple[Point, ...] | list[Point]) -> bool:
    """A side label sits where its track does not run: below a stub whose track goes up."""
    if port is Side.BOTTOM or len(points) < 3:
        return True
    return points[2][1] < points[1][1]


# -- placing ------------------------------------------------------------------------------


def place_labels(
    router: Router, obstacles: list[Obstacle], bounds: Rect, lane_lines: list[Obstacle]
) -> list[int]:
    """Place every filed label clear of `obstacles` and of each other, inside `bounds`;
    clear of `lane_lines` too where it can, else over one of them.

    Returns the step indexes of decisions one of whose labels found no clear
    spot even in smaller type (it is then put where it is least in the way);
    their rows need more room.
    """
    every = hard(obstacles)
    soft_all = hard(lane_lines)
    lines = _line_boxes(router)
    heads = _arrow_boxes(router)
    box = (bounds.x, bounds.y, bounds.right, bounds.bottom)
    placed: list[Box] = []
    crowded: list[int] = []
    for req in router.labels:
        own = _own(router, req)
        others = [b for k, bs in enumerate(lines) if k != own for b in bs]
        roles = [(*b, OTHER_GAP + SPARE) for b in others] + [(*h, ARROW_GAP + SPARE) for h in heads]
        reach = _reach(router, req) + _width(router, req.text)
        near = _near(req, every + roles, reach)
        soft = _near(req, soft_all, reach)
        mine = lines[own] if own is not None else []

        def fits(b: Box, mine: list[Box] = mine, others: list[Box] = others) -> bool:
            return not mine or nearer(b, mine, others)

        kept = near + placed_hard(placed)
        runs, ok = _place(router, req, kept + soft, box, fits)
        if not ok:
            runs, ok = _place(router, req, kept, box, fits)
        if not ok:
            crowded.append(req.place.index)
        placed += [_run_box(router, r) for r in runs]
        _attach(router, req, runs)
    return crowded


def _own(router: Router, req: LabelRequest) -> int | None:
    """The index of the connector the label names (it leaves the exit's point)."""
    start = req.points[0]
    for k, conn in enumerate(router.connectors):
        first = conn.points[0]
        same = abs(first[0] - start[0]) < 1e-6 and abs(first[1] - start[1]) < 1e-6
        if conn.source == req.place.step_id and same:
            return k
    return None


def _line_boxes(router: Router) -> list[list[Box]]:
    """The runs of each connector, as boxes (a run is a flat box)."""
    return [
        [
            (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            for a, b in itertools.pairwise(conn.points)
        ]
        for conn in router.connectors
    ]


def _arrow_boxes(router: Router) -> list[Box]:
    """The box of every arrowhead on the page."""
    out: list[Box] = []
    for conn in router.connectors:
        pts = dedupe(conn.points)
        if conn.kind is ConnectorKind.JOIN or not conn.arrow or len(pts) < 2:
            continue
        tri = arrowhead(pts[-2], pts[-1])
        xs, ys = [p[0] for p in tri], [p[1] for p in tri]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _reach(router: Router, req: LabelRequest) -> float:
    """How far from its exit a label may be moved, at most: farther, it no longer
    reads as the exit's."""
    return min(max(router.frame.geo.lane_w, req.place.row_h), REACH)


def _width(router: Router, text: str) -> float:
    return router.measure(" ".join(text.split()), Font.REGULAR, router.label_size)


def _near(req: LabelRequest, obstacles: list[Hard], reach: float) -> list[Hard]:
    """The obstacles a label of this exit could come near."""
    x, y = req.points[0]
    reach += 2 * LABEL_GAP + 1.0
    return [
        o
        for o in obstacles
        if o[0] <= x + reach and o[2] >= x - reach and o[1] <= y + reach and o[3] >= y - reach
    ]


def _run_box(router: Router, run: TextRun) -> Box:
    r = run_box(run, router.measure)
    return (r.x, r.y, r.right, r.bottom)


def _place(
    router: Router,
    req: LabelRequest,
    obstacles: list[Hard],
    bounds: Box,
    fits: Callable[[Box], bool],
) -> tuple[list[TextRun], bool]:
    """The label's runs and whether they are clear: at the preferred spots, then
    the nearest clear spot in the decision's row, then the same in smaller type."""
    sid, start = req.place.step_id, req.points[0]
    row = (bounds[0], max(bounds[1], req.place.row_y), bounds[2])
    band = (*row, min(bounds[3], req.place.row_y + req.place.row_h))
    for size in _sizes(router.label_size):
        blocks = [_make_block(router, lines, size) for lines in _wrappings(router, req.text)]
        for block in blocks:
            for spot, anchor in _preferred(req, block):
                if clear(_box(spot, block), obstacles, bounds) and fits(_box(spot, block)):
                    return block.runs(spot, anchor, sid), True
        for block in blocks:
            spot = search(block, start, obstacles, band, _reach(router, req), fits=fits)
            if spot is not None:
                return block.runs(spot, _side(spot, block, start), sid), True
    block = _make_block(router, [" ".join(req.text.split())], router.label_size)
    spot, anchor = max(
        _preferred(req, block), key=lambda c: slack(_box(c[0], block), obstacles, bounds)
    )
    return block.runs(spot, anchor, sid), False


def _sizes(size: float) -> list[float]:
    """The label's size, then smaller ones down to LABEL_MIN."""
    return [size] + [size * f for f in (0.85, 0.72) if size * f >= LABEL_MIN - 1e-9]


def _make_block(router: Router, lines: list[str], size: float) -> LabelBlock:
    widths = tuple(router.measure(line, Font.REGULAR, size) for line in lines)
    return LabelBlock(tuple(lines), widths, size)


def _box(spot: Point, block: LabelBlock) -> Box:
    return (spot[0], spot[1], spot[0] + block.w, spot[1] + block.h)


def _side(spot: Point, block: LabelBlock, start: Point) -> Anchor:
    if spot[0] + block.w <= start[0]:
        return Anchor.END
    return Anchor.START if spot[0] >= start[0] else Anchor.MIDDLE


def _attach(router: Router, req: LabelRequest, runs: list[TextRun]) -> None:
    """The first line rides on the exit's connector; further lines are page texts."""
    start = req.points[0]
    for k, conn in enumerate(router.connectors):
        first = conn.points[0]
        same = abs(first[0] - start[0]) < 1e-6 and abs(first[1] - start[1]) < 1e-6
        if conn.source == req.place.step_id and same:
            router.connectors[k] = replace(conn, label=runs[0])
            router.texts.extend(runs[1:])
            return
    router.texts.extend(runs)  # the connector was not drawn; keep the words visible


# -- preferred spots ----------------------------------------------------------------------


def _wrappings(router: Router, text: str) -> list[list[str]]:
    """The label on one line, then wrapped ever narrower between words (at most
    three lines; a word is never broken)."""
    words = text.split()
    out: list[list[str]] = [[" ".join(words)]]
    lane_w = router.frame.geo.lane_w
    for share in (0.9, 0.6, 0.4):
        width = max(lane_w * share, 1.0)
        lines = wrap_text(text, width, Font.REGULAR, router.label_size, router.measure)
        whole = " ".join(lines).split() == words
        if whole and 1 < len(lines) <= 3 and lines not in out:
            out.append(lines)
    return out


def _preferred(req: LabelRequest, block: LabelBlock) -> Iterator[tuple[Point, Anchor]]:
    """The spots offices label exits at, best first."""
    if req.port is Side.BOTTOM:
        yield from _beside_line(req, block)
    else:
        yield from _along_stub(req, block)
        yield from _by_corner(req, block)


def _along_stub(req: LabelRequest, block: LabelBlock) -> Iterator[tuple[Point, Anchor]]:
    """Along a side exit's stub, on the side its track does not run, then the other."""
    x0, y0 = req.points[0]
    left = req.port is Side.LEFT
    anchor = Anchor.END if left else Anchor.START
    first = label_below(req.port, req.points)
    for below in (first, not first):
        top = y0 + OFFSET if below else y0 - OFFSET - block.h
        for k in range(3):
            edge = x0 - OFFSET - k * SHIFT if left else x0 + OFFSET + k * SHIFT
            yield ((edge - block.w if left else edge), top), anchor


def _by_corner(req: LabelRequest, block: LabelBlock) -> Iterator[tuple[Point, Anchor]]:
    """Above or below the symbol, on the exit's side of the lines at its top and bottom."""
    left = req.port is Side.LEFT
    rect = req.place.rects[req.place.lanes[0] if left else req.place.lanes[-1]]
    anchor = Anchor.END if left else Anchor.START
    x = rect.cx - OFFSET - block.w if left else rect.cx + OFFSET
    below = label_below(req.port, req.points)
    for under in (below, not below):
        top = rect.bottom + OFFSET if under else rect.y - OFFSET - block.h
        yield (x, top), anchor


def _beside_line(req: LabelRequest, block: LabelBlock) -> Iterator[tuple[Point, Anchor]]:
    """Beside a bottom exit's line, away from where it turns, then on the other side."""
    x0, y0 = req.points[0]
    pref = label_anchor(req.port, req.points)
    other = Anchor.START if pref is Anchor.END else Anchor.END
    for anchor in (pref, other):
        x = x0 + OFFSET if anchor is Anchor.START else x0 - OFFSET - block.w
        for k in range(4):
            yield (x, y0 + OFFSET + k * SHIFT), anchor
