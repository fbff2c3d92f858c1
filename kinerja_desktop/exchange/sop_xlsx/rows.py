"""Reading the rows under a step-table header into raw step records.

A raw record is what one step's row says, still as text: number, uraian,
the marks in the lane columns, mutu baku, keterangan and — in our own
layout — the symbol and the decision exits. Turning records into steps
(kinds, lanes, guesses) is `build`'s job.

Hand-typed tables end somewhere above a signature block, may leave one blank
row inside, may spill one step over two rows (a merged No cell, or a row
without a number between two numbered rows) and may be followed by another
numbered list (a Lembar Kerja). Our own layout is read as it stands: every
non-blank row is a step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..xlsx.grid import SheetGrid
from .header import TableHeader
from .labels import Col
from .notes import Notes

_STEP_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s*$")
_MAX_BLANK_RUN = 3
_TEXT_FIELDS = (Col.URAIAN, Col.KELENGKAPAN, Col.WAKTU, Col.OUTPUT, Col.KETERANGAN, Col.SIMBOL)


@dataclass
class RawStep:
    """One step as its row(s) wrote it."""

    row: int  # 1-based sheet row, for messages
    number: int | None
    texts: dict[Col, str] = field(default_factory=dict)
    marks: dict[int, str] = field(default_factory=dict)  # lane position -> mark
    exits: list[tuple[str, object]] = field(default_factory=list)  # (label, raw target)

    def text(self, kind: Col) -> str:
        return self.texts.get(kind, "")


def step_number(value: object) -> int | None:
    """1, 1.0, "1", "1." or "1)" → 1; anything else → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        m = _STEP_NUMBER.match(value)
        return int(m.group(1)) if m else None
    return None


def _read_row(grid: SheetGrid, header: TableHeader, row: int, exact: bool) -> RawStep:
    def text(col: int | None) -> str:
        value = grid.text(row, col)
        return value if exact else value.strip()

    raw = RawStep(row=row + 1, number=None)
    no_col = header.col(Col.NO)
    if no_col is not None:
        raw.number = step_number(grid.value(row, no_col))
    for kind in _TEXT_FIELDS:
        raw.texts[kind] = text(header.col(kind))
    for position, (col, _name) in enumerate(header.lanes):
        mark = grid.text(row, col).strip()
        if mark:
            raw.marks[position] = mark
    for label_col, target_col in header.exits:
        label = text(label_col)
        target = grid.value(row, target_col)
        if label or (target is not None and str(target).strip()):
            raw.exits.append((label, target))
    return raw


def _absorb(grid: SheetGrid, header: TableHeader, step: RawStep, row: int) -> None:
    """A continuation row: its own text is added to the step above, its marks joined."""
    extra = _read_row(grid, header, row, exact=False)
    for kind in _TEXT_FIELDS:
        col = header.col(kind)
        add = extra.text(kind)
        if not add or col is None or grid.is_from_above(row, col):
            continue
        step.texts[kind] = f"{step.text(kind)} {add}".strip()
    step.marks.update({k: v for k, v in extra.marks.items() if k not in step.marks})


def _content_rows(grid: SheetGrid, header: TableHeader, stop_at_blank: int) -> list[int]:
    """Non-blank rows under the header, ending at `stop_at_blank` blank rows in a row."""
    cols = header.table_cols
    rows: list[int] = []
    blank_run = 0
    for row in range(header.first_data_row, grid.height):
        if grid.row_is_blank(row, cols):
            blank_run += 1
            if rows and blank_run >= stop_at_blank:
                break
            continue
        blank_run = 0
        rows.append(row)
    return rows


def read_own_rows(grid: SheetGrid, header: TableHeader) -> list[RawStep]:
    """Our own layout: every non-blank row is one step, text exactly as stored."""
    cols = header.table_cols
    return [
        _read_row(grid, header, row, exact=True)
        for row in range(header.first_data_row, grid.height)
        if not all(grid.text(row, c) == "" for c in cols)
    ]


def _is_only_number(raw: RawStep) -> bool:
    return not raw.marks and not raw.exits and not any(raw.texts.values())


def _read_numbered(grid: SheetGrid, header: TableHeader, notes: Notes) -> list[RawStep]:
    no_col = header.col(Col.NO)
    assert no_col is not None
    steps: list[RawStep] = []
    pending: list[int] = []
    for row in _content_rows(grid, header, _MAX_BLANK_RUN):
        raw = _read_row(grid, header, row, exact=False)
        if raw.number is None or grid.is_from_above(row, no_col):
            if steps:
                pending.append(row)
            continue
        if steps and raw.number == 1 and (steps[-1].number or 0) > 1:
            notes.info(f"Penomoran mulai lagi dari 1 di baris {row + 1}; tabel dianggap selesai.")
            pending.clear()
            break
        if _is_only_number(raw):
            continue
        for extra in pending:
            _absorb(grid, header, steps[-1], extra)
        pending.clear()
        steps.append(raw)
    if pending:
        notes.info(
            f"Baris {pending[0] + 1}–{pending[-1] + 1} di bawah tabel diabaikan "
            "(tidak bernomor; mungkin tanda tangan atau catatan)."
        )
    return steps


def _read_unnumbered(grid: SheetGrid, header: TableHeader) -> list[RawStep]:
    steps: list[RawStep] = []
    uraian_col = header.col(Col.URAIAN)
    for row in _content_rows(grid, header, stop_at_blank=1):
        raw = _read_row(grid, header, row, exact=False)
        starts_step = raw.text(Col.URAIAN) and not grid.is_from_above(row, uraian_col or 0)
        if starts_step or not steps:
            steps.append(raw)
        else:
            _absorb(grid, header, steps[-1], row)
    return steps


def read_typed_rows(grid: SheetGrid, header: TableHeader, notes: Notes) -> list[RawStep]:
    """A hand-typed table: numbered rows are steps; see the module text for the rest."""
    no_col = header.col(Col.NO)
    rows = _content_rows(grid, header, _MAX_BLANK_RUN)
    numbered = no_col is not None and any(step_number(grid.value(r, no_col)) for r in rows)
    if numbered:
        return _read_numbered(grid, header, notes)
    return _read_unnumbered(grid, header)
