"""Opening a workbook someone sent us, safely: sniff, cap, then read into grids.

Files arrive on flash drives from other desks: renamed PDFs and CSVs, old
`.xls`, password-locked workbooks, truncated copies, and now and then
something hostile. Before openpyxl sees a byte we:

* look at the first bytes (OLE = old `.xls` or a password-locked `.xlsx`,
  PDF, pictures, plain text/CSV);
* open the zip directory and refuse more than `MAX_ZIP_ENTRIES` entries or a
  declared uncompressed total above `MAX_UNCOMPRESSED_BYTES` (50 MB; a typed
  SOP workbook is well under 1 MB, pictures included) — zipfile enforces the
  declared sizes while inflating, so a lie ends in an error, not in memory;
* refuse any XML part that declares a DOCTYPE/ENTITY (no real workbook
  does); openpyxl's own defusedxml parsing stays as the second guard.

Then the workbook is read in openpyxl's read-only mode with its declared
dimensions reset (they may lie), at most `MAX_SHEETS` sheets × `MAX_ROWS`
rows × `MAX_COLS` columns, into plain `SheetGrid`s. Every failure becomes one
`FileFormatError` with an Indonesian message.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from kinerja_desktop.core.errors import FileFormatError, KinerjaError

from .grid import Merge, SheetGrid, unescape_text

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_SHEETS = 30
MAX_ROWS = 2000
MAX_COLS = 64
MAX_MERGES = 5000
_LOOKAHEAD_ROWS = 200

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKERS = (b"<!doctype", b"<!entity")

SAVE_AS_XLSX = "Buka di Excel atau LibreOffice lalu simpan sebagai 'Excel Workbook (.xlsx)'."
MSG_ENTITY = (
    "file berisi deklarasi XML (DOCTYPE/ENTITY) yang tidak pernah ada di buku kerja "
    "Excel biasa; demi keamanan file ini ditolak."
)
MSG_BROKEN = (
    "file rusak atau terpotong (bukan arsip .xlsx yang utuh). Minta kiriman ulang file aslinya."
)


def fail(path: Path, reason: str, detail: str = "") -> FileFormatError:
    """The one error a bad file produces: 'Tidak dapat membaca "x.xlsx": <reason>'."""
    return FileFormatError(f'Tidak dapat membaca "{path.name}": {reason}', detail)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


# -- sniffing -------------------------------------------------------------------
def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return False
    return not any(b < 9 or 13 < b < 32 for b in head)


def _sniff(path: Path, head: bytes) -> None:
    """Refuse anything that is not a zip, naming what it seems to be."""
    if head.startswith(_ZIP_MAGICS):
        return
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise fail(
                path,
                "file ini terkunci kata sandi. Buka di Excel, hapus kata sandinya "
                "(File › Info › Proteksi Buku Kerja), simpan, lalu impor lagi.",
            )
        raise fail(path, f"ini file Excel lama (.xls) atau dokumen Office lama. {SAVE_AS_XLSX}")
    if head.startswith(b"%PDF"):
        raise fail(path, "isinya dokumen PDF, bukan buku kerja Excel (.xlsx).")
    if head.startswith(_IMAGE_MAGICS):
        raise fail(path, "isinya gambar, bukan buku kerja Excel (.xlsx).")
    if _looks_like_text(head):
        raise fail(
            path,
            f"isinya teks biasa (mungkin CSV) yang diberi nama .xlsx, bukan buku kerja Excel. "
            f"{SAVE_AS_XLSX}",
        )
    raise fail(path, "bukan buku kerja Excel (.xlsx).")


def _check_names(path: Path, names: set[str]) -> None:
    if "xl/workbook.xml" in names:
        return
    if "content.xml" in names and "mimetype" in names:
        raise fail(path, f"ini file OpenDocument (.ods/.odt), bukan .xlsx. {SAVE_AS_XLSX}")
    if "word/document.xml" in names:
        raise fail(path, "ini dokumen Word (.docx), bukan buku kerja Excel (.xlsx).")
    if "xl/workbook.bin" in names:
        raise fail(path, f"format Excel biner (.xlsb) tidak didukung. {SAVE_AS_XLSX}")
    raise fail(path, "arsip ini tidak berisi buku kerja Excel (bagian xl/workbook.xml tidak ada).")


def _check_dtd(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with zf.open(info) as fh:
        head = fh.read(8192).lower()
    for marker in _DTD_MARKERS:
        if marker in head or marker.decode().encode("utf-16-le") in head:
            raise fail(path, MSG_ENTITY, f"{info.filename}: {marker.decode()}")


def _check_zip(path: Path) -> None:
    """Entry count, declared uncompressed size, required parts and DTDs, before openpyxl."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise fail(
                path, f"isi file tidak wajar ({len(infos)} bagian; batas {MAX_ZIP_ENTRIES})."
            )
        total = sum(info.file_size for info in infos)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise fail(
                path,
                f"isi file terlalu besar setelah dibuka ({_mb(total)}; batas "
                f"{_mb(MAX_UNCOMPRESSED_BYTES)}). File ini tidak wajar untuk sebuah SOP.",
                f"declared uncompressed total {total} bytes",
            )
        _check_names(path, {info.filename for info in infos})
        if any(info.flag_bits & 0x1 for info in infos):
            raise fail(path, "isi arsip terkunci kata sandi.")
        for info in infos:
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _check_dtd(path, zf, info)


def check_workbook_file(path: Path) -> None:
    """Raise FileFormatError unless `path` looks like a sane .xlsx (nothing is parsed yet)."""
    if not path.exists():
        raise fail(path, "file tidak ditemukan.")
    if not path.is_file():
        raise fail(path, "itu sebuah folder, bukan file.")
    size = path.stat().st_size
    if size == 0:
        raise fail(path, "file kosong (0 byte).")
    if size > MAX_FILE_BYTES:
        raise fail(path, f"file terlalu besar ({_mb(size)}; batas {_mb(MAX_FILE_BYTES)}).")
    with path.open("rb") as fh:
        head = fh.read(4096)
    _sniff(path, head)
    with _translated(path):
        _check_zip(path)


# -- reading ---------------------------------------------------------------------
def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes (bounded)."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        yield current
        current = current.__cause__ or current.__context__
        seen += 1


@contextmanager
def _unwrapped(path: Path) -> Iterator[None]:
    """Recognise a hostile or broken file behind openpyxl's generic errors."""
    try:
        yield
    except KinerjaError:
        raise
    except Exception as exc:
        # openpyxl wraps what went wrong in a ValueError; the cause tells the story.
        if any(isinstance(e, DefusedXmlException) for e in _chain(exc)):
            raise fail(path, MSG_ENTITY, repr(exc)) from exc
        if any(isinstance(e, zipfile.BadZipFile | zlib.error | EOFError) for e in _chain(exc)):
            raise fail(path, MSG_BROKEN, repr(exc)) from exc
        raise


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn whatever a damaged file makes the libraries raise into one clear message."""
    try:
        with _unwrapped(path):
            yield
    except KinerjaError:
        raise
    except MemoryError as exc:
        raise fail(path, "isi file terlalu besar untuk dibaca.") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise fail(path, MSG_BROKEN, repr(exc)) from exc
    except (ParseError, ExpatError) as exc:
        raise fail(path, "isi file rusak (XML di dalamnya tidak sah).", repr(exc)) from exc
    except KeyError as exc:
        raise fail(path, "bagian wajib buku kerja tidak ada; file rusak.", repr(exc)) from exc
    except (InvalidFileException, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise fail(path, "isi file rusak atau tidak dikenali.", repr(exc)) from exc
    except OSError as exc:
        raise fail(path, "file tidak dapat dibaca dari disk.", repr(exc)) from exc


def _read_merges(ws: Any) -> list[Merge]:
    """Merged areas of a read-only sheet, parsed from its XML (read-only mode skips them)."""
    get_source = getattr(ws, "_get_source", None)
    if get_source is None:
        return []
    merges: list[Merge] = []
    with get_source() as src:
        for _event, elem in iterparse(src, events=("end",)):
            tag = elem.tag.rsplit("}", 1)[-1]
            if tag == "mergeCell" and len(merges) < MAX_MERGES:
                ref = elem.get("ref", "")
                if ":" in ref:
                    c0, r0, c1, r1 = range_boundaries(ref)
                    if r0 <= MAX_ROWS and c0 <= MAX_COLS:
                        merges.append(
                            (r0 - 1, c0 - 1, min(r1, MAX_ROWS) - 1, min(c1, MAX_COLS) - 1)
                        )
            if tag in ("row", "c", "mergeCell"):
                elem.clear()
    return merges


def _trimmed(values: tuple[object, ...]) -> list[object]:
    row = [unescape_text(v) if isinstance(v, str) else v for v in values]
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def _read_sheet(ws: Any) -> SheetGrid:
    ws.reset_dimensions()  # the declared <dimension> may be wrong; never trust it
    rows: list[list[object]] = []
    truncated = False
    extra = 0
    for values in ws.iter_rows(max_col=MAX_COLS, values_only=True):
        if len(rows) < MAX_ROWS:
            rows.append(_trimmed(values))
            continue
        extra += 1
        if any(v not in (None, "") for v in values):
            truncated = True
        if truncated or extra >= _LOOKAHEAD_ROWS:
            break
    hidden = getattr(ws, "sheet_state", "visible") != "visible"
    return SheetGrid(ws.title, rows, _read_merges(ws), hidden=hidden, truncated=truncated)


def read_workbook_grids(path: Path) -> list[SheetGrid]:
    """Every worksheet of a checked file as a grid (the file is checked first)."""
    check_workbook_file(path)
    with _translated(path), warnings.catch_warnings(), path.open("rb") as fh:
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        try:
            return [_read_sheet(ws) for ws in wb.worksheets[:MAX_SHEETS]]
        finally:
            wb.close()
