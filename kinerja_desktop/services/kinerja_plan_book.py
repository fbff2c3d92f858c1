"""The plan as a workbook: export a Renstra (tree, indicators, targets, pagu,
PKs) and import one back — preview first, then one transaction.

An import matches by kode: a Renstra of the same period is updated (nodes by
tingkat + kode, indicators by kode), new rows are added, nothing is deleted.
Without such a Renstra a new one is made. A PK that exists and differs is
taken as a PK Perubahan only when the workbook raises its Versi and gives an
Alasan; otherwise it is reported and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KinerjaError, NotFoundError, ValidationError
from ..core.kinerja.forms import FormProblem
from ..core.kinerja.plan import (
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    check_indicator,
    check_node,
    check_renstra,
)
from ..core.kinerja.plan_book import CAMAT, BookIndicator, BookNode, BookPk, BookPkItem, PlanBook
from ..exchange.kinerja_xlsx.plan_book import read_plan_workbook, write_plan_workbook
from ..store import office as office_store
from ..store.kinerja import plan as store
from .entities import KINERJA_PLAN

if TYPE_CHECKING:
    from .session import Session


@dataclass
class PlanImport:
    """What a plan workbook would do; nothing is stored yet."""

    path: Path
    book: PlanBook
    problems: list[FormProblem]
    renstra_id: int | None  # the Renstra it updates, None = a new one
    nodes_new: int = 0
    nodes_updated: int = 0
    indicators_new: int = 0
    indicators_updated: int = 0
    pk_new: int = 0
    pk_unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def book_of(renstra_id: int) -> PlanBook:
    renstra = store.renstra_by_id(renstra_id)
    if renstra is None:
        raise NotFoundError(f"Renstra dengan id {renstra_id} tidak ada.")
    nodes = store.nodes(renstra_id)
    kode = {n.id: n.kode for n in nodes}
    units = {u.id: u.nama for u in office_store.units()}
    book = PlanBook(renstra)
    book.nodes = [
        BookNode(n.level, n.kode, n.nama, kode.get(n.parent_id, ""), n.pagu) for n in nodes
    ]
    inds = store.indicators(renstra_id)
    book.indicators = [
        BookIndicator(i, kode.get(i.node_id, ""), units.get(i.unit_id, "")) for i in inds
    ]
    ind_kode = {i.id: i.kode for i in inds}
    for pk in store.pk_list():
        if pk.renstra_id != renstra_id:
            continue
        items = [
            BookPkItem(ind_kode.get(it.indicator_id, ""), it.target, it.triwulan) for it in pk.items
        ]
        book.pks.append(BookPk(pk.tahun, units.get(pk.unit_id, CAMAT), pk.versi, pk.alasan, items))
    return book


class KinerjaPlanBookService:
    def __init__(self, session: Session, clock: Callable[[], datetime] = datetime.now) -> None:
        self._session = session
        self._clock = clock

    def export(self, path: Path, renstra_id: int | None = None) -> PlanBook:
        with self._session.reading():
            if renstra_id is None:
                found = store.renstra_list()
                if not found:
                    raise KinerjaError("Belum ada Renstra untuk diekspor.")
                renstra_id = found[-1].id or 0
            book = book_of(renstra_id)
        write_plan_workbook(book, path)
        return book

    def preview(self, path: Path) -> PlanImport:
        book, problems = read_plan_workbook(Path(path))
        with self._session.reading():
            result = PlanImport(Path(path), book, problems, None)
            try:
                book.renstra = check_renstra(book.renstra)
            except ValidationError as exc:
                problems.append(FormProblem(exc.message, "Renstra", "B2"))
                return result
            same = [
                r
                for r in store.renstra_list()
                if (r.tahun_awal, r.tahun_akhir)
                == (book.renstra.tahun_awal, book.renstra.tahun_akhir)
            ]
            result.renstra_id = same[0].id if same else None
            _plan(result)
        return result

    def apply(self, preview: PlanImport) -> int:
        """Store the previewed plan (refused when it has problems); the Renstra id."""
        if not preview.ok:
            raise ValidationError(f"Buku kerja rencana bermasalah: {preview.problems[0]}")
        with self._session.writing() as scope:
            again = PlanImport(preview.path, preview.book, [], preview.renstra_id)
            renstra_id = _apply(again, self._clock())
            if again.problems:
                raise ValidationError(f"Buku kerja rencana bermasalah: {again.problems[0]}")
            scope.record(
                "import",
                KINERJA_PLAN,
                renstra_id,
                f"Rencana diimpor dari {preview.path.name}: {preview.book.renstra.label}",
            )
        return renstra_id


def _plan(result: PlanImport) -> None:
    """Count what would happen (and find problems) without writing: run the apply in a
    savepoint and roll it back."""
    try:
        with store.trial():
            _apply(result, datetime.now())
    except (ValidationError, NotFoundError) as exc:
        result.problems.append(FormProblem(exc.message))


def _apply(result: PlanImport, now: datetime) -> int:
    book = result.book
    renstra = replace(book.renstra, id=result.renstra_id)
    renstra_id = store.store_renstra(renstra, now)
    renstra.id = renstra_id
    existing = {(n.level, n.kode): n for n in store.nodes(renstra_id)} if result.renstra_id else {}
    ids: dict[str, int] = {n.kode: n.id or 0 for n in existing.values()}
    for b in book.nodes:
        old = existing.get((b.level, b.kode))
        parent_id = ids.get(b.parent_kode) if b.parent_kode else None
        if b.parent_kode and parent_id is None:
            result.problems.append(
                FormProblem(f"kode induk '{b.parent_kode}' tidak dikenal.", "Struktur", f"D{b.row}")
            )
            continue
        node = PlanNode(b.level, b.kode, b.nama, parent_id, b.row, b.pagu, old.id if old else None)
        parent = store.node_by_id(parent_id) if parent_id else None
        try:
            check_node(node, parent, renstra)
        except ValidationError as exc:
            result.problems.append(FormProblem(exc.message, "Struktur", f"A{b.row}"))
            continue
        ids[b.kode] = store.store_node(renstra_id, node)
        if old:
            result.nodes_updated += 1
        else:
            result.nodes_new += 1
    _apply_indicators(result, renstra, ids)
    _apply_pks(result, renstra_id, now)
    return renstra_id


def _apply_indicators(result: PlanImport, renstra, ids: dict[str, int]) -> None:
    existing = {i.kode: i for i in store.indicators(renstra.id)} if result.renstra_id else {}
    for b in result.book.indicators:
        node_id = ids.get(b.node_kode)
        unit = office_store.unit_named(b.unit) if b.unit else None
        if node_id is None:
            result.problems.append(
                FormProblem(f"kode induk '{b.node_kode}' tidak dikenal.", "Indikator", f"C{b.row}")
            )
            continue
        if b.unit and unit is None:
            result.problems.append(
                FormProblem(f"unit '{b.unit}' tidak ada.", "Indikator", f"E{b.row}")
            )
            continue
        old = existing.get(b.indicator.kode)
        ind = replace(
            b.indicator,
            node_id=node_id,
            unit_id=unit.id if unit else None,
            id=old.id if old else None,
            staff_id=old.staff_id if old else None,
        )
        try:
            store.store_indicator(check_indicator(ind, renstra))
        except ValidationError as exc:
            result.problems.append(FormProblem(exc.message, "Indikator", f"A{b.row}"))
            continue
        if old:
            result.indicators_updated += 1
        else:
            result.indicators_new += 1


def _apply_pks(result: PlanImport, renstra_id: int, now: datetime) -> None:
    by_kode = {i.kode: i.id for i in store.indicators(renstra_id)}
    for b in result.book.pks:
        unit = None if b.pihak.casefold() == CAMAT.casefold() else office_store.unit_named(b.pihak)
        if b.pihak.casefold() != CAMAT.casefold() and unit is None:
            result.problems.append(
                FormProblem(f"pihak PK '{b.pihak}' bukan Camat dan bukan unit yang ada.", "PK")
            )
            continue
        items = [
            PkItem(by_kode[i.indicator_kode] or 0, i.target, i.triwulan)
            for i in b.items
            if i.indicator_kode in by_kode
        ]
        pk = PerjanjianKinerja(
            renstra_id, b.tahun, unit.id if unit else None, b.versi, b.alasan, now, items
        )
        current = store.pk_current(b.tahun, pk.unit_id)
        if current is not None and _same_items(current.items, items):
            result.pk_unchanged += 1
            continue
        if current is not None and not (b.versi > current.versi and b.alasan):
            result.problems.append(
                FormProblem(
                    f"PK {b.tahun} {b.pihak} berbeda dengan yang tersimpan (versi "
                    f"{current.versi}); untuk PK Perubahan naikkan Versi dan isi Alasan.",
                    "PK",
                )
            )
            continue
        pk_id = store.insert_pk(pk, now)
        if current is not None and current.id is not None:
            store.supersede_pk(current.id, pk_id)
        result.pk_new += 1


def _same_items(a: list[PkItem], b: list[PkItem]) -> bool:
    def key(items: list[PkItem]) -> list:
        return sorted((i.indicator_id, i.target, sorted(i.triwulan.items())) for i in items)

    return key(a) == key(b)
