"""Paper sizes and page settings shared by every printed sheet.

`page_settings(kertas, tegak)` is the frame every sheet of a printed document
uses (the swimlane pages, the identity sheet, the Lembar Kerja, the reports),
on paper and on screen: margins, and the footer band kept free above the
bottom margin for the footer (title, page x of y, QR code).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import ValidationError

MM = 72.0 / 25.4  # points per millimetre

FOOTER_QR = 13 * MM  # the QR code of the footer, square
FOOTER_GAP = 3 * MM  # between the footer and the content above it
FOOTER_BAND = FOOTER_QR + FOOTER_GAP
"""The band kept free above the bottom margin for the footer (`reserve_bottom`)."""

BINDING = 22 * MM  # the inner margin of a bound book (Buku SOP)
JILID = ("", "kiri", "cermin")  # no binding; inner margin left on every page; mirrored

PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "F4": (215.0, 330.0),
}


@dataclass(frozen=True)
class PageSettings:
    """Paper, orientation, margins and type sizes, all in points.

    `reserve_top` / `reserve_bottom` are bands inside the margins kept free for
    a heading above the table and the footer (nomor SOP, revision, page x of y,
    QR code) below it.
    """

    paper: str = "F4"
    landscape: bool = True
    margin_top: float = 12 * MM
    margin_right: float = 12 * MM
    margin_bottom: float = 10 * MM
    margin_left: float = 15 * MM  # room for binding
    font_size: float = 8.0
    header_font_size: float = 8.0
    min_font_size: float = 7.0  # text never shrinks below this (a signed sheet stays legible)
    column_numbers: bool = True  # the (1) (2) … (n) row under the header
    reserve_top: float = 0.0
    reserve_bottom: float = FOOTER_BAND

    def __post_init__(self) -> None:
        if self.paper not in PAPER_MM:
            raise ValueError(f"Ukuran kertas tidak dikenal: {self.paper}")

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in points for the chosen orientation."""
        w_mm, h_mm = PAPER_MM[self.paper]
        w, h = w_mm * MM, h_mm * MM
        return (h, w) if self.landscape else (w, h)

    @property
    def content_left(self) -> float:
        return self.margin_left

    @property
    def content_right(self) -> float:
        return self.size[0] - self.margin_right

    @property
    def content_top(self) -> float:
        return self.margin_top + self.reserve_top

    @property
    def content_bottom(self) -> float:
        return self.size[1] - self.margin_bottom - self.reserve_bottom

    @property
    def content_width(self) -> float:
        return self.content_right - self.content_left


def page_settings(kertas: str, tegak: bool, jilid: str = "") -> PageSettings:
    """The settings every sheet of one printed document uses: paper `kertas`
    ("A4" / "F4", any case), landscape unless `tegak`, the footer band kept free.
    `jilid` ("kiri" or "cermin", see `JILID`) widens the inner margin to
    `BINDING` for a bound book; the layout is the same on every page, and a
    mirrored book moves its even pages over (`verso_shift`).
    ValidationError (Indonesian) for a paper or binding that is not known."""
    paper = kertas.strip().upper()
    if paper not in PAPER_MM:
        choices = ", ".join(PAPER_MM)
        raise ValidationError(
            f"Ukuran kertas {kertas!r} tidak dikenal; pilih salah satu: {choices}."
        )
    if jilid not in JILID:
        raise ValidationError(f"Jilid {jilid!r} tidak dikenal; pilih kiri atau cermin.")
    settings = PageSettings(paper=paper, landscape=not tegak, reserve_bottom=FOOTER_BAND)
    if jilid:
        settings = replace(settings, margin_left=BINDING)
    return settings


def verso_shift(settings: PageSettings, jilid: str, page_number: int) -> float:
    """How far (points, to the right) page `page_number` of a document moves: an
    even page of a mirrored ("cermin") book has its wide margin on the right."""
    if jilid != "cermin" or page_number % 2:
        return 0.0
    return settings.margin_right - settings.margin_left
