"""Every SOP of the demo library prints with every invariant; the demo Buku SOP too."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from test_pdf_document import TTD, check_sop_pdf
from test_pdf_support import font_problems, page_texts

from kinerja_desktop import paths
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import SopDocument, serialize
from kinerja_desktop.exchange.pdf.frame import settings_for
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf
from kinerja_desktop.exchange.pdf.sop import document as sop_pdf
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart
from kinerja_desktop.exchange.pdf.sop.identity import plan_identity

DEMO = paths.resource("demo")
FILES = sorted((DEMO / "sop").glob("*.json"))


def _office() -> OfficeProfile:
    profile = json.loads((DEMO / "profil.json").read_text(encoding="utf-8"))["profile"]
    logo = DEMO / profile["logo"] if profile.get("logo") else None
    return OfficeProfile(
        pemerintah=profile["pemerintah"],
        nama_kantor=profile["nama_kantor"],
        alamat=profile.get("alamat", ""),
        kota_ttd=profile["kota_ttd"],
        logo_png=logo.read_bytes() if logo and logo.is_file() else None,
    )


def _load(path: Path) -> SopDocument:
    return serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
@pytest.mark.parametrize(("kertas", "tegak"), [("F4", False), ("A4", True)], ids=["F4", "A4-tegak"])
def test_demo_sop(tmp_path: Path, path: Path, kertas: str, tegak: bool) -> None:
    options = PdfOptions(kertas=kertas, tegak=tegak, lembar_kerja=True, tanggal_ttd=TTD)
    check_sop_pdf(_load(path), _office(), tmp_path / "sop.pdf", options)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_demo_identity_sheet_is_one_page(path: Path) -> None:
    doc, office = _load(path), _office()
    for kertas in ("A4", "F4"):
        for tegak in (False, True):
            pages = plan_identity(doc, office, settings_for(kertas, tegak))
            assert len(pages) == 1, (kertas, "tegak" if tegak else "mendatar")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_demo_signature_is_never_alone_on_a_page(path: Path) -> None:
    doc, office = _load(path), _office()
    for kertas in ("A4", "F4"):
        for tegak in (False, True):
            options = PdfOptions(kertas=kertas, tegak=tegak, tanggal_ttd=TTD)
            settings = settings_for(kertas, tegak)
            flow, sig = flowchart(doc, office, settings, TTD)
            layout = flow.layout
            plan = sop_pdf.plan_sop(doc, office, options)
            starts = dict(plan.sections)
            end = starts.get("Lembar Kerja Identifikasi Kegiatan", plan.page_count)
            flow_pages = end - starts["Bagian Flowchart"]
            assert flow_pages == len(layout.pages), (kertas, tegak)  # no page of its own
            last = layout.pages[-1]
            assert last.table_rect is not None
            assert last.table_rect.bottom + sig.height <= settings.content_bottom + 1e-6
            if len(layout.pages) > 1:
                assert len(last.rows) >= 2


def test_demo_book(tmp_path: Path) -> None:
    docs = [_load(p) for p in FILES]
    path = tmp_path / "buku.pdf"
    total = write_book_pdf(docs, _office(), path, PdfOptions(tanggal_ttd=date(2026, 2, 16)))
    texts = page_texts(path)
    assert total == len(texts)
    toc = texts[1]
    for doc in docs:
        first = [
            n
            for n, t in enumerate(texts, start=1)
            if f"SOP Nomor {doc.nomor.strip()}" in t and "Hal. 1 dari" in t
        ]
        assert len(first) == 1
        judul_words = r"\s+".join(map(re.escape, doc.judul.split()))
        m = re.search(judul_words + r"\s*(\d+)", toc)
        assert m and int(m.group(1)) == first[0], doc.judul
    reader = pypdf.PdfReader(path)
    assert len([i for i in reader.outline if not isinstance(i, list)]) == 2 + len(docs)
    assert font_problems(path) == []
