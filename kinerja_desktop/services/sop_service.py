"""SOP use cases: list, read, create, edit, revise, change status, delete,
check, export and import.

Rules kept here:

* a draf is edited in place (`save`); an SOP that is berlaku or dicabut is
  changed only through a new revision (`new_revision`), which starts as a draf
  and leaves every older revision exactly as it was;
* status: an SOP becomes berlaku (by `set_status`, `create` or an import)
  only when the checker finds no kesalahan — an imported SOP marked berlaku
  that has kesalahan comes in as a draf, and the audit row says so;
  it never goes back to draf except through a new revision; it can be
  dicabut (withdrawn) at any time; an SOP in force cannot be deleted;
* an import never overwrites: when its nomor is already used, the caller must
  choose "revisi" (a new revision of that SOP) or "salinan" (a separate SOP
  whose nomor gets the mark " (salinan)", so the two are told apart in every
  list; the copy starts as a draf).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.checker import Finding, Severity, check_sop, has_errors
from ..core.errors import KinerjaError, NotFoundError, ValidationError
from ..core.sop import SopDocument, SopStatus
from ..store import office as office_store
from ..store import sops
from ..store.models import SopRow
from .entities import SOP
from .session import Session

if TYPE_CHECKING:
    from ..exchange.sop_xlsx import SopImport

IMPORT_MODES = ("revisi", "salinan")
COPY_MARK = "salinan"


@dataclass(frozen=True)
class SopSummary:
    id: int
    nomor: str
    judul: str
    status: SopStatus
    jumlah_langkah: int
    revisi_ke: int
    unit: str
    diperbarui: datetime


@dataclass(frozen=True)
class RevisionInfo:
    revisi_ke: int
    tanggal: date | None
    catatan: str
    dibuat: datetime
    content_hash: str


@dataclass(frozen=True)
class SopRecord:
    id: int
    document: SopDocument
    revisions: list[RevisionInfo]


@dataclass
class ImportPreview:
    """What an import would bring in; nothing has been written yet."""

    result: SopImport
    conflicts: list[SopSummary]
    findings: list[Finding]
    source: Path | None = field(default=None)


class ImportConflictError(KinerjaError):
    """The imported SOP's nomor is already used and no mode was chosen."""

    def __init__(self, message: str, conflicts: list[SopSummary]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


def summary_of(row: SopRow) -> SopSummary:
    return SopSummary(
        id=row.id,
        nomor=row.nomor,
        judul=row.judul,
        status=SopStatus(row.status),
        jumlah_langkah=row.jumlah_langkah,
        revisi_ke=row.revisi_ke,
        unit=row.unit,
        diperbarui=row.updated_at,
    )


def _natural(text: str) -> tuple[tuple[int, Any], ...]:
    parts = re.split(r"(\d+)", text.strip().casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def list_order(row: SopRow) -> tuple[Any, ...]:
    """By nomor (numbers compared as numbers; no nomor last), then judul."""
    return (not row.nomor.strip(), _natural(row.nomor), row.judul.casefold(), row.id)


def describe(nomor: str, judul: str) -> str:
    """'096/MB/2023 — Pengumpulan Data Kinerja' (or whichever part exists)."""
    parts = [p for p in (nomor.strip(), judul.strip()) if p]
    return " — ".join(parts) or "(tanpa nomor dan judul)"


class SopService:
    """The SOPs of one database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- reading ---------------------------------------------------------------
    def list_sops(self) -> list[SopSummary]:
        with self._session.reading():
            return [summary_of(r) for r in sorted(sops.all_rows(), key=list_order)]

    def get(self, sop_id: int) -> SopRecord:
        with self._session.reading():
            row = self._row(sop_id)
            infos = [
                RevisionInfo(r.revisi_ke, r.tanggal, r.catatan, r.created_at, r.content_hash)
                for r in sops.revisions(row)
            ]
            return SopRecord(row.id, sops.current_document(row), infos)

    def get_revision(self, sop_id: int, revisi_ke: int) -> SopDocument:
        """A revision exactly as it was stored."""
        with self._session.reading():
            rev = sops.revision(self._row(sop_id), revisi_ke)
            if rev is None:
                raise NotFoundError(f"SOP dengan id {sop_id} tidak memiliki revisi ke-{revisi_ke}.")
            return sops.document_of(rev)

    def documents(self, ids: Sequence[int] | None = None) -> list[tuple[int, SopDocument]]:
        """Current documents: all (in list order) or the given ids in that order."""
        with self._session.reading():
            if ids is None:
                rows = sorted(sops.all_rows(), key=list_order)
            else:
                rows = [self._row(i) for i in ids]
            return [(row.id, sops.current_document(row)) for row in rows]

    # -- writing ---------------------------------------------------------------
    def create(self, doc: SopDocument) -> int:
        """A new SOP; its status as given (berlaku only without kesalahan)."""
        with self._session.writing() as scope:
            if SopStatus(doc.status) is SopStatus.BERLAKU:
                self._require_no_errors(doc, None, describe(doc.nomor, doc.judul))
            row = sops.insert(doc, "Dibuat", datetime.now())
            scope.record("create", SOP, row.id, f"SOP dibuat: {describe(row.nomor, row.judul)}")
        return row.id

    def save(self, sop_id: int, doc: SopDocument) -> None:
        """Overwrite the current revision; only while the SOP is a draf."""
        with self._session.writing() as scope:
            row = self._row(sop_id)
            _require_draft(row)
            sops.replace_current(row, doc, datetime.now())
            scope.record("update", SOP, row.id, f"SOP disimpan: {describe(row.nomor, row.judul)}")

    def new_revision(
        self, sop_id: int, doc: SopDocument, catatan: str, tanggal: date | None = None
    ) -> int:
        """Revision revisi_ke + 1 as a draf; the older revisions are kept as they are."""
        with self._session.writing() as scope:
            row = self._row(sop_id)
            number = sops.add_revision(row, doc, catatan, tanggal or date.today(), datetime.now())
            scope.record(
                "new_revision",
                SOP,
                row.id,
                f"Revisi ke-{number} dibuat: {describe(row.nomor, row.judul)}"
                + (f" ({catatan})" if catatan else ""),
            )
        return number

    def set_status(self, sop_id: int, status: SopStatus) -> None:
        status = SopStatus(status)
        with self._session.writing() as scope:
            row = self._row(sop_id)
            old = SopStatus(row.status)
            if old is status:
                return
            self._check_transition(row, old, status)
            sops.update_status(row, status, datetime.now())
            scope.record(
                "set_status",
                SOP,
                row.id,
                f"Status SOP {describe(row.nomor, row.judul)}: {old.label} → {status.label}",
            )

    def delete(self, sop_id: int) -> None:
        with self._session.writing() as scope:
            row = self._row(sop_id)
            if row.status == SopStatus.BERLAKU.value:
                raise ValidationError(
                    f"SOP {describe(row.nomor, row.judul)} sedang berlaku dan tidak dapat "
                    "dihapus. Cabut dulu (status Dicabut) bila tidak dipakai lagi."
                )
            label = describe(row.nomor, row.judul)
            sops.delete(row)
            scope.record("delete", SOP, sop_id, f"SOP dihapus: {label}")

    # -- checking --------------------------------------------------------------
    def check(self, sop_id: int) -> list[Finding]:
        """The checker's findings on the current revision, against the other SOPs."""
        with self._session.reading():
            doc = sops.current_document(self._row(sop_id))
            return self._run_checker(doc, sop_id)

    def check_document(self, doc: SopDocument, exclude_id: int | None = None) -> list[Finding]:
        """Findings on a document not (yet) stored; `exclude_id` = the SOP it will replace."""
        with self._session.reading():
            return self._run_checker(doc, exclude_id)

    def _run_checker(self, doc: SopDocument, exclude_id: int | None) -> list[Finding]:
        others = [r.nomor for r in sops.all_rows() if r.id != exclude_id and r.nomor.strip()]
        jam = office_store.load_profile().jam_kerja_per_hari
        return check_sop(doc, other_nomors=others, jam_kerja_per_hari=jam)

    def _check_transition(self, row: SopRow, old: SopStatus, new: SopStatus) -> None:
        name = describe(row.nomor, row.judul)
        if new is SopStatus.DRAF:
            raise ValidationError(
                f"SOP {name} berstatus {old.label} dan tidak dapat dikembalikan menjadi draf; "
                "buat revisi baru untuk mengubahnya."
            )
        if new is SopStatus.BERLAKU:
            self._require_no_errors(sops.current_document(row), row.id, name)

    def _require_no_errors(self, doc: SopDocument, exclude_id: int | None, name: str) -> None:
        """ValidationError naming the kesalahan that keep `doc` from coming into force."""
        findings = self._run_checker(doc, exclude_id)
        if has_errors(findings):
            errors = [f.message for f in findings if f.severity is Severity.KESALAHAN]
            raise ValidationError(
                f"SOP {name} belum dapat diberlakukan: pemeriksaan SOP menemukan "
                f"{len(errors)} kesalahan ({'; '.join(errors[:3])}). "
                "Perbaiki dulu kesalahannya."
            )

    # -- Excel -----------------------------------------------------------------
    def export_xlsx(self, sop_id: int, path: Path) -> None:
        # Imported here: openpyxl costs ~85 ms, which only Excel work should pay.
        from ..exchange.sop_xlsx import write_sop_workbook  # noqa: PLC0415

        doc = self.get(sop_id).document
        write_sop_workbook(doc, Path(path))

    def preview_import(self, path: Path) -> ImportPreview:
        """Read a workbook and say what importing it would do; writes nothing."""
        from ..exchange.sop_xlsx import read_sop_workbook  # noqa: PLC0415 (see export_xlsx)

        result = read_sop_workbook(Path(path))
        with self._session.reading():
            conflicts = [summary_of(r) for r in sops.rows_with_nomor(result.document.nomor)]
            findings = self._run_checker(result.document, None)
        return ImportPreview(result, conflicts, findings, Path(path))

    def apply_import(
        self, preview: ImportPreview, mode: str | None = None, catatan: str = ""
    ) -> int:
        """Store what `preview` read; the id of the SOP created or revised.

        mode None: only when no SOP has the same nomor; "revisi": a new
        revision of the SOP with that nomor; "salinan": a separate SOP.
        """
        if mode is not None and mode not in IMPORT_MODES:
            raise ValidationError(f"Cara impor '{mode}' tidak dikenal; pilih: revisi atau salinan.")
        doc = preview.result.document
        where = f" dari {preview.source.name}" if preview.source else ""
        note = catatan or f"Diimpor{where}"
        with self._session.writing() as scope:
            conflicts = sops.rows_with_nomor(doc.nomor)
            if mode == "revisi":
                sop_id, text = self._import_as_revision(doc, conflicts, note)
            elif mode == "salinan" and conflicts:
                row = sops.insert(_as_copy(doc), note, datetime.now())
                sop_id, text = row.id, f"SOP diimpor{where} sebagai salinan: {row.nomor}"
            else:
                if conflicts and mode is None:
                    raise _conflict_error(doc.nomor, conflicts)
                doc, demoted = self._importable(doc)
                row = sops.insert(doc, note, datetime.now())
                sop_id, text = row.id, f"SOP diimpor{where}: {describe(row.nomor, row.judul)}"
                if demoted:
                    text += " (disimpan sebagai draf karena pemeriksaan menemukan kesalahan)"
            scope.record("import", SOP, sop_id, text)
        return sop_id

    def _importable(self, doc: SopDocument) -> tuple[SopDocument, bool]:
        """The document to store, and whether its berlaku status had to become
        draf because the checker finds kesalahan in it."""
        if SopStatus(doc.status) is not SopStatus.BERLAKU:
            return doc, False
        if not has_errors(self._run_checker(doc, None)):
            return doc, False
        return sops.prepared(doc, SopStatus.DRAF, doc.revisi_ke), True

    def _import_as_revision(
        self, doc: SopDocument, conflicts: list[SopRow], note: str
    ) -> tuple[int, str]:
        if not conflicts:
            raise ValidationError(
                f"Tidak ada SOP bernomor '{doc.nomor}' yang dapat direvisi; impor sebagai SOP baru."
            )
        if len(conflicts) > 1:
            ids = ", ".join(str(r.id) for r in conflicts)
            raise ValidationError(
                f"Nomor SOP '{doc.nomor}' dipakai oleh lebih dari satu SOP (id {ids}); "
                "tidak jelas mana yang direvisi. Perbaiki nomor SOP itu dulu."
            )
        row = conflicts[0]
        number = sops.add_revision(row, doc, note, date.today(), datetime.now())
        return row.id, f"SOP diimpor sebagai revisi ke-{number}: {describe(row.nomor, row.judul)}"

    # -- helpers ---------------------------------------------------------------
    def _row(self, sop_id: int) -> SopRow:
        row = sops.get_row(sop_id)
        if row is None:
            raise NotFoundError(f"SOP dengan id {sop_id} tidak ada.")
        return row


def _require_draft(row: SopRow) -> None:
    status = SopStatus(row.status)
    if status is not SopStatus.DRAF:
        raise ValidationError(
            f"SOP {describe(row.nomor, row.judul)} berstatus {status.label}; perubahan atas "
            "SOP yang tidak lagi draf harus dibuat sebagai revisi baru."
        )


def _conflict_error(nomor: str, conflicts: list[SopRow]) -> ImportConflictError:
    names = "; ".join(f"id {r.id} '{r.judul}'" for r in conflicts)
    return ImportConflictError(
        f"Nomor SOP '{nomor}' sudah dipakai ({names}). Tidak ada yang disimpan; "
        "pilih: revisi atau salinan.",
        [summary_of(r) for r in conflicts],
    )


def _as_copy(doc: SopDocument) -> SopDocument:
    """The document as a separate draf SOP, its nomor marked as a copy."""
    copy = sops.prepared(doc, SopStatus.DRAF, doc.revisi_ke)
    base = f"{doc.nomor.strip()} ({COPY_MARK})"
    candidate, n = base, 2
    while sops.rows_with_nomor(candidate):
        candidate = f"{doc.nomor.strip()} ({COPY_MARK} {n})"
        n += 1
    copy.nomor = candidate
    return copy
