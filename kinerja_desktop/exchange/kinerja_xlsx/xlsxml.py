"""A small streaming reader of the parts of an .xlsx that a returned form needs.

Why not openpyxl or a values-only reader: the checks need, per cell, the
value as the spreadsheet saved it (shared or inline string, number, cached
formula result, boolean, error), whether the cell holds a formula (a formula
typed into an input cell is refused), its number format (a date in a number
cell; "85%" typed into a general cell is stored as 0.85 with a percent
format), and the merged areas — and a form has two small sheets, so a
single expat pass over each is several times faster than building openpyxl's
workbook (see benchmarks/kinerja_benchmark.py). python-calamine reads values
only (no formulas, no formats), so it could not keep those checks.

Bounded work: call only after `exchange.xlsx.safety.check_workbook_file`
(file size, zip entry count and declared sizes, no DTD/ENTITY); here every
XML part is read through a byte cap, every parse counts its elements and
stops at `MAX_ELEMENTS`, cells beyond `MAX_ROW`/`MAX_COL` are dropped (and
counted), and text is cut at Excel's cell limit. The DOCTYPE handler refuses
any document type declaration a second time.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.parsers import expat

MAX_PART_BYTES = 40 * 1024 * 1024
MAX_ELEMENTS = 400_000
MAX_ROW = 5000
MAX_COL = 64
MAX_TEXT = 32767
MAX_MERGES = 2000

_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_PERCENT_IDS = {9, 10}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


class XlsxLimitError(Exception):
    """A part exceeds the caps (message in Indonesian, for the form reader)."""


class CellError(str):
    """An error value saved in a cell (#VALUE!, #REF! …)."""


@dataclass
class Cell:
    value: object  # None, str, float, bool, datetime, CellError
    formula: bool = False
    percent: bool = False


@dataclass
class Sheet:
    name: str
    state: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, col), 1-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    dropped: int = 0  # cells outside the caps
    protected: bool = False

    def value(self, row: int, col: int) -> object:
        cell = self.cells.get((row, col))
        return cell.value if cell is not None else None

    @property
    def max_row(self) -> int:
        return max((r for r, _c in self.cells), default=0)


@dataclass
class Workbook:
    sheet_names: list[str]
    states: dict[str, str]
    modified: datetime | None
    _zip: zipfile.ZipFile
    _paths: dict[str, str]
    _strings: list[str] | None = None
    _styles: tuple[list[bool], list[bool]] | None = None
    _date1904: bool = False

    def sheet(self, name: str) -> Sheet | None:
        """The named sheet, parsed (None when the workbook has no such sheet)."""
        path = self._paths.get(name)
        if path is None:
            return None
        if self._strings is None:
            self._strings = _shared_strings(self._zip)
        if self._styles is None:
            self._styles = _styles(self._zip)
        sheet = Sheet(name, self.states.get(name, "visible"))
        _SheetParser(sheet, self._strings, self._styles, self._date1904).parse(
            _part(self._zip, path)
        )
        return sheet


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def address(row: int, col: int) -> str:
    return f"{col_letters(col)}{row}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1] if ("}" in tag or ":" in tag) else tag


def _part(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise XlsxLimitError(f"bagian {name} tidak ada di dalam file.") from None
    if info.file_size > MAX_PART_BYTES:
        raise XlsxLimitError(f"bagian {name} terlalu besar ({info.file_size} byte).")
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise XlsxLimitError(f"bagian {name} terlalu besar.")
    return data


def _parser(start, end=None, chars=None) -> expat.XMLParserType:
    """An expat parser that namespaces nothing, refuses DTDs and counts elements."""
    parser = expat.ParserCreate()
    count = [0]

    def counted_start(tag: str, attrs: dict[str, str]) -> None:
        count[0] += 1
        if count[0] > MAX_ELEMENTS:
            raise XlsxLimitError(f"isi file tidak wajar (lebih dari {MAX_ELEMENTS} unsur XML).")
        start(_local(tag), attrs)

    def refuse_dtd(*_args: object) -> None:
        raise XlsxLimitError("file berisi deklarasi DOCTYPE/ENTITY; ditolak demi keamanan.")

    parser.StartElementHandler = counted_start
    if end is not None:
        parser.EndElementHandler = lambda tag: end(_local(tag))
    if chars is not None:
        parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.buffer_text = True
    return parser


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    name = _find(zf, "xl/sharedStrings.xml")
    if name is None:
        return []
    strings: list[str] = []
    state = {"in_t": False, "skip": 0, "parts": []}

    def start(tag: str, _attrs: dict[str, str]) -> None:
        if tag == "si":
            state["parts"] = []
        elif tag == "t" and not state["skip"]:
            state["in_t"] = True
        elif tag in ("rPh", "phoneticPr"):
            state["skip"] += 1

    def end(tag: str) -> None:
        if tag == "si":
            strings.append("".join(state["parts"])[:MAX_TEXT])
        elif tag == "t":
            state["in_t"] = False
        elif tag in ("rPh", "phoneticPr"):
            state["skip"] -= 1

    def chars(text: str) -> None:
        if state["in_t"] and sum(map(len, state["parts"])) <= MAX_TEXT:
            state["parts"].append(text)

    _parser(start, end, chars).Parse(_part(zf, name), True)
    return strings


def _is_date_code(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return "general" not in bare and any(ch in bare for ch in "dmyhs")


def _styles(zf: zipfile.ZipFile) -> tuple[list[bool], list[bool]]:
    """Per cellXfs index: (is a date format, is a percent format)."""
    name = _find(zf, "xl/styles.xml")
    if name is None:
        return [], []
    custom: dict[int, str] = {}
    dates: list[bool] = []
    percents: list[bool] = []
    depth = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            depth["cellXfs"] = True
        elif tag == "xf" and depth["cellXfs"]:
            try:
                fmt = int(attrs.get("numFmtId", "0"))
            except ValueError:
                fmt = 0
            code = custom.get(fmt)
            bare = _QUOTED.sub("", code) if code is not None else ""
            dates.append(fmt in _DATE_IDS if code is None else _is_date_code(code))
            percents.append(fmt in _PERCENT_IDS if code is None else "%" in bare)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            depth["cellXfs"] = False

    _parser(start, end).Parse(_part(zf, name), True)
    return dates, percents


def _find(zf: zipfile.ZipFile, name: str) -> str | None:
    names = {n.lower(): n for n in zf.namelist()}
    return names.get(name.lower())


def _excel_date(serial: float, date1904: bool) -> datetime | None:
    base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    try:
        return base + timedelta(days=serial)
    except OverflowError:
        return None


class _SheetParser:
    def __init__(
        self,
        sheet: Sheet,
        strings: list[str],
        styles: tuple[list[bool], list[bool]],
        date1904: bool,
    ) -> None:
        self.sheet, self.strings, self.date1904 = sheet, strings, date1904
        self.dates, self.percents = styles
        self.row = 0
        self.col = 0
        self.kind = ""
        self.style = 0
        self.text: list[str] = []
        self.in_text = False
        self.formula = False
        self.value: str | None = None

    def parse(self, data: bytes) -> None:
        """One pass; the handlers are bound directly (no wrapper per element: a sheet
        has tens of thousands of them), counting elements and refusing DTDs here."""
        parser = _parser(self.start, self.end, self.chars)
        parser.StartElementHandler = self._counted_start
        parser.EndElementHandler = self._end_raw
        self.count = 0
        parser.Parse(data, True)

    def _counted_start(self, tag: str, attrs: dict[str, str]) -> None:
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise XlsxLimitError(f"isi file tidak wajar (lebih dari {MAX_ELEMENTS} unsur XML).")
        self.start(tag if ":" not in tag else _local(tag), attrs)

    def _end_raw(self, tag: str) -> None:
        self.end(tag if ":" not in tag else _local(tag))

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "c":
            self._start_cell(attrs)
        elif tag in ("v", "t"):
            self.in_text, self.text = True, []
        elif tag == "f":
            self.formula = True
        elif tag == "row":
            try:
                self.row = int(attrs.get("r", self.row + 1))
            except ValueError:
                self.row += 1
            self.col = 0
        elif tag == "mergeCell":
            self._merge(attrs.get("ref", ""))
        elif tag == "sheetProtection":
            self.sheet.protected = attrs.get("sheet", "0") in ("1", "true")

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = _CELL_REF.match(attrs.get("r", ""))
        if ref:
            self.col, self.row = col_number(ref[1]), int(ref[2])
        else:
            self.col += 1
        self.kind = attrs.get("t", "n")
        try:
            self.style = int(attrs.get("s", "0"))
        except ValueError:
            self.style = 0
        self.formula, self.value, self.text = False, None, []

    def _merge(self, ref: str) -> None:
        if len(self.sheet.merges) >= MAX_MERGES or ":" not in ref:
            return
        a, b = ref.split(":", 1)
        ma, mb = _CELL_REF.match(a), _CELL_REF.match(b)
        if ma and mb:
            self.sheet.merges.append((int(ma[2]), col_number(ma[1]), int(mb[2]), col_number(mb[1])))

    def chars(self, text: str) -> None:
        if self.in_text and sum(map(len, self.text)) <= MAX_TEXT:
            self.text.append(text)

    def end(self, tag: str) -> None:
        if tag in ("v", "t"):
            self.in_text = False
            joined = "".join(self.text)
            self.value = joined if tag == "v" or self.value is None else self.value + joined
        elif tag == "c":
            self._end_cell()

    def _end_cell(self) -> None:
        if self.row > MAX_ROW or self.col > MAX_COL:
            self.sheet.dropped += 1
            return
        value = self._converted()
        percent = self.style < len(self.percents) and self.percents[self.style]
        if value is not None or self.formula:
            self.sheet.cells[(self.row, self.col)] = Cell(value, self.formula, percent)

    def _converted(self) -> object:  # noqa: PLR0911 - one return per cell type
        raw, kind = self.value, self.kind
        if raw is None:
            return None
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                return CellError("#STRING?")
        if kind in ("inlineStr", "str"):
            return raw[:MAX_TEXT]
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "e":
            return CellError(raw)
        if kind == "d":
            try:
                return datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        try:
            number = float(raw)
        except ValueError:
            return CellError("#NUM?")
        if self.style < len(self.dates) and self.dates[self.style]:
            return _excel_date(number, self.date1904) or number
        return number


def _workbook_parts(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str, str]], dict[str, str], bool]:
    """[(sheet name, relationship id, state)], {rel id: part path}, date1904."""
    sheets: list[tuple[str, str, str]] = []
    flags = {"date1904": False}

    def wb_start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid, attrs.get("state", "visible")))
        elif tag == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "0") in ("1", "true")

    _parser(wb_start).Parse(_part(zf, "xl/workbook.xml"), True)
    rels: dict[str, str] = {}

    def rel_start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship":
            target = attrs.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            rels[attrs.get("Id", "")] = path

    rels_name = _find(zf, "xl/_rels/workbook.xml.rels")
    if rels_name is not None:
        _parser(rel_start).Parse(_part(zf, rels_name), True)
    return sheets, rels, flags["date1904"]


def _modified(zf: zipfile.ZipFile) -> datetime | None:
    name = _find(zf, "docProps/core.xml")
    if name is None:
        return None
    found: dict[str, str] = {}
    state = {"in": False, "text": []}

    def start(tag: str, _attrs: dict[str, str]) -> None:
        state["in"] = tag == "modified"
        state["text"] = []

    def end(tag: str) -> None:
        if tag == "modified":
            found["modified"] = "".join(state["text"]).strip()
        state["in"] = False

    def chars(text: str) -> None:
        if state["in"]:
            state["text"].append(text)

    _parser(start, end, chars).Parse(_part(zf, name), True)
    text = found.get("modified", "").replace("Z", "+00:00")
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp.astimezone().replace(tzinfo=None) if stamp.tzinfo else stamp


def open_workbook(zf: zipfile.ZipFile) -> Workbook:
    """The workbook's sheet list and document times (sheets are parsed on demand)."""
    sheets, rels, date1904 = _workbook_parts(zf)
    paths = {name: rels[rid] for name, rid, _state in sheets if rid in rels}
    states = {name: state for name, _rid, state in sheets}
    return Workbook(
        [n for n, _r, _s in sheets], states, _modified(zf), zf, paths, _date1904=date1904
    )
