"""Importing an SOP workbook, the service half: the preview the user reads
before anything is stored, and storing it as a new SOP, a revision or a copy.

The preview has the services' own types (`ImportPreview`, `ImportNote`), so
the CLI and the window never see `exchange`'s: the reader's notes come first,
then the service's own (status that will change, a same-judul SOP without
nomor, …), all with a level, a message and, where it concerns one step, the
step number.

Which stored SOP a workbook is ("the target"): the SOP whose code the
workbook carries (our own exports carry it, so a workbook whose nomor was
filled in or changed still finds its SOP); otherwise the SOP with the same
nomor, or — when the workbook has no nomor — the SOP without nomor with the
same judul. SOPs in the bin are never a target. With a target the preview
lists what changed against its latest revision (`core.sop.diff`); a workbook
with no change offers nothing to save.

An import never overwrites: with a target the caller must choose "revisi"
(a new revision of it) or "salinan" (a separate SOP).
`SopService.preview_import` and `apply_import` are the entry points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.errors import KinerjaError, ValidationError
from ..core.sop import SopDocument, SopStatus
from ..core.sop.checker import Finding, errors_of, has_errors
from ..core.sop.diff import DocumentDiff, diff_documents
from ..store import sops
from ..store.sops import StoredSop
from . import sop_checks
from .sop_types import SopSummary, describe, summary_of

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

    `notes`: the reader's notes (`reader_notes`), then the service's;
    `conflicts`: the stored SOPs the workbook is taken to be (see the module
    docstring); `layout`: "kinerja" (our own export) or "ketik" (typed by
    hand); `sop_code`: the code of the SOP it was exported from;
    `diff`: what changed against the one target's latest revision (None
    without exactly one target); `by_code`: the target was found by code.
    """

    document: SopDocument
    layout: str
    notes: list[ImportNote]
    conflicts: list[SopSummary]
    findings: list[Finding]
    source: Path | None = field(default=None)
    sop_code: str = ""
    diff: DocumentDiff | None = None
    by_code: bool = False
    reader_notes: list[ImportNote] = field(default_factory=list)

    @property
    def target(self) -> SopSummary | None:
        """The one stored SOP this workbook revises, when there is exactly one."""
        return self.conflicts[0] if len(self.conflicts) == 1 else None

    @property
    def unchanged(self) -> bool:
        """The workbook holds exactly what its stored SOP holds: nothing to save."""
        return self.diff is not None and self.diff.is_empty


class ImportConflictError(KinerjaError):
    """The imported SOP is already stored (same code, same nomor, or no nomor
    and same judul) and no mode was chosen."""

    def __init__(self, message: str, conflicts: list[SopSummary]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


class ImportUnchangedError(ValidationError):
    """The workbook holds exactly what the stored SOP holds: nothing is saved."""


def find_targets(doc: SopDocument, sop_code: str) -> tuple[list[StoredSop], bool]:
    """The stored SOPs the document is taken to be, and whether found by code."""
    by_code = sops.with_uid(sop_code)
    if by_code is not None:
        return [by_code], True
    return sops.same_sop_rows(doc.nomor, doc.judul), False


def build_preview(
    doc: SopDocument,
    *,
    layout: str,
    reader_notes: list[ImportNote],
    source: Path | None,
    sop_code: str = "",
) -> ImportPreview:
    """The preview of `doc` against what is stored (inside a reading scope)."""
    conflicts, by_code = find_targets(doc, sop_code)
    target = conflicts[0].id if len(conflicts) == 1 else None
    findings = sop_checks.run_checker(doc, target)
    diff = diff_documents(sops.current_document(target), doc) if target is not None else None
    notes = list(reader_notes) + service_notes(doc, conflicts, findings, by_code, diff)
    return ImportPreview(
        doc,
        layout,
        notes,
        [summary_of(r) for r in conflicts],
        findings,
        source,
        sop_code,
        diff,
        by_code,
        list(reader_notes),
    )


def store(preview: ImportPreview, mode: str | None, catatan: str, now: datetime) -> tuple[int, str]:
    """Store what `preview` read (inside a write scope); the SOP's id and the audit text."""
    doc = preview.document
    where = f" dari {preview.source.name}" if preview.source else ""
    note = catatan or f"Diimpor{where}"
    conflicts, by_code = find_targets(doc, preview.sop_code)
    if len(conflicts) == 1 and diff_documents(sops.current_document(conflicts[0].id), doc).is_empty:
        raise unchanged_error(conflicts[0])
    if mode == "revisi":
        sop_id, text = store_as_revision(doc, conflicts, note, now)
        return sop_id, text.replace("SOP diimpor", f"SOP diimpor{where}", 1)
    if mode == "salinan" and conflicts:
        row = sops.insert(as_copy(doc), note, now)
        return row.id, f"SOP diimpor{where} sebagai salinan: {describe(row.nomor, row.judul)}"
    if conflicts:
        raise conflict_error(doc, conflicts, by_code)
    demoted = SopStatus(doc.status) is SopStatus.BERLAKU and has_errors(
        sop_checks.run_checker(doc, None)
    )
    if demoted:
        doc = sops.prepared(doc, SopStatus.DRAF, doc.revisi_ke)
    row = sops.insert(doc, note, now)
    text = f"SOP diimpor{where}: {describe(row.nomor, row.judul)}"
    if demoted:
        text += " (disimpan sebagai draf karena pemeriksaan menemukan kesalahan)"
    return row.id, text


def service_notes(
    doc: SopDocument,
    conflicts: list[StoredSop],
    findings: list[Finding],
    by_code: bool = False,
    diff: DocumentDiff | None = None,
) -> list[ImportNote]:
    """What the service will do differently from what the workbook says."""
    notes: list[ImportNote] = []
    if by_code and conflicts:
        row = conflicts[0]
        notes.append(
            ImportNote(
                INFO,
                f"Buku kerja ini diekspor dari SOP {row.id} ({describe(row.nomor, row.judul)}); "
                "perubahannya dibandingkan dengan SOP itu.",
            )
        )
    elif conflicts and not doc.nomor.strip():
        ids = ", ".join(str(r.id) for r in conflicts)
        notes.append(
            ImportNote(
                MASALAH,
                f"SOP ini tidak bernomor, dan SOP tanpa nomor berjudul '{doc.judul.strip()}' "
                f"sudah ada (id {ids}): pilih revisi atau salinan.",
            )
        )
    if diff is not None and diff.is_empty:
        notes.append(
            ImportNote(
                INFO, "Tidak ada perubahan dibanding SOP yang tersimpan: tidak ada yang disimpan."
            )
        )
    if SopStatus(doc.status) is SopStatus.BERLAKU:
        notes += _status_notes(findings, bool(conflicts))
    return notes


def _status_notes(findings: list[Finding], has_target: bool) -> list[ImportNote]:
    errors = errors_of(findings)
    if errors:
        return [
            ImportNote(
                MASALAH,
                f"SOP ini bertanda Berlaku, tetapi pemeriksaan menemukan {len(errors)} "
                "kesalahan: SOP disimpan sebagai Draf sampai kesalahannya diperbaiki.",
            )
        ]
    if has_target:
        return [
            ImportNote(
                INFO,
                "SOP ini bertanda Berlaku; sebagai revisi atau salinan ia disimpan "
                "sebagai Draf. Nyatakan berlaku sesudah diperiksa.",
            )
        ]
    return []


def check_mode(mode: str | None) -> None:
    if mode is not None and mode not in IMPORT_MODES:
        raise ValidationError(f"Cara impor '{mode}' tidak dikenal; pilih: revisi atau salinan.")


def conflict_error(
    doc: SopDocument, conflicts: list[StoredSop], by_code: bool = False
) -> ImportConflictError:
    names = "; ".join(f"id {r.id} '{r.judul}'" for r in conflicts)
    if by_code:
        what = f"Buku kerja ini diekspor dari SOP yang sudah tersimpan ({names})."
    elif doc.nomor.strip():
        what = f"Nomor SOP '{doc.nomor}' sudah dipakai ({names})."
    else:
        what = f"SOP tanpa nomor berjudul '{doc.judul.strip()}' sudah ada ({names})."
    return ImportConflictError(
        f"{what} Tidak ada yang disimpan; pilih: revisi atau salinan.",
        [summary_of(r) for r in conflicts],
    )


def unchanged_error(row: StoredSop) -> ImportUnchangedError:
    return ImportUnchangedError(
        f"Isi buku kerja sama dengan SOP {row.id} ({describe(row.nomor, row.judul)}) yang "
        "tersimpan: tidak ada perubahan, tidak ada yang disimpan."
    )


def store_as_revision(
    doc: SopDocument, conflicts: list[StoredSop], note: str, now: datetime
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
    number = sops.add_revision(row.id, doc, note, tanggal, now)
    label = describe(doc.nomor, doc.judul)
    return row.id, f"SOP diimpor sebagai revisi ke-{number}: {label}"


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
        return bool(sops.with_nomor(candidate))
    return bool(sops.without_nomor_titled(candidate))
