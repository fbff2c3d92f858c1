"""SOP rows and their revisions: the storage half of the SOP use cases.

An SOP is one `sop` row plus one `sop_revision` row per revision holding the
whole document as JSON (`core.sop.serialize`). The `sop` row mirrors the latest
revision (nomor, judul, unit, revisi_ke, jumlah_langkah, and the nomor's
comparison key) — the one that is edited — and points at the revision in
force (`revisi_berlaku`, None when none is). Its `status` is the SOP's:
berlaku exactly when a revision is in force, dicabut when withdrawn, draf
when it never came into force. `deleted_at` is set while the SOP is in the
bin; every lookup here except `get` and `in_bin` leaves such SOPs out.

Each revision keeps its own status in its JSON: draf while prepared, berlaku
once brought into force (and still berlaku after a newer revision replaced
it: it is then superseded, which the pointer tells), dicabut when the SOP was
withdrawn while it was in force. Status is not printed content: changing it
never changes a revision's content hash.

Callers get plain records (`StoredSop`, `StoredRevision`) and core documents,
never peewee rows. No transactions and no audit here: the services wrap these
calls.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from ..core.sop import SopDocument, SopStatus, serialize
from ..core.sop.checker import normalize_nomor
from .errors import DAMAGED_ADVICE, DatabaseDamagedError
from .models import SopRevisionRow, SopRow


@dataclass(frozen=True)
class StoredSop:
    """One SOP as stored: the latest revision's identity and the pointers."""

    id: int
    uid: str
    nomor: str
    judul: str
    status: SopStatus
    unit: str
    revisi_ke: int
    jumlah_langkah: int
    revisi_berlaku: int | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    @property
    def in_bin(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class StoredRevision:
    """One revision's record (its document is read separately)."""

    revisi_ke: int
    tanggal: date | None
    catatan: str
    created_at: datetime
    content_hash: str
    status: SopStatus


def _record(row: SopRow) -> StoredSop:
    return StoredSop(
        id=row.id,
        uid=row.uid,
        nomor=row.nomor,
        judul=row.judul,
        status=SopStatus(row.status),
        unit=row.unit,
        revisi_ke=row.revisi_ke,
        jumlah_langkah=row.jumlah_langkah,
        revisi_berlaku=row.revisi_berlaku,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


def _live():
    return SopRow.select().where(SopRow.deleted_at.is_null())


def _row(sop_id: int) -> SopRow:
    row = SopRow.get_or_none(SopRow.id == sop_id)
    if row is None:  # the services look the SOP up first
        raise KeyError(sop_id)
    return row


# -- finding SOPs --------------------------------------------------------------------


def get(sop_id: int) -> StoredSop | None:
    """The SOP, in use or in the bin; None when there is none."""
    row = SopRow.get_or_none(SopRow.id == sop_id)
    return _record(row) if row is not None else None


def live() -> list[StoredSop]:
    """Every SOP not in the bin."""
    return [_record(r) for r in _live()]


def in_bin() -> list[StoredSop]:
    """The SOPs in the bin, most recently deleted first."""
    rows = SopRow.select().where(SopRow.deleted_at.is_null(False))
    return [_record(r) for r in rows.order_by(SopRow.deleted_at.desc(), SopRow.id.desc())]


def with_nomor(nomor: str, exclude_id: int | None = None) -> list[StoredSop]:
    """SOPs (not in the bin) whose nomor is `nomor` as the checker compares them;
    none for an empty nomor. One indexed lookup."""
    key = normalize_nomor(nomor)
    if not key:
        return []
    query = _live().where(SopRow.nomor_key == key)
    if exclude_id is not None:
        query = query.where(SopRow.id != exclude_id)
    return [_record(r) for r in query.order_by(SopRow.id)]


def nomor_owners() -> dict[str, list[int]]:
    """Nomor key -> the ids of the SOPs (not in the bin) that use it (one query)."""
    owners: dict[str, list[int]] = defaultdict(list)
    query = _live().select(SopRow.id, SopRow.nomor_key).where(SopRow.nomor_key != "")
    for sop_id, key in query.tuples():
        owners[key].append(sop_id)
    return dict(owners)


def judul_key(judul: str) -> str:
    """A judul as compared between SOPs: case and runs of spaces do not count."""
    return " ".join(judul.split()).casefold()


def without_nomor_titled(judul: str) -> list[StoredSop]:
    """SOPs without a nomor whose judul is `judul` (see `judul_key`); none for an empty judul."""
    key = judul_key(judul)
    if not key:
        return []
    query = _live().where(SopRow.nomor_key == "").order_by(SopRow.id)
    return [_record(r) for r in query if not r.nomor.strip() and judul_key(r.judul) == key]


def same_sop_rows(nomor: str, judul: str) -> list[StoredSop]:
    """The SOPs a document with this nomor and judul is taken to be: by nomor,
    or — for a document without nomor — SOPs without nomor of the same judul."""
    if nomor.strip():
        return with_nomor(nomor)
    return without_nomor_titled(judul)


def with_uid(uid: str) -> StoredSop | None:
    """The SOP (not in the bin) with this code; None for an empty or unknown code."""
    if not uid.strip():
        return None
    row = _live().where(SopRow.uid == uid.strip().lower()).first()
    return _record(row) if row is not None else None


# -- revisions -----------------------------------------------------------------------


def _revision_row(sop_id: int, revisi_ke: int) -> SopRevisionRow | None:
    return SopRevisionRow.get_or_none(
        (SopRevisionRow.sop == sop_id) & (SopRevisionRow.revisi_ke == revisi_ke)
    )


def _required_revision(sop_id: int, revisi_ke: int) -> SopRevisionRow:
    rev = _revision_row(sop_id, revisi_ke)
    if rev is None:  # only a damaged database gets here
        row = _row(sop_id)
        name = row.nomor.strip() or row.judul.strip() or "tanpa nomor"
        raise DatabaseDamagedError(
            f"Data SOP {sop_id} ({name}) tidak lengkap: revisi ke-{revisi_ke} tidak ada "
            f"di basis data; {DAMAGED_ADVICE}",
            f"sop_id={sop_id}, revisi_ke={revisi_ke}",
        )
    return rev


def _document_of(rev: SopRevisionRow) -> SopDocument:
    doc = serialize.loads(rev.document)
    doc.revisi_ke = rev.revisi_ke
    return doc


def revisions(sop_id: int) -> list[StoredRevision]:
    """The history, oldest first; each revision with its own status."""
    rows = (
        SopRevisionRow.select()
        .where(SopRevisionRow.sop == sop_id)
        .order_by(SopRevisionRow.revisi_ke)
    )
    return [
        StoredRevision(
            r.revisi_ke,
            r.tanggal,
            r.catatan,
            r.created_at,
            r.content_hash,
            serialize.loads(r.document).status,
        )
        for r in rows
    ]


def revision_document(sop_id: int, revisi_ke: int) -> SopDocument | None:
    """A revision's document exactly as stored; None when there is no such revision."""
    rev = _revision_row(sop_id, revisi_ke)
    return serialize.loads(rev.document) if rev is not None else None


def current_document(sop_id: int) -> SopDocument:
    """The latest revision's document, with its own status."""
    return _document_of(_required_revision(sop_id, _row(sop_id).revisi_ke))


def document_in_force(sop_id: int) -> SopDocument | None:
    """The document of the revision in force, or None."""
    row = _row(sop_id)
    if row.revisi_berlaku is None:
        return None
    return _document_of(_required_revision(sop_id, row.revisi_berlaku))


def latest_status(sop_id: int) -> SopStatus:
    """The status of the latest revision (draf: it may be edited in place)."""
    return current_document(sop_id).status


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


# -- writing -------------------------------------------------------------------------


def _mirror(row: SopRow, doc: SopDocument, now: datetime) -> None:
    """Copy the latest revision's identity into the record (not its status)."""
    row.nomor = doc.nomor
    row.nomor_key = normalize_nomor(doc.nomor)
    row.judul = doc.judul
    row.unit = doc.unit
    row.revisi_ke = doc.revisi_ke
    row.jumlah_langkah = len(doc.steps)
    row.updated_at = now
    row.save()


def _add_revision_row(sop_id: int, doc: SopDocument, catatan: str, now: datetime) -> None:
    SopRevisionRow.create(
        sop=sop_id,
        revisi_ke=doc.revisi_ke,
        tanggal=revision_date(doc),
        catatan=catatan,
        document=serialize.dumps(doc),
        content_hash=serialize.content_hash(doc),
        created_at=now,
    )


def _write_document(rev: SopRevisionRow, doc: SopDocument) -> None:
    rev.document = serialize.dumps(doc)
    rev.content_hash = serialize.content_hash(doc)
    rev.tanggal = revision_date(doc)
    rev.save()


def _set_revision_status(rev: SopRevisionRow, status: SopStatus) -> None:
    doc = serialize.loads(rev.document)
    if doc.status is not status:
        rev.document = serialize.dumps(prepared(doc, status, rev.revisi_ke))
        rev.save()


def _add_note(rev: SopRevisionRow, note: str) -> None:
    if note:
        rev.catatan = f"{rev.catatan}\n{note}" if rev.catatan else note
        rev.save()


def insert(doc: SopDocument, catatan: str, now: datetime) -> StoredSop:
    """A new SOP whose first revision is `doc` (its status and revisi_ke kept:
    a berlaku document is the revision in force)."""
    status = SopStatus(doc.status)
    doc = prepared(doc, status, max(doc.revisi_ke, 0))
    row = SopRow(created_at=now, updated_at=now, status=status.value, uid=uuid.uuid4().hex)
    row.revisi_berlaku = doc.revisi_ke if status is SopStatus.BERLAKU else None
    _mirror(row, doc, now)
    _add_revision_row(row.id, doc, catatan, now)
    return _record(row)


def replace_current(sop_id: int, doc: SopDocument, now: datetime) -> None:
    """Overwrite the latest revision's document (a draft being edited)."""
    row = _row(sop_id)
    rev = _required_revision(sop_id, row.revisi_ke)
    doc = prepared(doc, serialize.loads(rev.document).status, row.revisi_ke)
    _write_document(rev, doc)
    _mirror(row, doc, now)


def add_revision(sop_id: int, doc: SopDocument, catatan: str, tanggal: date, now: datetime) -> int:
    """Revision `revisi_ke + 1` as a draft dated `tanggal`; older ones
    untouched, and the revision in force stays in force."""
    row = _row(sop_id)
    numbers = SopRevisionRow.select(SopRevisionRow.revisi_ke).where(SopRevisionRow.sop == sop_id)
    last = max((r.revisi_ke for r in numbers), default=row.revisi_ke)
    doc = prepared(doc, SopStatus.DRAF, last + 1)
    doc.tanggal_revisi = tanggal
    _add_revision_row(sop_id, doc, catatan, now)
    _mirror(row, doc, now)
    return doc.revisi_ke


def bring_into_force(
    sop_id: int, now: datetime, doc: SopDocument | None = None, note: str = ""
) -> int | None:
    """The latest revision comes into force (its JSON reads berlaku); the one
    in force before is superseded. `doc`, when given, first replaces the
    latest revision's content (its tanggal efektif and signer as approved);
    `note` is added to its catatan. Returns the number superseded, or None."""
    row = _row(sop_id)
    before = row.revisi_berlaku
    rev = _required_revision(sop_id, row.revisi_ke)
    if doc is not None:
        doc = prepared(doc, SopStatus.BERLAKU, row.revisi_ke)
        _write_document(rev, doc)
        _mirror(row, doc, now)
    else:
        _set_revision_status(rev, SopStatus.BERLAKU)
    _add_note(rev, note)
    row.revisi_berlaku = row.revisi_ke
    row.status = SopStatus.BERLAKU.value
    row.updated_at = now
    row.save()
    return before if before != row.revisi_ke else None


def withdraw(sop_id: int, now: datetime, note: str = "") -> None:
    """The SOP is withdrawn: no revision is in force any more, and the one that
    was reads dicabut (with `note` added to its catatan). A draft in
    preparation stays a draft."""
    row = _row(sop_id)
    rev = None
    if row.revisi_berlaku is not None:
        rev = _required_revision(sop_id, row.revisi_berlaku)
    elif latest_status(sop_id) is SopStatus.BERLAKU:  # not expected: keep the JSON truthful
        rev = _required_revision(sop_id, row.revisi_ke)
    if rev is not None:
        _set_revision_status(rev, SopStatus.DICABUT)
        _add_note(rev, note)
    row.revisi_berlaku = None
    row.status = SopStatus.DICABUT.value
    row.updated_at = now
    row.save()


def move_to_bin(sop_id: int, now: datetime) -> None:
    SopRow.update(deleted_at=now).where(SopRow.id == sop_id).execute()


def restore(sop_id: int, now: datetime) -> None:
    SopRow.update(deleted_at=None, updated_at=now).where(SopRow.id == sop_id).execute()


def purge(sop_id: int) -> None:
    """The SOP and all its revisions, for good (the foreign key cascades)."""
    _row(sop_id).delete_instance()
