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
from ..store.models import SopRow
from . import sop_import
from .entities import SOP
from .session import Session
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


def _revision_infos(row: SopRow) -> tuple[RevisionInfo, ...]:
    return tuple(
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
            nomors = [(r.id, r.nomor) for r in sops.all_rows() if r.nomor.strip()]
            others = tuple(n for i, n in nomors if i != sop_id)
            if sop_id is None:
                doc = sops.prepared(document or SopDocument(), SopStatus.DRAF, 0)
                return EditableSop(None, doc, None, others, jam, staff, units)
            row = self._row(sop_id)
            doc = sops.current_document(row)
            return EditableSop(
                sop_id, doc, serialize.content_hash(doc), others, jam, staff, units,
                _revision_infos(row),
            )  # fmt: skip

    def history(self, sop_id: int) -> tuple[RevisionInfo, ...]:
        with self._session.reading():
            return _revision_infos(self._row(sop_id))

    def revision(self, sop_id: int, revisi_ke: int) -> SopDocument:
        """One revision as stored, with its own number."""
        with self._session.reading():
            rev = sops.revision(self._row(sop_id), revisi_ke)
            if rev is None:
                raise NotFoundError(f"SOP dengan id {sop_id} tidak memiliki revisi ke-{revisi_ke}.")
            doc = sops.document_of(rev)
            doc.revisi_ke = rev.revisi_ke
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
                row = sops.insert(
                    sops.prepared(document, SopStatus.DRAF, 0), catatan or "Dibuat", now
                )
                scope.record("create", SOP, row.id, f"SOP dibuat di editor: {_name(row)}")
                return self._saved(row, CREATED, f"SOP baru disimpan sebagai draf: {_name(row)}.")
            row = self._row(sop_id)
            stored = sops.current_document(row)
            if base_hash is not None and serialize.content_hash(stored) != base_hash:
                raise _stale(row)
            if stored.status is SopStatus.DRAF:
                sops.replace_current(row, document, now)
                scope.record("update", SOP, row.id, f"SOP disimpan di editor: {_name(row)}")
                return self._saved(row, SAVED, f"Draf disimpan: {_name(row)}.")
            if _same_content(stored, document):
                return self._saved(row, UNCHANGED, "Tidak ada perubahan untuk disimpan.")
            tanggal = document.tanggal_revisi
            if tanggal is None or tanggal == stored.tanggal_revisi:
                tanggal = date.today()
            number = sops.add_revision(row, document, catatan or "Diubah di editor", tanggal, now)
            scope.record(
                "new_revision", SOP, row.id, f"Revisi ke-{number} dibuat di editor: {_name(row)}"
            )
            return self._saved(
                row,
                NEW_REVISION,
                f"Revisi ke-{number} disimpan sebagai draf; revisi yang berlaku tetap berlaku "
                "sampai revisi baru diberlakukan.",
            )

    def save_copy(self, document: SopDocument) -> SavedSop:
        """`document` as a separate draf SOP, its nomor marked “(salinan)”: the way
        out when a save was refused, so that nothing written is lost."""
        with self._session.writing() as scope:
            copy = sops.prepared(sop_import.as_copy(document), SopStatus.DRAF, 0)
            row = sops.insert(copy, "Salinan dari editor", datetime.now())
            scope.record("create", SOP, row.id, f"SOP disimpan sebagai salinan: {_name(row)}")
            return self._saved(row, CREATED, f"Disimpan sebagai SOP baru: {_name(row)}.")

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
            others = [r.nomor for r in sops.all_rows() if r.id != sop_id and r.nomor.strip()]
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
    def _saved(self, row: SopRow, outcome: str, message: str) -> SavedSop:
        doc = sops.current_document(row)
        return SavedSop(row.id, row.revisi_ke, serialize.content_hash(doc), doc, outcome, message)

    def _row(self, sop_id: int) -> SopRow:
        row = sops.get_row(sop_id)
        if row is None:
            raise NotFoundError(
                f"SOP dengan id {sop_id} tidak ada lagi (mungkin dihapus di jendela lain)."
            )
        return row


def _name(row: SopRow) -> str:
    return describe(row.nomor, row.judul)


def _same_content(stored: SopDocument, document: SopDocument) -> bool:
    mine = sops.prepared(document, stored.status, stored.revisi_ke)
    return serialize.content_hash(mine) == serialize.content_hash(stored)


def _stale(row: SopRow) -> StaleSaveError:
    return StaleSaveError(
        f"SOP {_name(row)} telah diubah di tempat lain (di jendela lain atau lewat impor) sejak "
        "dibuka di editor ini. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa. "
        "Simpan tulisan Anda sebagai SOP baru (salinan), lalu bandingkan keduanya.",
        f"sop_id={row.id}, revisi_ke={row.revisi_ke}",
    )
