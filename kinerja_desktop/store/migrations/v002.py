"""Step 2: `staff.catatan` and an index on the audit log by record.

`staff.catatan` is the note `core.office.Staff` carries; the index serves a
record's history (its audit entries).

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE staff ADD COLUMN catatan TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)",
)
