"""The sheets set directly on the canvas: identity sheet, Lembar Kerja, signature, footer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
import segno
from PIL import Image
from pypdf.generic import ContentStream
from test_pdf_support import contains_words, font_problems, office, page_texts, sop, text_positions

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.page import MM
from kinerja_desktop.core.sop import Pengesahan, serialize
from kinerja_desktop.core.sop.lembar_kerja import derive_lembar_kerja
from kinerja_desktop.exchange.pdf.footer import (
    QR_SIZE,
    define_qr_form,
    draw_footer,
    qr_modules,
)
from kinerja_desktop.exchange.pdf.frame import frame_of, settings_for
from kinerja_desktop.exchange.pdf.output import new_canvas
from kinerja_desktop.exchange.pdf.signature import signature_block
from kinerja_desktop.exchange.pdf.sop import identity as identity_module
from kinerja_desktop.exchange.pdf.sop.footer import footer_info
from kinerja_desktop.exchange.pdf.sop.identity import plan_identity
from kinerja_desktop.exchange.pdf.sop.worksheet import plan_worksheet

F4 = settings_for("F4", tegak=False)
A4_TEGAK = settings_for("A4", tegak=True)


def _render(tmp_path: Path, draws, settings=F4, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    c = new_canvas(str(path), settings.size, "uji", "uji")
    for draw in draws:
        draw(c)
        c.showPage()
    c.save()
    return path


def _png(w: int = 60, h: int = 80) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (20, 120, 40)).save(buf, "PNG")
    return buf.getvalue()


def _images(pdf: Path) -> int:
    reader = pypdf.PdfReader(pdf)
    xobjects = reader.pages[0]["/Resources"].get("/XObject") or {}
    return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")


def _inside_frame(pdf: Path, settings) -> None:
    """No text below the content area (the footer band) or outside the margins."""
    frame = frame_of(settings)
    for n in range(len(pypdf.PdfReader(pdf).pages)):
        for text, x, y in text_positions(pdf, n):
            assert y >= frame.bottom - 0.01, (n, text, y)
            assert frame.left - 0.01 <= x <= frame.right, (n, text, x)


# -- identity sheet ---------------------------------------------------------------------


def test_identity_sheet_says_what_the_official_one_says(tmp_path: Path) -> None:
    doc = sop()
    doc.tanggal_efektif = date(2026, 3, 1)
    pages = plan_identity(doc, office(), F4)
    assert len(pages) == 1
    pdf = _render(tmp_path, pages)
    text = page_texts(pdf)[0]
    for want in (
        "PEMERINTAH KABUPATEN BANGGAI",
        "KECAMATAN MASAMA",
        "Nomor SOP",
        doc.nomor,
        "Tanggal Pembuatan",
        "16 Februari 2026",
        "Tanggal Revisi",
        "Tanggal Efektif",
        "1 Maret 2026",
        "Disahkan Oleh",
        "Camat Masama",
        "Drs. Ahmad Yani, M.Si",
        "Pembina, IV/a",
        "NIP. 19750428 200012 1 003",
        "Judul SOP",
        doc.judul,
        "Dasar Hukum :",
        "Kualifikasi Pelaksana :",
        "Keterkaitan :",
        "Peralatan/Perlengkapan :",
        "Peringatan :",
        "Pencatatan dan Pendataan :",
        "1. Permenpan RB Nomor 35 Tahun 2012",
        "2. PP Nomor 60 Tahun 2008",
    ):
        assert contains_words(text, want), want
    assert "Identifikasi Risiko" not in text  # only when it has entries
    assert text.count(" - ") + text.count("\n-\n") >= 1  # the empty Tanggal Revisi
    assert font_problems(pdf) == []


def test_kop_of_the_sop_wins_and_risiko_when_present(tmp_path: Path) -> None:
    doc = sop()
    doc.kop = ["Pemerintah Kabupaten Banjar", "Kecamatan Martapura Barat"]
    doc.identifikasi_risiko = ["Data terlambat masuk"]
    text = page_texts(_render(tmp_path, plan_identity(doc, office(), F4)))[0]
    assert "PEMERINTAH KABUPATEN BANJAR" in text and "KECAMATAN MARTAPURA BARAT" in text
    assert "BANGGAI" not in text
    assert "Identifikasi Risiko :" in text and "Data terlambat masuk" in text


def test_logo_is_optional_and_a_broken_one_is_skipped(tmp_path: Path) -> None:
    with_logo = _render(tmp_path, plan_identity(sop(), office(_png()), F4), name="a.pdf")
    without = _render(tmp_path, plan_identity(sop(), office(None), F4), name="b.pdf")
    broken = _render(tmp_path, plan_identity(sop(), office(b"not a png"), F4), name="c.pdf")
    assert _images(with_logo) == 1
    assert _images(without) == 0 and _images(broken) == 0


@pytest.mark.parametrize("settings", [F4, A4_TEGAK], ids=["F4", "A4-tegak"])
def test_long_lists_continue_on_a_next_page(tmp_path: Path, settings) -> None:
    doc = sop()
    doc.dasar_hukum = [
        f"Peraturan nomor {i} tentang hal yang cukup panjang untuk dibungkus" for i in range(70)
    ]
    doc.peralatan_perlengkapan = [f"Alat {i}" for i in range(40)]
    pages = plan_identity(doc, office(), settings)
    assert len(pages) >= 2
    pdf = _render(tmp_path, pages, settings)
    texts = page_texts(pdf)
    everything = "\n".join(texts)
    for i, item in enumerate(doc.dasar_hukum):
        assert contains_words(everything, f"{i + 1}. {item}"), item
    assert "Dasar Hukum (lanjutan) :" in texts[1]
    _inside_frame(pdf, settings)


def _sizes(pdf: Path, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, size, y) of every text show on a page."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text.strip():
            found.append((text.strip(), float(font_size), float(tm[5])))

    pypdf.PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def _crowded_sop():
    doc = sop()
    doc.dasar_hukum = [
        f"Peraturan Menteri nomor {i} Tahun 2012 tentang pedoman penyusunan dokumen yang "
        "berlaku di lingkungan pemerintah daerah"
        for i in range(7)
    ]
    doc.peralatan_perlengkapan = [f"Alat kerja nomor {i}" for i in range(9)]
    doc.peringatan = ["Data yang terlambat menghambat penilaian kinerja"] * 3
    return doc


def test_a_crowded_sheet_is_tightened_onto_one_page(tmp_path: Path) -> None:
    settings = settings_for("A4", tegak=False)
    doc = _crowded_sop()
    roomy = identity_module._plan(doc, office(), frame_of(settings), identity_module.ROOMY)[1]
    assert len(roomy) > 1, "the case must not fit when set roomy"
    pages = plan_identity(doc, office(), settings)
    assert len(pages) == 1
    pdf = _render(tmp_path, pages, settings)
    text = page_texts(pdf)[0]
    for item in doc.dasar_hukum + doc.peringatan:
        assert contains_words(text, item)
    runs = _sizes(pdf)
    assert min(size for _t, size, _y in runs) >= 7.0
    jabatan = next(y for t, _s, y in runs if t == "Camat Masama")
    nama = next(y for t, _s, y in runs if t == "Drs. Ahmad Yani, M.Si")
    assert jabatan - nama >= 18 * MM  # room to sign kept
    _inside_frame(pdf, settings)


def test_what_cannot_fit_continues_in_the_roomy_type(tmp_path: Path) -> None:
    doc = _crowded_sop()
    doc.dasar_hukum *= 6
    settings = settings_for("A4", tegak=False)
    pages = plan_identity(doc, office(), settings)
    assert len(pages) >= 2
    pdf = _render(tmp_path, pages, settings)
    runs = [run for n in range(len(pages)) for run in _sizes(pdf, n)]
    sizes = {size for text, size, _y in runs if text.startswith("Peraturan")}
    assert sizes == {identity_module.ROOMY.list_size}


# -- signature block ---------------------------------------------------------------------


def test_signature_block_lines() -> None:
    p = Pengesahan(
        "Camat Masama", "Drs. Ahmad Yani, M.Si", "197504282000121003", "Pembina Tk. I, IV/b"
    )
    block = signature_block(p, "Masama", date(2026, 2, 16), 800)
    texts = [ln.text for ln in block.lines]
    assert texts == [
        "Masama, 16 Februari 2026",
        "CAMAT MASAMA,",
        "",
        "Drs. Ahmad Yani, M.Si",
        "Pembina Tk. I, IV/b",
        "NIP. 19750428 200012 1 003",
    ]
    name = block.lines[3].style
    assert name.underline and "Bold" in name.font
    assert block.lines[2].height >= 50  # room to sign


# -- Lembar Kerja ---------------------------------------------------------------------------


def test_lembar_kerja_lists_every_step_and_ends_signed(tmp_path: Path) -> None:
    doc = sop(steps=45, words_per_step=14)
    lk = derive_lembar_kerja(doc, "Kecamatan Masama")
    pages = plan_worksheet(doc, lk, "Masama", F4, date(2026, 2, 16))
    assert len(pages) >= 2
    pdf = _render(tmp_path, pages)
    texts = page_texts(pdf)
    everything = "\n".join(texts)
    for head in (
        "LEMBAR KERJA IDENTIFIKASI KEGIATAN",
        "A. Data Kegiatan",
        "B. Identifikasi Kegiatan",
    ):
        assert head in texts[0]
    assert "C. Identifikasi Langkah" in everything
    for i, step in enumerate(doc.steps):
        assert contains_words(everything, f"{i + 1}. {step.uraian}"), i
    signed = [n for n, t in enumerate(texts) if "Masama, 16 Februari 2026" in t]
    assert signed == [len(texts) - 1]
    # part C's head row is repeated on every page the table goes on to
    part_c = next(n for n, t in enumerate(texts) if "C. Identifikasi Langkah" in t)
    for text in texts[part_c:]:
        if "Langkah Akhir" in text or "Langkah Utama" in text:
            assert "Kelompok Langkah" in text
    assert "NIP. 19750428 200012 1 003" in texts[-1]
    _inside_frame(pdf, F4)


@pytest.mark.parametrize("steps", range(20, 62, 3))
def test_lembar_kerja_signature_never_stands_alone(tmp_path: Path, steps: int) -> None:
    doc = sop(steps=steps, words_per_step=14)
    lk = derive_lembar_kerja(doc, "Kecamatan Masama")
    pdf = _render(tmp_path, plan_worksheet(doc, lk, "Masama", F4, date(2026, 2, 16)))
    last = page_texts(pdf)[-1]
    assert "Masama, 16 Februari 2026" in last
    assert "Langkah Akhir" in last  # the end of part C comes with the signature


def test_lembar_kerja_carries_only_its_tail_to_the_signature(tmp_path: Path) -> None:
    """When the signature does not fit under the last rows, only the last lines
    (at most two) go on with it: the pages before stay as full as they were."""
    for steps in range(6, 40, 3):
        doc = sop(steps=steps, words_per_step=14)
        lk = derive_lembar_kerja(doc, "Kecamatan Masama")
        pages = plan_worksheet(doc, lk, "Masama", F4, date(2026, 2, 16))
        if len(pages) < 2:
            continue
        pdf = _render(tmp_path, pages, name=f"lk{steps}.pdf")
        last = [ln.strip() for ln in page_texts(pdf)[-1].splitlines()]
        assert len([ln for ln in last if ln[:1].isdigit() and ". " in ln[:5]]) <= 2, steps
        assert "Masama, 16 Februari 2026" in last


# -- footer and QR -----------------------------------------------------------------------


def _qr_matrix_from_form(pdf: Path, name: str) -> list[list[bool]]:
    reader = pypdf.PdfReader(pdf)
    form = reader.pages[0]["/Resources"]["/XObject"][f"/FormXob.{name}"].get_object()
    rects = [
        tuple(map(float, args))
        for args, op in ContentStream(form, reader).operations
        if op == b"re"
    ]
    cell = min(r[3] for r in rects) / 1.02
    count = round(QR_SIZE / cell)
    grid = [[False] * count for _ in range(count)]
    for x, y, w, _h in rects:
        row = round((QR_SIZE - y) / cell) - 1
        for col in range(round(x / cell), round((x + w) / cell)):
            grid[row][col] = True
    return grid


def test_footer_numbers_pages_and_carries_the_qr(tmp_path: Path) -> None:
    doc = sop()
    info = footer_info(doc, "uji")
    payload = f"SOP|{doc.nomor}|rev {doc.revisi_ke}|{serialize.short_hash(doc)}"
    assert info.payload == payload
    path = tmp_path / "footer.pdf"
    c = new_canvas(str(path), F4.size, "uji", "uji")
    define_qr_form(c, info)
    for n in (1, 2, 3):
        draw_footer(c, F4, info, n, 3)
        c.showPage()
    c.save()
    texts = page_texts(path)
    assert [f"Hal. {n} dari 3" in t for n, t in enumerate(texts, start=1)] == [True] * 3
    assert all(doc.nomor in t and "Revisi ke-0" in t for t in texts)
    expected = segno.make_qr(payload, error="m", boost_error=False)
    assert expected.designator.endswith("-M") and expected.mode == "byte"
    want = [[bool(m) for m in row] for row in expected.matrix]
    assert _qr_matrix_from_form(path, info.form_name) == want


def test_qr_changes_with_the_content() -> None:
    a, b = sop(), sop()
    b.steps[1].uraian += " (diperbaiki)"
    assert footer_info(a, "x").payload != footer_info(b, "x").payload


# -- paper ---------------------------------------------------------------------------------


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValidationError, match="Ukuran kertas"):
        settings_for("Letter", tegak=False)


def test_lembar_kerja_scope_follows_the_sops_own_kop() -> None:
    from kinerja_desktop.core.sop.signing import office_name as _office_name

    doc = sop()
    assert _office_name(doc, office()) == "KECAMATAN MASAMA"
    doc.kop = ["PEMERINTAH KABUPATEN BANJAR", "KECAMATAN MARTAPURA BARAT"]
    assert _office_name(doc, office()) == "KECAMATAN MARTAPURA BARAT"
    doc.kop = ["BAPPEDA KAB. BANGGAI"]
    assert _office_name(doc, office()) == "BAPPEDA KAB. BANGGAI"


def test_qr_code_keeps_a_quiet_zone(tmp_path: Path) -> None:
    doc = sop()
    doc.nomor = "205/050/01/Bappeda & Litbang/2026/REV"  # a long payload: small modules
    info = footer_info(doc, "uji")
    module = QR_SIZE / len(qr_modules(info.payload))
    path = tmp_path / "footer.pdf"
    c = new_canvas(str(path), F4.size, "uji", "uji")
    define_qr_form(c, info)
    draw_footer(c, F4, info, 1, 1)
    c.showPage()
    c.save()
    qr_right = F4.margin_left + QR_SIZE
    lefts = [x for text, x, _y in text_positions(path) if not text.startswith("Hal.")]
    assert lefts and min(lefts) >= qr_right + 4 * module
    frame = frame_of(F4)
    assert frame.bottom - (F4.margin_bottom + QR_SIZE) >= 4 * module  # above it too
