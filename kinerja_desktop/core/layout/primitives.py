"""What the swimlane layout produces: the page in terms of the sheet.

Cells, grid lines, text runs, symbols, connectors and off-page connectors, with
what they belong to (a step, a column), for the layout's own modules and its
checks (`verify.py`). `render.py` inks these records into the display list
(`display.py`) that the painters — the PDF (`exchange.pdf.sop.painter`) and
the screen (`ui.swimlane.painter`) — interpret; no painter measures, wraps or
moves anything, so what the user sees is what prints.

Units are PostScript points (1/72 inch). The origin is the top-left corner of
the page and y grows downwards (as in Qt); the PDF painter flips y.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

Point = tuple[float, float]


class Font(StrEnum):
    """Font faces the layout uses; painters map them to embedded fonts."""

    REGULAR = "regular"
    BOLD = "bold"
    ITALIC = "italic"


Measure = Callable[[str, Font, float], float]
"""Width in points of `text` set in `font` at `size` points."""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains(self, p: Point, tol: float = 1e-6) -> bool:
        """True when p lies inside or on the border."""
        return (
            self.x - tol <= p[0] <= self.right + tol and self.y - tol <= p[1] <= self.bottom + tol
        )

    def contains_rect(self, other: Rect, tol: float = 1e-6) -> bool:
        return (
            self.x - tol <= other.x
            and self.y - tol <= other.y
            and other.right <= self.right + tol
            and other.bottom <= self.bottom + tol
        )

    def overlaps(self, other: Rect, tol: float = 1e-6) -> bool:
        """True when the interiors intersect (touching borders do not count)."""
        return (
            self.x < other.right - tol
            and other.x < self.right - tol
            and self.y < other.bottom - tol
            and other.y < self.bottom - tol
        )


class Anchor(StrEnum):
    """Where a text run's x lies: its start, middle or end."""

    START = "start"
    MIDDLE = "middle"
    END = "end"


@dataclass(frozen=True)
class TextRun:
    """One line of text, already wrapped and placed.

    `y` is the baseline. `role` tells tests and painters what the text is
    ("header", "uraian", "kelengkapan", "waktu", "output", "keterangan", "no",
    "exit-label", "offpage-letter", "colnum", "notice"); `step_id` is set
    for text that belongs to a step.
    """

    x: float
    y: float
    text: str
    font: Font = Font.REGULAR
    size: float = 9.0
    anchor: Anchor = Anchor.START
    role: str = ""
    step_id: str | None = None


@dataclass(frozen=True)
class Box:
    """A rectangle of the table (a cell background or frame)."""

    rect: Rect
    fill: str | None = None  # "#rrggbb" or None
    stroke: bool = True
    line_width: float = 0.5


@dataclass(frozen=True)
class Line:
    """A straight line of the table grid."""

    a: Point
    b: Point
    line_width: float = 0.5


class SymbolKind(StrEnum):
    TERMINATOR = "terminator"  # capsule: mulai / selesai
    PROCESS = "process"  # rectangle
    DECISION = "decision"  # diamond inscribed in rect


@dataclass(frozen=True)
class Symbol:
    """The symbol of one step in one lane (a multi-lane step has several)."""

    kind: SymbolKind
    rect: Rect
    step_id: str
    lane_index: int


class ConnectorKind(StrEnum):
    FLOW = "flow"  # step to next step, arrowhead at the end
    EXIT = "exit"  # a decision exit, arrowhead at the end, labelled
    JOIN = "join"  # joins the boxes of one multi-lane step, no arrowhead


@dataclass(frozen=True)
class Connector:
    """An orthogonal polyline (every segment horizontal or vertical).

    `source` / `target` name what the ends touch: a step id, or
    "offpage:<letter>" for an off-page connector.
    """

    points: tuple[Point, ...]
    kind: ConnectorKind
    source: str
    target: str
    arrow: bool = True
    label: TextRun | None = None
    dashed: bool = False


class OffPageDirection(StrEnum):
    OUT = "out"  # under the last row of a page: the flow leaves
    IN = "in"  # at the top of the next page: the flow arrives


@dataclass(frozen=True)
class OffPage:
    """A lettered off-page connector (pentagon pointing down)."""

    rect: Rect
    letter: str
    direction: OffPageDirection
    lane_index: int


@dataclass(frozen=True)
class Column:
    """One column of the table; `lane_index` is set for Pelaksana columns."""

    key: str  # "no", "uraian", "lane", "kelengkapan", "waktu", "output", "keterangan"
    x: float
    w: float
    title: str
    lane_index: int | None = None


@dataclass(frozen=True)
class Row:
    """One step row on a page."""

    step_id: str
    number: int
    y: float
    h: float


@dataclass
class LayoutPage:
    """One flowchart page: everything to draw, plus the facts tests check."""

    width: float
    height: float
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    texts: list[TextRun] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    offpages: list[OffPage] = field(default_factory=list)
    table_rect: Rect | None = None  # the whole table on this page

    @property
    def step_ids(self) -> list[str]:
        return [r.step_id for r in self.rows]


@dataclass
class SwimlaneLayout:
    """The result: pages plus notices for the user (Indonesian)."""

    pages: list[LayoutPage]
    font_scale: float = 1.0  # < 1 when text was shrunk to fit many lanes
    notices: list[str] = field(default_factory=list)
