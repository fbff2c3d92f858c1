"""Validations and Perbaikan rows (schema step 6).

A validation marks the current, filled-in values of a period (one unit or
all) `status_validasi = 'valid'` and points them at its `kinerja_validasi`
row. A Perbaikan keeps the value row it corrects, old and new value, and one
`kinerja_perbaikan_langkah` row per step; `sign_correction` writes the new
value row (jenis 'perbaikan', validated, replacing the old one) when the
Camat has signed. No transactions or audit here: the services wrap these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...core.kinerja.perbaikan import (
    VALID,
    Langkah,
    Nilai,
    Perbaikan,
    PerbaikanStatus,
    Sumber,
)
from ..models import (
    KinerjaPerbaikanLangkahRow,
    KinerjaPerbaikanRow,
    KinerjaValidasiRow,
    KinerjaValueRow,
)


def _conn():
    return KinerjaValueRow._meta.database.connection()


def _stamp(when: datetime) -> str:
    return when.isoformat(sep=" ", timespec="seconds")


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- validation -------------------------------------------------------------------------


_PENDING = (
    "FROM kinerja_value WHERE periode = ? AND aktif = 1 AND status_validasi <> 'valid' "
    "AND nilai IS NOT NULL"
)


def pending_count(periode: str, unit_id: int | None) -> int:
    """Filled-in current values of the period not yet validated."""
    sql, params = _PENDING, [periode]
    if unit_id is not None:
        sql, params = sql + " AND unit_id = ?", [*params, unit_id]
    return int(_conn().execute("SELECT count(*) " + sql, params).fetchone()[0])


def validate(periode: str, unit_id: int | None, oleh: str, now: datetime) -> tuple[int, int]:
    """Validate the pending values; (validasi id, how many). Nothing is written for none."""
    count = pending_count(periode, unit_id)
    if not count:
        return 0, 0
    vid = int(
        KinerjaValidasiRow.insert(
            periode=periode, unit=unit_id, jumlah=count, oleh=oleh, at=_stamp(now)
        ).execute()
    )
    sql, params = _PENDING, [periode]
    if unit_id is not None:
        sql, params = sql + " AND unit_id = ?", [*params, unit_id]
    _conn().execute(
        "UPDATE kinerja_value SET status_validasi = ?, validasi_id = ? WHERE id IN "
        f"(SELECT id {sql})",
        [VALID, vid, *params],
    )
    return vid, count


@dataclass(frozen=True)
class UnitCounts:
    """Current values of one unit in a period: all rows, validated, not filled in."""

    unit_id: int
    jumlah: int
    valid: int
    kosong: int
    terakhir_validasi: datetime | None

    @property
    def belum(self) -> int:
        return self.jumlah - self.valid - self.kosong


def counts(periode: str) -> dict[int, UnitCounts]:
    rows = _conn().execute(
        "SELECT v.unit_id, count(*), sum(v.status_validasi = 'valid'), sum(v.nilai IS NULL), "
        "max(d.at) FROM kinerja_value v LEFT JOIN kinerja_validasi d ON d.id = v.validasi_id "
        "WHERE v.periode = ? AND v.aktif = 1 GROUP BY v.unit_id",
        (periode,),
    )
    return {
        u: UnitCounts(u, n, int(valid or 0), int(empty or 0), _when(last) if last else None)
        for u, n, valid, empty, last in rows
    }


def is_validated(value_id: int) -> bool:
    row = (
        _conn()
        .execute("SELECT status_validasi FROM kinerja_value WHERE id = ?", (value_id,))
        .fetchone()
    )
    return row is not None and row[0] == VALID


# -- perbaikan ------------------------------------------------------------------------------

_P = KinerjaPerbaikanRow


@dataclass(frozen=True)
class NewPerbaikan:
    value_id: int
    indicator_id: int
    unit_id: int
    periode: str
    lama: Nilai
    baru: Nilai
    keterangan_baru: str
    alasan: str
    bukti: str


def insert_perbaikan(p: NewPerbaikan, now: datetime) -> int:
    return int(
        _P.insert(
            value=p.value_id,
            indicator=p.indicator_id,
            unit=p.unit_id,
            periode=p.periode,
            nilai_lama=p.lama.nilai,
            teks_lama=p.lama.teks,
            nilai_baru=p.baru.nilai,
            teks_baru=p.baru.teks,
            keterangan_baru=p.keterangan_baru,
            alasan=p.alasan,
            bukti=p.bukti,
            status=PerbaikanStatus.DIAJUKAN.value,
            dibuat_at=_stamp(now),
            diubah_at=_stamp(now),
        ).execute()
    )


def open_for_value(value_id: int) -> int | None:
    row = (
        _conn()
        .execute(
            "SELECT id FROM kinerja_perbaikan WHERE value_id = ? AND status IN "
            "('diajukan', 'diperiksa', 'diparaf')",
            (value_id,),
        )
        .fetchone()
    )
    return int(row[0]) if row else None


def add_step(perbaikan_id: int, step: Langkah) -> None:
    KinerjaPerbaikanLangkahRow.insert(
        perbaikan=perbaikan_id,
        status=step.status.value,
        pejabat=step.pejabat,
        jabatan=step.jabatan,
        nip=step.nip,
        oleh=step.oleh,
        catatan=step.catatan,
        at=_stamp(step.at),
    ).execute()
    _P.update(status=step.status.value, diubah_at=_stamp(step.at)).where(
        _P.id == perbaikan_id
    ).execute()


def sign_correction(p: Perbaikan, now: datetime) -> int:
    """The corrected value becomes current: a new validated row replacing the old; its id."""
    conn = _conn()
    old = conn.execute(
        "SELECT validasi_id, bukti FROM kinerja_value WHERE id = ?", (p.value_id,)
    ).fetchone()
    conn.execute("UPDATE kinerja_value SET aktif = 0 WHERE id = ?", (p.value_id,))
    cursor = conn.execute(
        "INSERT INTO kinerja_value (indicator_id, unit_id, periode, nilai, teks, keterangan, "
        "bukti, jenis, alasan, import_id, file_name, sheet, cell, file_hash, recorded_at, "
        "menggantikan_id, aktif, status_validasi, validasi_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'perbaikan', ?, NULL, ?, '', '', '', ?, ?, 1, ?, ?)",
        (
            p.indicator_id,
            p.unit_id,
            p.periode,
            p.baru.nilai,
            p.baru.teks,
            p.keterangan_baru,
            p.bukti or (old[1] if old else ""),
            p.alasan,
            f"Perbaikan Data Kinerja #{p.id}",
            now.isoformat(sep=" "),
            p.value_id,
            VALID,
            old[0] if old else None,
        ),
    )
    new_id = int(cursor.lastrowid or 0)
    _P.update(hasil_value=new_id).where(_P.id == p.id).execute()
    return new_id


_SELECT = (
    "SELECT p.id, p.value_id, p.indicator_id, i.kode, i.nama, i.satuan, p.unit_id, u.nama, "
    "p.periode, p.nilai_lama, p.teks_lama, p.nilai_baru, p.teks_baru, p.keterangan_baru, "
    "p.alasan, p.bukti, p.status, p.hasil_value_id, p.dibuat_at, p.diubah_at, "
    "v.file_name, v.sheet, v.cell, v.file_hash, v.jenis "
    "FROM kinerja_perbaikan p JOIN kinerja_indicator i ON i.id = p.indicator_id "
    "JOIN unit u ON u.id = p.unit_id JOIN kinerja_value v ON v.id = p.value_id "
)


def _steps(ids: list[int]) -> dict[int, list[Langkah]]:
    out: dict[int, list[Langkah]] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        for row in _conn().execute(
            "SELECT perbaikan_id, status, pejabat, jabatan, nip, oleh, catatan, at "
            f"FROM kinerja_perbaikan_langkah WHERE perbaikan_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            step = Langkah(PerbaikanStatus(row[1]), *row[2:7], _when(row[7]))
            out.setdefault(row[0], []).append(step)
    return out


def _made(rows: list[tuple]) -> list[Perbaikan]:
    steps = _steps([r[0] for r in rows])
    return [
        Perbaikan(
            id=r[0],
            value_id=r[1],
            indicator_id=r[2],
            kode=r[3],
            indikator=r[4],
            satuan=r[5],
            unit_id=r[6],
            unit=r[7],
            periode=r[8],
            lama=Nilai(r[9], r[10]),
            baru=Nilai(r[11], r[12]),
            keterangan_baru=r[13],
            alasan=r[14],
            bukti=r[15],
            status=PerbaikanStatus(r[16]),
            hasil_value_id=r[17],
            dibuat_at=_when(r[18]),
            diubah_at=_when(r[19]),
            sumber=Sumber(*r[20:25]),
            langkah=tuple(steps.get(r[0], [])),
        )
        for r in rows
    ]


def perbaikan_by_id(perbaikan_id: int) -> Perbaikan | None:
    rows = _conn().execute(_SELECT + "WHERE p.id = ?", (perbaikan_id,)).fetchall()
    found = _made(rows)
    return found[0] if found else None


def perbaikan_list(
    periode: str | None = None, status: str | None = None, unit_id: int | None = None
) -> list[Perbaikan]:
    clauses, params = [], []
    for column, value in (("p.periode", periode), ("p.status", status), ("p.unit_id", unit_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = ("WHERE " + " AND ".join(clauses) + " ") if clauses else ""
    rows = _conn().execute(_SELECT + where + "ORDER BY p.id", params).fetchall()
    return _made(rows)
