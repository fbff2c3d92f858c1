"""The swimlane of a document as it prints, for the screen.

`LayoutService(session).swimlane_pages(doc)` gives the flowchart pages of an
SOP as display lists (`core.layout.display.DisplayPage`), made by the very
code the PDF uses (`exchange.pdf.sop.flowchart`): the same text measure
(reportlab's metrics of the embedded fonts), the office profile's paper
unless another is asked for, the same page frame, footer band and signature
reserve, so the pages and page breaks on screen are the printed flowchart
pages. The document need not be saved: the editor passes what is being edited.

The database is read at most once per profile change: the profile is cached
and dropped when the session announces a change of it (or a restore). A caller
that already holds a profile may pass it and the database is not read at all.

Each service keeps the pages it laid out last (`core.layout.memo.PageMemo`): a
document laid out again after a small edit lays out only the pages the edit
changed, with the same result as laying it all out afresh.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..core.layout.display import DisplayPage
from ..core.layout.memo import PageMemo
from ..core.office import OfficeProfile
from ..core.page import page_settings
from ..core.sop import SopDocument
from ..core.sop.signing import signing_date
from .entities import DATABASE, OFFICE_PROFILE
from .office_service import OfficeService

if TYPE_CHECKING:
    from .session import Session


@dataclass(frozen=True)
class SwimlanePreview:
    """The flowchart pages of one document, the paper they are set on, and what the
    layout had to tell the user (text shrunk or cut, arrows not drawn; Indonesian)."""

    pages: list[DisplayPage]
    kertas: str
    tegak: bool
    notices: list[str] = field(default_factory=list)


class LayoutService:
    """Lays out documents for the screen exactly as they print."""

    def __init__(self, session: Session) -> None:
        self._office = OfficeService(session)
        self._profile: OfficeProfile | None = None
        self._lock = threading.Lock()
        self._memo = PageMemo()
        ref = weakref.ref(self)

        def forget(entity: str, _entity_id: int | None) -> None:
            service = ref()
            if service is None:
                session.unsubscribe(forget)
            elif entity in (OFFICE_PROFILE, DATABASE):
                service._profile = None

        session.subscribe(forget)

    def profile(self) -> OfficeProfile:
        """The office profile, read once and kept until it changes."""
        with self._lock:
            if self._profile is None:
                self._profile = self._office.get_profile()
            return self._profile

    def swimlane(
        self,
        document: SopDocument,
        *,
        kertas: str | None = None,
        tegak: bool | None = None,
        tanggal_ttd: date | None = None,
        profile: OfficeProfile | None = None,
    ) -> SwimlanePreview:
        """The flowchart pages of `document` as printed on `kertas` (None: the
        profile's paper), landscape unless `tegak`, signed on `tanggal_ttd`
        (None: as printing signs it). ValidationError for an unknown paper."""
        # reportlab is imported only when a swimlane is wanted: start-up stays fast.
        from ..exchange.pdf.sop.flowchart import flowchart  # noqa: PLC0415

        office = profile if profile is not None else self.profile()
        settings = page_settings(kertas or str(office.kertas), bool(tegak))
        tanggal = signing_date(document, tanggal_ttd)
        flow, _sig = flowchart(document, office, settings, tanggal, self._memo)
        return SwimlanePreview(flow.pages, settings.paper, bool(tegak), list(flow.notices))

    def swimlane_pages(
        self,
        document: SopDocument,
        *,
        kertas: str | None = None,
        tegak: bool | None = None,
        profile: OfficeProfile | None = None,
    ) -> list[DisplayPage]:
        """Just the pages of `swimlane`."""
        return self.swimlane(document, kertas=kertas, tegak=tegak, profile=profile).pages
