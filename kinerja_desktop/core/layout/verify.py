"""The geometric promises of a swimlane layout, checked: a list of problems, empty when sound.

Used by the tests (on hand-made and generated SOPs, every paper) and usable by
any painter's tests. It checks what a reader of the printed sheet relies on:
each step on exactly one page, in its row, its symbols in their lanes and
apart; connectors orthogonal, from and to the right symbol or off-page
connector, never through a symbol, never on top of one another (except runs
into the same target); every flow of the document drawn, across pages by a
matching OUT/IN pair of one letter; nothing outside the content area; no text
wider than its cell; the same header on every page.
"""

from __future__ import annotations

import itertools
from collections import Counter

from ..page import PageSettings
from ..sop import SopDocument
from .build import crowded_notice
from .clearance import (
    LABEL_GAP,
    drawing_obstacles,
    gap_to,
    grid_obstacles,
    run_box,
    split_lane_lines,
)
from .primitives import (
    Connector,
    ConnectorKind,
    LayoutPage,
    Measure,
    OffPage,
    OffPageDirection,
    Point,
    Rect,
    SwimlaneLayout,
    Symbol,
    SymbolKind,
)
from .text import run_extent

TOL = 1e-3
STEP_ROLES = ("no", "uraian", "kelengkapan", "waktu", "output", "keterangan")
Segment = tuple[Point, Point]


def check_layout(
    layout: SwimlaneLayout, doc: SopDocument, settings: PageSettings, measure: Measure
) -> list[str]:
    problems = _steps_once(layout, doc)
    told = {s.id for i, s in enumerate(doc.steps) if crowded_notice(i + 1) in layout.notices}
    header = _header_texts(layout.pages[0]) if layout.pages else set()
    for k, page in enumerate(layout.pages, start=1):
        where = f"hal. {k}"
        problems += [f"{where}: {p}" for p in _symbols(page, doc)]
        problems += [f"{where}: {p}" for p in _connector_shapes(page)]
        problems += [f"{where}: {p}" for p in _crossings(page)]
        problems += [f"{where}: {p}" for p in _overlaps(page)]
        problems += [f"{where}: {p}" for p in _along_grid(page)]
        problems += [f"{where}: {p}" for p in _bounds(page, settings, measure)]
        problems += [f"{where}: {p}" for p in _cell_texts(page, measure)]
        problems += [f"{where}: {p}" for p in _label_gaps(page, measure, told)]
        if _header_texts(page) != header:
            problems.append(f"{where}: kepala tabel berbeda dari halaman 1")
    problems += _offpage_pairs(layout)
    problems += _flows_drawn(layout, doc)
    return problems


def _steps_once(layout: SwimlaneLayout, doc: SopDocument) -> list[str]:
    seen = Counter(sid for page in layout.pages for sid in page.step_ids)
    out = [
        f"langkah {doc.step_number(s.id)} muncul {seen[s.id]} kali"
        for s in doc.steps
        if seen[s.id] != 1
    ]
    order = [sid for page in layout.pages for sid in page.step_ids]
    if order != [s.id for s in doc.steps]:
        out.append("urutan baris tidak sama dengan urutan langkah")
    return out


def _symbols(page: LayoutPage, doc: SopDocument) -> list[str]:
    out: list[str] = []
    rows = {r.step_id: r for r in page.rows}
    lanes = {c.lane_index: c for c in page.columns if c.lane_index is not None}
    for sym in page.symbols:
        row, col = rows.get(sym.step_id), lanes.get(sym.lane_index)
        if row is None or col is None:
            out.append(f"simbol {sym.step_id} tanpa baris/lajur di halaman ini")
            continue
        if not Rect(col.x, row.y, col.w, row.h).contains_rect(sym.rect, TOL):
            out.append(f"simbol langkah {row.number} keluar dari sel lajur {sym.lane_index}")
    for a, b in itertools.combinations(page.symbols, 2):
        if a.rect.overlaps(b.rect, TOL):
            out.append(f"simbol {a.step_id} dan {b.step_id} bertumpuk")
    for row in page.rows:
        step = doc.steps[row.number - 1]
        want = sorted(doc.lane_indices(step))
        got = sorted(s.lane_index for s in page.symbols if s.step_id == row.step_id)
        if want != got:
            out.append(f"langkah {row.number}: simbol di lajur {got}, seharusnya {want}")
    return out


def segments(conn: Connector) -> list[Segment]:
    return list(itertools.pairwise(conn.points))


def _on_symbol(p: Point, sym: Symbol) -> bool:
    r = sym.rect
    mids = [(r.cx, r.y), (r.cx, r.bottom), (r.x, r.cy), (r.right, r.cy)]
    if sym.kind is not SymbolKind.PROCESS:
        return any(abs(p[0] - m[0]) <= TOL and abs(p[1] - m[1]) <= TOL for m in mids)
    on_x = abs(p[0] - r.x) <= TOL or abs(p[0] - r.right) <= TOL
    on_y = abs(p[1] - r.y) <= TOL or abs(p[1] - r.bottom) <= TOL
    return r.contains(p, TOL) and (on_x or on_y)


def _end_ok(page: LayoutPage, name: str, p: Point, first: bool) -> bool:
    if name.startswith("offpage:"):
        letter = name.split(":", 1)[1]
        want = OffPageDirection.IN if first else OffPageDirection.OUT
        for off in page.offpages:
            if off.letter == letter and off.direction is want:
                r = off.rect
                if first:
                    return abs(p[0] - r.cx) <= TOL and abs(p[1] - r.bottom) <= TOL
                return abs(p[1] - r.y) <= TOL and r.x - TOL <= p[0] <= r.right + TOL
        return False
    return any(_on_symbol(p, s) for s in page.symbols if s.step_id == name)


def _connector_shapes(page: LayoutPage) -> list[str]:
    out: list[str] = []
    for conn in page.connectors:
        tag = f"panah {conn.source}->{conn.target}"
        if len(conn.points) < 2:
            out.append(f"{tag}: kurang dari dua titik")
            continue
        for a, b in segments(conn):
            if abs(a[0] - b[0]) > TOL and abs(a[1] - b[1]) > TOL:
                out.append(f"{tag}: ruas miring {a}-{b}")
            elif abs(a[0] - b[0]) <= TOL and abs(a[1] - b[1]) <= TOL:
                out.append(f"{tag}: ruas tanpa panjang di {a}")
        for (a, b), (_, c) in itertools.pairwise(segments(conn)):
            if (b[0] - a[0]) * (c[0] - b[0]) < -TOL or (b[1] - a[1]) * (c[1] - b[1]) < -TOL:
                out.append(f"{tag}: berbalik arah di {b}")
        if not _end_ok(page, conn.source, conn.points[0], True):
            out.append(f"{tag}: pangkal tidak di tepi simbol/penghubung asal")
        if not _end_ok(page, conn.target, conn.points[-1], False):
            out.append(f"{tag}: ujung tidak di tepi simbol/penghubung tujuan")
        if conn.kind is ConnectorKind.JOIN and conn.source != conn.target:
            out.append(f"{tag}: garis gabungan antarlangkah")
    return out


def _cuts(seg: Segment, r: Rect) -> bool:
    """True when the segment enters the open interior of r."""
    (x0, y0), (x1, y1) = seg
    lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return lo_x < r.right - TOL and hi_x > r.x + TOL and lo_y < r.bottom - TOL and hi_y > r.y + TOL


def _crossings(page: LayoutPage) -> list[str]:
    shapes: list[tuple[str, Rect]] = [(f"simbol {s.step_id}", s.rect) for s in page.symbols]
    shapes += [(f"penghubung {o.letter}", o.rect) for o in page.offpages]
    out: list[str] = []
    for conn in page.connectors:
        for seg in segments(conn):
            out.extend(
                f"panah {conn.source}->{conn.target} menembus {name}"
                for name, rect in shapes
                if _cuts(seg, rect)
            )
    return out


def _shared(a: Segment, b: Segment) -> bool:
    """True when two segments lie on one line and overlap for more than a point."""
    for axis in (0, 1):
        other = 1 - axis
        flat_a = abs(a[0][axis] - a[1][axis]) <= TOL
        flat_b = abs(b[0][axis] - b[1][axis]) <= TOL
        if flat_a and flat_b and abs(a[0][axis] - b[0][axis]) <= TOL:
            lo = max(min(a[0][other], a[1][other]), min(b[0][other], b[1][other]))
            hi = min(max(a[0][other], a[1][other]), max(b[0][other], b[1][other]))
            if hi - lo > TOL:
                return True
    return False


def _overlaps(page: LayoutPage) -> list[str]:
    out: list[str] = []
    for c1, c2 in itertools.combinations(page.connectors, 2):
        joins = ConnectorKind.JOIN in (c1.kind, c2.kind)
        if c1.target == c2.target and not joins:
            continue
        if any(_shared(s1, s2) for s1 in segments(c1) for s2 in segments(c2)):
            out.append(f"panah {c1.source}->{c1.target} menimpa {c2.source}->{c2.target}")
    return out


def _grid_segments(page: LayoutPage) -> list[Segment]:
    out = [(ln.a, ln.b) for ln in page.lines]
    for box in page.boxes:
        r = box.rect
        corners = [(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom), (r.x, r.y)]
        out.extend(itertools.pairwise(corners))
    return out


def _along_grid(page: LayoutPage, clearance: float = 1.0) -> list[str]:
    """Connectors keep off the table's lines (crossing them is fine, running along is not)."""
    grid = _grid_segments(page)
    out: list[str] = []
    for conn in page.connectors:
        for seg in segments(conn):
            for line in grid:
                if _near_parallel(seg, line, clearance):
                    out.append(f"panah {conn.source}->{conn.target} berimpit dengan garis tabel")
                    break
    return out


def _near_parallel(a: Segment, b: Segment, clearance: float) -> bool:
    for axis in (0, 1):  # axis 1: horizontal (y fixed); axis 0: vertical (x fixed)
        other = 1 - axis
        flat_a = abs(a[0][axis] - a[1][axis]) <= TOL
        flat_b = abs(b[0][axis] - b[1][axis]) <= TOL
        if flat_a and flat_b and abs(a[0][axis] - b[0][axis]) < clearance:
            lo = max(min(a[0][other], a[1][other]), min(b[0][other], b[1][other]))
            hi = min(max(a[0][other], a[1][other]), max(b[0][other], b[1][other]))
            if hi - lo > TOL:
                return True
    return False


def _bounds(page: LayoutPage, settings: PageSettings, measure: Measure) -> list[str]:
    area = Rect(
        settings.content_left,
        settings.content_top,
        settings.content_width,
        settings.content_bottom - settings.content_top,
    )
    rects = (
        [b.rect for b in page.boxes]
        + [s.rect for s in page.symbols]
        + [o.rect for o in page.offpages]
    )
    points = [p for ln in page.lines for p in (ln.a, ln.b)] + [
        p for c in page.connectors for p in c.points
    ]
    runs = page.texts + [c.label for c in page.connectors if c.label is not None]
    for run in runs:
        x0, x1 = run_extent(run, measure)
        rects.append(Rect(x0, run.y - run.size * 0.8, x1 - x0, run.size))
    out = [f"kotak {r} di luar bidang cetak" for r in rects if not area.contains_rect(r, TOL)]
    out += [f"titik {p} di luar bidang cetak" for p in points if not area.contains(p, TOL)]
    return out


def _cell_texts(page: LayoutPage, measure: Measure) -> list[str]:
    out: list[str] = []
    cols = {c.key: c for c in page.columns if c.lane_index is None}
    rows = {r.step_id: r for r in page.rows}
    for run in page.texts:
        x0, x1 = run_extent(run, measure)
        if run.role in STEP_ROLES:
            col, row = cols[run.role], rows.get(run.step_id or "")
            if x0 < col.x - TOL or x1 > col.x + col.w + TOL:
                out.append(f"teks {run.role} '{run.text}' lebih lebar dari selnya")
            if row is None or not row.y - TOL <= run.y <= row.y + row.h + TOL:
                out.append(f"teks {run.role} '{run.text}' di luar barisnya")
        elif run.role in ("header", "colnum"):
            touched = [c for c in page.columns if x0 < c.x + c.w - TOL and x1 > c.x + TOL]
            keys = {c.key for c in touched}
            if len(touched) > 1 and not (
                keys == {"lane"} or keys <= {"kelengkapan", "waktu", "output"}
            ):
                out.append(f"teks kepala '{run.text}' melintasi batas kolom")
    return out


def _label_gaps(page: LayoutPage, measure: Measure, told: set[str]) -> list[str]:
    """Exit labels keep LABEL_GAP from every connector, grid line (a lane line may
    run through one that has no room in its lane), symbol and pentagon, and do
    not touch each other, except those of decisions the user was told are
    crowded (`told`: step ids; lanes too narrow for the label)."""
    lanes = [c for c in page.columns if c.lane_index is not None]
    left, right = (lanes[0].x, lanes[-1].x + lanes[-1].w) if lanes else (0.0, 0.0)
    obstacles = grid_obstacles(split_lane_lines(page.lines, left, right)[1], page.boxes)
    obstacles += drawing_obstacles(page.connectors, page.symbols, page.offpages)
    runs = [c.label for c in page.connectors if c.label is not None]
    runs += [t for t in page.texts if t.role == "exit-label"]
    runs = [r for r in runs if r.step_id not in told]
    boxes = [run_box(run, measure) for run in runs]
    out: list[str] = []
    for run, box in zip(runs, boxes, strict=True):
        gap = gap_to(box, obstacles)
        if gap < LABEL_GAP - TOL:
            out.append(
                f"label '{run.text}' langkah {run.step_id} terlalu dekat garis ({gap:.2f} pt)"
            )
    for (ra, a), (rb, b) in itertools.combinations(zip(runs, boxes, strict=True), 2):
        if a.overlaps(b, TOL):
            out.append(f"label '{ra.text}' dan '{rb.text}' bertumpuk")
    return out


def _header_texts(page: LayoutPage) -> set[tuple[str, str, float]]:
    return {(t.text, t.role, round(t.x, 2)) for t in page.texts if t.role in ("header", "colnum")}


def _offpage_pairs(layout: SwimlaneLayout) -> list[str]:
    found: dict[str, list[tuple[int, OffPage]]] = {}
    for k, page in enumerate(layout.pages):
        for off in page.offpages:
            found.setdefault(off.letter, []).append((k, off))
    out: list[str] = []
    for letter, items in found.items():
        dirs = sorted(o.direction.value for _, o in items)
        if dirs != ["in", "out"]:
            out.append(f"penghubung {letter}: {dirs}, seharusnya sepasang keluar/masuk")
    for k, page in enumerate(layout.pages, start=1):
        out += [f"hal. {k}: {p}" for p in _offpage_places(page)]
    return out


def _offpage_places(page: LayoutPage) -> list[str]:
    """OUT pentagons under the last row; IN ones at the top of the first row, above
    its symbols; none on a symbol."""
    out: list[str] = []
    bottom = page.rows[-1].y + page.rows[-1].h if page.rows else 0.0
    top = page.rows[0].y if page.rows else 0.0
    first = [s.rect.y for s in page.symbols if page.rows and s.step_id == page.rows[0].step_id]
    for off in page.offpages:
        if off.direction is OffPageDirection.OUT and off.rect.y < bottom - TOL:
            out.append(f"penghubung keluar {off.letter} tidak di bawah baris terakhir")
        if off.direction is OffPageDirection.IN and (
            off.rect.y < top - TOL or off.rect.bottom > min(first, default=off.rect.bottom) + TOL
        ):
            out.append(f"penghubung masuk {off.letter} tidak di atas simbol baris pertama")
        if any(off.rect.overlaps(s.rect, TOL) for s in page.symbols):
            out.append(f"penghubung {off.letter} menimpa simbol")
    return out


def _flows_drawn(layout: SwimlaneLayout, doc: SopDocument) -> list[str]:
    """Every successor of every step with a symbol is drawn exactly once."""
    drawn: Counter[tuple[str, str]] = Counter()
    outs: dict[str, str] = {}
    ins: dict[str, str] = {}
    for page in layout.pages:
        for c in page.connectors:
            if c.kind is ConnectorKind.JOIN:
                continue
            if c.target.startswith("offpage:"):
                outs[c.target] = c.source
            elif c.source.startswith("offpage:"):
                ins[c.source] = c.target
            else:
                drawn[(c.source, c.target)] += 1
    for key, src in outs.items():
        drawn[(src, ins.get(key, "?"))] += 1
    want: Counter[tuple[str, str]] = Counter()
    for i, step in enumerate(doc.steps):
        for j, _ in doc.successors(i)[:3]:
            if doc.lane_indices(step) and doc.lane_indices(doc.steps[j]):
                want[(step.id, doc.steps[j].id)] += 1
    if drawn != want:
        return [f"panah tidak sesuai alur: kurang {want - drawn}, lebih {drawn - want}"]
    return []
