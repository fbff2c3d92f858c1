"""Plain text for the sheets reportlab draws directly: styles, wrapping, drawing.

The identity sheet, the signature block, the Lembar Kerja, the footer and the
book pages are set with these few helpers rather than platypus: every line is
wrapped and measured first (so pages can be counted before anything is drawn)
and then drawn where it was planned. The swimlane pages do not use this; the
layout in `core` wraps their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas

from .fonts import SANS, text_width

LEFT, CENTER, RIGHT = "left", "center", "right"


@dataclass(frozen=True)
class Style:
    """A face, its size and leading (points), alignment and underline."""

    font: str = SANS
    size: float = 9.0
    leading: float = 11.0
    align: str = LEFT
    underline: bool = False

    def with_(self, **changes: object) -> Style:
        """This style with `changes` (styles are frozen: each variant is made once)."""
        key = (self, *changes.items())
        found = _VARIANTS.get(key)
        if found is None:
            if len(_VARIANTS) > 4096:  # a bound; sheets use a few dozen variants
                _VARIANTS.clear()
            found = _VARIANTS[key] = replace(self, **changes)  # type: ignore[arg-type]
        return found


_VARIANTS: dict[tuple, Style] = {}


@dataclass(frozen=True)
class TextLine:
    """One wrapped line; `indent` from the block's left, `label` hangs before it."""

    text: str
    style: Style
    indent: float = 0.0
    label: str = ""

    @property
    def height(self) -> float:
        return self.style.leading


def width_of(text: str, style: Style) -> float:
    return text_width(text, style.font, style.size)


def _break_word(word: str, style: Style, width: float) -> list[str]:
    """A word longer than the line, cut into pieces that fit (at least one char).

    Linear in the word's length: reportlab's widths are the sum of the glyph
    widths, so each distinct character is measured once and summed."""
    cache: dict[str, float] = {}
    pieces: list[str] = []
    start, current = 0, 0.0
    for i, ch in enumerate(word):
        w = cache[ch] if ch in cache else cache.setdefault(ch, width_of(ch, style))
        if i > start and current + w > width:
            pieces.append(word[start:i])
            start, current = i, 0.0
        current += w
    if start < len(word):
        pieces.append(word[start:])
    return pieces


def wrap(text: str, style: Style, width: float) -> list[str]:
    """Greedy word wrap to `width`; explicit newlines kept; [""] for empty text."""
    out: list[str] = []
    space = width_of(" ", style)
    for para in text.replace("\r\n", "\n").split("\n"):
        words = para.split()
        line: list[str] = []
        line_w = 0.0
        for word in words:
            w = width_of(word, style)
            if w > width:
                if line:
                    out.append(" ".join(line))
                *full, last = _break_word(word, style, width)
                out.extend(full)
                line, line_w = [last], width_of(last, style)
                continue
            if line and line_w + space + w > width:
                out.append(" ".join(line))
                line, line_w = [word], w
            else:
                line_w += (space if line else 0.0) + w
                line.append(word)
        out.append(" ".join(line))
    return out or [""]


def paragraph(text: str, style: Style, width: float, indent: float = 0.0) -> list[TextLine]:
    """`text` wrapped into lines of `width` (minus `indent`)."""
    return [TextLine(t, style, indent) for t in wrap(text, style, max(width - indent, 1.0))]


def numbered(items: Sequence[str], style: Style, width: float) -> list[TextLine]:
    """A numbered list ("1.", "2.", …) with hanging indent; a single item and an
    empty list are printed bare ("-" for none), as offices write them."""
    items = [t.strip() for t in items if t.strip()]
    if not items:
        return [TextLine("-", style)]
    if len(items) == 1:
        return paragraph(items[0], style, width)
    hang = width_of(f"{len(items)}. ", style) + 1.0
    lines: list[TextLine] = []
    for i, item in enumerate(items, start=1):
        for j, line in enumerate(paragraph(item, style, width, hang)):
            lines.append(replace(line, label=f"{i}." if j == 0 else ""))
    return lines


def height_of(lines: Iterable[TextLine]) -> float:
    return sum(line.height for line in lines)


def baseline_offset(style: Style) -> float:
    """Distance from the top of a line box to its baseline."""
    return (style.leading - style.size) / 2 + 0.8 * style.size


def draw_line(c: Canvas, line: TextLine, x: float, top: float, width: float) -> None:
    """Draw one line inside the box [x, x+width] whose top is `top` (y up)."""
    st = line.style
    y = top - baseline_offset(st)
    c.setFont(st.font, st.size)
    left = x + line.indent
    avail = width - line.indent
    if line.label:
        c.drawString(x, y, line.label)
    if st.align == CENTER:
        c.drawCentredString(left + avail / 2, y, line.text)
        start = left + (avail - width_of(line.text, st)) / 2
    elif st.align == RIGHT:
        c.drawRightString(left + avail, y, line.text)
        start = left + avail - width_of(line.text, st)
    else:
        c.drawString(left, y, line.text)
        start = left
    if st.underline and line.text:
        c.setLineWidth(max(st.size / 14, 0.5))
        uy = y - st.size * 0.14
        c.line(start, uy, start + width_of(line.text, st), uy)


def draw_lines(c: Canvas, lines: Iterable[TextLine], x: float, top: float, width: float) -> float:
    """Draw lines downwards from `top`; returns the y under the last one."""
    for line in lines:
        draw_line(c, line, x, top, width)
        top -= line.height
    return top
