"""Names of the kinds of record, as used in change notifications and audit rows.

A subscriber hears `(entity, id)`; id None means several or all records of
that entity; DATABASE means everything may have changed (a restore).
"""

from __future__ import annotations

SOP = "sop"
OFFICE_PROFILE = "office_profile"
UNIT = "unit"
STAFF = "staff"
DATABASE = "database"
KINERJA_PLAN = "kinerja_plan"  # Renstra, nodes, indicators, targets, pagu, PK
KINERJA_ROUND = "kinerja_round"  # rounds and their issued forms
KINERJA_VALUE = "kinerja_value"  # values and import batches
KINERJA_REPORT = "kinerja_laporan"  # report texts and frozen report versions
