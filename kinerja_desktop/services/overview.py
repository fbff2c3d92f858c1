"""Beranda: what needs the user's attention, in one read.

SOPs by status; SOPs the checker finds kesalahan in; SOPs in force whose
tanggal efektif is older than the review period (default twelve months);
drafts waiting to be brought into force (new SOPs and new revisions of SOPs
in force); the latest changes from the audit log. Each SOP item carries its
id so the window can open what it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.dates import format_tanggal
from ..core.sop import SopDocument, SopStatus
from ..core.sop.checker import Finding
from . import sop_checks
from .audit import AuditEntry, AuditService
from .session import Session
from .sop_service import SopService, SopSummary, describe

DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class SopItem:
    """One line of a Beranda list: which SOP, and why it is there."""

    sop_id: int
    label: str  # "096/MB/2023 — Pengumpulan Data Kinerja"
    detail: str


@dataclass(frozen=True)
class Overview:
    by_status: dict[SopStatus, int]
    pending_revisions: int
    with_errors: list[SopItem]
    due_review: list[SopItem]
    drafts: list[SopItem]
    recent: list[AuditEntry]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the last day of a shorter month)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: day 28 exists in every month


class OverviewService:
    """Reads what Beranda shows; writes nothing."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def overview(
        self,
        review_months: int = DEFAULT_REVIEW_MONTHS,
        today: date | None = None,
        recent: int = 12,
    ) -> Overview:
        sops = SopService(self._session)
        summaries = sops.list_sops()
        latest = sops.documents()
        in_force = dict(sops.documents(in_force=True))
        with self._session.reading():  # every nomor read once, each SOP checked once
            errors = sop_checks.errors_by_id(latest)
        by_status = dict.fromkeys(SopStatus, 0)
        for s in summaries:
            by_status[s.status] += 1
        cutoff = months_before(today or date.today(), review_months)
        return Overview(
            by_status=by_status,
            pending_revisions=sum(1 for s in summaries if s.has_pending_revision),
            with_errors=_with_errors(summaries, errors),
            due_review=_due_review(summaries, in_force, cutoff),
            drafts=_drafts(summaries),
            recent=AuditService(self._session).list_entries(recent),
        )


def _label(s: SopSummary) -> str:
    return describe(s.nomor, s.judul)


def _with_errors(summaries: list[SopSummary], errors: dict[int, list[Finding]]) -> list[SopItem]:
    items = []
    for s in summaries:
        found = errors.get(s.id)
        if not found or s.status is SopStatus.DICABUT:
            continue
        more = f" (dan {len(found) - 1} lagi)" if len(found) > 1 else ""
        items.append(SopItem(s.id, _label(s), f"{len(found)} kesalahan: {found[0].message}{more}"))
    return items


def _due_review(
    summaries: list[SopSummary], docs: dict[int, SopDocument], cutoff: date
) -> list[SopItem]:
    items = []
    for s in summaries:
        doc = docs.get(s.id)
        if doc is None or s.status is not SopStatus.BERLAKU:
            continue
        efektif = doc.tanggal_efektif or doc.tanggal_revisi or doc.tanggal_pembuatan
        if efektif is None:
            items.append(SopItem(s.id, _label(s), "tanggal efektif belum diisi"))
        elif efektif <= cutoff:
            items.append(SopItem(s.id, _label(s), f"efektif sejak {format_tanggal(efektif)}"))
    return items


def _drafts(summaries: list[SopSummary]) -> list[SopItem]:
    items = []
    for s in summaries:
        if s.status is SopStatus.DRAF:
            items.append(SopItem(s.id, _label(s), "draf, belum diberlakukan"))
        elif s.has_pending_revision:
            items.append(SopItem(s.id, _label(s), f"revisi ke-{s.revisi_ke} menunggu diberlakukan"))
    return items
