"""What the reports read in bulk, and what they keep: frozen versions, the
texts the user writes per report, realisasi anggaran, predikat settings.

Reads are plain SQL on the transaction's connection: a yearly recap reads
tens of thousands of values, and ORM objects for each would cost more than
the recap itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from ...core.kinerja.plan import Target
from ..models import (
    KinerjaAnggaranRow,
    KinerjaLaporanRow,
    KinerjaLaporanTeksRow,
    KinerjaValueRow,
    SettingRow,
)


def _conn():
    return KinerjaValueRow._meta.database.connection()


def _stamp(when: datetime) -> str:
    return when.isoformat(sep=" ", timespec="seconds")


# -- bulk reads -------------------------------------------------------------------------


PLAN_PART = "rencana"


def values_part(tahun: int) -> str:
    return f"nilai {tahun}"


def data_versions() -> dict[str, int]:
    """The token of every part of the data the reports read (`PLAN_PART`, and
    `values_part(year)` per year with values), renewed by triggers on every
    change of that part (schema step 8): equal tokens, unchanged data."""
    return dict(_conn().execute("SELECT bagian, versi FROM kinerja_versi").fetchall())


def values_of_years(first: int, last: int) -> list[tuple[int, int, str, float | None]]:
    """(indicator, unit, period key, nilai) of every current value from `first` to `last`."""
    return (
        _conn()
        .execute(
            "SELECT indicator_id, unit_id, periode, nilai FROM kinerja_value "
            "WHERE aktif = 1 AND periode >= ? AND periode < ?",
            (str(first), str(last + 1)),
        )
        .fetchall()
    )


def pk_targets_of_year(tahun: int, unit_id: int | None = None) -> dict[int, dict[str, Target]]:
    """indicator → {period key (the year, or 2026-TWn): target} from the PKs in force.

    With `unit_id` None every party's PK counts (the Camat's wins where both
    name an indicator); otherwise only that unit's cascaded PK.
    """
    sql = (
        "SELECT t.indicator_id, t.periode, t.nilai, t.teks FROM kinerja_pk_target t "
        "JOIN kinerja_pk p ON p.id = t.pk_id WHERE p.tahun = ? AND p.digantikan_oleh IS NULL "
    )
    params: list[object] = [tahun]
    if unit_id is not None:
        sql += "AND p.unit_id = ? "
        params.append(unit_id)
    sql += "ORDER BY p.unit_id IS NULL, p.unit_id, t.id"
    out: dict[int, dict[str, Target]] = {}
    for ind, periode, nilai, teks in _conn().execute(sql, params):
        out.setdefault(ind, {})[periode] = Target(nilai, teks)
    return out


# -- frozen versions ---------------------------------------------------------------------


@dataclass(frozen=True)
class VersionRecord:
    id: int
    jenis: str
    periode: str
    versi: int
    judul: str
    data_hash: str
    dibuat_at: datetime
    oleh: str
    data: str = ""  # the JSON, only when asked for


_COLUMNS = "id, jenis, periode, versi, judul, data_hash, dibuat_at, oleh"


def _record(row: tuple, data: str = "") -> VersionRecord:
    return VersionRecord(*row[:6], datetime.fromisoformat(row[6]), row[7], data)


def latest_version(jenis: str, periode: str) -> VersionRecord | None:
    row = (
        _conn()
        .execute(
            f"SELECT {_COLUMNS} FROM kinerja_laporan WHERE jenis = ? AND periode = ? "
            "ORDER BY versi DESC LIMIT 1",
            (jenis, periode),
        )
        .fetchone()
    )
    return _record(row) if row else None


def insert_version(
    jenis: str, periode: str, judul: str, data: str, data_hash: str, *, now: datetime, oleh: str
) -> VersionRecord:
    last = latest_version(jenis, periode)
    versi = (last.versi if last else 0) + 1
    new_id = KinerjaLaporanRow.insert(
        jenis=jenis,
        periode=periode,
        versi=versi,
        judul=judul,
        data=data,
        data_hash=data_hash,
        dibuat_at=_stamp(now),
        oleh=oleh,
    ).execute()
    found = version_by_id(int(new_id))
    assert found is not None
    return found


def version_by_id(version_id: int, with_data: bool = False) -> VersionRecord | None:
    cols = _COLUMNS + (", data" if with_data else "")
    row = (
        _conn()
        .execute(f"SELECT {cols} FROM kinerja_laporan WHERE id = ?", (version_id,))
        .fetchone()
    )
    if row is None:
        return None
    return _record(row, row[8] if with_data else "")


def versions(jenis: str | None = None, periode: str | None = None) -> list[VersionRecord]:
    clauses, params = [], []
    for column, value in (("jenis", jenis), ("periode", periode)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = (
        _conn()
        .execute(
            f"SELECT {_COLUMNS} FROM kinerja_laporan{where} ORDER BY jenis, periode, versi", params
        )
        .fetchall()
    )
    return [_record(r) for r in rows]


# -- texts per report -------------------------------------------------------------------------


def texts(jenis: str, periode: str) -> dict[str, str]:
    rows = KinerjaLaporanTeksRow.select().where(
        (KinerjaLaporanTeksRow.jenis == jenis) & (KinerjaLaporanTeksRow.periode == periode)
    )
    return {r.kunci: r.teks for r in rows}


def save_text(jenis: str, periode: str, kunci: str, teks: str, now: datetime) -> None:
    KinerjaLaporanTeksRow.insert(
        jenis=jenis, periode=periode, kunci=kunci, teks=teks, diubah_at=_stamp(now)
    ).on_conflict(
        conflict_target=[
            KinerjaLaporanTeksRow.jenis,
            KinerjaLaporanTeksRow.periode,
            KinerjaLaporanTeksRow.kunci,
        ],
        update={"teks": teks, "diubah_at": _stamp(now)},
    ).execute()


# -- realisasi anggaran ---------------------------------------------------------------------


def anggaran(first: int, last: int) -> dict[int, dict[str, float]]:
    """node → {triwulan key: Rp} for the years `first` … `last`."""
    out: dict[int, dict[str, float]] = {}
    for node, periode, nilai in _conn().execute(
        "SELECT node_id, periode, nilai FROM kinerja_anggaran WHERE periode >= ? AND periode < ?",
        (str(first), str(last + 1)),
    ):
        out.setdefault(node, {})[periode] = nilai
    return out


def set_anggaran(node_id: int, periode: str, nilai: float | None, now: datetime) -> float | None:
    """Store (or with None remove) one figure; the figure it replaced."""
    row = KinerjaAnggaranRow.get_or_none(
        (KinerjaAnggaranRow.node == node_id) & (KinerjaAnggaranRow.periode == periode)
    )
    before = row.nilai if row is not None else None
    if nilai is None:
        if row is not None:
            row.delete_instance()
        return before
    KinerjaAnggaranRow.insert(
        node=node_id, periode=periode, nilai=nilai, diubah_at=_stamp(now)
    ).on_conflict(
        conflict_target=[KinerjaAnggaranRow.node, KinerjaAnggaranRow.periode],
        update={"nilai": nilai, "diubah_at": _stamp(now)},
    ).execute()
    return before


# -- settings ------------------------------------------------------------------------------------


def setting(key: str) -> str | None:
    row = SettingRow.get_or_none(SettingRow.key == key)
    return row.value if row is not None else None


def set_setting(key: str, value: str) -> None:
    SettingRow.insert(key=key, value=value).on_conflict(
        conflict_target=[SettingRow.key], update={"value": value}
    ).execute()


# -- tamper evidence (db periksa) -------------------------------------------------------------


@dataclass(frozen=True)
class VersionProblem:
    """A frozen report version whose stored data no longer matches its hash."""

    version_id: int
    judul: str
    versi: int

    def sentence(self) -> str:
        return (
            f"Laporan {self.judul} versi {self.versi} (nomor {self.version_id}): data yang "
            "dibekukan tidak cocok dengan kodenya (diubah di luar aplikasi)."
        )


def version_problems(conn, limit: int = 1000) -> list[VersionProblem]:
    """Every frozen version whose data's SHA-256 differs from the hash stored with it
    ([] also for a database from before the table existed)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kinerja_laporan'"
    ).fetchone()
    if found is None:
        return []
    problems = []
    for vid, judul, versi, data, digest in conn.execute(
        "SELECT id, judul, versi, data, data_hash FROM kinerja_laporan ORDER BY id"
    ):
        text = data if isinstance(data, str) else ""
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
            problems.append(VersionProblem(vid, str(judul), int(versi)))
            if len(problems) >= limit:
                break
    return problems
