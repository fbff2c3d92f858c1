"""What a painter drew, read back in one form for both painters, to compare them.

* `pdf_pages(path)` reads a PDF's content streams (pypdf) and follows the
  graphics state (line width, dash, cap, join, colours) to list every painted
  path and every text show, in page coordinates with y down;
* `qt_recorder.qt_record(paint, width, height)` does the same for QPainter.

Both give `Drawing`s: `Shape`s (flattened outlines, stroke and fill) and
`Text`s (text, left end, baseline, face, size, width, colour), in painting
order. `compare(a, b, tol)` lists the differences (empty when they agree
within `tol` points).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
from pypdf.generic import ContentStream

Point = tuple[float, float]
CURVE_STEPS = 16


@dataclass
class Shape:
    """One painted outline: subpaths flattened to points (closed ones repeat
    their first point at the end); `stroke` = (width, colour, dash, cap, join)."""

    subpaths: list[list[Point]]
    stroke: tuple[float, str, tuple[float, ...], int, int] | None
    fill: str | None

    def bbox(self) -> tuple[float, float, float, float]:
        pts = [p for sub in self.subpaths for p in sub]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass
class Text:
    text: str
    x: float
    baseline: float
    face: tuple[bool, bool]  # (bold, italic)
    size: float
    width: float
    color: str


@dataclass
class Drawing:
    shapes: list[Shape] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def bezier(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    out = []
    for k in range(1, CURVE_STEPS + 1):
        t = k / CURVE_STEPS
        u = 1 - t
        a, b, c, d = u**3, 3 * u * u * t, 3 * u * t * t, t**3
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def _hex(rgb: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb)


# -- PDF ------------------------------------------------------------------------------


PAINT = {"S", "s", "f", "f*", "F", "B", "B*", "b", "b*", "n"}
STROKES = {"S", "s", "B", "B*", "b", "b*"}
FILLS = {"f", "f*", "F", "B", "B*", "b", "b*"}


class _PdfState:
    """The graphics state a painted path depends on."""

    def __init__(self) -> None:
        self.width, self.dash, self.cap, self.join = 1.0, (), 0, 0
        self.stroke, self.fill = "#000000", "#000000"

    def copy(self) -> _PdfState:
        other = _PdfState()
        other.__dict__.update(self.__dict__)
        return other

    def apply(self, op: str, args: list) -> bool:
        """Take a state operator; False when `op` is not one."""
        setter = _STATE_OPS.get(op)
        if setter is None:
            return False
        name, value = setter(args)
        setattr(self, name, value)
        return True


_STATE_OPS = {
    "w": lambda a: ("width", float(a[0])),
    "d": lambda a: ("dash", tuple(float(v) for v in a[0])),
    "J": lambda a: ("cap", int(a[0])),
    "j": lambda a: ("join", int(a[0])),
    "RG": lambda a: ("stroke", _hex(tuple(float(v) for v in a))),
    "rg": lambda a: ("fill", _hex(tuple(float(v) for v in a))),
}


class _PathBuilder:
    """The path under construction, in page coordinates with y down."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.subpaths: list[list[Point]] = []

    def flip(self, x: object, y: object) -> Point:
        return (float(x), self.height - float(y))  # type: ignore[arg-type]

    def apply(self, op: str, args: list) -> bool:
        """Take a path construction operator; False when `op` is not one."""
        subs = self.subpaths
        if op == "m":
            subs.append([self.flip(*args)])
        elif op == "l":
            subs[-1].append(self.flip(*args))
        elif op == "c":
            c1, c2, end = self.flip(*args[0:2]), self.flip(*args[2:4]), self.flip(*args[4:6])
            subs[-1] += bezier(subs[-1][-1], c1, c2, end)
        elif op == "re":
            x, y, w, h = (float(v) for v in args)
            corners = [self.flip(x, y), self.flip(x + w, y), self.flip(x + w, y + h)]
            corners.append(self.flip(x, y + h))
            subs.append([*corners, corners[0]])
        elif op == "h":
            subs[-1].append(subs[-1][0])
        else:
            return False
        return True

    def take(self, closed: bool) -> list[list[Point]]:
        subs, self.subpaths = self.subpaths, []
        return [_close_if(sub, closed) for sub in subs]


def _pdf_shapes(ops: list, height: float) -> list[Shape]:
    """Every painted path with the pen and fill in force."""
    st, stack, path = _PdfState(), [], _PathBuilder(height)
    shapes: list[Shape] = []
    for args, raw in ops:
        op = raw.decode("latin-1")
        if op == "q":
            stack.append(st.copy())
        elif op == "Q":
            st = stack.pop()
        elif st.apply(op, args) or path.apply(op, args):
            continue
        elif op in PAINT:
            fill = st.fill if op in FILLS else None
            subpaths = path.take(closed=fill is not None or op in ("s", "b", "b*"))
            stroke = (st.width, st.stroke, st.dash, st.cap, st.join) if op in STROKES else None
            if subpaths and op != "n":
                shapes.append(Shape(subpaths, stroke, fill))
    return shapes


def _close_if(sub: list[Point], closed: bool) -> list[Point]:
    """A filled (or closing) subpath ends where it began."""
    if closed and sub[-1] != sub[0]:
        return [*sub, sub[0]]
    return sub


def pdf_pages(path: Path) -> list[Drawing]:
    """Every page of the PDF at `path`, as drawn."""
    reader = pypdf.PdfReader(path)
    out = []
    for page in reader.pages:
        height = float(page.mediabox[3])
        ops = ContentStream(page.get_contents(), reader).operations
        drawing = Drawing(_pdf_shapes(ops, height))
        drawing.texts = _pdf_texts(ops, _fonts(page), height)
        out.append(drawing)
    return out


def _fonts(page: pypdf.PageObject) -> dict[str, tuple[str, dict[int, str]]]:
    """Resource name -> (base font name, code -> character) from each ToUnicode map."""
    fonts = {}
    for name, ref in (page["/Resources"].get("/Font") or {}).items():
        font = ref.get_object()
        base = str(font.get("/BaseFont", "")).split("+")[-1]
        codes: dict[int, str] = {}
        if "/ToUnicode" in font:
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for code, uni in re.findall(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4,})>", cmap):
                if int(uni, 16):
                    codes[int(code, 16)] = chr(int(uni, 16))
        fonts[str(name)] = (base, codes)
    return fonts


def _raw(operand: object) -> bytes:
    if isinstance(operand, bytes):
        return operand
    original = getattr(operand, "original_bytes", None)
    return original if original is not None else str(operand).encode("latin-1")


def _pdf_texts(ops: list, fonts: dict, height: float) -> list[Text]:
    """Every text show: its text (through the font's ToUnicode map), origin (the
    text matrix reportlab sets for each run), face, size, width (reportlab's
    measure of that face) and fill colour. A show that continues the one before
    (reportlab switches subset fonts inside a run) is joined to it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    texts: list[Text] = []
    fill, stack = "#000000", []
    font, size, x, y = ("", {}), 0.0, 0.0, 0.0
    continues = False
    for args, raw in ops:
        op = raw.decode("latin-1")
        if op == "q":
            stack.append(fill)
        elif op == "Q":
            fill = stack.pop()
        elif op == "rg":
            fill = _hex(tuple(float(v) for v in args))
        elif op == "Tf":
            font, size = fonts[str(args[0])], float(args[1])
        elif op == "Tm":
            x, y, continues = float(args[4]), float(args[5]), False
        elif op in ("BT", "Td", "TD", "T*"):
            continues = False
            if op in ("Td", "TD"):
                x, y = x + float(args[0]), y + float(args[1])
        elif op == "Tj":
            name, codes = font
            text = "".join(codes.get(b, chr(b)) for b in _raw(args[0]))
            width = stringWidth(text, name, size)
            face = ("Bold" in name, "Italic" in name)
            if continues and texts:
                last = texts[-1]
                last.text, last.width = last.text + text, last.width + width
            else:
                texts.append(Text(text, x, height - y, face, size, width, fill))
            x, continues = x + width, True
    return texts


# -- comparing ------------------------------------------------------------------------


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    )
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _to_outline(p: Point, subpaths: list[list[Point]]) -> float:
    best = math.inf
    for sub in subpaths:
        if len(sub) == 1:
            best = min(best, math.hypot(p[0] - sub[0][0], p[1] - sub[0][1]))
        for a, b in itertools.pairwise(sub):
            best = min(best, _segment_distance(p, a, b))
    return best


def outline_distance(a: Shape, b: Shape) -> float:
    """The Hausdorff distance between two flattened outlines (vertices and midpoints)."""

    def samples(s: Shape) -> list[Point]:
        pts = []
        for sub in s.subpaths:
            pts += sub
            pts += [((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q in itertools.pairwise(sub)]
        return pts

    there = max((_to_outline(p, b.subpaths) for p in samples(a)), default=0.0)
    back = max((_to_outline(p, a.subpaths) for p in samples(b)), default=0.0)
    return max(there, back)


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def compare(a: Drawing, b: Drawing, tol: float = 0.05) -> list[str]:
    """Differences between two drawings ([] when they agree within `tol` points)."""
    out: list[str] = []
    if len(a.shapes) != len(b.shapes):
        out.append(f"{len(a.shapes)} vs {len(b.shapes)} shapes")
    for k, (s, t) in enumerate(zip(a.shapes, b.shapes, strict=False)):
        if (s.fill is None) != (t.fill is None) or (s.fill and s.fill != t.fill):
            out.append(f"shape {k}: fill {s.fill} vs {t.fill}")
        if (s.stroke is None) != (t.stroke is None):
            out.append(f"shape {k}: stroke {s.stroke} vs {t.stroke}")
        elif s.stroke and t.stroke:
            (w1, c1, d1, cap1, j1), (w2, c2, d2, cap2, j2) = s.stroke, t.stroke
            same_dash = len(d1) == len(d2) and all(
                _close(x, y, 1e-3) for x, y in zip(d1, d2, strict=True)
            )
            if not (_close(w1, w2, 1e-3) and c1 == c2 and same_dash and cap1 == cap2 and j1 == j2):
                out.append(f"shape {k}: stroke {s.stroke} vs {t.stroke}")
        gap = outline_distance(s, t)
        if gap > tol:
            out.append(f"shape {k}: outlines {gap:.3f} pt apart ({s.bbox()} vs {t.bbox()})")
    if len(a.texts) != len(b.texts):
        out.append(f"{len(a.texts)} vs {len(b.texts)} texts")
    for k, (s, t) in enumerate(zip(a.texts, b.texts, strict=False)):
        same = (
            s.text == t.text
            and s.face == t.face
            and s.color == t.color
            and all(_close(u, v, tol) for u, v in ((s.x, t.x), (s.baseline, t.baseline),
                                                     (s.size, t.size), (s.width, t.width)))
        )  # fmt: skip
        if not same:
            out.append(f"text {k}: {s} vs {t}")
    return out
