"""What the SOP use cases hand out: summaries, revision lists, records, and
the small helpers that name an SOP the same way everywhere.

Re-exported by `services.sop_service`, where callers import them from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..core.sop import SopDocument, SopStatus
from ..store.sops import StoredSop

SUPERSEDED_LABEL = "Digantikan"


@dataclass(frozen=True)
class SopSummary:
    """One SOP in a list. nomor, judul, unit and jumlah_langkah are those of
    the latest revision (`revisi_ke`, the one edited); `status` is the SOP's
    own (berlaku exactly when a revision is in force); `revisi_berlaku` is the
    revision in force, None when none is."""

    id: int
    nomor: str
    judul: str
    status: SopStatus
    jumlah_langkah: int
    revisi_ke: int
    unit: str
    diperbarui: datetime
    revisi_berlaku: int | None = None
    dihapus: datetime | None = None  # in the bin since (None: in use)

    @property
    def has_pending_revision(self) -> bool:
        """A newer revision is being prepared while an older one is in force."""
        return self.revisi_berlaku is not None and self.revisi_ke != self.revisi_berlaku

    @property
    def can_approve(self) -> bool:
        """The latest revision is not the one in force: "Nyatakan berlaku" applies."""
        return self.dihapus is None and self.revisi_berlaku != self.revisi_ke

    @property
    def can_withdraw(self) -> bool:
        return self.dihapus is None and self.revisi_berlaku is not None

    @property
    def can_delete(self) -> bool:
        """Only an SOP with no revision in force goes to the bin."""
        return self.dihapus is None and self.revisi_berlaku is None

    @property
    def status_label(self) -> str:
        """'Berlaku', or 'Berlaku, rev. 1 draf' while a new revision is prepared."""
        if self.has_pending_revision:
            return f"{self.status.label}, rev. {self.revisi_ke} draf"
        return self.status.label


@dataclass(frozen=True)
class RevisionInfo:
    """One line of an SOP's revision history.

    `status` is the revision's own (as stored with it); `berlaku` says whether
    it is the revision in force now. A revision whose status is berlaku but
    that is no longer in force was superseded by a newer one ("Digantikan").
    """

    revisi_ke: int
    tanggal: date | None
    catatan: str
    dibuat: datetime
    content_hash: str
    status: SopStatus = SopStatus.DRAF
    berlaku: bool = False

    @property
    def superseded(self) -> bool:
        return self.status is SopStatus.BERLAKU and not self.berlaku

    @property
    def label(self) -> str:
        """The word for lists: Draf, Berlaku, Digantikan or Dicabut."""
        return SUPERSEDED_LABEL if self.superseded else self.status.label


@dataclass(frozen=True)
class SopRecord:
    """An SOP: its latest revision's document, its history, and which
    revision is in force (None: none)."""

    id: int
    document: SopDocument
    revisions: list[RevisionInfo]
    revisi_berlaku: int | None = None


def summary_of(row: StoredSop) -> SopSummary:
    return SopSummary(
        id=row.id,
        nomor=row.nomor,
        judul=row.judul,
        status=row.status,
        jumlah_langkah=row.jumlah_langkah,
        revisi_ke=row.revisi_ke,
        unit=row.unit,
        diperbarui=row.updated_at,
        revisi_berlaku=row.revisi_berlaku,
        dihapus=row.deleted_at,
    )


def _natural(text: str) -> tuple[tuple[int, Any], ...]:
    parts = re.split(r"(\d+)", text.strip().casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def list_order(row: StoredSop | SopSummary) -> tuple[Any, ...]:
    """By nomor (numbers compared as numbers; no nomor last), then judul."""
    return (not row.nomor.strip(), _natural(row.nomor), row.judul.casefold(), row.id)


def describe(nomor: str, judul: str) -> str:
    """'096/MB/2023 — Pengumpulan Data Kinerja' (or whichever part exists)."""
    parts = [p for p in (nomor.strip(), judul.strip()) if p]
    return " — ".join(parts) or "(tanpa nomor dan judul)"


def sop_label(sop_id: int, doc: SopDocument) -> str:
    """'SOP 3 (096/MB/2023)': how reports name an SOP (nomor, else judul)."""
    return f"SOP {sop_id} ({doc.nomor or doc.judul or 'tanpa nomor'})"
