"""The identity sheet never draws over its footer and QR code, however long the
judul or the jabatan (the lists move to the next page; a judul or jabatan too
long for the page is cut with "…")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_store import sample_doc

from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.exchange.pdf.frame import frame_of
from kinerja_desktop.exchange.pdf.sop import identity

JUDUL = "Prosedur Pengumpulan dan Pengolahan Data Kinerja Perangkat Daerah "
JABATAN = "Camat Masama Kabupaten Banggai Provinsi Sulawesi Tengah "


@pytest.mark.parametrize(("judul_times", "jabatan_times"), [(12, 8), (40, 1), (1, 40), (150, 60)])
@pytest.mark.parametrize("settings", [PageSettings(), PageSettings(paper="A4", landscape=False)])
def test_every_page_stays_inside_its_frame(
    judul_times: int, jabatan_times: int, settings: PageSettings
) -> None:
    doc = sample_doc()
    doc.judul = (JUDUL * judul_times).strip()
    doc.pengesahan.jabatan = (JABATAN * jabatan_times).strip()
    frame = frame_of(settings)
    for fit in identity.FITS:
        top, pages = identity._plan(doc, OfficeProfile(), frame, fit)
        assert top.height <= frame.height * 0.7 + 1e-6
        assert top.height + sum(r.height for r in pages[0]) <= frame.height + 1e-6
        for rows in pages[1:]:
            assert sum(r.height for r in rows) <= frame.height - identity.NOTE.leading + 1e-6
    assert len(identity.plan_identity(doc, OfficeProfile(), settings)) >= 1


def test_a_cut_judul_ends_in_an_ellipsis() -> None:
    doc = sample_doc()
    doc.judul = (JUDUL * 150).strip()
    frame = frame_of(PageSettings())
    top, _pages = identity._plan(doc, OfficeProfile(), frame, identity.FITS[0])
    judul_lines = top.rows[-1].cells[1].lines
    assert judul_lines[-1].text.endswith("…")
    assert 2 <= len(judul_lines) < 150
