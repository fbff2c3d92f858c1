"""The SOP editor's use cases: open an SOP for editing, save what was written.

`SopEditingService.save(sop_id, document, base_hash=...)` is the editor's only
write, one transaction with one audit row:

* `sop_id` None — a new SOP (blank, template, duplicate) is created as a draf;
* the latest revision is a draf — it is saved in place;
* the latest revision is berlaku or dicabut — the document becomes a new draf
  revision (the revision in force stays in force until the new one is brought
  into force);
* the stored latest revision is no longer the one the editor opened (another
  window saved it, an import added a revision): the save is refused with
  `StaleSaveError` instead of overwriting — the caller may save the document as
  a separate copy (`save_copy`) so that nothing is lost.

`base_hash` is the content hash of the revision the editor started from
(`EditableSop.base_hash`), compared with the stored latest revision's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.errors import KinerjaError, NotFoundError
from ..core.office import Staff, Unit
from ..core.sop import SopDocument, SopStatus, serialize
from ..core.sop.checker import Finding, check_sop, errors_of
from ..store import office as office_store
from ..store import sops
from ..store.sops import StoredSop
from . import sop_import
from .entities import SOP
from .session import Session, WriteScope
from .sop_types import RevisionInfo, describe

CREATED = "dibuat"
SAVED = "disimpan"
NEW_REVISION = "revisi-baru"
UNCHANGED = "tidak-berubah"


class StaleSaveError(KinerjaError):
    """The SOP changed underneath the editor; nothing was written."""


@dataclass(frozen=True)
class EditableSop:
    """What the editor needs to open: the document and what it is checked against."""

    sop_id: int | None
    document: SopDocument
    base_hash: str | None
    other_nomors: tuple[str, ...]
    jam_kerja_per_hari: float
    staff: tuple[Staff, ...] = ()
    units: tuple[Unit, ...] = ()
    revisions: tuple[RevisionInfo, ...] = field(default=())

    @property
    def editable_in_place(self) -> bool:
        """False when saving will start a new revision (the latest is not a draf)."""
        return self.sop_id is None or SopStatus(self.document.status) is SopStatus.DRAF


@dataclass(frozen=True)
class EditorPrint:
    """A PDF written for the editor: where, how many pages, the kesalahan the
    checker finds (printing a draft is allowed; signing one is not advised) and
    the layout's notices."""

    path: Path
    pages: int
    errors: tuple[Finding, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True)
class SavedSop:
    """What a save did; `base_hash` is the one to pass to the next save."""

    sop_id: int
    revisi_ke: int
    base_hash: str
    document: SopDocument
    outcome: str  # CREATED, SAVED, NEW_REVISION or UNCHANGED
    message: str


def _revision_infos(entry: StoredSop) -> tuple[RevisionInfo, ...]:
    return tuple(
        RevisionInfo(
            r.revisi_ke,
            r.tanggal,
            r.catatan,
            r.created_at,
            r.content_hash,
            r.status,
            r.revisi_ke == entry.revisi_berlaku,
        )
        for r in sops.revisions(entry.id)
    )


class SopEditingService:
    """Opening and saving SOPs for the editor window."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- reading -----------------------------------------------------------------
    def open(self, sop_id: int | None, document: SopDocument | None = None) -> EditableSop:
        """The latest revision of `sop_id`, or `document` as a new SOP (draf, revision 0)."""
        with self._session.reading():
            staff = tuple(s for s in office_store.staff_list() if s.aktif)
            units = tuple(office_store.units())
            jam = office_store.load_profile().jam_kerja_per_hari
            others = tuple(e.nomor for e in sops.live() if e.id != sop_id and e.nomor.strip())
            if sop_id is None:
                doc = sops.prepared(document or SopDocument(), SopStatus.DRAF, 0)
                return EditableSop(None, doc, None, others, jam, staff, units)
            entry = self._entry(sop_id)
            doc = sops.current_document(sop_id)
            return EditableSop(
                sop_id, doc, serialize.content_hash(doc), others, jam, staff, units,
                _revision_infos(entry),
            )  # fmt: skip

    def history(self, sop_id: int) -> tuple[RevisionInfo, ...]:
        with self._session.reading():
            return _revision_infos(self._entry(sop_id))

    def revision(self, sop_id: int, revisi_ke: int) -> SopDocument:
        """One revision as stored, with its own number."""
        with self._session.reading():
            self._entry(sop_id)
            doc = sops.revision_document(sop_id, revisi_ke)
            if doc is None:
                raise NotFoundError(f"SOP dengan id {sop_id} tidak memiliki revisi ke-{revisi_ke}.")
            doc.revisi_ke = revisi_ke
            return doc

    # -- writing -----------------------------------------------------------------
    def save(
        self, sop_id: int | None, document: SopDocument, *, base_hash: str | None, catatan: str = ""
    ) -> SavedSop:
        """Store `document` (see the module docstring); StaleSaveError when the SOP
        changed since `base_hash`, NotFoundError when it was deleted meanwhile."""
        with self._session.writing() as scope:
            now = datetime.now()
            if sop_id is None:
                draft = sops.prepared(document, SopStatus.DRAF, 0)
                made = sops.insert(draft, catatan or "Dibuat", now)
                name = describe(made.nomor, made.judul)
                scope.record("create", SOP, made.id, f"SOP dibuat di editor: {name}")
                return self._saved(made.id, CREATED, f"SOP baru disimpan sebagai draf: {name}.")
            entry = self._entry(sop_id)
            stored = sops.current_document(sop_id)
            if base_hash is not None and serialize.content_hash(stored) != base_hash:
                raise _stale(entry)
            name = describe(document.nomor, document.judul)
            if stored.status is SopStatus.DRAF:
                sops.replace_current(sop_id, document, now)
                scope.record("update", SOP, sop_id, f"SOP disimpan di editor: {name}")
                return self._saved(sop_id, SAVED, f"Draf disimpan: {name}.")
            if _same_content(stored, document):
                return self._saved(sop_id, UNCHANGED, "Tidak ada perubahan untuk disimpan.")
            return self._new_revision(scope, sop_id, (stored, document), catatan, now)

    def _new_revision(
        self,
        scope: WriteScope,
        sop_id: int,
        documents: tuple[SopDocument, SopDocument],
        catatan: str,
        now: datetime,
    ) -> SavedSop:
        """An SOP in force (or withdrawn): the document becomes a new draft revision,
        dated as the user wrote it, else today. `documents`: (stored, edited)."""
        stored, document = documents
        tanggal = document.tanggal_revisi
        if tanggal is None or tanggal == stored.tanggal_revisi:
            tanggal = date.today()
        number = sops.add_revision(sop_id, document, catatan or "Diubah di editor", tanggal, now)
        name = describe(document.nomor, document.judul)
        scope.record("new_revision", SOP, sop_id, f"Revisi ke-{number} dibuat di editor: {name}")
        return self._saved(
            sop_id,
            NEW_REVISION,
            f"Revisi ke-{number} disimpan sebagai draf; revisi yang berlaku tetap berlaku "
            "sampai revisi baru diberlakukan.",
        )

    def save_copy(self, document: SopDocument) -> SavedSop:
        """`document` as a separate draf SOP, its nomor marked “(salinan)”: the way
        out when a save was refused, so that nothing written is lost."""
        with self._session.writing() as scope:
            copy = sops.prepared(sop_import.as_copy(document), SopStatus.DRAF, 0)
            made = sops.insert(copy, "Salinan dari editor", datetime.now())
            name = describe(made.nomor, made.judul)
            scope.record("create", SOP, made.id, f"SOP disimpan sebagai salinan: {name}")
            return self._saved(made.id, CREATED, f"Disimpan sebagai SOP baru: {name}.")

    # -- printing ------------------------------------------------------------------
    def print_document(
        self,
        document: SopDocument,
        path: Path,
        *,
        sop_id: int | None = None,
        kertas: str | None = None,
        tegak: bool = False,
        lembar_kerja: bool = False,
    ) -> EditorPrint:
        """`document` (saved or not, any revision) as the PDF it prints to, for the
        preview and for saving; its kesalahan are returned, not refused — the
        preview shows them and the caller asks before keeping such a PDF."""
        if self._session.is_own_file(path):
            raise KinerjaError(f"{path} adalah berkas basis data; pilih nama berkas PDF lain.")
        with self._session.reading():
            profile = office_store.load_profile()
            others = [e.nomor for e in sops.with_nomor(document.nomor, exclude_id=sop_id)]
        errors = errors_of(
            check_sop(document, other_nomors=others, jam_kerja_per_hari=profile.jam_kerja_per_hari)
        )
        # reportlab is imported only when something is printed (see PrintService).
        from ..exchange.pdf.sop import PdfOptions, write_sop_pdf  # noqa: PLC0415

        options = PdfOptions(
            kertas=(kertas or str(profile.kertas)).upper(),
            tegak=tegak,
            lembar_kerja=lembar_kerja or document.lembar_kerja.cetak,
        )
        notices: list[str] = []
        pages = write_sop_pdf(document, profile, Path(path), options, notices=notices)
        return EditorPrint(Path(path), pages, tuple(errors), tuple(notices))

    # -- helpers -------------------------------------------------------------------
    def _saved(self, sop_id: int, outcome: str, message: str) -> SavedSop:
        doc = sops.current_document(sop_id)
        return SavedSop(sop_id, doc.revisi_ke, serialize.content_hash(doc), doc, outcome, message)

    def _entry(self, sop_id: int) -> StoredSop:
        entry = sops.get(sop_id)
        if entry is None or entry.deleted_at is not None:
            raise NotFoundError(
                f"SOP dengan id {sop_id} tidak ada lagi (mungkin dihapus di jendela lain)."
            )
        return entry


def _same_content(stored: SopDocument, document: SopDocument) -> bool:
    mine = sops.prepared(document, stored.status, stored.revisi_ke)
    return serialize.content_hash(mine) == serialize.content_hash(stored)


def _stale(entry: StoredSop) -> StaleSaveError:
    return StaleSaveError(
        f"SOP {describe(entry.nomor, entry.judul)} telah diubah di tempat lain (di jendela lain "
        "atau lewat impor) sejak "
        "dibuka di editor ini. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa. "
        "Simpan tulisan Anda sebagai SOP baru (salinan), lalu bandingkan keduanya.",
        f"sop_id={entry.id}, revisi_ke={entry.revisi_ke}",
    )
