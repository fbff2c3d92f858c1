"""SOP rows and their revisions: the storage half of the SOP use cases.

An SOP is one `sop` row plus one `sop_revision` row per revision holding the
whole document as JSON (`core.serialize`). The `sop` row mirrors the current
(highest) revision: nomor, judul, status, unit, revisi_ke, jumlah_langkah.
Status and revision number belong to the record: the stored document always
carries the record's values, whatever the caller's copy said.

No transactions and no audit here: the services wrap these calls.
"""

from __future__ import annotations

from datetime import date, datetime

from ..core import serialize
from ..core.checker import normalize_nomor
from ..core.sop import SopDocument, SopStatus
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


def current_revision(row: SopRow) -> SopRevisionRow:
    rev = revision(row, row.revisi_ke)
    if rev is None:  # only a hand-damaged database gets here
        raise LookupError(f"sop {row.id} has no revision {row.revisi_ke}")
    return rev


def document_of(rev: SopRevisionRow) -> SopDocument:
    return serialize.loads(rev.document)


def current_document(row: SopRow) -> SopDocument:
    """The current revision's document, with the record's status and revision."""
    doc = document_of(current_revision(row))
    doc.status = SopStatus(row.status)
    doc.revisi_ke = row.revisi_ke
    return doc


def prepared(doc: SopDocument, status: SopStatus, revisi_ke: int) -> SopDocument:
    """A private copy of `doc` carrying the record's status and revision."""
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
    row.nomor = doc.nomor
    row.judul = doc.judul
    row.status = doc.status.value
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


def insert(doc: SopDocument, catatan: str, now: datetime) -> SopRow:
    """A new SOP whose first revision is `doc` (its status and revisi_ke kept)."""
    doc = prepared(doc, doc.status, max(doc.revisi_ke, 0))
    row = SopRow(created_at=now, updated_at=now)
    _mirror(row, doc, now)
    _add_revision_row(row, doc, catatan, now)
    return row


def replace_current(row: SopRow, doc: SopDocument, now: datetime) -> None:
    """Overwrite the current revision's document (a draft being edited)."""
    doc = prepared(doc, SopStatus(row.status), row.revisi_ke)
    rev = current_revision(row)
    rev.document = serialize.dumps(doc)
    rev.content_hash = serialize.content_hash(doc)
    rev.tanggal = revision_date(doc)
    rev.save()
    _mirror(row, doc, now)


def add_revision(row: SopRow, doc: SopDocument, catatan: str, tanggal: date, now: datetime) -> int:
    """Revision `row.revisi_ke + 1` as a draft dated `tanggal`; older ones untouched."""
    last = max((r.revisi_ke for r in revisions(row)), default=row.revisi_ke)
    doc = prepared(doc, SopStatus.DRAF, last + 1)
    doc.tanggal_revisi = tanggal
    _add_revision_row(row, doc, catatan, now)
    _mirror(row, doc, now)
    return doc.revisi_ke


def update_status(row: SopRow, status: SopStatus, now: datetime) -> None:
    """Change the record's status; the current revision's JSON follows (its
    content hash does not change: status is not printed content)."""
    rev = current_revision(row)
    doc = prepared(document_of(rev), status, row.revisi_ke)
    rev.document = serialize.dumps(doc)
    rev.save()
    _mirror(row, doc, now)


def delete(row: SopRow) -> None:
    """The SOP and all its revisions (the foreign key cascades)."""
    row.delete_instance()
