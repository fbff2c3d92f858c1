"""LayoutService: the swimlane for the screen is the printed flowchart, read cheaply."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures_store import sample_doc
from test_pdf_support import office as sample_office

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.layout.display import TextOp
from kinerja_desktop.core.office import PaperSize
from kinerja_desktop.core.page import MM
from kinerja_desktop.exchange.pdf.sop import PdfOptions
from kinerja_desktop.exchange.pdf.sop.document import FLOWCHART, LEMBAR_KERJA, plan_sop
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart
from kinerja_desktop.services import office_service
from kinerja_desktop.services.layout_service import LayoutService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session, open_session


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        OfficeService(s).save_profile(sample_office())
        yield s


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per read of the office profile from the database."""
    counted: list[int] = []
    original = office_service.store.load_profile

    def load():
        counted.append(1)
        return original()

    monkeypatch.setattr(office_service.store, "load_profile", load)
    return counted


def _texts(page) -> list[str]:
    return [op.text for op in page.ops if isinstance(op, TextOp)]


def test_pages_are_the_printed_flowchart_pages(session: Session) -> None:
    doc = sample_doc()
    preview = LayoutService(session).swimlane(doc, tanggal_ttd=date(2026, 2, 16))
    plan = plan_sop(doc, sample_office(), PdfOptions(tanggal_ttd=date(2026, 2, 16)))
    starts = dict(plan.sections)
    end = starts.get(LEMBAR_KERJA, plan.page_count)
    assert len(preview.pages) == end - starts[FLOWCHART]
    printed, _sig = flowchart(doc, sample_office(), plan.settings, date(2026, 2, 16))
    assert preview.pages == printed.pages  # what plan_sop draws on those PDF pages
    assert (preview.kertas, preview.tegak) == ("F4", False)
    page = preview.pages[-1]
    assert (page.width, page.height) == pytest.approx((330 * MM, 215 * MM))
    words = " ".join(_texts(page))
    assert "Masama, 16 Februari 2026" in words  # the signature block, as printed
    assert doc.pengesahan.nama in words
    uraian = " ".join(t for p in preview.pages for t in _texts(p))
    assert "Memerintahkan pengumpulan data kinerja" in uraian


def test_paper_follows_the_profile_unless_asked(session: Session) -> None:
    profile = OfficeService(session).get_profile()
    profile.kertas = PaperSize.A4
    OfficeService(session).save_profile(profile)
    service = LayoutService(session)
    a4 = service.swimlane_pages(sample_doc())[0]
    assert (a4.width, a4.height) == pytest.approx((297 * MM, 210 * MM))
    tall = service.swimlane_pages(sample_doc(), kertas="f4", tegak=True)[0]
    assert (tall.width, tall.height) == pytest.approx((215 * MM, 330 * MM))
    with pytest.raises(ValidationError, match="Ukuran kertas"):
        service.swimlane_pages(sample_doc(), kertas="Letter")


def test_profile_is_read_once_until_it_changes(session: Session, reads: list[int]) -> None:
    service = LayoutService(session)
    doc = sample_doc()
    for _ in range(5):
        service.swimlane_pages(doc)
    assert len(reads) == 1
    profile = OfficeService(session).get_profile()
    profile.kota_ttd = "Toili"
    OfficeService(session).save_profile(profile)
    assert len(reads) == 2  # the save itself read nothing; get_profile above did
    pages = service.swimlane_pages(doc)
    assert len(reads) == 3
    assert any(t.startswith("Toili, ") for t in _texts(pages[-1]))
    service.swimlane_pages(doc)
    assert len(reads) == 3


def test_a_given_profile_reads_nothing(session: Session, reads: list[int]) -> None:
    pages = LayoutService(session).swimlane_pages(sample_doc(), profile=sample_office())
    assert pages and reads == []


def test_a_dropped_service_stops_listening(session: Session) -> None:
    before = len(session._callbacks)
    service = LayoutService(session)
    assert len(session._callbacks) == before + 1
    del service
    gc.collect()
    session.notify([("office_profile", 1)])
    assert len(session._callbacks) == before
