"""Exit labels of decisions ("Ya", "Tidak" or the office's own words), placed by the exit.

A side exit's label sits beside its stub on the side its track does not run
(below it for a loop going up, above it for a run going down); a bottom exit's
label hangs beside the line, away from where it turns. Long labels wrap within
a lane and a half when the row has room for the lines, else they stay on one
line, pushed inside the lanes.
"""

from __future__ import annotations

from dataclasses import replace

from .frame import Place, Side
from .primitives import Anchor, Connector, Font, Point, TextRun
from .routing import Edge, Router
from .text import wrap_text

LABEL_LANES = 1.5  # an exit label wraps rather than run wider than this many lanes
LINE = 1.15  # label line height as a multiple of its size


def label_room(router: Router, start: Point, port: Side, anchor: Anchor) -> float:
    """Width from the label's point to the edge of the lanes, in its writing direction."""
    geo = router.frame.geo
    x = label_point(start, port, anchor, router.label_size, below=False)[0]
    return (geo.right - 1.0 - x) if anchor is Anchor.START else (x - geo.left - 1.0)


def label_point(start: Point, port: Side, anchor: Anchor, size: float, *, below: bool) -> Point:
    """Baseline start of an exit label: by a side exit (above or below it) or a bottom one."""
    if port is Side.BOTTOM:
        dx = 2.0 if anchor is Anchor.START else -2.0
        return (start[0] + dx, start[1] + size + 0.5)
    dx = -2.0 if port is Side.LEFT else 2.0
    return (start[0] + dx, start[1] + (size + 1.0 if below else -2.0))


def label_anchor(port: Side, points: list[Point]) -> Anchor:
    """Side labels grow away from the symbol; bottom labels away from the turn."""
    if port is Side.LEFT:
        return Anchor.END
    if port is Side.RIGHT:
        return Anchor.START
    turns_right = any(p[0] > points[0][0] + 1e-6 for p in points[1:3])
    turns_left = any(p[0] < points[0][0] - 1e-6 for p in points[1:3])
    return Anchor.END if turns_right and not turns_left else Anchor.START


def label_below(port: Side, points: list[Point]) -> bool:
    """Bottom labels hang below the exit; a side label sits where its track does not run."""
    if port is Side.BOTTOM or len(points) < 3:
        return True
    return points[2][1] < points[1][1]


def _lines_fit(place: Place, y: float, size: float, below: bool) -> int:
    """How many label lines fit between the first baseline and the row's edge."""
    room = (place.row_y + place.row_h - y) if below else (y - size * 0.8 - place.row_y)
    return max(1, int(room // (size * LINE)) + 1) if room > 0 else 1


def label_runs(
    router: Router, text: str, port: Side, points: list[Point], place: Place
) -> list[TextRun]:
    """The exit label's lines, placed by the exit and kept inside the lanes and the row."""
    size, measure, geo = router.label_size, router.measure, router.frame.geo
    anchor, below = label_anchor(port, points), label_below(port, points)
    x, y = label_point(points[0], port, anchor, size, below=below)
    room = label_room(router, points[0], port, anchor)
    width = min(room, LABEL_LANES * geo.lane_w)
    lines = wrap_text(text, max(width, 1.0), Font.REGULAR, size, measure) or [text]
    if len(lines) > 1 and (len(lines) > _lines_fit(place, y, size, below) or len(lines) > 3):
        lines = [" ".join(text.split())]  # one line, moved inside the lanes if need be
    if any(measure(line, Font.REGULAR, size) > room + 1e-6 for line in lines):
        full = geo.right - geo.left - 2.0
        lines = wrap_text(text, max(full, 1.0), Font.REGULAR, size, measure) or [text]
        widest = max(measure(line, Font.REGULAR, size) for line in lines)
        anchor, x = _pushed_inside(widest, anchor, geo.left, geo.right)
    step = size * LINE * (1 if below else -1)
    if not below:
        lines = list(reversed(lines))  # stacked upwards, the first line nearest the stub
    return [
        TextRun(x, y + k * step, line, Font.REGULAR, size, anchor, "exit-label", place.step_id)
        for k, line in enumerate(lines)
    ]


def _pushed_inside(width: float, anchor: Anchor, left: float, right: float) -> tuple[Anchor, float]:
    """Write the other way from the lanes' edge when the label would run past it."""
    if anchor is Anchor.END:
        return Anchor.START, left + 1.0 if width <= right - left - 2 else left
    return Anchor.END, right - 1.0 if width <= right - left - 2 else right


def _flipped(run: TextRun) -> TextRun:
    if run.anchor is Anchor.START:
        return replace(run, x=run.x - 4.0, anchor=Anchor.END)
    return replace(run, x=run.x + 4.0, anchor=Anchor.START)


def _clear_below(router: Router, place: Place, port: Side) -> None:
    """Move the bottom exit's label off the side where a side label now hangs below."""
    toward = Anchor.START if port is Side.RIGHT else Anchor.END

    def moved(run: TextRun | None) -> TextRun | None:
        if run is None or run.step_id != place.step_id or run.y <= place.bottom:
            return run
        return _flipped(run) if run.anchor is toward else run

    for k, conn in enumerate(router.connectors):
        router.connectors[k] = replace(conn, label=moved(conn.label))
    for pending in router.pending_out:
        pending.label = moved(pending.label)
    router.texts[:] = [moved(t) or t for t in router.texts]


def _side_runs(
    router: Router, text: str, port: Side, points: list[Point], place: Place
) -> list[TextRun]:
    if port is not Side.BOTTOM and label_below(port, points):
        _clear_below(router, place, port)
    return label_runs(router, text, port, points, place)


def attach_label(
    router: Router, conn: Connector, text: str, port: Side, *, place: Place, points: list[Point]
) -> None:
    """Label a decision exit: the first line rides on the connector, the rest are texts."""
    runs = _side_runs(router, text, port, points, place)
    router.connectors[router.connectors.index(conn)] = Connector(
        conn.points, conn.kind, conn.source, conn.target, conn.arrow, runs[0], conn.dashed
    )
    router.texts.extend(runs[1:])


def exit_label_run(
    router: Router, edge: Edge, port: Side, src: Place, points: list[Point]
) -> TextRun:
    """The label of an exit that leaves the page (extra lines go straight to the texts)."""
    runs = _side_runs(router, edge.label or "", port, points, src)
    router.texts.extend(runs[1:])
    return runs[0]
