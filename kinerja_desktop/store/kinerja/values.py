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

from ...core.errors import ValidationError
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


_V = KinerjaValueRow
_COLUMNS = (
    _V.id,
    _V.indicator,
    _V.unit,
    _V.periode,
    _V.nilai,
    _V.teks,
    _V.keterangan,
    _V.bukti,
    _V.jenis,
    _V.batch,
    _V.file_name,
    _V.sheet,
    _V.cell,
    _V.file_hash,
    _V.recorded_at,
    _V.menggantikan,
    _V.aktif,
    _V.status_validasi,
)


def _values(where) -> list[StoredValue]:  # a peewee expression on the value rows
    rows = _V.select(*_COLUMNS).where(where).order_by(_V.id).tuples()
    out = []
    for r in rows:
        recorded = r[14] if isinstance(r[14], datetime) else datetime.fromisoformat(str(r[14]))
        out.append(StoredValue(*r[:14], recorded, r[15], bool(r[16]), r[17]))
    return out


def current_values(periode: str, unit_id: int | None = None) -> list[StoredValue]:
    where = (_V.periode == periode) & (_V.aktif == True)  # noqa: E712
    if unit_id is not None:
        where &= _V.unit == unit_id
    return _values(where)


def current_for_periods(indicator_ids: list[int], unit_id: int) -> list[StoredValue]:
    """Every current value of these indicators for the unit (any period)."""
    out: list[StoredValue] = []
    for chunk in (indicator_ids[i : i + 500] for i in range(0, len(indicator_ids), 500)):
        out.extend(_values(_V.indicator.in_(chunk) & (_V.unit == unit_id) & (_V.aktif == True)))  # noqa: E712
    return out


def history(indicator_id: int, unit_id: int, periode: str) -> list[StoredValue]:
    return _values((_V.indicator == indicator_id) & (_V.unit == unit_id) & (_V.periode == periode))


_INSERT = (
    "INSERT INTO kinerja_value (indicator_id, unit_id, periode, nilai, teks, keterangan, bukti, "
    "jenis, import_id, file_name, sheet, cell, file_hash, recorded_at, menggantikan_id, aktif) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
)


class LockedValueError(ValidationError):
    """A write would replace a validated value (only a signed Perbaikan may)."""


def _refuse_locked(conn, ids: list[int]) -> None:
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        locked = conn.execute(
            f"SELECT count(*) FROM kinerja_value WHERE id IN ({marks}) "
            "AND status_validasi = 'valid'",
            chunk,
        ).fetchone()[0]
        if locked:
            raise LockedValueError(
                f"{locked} nilai sudah divalidasi dan dikunci; tidak dapat diganti oleh impor "
                "(ajukan Perbaikan Data Kinerja)."
            )


def record_values(  # noqa: PLR0917 - provenance fields of one batch
    batch_id: int | None,
    jenis: str,
    file_name: str,
    file_hash: str,
    values: list[NewValue],
    now: datetime,
) -> int:
    """Insert values as current, retiring what they replace; how many were written.

    Plain executemany on the transaction's own connection: a returned form
    brings up to a few hundred values, and one statement per value through the
    ORM costs more than reading the whole file.
    """
    if not values:
        return 0
    conn = _V._meta.database.connection()
    keys = {(v.indicator_id, v.unit_id, v.periode) for v in values}
    old: dict[tuple[int, int, str], int] = {}
    for unit_id, periode in {(u, p) for _i, u, p in keys}:
        found = conn.execute(
            "SELECT indicator_id, id FROM kinerja_value WHERE unit_id = ? AND periode = ? "
            "AND aktif = 1",
            (unit_id, periode),
        )
        old.update(
            {(i, unit_id, periode): vid for i, vid in found if (i, unit_id, periode) in keys}
        )
    _refuse_locked(conn, list(old.values()))
    conn.executemany(
        "UPDATE kinerja_value SET aktif = 0 WHERE id = ?", [(i,) for i in old.values()]
    )
    stamp = now.isoformat(sep=" ")
    conn.executemany(
        _INSERT,
        [
            (
                v.indicator_id,
                v.unit_id,
                v.periode,
                v.nilai,
                v.teks,
                v.keterangan,
                v.bukti,
                jenis,
                batch_id,
                file_name,
                v.sheet,
                v.cell,
                file_hash,
                stamp,
                old.get((v.indicator_id, v.unit_id, v.periode)),
            )
            for v in values
        ],
    )
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
