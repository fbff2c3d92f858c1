"""Whose sheet it is and when it was signed: logo, town and date of the signature.

An SOP printed under another office's heading (`doc.kop`) carries neither this
office's logo nor its town; the signature is dated the day the SOP was
ratified unless a date is asked for, in single SOPs and in the Buku SOP alike.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from test_pdf_support import office, page_texts, sop

from kinerja_desktop.core.sop.signing import BLANK_TOWN, kop_is_own, signing_date, signing_town
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf, write_sop_pdf

KOP = ["Pemerintah Kabupaten Banjar", "Kecamatan Martapura Barat"]


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _images_per_page(pdf: Path) -> list[int]:
    counts = []
    for page in pypdf.PdfReader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
        counts.append(len(images))
    return counts


def _signature_lines(pdf: Path) -> list[str]:
    """The lines just above the jabatan line of every signature block."""
    found = []
    for text in page_texts(pdf):
        lines = [ln.strip() for ln in text.splitlines()]
        found += [lines[k - 1] for k, ln in enumerate(lines) if ln == "CAMAT MASAMA," and k]
    return found


@pytest.mark.parametrize("kop", [[], KOP], ids=["kantor-sendiri", "kop-lain"])
def test_logo_only_under_the_offices_own_heading(tmp_path: Path, kop: list[str]) -> None:
    doc = sop()
    doc.kop = list(kop)
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(_png()), path, PdfOptions(tanggal_ttd=date(2026, 2, 16)))
    images = _images_per_page(path)
    assert images[0] == (0 if kop else 1)
    assert sum(images) == images[0]


def test_another_offices_sop_is_dated_at_the_town_its_kop_names(tmp_path: Path) -> None:
    doc = sop()
    doc.kop = list(KOP)
    path = tmp_path / "sop.pdf"
    options = PdfOptions(lembar_kerja=True, tanggal_ttd=date(2026, 2, 16))
    write_sop_pdf(doc, office(), path, options)
    assert _signature_lines(path) == ["Martapura Barat, 16 Februari 2026"] * 2
    assert "Masama, 16 Februari 2026" not in "\n".join(page_texts(path))


def test_a_kop_without_a_town_leaves_it_to_fill_by_hand() -> None:
    doc = sop()
    doc.kop = ["PEMERINTAH KABUPATEN BANGGAI", "BADAN PERENCANAAN PEMBANGUNAN DAERAH"]
    assert signing_town(doc, office()) == BLANK_TOWN
    assert not kop_is_own(doc, office())


@pytest.mark.parametrize(
    "kop",
    [
        ["PEMERINTAH KABUPATEN BANGGAI", "KECAMATAN MASAMA"],
        ["Pemerintah  Kab. Banggai", "kecamatan masama."],
        ["PEMERINTAH KABUPATEN BANGGAI", "KECAMATAN MASAMA", "Jl. Trans Sulawesi No. 1 Masama"],
        ["KECAMATAN MASAMA"],
    ],
)
def test_a_kop_equal_to_our_heading_keeps_logo_and_town(tmp_path: Path, kop: list[str]) -> None:
    doc = sop()
    doc.kop = kop
    kantor = office(_png())
    assert kop_is_own(doc, kantor)
    assert signing_town(doc, kantor) == "Masama"
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, kantor, path, PdfOptions(lembar_kerja=True, tanggal_ttd=date(2026, 2, 16)))
    assert _images_per_page(path)[0] == 1
    assert _signature_lines(path) == ["Masama, 16 Februari 2026"] * 2


def test_own_sop_is_dated_at_the_offices_town(tmp_path: Path) -> None:
    path = tmp_path / "sop.pdf"
    write_sop_pdf(sop(), office(), path, PdfOptions(tanggal_ttd=date(2026, 2, 16)))
    assert _signature_lines(path) == ["Masama, 16 Februari 2026"]


@pytest.mark.parametrize(
    ("efektif", "revisi", "pembuatan", "want"),
    [
        (date(2026, 3, 1), date(2026, 2, 20), date(2026, 2, 2), date(2026, 3, 1)),
        (None, date(2026, 2, 20), date(2026, 2, 2), date(2026, 2, 20)),
        (None, None, date(2026, 2, 2), date(2026, 2, 2)),
        (None, None, None, None),
    ],
    ids=["efektif", "revisi", "pembuatan", "hari-ini"],
)
def test_signing_date_is_the_day_of_ratification(efektif, revisi, pembuatan, want) -> None:
    doc = sop()
    doc.tanggal_efektif, doc.tanggal_revisi, doc.tanggal_pembuatan = efektif, revisi, pembuatan
    assert signing_date(doc) == (want or date.today())
    assert signing_date(doc, today=date(2030, 1, 2)) == (want or date(2030, 1, 2))
    asked = date(2027, 1, 5)
    assert signing_date(doc, asked) == asked


def test_printed_signature_carries_the_tanggal_efektif(tmp_path: Path) -> None:
    doc = sop()
    doc.tanggal_efektif = date(2026, 3, 1)
    path = tmp_path / "sop.pdf"
    write_sop_pdf(doc, office(), path, PdfOptions(lembar_kerja=True))
    assert _signature_lines(path) == ["Masama, 1 Maret 2026"] * 2


def test_book_dates_each_sop_by_its_own_ratification(tmp_path: Path) -> None:
    first, second = sop(seed=1), sop(seed=2)
    first.tanggal_efektif = date(2026, 3, 1)
    second.tanggal_efektif = None
    second.tanggal_pembuatan = date(2025, 11, 10)
    path = tmp_path / "buku.pdf"
    write_book_pdf([first, second], office(), path, PdfOptions())
    assert _signature_lines(path) == ["Masama, 1 Maret 2026", "Masama, 10 November 2025"]
    asked = tmp_path / "buku-tanggal.pdf"
    write_book_pdf([first, second], office(), asked, PdfOptions(tanggal_ttd=date(2026, 5, 2)))
    assert _signature_lines(asked) == ["Masama, 2 Mei 2026"] * 2
