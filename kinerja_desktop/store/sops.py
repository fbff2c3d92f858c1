"""SOP rows and their revisions: the storage half of the SOP use cases.

An SOP is one `sop` row plus one `sop_revision` row per revision holding the
whole document as JSON (`core.sop.serialize`). The `sop` row mirrors the latest
revision (nomor, judul, unit, revisi_ke, jumlah_langkah) — the one that is
edited — and points at the revision in force (`revisi_berlaku`, None when
none is). Its `status` is the SOP's: berlaku exactly when a revision is in
force, dicabut when withdrawn, draf when it never came into force.

Each revision keeps its own status in its JSON: draf while prepared, berlaku
once brought into force (and still berlaku after a newer revision replaced
it: it is then superseded, which the pointer tells), dicabut when the SOP was
withdrawn while it was in force. Status is not printed content: changing it
never changes a revision's content hash.

No transactions and no audit here: the services wrap these calls.
"""

from __future__ import annotations

from datetime import date, datetime

from ..core.sop import SopDocument, SopStatus, serialize
from ..core.sop.checker import normalize_nomor
from .errors import DAMAGED_ADVICE, DatabaseDamagedError
from .models import SopRevisionRow, SopRow


def get_row(sop_id: int) -> SopRow | None:
    return SopRow.get_or_none(SopRow.id == sop_id)


def all_rows() -> list[SopRow]:
    return list(SopRow.select())


def rows_with_nomor(nomor: str) -> list[SopRow]:
    """SOPs whose nomor is `nomor` as the checker compares them (case and spaces
    around / . - do not count); none for an empty nomor."""
    key = normalize_nomor(nomor)
    if not key:
        return []
    return [row for row in SopRow.select() if normalize_nomor(row.nomor) == key]


def judul_key(judul: str) -> str:
    """A judul as compared between SOPs: case and runs of spaces do not count."""
    return " ".join(judul.split()).casefold()


def rows_without_nomor_titled(judul: str) -> list[SopRow]:
    """SOPs without a nomor whose judul is `judul` (see `judul_key`); none for an empty judul."""
    key = judul_key(judul)
    if not key:
        return []
    return [row for row in SopRow.select() if not row.nomor.strip() and judul_key(row.judul) == key]


def same_sop_rows(nomor: str, judul: str) -> list[SopRow]:
    """The SOPs a document with this nomor and judul is taken to be: by nomor,
    or — for a document without nomor — SOPs without nomor of the same judul."""
    if nomor.strip():
        return rows_with_nomor(nomor)
    return rows_without_nomor_titled(judul)


def revisions(row: SopRow) -> list[SopRevisionRow]:
    return list(
        SopRevisionRow.select()
        .where(SopRevisionRow.sop == row.id)
        .order_by(SopRevisionRow.revisi_ke)
    )


def revision(row: SopRow, revisi_ke: int) -> SopRevisionRow | None:
    return SopRevisionRow.get_or_none(
        (SopRevisionRow.sop == row.id) & (SopRevisionRow.revisi_ke == revisi_ke)
    )


def _required_revision(row: SopRow, revisi_ke: int) -> SopRevisionRow:
    rev = revision(row, revisi_ke)
    if rev is None:  # only a damaged database gets here
        name = row.nomor.strip() or row.judul.strip() or "tanpa nomor"
        raise DatabaseDamagedError(
            f"Data SOP {row.id} ({name}) tidak lengkap: revisi ke-{revisi_ke} tidak ada "
            f"di basis data; {DAMAGED_ADVICE}",
            f"sop_id={row.id}, revisi_ke={revisi_ke}",
        )
    return rev


def current_revision(row: SopRow) -> SopRevisionRow:
    """The latest revision (the one edited)."""
    return _required_revision(row, row.revisi_ke)


def revision_in_force(row: SopRow) -> SopRevisionRow | None:
    if row.revisi_berlaku is None:
        return None
    return _required_revision(row, row.revisi_berlaku)


def document_of(rev: SopRevisionRow) -> SopDocument:
    return serialize.loads(rev.document)


def current_document(row: SopRow) -> SopDocument:
    """The latest revision's document, with its own status."""
    doc = document_of(current_revision(row))
    doc.revisi_ke = row.revisi_ke
    return doc


def document_in_force(row: SopRow) -> SopDocument | None:
    """The document of the revision in force, or None."""
    rev = revision_in_force(row)
    if rev is None:
        return None
    doc = document_of(rev)
    doc.revisi_ke = rev.revisi_ke
    return doc


def prepared(doc: SopDocument, status: SopStatus, revisi_ke: int) -> SopDocument:
    """A private copy of `doc` carrying the given status and revision."""
    copy = serialize.from_dict(serialize.to_dict(doc))
    copy.status = status
    copy.revisi_ke = revisi_ke
    return copy


def revision_date(doc: SopDocument) -> date | None:
    """The date shown in the revision history: of the revision, or of creation."""
    if doc.revisi_ke > 0 and doc.tanggal_revisi is not None:
        return doc.tanggal_revisi
    return doc.tanggal_pembuatan


def _mirror(row: SopRow, doc: SopDocument, now: datetime) -> None:
    """Copy the latest revision's identity into the record (not its status)."""
    row.nomor = doc.nomor
    row.judul = doc.judul
    row.unit = doc.unit
    row.revisi_ke = doc.revisi_ke
    row.jumlah_langkah = len(doc.steps)
    row.updated_at = now
    row.save()


def _add_revision_row(row: SopRow, doc: SopDocument, catatan: str, now: datetime) -> None:
    SopRevisionRow.create(
        sop=row.id,
        revisi_ke=doc.revisi_ke,
        tanggal=revision_date(doc),
        catatan=catatan,
        document=serialize.dumps(doc),
        content_hash=serialize.content_hash(doc),
        created_at=now,
    )


def _set_revision_status(rev: SopRevisionRow, status: SopStatus) -> None:
    doc = document_of(rev)
    if doc.status is not status:
        rev.document = serialize.dumps(prepared(doc, status, rev.revisi_ke))
        rev.save()


def insert(doc: SopDocument, catatan: str, now: datetime) -> SopRow:
    """A new SOP whose first revision is `doc` (its status and revisi_ke kept:
    a berlaku document is the revision in force)."""
    status = SopStatus(doc.status)
    doc = prepared(doc, status, max(doc.revisi_ke, 0))
    row = SopRow(created_at=now, updated_at=now, status=status.value)
    row.revisi_berlaku = doc.revisi_ke if status is SopStatus.BERLAKU else None
    _mirror(row, doc, now)
    _add_revision_row(row, doc, catatan, now)
    return row


def latest_status(row: SopRow) -> SopStatus:
    """The status of the latest revision (draf: it may be edited in place)."""
    return document_of(current_revision(row)).status


def replace_current(row: SopRow, doc: SopDocument, now: datetime) -> None:
    """Overwrite the latest revision's document (a draft being edited)."""
    rev = current_revision(row)
    doc = prepared(doc, document_of(rev).status, row.revisi_ke)
    rev.document = serialize.dumps(doc)
    rev.content_hash = serialize.content_hash(doc)
    rev.tanggal = revision_date(doc)
    rev.save()
    _mirror(row, doc, now)


def add_revision(row: SopRow, doc: SopDocument, catatan: str, tanggal: date, now: datetime) -> int:
    """Revision `row.revisi_ke + 1` as a draft dated `tanggal`; older ones
    untouched, and the revision in force stays in force."""
    last = max((r.revisi_ke for r in revisions(row)), default=row.revisi_ke)
    doc = prepared(doc, SopStatus.DRAF, last + 1)
    doc.tanggal_revisi = tanggal
    _add_revision_row(row, doc, catatan, now)
    _mirror(row, doc, now)
    return doc.revisi_ke


def bring_into_force(row: SopRow, now: datetime) -> int | None:
    """The latest revision comes into force (its JSON reads berlaku); the one
    in force before is superseded. Returns the number of that one, or None."""
    before = row.revisi_berlaku
    _set_revision_status(current_revision(row), SopStatus.BERLAKU)
    row.revisi_berlaku = row.revisi_ke
    row.status = SopStatus.BERLAKU.value
    row.updated_at = now
    row.save()
    return before if before != row.revisi_ke else None


def withdraw(row: SopRow, now: datetime) -> None:
    """The SOP is withdrawn: no revision is in force any more, and the one that
    was reads dicabut. A draft in preparation stays a draft."""
    rev = revision_in_force(row)
    if rev is not None:
        _set_revision_status(rev, SopStatus.DICABUT)
    elif latest_status(row) is SopStatus.BERLAKU:  # not expected: keep the JSON truthful
        _set_revision_status(current_revision(row), SopStatus.DICABUT)
    row.revisi_berlaku = None
    row.status = SopStatus.DICABUT.value
    row.updated_at = now
    row.save()


def delete(row: SopRow) -> None:
    """The SOP and all its revisions (the foreign key cascades)."""
    row.delete_instance()
