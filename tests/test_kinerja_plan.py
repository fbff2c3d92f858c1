"""The plan: the Renstra tree and its rules, PK and PK Perubahan, the plan
workbook, and the demo plan a new user starts with."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.plan import (
    Indicator,
    Level,
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    Renstra,
    Target,
)
from kinerja_desktop.core.kinerja.rules import Polarity, ValueKind
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.services.session import open_session
from tests.kinerja_helpers import Clock, demo_session


@pytest.fixture()
def empty(tmp_path: Path):
    with open_session(tmp_path / "p.db", create=True, demo_if_new=False) as session:
        yield KinerjaPlanService(session, Clock())


def test_the_tree_keeps_its_levels(empty: KinerjaPlanService) -> None:
    rid = empty.save_renstra(Renstra("Renstra", 2025, 2029))
    tujuan = empty.save_node(rid, PlanNode(Level.TUJUAN, "1", "Tujuan"))
    sasaran = empty.save_node(rid, PlanNode(Level.SASARAN, "1.1", "Sasaran", tujuan))
    with pytest.raises(ValidationError, match="tidak dapat berada di bawah"):
        empty.save_node(rid, PlanNode(Level.KEGIATAN, "1.1.1", "Kegiatan", sasaran))
    with pytest.raises(ValidationError, match="harus berada di bawah induknya"):
        empty.save_node(rid, PlanNode(Level.PROGRAM, "7.01", "Program"))
    with pytest.raises(ValidationError, match="Pagu anggaran hanya"):
        empty.save_node(rid, PlanNode(Level.SASARAN, "1.2", "Sasaran", tujuan, pagu={2026: 5.0}))
    program = empty.save_node(
        rid, PlanNode(Level.PROGRAM, "7.01.01", "Program", sasaran, pagu={2026: 1.5e9})
    )
    with pytest.raises(ValidationError, match="bertumpang tindih"):
        empty.save_renstra(Renstra("Lain", 2027, 2031))
    tree = empty.plan(rid)
    assert [n.kode for n in tree.nodes] == ["1", "1.1", "7.01.01"]
    assert tree.nodes[2].pagu == {2026: 1.5e9} and tree.nodes[2].id == program
    with pytest.raises(ValidationError, match="masih mempunyai isi"):
        empty.delete_node(sasaran)


def test_targets_follow_the_rule_and_none_is_not_zero(empty: KinerjaPlanService) -> None:
    rid = empty.save_renstra(Renstra("Renstra", 2025, 2029))
    node = empty.save_node(rid, PlanNode(Level.TUJUAN, "1", "Tujuan"))
    from kinerja_desktop.core.kinerja.rules import CalculationRule, ScaleLevel

    scale = CalculationRule(
        jenis_nilai=ValueKind.SKALA, skala=(ScaleLevel("WTP", 4), ScaleLevel("WDP", 3))
    )
    ind_id = empty.save_indicator(
        Indicator(
            node,
            "I.1",
            "Opini",
            targets={2025: Target(None, "wdp"), 2026: Target(None)},
            rule=scale,
            baseline_tahun=2024,
            baseline=Target(None, "WDP"),
        )
    )
    (ind,) = empty.plan(rid).indicators
    assert ind.id == ind_id and ind.targets == {2025: Target(3, "WDP")}  # 2026: no target
    with pytest.raises(ValidationError, match="bukan tingkat skala"):
        empty.save_indicator(
            Indicator(node, "I.2", "Opini", targets={2025: Target(None, "A")}, rule=scale)
        )
    with pytest.raises(ValidationError, match="di luar periode"):
        empty.save_indicator(Indicator(node, "I.3", "X", targets={2031: Target(1.0)}))


def test_pk_and_pk_perubahan_are_both_kept(empty: KinerjaPlanService) -> None:
    rid = empty.save_renstra(Renstra("Renstra", 2025, 2029))
    node = empty.save_node(rid, PlanNode(Level.TUJUAN, "1", "Tujuan"))
    ind = empty.save_indicator(Indicator(node, "I.1", "Jumlah", targets={2026: Target(12.0)}))
    first = empty.save_pk(
        PerjanjianKinerja(
            rid,
            2026,
            items=[
                PkItem(
                    ind,
                    Target(12.0),
                    {1: Target(3.0), 2: Target(3.0), 3: Target(3.0), 4: Target(3.0)},
                )
            ],
        )
    )
    with pytest.raises(ValidationError, match="sudah ada"):
        empty.save_pk(PerjanjianKinerja(rid, 2026, items=[PkItem(ind, Target(10.0))]))
    with pytest.raises(ValidationError, match="alasan"):
        empty.pk_perubahan(first, [PkItem(ind, Target(10.0))], "  ")
    second = empty.pk_perubahan(first, [PkItem(ind, Target(10.0), {4: Target(1.0)})], "Refocusing")
    pks = {p.id: p for p in empty.list_pk(2026)}
    assert pks[first].digantikan and pks[first].items[0].triwulan[1] == Target(3.0)
    assert not pks[second].digantikan and pks[second].versi == 1
    assert pks[second].label == "PK Perubahan 2026" and pks[second].alasan == "Refocusing"
    assert empty.pk_in_force(2026).id == second
    with pytest.raises(ValidationError, match="sudah digantikan"):
        empty.pk_perubahan(first, [PkItem(ind, Target(9.0))], "lagi")


def test_the_demo_plan(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    plan = KinerjaPlanService(session)
    (renstra,) = plan.list_renstra()
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2025, 2029)
    tree = plan.plan(renstra.id)
    levels = [n.level for n in tree.nodes]
    assert 3 <= levels.count(Level.SASARAN) <= 4
    assert 15 <= len(tree.indicators) <= 25
    rules = [i.rule for i in tree.indicators]
    assert any(r.polaritas is Polarity.NEGATIF for r in rules)
    assert any(r.jenis_nilai is ValueKind.PERSEN for r in rules)
    assert any(r.jenis_nilai is ValueKind.SKALA for r in rules)
    assert all(set(i.targets) == set(renstra.years) for i in tree.indicators)
    assert len({i.unit_id for i in tree.indicators}) >= 6
    pk = plan.pk_in_force(2026)
    assert pk is not None and all(len(item.triwulan) >= 2 for item in pk.items)
    values = KinerjaValueService(session)
    assert len(values.values("2026-TW1")) >= 15 and len(values.values("2026-TW2")) >= 15
    assert values.values("2026-TW3") == []
    board = KinerjaRoundService(session).status("2026-TW2")
    assert board.complete
    session.close()


def test_a_plan_workbook_with_mistakes_stores_nothing(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    service = KinerjaPlanBookService(session, Clock())
    book = tmp_path / "rencana.xlsx"
    service.export(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Indikator"]
    ws["Q2"] = "sekitar 80"  # Target 2025 of the first indicator
    ws["E3"] = "Seksi Antariksa"
    wb.save(book)
    preview = service.preview(book)
    messages = [str(p) for p in preview.problems]
    assert (
        "Indikator!Q2: 'sekitar 80' bukan angka. Ketik angkanya saja, mis. 80 atau 12,5."
        in messages
    )
    assert any(m.startswith("Indikator!E3: unit 'Seksi Antariksa' tidak ada") for m in messages)
    with pytest.raises(ValidationError):
        service.apply(preview)
    session.close()
