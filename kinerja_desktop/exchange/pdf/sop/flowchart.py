"""The flowchart pages of one SOP as display lists, the signature block included.

`flowchart(doc, office, settings, tanggal)` is what both the PDF (`document.py`)
and the on-screen view (`services.layout_service`) draw: the swimlane laid out
with the PDF's text measure, room kept for the signature block under the last
table (`core.layout.compose`), and the block's lines (wrapped and measured
here, with the embedded fonts) added as text runs where the composition put
them. The date and the town come from `core.sop.signing`.
"""

from __future__ import annotations

from datetime import date

from kinerja_desktop.core.layout.compose import Flowchart, compose_flowchart
from kinerja_desktop.core.layout.display import Op, Pen, PolylineOp, TextOp
from kinerja_desktop.core.layout.memo import PageMemo
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.signing import signing_town

from ..fonts import LAYOUT_FONTS, measure
from ..signature import SignatureBlock, signature_block
from ..text import CENTER, RIGHT, TextLine, baseline_offset, width_of

_FONT_OF_FACE = {face: font for font, face in LAYOUT_FONTS.items()}


def signature_forms(
    doc: SopDocument, office: OfficeProfile, settings: PageSettings, tanggal: date
) -> tuple[SignatureBlock, SignatureBlock]:
    """The SOP's signature block, normal and compact, for the page's content width."""
    kota = signing_town(doc, office)
    width = settings.content_width
    return (
        signature_block(doc.pengesahan, kota, tanggal, width),
        signature_block(doc.pengesahan, kota, tanggal, width, compact=True),
    )


def flowchart(
    doc: SopDocument,
    office: OfficeProfile,
    settings: PageSettings,
    tanggal: date,
    memo: PageMemo | None = None,
) -> tuple[Flowchart, SignatureBlock]:
    """The composed flowchart pages, the signature block drawn on them; and the
    form of the block used. `memo`: see `core.layout.memo` (the editor's)."""
    forms = signature_forms(doc, office, settings, tanggal)
    flow = compose_flowchart(doc, settings, measure, [f.height for f in forms], memo)
    sig = forms[flow.form]
    place = flow.block
    flow.pages[place.page].ops.extend(signature_ops(sig, place.right, place.top))
    return flow, sig


def signature_ops(sig: SignatureBlock, right: float, top: float) -> list[Op]:
    """The block's lines as display ops against `right`, `top` (y down; the
    block's gap above included), as `SignatureBlock.draw` sets them on paper."""
    ops: list[Op] = []
    x = right - sig.width
    y = top + sig.gap
    for line in sig.lines:
        ops += line_ops(line, x, y, sig.width)
        y += line.height
    return ops


def line_ops(line: TextLine, x: float, top: float, width: float) -> list[Op]:
    """One wrapped line in the box [x, x + width] whose top is `top` (y down)."""
    st = line.style
    font = _FONT_OF_FACE[st.font]
    baseline = top + baseline_offset(st)
    left = x + line.indent
    avail = width - line.indent
    ops: list[Op] = []
    if line.label:
        ops.append(TextOp(x, baseline, line.label, font, st.size, width_of(line.label, st)))
    if not line.text:
        return ops
    text_w = width_of(line.text, st)
    if st.align == CENTER:
        start = left + avail / 2 - 0.5 * text_w
    elif st.align == RIGHT:
        start = left + avail - text_w
    else:
        start = left
    ops.append(TextOp(start, baseline, line.text, font, st.size, text_w))
    if st.underline:
        uy = baseline + st.size * 0.14
        ops.append(PolylineOp(((start, uy), (start + text_w, uy)), Pen(max(st.size / 14, 0.5))))
    return ops
