"""The plan's rows: Renstra, nodes with pagu, indicators with their rule and
targets, and Perjanjian Kinerja with per-period targets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache

from ...core.kinerja.plan import (
    Indicator,
    Level,
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    Renstra,
    Target,
)
from ...core.kinerja.rules import CalculationRule
from ..models import (
    KinerjaIndicatorRow,
    KinerjaNodeRow,
    KinerjaPaguRow,
    KinerjaPkRow,
    KinerjaPkTargetRow,
    KinerjaRenstraRow,
    KinerjaTargetRow,
    KinerjaValueRow,
)

# -- renstra ----------------------------------------------------------------------


def renstra_of(row: KinerjaRenstraRow) -> Renstra:
    return Renstra(row.nama, row.tahun_awal, row.tahun_akhir, row.id)


def renstra_list() -> list[Renstra]:
    rows = KinerjaRenstraRow.select().order_by(KinerjaRenstraRow.tahun_awal, KinerjaRenstraRow.id)
    return [renstra_of(r) for r in rows]


def renstra_by_id(renstra_id: int) -> Renstra | None:
    row = KinerjaRenstraRow.get_or_none(KinerjaRenstraRow.id == renstra_id)
    return renstra_of(row) if row is not None else None


def renstra_for_year(tahun: int) -> Renstra | None:
    row = (
        KinerjaRenstraRow.select()
        .where((KinerjaRenstraRow.tahun_awal <= tahun) & (KinerjaRenstraRow.tahun_akhir >= tahun))
        .order_by(KinerjaRenstraRow.id.desc())
        .first()
    )
    return renstra_of(row) if row is not None else None


def store_renstra(r: Renstra, now: datetime) -> int:
    values = {"nama": r.nama, "tahun_awal": r.tahun_awal, "tahun_akhir": r.tahun_akhir}
    if r.id is None:
        return int(KinerjaRenstraRow.insert(created_at=now, **values).execute())
    KinerjaRenstraRow.update(**values).where(KinerjaRenstraRow.id == r.id).execute()
    return r.id


# -- nodes ----------------------------------------------------------------------------


def nodes(renstra_id: int) -> list[PlanNode]:
    """Every node of the Renstra, parents before children, in order."""
    conn = KinerjaNodeRow._meta.database.connection()
    rows = conn.execute(
        "SELECT id, level, kode, nama, parent_id, urutan FROM kinerja_node "
        "WHERE renstra_id = ? ORDER BY urutan, id",
        (renstra_id,),
    ).fetchall()
    pagu: dict[int, dict[int, float]] = {}
    for node_id, tahun, nilai in conn.execute(
        "SELECT p.node_id, p.tahun, p.nilai FROM kinerja_pagu p "
        "JOIN kinerja_node n ON n.id = p.node_id WHERE n.renstra_id = ? ORDER BY p.id",
        (renstra_id,),
    ):
        pagu.setdefault(node_id, {})[tahun] = nilai
    made = [
        PlanNode(Level(level), kode, nama, parent, urutan, pagu.get(node_id, {}), node_id)
        for node_id, level, kode, nama, parent, urutan in rows
    ]
    return _tree_order(made)


def _tree_order(items: list[PlanNode]) -> list[PlanNode]:
    children: dict[int | None, list[PlanNode]] = {}
    for n in items:
        children.setdefault(n.parent_id, []).append(n)
    out: list[PlanNode] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children.get(n.id, [])))
    return out


def node_by_id(node_id: int) -> PlanNode | None:
    row = KinerjaNodeRow.get_or_none(KinerjaNodeRow.id == node_id)
    if row is None:
        return None
    pagu = {p.tahun: p.nilai for p in KinerjaPaguRow.select().where(KinerjaPaguRow.node == node_id)}
    return PlanNode(Level(row.level), row.kode, row.nama, row.parent_id, row.urutan, pagu, row.id)


def node_renstra_id(node_id: int) -> int | None:
    row = KinerjaNodeRow.get_or_none(KinerjaNodeRow.id == node_id)
    return row.renstra_id if row is not None else None


def store_node(renstra_id: int, n: PlanNode, *, restore: bool = False) -> int:
    """Insert (no id) or update a node with its pagu; `restore` puts a node that was
    deleted back under its own id (an undo)."""
    values = {
        "renstra": renstra_id,
        "parent": n.parent_id,
        "level": n.level.value,
        "kode": n.kode.strip(),
        "nama": n.nama.strip(),
        "urutan": n.urutan,
    }
    if n.id is None:
        node_id = int(KinerjaNodeRow.insert(**values).execute())
    elif restore and KinerjaNodeRow.get_or_none(KinerjaNodeRow.id == n.id) is None:
        node_id = int(KinerjaNodeRow.insert(id=n.id, **values).execute())
    else:
        KinerjaNodeRow.update(**values).where(KinerjaNodeRow.id == n.id).execute()
        node_id = n.id
    KinerjaPaguRow.delete().where(KinerjaPaguRow.node == node_id).execute()
    for year, value in sorted(n.pagu.items()):
        KinerjaPaguRow.insert(node=node_id, tahun=year, nilai=float(value)).execute()
    return node_id


def delete_node(node_id: int) -> None:
    KinerjaNodeRow.delete().where(KinerjaNodeRow.id == node_id).execute()


def node_has_anggaran(node_id: int) -> bool:
    """Realisasi anggaran entered for the node (deleting it would drop them)."""
    sql = "SELECT 1 FROM kinerja_anggaran WHERE node_id = ? LIMIT 1"
    conn = KinerjaNodeRow._meta.database.connection()
    return conn.execute(sql, (node_id,)).fetchone() is not None


def child_count(node_id: int) -> int:
    return KinerjaNodeRow.select().where(KinerjaNodeRow.parent == node_id).count()


# -- indicators -------------------------------------------------------------------------


_I = KinerjaIndicatorRow
# Read with plain SQL: a Renstra has thousands of indicators and targets, and ORM
# objects (or even peewee tuples) for each cost more than the rest of a form's work.
_SELECT = (
    "SELECT i.id, i.node_id, i.kode, i.nama, i.satuan, i.definisi, i.formula, i.sumber_data, "
    "i.unit_id, i.staff_id, i.iku, i.baseline_tahun, i.baseline_nilai, i.baseline_teks, "
    "i.polaritas, i.agregasi, i.jenis_nilai, i.skala, i.rumus_negatif, i.urutan "
    "FROM kinerja_indicator i JOIN kinerja_node n ON n.id = i.node_id WHERE "
)


@lru_cache(maxsize=256)
def _rule_of(polaritas: str, agregasi: str, jenis: str, skala: str, rumus: str) -> CalculationRule:
    return CalculationRule.from_dict(
        {
            "polaritas": polaritas,
            "agregasi": agregasi,
            "jenis_nilai": jenis,
            "skala": json.loads(skala or "[]"),
            "rumus_negatif": rumus,
        }
    )


class _Targets:
    """Target records shared by value: a large plan has thousands of equal targets
    (Target is immutable), and making each anew costs more than reading it."""

    def __init__(self) -> None:
        self.made: dict[tuple[float | None, str], Target] = {}

    def __call__(self, nilai: float | None, teks: str) -> Target:
        key = (nilai, teks)
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = Target(nilai, teks)
        return found


def _indicator_of(row: tuple, targets: dict[int, Target], target: _Targets) -> Indicator:
    (
        ind_id,
        node,
        kode,
        nama,
        satuan,
        definisi,
        formula,
        sumber,
        unit,
        staff,
        iku,
        b_tahun,
        b_nilai,
        b_teks,
        polaritas,
        agregasi,
        jenis,
        skala,
        rumus,
        urutan,
    ) = row
    return Indicator(
        node,
        kode,
        nama,
        satuan,
        definisi,
        formula,
        sumber,
        unit,
        staff,
        bool(iku),
        b_tahun,
        target(b_nilai, b_teks),
        targets,
        _rule_of(polaritas, agregasi, jenis, skala, rumus),
        urutan,
        ind_id,
    )


_TARGETS = "SELECT t.indicator_id, t.tahun, t.nilai, t.teks FROM kinerja_target t "


def _load(where: str, params: tuple, targets_sql: str | None = None) -> list[Indicator]:
    """The indicators `where` selects with their targets: those `targets_sql` reads
    (the same indicators' targets, with `params`), else by their ids."""
    conn = _I._meta.database.connection()
    rows = conn.execute(_SELECT + where + " ORDER BY i.urutan, i.id", params).fetchall()
    targets: dict[int, dict[int, Target]] = {}
    target = _Targets()
    if targets_sql is not None:
        found = conn.execute(_TARGETS + targets_sql, params).fetchall()
    else:
        ids = [r[0] for r in rows]
        found = []
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            found += conn.execute(_TARGETS + f"WHERE t.indicator_id IN ({marks})", chunk)
    for ind_id, tahun, nilai, teks in found:
        by_year = targets.get(ind_id)
        if by_year is None:
            by_year = targets[ind_id] = {}
        by_year[tahun] = target(nilai, teks)
    return [_indicator_of(r, targets.get(r[0], {}), target) for r in rows]


def indicators(renstra_id: int) -> list[Indicator]:
    return _load(
        "n.renstra_id = ?",
        (renstra_id,),
        "JOIN kinerja_indicator i ON i.id = t.indicator_id "
        "JOIN kinerja_node n ON n.id = i.node_id WHERE n.renstra_id = ? "
        "ORDER BY t.indicator_id, t.tahun",
    )


def indicators_by_ids(ids: list[int]) -> dict[int, Indicator]:
    out: dict[int, Indicator] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        where = f"i.id IN ({','.join('?' * len(chunk))})"
        out.update({i.id: i for i in _load(where, tuple(chunk)) if i.id is not None})
    return out


def indicator_by_id(indicator_id: int) -> Indicator | None:
    return indicators_by_ids([indicator_id]).get(indicator_id)


def store_indicator(ind: Indicator, *, restore: bool = False) -> int:
    """Insert (no id) or update an indicator with its targets; `restore` puts one that
    was deleted back under its own id (an undo)."""
    rule = ind.rule.to_dict()
    values = {
        "node": ind.node_id,
        "kode": ind.kode,
        "nama": ind.nama,
        "satuan": ind.satuan,
        "definisi": ind.definisi,
        "formula": ind.formula,
        "sumber_data": ind.sumber_data,
        "unit": ind.unit_id,
        "staff": ind.staff_id,
        "iku": ind.iku,
        "baseline_tahun": ind.baseline_tahun,
        "baseline_nilai": ind.baseline.nilai,
        "baseline_teks": ind.baseline.teks,
        "polaritas": rule["polaritas"],
        "agregasi": rule["agregasi"],
        "jenis_nilai": rule["jenis_nilai"],
        "skala": json.dumps(rule["skala"], ensure_ascii=False),
        "rumus_negatif": rule["rumus_negatif"],
        "urutan": ind.urutan,
    }
    if ind.id is None:
        ind_id = int(KinerjaIndicatorRow.insert(**values).execute())
    elif restore and KinerjaIndicatorRow.get_or_none(KinerjaIndicatorRow.id == ind.id) is None:
        ind_id = int(KinerjaIndicatorRow.insert(id=ind.id, **values).execute())
    else:
        KinerjaIndicatorRow.update(**values).where(KinerjaIndicatorRow.id == ind.id).execute()
        ind_id = ind.id
    KinerjaTargetRow.delete().where(KinerjaTargetRow.indicator == ind_id).execute()
    for year, t in sorted(ind.targets.items()):
        KinerjaTargetRow.insert(indicator=ind_id, tahun=year, nilai=t.nilai, teks=t.teks).execute()
    return ind_id


def delete_indicator(indicator_id: int) -> None:
    KinerjaIndicatorRow.delete().where(KinerjaIndicatorRow.id == indicator_id).execute()


def indicator_count(node_id: int) -> int:
    return KinerjaIndicatorRow.select().where(KinerjaIndicatorRow.node == node_id).count()


# -- perjanjian kinerja ---------------------------------------------------------------


def _pk_of(row: KinerjaPkRow) -> PerjanjianKinerja:
    items: dict[int, PkItem] = {}
    for t in (
        KinerjaPkTargetRow.select()
        .where(KinerjaPkTargetRow.pk == row.id)
        .order_by(KinerjaPkTargetRow.id)
    ):
        item = items.setdefault(t.indicator_id, PkItem(t.indicator_id, Target(None)))
        target = Target(t.nilai, t.teks)
        if "-TW" in t.periode:
            item.triwulan[int(t.periode.rsplit("TW", 1)[1])] = target
        else:
            item.target = target
    return PerjanjianKinerja(
        renstra_id=row.renstra_id,
        tahun=row.tahun,
        unit_id=row.unit_id,
        versi=row.versi,
        alasan=row.alasan,
        tanggal=row.tanggal,
        items=list(items.values()),
        digantikan=row.digantikan_oleh_id is not None,
        id=row.id,
    )


def pk_list(tahun: int | None = None) -> list[PerjanjianKinerja]:
    query = KinerjaPkRow.select()
    if tahun is not None:
        query = query.where(KinerjaPkRow.tahun == tahun)
    rows = query.order_by(KinerjaPkRow.tahun, KinerjaPkRow.unit, KinerjaPkRow.versi)
    return [_pk_of(r) for r in rows]


def pk_by_id(pk_id: int) -> PerjanjianKinerja | None:
    row = KinerjaPkRow.get_or_none(KinerjaPkRow.id == pk_id)
    return _pk_of(row) if row is not None else None


def pk_current(tahun: int, unit_id: int | None) -> PerjanjianKinerja | None:
    """The PK in force for the year and party (the newest version not superseded)."""
    unit_clause = KinerjaPkRow.unit.is_null() if unit_id is None else KinerjaPkRow.unit == unit_id
    row = (
        KinerjaPkRow.select()
        .where((KinerjaPkRow.tahun == tahun) & unit_clause & KinerjaPkRow.digantikan_oleh.is_null())
        .order_by(KinerjaPkRow.versi.desc())
        .first()
    )
    return _pk_of(row) if row is not None else None


def insert_pk(pk: PerjanjianKinerja, now: datetime) -> int:
    pk_id = int(
        KinerjaPkRow.insert(
            renstra=pk.renstra_id,
            tahun=pk.tahun,
            unit=pk.unit_id,
            versi=pk.versi,
            alasan=pk.alasan,
            tanggal=pk.tanggal,
            created_at=now,
        ).execute()
    )
    for item in pk.items:
        rows = [(str(pk.tahun), item.target)] + [
            (f"{pk.tahun}-TW{n}", t) for n, t in sorted(item.triwulan.items())
        ]
        for periode, t in rows:
            KinerjaPkTargetRow.insert(
                pk=pk_id, indicator=item.indicator_id, periode=periode, nilai=t.nilai, teks=t.teks
            ).execute()
    return pk_id


def supersede_pk(old_id: int, new_id: int) -> None:
    KinerjaPkRow.update(digantikan_oleh=new_id).where(KinerjaPkRow.id == old_id).execute()


def pk_targets_for(indicator_ids: list[int], periode: str) -> dict[int, Target]:
    """Targets for `periode` from the PKs in force (the Camat's first, then cascaded)."""
    found: dict[int, Target] = {}
    query = (
        KinerjaPkTargetRow.select(KinerjaPkTargetRow, KinerjaPkRow)
        .join(KinerjaPkRow)
        .where(
            (KinerjaPkTargetRow.periode == periode)
            & KinerjaPkRow.digantikan_oleh.is_null()
            & KinerjaPkTargetRow.indicator.in_(indicator_ids)
        )
        .order_by(KinerjaPkRow.unit.desc(nulls="LAST"))
    )
    for t in query:
        found[t.indicator_id] = Target(t.nilai, t.teks)  # the Camat's (NULL unit) comes last
    return found


@contextmanager
def trial() -> Iterator[None]:
    """Writes that are undone at the end (a savepoint rolled back): a preview can run the
    real storing code to find its problems without keeping anything."""
    with _I._meta.database.atomic() as txn:
        yield
        txn.rollback()


def indicator_has_values(indicator_id: int) -> bool:
    return KinerjaValueRow.select().where(KinerjaValueRow.indicator == indicator_id).exists()
