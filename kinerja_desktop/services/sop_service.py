"""SOP use cases: list, read, create, edit, revise, change status, delete,
check, export and import.

An SOP has its latest revision (the one edited) and, separately, the revision
in force (`revisi_berlaku`, None when none is). Rules kept here:

* a draf is edited in place (`save`); a revision that is berlaku or dicabut
  is changed only through a new revision (`new_revision`), which starts as a
  draf and leaves every older revision exactly as it was — and the revision
  in force stays in force meanwhile (the Buku SOP prints it);
* the life cycle (`approve`, `withdraw`, `delete`, `restore`, `empty_bin`,
  see `services.sop_lifecycle`): approving brings the latest revision into
  force with a tanggal efektif and a signer — only when the checker finds no
  kesalahan — and the revision in force before is superseded ("Digantikan"
  in the history); withdrawing, with a reason, leaves no revision in force
  (a draft in preparation stays a draft); a revision never goes back to
  draf; an SOP in force cannot be deleted; a deleted SOP goes to the bin
  ("Sampah"), is left out of every list, the Buku SOP and nomor conflicts,
  and comes back with `restore` until the bin is emptied;
  `set_status` is the plain status change without tanggal or signer;
* a new SOP starts from `new_document` (blank or the built-in template) or
  `duplicate_document`;
* the checker compares the nomor with the other SOPs' in one indexed lookup
  (never with the SOP itself, nor with the SOP an import revises), so a
  selection's check costs the same with 10 or 1,000 SOPs;
* `create` and an import store a berlaku document in force only without
  kesalahan (an import then comes in as a draf, and its preview says so);
* an import never overwrites (see `services.sop_import`): when the SOP is
  already stored, the caller must choose "revisi" (a new revision of that
  SOP) or "salinan" (a separate draf SOP, its nomor marked " (salinan)"),
  and a workbook without changes is not stored at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ..core.errors import NotFoundError, ValidationError
from ..core.sop import Pengesahan, SopDocument, SopStatus, template
from ..core.sop.checker import Finding
from ..store import office as office_store
from ..store import sops
from ..store.sops import StoredSop
from . import sop_checks, sop_import, sop_lifecycle
from .entities import SOP
from .session import Session
from .sop_checks import NotReadyError
from .sop_import import (
    COPY_MARK,
    IMPORT_MODES,
    ImportConflictError,
    ImportNote,
    ImportPreview,
    ImportUnchangedError,
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
    "ImportUnchangedError",
    "NotReadyError",
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
        """The SOPs in use (not in the bin), in list order."""
        with self._session.reading():
            return [summary_of(r) for r in sorted(sops.live(), key=list_order)]

    def summary(self, sop_id: int) -> SopSummary:
        with self._session.reading():
            return summary_of(self._entry(sop_id))

    def get(self, sop_id: int) -> SopRecord:
        """The latest revision's document, the history, the revision in force."""
        with self._session.reading():
            entry = self._entry(sop_id)
            infos = [
                RevisionInfo(
                    r.revisi_ke,
                    r.tanggal,
                    r.catatan,
                    r.created_at,
                    r.content_hash,
                    r.status,
                    r.revisi_ke == entry.revisi_berlaku,
                )
                for r in sops.revisions(sop_id)
            ]
            return SopRecord(entry.id, sops.current_document(sop_id), infos, entry.revisi_berlaku)

    def get_revision(self, sop_id: int, revisi_ke: int) -> SopDocument:
        """A revision exactly as it was stored."""
        with self._session.reading():
            self._entry(sop_id)
            doc = sops.revision_document(sop_id, revisi_ke)
            if doc is None:
                raise NotFoundError(f"SOP dengan id {sop_id} tidak memiliki revisi ke-{revisi_ke}.")
            return doc

    def get_in_force(self, sop_id: int) -> SopDocument | None:
        """The revision in force, or None when the SOP has none."""
        with self._session.reading():
            self._entry(sop_id)
            return sops.document_in_force(sop_id)

    def documents(
        self, ids: Sequence[int] | None = None, *, in_force: bool = False
    ) -> list[tuple[int, SopDocument]]:
        """All SOPs in use (in list order) or the given ids in that order: their
        latest revisions, or with `in_force` their revisions in force, leaving
        out SOPs that have none (the Buku SOP)."""
        with self._session.reading():
            return self._documents(ids, in_force)

    def _documents(
        self, ids: Sequence[int] | None, in_force: bool
    ) -> list[tuple[int, SopDocument]]:
        if ids is None:
            entries = sorted(sops.live(), key=list_order)
        else:
            entries = [self._entry(i) for i in ids]
        if not in_force:
            return [(e.id, sops.current_document(e.id)) for e in entries]
        found = [
            (e.id, sops.document_in_force(e.id)) for e in entries if e.revisi_berlaku is not None
        ]
        return [(i, doc) for i, doc in found if doc is not None]

    # -- new documents -----------------------------------------------------------
    def new_document(self, template_: bool = False) -> SopDocument:
        """A new draft, not stored: blank, or from the built-in template; signed
        by the office's Camat when the staff list names one."""
        with self._session.reading():
            signer = template.default_signer(office_store.staff_list())
        make = template.template_document if template_ else template.blank_document
        return make(date.today(), signer)

    def duplicate_document(self, sop_id: int) -> SopDocument:
        """The SOP's latest revision as the start of another SOP (not stored)."""
        return template.duplicate_document(self.get(sop_id).document, date.today())

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
            entry = self._entry(sop_id)
            _require_draft(entry)
            sops.replace_current(sop_id, doc, datetime.now())
            scope.record("update", SOP, sop_id, f"SOP disimpan: {describe(doc.nomor, doc.judul)}")

    def new_revision(
        self, sop_id: int, doc: SopDocument, catatan: str, tanggal: date | None = None
    ) -> int:
        """Revision revisi_ke + 1 as a draf; the older revisions are kept as
        they are, and the revision in force stays in force."""
        with self._session.writing() as scope:
            self._entry(sop_id)
            number = sops.add_revision(
                sop_id, doc, catatan, tanggal or date.today(), datetime.now()
            )
            scope.record(
                "new_revision",
                SOP,
                sop_id,
                f"Revisi ke-{number} dibuat: {describe(doc.nomor, doc.judul)}"
                + (f" ({catatan})" if catatan else ""),
            )
        return number

    # -- life cycle ---------------------------------------------------------------
    def approve(
        self,
        sop_id: int,
        *,
        tanggal_efektif: date | None = None,
        signer: Pengesahan | None = None,
        oleh: str | None = None,
    ) -> int:
        """ "Nyatakan berlaku": the latest revision comes into force with this
        tanggal efektif (default: its own, else today) and signer (default:
        its own); refused while the checker finds a kesalahan. The revision
        in force before is superseded. Returns the revision number."""
        with self._session.writing() as scope:
            entry = self._entry(sop_id)
            name = describe(entry.nomor, entry.judul)
            if entry.revisi_berlaku == entry.revisi_ke:
                raise ValidationError(f"SOP {name} revisi ke-{entry.revisi_ke} sudah berlaku.")
            doc = sop_lifecycle.approved_document(sop_id, tanggal_efektif, signer)
            self._require_no_errors(doc, sop_id, name)
            return sop_lifecycle.approve(scope, entry, doc, oleh)

    def approval_draft(self, sop_id: int) -> tuple[SopDocument, list[Finding]]:
        """The latest revision as `approve` would bring it into force with no
        tanggal or signer given, and the checker's findings on it (what the
        "Nyatakan berlaku" dialog starts from)."""
        with self._session.reading():
            self._entry(sop_id)
            doc = sop_lifecycle.approved_document(sop_id, None, None)
            return doc, self._run_checker(doc, sop_id)

    def withdraw(self, sop_id: int, alasan: str, *, oleh: str | None = None) -> None:
        """ "Cabut": no revision of the SOP is in force any more; the reason is kept."""
        with self._session.writing() as scope:
            sop_lifecycle.withdraw(scope, self._entry(sop_id), alasan, oleh)

    def delete(self, sop_id: int, *, oleh: str | None = None) -> None:
        """To the bin ("Sampah"); refused while a revision is in force."""
        with self._session.writing() as scope:
            sop_lifecycle.move_to_bin(scope, self._entry(sop_id), oleh)

    def restore(self, sop_id: int, *, oleh: str | None = None) -> SopSummary:
        """Back from the bin, as it was."""
        with self._session.writing() as scope:
            return summary_of(sop_lifecycle.restore(scope, sop_id, oleh))

    def bin(self) -> list[SopSummary]:
        """The SOPs in the bin, most recently deleted first."""
        with self._session.reading():
            return [summary_of(e) for e in sops.in_bin()]

    def empty_bin(self, *, oleh: str | None = None) -> int:
        """Delete every SOP in the bin for good (one audit row); how many."""
        with self._session.writing() as scope:
            return sop_lifecycle.empty_bin(scope, oleh)

    def set_status(self, sop_id: int, status: SopStatus) -> None:
        """BERLAKU: the latest revision comes into force as it is; DICABUT: the
        SOP is withdrawn; DRAF: refused (a new revision is the way back to a draft)."""
        status = SopStatus(status)
        with self._session.writing() as scope:
            entry = self._entry(sop_id)
            old = entry.status
            name = describe(entry.nomor, entry.judul)
            if status is SopStatus.DRAF:
                if old is SopStatus.DRAF:
                    return
                raise ValidationError(
                    f"SOP {name} berstatus {old.label} dan tidak dapat dikembalikan menjadi "
                    "draf; buat revisi baru untuk mengubahnya."
                )
            if status is SopStatus.BERLAKU and entry.revisi_berlaku != entry.revisi_ke:
                self._require_no_errors(sops.current_document(sop_id), sop_id, name)
            text = sop_lifecycle.change_status(entry, status, name)
            if text:
                scope.record("set_status", SOP, sop_id, text)

    # -- checking --------------------------------------------------------------
    def check(self, sop_id: int) -> list[Finding]:
        """The checker's findings on the latest revision, against the other SOPs."""
        with self._session.reading():
            self._entry(sop_id)
            return self._run_checker(sops.current_document(sop_id), sop_id)

    def check_document(self, doc: SopDocument, exclude_id: int | None = None) -> list[Finding]:
        """Findings on a document not (yet) stored; `exclude_id` = the SOP it will replace."""
        with self._session.reading():
            return self._run_checker(doc, exclude_id)

    def book_errors(
        self, ids: Sequence[int] | None = None, *, in_force: bool = False
    ) -> dict[str, list[Finding]]:
        """The kesalahan of each SOP that has any, keyed by `sop_label`: of
        the same documents `documents(ids, in_force=...)` gives (the Buku SOP).
        The nomors of all SOPs are read once (one query), not once per SOP."""
        with self._session.reading():
            return sop_checks.book_errors(self._documents(ids, in_force))

    def book_errors_by_id(self, ids: Sequence[int] | None = None) -> dict[int, list[Finding]]:
        """Like `book_errors` for the revisions in force, keyed by SOP id."""
        with self._session.reading():
            return sop_checks.errors_by_id(self._documents(ids, True))

    def latest_status(self, sop_id: int) -> SopStatus:
        """The status of the latest revision: draf while it may be edited in place."""
        with self._session.reading():
            self._entry(sop_id)
            return sops.latest_status(sop_id)

    def _run_checker(self, doc: SopDocument, exclude_id: int | None) -> list[Finding]:
        return sop_checks.run_checker(doc, exclude_id)

    def _require_no_errors(self, doc: SopDocument, exclude_id: int | None, name: str) -> None:
        sop_checks.require_no_errors(doc, exclude_id, name)

    # -- Excel -----------------------------------------------------------------
    def export_xlsx(self, sop_id: int, path: Path) -> None:
        """The latest revision to a workbook, carrying the SOP's code (so the
        workbook finds this SOP again when imported); never over the
        database's own files."""
        if self._session.is_own_file(path):
            raise ValidationError(
                f"Berkas {Path(path).name} adalah basis data yang sedang dipakai; ekspor tidak "
                "boleh menimpanya. Pilih nama berkas lain."
            )
        # Imported here: openpyxl costs ~85 ms, which only Excel work should pay.
        from ..exchange.sop_xlsx import write_sop_workbook  # noqa: PLC0415

        with self._session.reading():
            code = self._entry(sop_id).uid
        doc = self.get(sop_id).document
        write_sop_workbook(doc, Path(path), sop_code=code)

    def preview_import(self, path: Path) -> ImportPreview:
        """Read a workbook and say what importing it would do; writes nothing."""
        from ..exchange.sop_xlsx import read_sop_workbook  # noqa: PLC0415 (see export_xlsx)

        result = read_sop_workbook(Path(path))
        with self._session.reading():
            return sop_import.build_preview(
                result.document,
                layout=result.layout,
                reader_notes=[ImportNote(n.level, n.message, n.step) for n in result.notes],
                source=Path(path),
                sop_code=result.sop_code,
            )

    def reassess_import(self, preview: ImportPreview) -> ImportPreview:
        """The preview again after the user corrected its document (a lane, a
        decision target): fresh findings, changes and notes; writes nothing."""
        with self._session.reading():
            return sop_import.build_preview(
                preview.document,
                layout=preview.layout,
                reader_notes=preview.reader_notes,
                source=preview.source,
                sop_code=preview.sop_code,
            )

    def apply_import(
        self, preview: ImportPreview, mode: str | None = None, catatan: str = ""
    ) -> int:
        """Store what `preview` read; the id of the SOP created or revised.

        mode None: only when the SOP is not stored yet; "revisi": a new
        revision of that SOP; "salinan": a separate SOP. A workbook without
        any change against its stored SOP is refused (ImportUnchangedError).
        """
        sop_import.check_mode(mode)
        with self._session.writing() as scope:
            sop_id, text = sop_import.store(preview, mode, catatan, datetime.now())
            scope.record("import", SOP, sop_id, text)
        return sop_id

    # -- helpers ---------------------------------------------------------------
    def _entry(self, sop_id: int) -> StoredSop:
        return sop_lifecycle.live_entry(sop_id)


def _require_draft(entry: StoredSop) -> None:
    status = sops.latest_status(entry.id)
    if status is not SopStatus.DRAF:
        raise ValidationError(
            f"SOP {describe(entry.nomor, entry.judul)} berstatus {status.label}; perubahan atas "
            "SOP yang tidak lagi draf harus dibuat sebagai revisi baru."
        )
