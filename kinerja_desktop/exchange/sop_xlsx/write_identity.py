"""Writing the Identitas sheet (label | value, then the numbered lists) and Petunjuk.

The Identitas sheet reads top to bottom like the boxed list of the printed
identity sheet: nomor, judul, dates, status, pengesahan; then the kop lines
and the seven numbered lists (each heading followed by rows "1." | item);
then the Lembar Kerja fields. Dates are real date cells shown the Indonesian
way; the NIP is text (18 digits do not survive as a number).

The Petunjuk sheet tells a person how to edit the workbook so that it can be
imported again, and records the format version and the content hash at
export time.
"""

from __future__ import annotations

from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from kinerja_desktop.core.sop import LIST_FIELDS, SopDocument

from ..xlsx.style import (
    DATE_FORMAT,
    FONT,
    FONT_BOLD,
    FONT_TITLE,
    HEADER_FILL,
    SECTION_FILL,
    fit_row,
    portrait,
    put_text,
    style,
)
from .labels import (
    FIELD_LABELS,
    FORMAT_VERSION,
    LIST_HEADINGS,
    MARKER_TEXT,
    TARGET_NEXT,
    Field,
)

HASH_LABEL = "Sidik isi saat diekspor"
CODE_LABEL = "Kode SOP (jangan diubah)"
FORMAT_LABEL = "Format berkas"
_VALUE_WIDTH = 90.0
_GUIDE_WIDTH = 100.0


def _scalar_rows(doc: SopDocument) -> list[tuple[Field, object] | str]:
    p = doc.pengesahan
    return [
        (Field.NOMOR, doc.nomor),
        (Field.JUDUL, doc.judul),
        (Field.TANGGAL_PEMBUATAN, doc.tanggal_pembuatan),
        (Field.TANGGAL_REVISI, doc.tanggal_revisi),
        (Field.TANGGAL_EFEKTIF, doc.tanggal_efektif),
        (Field.STATUS, doc.status.label),
        (Field.REVISI_KE, doc.revisi_ke),
        (Field.UNIT, doc.unit),
        "PENGESAHAN",
        (Field.JABATAN, p.jabatan),
        (Field.NAMA, p.nama),
        (Field.PANGKAT, p.pangkat),
        (Field.NIP, p.nip),
    ]


def _lk_rows(doc: SopDocument) -> list[tuple[Field, object] | str]:
    lk = doc.lembar_kerja
    return [
        "LEMBAR KERJA IDENTIFIKASI KEGIATAN",
        (Field.JENIS_KEGIATAN, lk.jenis_kegiatan),
        (Field.PJ_PRODUK, lk.penanggung_jawab_produk),
        (Field.PJ_KEGIATAN, lk.penanggung_jawab_kegiatan),
        (Field.RUANG_LINGKUP, lk.ruang_lingkup),
        (Field.CETAK_LK, "Ya" if lk.cetak else "Tidak"),
    ]


def _section(ws: Worksheet, row: int, text: str) -> None:
    for col in (1, 2):
        cell = style(ws.cell(row=row, column=col), bold=True)
        cell.fill = SECTION_FILL
    put_text(ws, row, 1, text)


def _field(ws: Worksheet, row: int, field: Field, value: object) -> None:
    label = style(put_text(ws, row, 1, FIELD_LABELS[field]), bold=True)
    label.fill = HEADER_FILL
    cell = style(ws.cell(row=row, column=2))
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
    elif value:
        put_text(ws, row, 2, str(value), what=FIELD_LABELS[field])
        fit_row(ws, row, [(str(value), _VALUE_WIDTH)])


def _write_fields(ws: Worksheet, row: int, rows: list[tuple[Field, object] | str]) -> int:
    for item in rows:
        if isinstance(item, str):
            row += 1  # a blank line before each section
            _section(ws, row, item)
        else:
            _field(ws, row, *item)
        row += 1
    return row


def _write_list(ws: Worksheet, row: int, heading: str, items: list[str]) -> int:
    _section(ws, row, heading)
    row += 1
    for n, item in enumerate(items, start=1):
        style(put_text(ws, row, 1, f"{n}."), center=True)
        style(put_text(ws, row, 2, item, what=f"{heading} butir {n}"))
        fit_row(ws, row, [(item, _VALUE_WIDTH)])
        row += 1
    return row + 1


def write_identitas_sheet(ws: Worksheet, doc: SopDocument) -> None:
    """Fill `ws` with the identity part of `doc` (label in A, value in B)."""
    put_text(ws, 1, 1, "IDENTITAS SOP").font = FONT_TITLE
    row = _write_fields(ws, 3, _scalar_rows(doc)) + 1
    row = _write_list(ws, row, LIST_HEADINGS["kop"], doc.kop)
    for attr, _heading in LIST_FIELDS:
        row = _write_list(ws, row, LIST_HEADINGS[attr], list(getattr(doc, attr)))
    _write_fields(ws, row - 1, _lk_rows(doc))
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = _VALUE_WIDTH
    portrait(ws)


_GUIDE = (
    "Buku kerja ini dibuat oleh Kinerja Desktop dan dapat diubah di Excel atau LibreOffice, "
    "lalu diimpor kembali.",
    "Lembar 'Identitas': isi kolom B. Butir daftar (Dasar Hukum, dst.) ditulis satu per baris "
    "dengan nomor di kolom A.",
    "Lembar 'Langkah': satu baris per langkah. Tandai kolom pelaksana yang mengerjakan langkah "
    "itu dengan nama simbolnya: Mulai, Proses, Keputusan atau Selesai.",
    "Kolom Simbol mengulang simbol langkah; kolom Cabang Keputusan diisi hanya untuk Keputusan: "
    f"jawaban (mis. Ya / Tidak) dan nomor langkah tujuannya, atau '{TARGET_NEXT}'.",
    "Jangan menghapus baris judul kolom; menyisipkan atau menghapus baris langkah boleh.",
)


def write_petunjuk_sheet(
    ws: Worksheet, content_hash: str, app_version: str, sop_code: str = ""
) -> None:
    """How to edit the workbook, and what the importer needs to know about it:
    the program, the format, the content hash and the code of the SOP it
    came from (so the import finds that SOP again)."""
    put_text(ws, 1, 1, "PETUNJUK").font = FONT_TITLE
    for n, text in enumerate(_GUIDE, start=3):
        style(put_text(ws, n, 1, text), border=False)
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=2)
        fit_row(ws, n, [(text, _GUIDE_WIDTH)])
    row = len(_GUIDE) + 4
    for label, value in (
        (MARKER_TEXT, app_version),
        (FORMAT_LABEL, str(FORMAT_VERSION)),
        (HASH_LABEL, content_hash),
        *([(CODE_LABEL, sop_code)] if sop_code else []),
    ):
        put_text(ws, row, 1, label).font = FONT_BOLD
        put_text(ws, row, 2, value).font = FONT
        row += 1
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = _GUIDE_WIDTH - 28
    portrait(ws)
