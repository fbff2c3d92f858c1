"""What every data-kinerja report page shares: type styles, the kop (logo and
office heading over a double rule), titles, figures as printed, signature
and paraf blocks, and the footer (title, version, QR of report and data hash).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.dates import format_tanggal, format_tempat_tanggal
from kinerja_desktop.core.kinerja.capaian import persen_text
from kinerja_desktop.core.kinerja.laporan import JUDUL, Kop, Pejabat, Stamp
from kinerja_desktop.core.kinerja.values import number_text
from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.page import MM

from ..fonts import SANS, SANS_BOLD, SANS_ITALIC
from ..footer import FooterInfo
from ..frame import Frame
from ..heading import fit_heading, logo_image
from ..signature import signature_block
from ..text import CENTER, Style, TextLine, draw_lines, height_of, paragraph
from .blocks import Block, Lines, Whole

BODY = Style(SANS, 7.5, 9.2)
SMALL = Style(SANS, 6.5, 8)
NOTE = Style(SANS_ITALIC, 6.5, 8)
HEAD = Style(SANS_BOLD, 6.5, 8, CENTER)
BOLD = Style(SANS_BOLD, 7.5, 9.2)
TITLE = Style(SANS_BOLD, 11, 14, CENTER)
SUBTITLE = Style(SANS_BOLD, 9.5, 12, CENTER)
HEAD_FILL = "#D9E2F3"
NUMBER_FILL = "#EDEDED"
TOTAL_FILL = "#F2F2F2"
LOGO = 17 * MM


def num(value: float | None, teks: str = "") -> str:
    return teks or ("" if value is None else number_text(round(value, 4)))


def pct(value: float | None) -> str:
    return "" if value is None else persen_text(value)


def rupiah(value: float | None, thousands: bool = False) -> str:
    if value is None:
        return ""
    return number_text(round(value / 1000 if thousands else value))


def signing_day(kop: Kop) -> date:
    return date.fromisoformat(kop.tanggal)


def kop_blocks(kop: Kop, logo: bytes | None, frame: Frame) -> list[Block]:
    """The office heading: logo at left, government and office in capitals, the address
    small, then a double rule."""
    heading = [t.strip().upper() for t in (kop.pemerintah, kop.nama_kantor) if t.strip()]
    image = logo_image(logo)
    inset = LOGO + 4 * MM if image is not None else 0.0
    width = frame.width - 2 * inset
    lines = fit_heading(heading, width, 13) if heading else []
    if kop.alamat.strip():
        lines += paragraph(kop.alamat.strip(), Style(SANS, 7.5, 9.5, CENTER), width)
    text_h = height_of(lines)
    size = max(text_h, LOGO if image else 0.0) + 3 * MM

    def paint(c: Canvas, top: float) -> None:
        if image is not None:
            iw, ih = image.getSize()
            h = LOGO
            w = h * iw / ih if ih else h
            c.drawImage(image, frame.left, top - h, w, h, mask="auto")
        draw_lines(c, lines, frame.left + inset, top - (size - 3 * MM - text_h) / 2, width)
        y = top - size + 1.5 * MM
        c.setLineWidth(1.6)
        c.line(frame.left, y, frame.right, y)
        c.setLineWidth(0.5)
        c.line(frame.left, y - 2.2, frame.right, y - 2.2)

    return [Whole(size, paint)]


def titles(texts: list[str], frame: Frame, gap: float = 3 * MM) -> Lines:
    lines: list[TextLine] = []
    for i, text in enumerate(texts):
        lines += paragraph(text, TITLE if i == 0 else SUBTITLE, frame.width)
    return Lines(lines, frame.left, frame.width, gap, keep_with_next=True)


def paragraph_block(
    text: str, style: Style, frame: Frame, gap: float = 2 * MM, *, keep: bool = False
) -> Lines:
    return Lines(paragraph(text, style, frame.width), frame.left, frame.width, gap, keep)


@dataclass(frozen=True)
class _Signer:
    jabatan: str
    nama: str
    nip: str
    pangkat: str


def signer_of(p: Pejabat) -> _Signer:
    return _Signer(p.jabatan_ttd, p.nama, p.nip, p.pangkat)


def signature(p: Pejabat, kop: Kop, frame: Frame) -> Whole:
    """The signature block at the right, dated at the office's town."""
    block = signature_block(signer_of(p), kop.kota, signing_day(kop), frame.width)
    return Whole(block.height, lambda c, top: block.draw(c, frame.right, top))


def person_lines(
    p: Pejabat, width: float, above: list[str], sign_space: float, size: float = 8.5
) -> list[TextLine]:
    """A signature column without the date: the lines above, room to sign, name, NIP."""
    style = Style(SANS, size, size * 1.3, CENTER)
    lines: list[TextLine] = []
    for text in above:
        lines += paragraph(text, style, width)
    lines.append(TextLine("", style.with_(leading=sign_space)))
    name = p.nama.strip() or "(.............................................)"
    lines += paragraph(name, style.with_(font=SANS_BOLD, underline=bool(p.nama.strip())), width)
    if p.pangkat.strip():
        lines += paragraph(p.pangkat.strip(), style, width)
    if p.nip.strip():
        lines += paragraph(f"NIP. {format_nip(p.nip)}", style, width)
    return lines


def columns_block(columns: list[list[TextLine]], frame: Frame, gap: float = 5 * MM) -> Whole:
    """Side-by-side signature columns of equal width, kept together."""
    width = frame.width / len(columns)
    size = max(height_of(col) for col in columns)

    def paint(c: Canvas, top: float) -> None:
        for i, col in enumerate(columns):
            draw_lines(c, col, frame.left + i * width + 4, top, width - 8)

    return Whole(size, paint, gap)


def place_date(kop: Kop) -> str:
    return format_tempat_tanggal(kop.kota.strip(), signing_day(kop))


def footer_info(
    jenis: str, periode: str, periode_label: str, stamp: Stamp, digest: str
) -> FooterInfo:
    """Footer: the report and period, its version (or DRAF), QR of report + data hash."""
    title = f"{JUDUL[jenis]} · {periode_label}"
    if stamp.draft:
        sub = "DRAF — belum dibekukan; angka dapat berubah sampai laporan dicetak"
        version = "draf"
    else:
        when = stamp.dibuat[:16]
        replaced = f", menggantikan versi {stamp.menggantikan}" if stamp.menggantikan else ""
        sub = f"Versi {stamp.versi} · dibekukan {when}{replaced}"
        version = f"v{stamp.versi}"
    payload = f"KINERJA|{jenis}|{periode}|{version}|{digest[:16]}"
    return FooterInfo(title, sub, payload, f"qr-{jenis}", "")


def tanggal_text(kop: Kop) -> str:
    return format_tanggal(signing_day(kop))
