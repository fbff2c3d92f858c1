"""Whole SOPs to PDF: pages, text, fonts, footers, signature, outline, paper, atomic write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from sop_factory import sop_strategy
from test_pdf_support import contains_text, contains_words, font_problems, office, page_texts, sop

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import MM
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.signing import signing_town
from kinerja_desktop.exchange.pdf import measure
from kinerja_desktop.exchange.pdf.frame import frame_of, settings_for
from kinerja_desktop.exchange.pdf.signature import signature_block
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf, write_sop_pdf
from kinerja_desktop.exchange.pdf.sop import document as sop_pdf_module
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart
from kinerja_desktop.exchange.pdf.sop.identity import plan_identity

TTD = date(2026, 2, 16)


def _outline(reader: pypdf.PdfReader) -> list[tuple[str, int, int]]:
    """(title, level, page index) of every outline entry, in order."""
    out: list[tuple[str, int, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, level, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def check_sop_pdf(doc: SopDocument, kantor: OfficeProfile, path: Path, options: PdfOptions) -> None:
    """Every invariant of one SOP's PDF (options.tanggal_ttd must be TTD)."""
    pages = write_sop_pdf(doc, kantor, path, options)
    reader = pypdf.PdfReader(path)
    texts = page_texts(path)
    assert len(reader.pages) == pages
    settings = settings_for(options.kertas, options.tegak)
    plan = sop_pdf_module.plan_sop(doc, kantor, options)
    starts = dict(plan.sections)
    identity = len(plan_identity(doc, kantor, settings))
    assert starts["Bagian Flowchart"] == identity
    lk_start = starts.get("Lembar Kerja Identifikasi Kegiatan", pages)
    # the signature block sits under the table of the last flowchart page; alone on
    # a page only when the last row fills a page by itself
    town = signing_town(doc, kantor)
    dated = f"{town}, 16 Februari 2026" if town else "16 Februari 2026"
    signature = [dated, doc.pengesahan.nama.strip()]
    if doc.pengesahan.jabatan.strip():
        signature.append(f"{doc.pengesahan.jabatan.strip().upper()},")
    signed = [n for n, t in enumerate(texts) if all(contains_words(t, s) for s in signature)]
    assert len(signed) == (2 if lk_start < pages else 1), signed
    assert signed[0] == lk_start - 1
    flow, sig = flowchart(doc, kantor, settings, TTD)
    layout = flow.layout
    assert max(ln.height for ln in sig.lines if not ln.text) >= 18 * MM  # room to sign
    full = signature_block(doc.pengesahan, town, TTD, frame_of(settings).width)
    if sig.height < full.height:  # compact only when it saves a page
        roomy = layout_sop(doc, settings, measure, last_page_reserve=full.height)
        assert len(layout.pages) < len(roomy.pages)
    alone = "Uraian" not in texts[signed[0]]
    if alone:
        assert len(layout.pages[-1].rows) == 1, "tanda tangan sendirian di halamannya"
    flow = lk_start - identity - int(alone)
    assert flow == len(layout.pages)
    # every step's uraian on the flowchart pages, every page numbered
    flow_text = "\n".join(texts[identity : identity + flow])
    for i, step in enumerate(doc.steps):
        assert contains_text(flow_text, step.uraian), f"langkah {i + 1} tidak ada di PDF"
    for n, text in enumerate(texts, start=1):
        assert f"Hal. {n} dari {pages}" in text, n
        assert f"SOP Nomor {doc.nomor}" in text
    assert font_problems(path) == []
    w, h = (float(v) for v in reader.pages[0].mediabox[2:])
    paper = {"A4": (210, 297), "F4": (215, 330)}[options.kertas]
    want = sorted((paper[0] * MM, paper[1] * MM), reverse=not options.tegak)
    assert all(
        (float(p.mediabox[2]), float(p.mediabox[3])) == pytest.approx((w, h)) for p in reader.pages
    )
    assert (w, h) == pytest.approx(tuple(want), abs=0.01)
    outline = _outline(reader)
    assert [(t, p) for t, _lvl, p in outline[:2]] == [
        ("Bagian Identitas", 0),
        ("Bagian Flowchart", identity),
    ]
    if lk_start < pages:
        assert outline[2] == ("Lembar Kerja Identifikasi Kegiatan", 0, lk_start)


@pytest.mark.parametrize(
    "case",
    [
        (6, 3, "F4", False, False),
        (12, 5, "A4", False, True),
        (25, 8, "F4", False, True),
        (9, 4, "A4", True, False),
        (30, 2, "F4", True, True),
    ],
)
def test_generated_sops(tmp_path: Path, case: tuple) -> None:
    steps, lanes, kertas, tegak, lembar_kerja = case
    doc = sop(steps=steps, lanes=lanes, words_per_step=12, seed=steps)
    options = PdfOptions(kertas=kertas, tegak=tegak, lembar_kerja=lembar_kerja, tanggal_ttd=TTD)
    check_sop_pdf(doc, office(), tmp_path / "sop.pdf", options)


def test_layout_notices_reach_the_caller(tmp_path: Path) -> None:
    doc = sop(steps=8, lanes=14, words_per_step=10)
    options = PdfOptions(kertas="A4", tegak=True, tanggal_ttd=TTD)
    expected = layout_sop(doc, settings_for("A4", True), measure).notices
    assert expected, "14 lanes on portrait A4 should make the layout say something"
    notices: list[str] = []
    write_sop_pdf(doc, office(), tmp_path / "sop.pdf", options, notices=notices)
    assert notices == list(expected)
    book_notices: list[str] = []
    write_book_pdf([doc], office(), tmp_path / "buku.pdf", options, notices=book_notices)
    assert book_notices == [f"SOP {doc.nomor}: {n}" for n in expected]


def test_lembar_kerja_flag_of_the_sop_prints_it(tmp_path: Path) -> None:
    doc = sop()
    doc.lembar_kerja.cetak = True
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(), path, PdfOptions(tanggal_ttd=TTD))
    assert any("LEMBAR KERJA IDENTIFIKASI KEGIATAN" in t for t in page_texts(path))


def test_a_failure_mid_way_keeps_the_older_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "sop.pdf"
    write_sop_pdf(sop(), office(), path, PdfOptions(tanggal_ttd=TTD))
    before = path.read_bytes()
    calls = {"n": 0}
    real_footer = sop_pdf_module.draw_footer

    def failing_footer(*args, **kwargs) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk penuh")
        real_footer(*args, **kwargs)

    monkeypatch.setattr(sop_pdf_module, "draw_footer", failing_footer)
    with pytest.raises(Exception, match="tidak dapat ditulis"):
        write_sop_pdf(sop(steps=8), office(), path, PdfOptions(tanggal_ttd=TTD))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.pdf"]


def test_random_sops(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Random SOPs (multi-lane steps, loops, skips, odd words) keep every invariant."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(sop_strategy(max_lanes=8, max_steps=30), st.sampled_from(["A4", "F4"]), st.booleans())
    def check(doc: SopDocument, kertas: str, tegak: bool) -> None:
        path = tmp_path_factory.mktemp("acak") / "sop.pdf"
        options = PdfOptions(kertas=kertas, tegak=tegak, lembar_kerja=tegak, tanggal_ttd=TTD)
        check_sop_pdf(doc, office(), path, options)

    check()
