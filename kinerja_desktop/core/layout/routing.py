"""The state of routing one page: connectors made so far and what each symbol side does.

Rules that keep connectors apart by construction:

* a symbol's top only ever receives, its bottom only ever sends;
* a side of a symbol either sends (one connector) or receives (any number,
  all towards that symbol), never both; a decision's sides only send;
* the joined boxes of a multi-lane step use their inner sides for the join,
  so flows use the outer sides of the outermost boxes;
* horizontal runs only happen at a step's own levels (its centre line, just
  above its symbols, just below them), so runs of different steps never meet;
* vertical runs between rows use lane centres (next-row flows) or tracks in
  the gutters (long connectors), booked per track so they never overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .frame import Frame, Place, Side
from .primitives import Connector, ConnectorKind, Measure, Point, TextRun


@dataclass(frozen=True)
class Edge:
    """The flow from step `src` to step `tgt` (indexes); `label` for decision exits."""

    src: int
    tgt: int
    kind: ConnectorKind
    label: str | None
    order: int


@dataclass
class Pending:
    """An off-page run waiting for its pentagon: OUT ends at, IN starts from, x."""

    letter: str
    x: float
    points: list[Point]
    kind: ConnectorKind
    source: str
    target: str
    want: float | None = None  # where its pentagon should go (its lane), if not at x


@dataclass(frozen=True)
class LabelRequest:
    """A decision exit to be labelled once every connector of the page is drawn.

    `points` is the connector as routed from the exit (its first point is the
    exit, on the decision's border); the label goes to the connector that
    leaves `source` from that point.
    """

    text: str
    port: Side
    points: tuple[Point, ...]
    place: Place


@dataclass
class Router:
    """Connectors of one page, and what each symbol side is already used for."""

    frame: Frame
    measure: Measure
    label_size: float
    connectors: list[Connector] = field(default_factory=list)
    texts: list[TextRun] = field(default_factory=list)
    roles: dict[tuple[int, Side], str] = field(default_factory=dict)
    ports: set[tuple[int, Side]] = field(default_factory=set)
    tracks: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    pending_out: list[Pending] = field(default_factory=list)
    pending_in: list[Pending] = field(default_factory=list)
    labels: list[LabelRequest] = field(default_factory=list)

    def can_receive(self, place: Place, side: Side) -> bool:
        return not place.decision and self.roles.get((place.index, side)) in (None, "in")

    def can_send(self, place: Place, side: Side) -> bool:
        if place.decision:
            return (place.index, side) not in self.ports
        return side is not Side.BOTTOM and (place.index, side) not in self.roles

    def take_port(self, place: Place, side: Side) -> None:
        self.ports.add((place.index, side))
        if side in (Side.LEFT, Side.RIGHT):
            self.roles[(place.index, side)] = "out"

    def add(self, points: list[Point], edge: Edge, source: str, target: str) -> Connector:
        conn = Connector(tuple(points), edge.kind, source, target)
        self.connectors.append(conn)
        return conn
