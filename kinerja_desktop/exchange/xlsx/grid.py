"""A worksheet as a plain grid of values, with its merged areas filled in.

Readers work on this grid, never on openpyxl objects: every touch of a file
happens in `safety`, and everything after is plain Python. A merged area's
value is copied into every cell it covers (so a group heading stands over each
of its columns: in an SOP table "Pelaksana" over each lane column, and a mark
merged across two lanes marks both); cells that got their value from a merge
that starts in an earlier row are remembered, because such a row may continue
the one above it (the SOP reader reads it as the same step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from kinerja_desktop.core.dates import format_tanggal

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)

_ESCAPED_CR = re.compile(r"(?<!_x005F)_x000D_\n?")
_ESCAPED_NON_XML = re.compile(r"(?<!_x005F)_x(FFFE|FFFF)_", re.IGNORECASE)


def unescape_text(text: str) -> str:
    """Undo the `_xHHHH_` escapes that openpyxl leaves in place.

    Spreadsheet programs write a carriage return as `_x000D_` and a literal
    "_x…_" as `_x005F_x…_`; openpyxl undoes the latter only in shared strings.
    U+FFFE and U+FFFF, which XML cannot hold, come as `_xFFFE_`/`_xFFFF_`.
    """
    if "_x" not in text:
        return text
    text = _ESCAPED_NON_XML.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _ESCAPED_CR.sub("\n", text).replace("_x005F_", "_")


def number_text(value: float) -> str:
    """A number as an Indonesian office writes it: 120, 1,5."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def _datetime_text(value: datetime) -> str:
    day = format_tanggal(value.date())
    return day if value.time() == time(0, 0) else f"{day} {value:%H:%M}"


def _duration_text(value: timedelta) -> str:
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def cell_text(value: object) -> str:
    """Any cell value as text ('' for empty); numbers and dates written the local way."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, datetime):
        return _datetime_text(value)
    if isinstance(value, date):
        return format_tanggal(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return _duration_text(value) if isinstance(value, timedelta) else str(value)


@dataclass
class SheetGrid:
    """The values of one worksheet, row by row (0-based), merged areas filled."""

    title: str
    rows: list[list[object]]
    merges: list[Merge] = field(default_factory=list)
    hidden: bool = False
    truncated: bool = False  # more rows than the reader reads
    # cells holding a formula without a cached value: they read as empty (never
    # computed by a spreadsheet program), 0-based (row, col)
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)
    _from_above: set[tuple[int, int]] = field(default_factory=set, repr=False)
    _merge_origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._fill_merges()

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, col: int) -> object:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def text(self, row: int, col: int | None) -> str:
        """The cell as text, exactly as stored ('' when empty or out of the grid)."""
        if col is None:
            return ""
        return cell_text(self.value(row, col))

    def is_from_above(self, row: int, col: int) -> bool:
        """True when the cell shows a merged value that starts in an earlier row."""
        return (row, col) in self._from_above

    def merge_origin(self, row: int, col: int) -> tuple[int, int]:
        """The top-left cell of the merged area holding (row, col), or the cell itself."""
        return self._merge_origin.get((row, col), (row, col))

    def row_is_blank(self, row: int, cols: list[int] | None = None) -> bool:
        cells = range(len(self.rows[row])) if cols is None else cols
        return all(not self.text(row, c).strip() for c in cells)

    def _fill_merges(self) -> None:
        """Copy each merged area's value into its cells (areas already clamped to the grid)."""
        height = len(self.rows)
        for r0, c0, r1, c1 in self.merges:
            if not 0 <= r0 < height:
                continue
            top_left = self.value(r0, c0)
            for r in range(r0, min(r1, height - 1) + 1):
                row = self.rows[r]
                if len(row) <= c1:
                    row.extend([None] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    if (r, c) == (r0, c0):
                        continue
                    row[c] = top_left
                    self._merge_origin[(r, c)] = (r0, c0)
                    if r > r0:
                        self._from_above.add((r, c))
