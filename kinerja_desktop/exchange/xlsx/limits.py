"""The caps on a workbook someone sent us: how much work any file may cost.

Every number is checked *while* the file is read (`prescan` counts as it
inflates and parses, and stops at the first cap passed), never after, so a
small hostile file cannot make the program spend minutes or gigabytes before
it is refused. The defaults are far above what a real SOP workbook or
data-kinerja form needs (measured: a typed SOP ≈ 30 KB of XML, 2,000 cells;
a form for one unit ≈ 3,000 cells) and far below what would hurt an office
PC: the project's hostile corpus stays under 10 s and 300 MB each
(`benchmarks/hostile_benchmark.py`).

A domain reader may pass its own `Limits` (e.g. tighter for a small form);
`dataclasses.replace(DEFAULT_LIMITS, max_rows=500)`.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one workbook may hold (see the module docstring)."""

    max_file_bytes: int = 20 * MB  # the .xlsx file itself
    max_uncompressed_bytes: int = 50 * MB  # all parts together, as inflated
    max_part_bytes: int = 16 * MB  # one part (a sheet, styles …), as inflated
    max_shared_strings_bytes: int = 8 * MB  # xl/sharedStrings.xml, as inflated
    max_zip_entries: int = 1000
    max_elements: int = 600_000  # XML elements in one part (openpyxl: ~6 µs each)
    max_total_elements: int = 1_500_000  # XML elements in the whole workbook
    max_style_elements: int = 100_000  # XML elements in xl/styles.xml (openpyxl is slow there)
    max_depth: int = 64  # nesting of XML elements (a real workbook: < 20)
    max_shared_strings: int = 200_000  # <si> entries
    max_sheets: int = 30
    max_rows: int = 2000  # rows read per sheet (more are reported as truncated)
    max_cols: int = 64  # columns read per sheet
    max_cells: int = 200_000  # <c> cells in the whole workbook (each costs openpyxl ~10 µs)
    max_merges: int = 10_000  # merged areas in the whole workbook
    max_merge_area: int = 200_000  # cells covered by merges (within the rows/columns read)
    max_cell_chars: int = 32_767  # characters in one cell: Excel's own limit


DEFAULT_LIMITS = Limits()
