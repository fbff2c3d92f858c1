"""Putting the swimlane layout together: columns, rows, pages, symbols and connectors.

`build_layout` is the whole pipeline behind `layout_sop`: plan the columns and
type size, wrap every row, break pages by real row heights (repeating until
the off-page bands are where they are needed), then for each page place the
table, the symbols and route the connectors.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sop import SopDocument
from .columns import ColumnPlan, plan_columns
from .flows import add_joins, collect_edges, route_next
from .frame import Frame, Place, Side, make_place
from .labels import exit_label_run
from .lanes import LaneGeometry, lane_geometry, symbol_kind
from .offpage import finish_in, finish_out, letter
from .page import PageSettings
from .paginate import Bands, has_in_strip, has_out_band, paginate
from .primitives import LayoutPage, Measure, Rect, Row, SwimlaneLayout, Symbol
from .routing import Edge, Pending, Router
from .sheet import sheet_parts
from .table import Header, RowText, build_header, row_text
from .tracks import Long, route_long


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


def build_layout(doc: SopDocument, settings: PageSettings, measure: Measure) -> SwimlaneLayout:
    ctx, notices = _context(doc, settings, measure)
    pages = _pages(ctx)
    page_of = {s: p for p, steps in enumerate(pages) for s in steps}
    letters: dict[Edge, str] = {}
    for edge in ctx.edges:
        if page_of[edge.src] != page_of[edge.tgt]:
            letters[edge] = letter(len(letters))
    incoming = {page_of[e.tgt] for e in letters}
    out = [_page(ctx, steps, p in incoming, page_of, letters) for p, steps in enumerate(pages)]
    for p in out:
        notices.extend(n for n in p[1] if n not in notices)
    return SwimlaneLayout([p[0] for p in out], ctx.plan.metrics.scale, notices)


def _context(
    doc: SopDocument, settings: PageSettings, measure: Measure
) -> tuple[Context, list[str]]:
    plan = plan_columns(
        len(doc.lanes), len(doc.steps), settings, measure, [ln.nama for ln in doc.lanes]
    )
    geo = lane_geometry(plan)
    header = build_header(plan, settings.min_font_size, settings.column_numbers, measure)
    pent = min(max(1.6 * plan.metrics.body, 9.0), 14.0)
    bands = Bands(in_h=pent + 9.0, out_h=pent + 10.0)
    room = settings.content_bottom - settings.content_top - header.height
    max_row = room - bands.in_h - bands.out_h
    lanes = [tuple(doc.lane_indices(s)) for s in doc.steps]
    rows: list[RowText] = []
    for i, step in enumerate(doc.steps):
        min_h = geo.sizes.min_row(symbol_kind(step.jenis)) if lanes[i] else 0.0
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


def _pages(ctx: Context) -> list[list[int]]:
    """Page breaks, repeated until every page that needs an off-page band has one."""
    heights = [r.height for r in ctx.rows]
    room = ctx.settings.content_bottom - ctx.settings.content_top - ctx.header.height
    force_in: frozenset[int] = frozenset()
    force_out: frozenset[int] = frozenset()
    for _ in range(len(heights) + 2):
        pages = paginate(heights, room, ctx.bands, force_in, force_out)
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
    return paginate(heights, room, ctx.bands, every, every)


def _page(
    ctx: Context,
    steps: list[int],
    incoming: bool,
    page_of: dict[int, int],
    letters: dict[Edge, str],
) -> tuple[LayoutPage, list[str]]:
    s = ctx.settings
    width, height = s.size
    top = s.content_top
    y = top + ctx.header.height
    strip = (y, y + ctx.bands.in_h) if incoming else None
    y = strip[1] if strip else y
    rows: list[tuple[Row, RowText]] = []
    places: dict[int, Place] = {}
    for i in steps:
        row = Row(ctx.doc.steps[i].id, i + 1, y, ctx.rows[i].height)
        rows.append((row, ctx.rows[i]))
        if ctx.lanes[i]:
            kind = symbol_kind(ctx.doc.steps[i].jenis)
            places[i] = make_place(
                i, row.step_id, kind, ctx.lanes[i], geo=ctx.geo, row=Rect(0, y, 0, row.h)
            )
        y += row.h
    parts = sheet_parts(ctx.plan, ctx.header, top, strip, rows)
    pent_w = min(ctx.pent, max(ctx.geo.right - ctx.geo.left, 1.0) / 2)
    frame = Frame(places, steps, ctx.geo, y, strip, y + ctx.bands.out_h, pent_w, ctx.pent)
    router, notices = _route(ctx, frame, page_of, letters)
    outs, out_texts = finish_out(router)
    ins, in_texts = finish_in(router)
    page = LayoutPage(width, height, columns=list(ctx.plan.columns), rows=[r for r, _ in rows])
    page.boxes, page.lines, page.table_rect = parts.boxes, parts.lines, parts.table_rect
    page.texts = parts.texts + router.texts + out_texts + in_texts
    page.symbols = [
        Symbol(p.kind, p.rects[lane], p.step_id, lane) for p in places.values() for lane in p.lanes
    ]
    page.connectors = router.connectors
    page.offpages = outs + ins
    return page, notices


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
            router.pending_out[-1].label = exit_label_run(router, edge, Side.BOTTOM, src, points)
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
