"""The office heading of a printed sheet: the logo and the name of the government and office.

Shared by every domain's sheets and reports: the office profile's two heading
lines ("PEMERINTAH KABUPATEN …", "KECAMATAN …") in capitals, the office logo
ready to draw (a damaged logo is left out, never an error), and the heading
set in the largest size that wraps it into the fewest lines. Where it is drawn
is the sheet's business (the SOP identity sheet, the Buku SOP cover).
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from reportlab.lib.utils import ImageReader

from kinerja_desktop.core.office import OfficeProfile

from .fonts import SANS_BOLD
from .text import CENTER, Style, TextLine, paragraph

HEADING_MIN = 10.5  # the heading is set smaller, down to this, to wrap into fewer lines


def office_heading_lines(office: OfficeProfile) -> list[str]:
    """The office profile's heading lines (government, office), in capitals."""
    return [t.strip().upper() for t in (office.pemerintah, office.nama_kantor) if t.strip()]


@lru_cache(maxsize=8)
def _logo_cached(digest: str, data: bytes) -> ImageReader | None:
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a damaged logo must not stop printing: draw without it
        return None
    return reader


def logo_image(data: bytes | None) -> ImageReader | None:
    """The office logo ready to draw; None when there is none or it is unreadable."""
    if not data:
        return None
    return _logo_cached(hashlib.sha1(data).hexdigest(), data)


def fit_heading(texts: list[str], width: float, size: float) -> list[TextLine]:
    """The heading in the largest size from `size` (down to HEADING_MIN) that wraps
    it into the fewest lines: "KECAMATAN MARTAPURA BARAT" rather than a lone "BARAT"."""
    best: list[TextLine] = []
    while True:
        style = Style(SANS_BOLD, size, size * 1.25, CENTER)
        lines = [ln for t in texts for ln in paragraph(t, style, width)]
        if not best or len(lines) < len(best):
            best = lines
        if len(lines) == len(texts) or size - 0.5 < HEADING_MIN:
            return best
        size -= 0.5
