"""Step 8: the reports read a year's current values from one covering index.

`kinerja_value_laporan` holds (periode, indicator, unit, nilai) of the current
values only (`aktif = 1`): a yearly recap of a large office reads its 48,000
values from the index alone, in period order, instead of looking each row up
in the table (which the values' insertion order scatters).

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    "CREATE INDEX kinerja_value_laporan "
    "ON kinerja_value (periode, indicator_id, unit_id, nilai) WHERE aktif = 1",
)
