"""A streaming look at every XML part of a workbook before openpyxl sees it.

Each part is inflated in 64 KB pieces and fed to expat (C speed, a few Python
calls per element), counting as it goes — bytes inflated per part and in
total, elements per part and in total, nesting depth, shared strings,
cells, merged areas and the area they cover, characters in one cell — and
stopping at the first cap of `Limits` passed (`RefusedError`, with an Indonesian
reason). A DOCTYPE or entity declaration anywhere is refused too.

What it learns on the way is kept for the reader (`ScanResult`): the merged
areas of each sheet (clamped to the rows and columns read) and the cells
holding a formula without a cached value (a workbook written by a program
and never opened in a spreadsheet: its formulas read as empty).
"""

from __future__ import annotations

import re
import xml.parsers.expat
import zipfile
from dataclasses import dataclass, field

from .limits import MB, Limits

Merge = tuple[int, int, int, int]
_CHUNK = 64 * 1024
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
XML_SUFFIXES = (".xml", ".rels", ".vml")


class RefusedError(Exception):
    """The file passed a cap: `reason` is the Indonesian sentence for the user."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


@dataclass
class SheetScan:
    """What the scan saw in one worksheet part."""

    merges: list[Merge] = field(default_factory=list)
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, col)


@dataclass
class ScanResult:
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # by part name
    elements: int = 0
    inflated: int = 0
    cells: int = 0
    merges: int = 0
    merge_area: int = 0
    shared_strings: int = 0


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def column_index(letters: str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    value = 0
    for ch in letters.upper():
        value = value * 26 + (ord(ch) - 64)
    return value - 1


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'B3' -> (2, 1) (0-based row, column); None for anything else."""
    match = _REF.match(ref or "")
    if not match:
        return None
    return int(match.group(2)) - 1, column_index(match.group(1))


class _PartScan:
    """The expat handlers for one part, counting against the shared result."""

    def __init__(self, name: str, limits: Limits, result: ScanResult) -> None:
        self.name, self.limits, self.result = name, limits, result
        self.is_sheet = bool(_SHEET_PART.match(name))
        self.is_shared = name == "xl/sharedStrings.xml"
        self.max_elements = (
            limits.max_style_elements if name == "xl/styles.xml" else limits.max_elements
        )
        self.sheet = SheetScan()
        self.elements = self.depth = 0
        self.text_len: int | None = None  # characters of the current cell text, when in one
        self.cell: tuple[int, int] | None = None
        self.has_formula = self.has_value = False
        self.row = -1
        self.col = -1

    # -- expat handlers -------------------------------------------------------------------
    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        self.result.elements += 1
        self.depth += 1
        if (
            self.elements > self.max_elements
            or self.result.elements > self.limits.max_total_elements
        ):
            raise RefusedError(
                "isi file tidak wajar (terlalu banyak unsur XML"
                f"{' di ' + self.name if self.elements > self.max_elements else ''}; batas "
                f"{_number(min(self.max_elements, self.limits.max_total_elements))}).",
                f"part={self.name}",
            )
        if self.depth > self.limits.max_depth:
            raise RefusedError(
                f"isi file tidak wajar (unsur XML bersarang lebih dari {self.limits.max_depth} "
                "tingkat).",
                f"part={self.name}",
            )
        local = name.rsplit(" ", 1)[-1]
        if self.is_sheet:
            self._sheet_start(local, attrs)
        elif self.is_shared and local == "si":
            self.result.shared_strings += 1
            if self.result.shared_strings > self.limits.max_shared_strings:
                raise RefusedError(
                    "isi file tidak wajar (lebih dari "
                    f"{_number(self.limits.max_shared_strings)} teks berbeda)."
                )
            self.text_len = 0

    def end(self, name: str) -> None:
        self.depth -= 1
        local = name.rsplit(" ", 1)[-1]
        if self.is_sheet and local == "c":
            uncached = self.has_formula and not self.has_value and self.cell is not None
            if uncached and len(self.sheet.uncached_formulas) < 10_000:
                self.sheet.uncached_formulas.add(self.cell)
            self.text_len = None
        elif self.is_shared and local == "si":
            self.text_len = None

    def chars(self, data: str) -> None:
        if self.text_len is None:
            return
        self.text_len += len(data)
        if self.is_sheet and data.strip():
            self.has_value = True
        if self.text_len > self.limits.max_cell_chars:
            raise RefusedError(
                f"sebuah sel berisi teks lebih dari {_number(self.limits.max_cell_chars)} "
                "karakter (batas Excel sendiri).",
                f"part={self.name}",
            )

    def refuse_dtd(self, *_args: object) -> None:
        from .safety import MSG_ENTITY  # noqa: PLC0415 - the one sentence, kept in one place

        raise RefusedError(MSG_ENTITY, f"part={self.name}")

    # -- worksheets -----------------------------------------------------------------------
    def _sheet_start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "c":
            self._cell_start(attrs)
        elif local == "row":
            ref = attrs.get("r", "")
            self.row = int(ref) - 1 if ref.isdigit() else self.row + 1
            self.col = -1
        elif local in ("v", "is"):
            self.text_len = 0
        elif local == "f":
            self.has_formula = True
        elif local == "mergeCell":
            self._merge(attrs.get("ref", ""))

    def _cell_start(self, attrs: dict[str, str]) -> None:
        self.result.cells += 1
        if self.result.cells > self.limits.max_cells:
            raise RefusedError(
                f"isi file tidak wajar (lebih dari {_number(self.limits.max_cells)} sel berisi).",
                f"part={self.name}",
            )
        where = parse_ref(attrs.get("r", ""))
        if where is None:
            where = (max(self.row, 0), self.col + 1)
        self.row, self.col = where
        self.cell = where
        self.has_formula = self.has_value = False
        self.text_len = None

    def _merge(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        a, b = parse_ref(first), parse_ref(last)
        if a is None or b is None:
            return
        r0, c0 = min(a[0], b[0]), min(a[1], b[1])
        r1, c1 = max(a[0], b[0]), max(a[1], b[1])
        self.result.merges += 1
        if self.result.merges > self.limits.max_merges:
            raise RefusedError(
                f"isi file tidak wajar (lebih dari {_number(self.limits.max_merges)} sel gabungan)."
            )
        rows, cols = self.limits.max_rows, self.limits.max_cols
        if r0 >= rows or c0 >= cols:
            return
        merge = (r0, c0, min(r1, rows - 1), min(c1, cols - 1))
        self.result.merge_area += (merge[2] - r0 + 1) * (merge[3] - c0 + 1)
        if self.result.merge_area > self.limits.max_merge_area:
            raise RefusedError(
                "isi file tidak wajar (sel gabungan meliputi lebih dari "
                f"{_number(self.limits.max_merge_area)} sel)."
            )
        self.sheet.merges.append(merge)


def _parser(scan: _PartScan) -> xml.parsers.expat.XMLParserType:
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.chars
    parser.StartDoctypeDeclHandler = scan.refuse_dtd
    parser.EntityDeclHandler = scan.refuse_dtd
    return parser


def _part_cap(name: str, limits: Limits) -> int:
    if name == "xl/sharedStrings.xml":
        return limits.max_shared_strings_bytes
    return limits.max_part_bytes


def _too_big(what: str, size_cap: int) -> RefusedError:
    return RefusedError(
        f"isi file terlalu besar setelah dibuka ({what} lebih dari {size_cap // MB} MB).",
    )


def scan_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, result: ScanResult
) -> None:
    """Inflate and parse one part, counting; RefusedError at the first cap passed."""
    cap = _part_cap(info.filename, limits)
    scan = _PartScan(info.filename, limits, result)
    parser = _parser(scan)
    inflated = 0
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            inflated += len(chunk)
            result.inflated += len(chunk)
            if inflated > cap:
                raise _too_big(f"bagian {info.filename}", cap)
            if result.inflated > limits.max_uncompressed_bytes:
                raise _too_big("seluruh isinya", limits.max_uncompressed_bytes)
            parser.Parse(chunk, False)
    parser.Parse(b"", True)
    if scan.is_sheet:
        result.sheets[info.filename] = scan.sheet


def scan_workbook(zf: zipfile.ZipFile, limits: Limits) -> ScanResult:
    """Every XML part of `zf` scanned. Other parts (pictures, printer
    settings) are never inflated by the reader, here or in openpyxl: their
    declared sizes count towards the total, checked before."""
    result = ScanResult()
    for info in zf.infolist():
        if not info.is_dir() and info.filename.lower().endswith(XML_SUFFIXES):
            scan_part(zf, info, limits, result)
    return result
