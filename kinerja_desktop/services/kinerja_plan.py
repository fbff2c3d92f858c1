"""Plan use cases: the Renstra tree, its indicators with their rule and
targets, pagu, and the Perjanjian Kinerja with its PK Perubahan.

Every public write is one transaction with one audit row and a change notice
(`KINERJA_PLAN`). Indicators that already have values cannot be deleted,
nor can nodes that still hold children, indicators or realisasi anggaran.
`restore_node` / `restore_indicator` put a record back exactly as it was,
under its own id (the Rencana screen's undo and redo).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.errors import NotFoundError, ValidationError
from ..core.kinerja.plan import (
    Indicator,
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    Renstra,
    check_indicator,
    check_node,
    check_renstra,
    check_target,
)
from ..store import office as office_store
from ..store.kinerja import plan as store
from .entities import KINERJA_PLAN
from .kinerja_types import PlanTree

if TYPE_CHECKING:
    from .session import Session, WriteScope


class KinerjaPlanService:
    """The Renstra plan and the yearly Perjanjian Kinerja."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = datetime.now) -> None:
        self._session = session
        self._clock = clock

    # -- reading -------------------------------------------------------------------
    def list_renstra(self) -> list[Renstra]:
        with self._session.reading():
            return store.renstra_list()

    def plan(self, renstra_id: int) -> PlanTree:
        with self._session.reading():
            renstra = self._renstra(renstra_id)
            return PlanTree(renstra, store.nodes(renstra_id), store.indicators(renstra_id))

    def renstra_for_year(self, tahun: int) -> Renstra | None:
        with self._session.reading():
            return store.renstra_for_year(tahun)

    def list_pk(self, tahun: int | None = None) -> list[PerjanjianKinerja]:
        with self._session.reading():
            return store.pk_list(tahun)

    def pk_in_force(self, tahun: int, unit_id: int | None = None) -> PerjanjianKinerja | None:
        with self._session.reading():
            return store.pk_current(tahun, unit_id)

    @staticmethod
    def _renstra(renstra_id: int) -> Renstra:
        renstra = store.renstra_by_id(renstra_id)
        if renstra is None:
            raise NotFoundError(f"Renstra dengan id {renstra_id} tidak ada.")
        return renstra

    # -- writing: renstra and nodes ------------------------------------------------------
    def save_renstra(self, r: Renstra) -> int:
        r = check_renstra(r)
        with self._session.writing() as scope:
            for other in store.renstra_list():
                overlap = other.tahun_awal <= r.tahun_akhir and r.tahun_awal <= other.tahun_akhir
                if other.id != r.id and overlap:
                    raise ValidationError(f"Periode bertumpang tindih dengan {other.label}.")
            renstra_id = store.store_renstra(r, self._clock())
            scope.record("save", KINERJA_PLAN, renstra_id, f"Renstra disimpan: {r.label}")
        return renstra_id

    def save_node(self, renstra_id: int, node: PlanNode) -> int:
        with self._session.writing() as scope:
            node_id = self._store_node(renstra_id, node)
            scope.record(
                "save",
                KINERJA_PLAN,
                node_id,
                f"{node.level.label} disimpan: {node.kode} {node.nama}",
            )
        return node_id

    def restore_node(self, renstra_id: int, node: PlanNode) -> int:
        """Put `node` back as it was (pagu included), under its own id, whether it was
        changed or deleted since."""
        if node.id is None:
            raise ValidationError("Hanya simpul yang pernah disimpan dapat dikembalikan.")
        with self._session.writing() as scope:
            node_id = self._store_node(renstra_id, node, restore=True)
            scope.record(
                "kembalikan",
                KINERJA_PLAN,
                node_id,
                f"{node.level.label} dikembalikan: {node.kode} {node.nama}",
            )
        return node_id

    def _store_node(self, renstra_id: int, node: PlanNode, restore: bool = False) -> int:
        renstra = self._renstra(renstra_id)
        parent = store.node_by_id(node.parent_id) if node.parent_id is not None else None
        if node.parent_id is not None and (
            parent is None or store.node_renstra_id(node.parent_id) != renstra_id
        ):
            raise ValidationError("Induk tidak ada di Renstra ini.")
        if node.id is not None and store.node_renstra_id(node.id) not in (
            renstra_id,
            *((None,) if restore else ()),
        ):
            raise NotFoundError(f"Simpul dengan id {node.id} tidak ada di Renstra ini.")
        check_node(node, parent, renstra)
        return store.store_node(renstra_id, node, restore=restore)

    def delete_node(self, node_id: int) -> None:
        with self._session.writing() as scope:
            node = store.node_by_id(node_id)
            if node is None:
                raise NotFoundError(f"Simpul dengan id {node_id} tidak ada.")
            if store.child_count(node_id) or store.indicator_count(node_id):
                raise ValidationError(
                    f"{node.level.label} '{node.nama}' masih mempunyai isi "
                    "(turunan atau indikator)."
                )
            if store.node_has_anggaran(node_id):
                raise ValidationError(
                    f"{node.level.label} '{node.nama}' sudah mempunyai realisasi anggaran; "
                    "tidak dapat dihapus."
                )
            store.delete_node(node_id)
            scope.record(
                "delete", KINERJA_PLAN, node_id, f"{node.level.label} dihapus: {node.nama}"
            )

    # -- writing: indicators ---------------------------------------------------------
    def save_indicator(self, ind: Indicator) -> int:
        with self._session.writing() as scope:
            ind_id = self._store_indicator(ind)
            scope.record("save", KINERJA_PLAN, ind_id, f"Indikator disimpan: {ind.kode} {ind.nama}")
        return ind_id

    def restore_indicator(self, ind: Indicator) -> int:
        """Put `ind` back as it was (targets and rule included), under its own id."""
        if ind.id is None:
            raise ValidationError("Hanya indikator yang pernah disimpan dapat dikembalikan.")
        with self._session.writing() as scope:
            ind_id = self._store_indicator(ind, restore=True)
            scope.record(
                "kembalikan", KINERJA_PLAN, ind_id, f"Indikator dikembalikan: {ind.kode} {ind.nama}"
            )
        return ind_id

    def _store_indicator(self, ind: Indicator, restore: bool = False) -> int:
        if ind.node_id is None or store.node_by_id(ind.node_id) is None:
            raise ValidationError(f"Indikator '{ind.nama}': induknya tidak ada.")
        renstra = self._renstra(store.node_renstra_id(ind.node_id) or 0)
        if not restore and ind.id is not None and store.indicator_by_id(ind.id) is None:
            raise NotFoundError(f"Indikator dengan id {ind.id} tidak ada.")
        if ind.unit_id is not None and office_store.unit_by_id(ind.unit_id) is None:
            raise ValidationError(f"Unit dengan id {ind.unit_id} tidak ada.")
        if ind.staff_id is not None and office_store.staff_by_id(ind.staff_id) is None:
            raise ValidationError(f"Pegawai dengan id {ind.staff_id} tidak ada.")
        return store.store_indicator(check_indicator(replace(ind), renstra), restore=restore)

    def delete_indicator(self, indicator_id: int) -> None:
        with self._session.writing() as scope:
            ind = store.indicator_by_id(indicator_id)
            if ind is None:
                raise NotFoundError(f"Indikator dengan id {indicator_id} tidak ada.")
            if store.indicator_has_values(indicator_id):
                raise ValidationError(
                    f"Indikator '{ind.nama}' sudah mempunyai nilai; tidak dapat dihapus."
                )
            store.delete_indicator(indicator_id)
            scope.record("delete", KINERJA_PLAN, indicator_id, f"Indikator dihapus: {ind.nama}")

    # -- perjanjian kinerja ------------------------------------------------------------
    def save_pk(self, pk: PerjanjianKinerja) -> int:
        """A first PK for the year and party (a later one must be a PK Perubahan)."""
        with self._session.writing() as scope:
            pk_id = self._insert_pk(pk, None, scope)
        return pk_id

    def pk_perubahan(self, old_id: int, items: list[PkItem], alasan: str) -> int:
        """A PK Perubahan superseding `old_id`; the old one is kept, marked superseded."""
        if not alasan.strip():
            raise ValidationError("PK Perubahan memerlukan alasan perubahan.")
        with self._session.writing() as scope:
            old = store.pk_by_id(old_id)
            if old is None:
                raise NotFoundError(f"Perjanjian Kinerja dengan id {old_id} tidak ada.")
            if old.digantikan:
                raise ValidationError(f"{old.label} sudah digantikan; ubah PK yang berlaku.")
            new = PerjanjianKinerja(
                old.renstra_id,
                old.tahun,
                old.unit_id,
                old.versi + 1,
                alasan.strip(),
                self._clock(),
                items,
            )
            pk_id = self._insert_pk(new, old, scope)
        return pk_id

    def _insert_pk(
        self, pk: PerjanjianKinerja, old: PerjanjianKinerja | None, scope: WriteScope
    ) -> int:
        renstra = self._renstra(pk.renstra_id)
        if pk.tahun not in renstra.years:
            raise ValidationError(f"Tahun {pk.tahun} di luar periode {renstra.label}.")
        if old is None and store.pk_current(pk.tahun, pk.unit_id) is not None:
            raise ValidationError(
                f"Perjanjian Kinerja {pk.tahun} untuk pihak ini sudah ada; buat PK Perubahan."
            )
        known = {i.id: i for i in store.indicators(renstra.id or 0)}
        items = [self._checked_item(item, known) for item in pk.items]
        if not items:
            raise ValidationError("Perjanjian Kinerja harus memuat sedikitnya satu indikator.")
        pk_id = store.insert_pk(replace(pk, items=items), self._clock())
        if old is not None and old.id is not None:
            store.supersede_pk(old.id, pk_id)
        unit = office_store.unit_by_id(pk.unit_id) if pk.unit_id is not None else None
        who = "Camat" if unit is None else unit.nama
        scope.record(
            "save", KINERJA_PLAN, pk_id, f"{pk.label} disimpan ({len(items)} indikator, {who[:60]})"
        )
        return pk_id

    @staticmethod
    def _checked_item(item: PkItem, known: dict[int | None, Indicator]) -> PkItem:
        ind = known.get(item.indicator_id)
        if ind is None:
            raise ValidationError(f"Indikator id {item.indicator_id} tidak ada di Renstra ini.")
        target = check_target(ind, item.target, f"PK, indikator '{ind.nama}'")
        tw = {}
        for n, t in sorted(item.triwulan.items()):
            if n not in (1, 2, 3, 4):
                raise ValidationError(f"Triwulan {n} tidak ada.")
            checked = check_target(ind, t, f"PK, indikator '{ind.nama}', triwulan {n}")
            if checked.is_set:
                tw[n] = checked
        return PkItem(item.indicator_id, target, tw)
