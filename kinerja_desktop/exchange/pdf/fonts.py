"""The embedded fonts of every printed sheet, and the text measure of the layout.

Liberation Sans and Liberation Serif (SIL OFL, metric-compatible with Arial and
Times New Roman) are registered with reportlab from `resources/fonts/`, so each
PDF carries its own fonts and prints the same on every machine. No base-14
font (Helvetica, Times) ever appears in a file: canvases are created with an
embedded initial font (see `output.new_canvas`).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kinerja_desktop import paths
from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.layout.primitives import Font

SANS = "LiberationSans"
SANS_BOLD = "LiberationSans-Bold"
SANS_ITALIC = "LiberationSans-Italic"
SANS_BOLD_ITALIC = "LiberationSans-BoldItalic"
SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
    SANS_ITALIC: "LiberationSans-Italic.ttf",
    SANS_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

LAYOUT_FONTS: dict[Font, str] = {
    Font.REGULAR: SANS,
    Font.BOLD: SANS_BOLD,
    Font.ITALIC: SANS_ITALIC,
}
"""The embedded face for each font of the layout contract."""

_lock = threading.Lock()
_registered = False


USED = (SANS, SANS_BOLD, SANS_ITALIC)  # the faces the sheets set text in


def register_fonts() -> None:
    """Register the faces the sheets use, and their family, once per process (the
    serif and bold-italic files ship but are never parsed: each TTF costs
    start-up time).

    Raises KinerjaError when a font file is missing or damaged (a broken
    installation), with the file named in the detail.
    """
    global _registered  # noqa: PLW0603 - a process-wide registration flag
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name in USED:
            path = paths.resource("fonts", _FILES[name])
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise KinerjaError(
                    "Huruf untuk PDF tidak ditemukan atau rusak; pasang ulang aplikasi.",
                    f"{path}: {exc}",
                ) from exc
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD
        )
        _registered = True


@lru_cache(maxsize=131072)
def text_width(text: str, font_name: str, size: float) -> float:
    """Width in points of `text` in one of the faces above (cached: sheets repeat words)."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font_name, size)


def measure(text: str, font: Font, size: float) -> float:
    """The `Measure` the swimlane layout needs, with the faces the PDF embeds."""
    return text_width(text, LAYOUT_FONTS[font], size)
