"""Opening a workbook someone sent us, safely: sniff, cap, then read into grids.

Files arrive on flash drives from other desks: renamed PDFs and CSVs, old
`.xls`, password-locked workbooks, truncated copies, and now and then
something hostile. The one entry point for every domain reader (the SOP
reader, the data-kinerja form reader) is

    open_workbook_safely(path, limits=DEFAULT_LIMITS) -> SafeWorkbook

which, before openpyxl sees a byte:

* refuses what is not a readable regular file (a folder, a device or pipe, a
  file this user may not read) and sniffs the first bytes (OLE = old `.xls`
  or a password-locked `.xlsx`, PDF, pictures, plain text/CSV);
* opens the zip directory: entry count, declared sizes, required parts,
  encrypted entries (`Limits` in `limits.py` holds every number);
* inflates and parses every XML part as a stream (`prescan`), counting
  bytes, elements, nesting, shared strings, cells, merges and their area, and
  the characters of each cell, and stops at the first cap passed; DOCTYPE
  and entity declarations are refused (openpyxl's own defusedxml parsing
  stays as the second guard).

Then the workbook is read in openpyxl's read-only mode with its declared
dimensions reset (they may lie), at most `max_rows` × `max_cols` of each of
at most `max_sheets` sheets, into plain `SheetGrid`s carrying the merged
areas and the formulas that have no cached value (found by the scan). Every
failure becomes one `FileFormatError` with an Indonesian message
("Tidak dapat membaca "x.xlsx": …"); nothing is ever written.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils.exceptions import InvalidFileException

from kinerja_desktop.core.errors import FileFormatError, KinerjaError

from .grid import SheetGrid, unescape_text
from .limits import DEFAULT_LIMITS, Limits
from .prescan import XML_SUFFIXES, RefusedError, ScanResult, SheetScan, scan_workbook

_LOOKAHEAD_ROWS = 200

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
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


def _check_zip(path: Path, limits: Limits) -> ScanResult:
    """Entry count, declared sizes, required parts and DTDs, then the streaming
    scan of every part (`prescan`), before openpyxl."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_entries:
            raise fail(
                path,
                f"isi file tidak wajar ({len(infos)} bagian; batas {limits.max_zip_entries}).",
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            raise fail(
                path,
                f"isi file terlalu besar setelah dibuka ({_mb(total)}; batas "
                f"{_mb(limits.max_uncompressed_bytes)}). File ini tidak wajar.",
                f"declared uncompressed total {total} bytes",
            )
        _check_names(path, {info.filename for info in infos})
        if any(info.flag_bits & 0x1 for info in infos):
            raise fail(path, "isi arsip terkunci kata sandi.")
        for info in infos:
            if info.filename.lower().endswith(XML_SUFFIXES):
                _check_dtd(path, zf, info)
        try:
            return scan_workbook(zf, limits)
        except RefusedError as exc:
            raise fail(path, exc.reason, exc.detail) from exc


def _check_kind(path: Path) -> None:
    """A regular file this user may read, of a sane size."""
    if not path.exists():
        raise fail(path, "file tidak ditemukan.")
    if path.is_dir():
        raise fail(path, "itu sebuah folder, bukan file.")
    if not path.is_file():
        raise fail(path, "itu bukan file biasa (perangkat, pipa, atau tautan ke salah satunya).")


def check_workbook_file(path: Path, limits: Limits | None = None) -> ScanResult:
    """Raise FileFormatError unless `path` is a sane .xlsx within `limits`
    (None: `DEFAULT_LIMITS`); what the streaming scan learned (openpyxl has
    not seen the file yet)."""
    limits = limits or DEFAULT_LIMITS
    _check_kind(path)
    size = path.stat().st_size
    if size == 0:
        raise fail(path, "file kosong (0 byte).")
    if size > limits.max_file_bytes:
        raise fail(path, f"file terlalu besar ({_mb(size)}; batas {_mb(limits.max_file_bytes)}).")
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except PermissionError as exc:
        raise fail(
            path, "file tidak boleh dibaca oleh pengguna ini (izin berkas).", repr(exc)
        ) from exc
    except OSError as exc:
        raise fail(path, "file tidak dapat dibaca dari disk.", repr(exc)) from exc
    _sniff(path, head)
    with _translated(path):
        return _check_zip(path, limits)


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


def _trimmed(values: tuple[object, ...]) -> list[object]:
    row = [unescape_text(v) if isinstance(v, str) else v for v in values]
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def _read_sheet(ws: Any, scan: SheetScan, limits: Limits) -> SheetGrid:
    ws.reset_dimensions()  # the declared <dimension> may be wrong; never trust it
    rows: list[list[object]] = []
    truncated = False
    extra = 0
    for values in ws.iter_rows(max_col=limits.max_cols, values_only=True):
        if len(rows) < limits.max_rows:
            rows.append(_trimmed(values))
            continue
        extra += 1
        if any(v not in (None, "") for v in values):
            truncated = True
        if truncated or extra >= _LOOKAHEAD_ROWS:
            break
    hidden = getattr(ws, "sheet_state", "visible") != "visible"
    grid = SheetGrid(ws.title, rows, scan.merges, hidden=hidden, truncated=truncated)
    grid.uncached_formulas = {
        (r, c) for r, c in scan.uncached_formulas if r < limits.max_rows and c < limits.max_cols
    }
    return grid


@dataclass
class SafeWorkbook:
    """A workbook read safely: every worksheet as a plain grid, in order."""

    path: Path
    sheets: list[SheetGrid]

    def sheet(self, title: str) -> SheetGrid | None:
        """The sheet of that title (case and spaces do not count), or None."""
        key = " ".join(title.split()).casefold()
        return next((g for g in self.sheets if " ".join(g.title.split()).casefold() == key), None)


def open_workbook_safely(path: Path, limits: Limits | None = None) -> SafeWorkbook:
    """Every worksheet of `path` as a grid, within `limits` (None:
    `DEFAULT_LIMITS`; see the module docstring); FileFormatError with one
    Indonesian message for any bad file."""
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    scan = check_workbook_file(path, limits)
    with _translated(path), warnings.catch_warnings(), path.open("rb") as fh:
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        try:
            sheets = wb.worksheets
            if len(sheets) > limits.max_sheets:
                raise fail(
                    path,
                    f"buku kerja berisi {len(sheets)} lembar (batas {limits.max_sheets}); "
                    "file ini tidak wajar.",
                )
            grids = [
                _read_sheet(ws, scan.sheets.get(_part_of(ws), SheetScan()), limits) for ws in sheets
            ]
        finally:
            wb.close()
    return SafeWorkbook(path, grids)


def _part_of(ws: Any) -> str:
    return str(getattr(ws, "_worksheet_path", "")).lstrip("/")


def read_workbook_grids(path: Path, limits: Limits | None = None) -> list[SheetGrid]:
    """Every worksheet of a checked file as a grid (`open_workbook_safely`)."""
    return open_workbook_safely(path, limits).sheets
