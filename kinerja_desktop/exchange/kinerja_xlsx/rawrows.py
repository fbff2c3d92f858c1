"""Worksheet rows as SpreadsheetML text, for the many identical rows of a form.

openpyxl writes the workbook (styles, merges, validation, protection, print
settings, the title rows); the indicator rows — a hundred per form, forty
forms per round — are produced here as plain text and put into the sheet's
`<sheetData>` after openpyxl saved it (`insert_rows`). Per cell that is a
string format instead of openpyxl's element tree, which made the writing
benchmark's goal reachable (benchmarks/kinerja_benchmark.py).

The cells are what openpyxl itself would write: numbers as `<v>`, text as
inline strings (`t="inlineStr"`, read by Excel, LibreOffice and openpyxl;
the spreadsheet turns them into shared strings when it saves), formulas as
`<f>` without a cached value, and empty styled cells. Style ids come from
openpyxl's own style table (`Cell.style_id`), so they match the styles part
it writes. Text is cleaned like every other cell (`exchange.xlsx.style`).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ..xlsx.style import clean_text

_SHEET_DATA_END = re.compile(rb"</sheetData>|<sheetData\s*/>")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


def text(ref: str, sid: int, value: str) -> str:
    if not value:
        return f'<c r="{ref}" s="{sid}"/>'
    plain = value.isprintable() and "_x" not in value
    body = escape(value if plain else clean_text(value))
    space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
    return f'<c r="{ref}" s="{sid}" t="inlineStr"><is><t{space}>{body}</t></is></c>'


def number(ref: str, sid: int, value: float | None) -> str:
    if value is None:
        return f'<c r="{ref}" s="{sid}"/>'
    shown = (
        str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    )
    return f'<c r="{ref}" s="{sid}"><v>{shown}</v></c>'


def formula(ref: str, sid: int, value: str) -> str:
    return f'<c r="{ref}" s="{sid}"><f>{escape(value.removeprefix("="))}</f></c>'


def empty(ref: str, sid: int) -> str:
    return f'<c r="{ref}" s="{sid}"/>'


def row(number_: int, cells: list[str], height: float | None = None) -> str:
    size = f' ht="{height:g}" customHeight="1"' if height is not None else ""
    return f'<row r="{number_}"{size}>{"".join(cells)}</row>'


def insert_rows(sheet_xml: bytes, rows_xml: str, dimension: str) -> bytes:
    """The sheet with `rows_xml` appended to its rows and its dimension set."""
    match = _SHEET_DATA_END.search(sheet_xml)
    if match is None:
        raise ValueError("sheetData not found")
    head, tail = sheet_xml[: match.start()], sheet_xml[match.end() :]
    opening = b"<sheetData>" if match.group(0).startswith(b"<sheetData") else b""
    data = head + opening + rows_xml.encode("utf-8") + b"</sheetData>" + tail
    return _DIMENSION.sub(f'<dimension ref="{dimension}"/>'.encode(), data, count=1)
