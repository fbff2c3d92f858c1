"""The health check of an open database, as raw findings.

`check(db, path)` runs `PRAGMA integrity_check` (the file's structure),
`PRAGMA foreign_key_check` (records pointing at records that are gone), a
look for SOP records whose latest revision, or revision in force, is missing
— and the tamper checks: the schema against what this version's migrations
build (`store.schema`), the audit chain (`store.audit.verify_chain`), every
stored revision against its content hash and an audit log emptied while
records remain (`store.tamper`), every frozen data-kinerja report version
against its data hash (`store.kinerja.reports`), and the anchor file beside the database
against the chain's head (`store.anchor`: the newest rows cut off).
The words the user reads are the services' job; here are the facts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from . import anchor, audit, migrations, schema, tamper
from .kinerja import reports as kinerja_reports
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
    schema_differences: list[schema.SchemaDifference] = field(default_factory=list)
    chain_breaks: list[audit.ChainBreak] = field(default_factory=list)
    revision_problems: list[tamper.RevisionProblem] = field(default_factory=list)
    audit_missing: bool = False
    anchor_finding: anchor.AnchorFinding | None = None
    report_problems: list[kinerja_reports.VersionProblem] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not (
            self.structure
            or self.broken_links
            or self.missing_revisions
            or self.unreadable
            or self.schema_differences
            or self.chain_breaks
            or self.revision_problems
            or self.audit_missing
            or self.report_problems
            or (self.anchor_finding is not None and self.anchor_finding.is_problem)
        )


_MISSING = """
    SELECT s.id, s.{column} FROM sop s
    WHERE s.{column} IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM sop_revision r WHERE r.sop_id = s.id AND r.revisi_ke = s.{column}
    ) ORDER BY s.id
"""


def check(db: SqliteDatabase, path: Path | None = None) -> HealthReport:
    """Everything found wrong with `db` (empty report: sound); `path` is the
    database file, whose anchor is compared (None: no anchor check)."""
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
            _tamper_checks(report, conn, path)
    except sqlite3.DatabaseError as exc:
        report.unreadable = str(exc)
    return report


def _tamper_checks(report: HealthReport, conn: sqlite3.Connection, path: Path | None) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if 1 <= version <= migrations.SCHEMA_VERSION:
        report.schema_differences = schema.differences(conn, version)
    report.chain_breaks = audit.verify_chain(conn)
    report.revision_problems = tamper.revision_problems(conn)
    report.audit_missing = tamper.audit_missing(conn)
    report.report_problems = kinerja_reports.version_problems(conn)
    if path is not None:
        report.anchor_finding = anchor.check_file(path, conn)


def _missing_revisions(conn: sqlite3.Connection) -> list[MissingRevision]:
    found = [
        MissingRevision(sop_id, revisi, in_force)
        for column, in_force in (("revisi_ke", False), ("revisi_berlaku", True))
        for sop_id, revisi in conn.execute(_MISSING.format(column=column))
    ]
    return sorted(found, key=lambda m: (m.sop_id, m.in_force))
