"""Geometry inside the Pelaksana columns: symbol sizes, their places, and the gutters.

Every symbol is centred in its lane and all symbols share one width, so the
strips between symbols of neighbouring lanes (the gutters) are free of symbols
on every row. Long connectors (loops, skips, off-page runs) travel vertically
on *tracks* inside those gutters, kept clear of the lane grid line and of the
symbols so that both stay visible and an arrow fits before a symbol's side.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from ..sop import StepKind
from .clearance import ASCENT, DESCENT, LABEL_GAP
from .columns import ColumnPlan, Metrics
from .primitives import Rect, SymbolKind

SYMBOL_SHARE = 0.5  # symbol width as a share of the lane width, at most
SYMBOL_SHARE_MIN = 0.4  # and at least, when the gutters make room for exit labels
TYPICAL_LABEL = "Tidak"  # the gutters beside a symbol try to hold this exit label
TRACK_GAP = 4.5  # preferred distance between neighbouring tracks
TRACK_MIN = 4.0  # and the least between two tracks whose runs overlap (else they read as one)
LABEL_ROOM = LABEL_GAP * 2 + 1.2  # an exit label's clear space on both sides, and air
GRID_CLEAR = 2.5  # connectors keep this far from the table's lines where there is room
MIN_GRID_CLEAR = 1.2  # and never come closer than this


def symbol_kind(kind: StepKind) -> SymbolKind:
    if kind in (StepKind.MULAI, StepKind.SELESAI):
        return SymbolKind.TERMINATOR
    if kind is StepKind.KEPUTUSAN:
        return SymbolKind.DECISION
    return SymbolKind.PROCESS


@dataclass(frozen=True)
class SymbolSizes:
    """One width for every symbol; heights per kind; the room kept around them."""

    w: float
    proc_h: float
    dec_h: float
    v_margin: float  # above and below a symbol inside its row
    arrow: float  # the shortest last segment that still shows an arrowhead
    dec_margin: float = 0.0  # above and below a decision: room for an exit label

    def height(self, kind: SymbolKind) -> float:
        return self.dec_h if kind is SymbolKind.DECISION else self.proc_h

    def min_row(self, kind: SymbolKind) -> float:
        decision = kind is SymbolKind.DECISION
        margin = max(self.v_margin, self.dec_margin) if decision else self.v_margin
        return self.height(kind) + 2 * margin


def symbol_sizes(lane_w: float, m: Metrics, label_w: float = 0.0) -> SymbolSizes:
    """Sizes for lanes `lane_w` wide; `label_w` is the width of a typical exit label,
    which the gutter beside a symbol should hold with its clear space."""
    room = lane_w - 2 * (label_w + LABEL_ROOM)
    share = min(SYMBOL_SHARE, max(SYMBOL_SHARE_MIN, room / lane_w)) if lane_w > 0 else 0.0
    w = min(lane_w * share, 9.0 * m.body)
    proc_h = min(max(w * 0.45, 1.6 * m.body), 2.4 * m.body)
    label_h = (ASCENT + DESCENT) * m.label
    return SymbolSizes(
        w=w,
        proc_h=proc_h,
        dec_h=proc_h * 1.4,
        v_margin=max(1.0 * m.body, 7.5),
        arrow=min(7.0, max(1.25 * m.body, 5.0)),
        dec_margin=label_h + LABEL_ROOM,
    )


@dataclass(frozen=True)
class Half:
    """One side of a gutter: tracks run between `start` (next to a symbol) and `end`."""

    start: float
    end: float

    def positions(self) -> Iterator[float]:
        """Track x positions, nearest the symbol first, then ever finer in between."""
        span = self.end - self.start
        count = max(2, int(abs(span) // TRACK_GAP) + 1)
        points = [self.start + span * i / (count - 1) for i in range(count)]
        yield from points
        for _ in range(4):  # halve the spacing a few times before giving up
            mids = [(a + b) / 2 for a, b in itertools.pairwise(points)]
            yield from mids
            points = sorted(points + mids, key=lambda v: abs(v - self.start))


@dataclass(frozen=True)
class LaneGeometry:
    """Where each lane is, where its symbol sits, and the gutters between them."""

    xs: tuple[float, ...]  # left edge of each lane
    lane_w: float
    sizes: SymbolSizes
    grid_clear: float
    symbol_clear: float

    @property
    def count(self) -> int:
        return len(self.xs)

    @property
    def left(self) -> float:
        return self.xs[0] if self.xs else 0.0

    @property
    def right(self) -> float:
        return self.xs[-1] + self.lane_w if self.xs else 0.0

    def cx(self, lane: int) -> float:
        return self.xs[lane] + self.lane_w / 2

    def symbol_rect(self, lane: int, kind: SymbolKind, cy: float) -> Rect:
        h = self.sizes.height(kind)
        return Rect(self.cx(lane) - self.sizes.w / 2, cy - h / 2, self.sizes.w, h)

    def halves(self, gutter: int) -> list[Half]:
        """The track zones of gutter `gutter` (between lane gutter-1 and lane gutter)."""
        out: list[Half] = []
        sym_half = self.sizes.w / 2
        if gutter < self.count:  # left part of lane `gutter`
            edge = self.cx(gutter) - sym_half
            out.append(Half(edge - self.symbol_clear, self.xs[gutter] + self.grid_clear))
        if gutter > 0:  # right part of lane `gutter - 1`
            edge = self.cx(gutter - 1) + sym_half
            lane_right = self.xs[gutter - 1] + self.lane_w
            out.append(Half(edge + self.symbol_clear, lane_right - self.grid_clear))
        return out


def lane_geometry(plan: ColumnPlan, label_w: float = 0.0) -> LaneGeometry:
    lanes = plan.lanes()
    sizes = symbol_sizes(plan.lane_w, plan.metrics, label_w)
    gutter = (plan.lane_w - sizes.w) / 2
    grid_clear = min(GRID_CLEAR, max(MIN_GRID_CLEAR, gutter * 0.25))
    symbol_clear = max(0.0, min(sizes.arrow + 1.0, gutter * 0.45, gutter * 0.8 - grid_clear))
    return LaneGeometry(
        xs=tuple(c.x for c in lanes),
        lane_w=plan.lane_w,
        sizes=sizes,
        grid_clear=grid_clear,
        symbol_clear=symbol_clear,
    )
