"""Off-page connectors: lettered pentagons where the flow leaves or enters a page.

Outgoing pentagons sit in a band under the table, incoming ones in a strip
under the header. Each sits as close as it can to where its connector meets
the band; when pentagons would collide they are spread apart and the
connector jogs sideways on a level of its own, so no two connectors share a
line. Letters run A, B, …, Z, AA, AB, … once per SOP.
"""

from __future__ import annotations

import string

from .frame import Frame
from .primitives import (
    Anchor,
    Connector,
    Font,
    OffPage,
    OffPageDirection,
    Point,
    Rect,
    TextRun,
)
from .routing import Pending, Router
from .style import ARROW_HALF_WIDTH

SHOULDER = 0.55  # where the pentagon's straight sides end, as a share of its height
SLOT_GAP = 3.0
LINE_CLEAR = 1.5  # an incoming pentagon keeps this clear of the lane lines it sits between
IN_GAP = 2.0  # between the header's lower edge and an incoming pentagon
LETTER_MIN = 7.0  # the letter is bold and never smaller than this
LETTER_MAX = 9.5
ARROW_CLEAR = ARROW_HALF_WIDTH + 1.5  # from an outgoing arrowhead to another connector


def letter(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, … (spreadsheet column style)."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


def place_slots(
    wanted: list[float], width: float, lo: float, hi: float, crossing: list[float] | None = None
) -> tuple[list[float], float]:
    """Centres for pentagons as near as possible to `wanted`, apart and within [lo, hi].

    `crossing[k]` is where connector k crosses the band; the pentagons keep the
    order of the crossings (so their lines need not cross each other), and no
    pentagon is centred where another connector crosses (their lines would run
    together).
    """
    n = len(wanted)
    pitch = width + SLOT_GAP
    if n * pitch > hi - lo:
        pitch = (hi - lo) / n
        width = pitch * 0.8
    order = _crossing_order(wanted, crossing)
    centres = [0.0] * n
    prev = float("-inf")
    for k, c in zip(order, _spread([wanted[k] for k in order], pitch), strict=True):
        centres[k] = max(c, prev + pitch, lo + width / 2)
        prev = centres[k]
    nxt = float("inf")
    for k in reversed(order):
        centres[k] = min(centres[k], nxt - pitch, hi - width / 2)
        nxt = centres[k]
    _avoid_others(centres, wanted if crossing is None else crossing, width, ARROW_CLEAR)
    return centres, width


def _spread(wanted: list[float], pitch: float) -> list[float]:
    """Centres at least `pitch` apart, in the given order, each group of pentagons
    that must move centred on where its members want to be (least moving)."""
    groups: list[list[float]] = []  # per group: wanted minus its offset in the group
    for w in wanted:
        groups.append([w])
        while len(groups) > 1:
            a, b = groups[-2], groups[-1]
            if _place_of(a) + len(a) * pitch <= _place_of(b) + 1e-9:
                break
            groups[-2:] = [a + [v - len(a) * pitch for v in b]]
    out: list[float] = []
    for g in groups:
        first = _place_of(g)
        out += [first + k * pitch for k in range(len(g))]
    return out


def _place_of(group: list[float]) -> float:
    ordered = sorted(group)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _crossing_order(wanted: list[float], crossing: list[float] | None) -> list[int]:
    """Indexes in the order the connectors cross the band (then by where wanted)."""
    across = wanted if crossing is None else crossing
    return sorted(range(len(wanted)), key=lambda k: (round(across[k], 6), wanted[k]))


def jog_levels(
    xs: list[float], centres: list[float], top: float, bottom: float
) -> dict[int, float]:
    """Levels between `top` and `bottom` for the connectors that jog sideways from
    `xs[k]` to their pentagon at `centres[k]`, so that no jog crosses another
    connector's vertical run: of the jogs to the right the rightmost runs
    highest, of those to the left the leftmost (with the pentagons in the order
    of the crossings, the two kinds never overlap)."""
    right = sorted((k for k, c in enumerate(centres) if c > xs[k] + 1e-6), key=lambda k: -xs[k])
    left = sorted((k for k, c in enumerate(centres) if c < xs[k] - 1e-6), key=lambda k: xs[k])
    jogs = _interleave(right, left)
    return dict(zip(jogs, _levels(len(jogs), top, bottom), strict=True))


def _interleave(a: list[int], b: list[int]) -> list[int]:
    out: list[int] = []
    for k in range(max(len(a), len(b))):
        out += a[k : k + 1] + b[k : k + 1]
    return out


def _avoid_others(
    centres: list[float], crossing: list[float], width: float, clear: float = 0.5
) -> None:
    """Keep a pentagon's centre `clear` off the x where another connector crosses
    the band (under the table: its arrowhead, as a line by it reads as feeding it)."""
    for k, c in enumerate(centres):
        if all(abs(c - w) >= clear for m, w in enumerate(crossing) if m != k):
            continue
        for step in range(1, 9):
            for cand in (c + step * 0.8, c - step * 0.8):
                free = all(abs(cand - w) >= clear for m, w in enumerate(crossing) if m != k)
                apart = all(abs(cand - o) >= width + 0.2 for j, o in enumerate(centres) if j != k)
                if free and apart:
                    centres[k] = cand
                    break
            else:
                continue
            break


def _lane_of(frame: Frame, x: float) -> int:
    geo = frame.geo
    if not geo.count:
        return 0
    return min(geo.count - 1, max(0, int((x - geo.left) // geo.lane_w)))


def _levels(count: int, top: float, bottom: float) -> list[float]:
    step = (bottom - top) / (count + 1)
    return [top + step * (k + 1) for k in range(count)]


def letter_run(rect: Rect, text: str) -> TextRun:
    """The letter of a pentagon: bold, about half its height (never under 7 pt),
    its capitals centred on the pentagon's middle."""
    size = max(LETTER_MIN, min(LETTER_MAX, rect.h * 0.5))
    baseline = rect.y + rect.h * 0.45 + size * 0.36
    return TextRun(rect.cx, baseline, text, Font.BOLD, size, Anchor.MIDDLE, "offpage-letter")


def finish_out(router: Router) -> tuple[list[OffPage], list[TextRun]]:
    """Pentagons under the table for every connector leaving this page."""
    frame, items = router.frame, router.pending_out
    if not items:
        return [], []
    centres, width = _slots(frame, items)
    pent_top = frame.out_bottom - frame.pent_h - 1.0
    xs = [p.x for p in items]
    levels = jog_levels(xs, centres, frame.table_bottom + 1.5, pent_top - 1.5)
    offpages, texts = [], []
    for k, item in enumerate(items):
        c = centres[k]
        tail: list[Point] = [(item.x, levels[k]), (c, levels[k])] if k in levels else []
        points = item.points[:-1] + tail + [(c, pent_top)]
        router.connectors.append(
            Connector(tuple(_tidy(points)), item.kind, item.source, item.target)
        )
        rect = Rect(c - width / 2, pent_top, width, frame.pent_h)
        offpages.append(OffPage(rect, item.letter, OffPageDirection.OUT, _lane_of(frame, c)))
        texts.append(letter_run(rect, item.letter))
    return offpages, texts


def finish_in(router: Router) -> tuple[list[OffPage], list[TextRun]]:
    """Pentagons in the strip under the header for every connector arriving on this page."""
    frame, items = router.frame, router.pending_in
    if not items or frame.in_strip is None:
        return [], []
    top, bottom = frame.in_strip
    centres, width = _in_slots(frame, items)
    pent_top = top + IN_GAP
    tip = pent_top + frame.pent_h
    levels = jog_levels([p.x for p in items], centres, tip + 1.5, bottom - 1.5)
    offpages, texts = [], []
    for k, item in enumerate(items):
        c = centres[k]
        head: list[Point] = [(c, levels[k]), (item.x, levels[k])] if k in levels else []
        points = [(c, tip), *head, *item.points[1:]]
        router.connectors.append(
            Connector(tuple(_tidy(points)), item.kind, item.source, item.target)
        )
        rect = Rect(c - width / 2, pent_top, width, frame.pent_h)
        offpages.append(OffPage(rect, item.letter, OffPageDirection.IN, _lane_of(frame, c)))
        texts.append(letter_run(rect, item.letter))
    return offpages, texts


def _slots(frame: Frame, items: list[Pending]) -> tuple[list[float], float]:
    geo = frame.geo
    wanted = [_clear_of_ends(frame, p.x if p.want is None else p.want, p.x) for p in items]
    lo, hi = geo.left - frame.pent_w / 2, geo.right + frame.pent_w / 2  # may stand out a bit
    return place_slots(wanted, frame.pent_w, lo, hi, crossing=[p.x for p in items])


def _clear_of_ends(frame: Frame, want: float, x: float) -> float:
    """`want` moved from under a Selesai symbol (a pentagon there reads as the flow
    going on after Selesai) to the side the connector comes down on."""
    half = frame.pent_w / 2 + SLOT_GAP
    lo, hi = frame.geo.left + 1.0 + half, frame.geo.right - 1.0 - half
    for x0, x1 in frame.ends:
        if x0 - half < want < x1 + half:
            sides = [x1 + half, x0 - half]
            if x < (x0 + x1) / 2:
                sides.reverse()
            return next((v for v in sides if lo <= v <= hi), want)
    return want


def _in_slots(frame: Frame, items: list[Pending]) -> tuple[list[float], float]:
    """Centres for incoming pentagons: each wholly inside a lane, clear of the lane
    lines (they run on through the strip), in the order of the connectors, as
    near as can be to where each is wanted; narrower pentagons when many crowd."""
    wanted = [p.x if p.want is None else p.want for p in items]
    for share in (1.0, 0.8, 0.65):
        width = frame.pent_w * share
        slots = _lane_slots(frame, width)
        if len(slots) >= len(items):
            order = _crossing_order(wanted, [p.x for p in items])
            centres = [0.0] * len(items)
            for k, c in zip(order, _match([wanted[k] for k in order], slots), strict=True):
                centres[k] = c
            _avoid_others(centres, [p.x for p in items], width)
            return centres, width
    centres, width = _slots(frame, items)  # more than the lanes hold: at least off the lines
    lines = [*frame.geo.xs, frame.geo.right]
    for k, c in enumerate(centres):
        near = min(lines, key=lambda x: abs(x - c))
        if abs(near - c) < LINE_CLEAR + 0.5:
            centres[k] = near + (LINE_CLEAR + 0.5) * (1 if c >= near else -1)
    return centres, width


def _lane_slots(frame: Frame, width: float) -> list[float]:
    """Pentagon centres that keep a pentagon `width` wide inside its lane: the
    lane's centre, then pitch by pitch on both sides."""
    geo = frame.geo
    room = width / 2 + LINE_CLEAR
    pitch = width + SLOT_GAP
    slots: list[float] = []
    for x in geo.xs:
        usable = geo.lane_w - 2 * room
        if usable < 0:
            continue
        middle = x + geo.lane_w / 2
        side = int(usable / 2 // pitch)
        slots += [middle + j * pitch for j in range(-side, side + 1)]
    return slots


def _match(wanted: list[float], slots: list[float]) -> list[float]:
    """Slots for the sorted `wanted`, in the same order, least total distance."""
    n, m = len(wanted), len(slots)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            take = cost[i - 1][j - 1] + abs(wanted[i - 1] - slots[j - 1])
            cost[i][j] = min(cost[i][j - 1], take)
    out: list[float] = []
    j = m
    for i in range(n, 0, -1):
        while cost[i][j] == cost[i][j - 1]:
            j -= 1
        out.append(slots[j - 1])
        j -= 1
    return out[::-1]


def _tidy(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three points on one line."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            same_x = abs(a[0] - b[0]) < 1e-9 and abs(b[0] - p[0]) < 1e-9
            same_y = abs(a[1] - b[1]) < 1e-9 and abs(b[1] - p[1]) < 1e-9
            between = min(a[0], p[0]) <= b[0] <= max(a[0], p[0]) and min(a[1], p[1]) <= b[1] <= max(
                a[1], p[1]
            )
            if (same_x or same_y) and between:
                out[-1] = p
                continue
        out.append(p)
    return out
