"""Marks and margins of printed SOPs: the DRAF mark of sheets not to be signed as they
are, and the binding margin of the Buku SOP (left only, or mirrored on facing pages)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ContentStream
from test_pdf_support import office, page_texts, sop

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.page import BINDING, MM, page_settings
from kinerja_desktop.core.sop import MutuBakuHeads
from kinerja_desktop.core.sop.signing import draft_reasons
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf, write_sop_pdf


def _marked(pdf: Path) -> list[bool]:
    """Per page: the framed DRAF tag and the watermark are both there."""
    return [text.count("DRAF") >= 2 for text in page_texts(pdf)]


def test_a_complete_sop_is_not_marked(tmp_path: Path) -> None:
    path = tmp_path / "sop.pdf"
    write_sop_pdf(sop(), office(), path, PdfOptions(lembar_kerja=True))
    assert not any("DRAF" in t for t in page_texts(path))


@pytest.mark.parametrize("gap", ["nomor", "signer", "asked"])
def test_drafts_are_marked_on_every_page(tmp_path: Path, gap: str) -> None:
    doc = sop()
    if gap == "nomor":
        doc.nomor = " "
    elif gap == "signer":
        doc.pengesahan.nama = ""
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(), path, PdfOptions(lembar_kerja=True, draf=gap == "asked"))
    assert _marked(path) == [True] * len(page_texts(path))
    assert all("DRAF · SOP Nomor" in t for t in page_texts(path))
    assert bool(draft_reasons(doc)) == (gap != "asked")


def test_in_the_book_only_the_forced_sops_are_marked(tmp_path: Path) -> None:
    docs = [sop(seed=1), sop(seed=2), sop(seed=3)]
    path = tmp_path / "buku.pdf"
    write_book_pdf(docs, office(), path, PdfOptions(), drafts={1})
    marked = _marked(path)
    texts = page_texts(path)
    pages_of = [i for i, t in enumerate(texts) if docs[1].nomor in t and "Revisi ke-" in t]
    assert pages_of and all(marked[i] for i in pages_of)
    assert not any(m for i, m in enumerate(marked) if i not in pages_of)


def _page_shifts(pdf: Path) -> list[float]:
    """Per page, how far the page's content is moved right (its first `cm`)."""
    reader = pypdf.PdfReader(pdf)
    out = []
    for page in reader.pages:
        ops = ContentStream(page.get_contents(), reader).operations
        moves = [float(args[4]) for args, op in ops if op == b"cm"]
        out.append(moves[1] if len(moves) > 1 else 0.0)  # after reportlab's own
    return out


def _left_of_table(pdf: Path, settings) -> list[float]:
    """The content's left edge on each SOP page (the book's cover and daftar isi aside)."""
    return [settings.margin_left + dx for dx in _page_shifts(pdf)]


def test_binding_margin_left_or_mirrored(tmp_path: Path) -> None:
    docs = [sop(seed=1), sop(seed=2)]
    left = {}
    for jilid in ("kiri", "cermin"):
        path = tmp_path / f"buku-{jilid}.pdf"
        write_book_pdf(docs, office(), path, PdfOptions(jilid=jilid))
        left[jilid] = _left_of_table(path, page_settings("F4", False, jilid))
    right_margin = page_settings("F4", False).margin_right
    assert all(x == pytest.approx(BINDING) for x in left["kiri"][2:])
    for number, x in enumerate(left["cermin"], start=1):
        if number > 1:  # pages after the cover: the wide margin inside
            assert x == pytest.approx(BINDING if number % 2 else right_margin), number


def test_binding_margin_is_about_two_centimetres() -> None:
    assert 20 * MM <= BINDING <= 25 * MM
    assert page_settings("A4", True, "cermin").margin_left == BINDING
    with pytest.raises(ValidationError, match="Jilid"):
        page_settings("A4", True, "kanan")


def test_pdf_metadata_names_the_sop_and_its_own_office(tmp_path: Path) -> None:
    doc = sop()
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(), path)
    meta = pypdf.PdfReader(path).metadata
    assert meta.title == f"SOP {doc.nomor} – {doc.judul}"
    assert meta.author == "KECAMATAN MASAMA"
    doc.kop = ["PEMERINTAH KABUPATEN BANJAR", "KECAMATAN MARTAPURA BARAT"]
    write_sop_pdf(doc, office(), path)
    assert pypdf.PdfReader(path).metadata.author == "KECAMATAN MARTAPURA BARAT"


def test_the_offices_mutu_baku_heads_are_printed(tmp_path: Path) -> None:
    doc = sop()
    doc.mutu_baku_heads = MutuBakuHeads("Sumber Data", "Waktu (menit)", "Hasil")
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(), path)
    flowchart = page_texts(path)[1]
    assert "Sumber Data" in flowchart and "Hasil" in flowchart and "Kelengkapan" not in flowchart
