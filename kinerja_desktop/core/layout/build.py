"""Putting the swimlane layout together: columns, rows, pages, symbols and connectors.

`build_layout` is the whole pipeline behind `layout_sop`: plan the columns and
type size (by what the texts ask), wrap every row, break pages by real row
heights (repeating until the off-page bands are where they are needed, and
keeping room for the signature under the last table), then for each page place
the table and the symbols, route the connectors and, last, place the exit
labels clear of everything drawn. A decision whose labels find no clear room
gets a taller row, and if that is not enough the lanes get wider; what still
does not fit is told to the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..page import PageSettings
from ..sop import SopDocument, Step, StepKind
from .clearance import drawing_obstacles, grid_obstacles, split_lane_lines
from .columns import LANE_BASE, ColumnPlan, plan_columns, text_demand
from .flows import add_joins, collect_edges, route_next
from .frame import Frame, Place, Side, make_place
from .labels import label_margin, place_labels, request_label
from .lanes import TYPICAL_LABEL, LaneGeometry, lane_geometry, symbol_kind
from .memo import PageMemo, page_key
from .offpage import IN_GAP, finish_in, finish_out, letter
from .paginate import Bands, has_in_strip, has_out_band, paginate
from .primitives import (
    Font,
    LayoutPage,
    Measure,
    Rect,
    Row,
    SwimlaneLayout,
    Symbol,
    SymbolKind,
)
from .routing import Edge, Pending, Router
from .sheet import sheet_parts
from .table import Header, RowText, build_header, cell_texts, row_text
from .tracks import Long, route_long

PENT_MIN = 15.0  # off-page pentagon height: readable letters at any type size
PENT_MAX = 18.0
WIDE_LANES = 13.0  # ems
GROW_TRIES = 3  # times a decision's row grows when its exit labels find no room
GROW_BY = 4.0  # by this many label sizes each time
IN_BELOW = 10.0  # under an incoming pentagon, room for its connector to jog sideways
OUT_ABOVE = 14.0  # between the table and an outgoing pentagon, likewise


@dataclass
class Context:
    """What every page of one SOP shares."""

    doc: SopDocument
    settings: PageSettings
    measure: Measure
    plan: ColumnPlan
    geo: LaneGeometry
    header: Header
    bands: Bands
    rows: list[RowText]
    lanes: list[tuple[int, ...]]
    edges: list[Edge]
    pent: float
    reserve_last: float = 0.0  # kept free under the table of the last page (a signature)
    reuse: Reuse | None = None


@dataclass
class Reuse:
    """Work the layouts of one SOP (same document, settings and measure) share when
    only `reserve_last` differs: the context per lane width, and every page whose
    inputs (its rows, whether the flow arrives, the letters of its off-page
    connectors) are the same objects. The results do not change; only the work
    done twice is skipped."""

    contexts: dict[float, tuple[Context, list[str]]] = field(default_factory=dict)
    pages: dict[tuple, tuple[tuple[LayoutPage, list[str], list[int]], tuple]] = field(
        default_factory=dict
    )
    memo: PageMemo | None = None  # pages of earlier layouts, by value (the editor's)


def build_layout(
    doc: SopDocument,
    settings: PageSettings,
    measure: Measure,
    reserve_last: float = 0.0,
    reuse: Reuse | None = None,
) -> SwimlaneLayout:
    tried = None
    for lane_base in (LANE_BASE, WIDE_LANES):  # wider lanes when exit labels find no room
        ctx, notices = _shared_context(doc, settings, measure, lane_base, reuse)
        if tried is not None and _inputs(ctx) == tried:
            break  # the lanes could not widen: settling again would repeat the same work
        tried = _inputs(ctx)
        ctx.reserve_last = reserve_last
        out, crowded = _settle(ctx)
        if not crowded:
            break
    for p in out:
        notices.extend(n for n in p[1] if n not in notices)
    notices += [crowded_notice(i + 1) for i in sorted(crowded)]
    return SwimlaneLayout([p[0] for p in out], ctx.plan.metrics.scale, notices)


def _inputs(ctx: Context) -> tuple:
    """What a settle of `ctx` depends on besides the document and the paper."""
    return (ctx.plan, ctx.geo, ctx.header, ctx.bands, tuple(ctx.rows), ctx.lanes, ctx.pent)


def crowded_notice(number: int) -> str:
    """What the user is told when an exit label of decision `number` has no clear room."""
    return (
        f"Label cabang keputusan di langkah {number} berdempetan dengan garis karena "
        "lajurnya sempit; pendekkan labelnya atau gunakan kertas yang lebih lebar."
    )


def _settle(ctx: Context) -> tuple[list[tuple[LayoutPage, list[str], list[int]]], set[int]]:
    """Lay out the pages, growing crowded decisions' rows while that helps; returns
    the pages and the decisions whose labels are still crowded."""
    out = _attempt(ctx)
    crowded = {i for _page, _notices, failed in out for i in failed}
    for _ in range(GROW_TRIES):
        if not crowded or not _grow(ctx, crowded):
            break
        out = _attempt(ctx)
        crowded = {i for _page, _notices, failed in out for i in failed}
    return out, crowded


def _attempt(ctx: Context) -> list[tuple[LayoutPage, list[str], list[int]]]:
    """Every page, with its notices and the decisions whose exit labels found no room."""
    pages = _pages(ctx)
    page_of = {s: p for p, steps in enumerate(pages) for s in steps}
    letters: dict[Edge, str] = {}
    for edge in ctx.edges:
        if page_of[edge.src] != page_of[edge.tgt]:
            letters[edge] = letter(len(letters))
    incoming = {page_of[e.tgt] for e in letters}
    return [
        _reused_page(ctx, steps, p in incoming, page_of, letters) for p, steps in enumerate(pages)
    ]


def _shared_context(
    doc: SopDocument,
    settings: PageSettings,
    measure: Measure,
    lane_base: float,
    reuse: Reuse | None,
) -> tuple[Context, list[str]]:
    """The context of one layout: made afresh, or a copy of the one `reuse` holds
    (the rows list is the layout's own: growing a row must not reach the other)."""
    if reuse is None:
        return _context(doc, settings, measure, lane_base)
    if lane_base not in reuse.contexts:
        reuse.contexts[lane_base] = _context(doc, settings, measure, lane_base)
    base, notices = reuse.contexts[lane_base]
    return replace(base, rows=list(base.rows), reuse=reuse), list(notices)


def _reused_page(
    ctx: Context,
    steps: list[int],
    incoming: bool,
    page_of: dict[int, int],
    letters: dict[Edge, str],
) -> tuple[LayoutPage, list[str], list[int]]:
    """`_page`, or the page laid out before from the same inputs (see `Reuse`)."""
    if ctx.reuse is None:
        return _page(ctx, steps, incoming, page_of, letters)
    here = set(steps)
    rows = tuple(ctx.rows[i] for i in steps)  # kept in the entry, so their ids stay unique
    marks = tuple(
        (k, letters.get(e)) for k, e in enumerate(ctx.edges) if e.src in here or e.tgt in here
    )
    key = (id(ctx.plan), tuple(steps), incoming, tuple(map(id, rows)), marks)
    hit = ctx.reuse.pages.get(key)
    if hit is None:
        memo = ctx.reuse.memo
        if memo is None:
            page = _page(ctx, steps, incoming, page_of, letters)
        else:
            made = lambda: _page(ctx, steps, incoming, page_of, letters)  # noqa: E731
            page = memo.page(page_key(ctx, steps, incoming, letters), made)
        hit = (page, rows)
        ctx.reuse.pages[key] = hit
    return hit[0]


def _grow(ctx: Context, crowded: set[int]) -> bool:
    """Make the rows of crowded decisions taller (room for their labels above and
    below the symbol); False when none can grow any more."""
    room = ctx.settings.content_bottom - ctx.settings.content_top - ctx.header.height
    most = room - ctx.bands.in_h - ctx.bands.out_h
    grown = False
    for i in crowded:
        row = ctx.rows[i]
        height = min(row.height + GROW_BY * ctx.plan.metrics.label, most)
        if height > row.height + 1e-6:
            ctx.rows[i] = replace(row, height=height)
            grown = True
    return grown


def _context(
    doc: SopDocument, settings: PageSettings, measure: Measure, lane_base: float
) -> tuple[Context, list[str]]:
    names = [ln.nama for ln in doc.lanes]
    texts = [cell_texts(step, i + 1) for i, step in enumerate(doc.steps)]
    keys = ("uraian", "kelengkapan", "waktu", "output", "keterangan")
    demand = text_demand({k: [t[k] for t in texts] for k in keys}, settings.font_size, measure)
    plan = plan_columns(
        len(doc.lanes), len(doc.steps), settings, measure, names, lane_base=lane_base,
        demand=demand, mutu_titles=doc.mutu_baku_heads.titles(),
    )  # fmt: skip
    geo = lane_geometry(plan, measure(TYPICAL_LABEL, Font.REGULAR, plan.metrics.label))
    header = build_header(plan, settings.min_font_size, settings.column_numbers, measure)
    pent = min(max(2.0 * plan.metrics.body, PENT_MIN), PENT_MAX)
    bands = Bands(in_h=pent + IN_GAP + IN_BELOW, out_h=pent + OUT_ABOVE)
    room = settings.content_bottom - settings.content_top - header.height
    max_row = room - bands.in_h - bands.out_h
    lanes = [tuple(doc.lane_indices(s)) for s in doc.steps]
    rows: list[RowText] = []
    for i, step in enumerate(doc.steps):
        min_h = _min_row(step, geo, plan, measure) if lanes[i] else 0.0
        rows.append(
            row_text(
                step,
                i + 1,
                plan,
                min_h=min(min_h, max_row),
                max_h=max_row,
                floor=settings.min_font_size,
                measure=measure,
            )
        )
    edges, notices = collect_edges(doc, [bool(ln) for ln in lanes])
    notices = list(plan.notices) + [n for r in rows for n in r.notices] + notices
    ctx = Context(doc, settings, measure, plan, geo, header, bands, rows, lanes, edges, pent)
    return ctx, notices


def _min_row(step: Step, geo: LaneGeometry, plan: ColumnPlan, measure: Measure) -> float:
    """The least height of a step's row: its symbol and, for a decision, room
    above and below it for the exit labels."""
    kind = symbol_kind(step.jenis)
    least = geo.sizes.min_row(kind)
    if kind is SymbolKind.DECISION:
        texts = [ex.label for ex in step.exits]
        margin = label_margin(texts, geo.lane_w, plan.metrics.label, measure)
        least = max(least, geo.sizes.height(kind) + 2 * margin)
    return least


def _pages(ctx: Context) -> list[list[int]]:
    """Page breaks, repeated until every page that needs an off-page band has one."""
    heights = [r.height for r in ctx.rows]
    room = ctx.settings.content_bottom - ctx.settings.content_top - ctx.header.height
    force_in: frozenset[int] = frozenset()
    force_out: frozenset[int] = frozenset()
    reserve = ctx.reserve_last
    for _ in range(len(heights) + 2):
        pages = paginate(heights, room, ctx.bands, force_in, force_out, reserve_last=reserve)
        page_of = {s: p for p, steps in enumerate(pages) for s in steps}
        cross = [e for e in ctx.edges if page_of[e.src] != page_of[e.tgt]]
        miss_in = {page_of[e.tgt] for e in cross if not has_in_strip(page_of[e.tgt], force_in)}
        miss_out = {
            page_of[e.src] for e in cross if not has_out_band(page_of[e.src], len(pages), force_out)
        }
        if not miss_in and not miss_out:
            return pages
        force_in, force_out = force_in | miss_in, force_out | miss_out
    every = frozenset(range(len(heights) + 1))
    return paginate(heights, room, ctx.bands, every, every, reserve_last=reserve)


def _page(
    ctx: Context,
    steps: list[int],
    incoming: bool,
    page_of: dict[int, int],
    letters: dict[Edge, str],
) -> tuple[LayoutPage, list[str], list[int]]:
    """One page: its table, symbols, connectors and labels; with its notices and
    the decisions whose labels found no clear room."""
    top = ctx.settings.content_top
    y = top + ctx.header.height
    strip = (y, y + ctx.bands.in_h) if incoming else None
    rows, places, bottom = _rows(ctx, steps, y, strip[1] if strip else y)
    parts = sheet_parts(ctx.plan, ctx.header, top, rows)
    pent_w = min(ctx.pent, max(ctx.geo.right - ctx.geo.left, 1.0) / 2)
    frame = Frame(places, steps, ctx.geo, bottom, strip, bottom + ctx.bands.out_h, pent_w, ctx.pent)
    frame.ends = _selesai_spans(ctx, places)
    router, notices = _route(ctx, frame, page_of, letters)
    outs, out_texts = finish_out(router)
    ins, in_texts = finish_in(router)
    symbols = [
        Symbol(p.kind, p.rects[lane], p.step_id, lane) for p in places.values() for lane in p.lanes
    ]
    inner, rest = split_lane_lines(parts.lines, ctx.geo.left, ctx.geo.right)
    obstacles = grid_obstacles(rest, parts.boxes)
    obstacles += drawing_obstacles(router.connectors, symbols, outs + ins)
    lanes = Rect(ctx.geo.left, y, ctx.geo.right - ctx.geo.left, bottom - y)
    crowded = place_labels(router, obstacles, lanes, grid_obstacles(inner, []))
    page = LayoutPage(*ctx.settings.size, columns=list(ctx.plan.columns), rows=[r for r, _ in rows])
    page.boxes, page.lines, page.table_rect = parts.boxes, parts.lines, parts.table_rect
    page.texts = parts.texts + router.texts + out_texts + in_texts
    page.symbols = symbols
    page.connectors = router.connectors
    page.offpages = outs + ins
    return page, notices, crowded


def _selesai_spans(ctx: Context, places: dict[int, Place]) -> tuple[tuple[float, float], ...]:
    """Where the Selesai symbols of a page are across: no outgoing pentagon under them."""
    return tuple(
        (r.x, r.right)
        for i, p in places.items()
        if ctx.doc.steps[i].jenis is StepKind.SELESAI
        for r in p.rects.values()
    )


def _rows(
    ctx: Context, steps: list[int], cell_y: float, y: float
) -> tuple[list[tuple[Row, RowText]], dict[int, Place], float]:
    """The rows of a page from `y` down, and where their symbols go. The first
    row's cells begin at `cell_y` (above `y` when an incoming strip is there: the
    strip is part of that row, not a row of its own). Returns the table's bottom."""
    rows: list[tuple[Row, RowText]] = []
    places: dict[int, Place] = {}
    for i in steps:
        h = ctx.rows[i].height
        row = Row(ctx.doc.steps[i].id, i + 1, cell_y, y + h - cell_y)
        rows.append((row, ctx.rows[i]))
        if ctx.lanes[i]:
            kind = symbol_kind(ctx.doc.steps[i].jenis)
            places[i] = make_place(
                i, row.step_id, kind, ctx.lanes[i], geo=ctx.geo, row=Rect(0, y, 0, h)
            )
        y += h
        cell_y = y
    return rows, places, y


def _route(
    ctx: Context, frame: Frame, page_of: dict[int, int], letters: dict[Edge, str]
) -> tuple[Router, list[str]]:
    router = Router(frame, ctx.measure, ctx.plan.metrics.label)
    for place in frame.places.values():
        add_joins(router, place)
    longs: list[Long] = []
    for edge in ctx.edges:
        if edge.src in frame.places:
            longs.extend(_from_here(ctx, router, edge, letters.get(edge)))
        elif edge.tgt in frame.places:
            longs.extend(_into_here(ctx, router, edge, letters[edge]))
    longs.sort(key=lambda it: (_span(frame, it), it.edge.src, it.edge.order))
    notices: list[str] = []
    for item in longs:
        pref = ctx.geo.cx(item.anchor.lanes[0])
        if not route_long(router, item, pref):
            notices.append(f"Panah dari langkah {item.edge.src + 1} tidak dapat digambar.")
    return router, notices


def _from_here(ctx: Context, router: Router, edge: Edge, mark: str | None) -> list[Long]:
    frame = router.frame
    src = frame.places[edge.src]
    bottom_free = (edge.src, Side.BOTTOM) not in router.ports
    nxt = edge.tgt == edge.src + 1 and bottom_free
    if mark is None:
        if nxt:
            route_next(router, edge, src, frame.places[edge.tgt])
            return []
        return [Long(edge, src, frame.places[edge.tgt])]
    if nxt and edge.src == frame.last:
        a, _ = closest_pair_lanes(src.lanes, ctx.lanes[edge.tgt])
        x = ctx.geo.cx(a)
        points = [(x, src.bottom), (x, frame.table_bottom)]
        router.take_port(src, Side.BOTTOM)
        router.pending_out.append(
            Pending(mark, x, points, edge.kind, src.step_id, f"offpage:{mark}")
        )
        if edge.label:
            request_label(router, edge.label, Side.BOTTOM, points, src)
        return []
    return [Long(edge, src, None, mark)]


def _into_here(ctx: Context, router: Router, edge: Edge, mark: str) -> list[Long]:
    frame = router.frame
    tgt = frame.places[edge.tgt]
    if edge.tgt != frame.first or frame.in_strip is None:
        return [Long(edge, None, tgt, mark)]
    _, b = closest_pair_lanes(ctx.lanes[edge.src], tgt.lanes)
    x = ctx.geo.cx(b)
    points = [(x, frame.in_strip[0]), (x, tgt.top)]
    router.pending_in.append(Pending(mark, x, points, edge.kind, f"offpage:{mark}", tgt.step_id))
    return []


def closest_pair_lanes(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int]:
    return min(((x, y) for x in a for y in b), key=lambda p: (abs(p[0] - p[1]), p))


def _span(frame: Frame, item: Long) -> float:
    y0 = item.src.cy if item.src else (frame.in_strip[0] if frame.in_strip else 0.0)
    y1 = item.tgt.cy if item.tgt else frame.out_bottom
    return abs(y1 - y0)
