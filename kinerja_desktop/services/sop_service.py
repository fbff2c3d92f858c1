"""SOP use cases: list, read, create, edit, revise, change status, delete,
check, export and import.

An SOP has its latest revision (the one edited) and, separately, the revision
in force (`revisi_berlaku`, None when none is). Rules kept here:

* a draf is edited in place (`save`); a revision that is berlaku or dicabut
  is changed only through a new revision (`new_revision`), which starts as a
  draf and leaves every older revision exactly as it was — and the revision
  in force stays in force meanwhile (the Buku SOP prints it);
* status (`set_status` acts on the latest revision): BERLAKU brings it into
  force — only when the checker finds no kesalahan — and the revision in
  force before is superseded ("Digantikan" in the history); DICABUT withdraws
  the SOP (no revision in force; a draft in preparation stays a draft); a
  revision never goes back to draf; an SOP in force cannot be deleted;
* `create` and an import store a berlaku document in force only without
  kesalahan (an import then comes in as a draf, and its preview says so);
* an import never overwrites (see `services.sop_import`): when the SOP is
  already stored, the caller must choose "revisi" (a new revision of that
  SOP) or "salinan" (a separate draf SOP, its nomor marked " (salinan)").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ..core.errors import NotFoundError, ValidationError
from ..core.sop import SopDocument, SopStatus
from ..core.sop.checker import Finding, check_sop, errors_of, has_errors
from ..store import office as office_store
from ..store import sops
from ..store.models import SopRow
from . import sop_import
from .entities import SOP
from .session import Session
from .sop_import import (
    COPY_MARK,
    IMPORT_MODES,
    ImportConflictError,
    ImportNote,
    ImportPreview,
)
from .sop_types import (
    RevisionInfo,
    SopRecord,
    SopSummary,
    describe,
    list_order,
    sop_label,
    summary_of,
)

__all__ = [
    "COPY_MARK",
    "IMPORT_MODES",
    "ImportConflictError",
    "ImportNote",
    "ImportPreview",
    "RevisionInfo",
    "SopRecord",
    "SopService",
    "SopSummary",
    "describe",
    "list_order",
    "sop_label",
    "summary_of",
]


class SopService:
    """The SOPs of one database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- reading ---------------------------------------------------------------
    def list_sops(self) -> list[SopSummary]:
        with self._session.reading():
            return [summary_of(r) for r in sorted(sops.all_rows(), key=list_order)]

    def get(self, sop_id: int) -> SopRecord:
        """The latest revision's document, the history, the revision in force."""
        with self._session.reading():
            row = self._row(sop_id)
            infos = [
                RevisionInfo(
                    r.revisi_ke,
                    r.tanggal,
                    r.catatan,
                    r.created_at,
                    r.content_hash,
                    sops.document_of(r).status,
                    r.revisi_ke == row.revisi_berlaku,
                )
                for r in sops.revisions(row)
            ]
            return SopRecord(row.id, sops.current_document(row), infos, row.revisi_berlaku)

    def get_revision(self, sop_id: int, revisi_ke: int) -> SopDocument:
        """A revision exactly as it was stored."""
        with self._session.reading():
            rev = sops.revision(self._row(sop_id), revisi_ke)
            if rev is None:
                raise NotFoundError(f"SOP dengan id {sop_id} tidak memiliki revisi ke-{revisi_ke}.")
            return sops.document_of(rev)

    def get_in_force(self, sop_id: int) -> SopDocument | None:
        """The revision in force, or None when the SOP has none."""
        with self._session.reading():
            return sops.document_in_force(self._row(sop_id))

    def documents(
        self, ids: Sequence[int] | None = None, *, in_force: bool = False
    ) -> list[tuple[int, SopDocument]]:
        """All SOPs (in list order) or the given ids in that order: their
        latest revisions, or with `in_force` their revisions in force, leaving
        out SOPs that have none (the Buku SOP)."""
        with self._session.reading():
            return self._documents(ids, in_force)

    def _documents(
        self, ids: Sequence[int] | None, in_force: bool
    ) -> list[tuple[int, SopDocument]]:
        if ids is None:
            rows = sorted(sops.all_rows(), key=list_order)
        else:
            rows = [self._row(i) for i in ids]
        if not in_force:
            return [(row.id, sops.current_document(row)) for row in rows]
        found = [(row.id, sops.document_in_force(row)) for row in rows]
        return [(i, doc) for i, doc in found if doc is not None]

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
        """Overwrite the latest revision; only while it is a draf."""
        with self._session.writing() as scope:
            row = self._row(sop_id)
            _require_draft(row)
            sops.replace_current(row, doc, datetime.now())
            scope.record("update", SOP, row.id, f"SOP disimpan: {describe(row.nomor, row.judul)}")

    def new_revision(
        self, sop_id: int, doc: SopDocument, catatan: str, tanggal: date | None = None
    ) -> int:
        """Revision revisi_ke + 1 as a draf; the older revisions are kept as
        they are, and the revision in force stays in force."""
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
        """BERLAKU: the latest revision comes into force; DICABUT: the SOP is
        withdrawn; DRAF: refused (a new revision is the way back to a draft)."""
        status = SopStatus(status)
        with self._session.writing() as scope:
            row = self._row(sop_id)
            old = SopStatus(row.status)
            name = describe(row.nomor, row.judul)
            if status is SopStatus.DRAF:
                if old is SopStatus.DRAF:
                    return
                raise ValidationError(
                    f"SOP {name} berstatus {old.label} dan tidak dapat dikembalikan menjadi "
                    "draf; buat revisi baru untuk mengubahnya."
                )
            text = self._change_status(row, old, status, name)
            if text:
                scope.record("set_status", SOP, row.id, text)

    def _change_status(self, row: SopRow, old: SopStatus, new: SopStatus, name: str) -> str:
        """Apply the change; the audit text ("" when nothing changes)."""
        now = datetime.now()
        if new is SopStatus.DICABUT:
            if old is SopStatus.DICABUT:
                return ""
            sops.withdraw(row, now)
            return f"Status SOP {name}: {old.label} → {new.label}"
        if row.revisi_berlaku == row.revisi_ke:
            return ""
        self._require_no_errors(sops.current_document(row), row.id, name)
        replaced = sops.bring_into_force(row, now)
        text = f"Status SOP {name}: {old.label} → {new.label} (revisi ke-{row.revisi_ke})"
        if replaced is not None:
            text += f"; revisi ke-{replaced} digantikan"
        return text

    def delete(self, sop_id: int) -> None:
        with self._session.writing() as scope:
            row = self._row(sop_id)
            if row.revisi_berlaku is not None or row.status == SopStatus.BERLAKU.value:
                raise ValidationError(
                    f"SOP {describe(row.nomor, row.judul)} sedang berlaku dan tidak dapat "
                    "dihapus. Cabut dulu (status Dicabut) bila tidak dipakai lagi."
                )
            label = describe(row.nomor, row.judul)
            sops.delete(row)
            scope.record("delete", SOP, sop_id, f"SOP dihapus: {label}")

    # -- checking --------------------------------------------------------------
    def check(self, sop_id: int) -> list[Finding]:
        """The checker's findings on the latest revision, against the other SOPs."""
        with self._session.reading():
            doc = sops.current_document(self._row(sop_id))
            return self._run_checker(doc, sop_id)

    def check_document(self, doc: SopDocument, exclude_id: int | None = None) -> list[Finding]:
        """Findings on a document not (yet) stored; `exclude_id` = the SOP it will replace."""
        with self._session.reading():
            return self._run_checker(doc, exclude_id)

    def book_errors(
        self, ids: Sequence[int] | None = None, *, in_force: bool = False
    ) -> dict[str, list[Finding]]:
        """The kesalahan of each SOP that has any, keyed by `sop_label`: of
        the same documents `documents(ids, in_force=...)` gives (the Buku SOP)."""
        with self._session.reading():
            items = self._documents(ids, in_force)
            nomors = [(r.id, r.nomor) for r in sops.all_rows() if r.nomor.strip()]
            jam = office_store.load_profile().jam_kerja_per_hari
            found: dict[str, list[Finding]] = {}
            for sop_id, doc in items:
                others = [n for i, n in nomors if i != sop_id]
                errors = errors_of(check_sop(doc, other_nomors=others, jam_kerja_per_hari=jam))
                if errors:
                    found[sop_label(sop_id, doc)] = errors
            return found

    def _run_checker(self, doc: SopDocument, exclude_id: int | None) -> list[Finding]:
        others = [r.nomor for r in sops.all_rows() if r.id != exclude_id and r.nomor.strip()]
        jam = office_store.load_profile().jam_kerja_per_hari
        return check_sop(doc, other_nomors=others, jam_kerja_per_hari=jam)

    def _require_no_errors(self, doc: SopDocument, exclude_id: int | None, name: str) -> None:
        """ValidationError naming the kesalahan that keep `doc` from coming into force."""
        errors = [f.message for f in errors_of(self._run_checker(doc, exclude_id))]
        if errors:
            raise ValidationError(
                f"SOP {name} belum dapat diberlakukan: pemeriksaan SOP menemukan "
                f"{len(errors)} kesalahan ({'; '.join(errors[:3])}). "
                "Perbaiki dulu kesalahannya."
            )

    # -- Excel -----------------------------------------------------------------
    def export_xlsx(self, sop_id: int, path: Path) -> None:
        """The latest revision to a workbook; never over the database's own files."""
        if self._session.is_own_file(path):
            raise ValidationError(
                f"Berkas {Path(path).name} adalah basis data yang sedang dipakai; ekspor tidak "
                "boleh menimpanya. Pilih nama berkas lain."
            )
        # Imported here: openpyxl costs ~85 ms, which only Excel work should pay.
        from ..exchange.sop_xlsx import write_sop_workbook  # noqa: PLC0415

        doc = self.get(sop_id).document
        write_sop_workbook(doc, Path(path))

    def preview_import(self, path: Path) -> ImportPreview:
        """Read a workbook and say what importing it would do; writes nothing."""
        from ..exchange.sop_xlsx import read_sop_workbook  # noqa: PLC0415 (see export_xlsx)

        result = read_sop_workbook(Path(path))
        doc = result.document
        with self._session.reading():
            conflicts = sops.same_sop_rows(doc.nomor, doc.judul)
            findings = self._run_checker(doc, None)
        return sop_import.make_preview(result, conflicts, findings, Path(path))

    def apply_import(
        self, preview: ImportPreview, mode: str | None = None, catatan: str = ""
    ) -> int:
        """Store what `preview` read; the id of the SOP created or revised.

        mode None: only when the SOP is not stored yet; "revisi": a new
        revision of that SOP; "salinan": a separate SOP.
        """
        sop_import.check_mode(mode)
        doc = preview.document
        where = f" dari {preview.source.name}" if preview.source else ""
        note = catatan or f"Diimpor{where}"
        with self._session.writing() as scope:
            conflicts = sops.same_sop_rows(doc.nomor, doc.judul)
            now = datetime.now()
            if mode == "revisi":
                sop_id, text = sop_import.store_as_revision(doc, conflicts, note, now)
            elif mode == "salinan" and conflicts:
                row = sops.insert(sop_import.as_copy(doc), note, now)
                label = describe(row.nomor, row.judul)
                sop_id, text = row.id, f"SOP diimpor{where} sebagai salinan: {label}"
            else:
                if conflicts:
                    raise sop_import.conflict_error(doc, conflicts)
                doc, demoted = self._importable(doc)
                row = sops.insert(doc, note, now)
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

    # -- helpers ---------------------------------------------------------------
    def _row(self, sop_id: int) -> SopRow:
        row = sops.get_row(sop_id)
        if row is None:
            raise NotFoundError(f"SOP dengan id {sop_id} tidak ada.")
        return row


def _require_draft(row: SopRow) -> None:
    status = sops.latest_status(row)
    if status is not SopStatus.DRAF:
        raise ValidationError(
            f"SOP {describe(row.nomor, row.judul)} berstatus {status.label}; perubahan atas "
            "SOP yang tidak lagi draf harus dibuat sebagai revisi baru."
        )
