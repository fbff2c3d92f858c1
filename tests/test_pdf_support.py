"""Helpers the PDF tests share (reading fonts, text and drawing operations back
with pypdf, hand-built SOPs), and tests that the helpers catch what they must."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
from pypdf.generic import ContentStream, DictionaryObject
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    Pengesahan,
    SopDocument,
    Step,
    StepKind,
)

BASE14 = {
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Symbol",
    "ZapfDingbats",
}

# -- reading PDFs back ---------------------------------------------------------------


def _fonts_in(resources: DictionaryObject | None, seen: set[int]) -> list[DictionaryObject]:
    """Every font dictionary reachable from `resources`, forms included."""
    if resources is None:
        return []
    resources = resources.get_object()
    fonts = [f.get_object() for f in (resources.get("/Font") or {}).values()]
    for xobj in (resources.get("/XObject") or {}).values():
        ref = getattr(xobj, "idnum", id(xobj))
        if ref in seen:
            continue
        seen.add(ref)
        obj = xobj.get_object()
        if obj.get("/Subtype") == "/Form":
            fonts += _fonts_in(obj.get("/Resources"), seen)
    return fonts


def font_problems(pdf: Path | bytes) -> list[str]:
    """What is wrong with the fonts of a PDF: base-14 or not embedded ([] = fine)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    problems: list[str] = []
    seen: set[int] = set()
    for n, page in enumerate(reader.pages, start=1):
        for font in _fonts_in(page.get("/Resources"), seen):
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            if name.split("+")[-1] in BASE14:
                problems.append(f"hal. {n}: font base-14 {name}")
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"hal. {n}: font {name} tidak tertanam")
    return problems


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages]


def words(text: str) -> list[str]:
    """Whitespace-normalised words, hyphens (and the breaks around them) removed,
    so that a word the layout cut with a hyphen at a line end still matches."""
    return re.sub(r"\s*-\s*", "", text).split()


def contains_words(haystack: str, needle: str) -> bool:
    """True when the words of `needle` appear consecutively in `haystack`."""
    want = " ".join(words(needle))
    have = " ".join(words(haystack))
    return want in have


def contains_text(haystack: str, needle: str) -> bool:
    """True when `needle` appears in `haystack` once whitespace and hyphens are
    ignored: robust to any line break the layout chose, even inside a word."""
    return re.sub(r"[\s\-]", "", needle) in re.sub(r"[\s\-]", "", haystack)


def operations(pdf: Path, page: int = 0) -> list[tuple[list, bytes]]:
    """The drawing operations of one page, (operands, operator) as pypdf reads them."""
    reader = pypdf.PdfReader(pdf)
    return ContentStream(reader.pages[page].get_contents(), reader).operations


def text_positions(pdf: Path, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text show on a page, y up as PDF has it."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text.strip():
            found.append((text.strip(), float(tm[4]), float(tm[5])))

    pypdf.PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


# -- hand-built SOPs -----------------------------------------------------------------


def office(logo: bytes | None = None) -> OfficeProfile:
    return OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN BANGGAI",
        nama_kantor="KECAMATAN MASAMA",
        alamat="Jl. Trans Sulawesi, Masama",
        kota_ttd="Masama",
        logo_png=logo,
    )


def sop(steps: int = 6, lanes: int = 3, words_per_step: int = 8, seed: int = 0) -> SopDocument:
    """A plausible SOP: first mulai, last selesai, a decision looping back."""
    lane_names = ["Camat", "Sekretaris Camat", "Kasubag Perencanaan", "Kepala Seksi", "Staf"]
    lane_list = [
        Lane(lane_names[i % len(lane_names)] + ("" if i < 5 else f" {i}")) for i in range(lanes)
    ]
    vocab = [
        "menyusun",
        "memeriksa",
        "data",
        "kinerja",
        "laporan",
        "rekap",
        "format",
        "permintaan",
        "unit",
        "seksi",
    ]
    step_list: list[Step] = []
    for i in range(steps):
        text = " ".join(vocab[(seed + i * 3 + k) % len(vocab)] for k in range(words_per_step))
        kind = StepKind.MULAI if i == 0 else StepKind.SELESAI if i == steps - 1 else StepKind.PROSES
        step_list.append(
            Step(
                f"Langkah{i + 1} {text}",
                [lane_list[(i + seed) % lanes].id],
                kind,
                MutuBaku("Dokumen", "10 menit", "Dokumen"),
            )
        )
    if steps >= 4:
        decision = step_list[steps - 2]
        decision.jenis = StepKind.KEPUTUSAN
        decision.exits = [DecisionExit("Ya"), DecisionExit("Tidak", step_list[1].id)]
    return SopDocument(
        nomor=f"06{seed}/MSM/2026",
        judul=f"Prosedur Uji {seed}",
        tanggal_pembuatan=date(2026, 2, 16),
        pengesahan=Pengesahan(
            "Camat Masama", "Drs. Ahmad Yani, M.Si", "197504282000121003", "Pembina, IV/a"
        ),
        dasar_hukum=["Permenpan RB Nomor 35 Tahun 2012", "PP Nomor 60 Tahun 2008"],
        lanes=lane_list,
        steps=step_list,
    )


# -- the helpers themselves ----------------------------------------------------------------


def test_font_check_catches_a_base14_font(tmp_path: Path) -> None:
    path = tmp_path / "helvetica.pdf"
    c = Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Hal. 1 dari 1")
    c.save()
    problems = font_problems(path)
    assert any("Helvetica" in p for p in problems)
    assert any("tidak tertanam" in p for p in problems)


def test_contains_text_ignores_line_breaks_only() -> None:
    assert contains_text("Pertanggung\njawaban pelak-\nsanaan", "Pertanggungjawaban pelaksanaan")
    assert not contains_text("Pertanggung\njawaban", "Pertanggungjawaban pelaksanaan")
    assert not contains_text("ab cd", "cd ab")


def test_words_joins_a_wrapped_hyphen() -> None:
    assert contains_words("mene-\n  ruskan data kinerja", "meneruskan data")
    assert contains_words("ditanda-\ntangani", "ditanda-tangani")
    assert not contains_words("data kinerja", "kinerja data")
