"""The Buku SOP: cover, daftar isi whose numbers are right, bookmarks, progress, cancel."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from test_pdf_support import font_problems, office, page_texts, sop

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.exchange.pdf import PdfCancelledError
from kinerja_desktop.exchange.pdf.frame import frame_of, settings_for
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf, write_sop_pdf
from kinerja_desktop.exchange.pdf.sop.book import (
    _columns,
    _entry,
    _paginate_toc,
    cover_frame,
    toc_frame_of,
)

OPTIONS = PdfOptions(tanggal_ttd=date(2026, 2, 16))


def _docs(n: int) -> list:
    return [
        sop(steps=4 + (i * 5) % 17, lanes=2 + i % 6, words_per_step=6 + i % 9, seed=i)
        for i in range(n)
    ]


def _toc_numbers(texts: list[str], docs) -> dict[str, int]:
    """Judul → the page number the daftar isi gives for it."""
    toc = "\n".join(t for t in texts if "DAFTAR ISI" in t)
    found: dict[str, int] = {}
    for doc in docs:
        m = re.search(re.escape(doc.judul) + r"\s*\n?\s*(\d+)", toc)
        assert m, f"{doc.judul} tidak ada di daftar isi"
        found[doc.judul] = int(m.group(1))
    return found


def _first_pages(texts: list[str], docs) -> dict[str, int]:
    """Judul → the (1-based) page where the SOP's own "Hal. 1 dari" footer is."""
    out: dict[str, int] = {}
    for doc in docs:
        pages = [
            n
            for n, t in enumerate(texts, 1)
            if f"SOP Nomor {doc.nomor}\n" in t and "Hal. 1 dari" in t
        ]
        assert len(pages) == 1, doc.nomor
        out[doc.judul] = pages[0]
    return out


def test_book_contents_numbers_and_bookmarks(tmp_path: Path) -> None:
    docs = _docs(6)
    path = tmp_path / "buku.pdf"
    seen: list[tuple[int, int]] = []
    total = write_book_pdf(
        docs, office(), path, OPTIONS, tahun=2026, progress=lambda d, t: seen.append((d, t))
    )
    texts = page_texts(path)
    assert total == len(texts)
    assert "STANDAR OPERASIONAL PROSEDUR" in texts[0] and "TAHUN 2026" in texts[0]
    assert "KECAMATAN MASAMA" in texts[0]
    assert "DAFTAR ISI" in texts[1]
    starts = _first_pages(texts, docs)
    assert _toc_numbers(texts, docs) == starts
    # the same pages as each SOP printed alone, one after the other
    alone = [write_sop_pdf(d, office(), tmp_path / f"{i}.pdf", OPTIONS) for i, d in enumerate(docs)]
    toc_pages = sum(1 for t in texts if "DAFTAR ISI" in t)
    assert total == 1 + toc_pages + sum(alone)
    assert [starts[d.judul] for d in docs] == [
        1 + toc_pages + 1 + sum(alone[:i]) for i in range(len(docs))
    ]
    # footers count each SOP's own pages; the book's number is printed too
    for n, text in enumerate(texts[1 + toc_pages :], start=2 + toc_pages):
        assert re.search(r"Hal\. \d+ dari \d+", text) and f"Buku SOP hlm. {n}" in text
    # bookmarks: one per SOP at its first page, its parts below it
    reader = pypdf.PdfReader(path)
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = {item.title: reader.get_destination_page_number(item) + 1 for item in top}
    for doc in docs:
        assert titles[f"{doc.nomor} — {doc.judul}"] == starts[doc.judul]
    assert titles["Daftar Isi"] == 2
    assert any(isinstance(item, list) for item in reader.outline)
    assert seen == [(i, len(docs)) for i in range(1, len(docs) + 1)]
    assert font_problems(path) == []


def test_long_daftar_isi_spans_pages(tmp_path: Path) -> None:
    """Enough SOPs that the daftar isi needs a second page; numbers still right."""
    docs = [sop(steps=2, lanes=1, words_per_step=3, seed=i) for i in range(40)]
    for i, doc in enumerate(docs):
        doc.judul = f"Prosedur Nomor {i} " + "dengan judul yang panjang sekali " * (1 + i % 4)
    path = tmp_path / "buku.pdf"
    write_book_pdf(docs, office(), path, PdfOptions(kertas="A4", tanggal_ttd=date(2026, 2, 16)))
    texts = page_texts(path)
    assert sum(1 for t in texts if "DAFTAR ISI" in t) >= 2
    starts = _first_pages(texts, docs)
    toc = "\n".join(t for t in texts if "DAFTAR ISI" in t)
    numbers = [int(n) for n in re.findall(r"^(\d+)$", toc, flags=re.MULTILINE)]
    assert numbers[-len(docs) :] == [starts[d.judul] for d in docs]


def test_toc_pagination_keeps_every_entry_once() -> None:
    settings = settings_for("F4", tegak=False)
    frame = toc_frame_of(frame_of(settings))
    docs = _docs(3) * 70
    cols = _columns(frame, [d.nomor for d in docs])
    pages = _paginate_toc([_entry(i, d, cols) for i, d in enumerate(docs)], frame)
    assert len(pages) > 3
    assert [e.index for p in pages for e in p] == list(range(len(docs)))
    for page in pages:
        assert sum(e.height for e in page) <= frame.height


def test_cancel_writes_nothing_and_keeps_the_old_book(tmp_path: Path) -> None:
    path = tmp_path / "buku.pdf"
    path.write_bytes(b"buku lama")
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(PdfCancelledError):
        write_book_pdf(_docs(4), office(), path, OPTIONS, cancelled=cancelled)
    assert path.read_bytes() == b"buku lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.pdf"]


def test_empty_book_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        write_book_pdf([], office(), tmp_path / "buku.pdf")
    assert list(tmp_path.iterdir()) == []


def test_daftar_isi_keeps_every_nomor_on_one_line(tmp_path: Path) -> None:
    docs = _docs(3)
    docs[0].nomor = "050/01/KEC-MSM/2026"
    docs[1].nomor = "205/050/01/Bappeda & Litbang"
    docs[2].nomor = "B-012/BPS/2023"
    frame = toc_frame_of(frame_of(settings_for("F4", tegak=False)))
    cols = _columns(frame, [d.nomor for d in docs])
    for i, doc in enumerate(docs):
        entry = _entry(i, doc, cols)
        assert [ln.text for ln in entry.nomor] == [doc.nomor]
    path = tmp_path / "buku.pdf"
    write_book_pdf(docs, office(), path, OPTIONS)
    toc = page_texts(path)[1]
    assert all(doc.nomor in toc for doc in docs)


def test_cover_frame_sits_in_the_middle_of_the_sheet() -> None:
    for tegak in (False, True):
        settings = settings_for("A4", tegak)
        frame = cover_frame(settings)
        width, height = settings.size
        assert frame.bottom == pytest.approx(height - frame.top)
        assert frame.left == settings.margin_left and frame.right == width - settings.margin_right
