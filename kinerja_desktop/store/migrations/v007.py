"""Step 7: the audit log says who did what, with the values before and after.

`audit_log` gets `hash_version` (1 for every row written so far, whose hash
stays as it was computed: old rows still verify), `actor` (who recorded the
change: the user at the desk, or the official a step names), and
`before_json` / `after_json` (the values a change replaced and wrote, as
JSON, NULL when not told). Rows written from now on are hash version 2,
whose hash covers the actor and both values too (`store.audit`).

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE audit_log ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE audit_log ADD COLUMN actor TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit_log ADD COLUMN before_json TEXT",
    "ALTER TABLE audit_log ADD COLUMN after_json TEXT",
    "CREATE INDEX audit_log_actor ON audit_log (actor)",
)
