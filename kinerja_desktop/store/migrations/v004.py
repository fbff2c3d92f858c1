"""Step 4: the SOP bin, the nomor key and a stable SOP code.

* `sop.deleted_at`: when the SOP was moved to the bin ("Sampah"); NULL for an
  SOP in use. SOPs in the bin are left out of lists, the Buku SOP, nomor
  conflicts and imports until restored or the bin is emptied.
* `sop.nomor_key`: the nomor as the checker compares nomors (A–Z case and
  spaces do not count, `core.sop.checker.normalize_nomor`), indexed, so
  "is this nomor taken?" is one indexed lookup however many SOPs there are.
  Old rows get it computed here in SQL, which matches normalize_nomor
  exactly (SQLite's lower() folds only A–Z, like the Python key).
* `sop.uid`: a random code that never changes, written into every Excel
  export, so a workbook brought back finds its SOP even when its nomor or
  judul was filled in or changed meanwhile.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

_KEY = (
    "lower(replace(replace(replace(replace(replace(nomor, ' ', ''), char(9), ''), "
    "char(10), ''), char(13), ''), char(160), ''))"
)

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE sop ADD COLUMN deleted_at TEXT",
    "ALTER TABLE sop ADD COLUMN nomor_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sop ADD COLUMN uid TEXT NOT NULL DEFAULT ''",
    f"UPDATE sop SET nomor_key = {_KEY}",
    "UPDATE sop SET uid = lower(hex(randomblob(16)))",
    "CREATE INDEX sop_nomor_key ON sop (nomor_key)",
    "CREATE INDEX sop_deleted_at ON sop (deleted_at)",
    "CREATE UNIQUE INDEX sop_uid ON sop (uid) WHERE uid <> ''",
)
