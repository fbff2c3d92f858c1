"""Cell writing and looks shared by every workbook we write (nothing domain-specific).

Every text goes through `put_text`, which stores it as a string cell even
when it begins with "=", "+", "-" or "@" (so Excel never runs it as a
formula), removes the control characters a spreadsheet cannot hold, writes
line breaks as "\\n", and protects a literal "_x0041_" from being read as an
escape.
"""

from __future__ import annotations

import re
import textwrap

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_desktop.core.errors import KinerjaError

MAX_CELL_CHARS = 32767  # Excel's limit for one cell
MAX_ROW_HEIGHT = 409.0  # points, Excel's limit
LINE_HEIGHT = 13.5  # points per wrapped line at 10 pt

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
SECTION_FILL = PatternFill("solid", fgColor="EDEDED")
FONT = Font(name="Arial", size=10)
FONT_BOLD = Font(name="Arial", size=10, bold=True)
FONT_TITLE = Font(name="Arial", size=14, bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top", horizontal="left")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
DATE_FORMAT = "[$-421]d mmmm yyyy"  # "16 Februari 2023" in every Excel and LibreOffice

_ESCAPE_LIKE = re.compile(r"_x[0-9A-Fa-f]{4}_")


_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters XML cannot carry at all: written as the spreadsheet escape that
# `grid.unescape_text` reads back, so the app's own export imports unchanged.
_NON_XML = {"\ufffe": "_xFFFE_", "\uffff": "_xFFFF_"}


def clean_text(text: str) -> str:
    """Text as a cell can hold it (see the module docstring). U+FFFE and
    U+FFFF, which XML cannot hold, are written as `_xFFFE_`/`_xFFFF_` (and
    read back); a lone surrogate (half of a character, not text) becomes
    U+FFFD, the replacement character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    text = _ESCAPE_LIKE.sub(lambda m: "_x005F" + m.group(0), text)
    text = _SURROGATE.sub("\ufffd", text)
    for char, escape in _NON_XML.items():
        text = text.replace(char, escape)
    return text


def put_text(ws: Worksheet, row: int, col: int, text: str, *, what: str = "") -> Cell:
    """Write `text` as a string cell, never as a formula; '' leaves the cell empty.

    The cell is also marked `quotePrefix` (Excel's leading apostrophe), so
    that a user who edits it in Excel and presses Enter keeps text: without
    it "=…", "+…", "-…" or "@…" would become a live formula on that edit."""
    if len(text) > MAX_CELL_CHARS:
        raise KinerjaError(
            f"Teks {what or 'sebuah sel'} terlalu panjang untuk satu sel Excel "
            f"({len(text)} karakter; batas {MAX_CELL_CHARS}).",
        )
    cell = ws.cell(row=row, column=col)
    if text:
        cell.value = clean_text(text)
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def style(cell: Cell, *, bold: bool = False, center: bool = False, border: bool = True) -> Cell:
    cell.font = FONT_BOLD if bold else FONT
    cell.alignment = CENTER if center else WRAP_TOP
    if border:
        cell.border = BORDER
    return cell


def lines_needed(text: str, width: float) -> int:
    """Rough count of wrapped lines for `text` in a column `width` characters wide.

    Wraps at word boundaries as a spreadsheet does; capital letters are wide, so a
    line holds about as many characters as the column is wide.
    """
    per_line = max(1, int(width))
    return sum(
        max(1, len(textwrap.wrap(part, per_line, break_long_words=True)))
        for part in text.split("\n")
    )


def fit_row(ws: Worksheet, row: int, cells: list[tuple[str, float]], min_lines: int = 1) -> None:
    """Give a row the height its longest wrapped cell needs (Excel does not do it on open)."""
    lines = max((lines_needed(text, width) for text, width in cells if text), default=1)
    lines = max(lines, min_lines)
    ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 4)


def portrait(ws: Worksheet) -> None:
    """A4 portrait, one page wide."""
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def landscape(ws: Worksheet, title_rows: str) -> None:
    """A4 landscape, one page wide, header rows repeated on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def footer_text(text: str) -> str:
    """Text for a printed header/footer, where '&' starts a code."""
    return clean_text(text).replace("&", "&&")[:200]
