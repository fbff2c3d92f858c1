"""The flow between steps: which connectors exist, the joins, and flows to the next row.

A flow to the next row takes the first shape that is allowed: straight down
(same lane), out of the side and down into the top (as in the reference sheets),
down and into the side, or down - across - down through the gap between rows.
"""

from __future__ import annotations

import itertools

from ..sop import SopDocument
from .frame import Place, Side
from .labels import request_label
from .primitives import Connector, ConnectorKind
from .routing import Edge, Router

MAX_EXITS = 3  # a decision sends from its bottom and its two sides


def collect_edges(doc: SopDocument, has_symbol: list[bool]) -> tuple[list[Edge], list[str]]:
    """Every connector the document asks for, and notices for those that cannot be drawn."""
    edges: list[Edge] = []
    notices: list[str] = []
    for i, step in enumerate(doc.steps):
        kind = ConnectorKind.EXIT if step.is_decision else ConnectorKind.FLOW
        succ = doc.successors(i)
        if len(succ) > MAX_EXITS:
            notices.append(
                f"Keputusan di langkah {i + 1} punya lebih dari {MAX_EXITS} cabang; "
                "cabang selebihnya tidak digambar."
            )
        for order, (j, label) in enumerate(succ[:MAX_EXITS]):
            if has_symbol[i] and has_symbol[j]:
                text = (label or "").strip() if kind is ConnectorKind.EXIT else ""
                edges.append(Edge(i, j, kind, text or None, order))
    for i, ok in enumerate(has_symbol):
        if not ok:
            notices.append(
                f"Langkah {i + 1} belum punya pelaksana; simbol dan panah ke/dari langkah "
                "itu tidak digambar."
            )
    return edges, notices


def add_joins(router: Router, place: Place) -> None:
    """Dotted lines joining the boxes of a step done in several lanes."""
    for a, b in itertools.pairwise(place.lanes):
        ra, rb = place.rects[a], place.rects[b]
        router.connectors.append(
            Connector(
                ((ra.right, ra.cy), (rb.x, rb.cy)),
                ConnectorKind.JOIN,
                place.step_id,
                place.step_id,
                arrow=False,
                dashed=True,
            )
        )


def closest_pair(src: Place, tgt: Place) -> tuple[int, int]:
    return min(((a, b) for a in src.lanes for b in tgt.lanes), key=lambda p: (abs(p[0] - p[1]), p))


def route_next(router: Router, edge: Edge, src: Place, tgt: Place) -> Side:
    """A connector from `src` to `tgt` in the next row; returns the port it left by."""
    geo = router.frame.geo
    a, b = closest_pair(src, tgt)
    ca, cb = geo.cx(a), geo.cx(b)
    if a == b:
        points = [(ca, src.bottom), (cb, tgt.top)]
        port = Side.BOTTOM
    elif src.outside(b) and router.can_send(src, src.side_toward(b)) and not src.decision:
        port = src.side_toward(b)
        points = [src.side_point(port), (cb, src.cy), (cb, tgt.top)]
    elif tgt.outside(a) and router.can_receive(tgt, tgt.side_toward(a)):
        side = tgt.side_toward(a)
        router.roles[(tgt.index, side)] = "in"
        points = [(ca, src.bottom), (ca, tgt.cy), tgt.side_point(side)]
        port = Side.BOTTOM
    else:
        points = [(ca, src.bottom), (ca, tgt.y_in), (cb, tgt.y_in), (cb, tgt.top)]
        port = Side.BOTTOM
    router.take_port(src, port)
    router.add(points, edge, src.step_id, tgt.step_id)
    if edge.label:
        request_label(router, edge.label, port, points, src)
    return port
