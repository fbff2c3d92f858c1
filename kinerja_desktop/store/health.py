"""The health check of an open database, as raw findings.

`check(db)` runs `PRAGMA integrity_check` (the file's structure),
`PRAGMA foreign_key_check` (records pointing at records that are gone) and a
look for SOP records whose latest revision, or revision in force, is missing.
The words the user reads are the services' job; here are the facts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from peewee import SqliteDatabase

from .sqlite_files import integrity_problems


@dataclass(frozen=True)
class BrokenLink:
    """A row of `table` whose foreign key points at a missing row of `parent`."""

    table: str
    rowid: int | None
    parent: str


@dataclass(frozen=True)
class MissingRevision:
    """An SOP record naming a revision that is not stored."""

    sop_id: int
    revisi_ke: int
    in_force: bool  # the pointer to the revision in force (else: the latest revision)


@dataclass
class HealthReport:
    structure: list[str] = field(default_factory=list)  # SQLite's own lines
    broken_links: list[BrokenLink] = field(default_factory=list)
    missing_revisions: list[MissingRevision] = field(default_factory=list)
    unreadable: str | None = None  # SQLite's error when the check itself could not finish

    @property
    def healthy(self) -> bool:
        return not (
            self.structure or self.broken_links or self.missing_revisions or self.unreadable
        )


_MISSING = """
    SELECT s.id, s.{column} FROM sop s
    WHERE s.{column} IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM sop_revision r WHERE r.sop_id = s.id AND r.revisi_ke = s.{column}
    ) ORDER BY s.id
"""


def check(db: SqliteDatabase) -> HealthReport:
    """Everything found wrong with `db` (empty report: sound)."""
    report = HealthReport()
    try:
        conn = db.connection()
        report.structure = integrity_problems(conn)
        report.broken_links = [
            BrokenLink(table, rowid, parent)
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
        ]
        if not report.structure:
            report.missing_revisions = _missing_revisions(conn)
    except sqlite3.DatabaseError as exc:
        report.unreadable = str(exc)
    return report


def _missing_revisions(conn: sqlite3.Connection) -> list[MissingRevision]:
    found = [
        MissingRevision(sop_id, revisi, in_force)
        for column, in_force in (("revisi_ke", False), ("revisi_berlaku", True))
        for sop_id, revisi in conn.execute(_MISSING.format(column=column))
    ]
    return sorted(found, key=lambda m: (m.sop_id, m.in_force))
