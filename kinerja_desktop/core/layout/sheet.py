"""The table of one flowchart page as drawing primitives: header, grid, cell texts.

The header is repeated at the top of every page, then one row per step. When
the flow arrives from another page, the first row's cells are taller by a
strip at their top holding the incoming off-page connectors (no line of its
own: it is not a row). Lines of the grid are plain `Line`s, the header cells
filled `Box`es, and the whole table is framed by one `Box`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .columns import ColumnPlan
from .primitives import Anchor, Box, Line, Rect, Row, TextRun
from .style import FRAME, GRID
from .table import CELL_KEYS, Header, RowText, cell_padding
from .text import place_lines


@dataclass
class SheetParts:
    boxes: list[Box]
    lines: list[Line]
    texts: list[TextRun]
    table_rect: Rect


def header_parts(header: Header, plan: ColumnPlan, top: float) -> tuple[list[Box], list[TextRun]]:
    boxes: list[Box] = []
    texts: list[TextRun] = []
    pad = plan.metrics.pad_x
    for cell in header.cells:
        r = Rect(cell.rect.x, top + cell.rect.y, cell.rect.w, cell.rect.h)
        boxes.append(Box(r, fill=cell.fill, stroke=True, line_width=GRID))
        texts.extend(
            place_lines(
                cell.text,
                r.x,
                r.w,
                r.y,
                r.h,
                anchor=Anchor.MIDDLE,
                pad_x=min(pad, r.w * 0.1),
                role=cell.role,
            )
        )
    return boxes, texts


def sheet_parts(
    plan: ColumnPlan,
    header: Header,
    top: float,
    rows: list[tuple[Row, RowText]],
) -> SheetParts:
    """Everything of the table on one page except symbols and connectors."""
    boxes, texts = header_parts(header, plan, top)
    left = plan.columns[0].x
    right = plan.columns[-1].x + plan.columns[-1].w
    body_top = top + header.height
    lines: list[Line] = []
    bottom = rows[-1][0].y + rows[-1][0].h if rows else body_top
    for col in plan.columns[1:]:
        if bottom > body_top:
            lines.append(Line((col.x, body_top), (col.x, bottom), GRID))
    for row, _ in rows[1:]:
        lines.append(Line((left, row.y), (right, row.y), GRID))
    for row, text in rows:
        texts.extend(_row_texts(plan, row, text))
    table = Rect(left, top, right - left, bottom - top)
    boxes.append(Box(table, fill=None, stroke=True, line_width=FRAME))
    return SheetParts(boxes, lines, texts, table)


def _row_texts(plan: ColumnPlan, row: Row, text: RowText) -> list[TextRun]:
    out: list[TextRun] = []
    for key, anchor in CELL_KEYS:
        col = plan.column(key)
        out.extend(
            place_lines(
                text.cells[key],
                col.x,
                col.w,
                row.y,
                row.h,
                anchor=anchor,
                pad_x=cell_padding(col, plan),
                role=key,
                step_id=row.step_id,
            )
        )
    return out
