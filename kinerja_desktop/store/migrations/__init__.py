"""Numbered schema migrations, kept in `PRAGMA user_version`.

Each step is frozen SQL (never the current models, which move on) and runs
inside its own `db.atomic()` together with the version bump, so a database is
always at exactly one known version: a step either happens whole or not at
all. `store.database` takes a backup with SQLite's backup API before the
first step runs on an existing database.

Each step is one module, `vNNN.py`, holding its frozen `STATEMENTS`. To change
the schema: add `v00N.py`, append it to `STEPS`, raise `SCHEMA_VERSION`, adjust
`store.models`; never edit an old step (databases in the field were made by it).

History:
1. the first schema: office profile, units, staff, SOPs with their revisions
   (the document as JSON), the hash-chained audit log, settings;
2. `staff.catatan` (the note `core.office.Staff` carries) and an index on the
   audit log by record, for a record's history;
3. `sop.revisi_berlaku`: the revision in force, kept apart from the latest
   revision (the one being edited). Set for every SOP whose current revision
   is berlaku, and for SOPs that an earlier version took out of force by
   starting a new revision (the record became draf while an older revision
   still read berlaku): their newest berlaku revision is in force again.
   Likewise an SOP withdrawn and then revised reads dicabut, not draf;
4. `sop.deleted_at` (the bin), `sop.nomor_key` (the indexed nomor as the
   checker compares it) and `sop.uid` (a code that never changes, carried by
   Excel exports).
5. data kinerja part 1: the Renstra plan, indicators with their calculation
   rule, targets, pagu, Perjanjian Kinerja, collection rounds with their
   issued forms, import batches and raw values with provenance and history.
6. data kinerja part 2: validations (`kinerja_value.validasi_id`), Perbaikan
   with their steps, frozen report versions and the per-report texts,
   realisasi anggaran per node and triwulan.
7. the audit log's actor and before/after values, with a hash version so
   the rows written before still verify.
8. for the reports: a covering index of the current values by period, and
   `kinerja_versi`, a token per part of the data (the plan, each year's
   values) that triggers renew on every change.

Two processes may open a new or old file at the same moment: each step
re-reads the version inside its own write transaction (BEGIN IMMEDIATE takes
the write lock first) and is skipped when the other process already applied
it.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from . import v001, v002, v003, v004, v005, v006, v007, v008
from .v001 import APPLICATION_ID

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "STEPS", "V1_TABLES", "migrate", "user_version"]

SCHEMA_VERSION = 8

# The tables every database has had since version 1 (a restore source must have them).
V1_TABLES = frozenset(
    {"office_profile", "unit", "staff", "sop", "sop_revision", "audit_log", "setting"}
)

STEPS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, v001.STATEMENTS),
    (2, v002.STATEMENTS),
    (3, v003.STATEMENTS),
    (4, v004.STATEMENTS),
    (5, v005.STATEMENTS),
    (6, v006.STATEMENTS),
    (7, v007.STATEMENTS),
    (8, v008.STATEMENTS),
)


def user_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(
    db: SqliteDatabase,
    target: int | None = None,
    on_step: Callable[[int], None] | None = None,
) -> int:
    """Bring `db` up to `target` (default: SCHEMA_VERSION), one transaction per
    step; the final version.

    The version is read again inside each step's write transaction, so a step
    another process applied meanwhile is skipped, never run twice.
    `on_step(n)` is called after step n committed (progress, logging).
    """
    target = SCHEMA_VERSION if target is None else target
    version = user_version(db)
    for number, statements in STEPS:
        if not version < number <= target:
            continue
        with db.atomic("IMMEDIATE"):
            version = user_version(db)
            if version >= number:
                continue
            for sql in statements:
                db.execute_sql(sql)
            db.execute_sql(f"PRAGMA user_version = {number}")
        version = number
        if on_step is not None:
            on_step(number)
    return version
