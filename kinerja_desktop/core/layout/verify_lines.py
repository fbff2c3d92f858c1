"""The lines of a flowchart page as a reader sees them: labels, crossings, arrowheads, tracks.

The second half of the layout checker (`verify.py` calls it), for what makes
a Camat hesitate or a Kasubag retouch a sheet:

* an exit label sits at the exit it names: its own connector is the nearest
  line, other lines keep `OTHER_GAP`, every arrowhead keeps `ARROW_GAP`;
* no line crosses or touches another line's final segment or arrowhead (it
  would read as feeding that arrow);
* where two lines do cross, one of them is bridged in the display list (a
  crossing of two straight lines reads as a junction);
* parallel runs of different connectors keep `TRACK_MIN` apart (or run as
  one), and keep `BORDER_MIN` from the lane borders;
* an outgoing off-page connector never hangs under a Selesai symbol.

`line_problems` gives (rule, message) pairs; `RULES` names the rules, for
counting.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from ..sop import SopDocument, StepKind
from .bridges import bridged_points
from .clearance import run_box, segment_rect
from .labels import ARROW_GAP, OTHER_GAP
from .lanes import TRACK_MIN
from .primitives import (
    Connector,
    ConnectorKind,
    LayoutPage,
    Measure,
    OffPageDirection,
    Point,
    Rect,
    TextRun,
)
from .render import arrowhead, dedupe
from .style import CONNECTOR_WIDTH

TOL = 1e-3
ARROW_CLEAR = 1.0  # between an arrowhead and another connector
BORDER_MIN = 2.0  # between a connector's run and a lane border along it
MIN_RUN = 3.0  # runs shorter than this do not count as running alongside
RULES = (
    "label-own",
    "label-other",
    "label-arrow",
    "arrow-crossed",
    "final-crossed",
    "touch",
    "track-spacing",
    "border-spacing",
    "after-selesai",
    "junction",
)
Segment = tuple[Point, Point]
Found = list[tuple[str, str]]


def line_problems(page: LayoutPage, doc: SopDocument, measure: Measure, told: set[str]) -> Found:
    """Every broken rule of this page as (rule, message)."""
    out: Found = []
    out += _labels(page, measure, told)
    out += _arrow_rules(page)
    out += _spacing(page)
    out += _after_selesai(page, doc)
    out += junction_problems(page)
    return out


def crossing_count(page: LayoutPage) -> int:
    """How many times two connectors cross on this page."""
    return len(crossings(page.connectors))


# -- geometry -------------------------------------------------------------------------------


def _segs(points: Sequence[Point]) -> list[Segment]:
    return list(itertools.pairwise(dedupe(points)))


def _flat(seg: Segment) -> bool:
    return abs(seg[0][1] - seg[1][1]) <= TOL


def _upright(seg: Segment) -> bool:
    return abs(seg[0][0] - seg[1][0]) <= TOL


def _inside(v: float, a: float, b: float, tol: float = TOL) -> bool:
    return min(a, b) + tol < v < max(a, b) - tol


def _within(v: float, a: float, b: float, tol: float = TOL) -> bool:
    return min(a, b) - tol <= v <= max(a, b) + tol


def meet(h: Segment, v: Segment) -> tuple[Point, bool] | None:
    """Where horizontal `h` and vertical `v` meet, and whether it is a true
    crossing (through the inside of both) rather than an end touching."""
    x, y = v[0][0], h[0][1]
    if not (_within(x, h[0][0], h[1][0]) and _within(y, v[0][1], v[1][1])):
        return None
    return (x, y), _inside(x, h[0][0], h[1][0]) and _inside(y, v[0][1], v[1][1])


def crossings(connectors: Sequence[Connector]) -> list[tuple[int, int, Point]]:
    """True crossings between connectors (indexes, point)."""
    segs = [_segs(c.points) for c in connectors]
    out: list[tuple[int, int, Point]] = []
    for i, j in itertools.combinations(range(len(connectors)), 2):
        for a in segs[i]:
            for b in segs[j]:
                hit = _cross(a, b)
                if hit is not None and hit[1]:
                    out.append((i, j, hit[0]))
    return out


def _cross(a: Segment, b: Segment) -> tuple[Point, bool] | None:
    if _flat(a) and _upright(b) and not _upright(a):
        return meet(a, b)
    if _upright(a) and _flat(b) and not _flat(a):
        return meet(b, a)
    return None


def seg_rect_gap(seg: Segment, r: Rect) -> float:
    """Distance between a segment and a rectangle (0 when they meet)."""
    (x0, y0), (x1, y1) = seg
    if _clip(seg, r):
        return 0.0
    corners = [(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom)]
    d = min(_point_seg(c, seg) for c in corners)
    for p in ((x0, y0), (x1, y1)):
        dx = max(r.x - p[0], p[0] - r.right, 0.0)
        dy = max(r.y - p[1], p[1] - r.bottom, 0.0)
        d = min(d, (dx * dx + dy * dy) ** 0.5)
    return d


def _clip(seg: Segment, r: Rect) -> bool:
    """True when the segment passes through the rectangle (Liang-Barsky)."""
    (x0, y0), (x1, y1) = seg
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - r.x), (dx, r.right - x0), (-dy, y0 - r.y), (dy, r.bottom - y0)):
        if abs(p) < 1e-12:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def _point_seg(p: Point, seg: Segment) -> float:
    (x0, y0), (x1, y1) = seg
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / length2))
    qx, qy = x0 + t * dx - p[0], y0 + t * dy - p[1]
    return (qx * qx + qy * qy) ** 0.5


def _tri_rect_gap(tri: Sequence[Point], r: Rect) -> float:
    if any(r.contains(p) for p in tri):
        return 0.0
    return min(seg_rect_gap(s, r) for s in itertools.pairwise([*tri, tri[0]]))


def _tri_seg_gap(tri: Sequence[Point], seg: Segment) -> float:
    box = segment_rect(*seg)
    return _tri_rect_gap(tri, box)


def arrow_of(conn: Connector) -> tuple[Point, Point, Point] | None:
    pts = dedupe(conn.points)
    if conn.kind is ConnectorKind.JOIN or not conn.arrow or len(pts) < 2:
        return None
    return arrowhead(pts[-2], pts[-1])


# -- labels ---------------------------------------------------------------------------------


def _label_owners(page: LayoutPage) -> list[tuple[TextRun, int]]:
    """Every exit-label run with the index of the connector it names."""
    out: list[tuple[TextRun, int]] = []
    for k, conn in enumerate(page.connectors):
        if conn.label is not None:
            out.append((conn.label, k))
    for run in page.texts:
        if run.role != "exit-label":
            continue
        for k, conn in enumerate(page.connectors):
            lab = conn.label
            if lab and lab.step_id == run.step_id and abs(lab.x - run.x) < TOL:
                out.append((run, k))
                break
    return out


def _labels(page: LayoutPage, measure: Measure, told: set[str]) -> Found:
    out: Found = []
    segs = [_segs(c.points) for c in page.connectors]
    heads = [arrow_of(c) for c in page.connectors]
    for run, own in _label_owners(page):
        if run.step_id in told:
            continue
        box = run_box(run, measure)
        half = CONNECTOR_WIDTH / 2
        mine = min((seg_rect_gap(s, box) for s in segs[own]), default=float("inf")) - half
        tag = f"label '{run.text}' langkah {run.step_id}"
        for k, conn in enumerate(page.connectors):
            if k == own:
                continue
            gap = min((seg_rect_gap(s, box) for s in segs[k]), default=float("inf")) - half
            if gap < OTHER_GAP - TOL:
                out.append(("label-other", f"{tag} menyentuh garis {conn.source}->{conn.target}"))
            if gap <= mine + TOL:
                out.append(
                    ("label-own", f"{tag} lebih dekat ke {conn.source}->{conn.target} "
                     "daripada ke cabangnya")
                )  # fmt: skip
        for k, tri in enumerate(heads):
            if tri is not None and _tri_rect_gap(tri, box) < ARROW_GAP - TOL:
                c = page.connectors[k]
                out.append(("label-arrow", f"{tag} menyentuh mata panah {c.source}->{c.target}"))
    return out


# -- arrowheads and crossings ---------------------------------------------------------------


def _arrow_rules(page: LayoutPage) -> Found:
    out: Found = []
    conns = page.connectors
    segs = [_segs(c.points) for c in conns]
    for k, conn in enumerate(conns):
        tri = arrow_of(conn)
        if tri is None:
            continue
        last = segs[k][-1]
        for j, other in enumerate(conns):
            if j == k or _merging(conn, other):
                continue
            tag = f"{other.source}->{other.target} pada {conn.source}->{conn.target}"
            for seg in segs[j]:
                hit = _cross(seg, last) or _touch(seg, last)
                if _tri_seg_gap(tri, seg) < ARROW_CLEAR - TOL:
                    out.append(("arrow-crossed", f"garis {tag}: menyentuh mata panah"))
                elif hit is not None:
                    out.append(("final-crossed", f"garis {tag}: memotong ruas terakhir"))
    out += _touches(page)
    return out


def _merging(a: Connector, b: Connector) -> bool:
    """Two connectors into the same end point run as one into it."""
    pa, pb = a.points[-1], b.points[-1]
    return a.target == b.target and abs(pa[0] - pb[0]) <= TOL and abs(pa[1] - pb[1]) <= TOL


def _touch(a: Segment, b: Segment) -> tuple[Point, bool] | None:
    """Perpendicular segments that meet without a true crossing (a T or an L)."""
    hit = _cross(a, b)
    return hit if hit is not None and not hit[1] else None


def _touches(page: LayoutPage) -> Found:
    """A line ending on another line (not at a shared end) reads as a junction."""
    out: Found = []
    conns = page.connectors
    segs = [_segs(c.points) for c in conns]
    for i, j in itertools.combinations(range(len(conns)), 2):
        if conns[i].source == conns[j].source or _merging(conns[i], conns[j]):
            continue
        if conns[i].target == conns[j].target:
            continue
        for a in segs[i]:
            for b in segs[j]:
                if _touch(a, b) is not None:
                    out.append(
                        ("touch", f"garis {conns[i].source}->{conns[i].target} menyentuh "
                         f"{conns[j].source}->{conns[j].target}")
                    )  # fmt: skip
    return out


# -- spacing --------------------------------------------------------------------------------


def _parallel(a: Segment, b: Segment) -> tuple[float, float] | None:
    """(distance, overlap) of two parallel axis segments, None when not parallel."""
    for fixed in (0, 1):
        run = 1 - fixed
        if abs(a[0][fixed] - a[1][fixed]) <= TOL and abs(b[0][fixed] - b[1][fixed]) <= TOL:
            lo = max(min(a[0][run], a[1][run]), min(b[0][run], b[1][run]))
            hi = min(max(a[0][run], a[1][run]), max(b[0][run], b[1][run]))
            return abs(a[0][fixed] - b[0][fixed]), hi - lo
    return None


def _spacing(page: LayoutPage) -> Found:
    out: Found = []
    conns = page.connectors
    segs = [_segs(c.points) for c in conns]
    for i, j in itertools.combinations(range(len(conns)), 2):
        if _merging(conns[i], conns[j]):
            continue
        worst = None
        for a in segs[i]:
            for b in segs[j]:
                par = _parallel(a, b)
                if par and par[1] > MIN_RUN and TOL < par[0] < TRACK_MIN - TOL:
                    worst = par[0] if worst is None else min(worst, par[0])
        if worst is not None:
            out.append(
                ("track-spacing", f"{conns[i].source}->{conns[i].target} dan "
                 f"{conns[j].source}->{conns[j].target} berjarak {worst:.1f} pt")
            )  # fmt: skip
    borders = _lane_borders(page)
    for k, conn in enumerate(conns):
        for seg in segs[k]:
            for line in borders:
                par = _parallel(seg, line)
                if par and par[1] > MIN_RUN and par[0] < BORDER_MIN - TOL:
                    out.append(
                        ("border-spacing", f"{conn.source}->{conn.target} {par[0]:.1f} pt "
                         "dari garis lajur")
                    )  # fmt: skip
                    break
    return out


def _lane_borders(page: LayoutPage) -> list[Segment]:
    """The vertical lines between and around the lanes, over the rows of the page."""
    lanes = [c for c in page.columns if c.lane_index is not None]
    if not lanes or not page.rows:
        return []
    top, bottom = page.rows[0].y, page.rows[-1].y + page.rows[-1].h
    xs = sorted({c.x for c in lanes} | {lanes[-1].x + lanes[-1].w})
    return [((x, top), (x, bottom)) for x in xs]


def _after_selesai(page: LayoutPage, doc: SopDocument) -> Found:
    """An outgoing pentagon right under a Selesai symbol reads as the flow going on."""
    ends = {s.id for s in doc.steps if s.jenis is StepKind.SELESAI}
    out: Found = []
    for off in page.offpages:
        if off.direction is not OffPageDirection.OUT:
            continue
        above = [s for s in page.symbols if s.rect.x < off.rect.right and off.rect.x < s.rect.right]
        if not above:
            continue
        nearest = max(above, key=lambda s: s.rect.bottom)
        if nearest.step_id in ends:
            out.append(("after-selesai", f"penghubung {off.letter} tepat di bawah Selesai"))
    return out


# -- the inked lines ------------------------------------------------------------------------


def junction_problems(page: LayoutPage) -> Found:
    """Two connectors to different targets whose inked lines (bridges put in, as
    the display list has them) cross straight through each other."""
    lines = bridged_points(page.connectors)
    out: Found = []
    for i, j in itertools.combinations(range(len(lines)), 2):
        if page.connectors[i].target == page.connectors[j].target:
            continue  # flows into one step may meet
        out += [
            ("junction", f"persilangan tanpa jembatan di ({p[0]:.1f}, {p[1]:.1f})")
            for p in straight_crossings([lines[i], lines[j]])
        ]
    return out


def straight_crossings(lines: Iterable[Sequence[Point]]) -> list[Point]:
    """Points where two straight (axis) segments of different lines cross."""
    segs = [[s for s in _segs(pts) if _flat(s) or _upright(s)] for pts in lines]
    out: list[Point] = []
    for a_list, b_list in itertools.combinations(segs, 2):
        for a in a_list:
            for b in b_list:
                hit = _cross(a, b)
                if hit is not None and hit[1]:
                    out.append(hit[0])
    return out
