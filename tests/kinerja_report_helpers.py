"""Shared set-up of the report tests: the demo database with triwulan II
validated and one value corrected, and reading printed reports back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pypdf

from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService
from kinerja_desktop.services.kinerja_reports import KinerjaReportService
from kinerja_desktop.services.kinerja_validation import KinerjaValidationService
from kinerja_desktop.services.session import Session
from tests.kinerja_helpers import Clock, demo_session

NOW = datetime(2026, 8, 15, 10, 0)


def report_session(tmp_path: Path) -> Session:
    return demo_session(tmp_path)


def services(session: Session, clock: Clock | None = None):
    clock = clock or Clock(NOW)
    actor = lambda: "siti"  # noqa: E731 - the user at the desk
    return (
        KinerjaValidationService(session, clock, actor),
        KinerjaCorrectionService(session, clock, actor),
        KinerjaReportService(session, clock, actor),
    )


def sign_correction(session: Session, kode: str = "IS.1.3", nilai: str = "7") -> int:
    """Validate triwulan II and take one correction through every step; its id."""
    validation, corrections, _reports = services(session)
    validation.validate("2026-TW2")
    p = corrections.propose(
        "2026-TW2", kode, nilai, alasan="Satu pengaduan belum tercatat", bukti="SP4N-LAPOR! 118"
    )
    for _ in range(3):
        p = corrections.advance(p.id)
    return p.id


def pdf_text(path: Path) -> str:
    """All pages' text, white space collapsed (a phrase wrapped in a cell still reads whole)."""
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def pdf_pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)
