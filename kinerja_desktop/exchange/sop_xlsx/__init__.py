"""SOP ↔ Excel: export an SOP to a workbook, import a workbook as an SOP.

Export (`write_sop_workbook`) writes three sheets: "Identitas", "Langkah"
(the step table laid out like the printed sheet) and "Petunjuk" (how to edit
it), atomically.

Import (`read_sop_workbook`) takes our own export, edited or not ("kinerja"
layout: read exactly, the same SOP comes back), and the workbooks offices
type by hand in the familiar layout ("ketik": the table is found wherever it
is, marks of any kind, lanes guessed from the wording where unmarked). It
returns the document with new ids and the notes of what it understood and
what it doubts; it never writes anything — the caller decides, after the
user has confirmed. A bad file raises one `FileFormatError` with a clear
Indonesian message (see `exchange.xlsx.safety` for the caps on size).

The room, built on the generic `exchange.xlsx`: `labels` (the words of the
workbook, shared by reader and writer), `header` (finding the step table),
`rows` (its rows as raw records), `build` (records to lanes and steps),
`identity` (the identity part), `notes` (what an import reports); `write` and
`write_identity` (the Langkah, Identitas and Petunjuk sheets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.core.sop import MutuBakuHeads, SopDocument
from kinerja_desktop.core.sop.serialize import content_hash

from ..atomic import write_atomically
from ..xlsx.grid import SheetGrid
from ..xlsx.safety import fail, read_workbook_grids
from .build import (
    build_lanes,
    build_own_steps,
    build_typed_steps,
    drop_placeholder_lanes,
)
from .header import TableHeader, find_table_header
from .identity import IdentityReader, read_kop
from .labels import SHEET_IDENTITAS, SHEET_LANGKAH, SHEET_PETUNJUK, Col, norm
from .notes import ImportNote, Notes
from .rows import read_own_rows, read_typed_rows
from .write import write_langkah_sheet
from .write_identity import (
    CODE_LABEL,
    HASH_LABEL,
    write_identitas_sheet,
    write_petunjuk_sheet,
)

LAYOUT_KINERJA = "kinerja"
LAYOUT_KETIK = "ketik"
MAX_STEPS = 300  # steps one SOP may have (a real one: 5-40; printed, 300 fill ~30 pages)
_TITLE_PREFIX = re.compile(r"^\s*(?:SOP|standar operasional prosedur)\b\s*[:\-–]?\s*", re.I)

__all__ = ["MAX_STEPS", "ImportNote", "SopImport", "read_sop_workbook", "write_sop_workbook"]


@dataclass
class SopImport:
    """What an import produced: the document (new ids), the notes, and the layout read."""

    document: SopDocument
    notes: list[ImportNote]
    layout: str  # "kinerja" (our own export) | "ketik" (typed by hand)
    sop_code: str = ""  # the code of the SOP it was exported from ("" when none)


# -- export ---------------------------------------------------------------------------
def write_sop_workbook(doc: SopDocument, path: Path, *, sop_code: str = "") -> None:
    """Write `doc` to `path` (.xlsx); the file appears whole or not at all.
    `sop_code`, the stored SOP's code, goes with it so the import finds that
    SOP again whatever is changed in the workbook."""
    wb = Workbook()
    identitas = wb.active
    identitas.title = SHEET_IDENTITAS
    write_identitas_sheet(identitas, doc)
    write_langkah_sheet(wb.create_sheet(SHEET_LANGKAH), doc)
    write_petunjuk_sheet(
        wb.create_sheet(SHEET_PETUNJUK),
        content_hash(doc),
        f"{APP_NAME} {__version__}",
        sop_code,
    )
    write_atomically(Path(path), wb.save, program="Excel")


# -- import ---------------------------------------------------------------------------
def read_sop_workbook(path: Path) -> SopImport:
    """Read an SOP from a workbook; FileFormatError for a file that is not one."""
    path = Path(path)
    grids = read_workbook_grids(path)
    tables = _find_tables(grids)
    if not tables:
        names = ", ".join(f"'{g.title}'" for g in grids) or "-"
        raise fail(
            path,
            "tabel langkah SOP tidak ditemukan: tidak ada baris judul kolom yang memuat "
            "'Uraian' (atau Kegiatan/Aktivitas/Uraian Tugas) bersama No, Pelaksana atau "
            f"Mutu Baku di lembar {names}.",
        )
    src = _Source(path, grids, *tables[0], Notes())
    _refuse_uncomputed(src)
    if len(tables) > 1:
        src.notes.info(
            f"Buku kerja berisi {len(tables)} tabel langkah; "
            f"yang diimpor hanya lembar '{src.grid.title}'."
        )
    if src.grid.truncated:
        src.notes.masalah(
            f"Lembar '{src.grid.title}' sangat panjang; hanya 2.000 baris pertama yang dibaca."
        )
    doc = SopDocument()
    doc.mutu_baku_heads = _heads(src.header)
    code = ""
    if src.header.is_kinerja:
        layout = LAYOUT_KINERJA
        code = _read_own(doc, src)
    else:
        layout = LAYOUT_KETIK
        _read_typed(doc, src)
        _read_typed_identity(doc, src, single_table=len(tables) == 1)
    if len(doc.steps) > MAX_STEPS:
        raise fail(
            path,
            f"tabel langkah di lembar '{src.grid.title}' berisi {len(doc.steps)} langkah; satu "
            f"SOP paling banyak {MAX_STEPS} langkah. Periksa apakah lembar itu benar tabel SOP, "
            "atau pecah menjadi beberapa SOP.",
        )
    return SopImport(doc, _with_summary(doc, src.grid, layout, src.notes), layout, code)


def _heads(header: TableHeader) -> MutuBakuHeads:
    """The Mutu Baku column heads as the table has them ("Sumber Data", …)."""
    usual = MutuBakuHeads()
    written = header.heads
    return MutuBakuHeads(
        kelengkapan=written.get(Col.KELENGKAPAN) or usual.kelengkapan,
        waktu=written.get(Col.WAKTU) or usual.waktu,
        output=written.get(Col.OUTPUT) or usual.output,
    )


def _refuse_uncomputed(src: _Source) -> None:
    """A table whose cells are formulas never computed reads as empty: refused,
    not imported as an empty draft; elsewhere (identity) it is a doubt."""
    if src.grid.uncached_formulas:
        raise fail(
            src.path,
            f"lembar '{src.grid.title}' berisi {len(src.grid.uncached_formulas)} rumus yang belum "
            "pernah dihitung (tidak ada nilai tersimpan), sehingga isinya terbaca kosong. Buka "
            "file di Excel atau LibreOffice, simpan, lalu impor lagi.",
        )
    for grid in src.grids:
        if grid is not src.grid and grid.uncached_formulas:
            src.notes.ragu(
                f"Lembar '{grid.title}' berisi rumus yang belum pernah dihitung; isinya "
                "terbaca kosong. Buka dan simpan file di Excel atau LibreOffice bila perlu."
            )


@dataclass
class _Source:
    """The workbook being read and the step table found in it."""

    path: Path
    grids: list[SheetGrid]
    grid: SheetGrid
    header: TableHeader
    notes: Notes


def _find_tables(grids: list[SheetGrid]) -> list[tuple[SheetGrid, TableHeader]]:
    """Sheets with a step table: 'Langkah' first, then visible sheets, then hidden ones."""
    order = sorted(
        grids,
        key=lambda g: (norm(g.title) != norm(SHEET_LANGKAH), g.hidden),
    )
    found = []
    for grid in order:
        header = find_table_header(grid)
        if header is not None:
            found.append((grid, header))
    return found


def _read_own(doc: SopDocument, src: _Source) -> str:
    """Read our own export into `doc`; the SOP code it carries ("" when none)."""
    grids, notes = src.grids, src.notes
    raws = read_own_rows(src.grid, src.header)
    doc.lanes = build_lanes(src.header, raws, exact=True, notes=notes)
    doc.steps = build_own_steps(raws, doc.lanes, notes)
    identitas = [g for g in grids if norm(g.title) == norm(SHEET_IDENTITAS)]
    if identitas:
        IdentityReader(doc, notes, exact=True).read(identitas[0])
    else:
        notes.masalah("Lembar 'Identitas' tidak ada; identitas SOP kosong.")
    petunjuk = [g for g in grids if norm(g.title) == norm(SHEET_PETUNJUK)]
    stored = _stored_value(petunjuk[0], HASH_LABEL) if petunjuk else ""
    if stored and stored == content_hash(doc):
        notes.info("Isi buku kerja sama persis dengan saat diekspor.")
    elif stored:
        notes.info("Isi buku kerja telah diubah sejak diekspor.")
    code = _stored_value(petunjuk[0], CODE_LABEL) if petunjuk else ""
    return code if _CODE.fullmatch(code) else ""


_CODE = re.compile(r"[0-9a-f]{32}")


def _stored_value(grid: SheetGrid, label: str) -> str:
    for row in range(grid.height):
        if norm(grid.text(row, 0)) == norm(label):
            return grid.text(row, 1).strip().lower()
    return ""


def _read_typed(doc: SopDocument, src: _Source) -> None:
    path, grid, header, notes = src.path, src.grid, src.header, src.notes
    raws = read_typed_rows(grid, header, notes)
    if not raws:
        raise fail(
            path,
            f"tabel langkah SOP tidak ditemukan: judul kolom ada di lembar '{grid.title}' "
            f"baris {header.top + 1}, tetapi di bawahnya tidak ada satu langkah pun.",
        )
    lanes = build_lanes(header, raws, exact=False, notes=notes)
    steps = build_typed_steps(header, raws, lanes, notes)
    doc.lanes = drop_placeholder_lanes(lanes, steps, notes)
    doc.steps = steps
    if not doc.lanes:
        notes.masalah("Tabel tidak punya kolom Pelaksana; tentukan pelaksana setiap langkah.")


def _read_typed_identity(doc: SopDocument, src: _Source, *, single_table: bool) -> None:
    """Identity from an 'Identitas' sheet, the block around the table, other sheets."""
    grids, grid, header, notes = src.grids, src.grid, src.header, src.notes
    reader = IdentityReader(doc, notes, exact=False)
    identitas = [g for g in grids if g is not grid and norm(g.title).startswith("identitas")]
    for other in identitas:
        reader.read(other)
    last_col = max(header.table_cols)
    reader.read(grid, skip=lambda r, c: r >= header.top and c <= last_col)
    if single_table:
        for other in grids:
            if other is not grid and find_table_header(other) is None:
                reader.read(other)
    if not doc.judul:
        _judul_from_title(doc, grid, header, notes)
    for source, above in [(grid, header.top)] + [(g, g.height) for g in identitas]:
        if not doc.kop:
            doc.kop = read_kop(source, above)
    if not doc.nomor and not doc.judul:
        notes.ragu("Identitas SOP (nomor, judul) tidak ditemukan; isi sebelum mencetak.")


def _judul_from_title(doc: SopDocument, grid: SheetGrid, header: TableHeader, notes: Notes) -> None:
    for row in range(max(0, header.top - 4), header.top):
        for col in range(len(grid.rows[row])):
            text = grid.text(row, col).strip()
            if text and _TITLE_PREFIX.match(text) and grid.merge_origin(row, col) == (row, col):
                doc.judul = " ".join(_TITLE_PREFIX.sub("", text, count=1).split())
                notes.ragu(f"Judul diambil dari baris judul di atas tabel: '{doc.judul}'.")
                return


def _with_summary(doc: SopDocument, grid: SheetGrid, layout: str, notes: Notes) -> list[ImportNote]:
    kind = "ekspor Kinerja Desktop" if layout == LAYOUT_KINERJA else "tabel yang diketik"
    lanes = ", ".join(lane.nama for lane in doc.lanes) or "-"
    summary = ImportNote(
        "info",
        f"Dibaca dari lembar '{grid.title}' ({kind}): {len(doc.steps)} langkah, "
        f"{len(doc.lanes)} pelaksana ({lanes}).",
    )
    return [summary, *notes.items]
