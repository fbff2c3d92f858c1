"""The SOP printed as vector PDF: identity sheet, flowchart, Lembar Kerja, Buku SOP.

The public calls:

* `write_sop_pdf(doc, office, path, options, notices=None)` — one SOP
  (identity sheet, flowchart pages with the signature block, optional Lembar
  Kerja); returns the number of pages.
* `write_book_pdf(docs, office, path, options, tahun=, progress=, cancelled=,
  notices=)` — the Buku SOP: cover, daftar isi, every SOP; returns the number
  of pages.
* `notices`: pass a list to receive the layout's messages for the user
  (text shrunk for many lanes, …), in Indonesian.
* `PdfOptions(kertas="F4" | "A4", tegak=False, lembar_kerja=False,
  tanggal_ttd=None)`; without `tanggal_ttd` each SOP is signed on the day it
  was ratified (tanggal efektif, else revisi, else pembuatan, else today).

`PdfCancelledError` (raised when `cancelled()` turned true; nothing written)
and `measure` (the layout's text measure) are the generic `exchange.pdf`'s.
Files are written atomically; every font is embedded (Liberation Sans).

The room: `document` (one SOP planned and drawn), `flowchart` (the flowchart
pages as display lists, signature included: what the screen shows too),
`footer` (what its footers say), `identity` and `identity_head` (the identity
sheet), `painter` (draws a display list on the canvas), `worksheet` (the
Lembar Kerja), `book` (the Buku SOP).
"""

from .book import write_book_pdf
from .document import PdfOptions, write_sop_pdf

__all__ = ["PdfOptions", "write_book_pdf", "write_sop_pdf"]
