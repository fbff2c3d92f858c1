"""The identity sheet (Bagian Identitas) of an SOP, as in the official format.

One framed table. Top (`identity_head`): at left the logo and the heading of
the government and office; at right the boxed identity list. Below, two
columns of numbered lists: Dasar Hukum | Kualifikasi Pelaksana; Keterkaitan |
Peralatan/Perlengkapan; Peringatan | Pencatatan dan Pendataan; then
Identifikasi Risiko across both columns when it has entries.

The sheet is meant to be one page. It is first planned roomy; when that does
not fit, tighter settings are tried in turn (less room around the heading and
in the signing space — never under 18 mm —, list boxes no taller than their
lines, then the lists' type down to 7 pt). Only when even the tightest does not
fit do the lists continue on the next page (set roomy again), their headings
repeated with "(lanjutan)".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import MM, PageSettings
from kinerja_desktop.core.sop import SopDocument

from ..fonts import SANS, SANS_BOLD, SANS_ITALIC
from ..frame import Frame, PageDraw, frame_of
from ..table import PAD_X, PAD_Y, Cell, Row, draw_rows, make_row, split_lines, text_cell
from ..text import Style, TextLine, draw_lines, numbered, paragraph
from .identity_head import HeadFit, TopBlock, top_block

__all__ = ["IdentityFit", "plan_identity"]

NOTE = Style(SANS_ITALIC, 8.5, 11)
MIN_LINES = 2  # a list continues on the next page rather than leave fewer lines here
LEADING = 1.24  # list line height as a multiple of the type size

PAIRS = (
    ("dasar_hukum", "kualifikasi_pelaksana"),
    ("keterkaitan", "peralatan_perlengkapan"),
    ("peringatan", "pencatatan_pendataan"),
)


@dataclass(frozen=True)
class IdentityFit:
    """How roomy the whole sheet is set: the top block, and the lists below it."""

    head: HeadFit
    list_size: float = 9.0
    min_lines: int = 3  # a list box is at least this many lines tall

    @property
    def body(self) -> Style:
        return Style(SANS, self.list_size, round(self.list_size * LEADING, 2))

    @property
    def bold(self) -> Style:
        return self.body.with_(font=SANS_BOLD)


ROOMY = IdentityFit(HeadFit(sign_room=20 * MM, judul_min=30.0, logo=24 * MM, heading_size=14.0))
TIGHT = IdentityFit(
    HeadFit(sign_room=18 * MM, judul_min=18.0, logo=19 * MM, heading_size=12.0), min_lines=1
)
FITS: tuple[IdentityFit, ...] = (
    ROOMY,
    TIGHT,
    *(replace(TIGHT, list_size=size) for size in (8.5, 8.0, 7.5, 7.0)),
)
"""Tried in order until the sheet fits one page; 7 pt is the floor of the lists."""


@dataclass
class _Section:
    """One band of lists: headings and lines for one or two columns."""

    headings: list[str]
    lines: list[list[TextLine]]
    cells: list[tuple[float, float]]  # (x, w) per column


def plan_identity(
    doc: SopDocument, office: OfficeProfile, settings: PageSettings
) -> list[PageDraw]:
    """The identity sheet as planned pages: one whenever it can be made to fit."""
    frame = frame_of(settings)
    for fit in FITS:
        top, pages = _plan(doc, office, frame, fit)
        if len(pages) == 1:
            break
    else:
        top, pages = _plan(doc, office, frame, ROOMY)
    first_rows = pages[0]
    _stretch(first_rows, frame.height - top.height - sum(r.height for r in first_rows))

    def first(c: Canvas) -> None:
        draw_rows(c, first_rows, top.draw(c, frame.top))

    return [first, *(_continuation(doc, frame, rows) for rows in pages[1:])]


def _plan(
    doc: SopDocument, office: OfficeProfile, frame: Frame, fit: IdentityFit
) -> tuple[TopBlock, list[list[Row]]]:
    top = top_block(doc, office, frame, fit.head)
    sections = _sections(doc, frame, top.split, fit)
    return top, _paginate(sections, frame.height - top.height, frame.height - NOTE.leading, fit)


def _continuation(doc: SopDocument, frame: Frame, rows: list[Row]) -> PageDraw:
    note = paragraph(f"Bagian Identitas (lanjutan) — {doc.judul.strip()}", NOTE, frame.width)[:1]

    def draw(c: Canvas) -> None:
        top = draw_lines(c, note, frame.left, frame.top, frame.width)
        draw_rows(c, rows, top)

    return draw


# -- the lists ------------------------------------------------------------------


def _sections(doc: SopDocument, frame: Frame, split: float, fit: IdentityFit) -> list[_Section]:
    headings = {attr: heading for attr, heading, _items in doc.lists()}
    cols = [(frame.left, split - frame.left), (split, frame.right - split)]
    pad = 2 * PAD_X
    out: list[_Section] = []
    for pair in PAIRS:
        lines = [
            numbered(getattr(doc, a), fit.body, w - pad)
            for a, (_x, w) in zip(pair, cols, strict=True)
        ]
        out.append(_Section([headings[a] for a in pair], lines, cols))
    if doc.identifikasi_risiko:
        full = [(frame.left, frame.width)]
        lines = [numbered(doc.identifikasi_risiko, fit.body, frame.width - pad)]
        out.append(_Section([headings["identifikasi_risiko"]], lines, full))
    return out


def _header_row(
    section: _Section, suffix: str, remaining: list[list[TextLine]], fit: IdentityFit
) -> Row:
    """The headings; on a continuation only over the columns that go on."""
    columns = zip(section.headings, section.cells, remaining, strict=True)
    cells = [
        text_cell(x, w, f"{h}{suffix} :" if lines or not suffix else "", fit.bold)
        for h, (x, w), lines in columns
    ]
    return make_row(cells)


def _body_row(section: _Section, lines: list[list[TextLine]], min_h: float) -> Row:
    cells = [Cell(x, w, tuple(ls)) for ls, (x, w) in zip(lines, section.cells, strict=True)]
    return make_row(cells, min_h)


def _paginate(
    sections: list[_Section], first_room: float, room: float, fit: IdentityFit
) -> list[list[Row]]:
    """Rows per page; a list that does not fit continues on the next page."""
    pages: list[list[Row]] = [[]]
    left = first_room
    min_h = fit.min_lines * fit.body.leading + 2 * PAD_Y
    for section in sections:
        remaining = [list(ls) for ls in section.lines]
        suffix = ""
        while True:
            header = _header_row(section, suffix, remaining, fit)
            fit_h = left - header.height - 2 * PAD_Y
            line_h = max((ls[0].height for ls in remaining if ls), default=fit.body.leading)
            movable = bool(pages[-1]) or left < room  # under the top block: may move on
            if fit_h < line_h * min(MIN_LINES, max(map(len, remaining))) and movable:
                pages.append([])
                left = room
                continue
            parts = [split_lines(ls, fit_h) for ls in remaining]
            if not any(head for head, _tail in parts):  # not even one line fits: force one
                parts = [(ls[:1], ls[1:]) for ls in remaining]
            done = not any(tail for _head, tail in parts)
            body = _body_row(section, [head for head, _tail in parts], min_h if done else 0.0)
            if done and header.height + body.height > left + 1e-6 and movable:
                body = _body_row(section, [head for head, _tail in parts], 0.0)
            pages[-1] += [header, body]
            left -= header.height + body.height
            remaining = [tail for _head, tail in parts]
            if done:
                break
            pages.append([])
            left, suffix = room, " (lanjutan)"
    return pages


def _stretch(rows: list[Row], extra: float) -> None:
    """Share the unused height of the first page among its list rows (in place)."""
    bodies = list(range(1, len(rows), 2))
    if extra <= 0 or not bodies:
        return
    for i in bodies:
        rows[i] = rows[i].taller(extra / len(bodies))
