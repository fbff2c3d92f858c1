"""Finding the step table in a worksheet: its header row(s) and what each column holds.

Offices put the table anywhere: under a title and an identity block, starting
in column B or C, with a one-row header ("No | Uraian | Camat | … | Ket") or
a two-row header with group headings ("Pelaksana" over the role columns,
"Mutu Baku" over Kelengkapan/Waktu/Output, usually merged), optionally
followed by a row that numbers the columns "(1) (2) …" or "1 2 3".

The role (lane) columns are the columns under the "Pelaksana" group heading,
plus every unnamed-kind column between the Uraian column and the first
Mutu Baku / Keterangan column (some offices head a role column on its own,
outside the merged group).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..xlsx.grid import SheetGrid
from .labels import Col, classify_heading, waktu_unit

_SINGLE = (
    Col.NO,
    Col.URAIAN,
    Col.KELENGKAPAN,
    Col.WAKTU,
    Col.OUTPUT,
    Col.KETERANGAN,
    Col.SIMBOL,
)
_GROUPS = (Col.PELAKSANA, Col.MUTU_BAKU, Col.CABANG)
_AFTER_LANES = frozenset(set(_SINGLE) - {Col.NO, Col.URAIAN} | {Col.MUTU_BAKU, Col.CABANG})
_COLUMN_NUMBER = re.compile(r"^[-(]?\s*\d{1,2}\s*\)?\.?$")  # Excel turns "(1)" into -1


@dataclass
class TableHeader:
    """Where the step table is and what its columns mean."""

    top: int  # first header row (0-based)
    first_data_row: int
    columns: dict[Col, int] = field(default_factory=dict)
    lanes: list[tuple[int, str]] = field(default_factory=list)  # (column, name as written)
    exits: list[tuple[int, int]] = field(default_factory=list)  # (label column, target column)
    waktu_heading: str = ""
    numbered_row: bool = False
    heads: dict[Col, str] = field(default_factory=dict)  # Mutu Baku heads as written

    @property
    def is_kinerja(self) -> bool:
        """Our own export: it has the Simbol column and the decision-exit columns."""
        return Col.SIMBOL in self.columns and bool(self.exits)

    @property
    def table_cols(self) -> list[int]:
        cols = set(self.columns.values()) | {c for c, _ in self.lanes}
        cols |= {c for pair in self.exits for c in pair}
        return sorted(cols)

    def col(self, kind: Col) -> int | None:
        return self.columns.get(kind)


def _kinds(grid: SheetGrid, row: int, skip_from_above: bool) -> dict[int, Col]:
    found: dict[int, Col] = {}
    for c in range(len(grid.rows[row])):
        if skip_from_above and grid.is_from_above(row, c):
            continue
        kind = classify_heading(grid.value(row, c))
        if kind is not None:
            found[c] = kind
    return found


def _qualifies(kinds: dict[int, Col]) -> bool:
    values = set(kinds.values())
    return Col.URAIAN in values and len(values - {Col.URAIAN}) >= 1


def _has_sub_row(grid: SheetGrid, top: int, top_kinds: dict[int, Col]) -> bool:
    if top + 1 >= grid.height:
        return False
    if any(k in _GROUPS for k in top_kinds.values()):
        return True
    sub_kinds = set(_kinds(grid, top + 1, skip_from_above=True).values())
    return bool(sub_kinds & {Col.KELENGKAPAN, Col.WAKTU, Col.OUTPUT, Col.EXIT_LABEL})


def _column_kinds(
    grid: SheetGrid, top: int, sub: int | None, top_kinds: dict[int, Col]
) -> dict[int, Col]:
    """The kind of every column: the lower heading wins, the group heading fills in."""
    kinds = dict(top_kinds)
    if sub is not None:
        for c, kind in _kinds(grid, sub, skip_from_above=True).items():
            if top_kinds.get(c) != Col.PELAKSANA:
                kinds[c] = kind
    _mutu_by_position(kinds)
    return kinds


_MUTU = (Col.KELENGKAPAN, Col.WAKTU, Col.OUTPUT)


def _mutu_by_position(kinds: dict[int, Col]) -> None:
    """Under a three-column "Mutu Baku" group, a column headed in the office's own
    words ("Hasil Kerja") takes the kind its place says: Kelengkapan, Waktu, Output."""
    group = sorted(c for c, k in kinds.items() if k in (Col.MUTU_BAKU, *_MUTU))
    spans = [c for c in group if kinds[c] == Col.MUTU_BAKU]
    if len(group) != 3 or group != list(range(group[0], group[0] + 3)) or not spans:
        return
    present = {kinds[c] for c in group}
    for c, kind in zip(group, _MUTU, strict=True):
        if kinds[c] == Col.MUTU_BAKU and kind not in present:
            kinds[c] = kind


def _lane_columns(kinds: dict[int, Col], top_kinds: dict[int, Col], width: int) -> list[int]:
    uraian = min(c for c, k in kinds.items() if k == Col.URAIAN)
    lanes = {c for c, k in top_kinds.items() if k == Col.PELAKSANA}
    stop = min((c for c, k in kinds.items() if c > uraian and k in _AFTER_LANES), default=width)
    lanes |= {c for c in range(uraian + 1, stop) if c not in kinds or kinds[c] == Col.PELAKSANA}
    return sorted(c for c in lanes if c > uraian)


def _lane_name(grid: SheetGrid, top: int, sub: int | None, col: int, exact: bool) -> str:
    below = grid.text(sub, col) if sub is not None else ""
    if below if exact else below.strip():
        return below
    if classify_heading(grid.value(top, col)) == Col.PELAKSANA:
        return ""
    return grid.text(top, col)


def _exit_pairs(kinds: dict[int, Col]) -> list[tuple[int, int]]:
    pairs = []
    for c, kind in sorted(kinds.items()):
        if kind == Col.EXIT_LABEL and kinds.get(c + 1) == Col.EXIT_TARGET:
            pairs.append((c, c + 1))
    return pairs


def _is_column_number_row(grid: SheetGrid, row: int) -> bool:
    cells = [
        grid.text(row, c).strip() for c in range(len(grid.rows[row]) if row < grid.height else 0)
    ]
    filled = [t for t in cells if t]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled)


def _build(grid: SheetGrid, top: int, top_kinds: dict[int, Col]) -> TableHeader:
    sub = top + 1 if _has_sub_row(grid, top, top_kinds) else None
    kinds = _column_kinds(grid, top, sub, top_kinds)
    lane_cols = _lane_columns(kinds, top_kinds, grid.width)
    header = TableHeader(top=top, first_data_row=(sub if sub is not None else top) + 1)
    for kind in _SINGLE:
        cols = [c for c, k in sorted(kinds.items()) if k == kind and c not in lane_cols]
        if cols:
            header.columns[kind] = cols[0]
    header.exits = _exit_pairs(kinds)
    exact = header.is_kinerja
    header.lanes = [(c, _lane_name(grid, top, sub, c, exact)) for c in lane_cols]
    for kind in (Col.KELENGKAPAN, Col.WAKTU, Col.OUTPUT):
        col = header.col(kind)
        if col is not None:
            below = grid.text(sub, col) if sub is not None else ""
            header.heads[kind] = " ".join((below or grid.text(top, col)).split()).strip(" :")
    header.waktu_heading = header.heads.get(Col.WAKTU, "")
    if _is_column_number_row(grid, header.first_data_row):
        header.numbered_row = True
        header.first_data_row += 1
    return header


def find_table_header(grid: SheetGrid) -> TableHeader | None:
    """The first row that heads a step table (Uraian plus one more known column)."""
    for row in range(grid.height):
        kinds = _kinds(grid, row, skip_from_above=True)
        if _qualifies(kinds):
            return _build(grid, row, kinds)
    return None


def header_waktu_unit(header: TableHeader) -> str:
    return waktu_unit(header.waktu_heading)
