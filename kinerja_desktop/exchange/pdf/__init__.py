"""Printed sheets as vector PDF: the building blocks every domain's sheets share.

The files directly in this package know no domain (tests/test_layers.py checks
that they import neither `core.sop` nor a domain room):

* `fonts` — the embedded fonts (Liberation Sans/Serif) and `measure`, the text
  measure for `core.layout.layout_sop` (the on-screen view uses it too, so
  screen and paper agree);
* `text`, `table` — styles, wrapped lines and framed rows set on the canvas;
* `heading` — the office heading (logo, government and office name);
* `footer` — the footer band of every page with its QR code;
* `signature` — the signature block;
* `frame` — page geometry: paper settings and the content area;
* `output` — a canvas with embedded fonts, written atomically;
  `PdfCancelledError` when the user cancelled (nothing written).

Each domain has its own room built on them: `exchange.pdf.sop` (the SOP
sheets and the Buku SOP; its public calls are there).
"""

from .fonts import measure
from .output import PdfCancelledError

__all__ = ["PdfCancelledError", "measure"]
