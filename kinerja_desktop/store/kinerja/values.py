"""Import batches and values: every value ever recorded, with where it came from.

A value row is never rewritten: recording a new value for the same
indicator × unit × period marks the current row inactive and inserts the new
one pointing at it (`menggantikan_id`) — the history part 2's corrections
extend with `jenis = 'perbaikan'` and an `alasan`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ..models import KinerjaImportRow, KinerjaValueRow


@dataclass(frozen=True)
class StoredValue:
    """A value row as the services see it (nilai None = not filled in)."""

    id: int
    indicator_id: int
    unit_id: int
    periode: str
    nilai: float | None
    teks: str
    keterangan: str
    bukti: str
    jenis: str
    import_id: int | None
    file_name: str
    sheet: str
    cell: str
    file_hash: str
    recorded_at: datetime
    menggantikan_id: int | None
    aktif: bool
    status_validasi: str


@dataclass(frozen=True)
class NewValue:
    indicator_id: int
    unit_id: int
    periode: str
    nilai: float | None
    teks: str
    keterangan: str
    bukti: str
    sheet: str
    cell: str


@dataclass(frozen=True)
class ImportRecord:
    id: int
    round_id: int | None
    unit_id: int | None
    sumber: str
    file_name: str
    file_hash: str
    filled_at: datetime | None
    imported_at: datetime
    status: str
    jumlah_baru: int
    jumlah_ubah: int
    problems: list[str]


def _value_of(r: KinerjaValueRow) -> StoredValue:
    return StoredValue(
        r.id,
        r.indicator_id,
        r.unit_id,
        r.periode,
        r.nilai,
        r.teks,
        r.keterangan,
        r.bukti,
        r.jenis,
        r.import_id,
        r.file_name,
        r.sheet,
        r.cell,
        r.file_hash,
        r.recorded_at,
        r.menggantikan_id,
        bool(r.aktif),
        r.status_validasi,
    )


def current_values(periode: str, unit_id: int | None = None) -> list[StoredValue]:
    query = KinerjaValueRow.select().where(
        (KinerjaValueRow.periode == periode) & (KinerjaValueRow.aktif == True)  # noqa: E712
    )
    if unit_id is not None:
        query = query.where(KinerjaValueRow.unit == unit_id)
    return [_value_of(r) for r in query.order_by(KinerjaValueRow.id)]


def current_for_periods(indicator_ids: list[int], unit_id: int) -> list[StoredValue]:
    """Every current value of these indicators for the unit (any period)."""
    out: list[StoredValue] = []
    for chunk in (indicator_ids[i : i + 500] for i in range(0, len(indicator_ids), 500)):
        query = KinerjaValueRow.select().where(
            KinerjaValueRow.indicator.in_(chunk)
            & (KinerjaValueRow.unit == unit_id)
            & (KinerjaValueRow.aktif == True)  # noqa: E712
        )
        out.extend(_value_of(r) for r in query)
    return out


def history(indicator_id: int, unit_id: int, periode: str) -> list[StoredValue]:
    query = KinerjaValueRow.select().where(
        (KinerjaValueRow.indicator == indicator_id)
        & (KinerjaValueRow.unit == unit_id)
        & (KinerjaValueRow.periode == periode)
    )
    return [_value_of(r) for r in query.order_by(KinerjaValueRow.id)]


def record_values(  # noqa: PLR0917 - provenance fields of one batch
    batch_id: int | None,
    jenis: str,
    file_name: str,
    file_hash: str,
    values: list[NewValue],
    now: datetime,
) -> int:
    """Insert values as current, retiring what they replace; how many were written."""
    for v in values:
        old = KinerjaValueRow.get_or_none(
            (KinerjaValueRow.indicator == v.indicator_id)
            & (KinerjaValueRow.unit == v.unit_id)
            & (KinerjaValueRow.periode == v.periode)
            & (KinerjaValueRow.aktif == True)  # noqa: E712
        )
        if old is not None:
            KinerjaValueRow.update(aktif=False).where(KinerjaValueRow.id == old.id).execute()
        KinerjaValueRow.insert(
            indicator=v.indicator_id,
            unit=v.unit_id,
            periode=v.periode,
            nilai=v.nilai,
            teks=v.teks,
            keterangan=v.keterangan,
            bukti=v.bukti,
            jenis=jenis,
            batch=batch_id,
            file_name=file_name,
            sheet=v.sheet,
            cell=v.cell,
            file_hash=file_hash,
            recorded_at=now,
            menggantikan=old.id if old is not None else None,
            aktif=True,
        ).execute()
    return len(values)


def insert_import(
    *,
    round_id: int | None,
    unit_id: int | None,
    form_id: int | None,
    sumber: str,
    file_name: str,
    file_hash: str,
    filled_at: datetime | None,
    now: datetime,
    status: str,
    baru: int = 0,
    ubah: int = 0,
    problems: list[str] | None = None,
) -> int:
    return int(
        KinerjaImportRow.insert(
            round=round_id,
            unit=unit_id,
            form=form_id,
            sumber=sumber,
            file_name=file_name,
            file_hash=file_hash,
            filled_at=filled_at,
            imported_at=now,
            status=status,
            jumlah_baru=baru,
            jumlah_ubah=ubah,
            problems=json.dumps(problems or [], ensure_ascii=False),
        ).execute()
    )


def _import_of(r: KinerjaImportRow) -> ImportRecord:
    return ImportRecord(
        r.id,
        r.round_id,
        r.unit_id,
        r.sumber,
        r.file_name,
        r.file_hash,
        r.filled_at,
        r.imported_at,
        r.status,
        r.jumlah_baru,
        r.jumlah_ubah,
        json.loads(r.problems or "[]"),
    )


def applied_with_hash(file_hash: str) -> ImportRecord | None:
    row = (
        KinerjaImportRow.select()
        .where(
            (KinerjaImportRow.file_hash == file_hash) & (KinerjaImportRow.status == "diterapkan")
        )
        .order_by(KinerjaImportRow.id)
        .first()
    )
    return _import_of(row) if row is not None else None


def imports_for(round_id: int, unit_id: int | None = None) -> list[ImportRecord]:
    query = KinerjaImportRow.select().where(KinerjaImportRow.round == round_id)
    if unit_id is not None:
        query = query.where(KinerjaImportRow.unit == unit_id)
    return [_import_of(r) for r in query.order_by(KinerjaImportRow.id)]


def import_by_id(import_id: int) -> ImportRecord | None:
    row = KinerjaImportRow.get_or_none(KinerjaImportRow.id == import_id)
    return _import_of(row) if row is not None else None


def state_token(unit_id: int, periode: str) -> str:
    """Changes whenever a value of the unit and period, or an import of it, is recorded."""
    last_value = (
        KinerjaValueRow.select(KinerjaValueRow.id)
        .where((KinerjaValueRow.unit == unit_id) & (KinerjaValueRow.periode == periode))
        .order_by(KinerjaValueRow.id.desc())
        .scalar()
    )
    last_import = (
        KinerjaImportRow.select(KinerjaImportRow.id)
        .where(KinerjaImportRow.unit == unit_id)
        .order_by(KinerjaImportRow.id.desc())
        .scalar()
    )
    return f"{last_value or 0}:{last_import or 0}"
