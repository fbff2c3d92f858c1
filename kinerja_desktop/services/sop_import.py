"""Importing an SOP workbook, the service half: the preview the user reads
before anything is stored, and storing it as a new SOP, a revision or a copy.

The preview has the services' own types (`ImportPreview`, `ImportNote`), so
the CLI and the window never see `exchange`'s: the reader's notes come first,
then the service's own (status that will change, a same-judul SOP without
nomor, …), all with a level, a message and, where it concerns one step, the
step number.

An import never overwrites: an SOP is "the same" when it has the same nomor
or — when the workbook has no nomor — when it has no nomor either and the
same judul; then the caller must choose "revisi" or "salinan".
`SopService.preview_import` and `apply_import` are the entry points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KinerjaError, ValidationError
from ..core.sop import SopDocument, SopStatus
from ..core.sop.checker import Finding, errors_of
from ..store import sops
from ..store.models import SopRow
from .sop_types import SopSummary, describe, summary_of

if TYPE_CHECKING:
    from ..exchange.sop_xlsx import SopImport

IMPORT_MODES = ("revisi", "salinan")
COPY_MARK = "salinan"

INFO = "info"
RAGU = "ragu"
MASALAH = "masalah"


@dataclass(frozen=True)
class ImportNote:
    """One line of the import report: level "info" | "ragu" | "masalah"."""

    level: str
    message: str
    step: int | None = None


@dataclass
class ImportPreview:
    """What an import would bring in; nothing has been written yet.

    `notes`: the reader's notes, then the service's; `conflicts`: the SOPs the
    workbook is taken to be (same nomor, or no nomor and same judul);
    `layout`: "kinerja" (our own export) or "ketik" (typed by hand).
    """

    document: SopDocument
    layout: str
    notes: list[ImportNote]
    conflicts: list[SopSummary]
    findings: list[Finding]
    source: Path | None = field(default=None)


class ImportConflictError(KinerjaError):
    """The imported SOP is already stored (same nomor, or no nomor and same
    judul) and no mode was chosen."""

    def __init__(self, message: str, conflicts: list[SopSummary]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


def make_preview(
    result: SopImport, conflicts: list[SopRow], findings: list[Finding], source: Path | None
) -> ImportPreview:
    doc = result.document
    notes = [ImportNote(n.level, n.message, n.step) for n in result.notes]
    notes += service_notes(doc, conflicts, findings)
    summaries = [summary_of(r) for r in conflicts]
    return ImportPreview(doc, result.layout, notes, summaries, findings, source)


def service_notes(
    doc: SopDocument, conflicts: list[SopRow], findings: list[Finding]
) -> list[ImportNote]:
    """What the service will do differently from what the workbook says."""
    notes: list[ImportNote] = []
    if conflicts and not doc.nomor.strip():
        ids = ", ".join(str(r.id) for r in conflicts)
        notes.append(
            ImportNote(
                MASALAH,
                f"SOP ini tidak bernomor, dan SOP tanpa nomor berjudul '{doc.judul.strip()}' "
                f"sudah ada (id {ids}): pilih revisi atau salinan.",
            )
        )
    if SopStatus(doc.status) is SopStatus.BERLAKU:
        errors = errors_of(findings)
        if errors:
            notes.append(
                ImportNote(
                    MASALAH,
                    f"SOP ini bertanda Berlaku, tetapi pemeriksaan menemukan {len(errors)} "
                    "kesalahan: SOP disimpan sebagai Draf sampai kesalahannya diperbaiki.",
                )
            )
        elif conflicts:
            notes.append(
                ImportNote(
                    INFO,
                    "SOP ini bertanda Berlaku; sebagai revisi atau salinan ia disimpan "
                    "sebagai Draf dan diberlakukan sesudah diperiksa.",
                )
            )
    return notes


def check_mode(mode: str | None) -> None:
    if mode is not None and mode not in IMPORT_MODES:
        raise ValidationError(f"Cara impor '{mode}' tidak dikenal; pilih: revisi atau salinan.")


def conflict_error(doc: SopDocument, conflicts: list[SopRow]) -> ImportConflictError:
    names = "; ".join(f"id {r.id} '{r.judul}'" for r in conflicts)
    if doc.nomor.strip():
        what = f"Nomor SOP '{doc.nomor}' sudah dipakai ({names})."
    else:
        what = f"SOP tanpa nomor berjudul '{doc.judul.strip()}' sudah ada ({names})."
    return ImportConflictError(
        f"{what} Tidak ada yang disimpan; pilih: revisi atau salinan.",
        [summary_of(r) for r in conflicts],
    )


def store_as_revision(
    doc: SopDocument, conflicts: list[SopRow], note: str, now: datetime
) -> tuple[int, str]:
    """A new draft revision of the one SOP the document is taken to be; its
    Tanggal Revisi is the workbook's (today when it has none)."""
    nomor = doc.nomor.strip()
    if not conflicts:
        if nomor:
            raise ValidationError(
                f"Tidak ada SOP bernomor '{doc.nomor}' yang dapat direvisi; impor sebagai SOP baru."
            )
        raise ValidationError(
            f"SOP ini tidak bernomor, dan tidak ada SOP tanpa nomor berjudul '{doc.judul.strip()}' "
            "yang dapat direvisi. Isi Nomor SOP di berkasnya, atau impor sebagai SOP baru."
        )
    if len(conflicts) > 1:
        ids = ", ".join(str(r.id) for r in conflicts)
        what = (
            f"Nomor SOP '{doc.nomor}' dipakai oleh"
            if nomor
            else f"Judul '{doc.judul.strip()}' dipakai"
        )
        raise ValidationError(
            f"{what} lebih dari satu SOP (id {ids}); tidak jelas mana yang direvisi. "
            "Perbaiki nomor SOP itu dulu."
        )
    row = conflicts[0]
    tanggal = doc.tanggal_revisi or date.today()
    number = sops.add_revision(row, doc, note, tanggal, now)
    return row.id, f"SOP diimpor sebagai revisi ke-{number}: {describe(row.nomor, row.judul)}"


def as_copy(doc: SopDocument) -> SopDocument:
    """The document as a separate draf SOP, its nomor — or, without nomor, its
    judul — marked as a copy so the two are told apart in every list."""
    copy = sops.prepared(doc, SopStatus.DRAF, doc.revisi_ke)
    by_nomor = bool(doc.nomor.strip())
    base = (doc.nomor if by_nomor else doc.judul).strip()
    candidate, n = f"{base} ({COPY_MARK})", 2
    while _taken(candidate, by_nomor):
        candidate = f"{base} ({COPY_MARK} {n})"
        n += 1
    if by_nomor:
        copy.nomor = candidate
    else:
        copy.judul = candidate
    return copy


def _taken(candidate: str, by_nomor: bool) -> bool:
    if by_nomor:
        return bool(sops.rows_with_nomor(candidate))
    return bool(sops.rows_without_nomor_titled(candidate))
