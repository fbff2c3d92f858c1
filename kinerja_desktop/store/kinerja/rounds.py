"""Collection rounds and the forms issued in them."""

from __future__ import annotations

from datetime import datetime

from ...core.kinerja.forms import FormIdentity, IssuedForm, Round, rows_from_json, rows_to_json
from ...core.kinerja.periods import parse_period
from ..models import KinerjaFormRow, KinerjaRoundRow, SettingRow

KECAMATAN_KEY = "kinerja.kecamatan_id"


def kecamatan_id() -> str | None:
    row = SettingRow.get_or_none(SettingRow.key == KECAMATAN_KEY)
    return row.value if row is not None else None


def set_kecamatan_id(value: str) -> None:
    SettingRow.insert(key=KECAMATAN_KEY, value=value).on_conflict_ignore().execute()


def round_of(row: KinerjaRoundRow) -> Round:
    return Round(parse_period(row.periode), row.tenggat, row.catatan, row.created_at, row.id)


def rounds() -> list[Round]:
    return [round_of(r) for r in KinerjaRoundRow.select().order_by(KinerjaRoundRow.periode)]


def round_by_id(round_id: int) -> Round | None:
    row = KinerjaRoundRow.get_or_none(KinerjaRoundRow.id == round_id)
    return round_of(row) if row is not None else None


def round_for(periode: str) -> Round | None:
    row = KinerjaRoundRow.get_or_none(KinerjaRoundRow.periode == periode)
    return round_of(row) if row is not None else None


def store_round(r: Round, now: datetime) -> int:
    values = {"periode": r.periode.key, "tenggat": r.tenggat, "catatan": r.catatan}
    if r.id is None:
        return int(KinerjaRoundRow.insert(created_at=now, **values).execute())
    KinerjaRoundRow.update(**values).where(KinerjaRoundRow.id == r.id).execute()
    return r.id


def _form_of(row: KinerjaFormRow, r: Round, kec: tuple[str, str], unit: str) -> IssuedForm:
    identity = FormIdentity(
        kec[0], kec[1], r.id or 0, r.periode.key, row.unit_id, unit, row.form_version
    )
    return IssuedForm(
        identity,
        rows_from_json(row.rows),
        row.checksum,
        row.created_at,
        r.tenggat,
        {"file_name": row.file_name},
        row.id,
    )


def insert_form(form: IssuedForm, file_name: str, now: datetime) -> int:
    return int(
        KinerjaFormRow.insert(
            round=form.identity.round_id,
            unit=form.identity.unit_id,
            form_version=form.identity.form_version,
            checksum=form.checksum,
            rows=rows_to_json(form.rows),
            file_name=file_name,
            created_at=now,
        ).execute()
    )


def forms_issued(
    round_id: int, unit_id: int | None = None
) -> list[tuple[int, int, str, str, datetime]]:
    """(form id, unit id, checksum, file name, created) of the round's forms, oldest first."""
    query = KinerjaFormRow.select().where(KinerjaFormRow.round == round_id)
    if unit_id is not None:
        query = query.where(KinerjaFormRow.unit == unit_id)
    return [
        (r.id, r.unit_id, r.checksum, r.file_name, r.created_at)
        for r in query.order_by(KinerjaFormRow.id)
    ]


def issued_form(
    round_id: int, unit_id: int, checksum: str, kec: tuple[str, str], unit: str
) -> IssuedForm | None:
    """The form of this round and unit with this checksum, or None."""
    row = (
        KinerjaFormRow.select()
        .where(
            (KinerjaFormRow.round == round_id)
            & (KinerjaFormRow.unit == unit_id)
            & (KinerjaFormRow.checksum == checksum)
        )
        .order_by(KinerjaFormRow.id.desc())
        .first()
    )
    r = round_by_id(round_id)
    return _form_of(row, r, kec, unit) if row is not None and r is not None else None


def latest_form(round_id: int, unit_id: int, kec: tuple[str, str], unit: str) -> IssuedForm | None:
    row = (
        KinerjaFormRow.select()
        .where((KinerjaFormRow.round == round_id) & (KinerjaFormRow.unit == unit_id))
        .order_by(KinerjaFormRow.id.desc())
        .first()
    )
    r = round_by_id(round_id)
    return _form_of(row, r, kec, unit) if row is not None and r is not None else None


def forms_of(r: Round, unit_id: int, kec: tuple[str, str], unit: str) -> list[IssuedForm]:
    """Every form issued in the round for the unit, oldest first (one query)."""
    rows = (
        KinerjaFormRow.select()
        .where((KinerjaFormRow.round == r.id) & (KinerjaFormRow.unit == unit_id))
        .order_by(KinerjaFormRow.id)
    )
    return [_form_of(row, r, kec, unit) for row in rows]
