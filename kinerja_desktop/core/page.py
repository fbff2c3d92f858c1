"""Paper sizes and page settings shared by every printed sheet."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72.0 / 25.4  # points per millimetre

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
    min_font_size: float = 6.0  # text never shrinks below this
    column_numbers: bool = True  # the (1) (2) … (n) row under the header
    reserve_top: float = 0.0
    reserve_bottom: float = 16 * MM

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
