"""core.sop.edits: every op returns its exact inverse, never changes its input, keeps invariants."""

from __future__ import annotations

import copy
import random
from dataclasses import replace

import pytest
from edit_ops import op_strategy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sop_factory import random_sop, sop_strategy

from kinerja_desktop.core.sop import DecisionExit, Lane, SopDocument, Step, StepKind
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop import edits_identity as ei
from kinerja_desktop.core.sop.checker import check_sop

STRUCTURAL = ("pelaksana-tidak-ada", "keputusan-cabang", "cabang-bukan-keputusan")


def _codes(doc: SopDocument) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in check_sop(doc):
        counts[f.code] = counts.get(f.code, 0) + 1
    return counts


def _apply_settling(doc: SopDocument, op: ed.Op) -> tuple[ed.Op, SopDocument, ed.Op] | None:
    """Apply `op`, taking the suggested targets when exits would break; None when refused."""
    try:
        return (op, *ed.apply(doc, op))
    except ed.BrokenExitsError as exc:
        op = replace(op, retarget=exc.suggested())
    except ed.EditError:  # refused, with a message for the user
        return None
    try:
        return (op, *ed.apply(doc, op))
    except ed.BrokenExitsError as exc:  # nothing left to point at
        assert any(b.suggestion is None for b in exc.broken)
        return None
    except ed.EditError:
        return None


def _check_invariants(old: SopDocument, new: SopDocument, op: ed.Op) -> None:
    lanes = [lane.id for lane in new.lanes]
    for step in new.steps:
        assert set(step.pelaksana) <= set(lanes), "a step names a lane that is gone"
        assert step.pelaksana == sorted(step.pelaksana, key=lanes.index), "lanes out of order"
        if step.is_decision:
            assert len(step.exits) == 2 or step in old.steps
        else:
            assert not step.exits or step in old.steps
    new_problems = ed.exit_problems(new) - ed.exit_problems(old)
    if isinstance(op, ed.SetStepKind) and len(new.steps) <= 2:
        new_problems -= {(op.step_id, 0), (op.step_id, 1)}
    assert not new_problems, f"{op} broke exits {new_problems}"
    before, after = _codes(old), _codes(new)
    for code in STRUCTURAL:
        assert after.get(code, 0) <= before.get(code, 0), code


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), sop_strategy(max_lanes=6, max_steps=14))
def test_every_op_is_undone_exactly_and_keeps_invariants(data, doc: SopDocument) -> None:
    op = data.draw(op_strategy(doc))
    frozen = copy.deepcopy(doc)
    result = _apply_settling(doc, op)
    assert doc == frozen, "an op changed its input"
    if result is None:
        return
    op, new, inverse = result
    assert doc == frozen, "an op changed its input"
    _check_invariants(doc, new, op)
    back, redo = ed.apply(new, inverse)
    assert back == doc
    again, _ = ed.apply(back, redo)
    assert again == new


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), sop_strategy(max_lanes=5, max_steps=10))
def test_a_sequence_of_edits_undone_in_reverse_gives_the_original(data, doc) -> None:
    original = copy.deepcopy(doc)
    undo: list[ed.Op] = []
    current = doc
    for _ in range(data.draw(st.integers(1, 8))):
        result = _apply_settling(current, data.draw(op_strategy(current)))
        if result is not None:
            _op, current, inverse = result
            undo.append(inverse)
    for inverse in reversed(undo):
        current, _ = ed.apply(current, inverse)
    assert current == original == doc


# -- examples -------------------------------------------------------------------------


def _doc() -> SopDocument:
    lanes = [Lane("Camat", "A"), Lane("Sekretaris", "B"), Lane("Kasubag", "C")]
    steps = [
        Step("Mulai", ["A"], StepKind.MULAI, id="s1"),
        Step("Menyusun", ["C"], id="s2"),
        Step("Memeriksa", ["B"], id="s3"),
        Step(
            "Benar?",
            ["B"],
            StepKind.KEPUTUSAN,
            exits=[DecisionExit("Ya", None), DecisionExit("Tidak", "s2")],
            id="s4",
        ),
        Step("Menandatangani", ["A", "C"], id="s5"),
        Step("Selesai", ["A"], StepKind.SELESAI, id="s6"),
    ]
    return SopDocument(nomor="1", judul="Uji", lanes=lanes, steps=steps)


def test_removing_a_step_an_exit_leads_to_asks_and_suggests_the_next_step() -> None:
    doc = _doc()
    with pytest.raises(ed.BrokenExitsError) as caught:
        ed.RemoveSteps(("s2",))(doc)
    (broken,) = caught.value.broken
    assert (broken.step_id, broken.index, broken.label) == ("s4", 1, "Tidak")
    assert broken.suggestion == "s3"
    new, inverse = ed.RemoveSteps(("s2",), (((("s4", 1)), "s3"),))(doc)
    assert [s.id for s in new.steps] == ["s1", "s3", "s4", "s5", "s6"]
    assert new.steps[2].exits[1].target == "s3"
    assert ed.apply(new, inverse)[0] == doc


def test_moving_a_decision_to_the_end_asks_about_its_next_step_exit() -> None:
    doc = _doc()
    with pytest.raises(ed.BrokenExitsError) as caught:
        ed.MoveSteps(("s4",), 5)(doc)
    assert [b.key for b in caught.value.broken] == [("s4", 0)]
    assert ed.move_by(doc, ["s4"], -1) == ed.MoveSteps(("s4",), 2)
    assert ed.move_by(doc, ["s1"], -1) is None
    moved, _ = ed.move_by(doc, ["s2", "s3"], 1)(doc)
    assert [s.id for s in moved.steps] == ["s1", "s4", "s2", "s3", "s5", "s6"]


def test_removing_a_lane_in_use_clears_it_or_hands_its_steps_over() -> None:
    doc = _doc()
    assert ei.lane_use(doc, "C") == [1, 4]
    cleared, _ = ei.RemoveLane("C")(doc)
    assert cleared.steps[1].pelaksana == [] and cleared.steps[4].pelaksana == ["A"]
    moved, inverse = ei.RemoveLane("C", move_to="B")(doc)
    assert moved.steps[1].pelaksana == ["B"] and moved.steps[4].pelaksana == ["A", "B"]
    assert [lane.id for lane in moved.lanes] == ["A", "B"]
    assert ed.apply(moved, inverse)[0] == doc


def test_reordering_lanes_keeps_every_step_in_lane_order() -> None:
    moved, _ = ei.MoveLane("C", 0)(_doc())
    assert [lane.id for lane in moved.lanes] == ["C", "A", "B"]
    assert moved.steps[4].pelaksana == ["C", "A"]


def test_kind_changes_give_a_decision_two_exits_and_take_them_away() -> None:
    doc = _doc()
    decision, _ = ed.SetStepKind("s3", StepKind.KEPUTUSAN)(doc)
    assert decision.steps[2].exits == [DecisionExit("Ya", None), DecisionExit("Tidak", "s2")]
    process, _ = ed.SetStepKind("s4", StepKind.PROSES)(doc)
    assert process.steps[3].exits == []


def test_exits_refuse_their_own_step_and_a_missing_next_step() -> None:
    doc = _doc()
    with pytest.raises(ed.EditError, match="itu sendiri"):
        ed.SetExit("s4", 1, target="s4")(doc)
    relabelled, _ = ed.SetExit("s4", 0, label="Benar")(doc)
    assert relabelled.steps[3].exits[0] == DecisionExit("Benar", None)


def test_identity_fields_check_their_type_and_nested_fields_work() -> None:
    doc = _doc()
    signed, inverse = ei.SetField("pengesahan.nama", "Drs. Ahmad")(doc)
    assert signed.pengesahan.nama == "Drs. Ahmad" and doc.pengesahan.nama == ""
    assert ed.apply(signed, inverse)[0] == doc
    with pytest.raises(ed.EditError):
        ei.SetField("tanggal_efektif", "kemarin")(doc)
    with pytest.raises(ed.EditError):
        ei.SetField("status", "berlaku")(doc)


def test_ops_share_what_they_do_not_change() -> None:
    doc = random_sop(random.Random(3), n_lanes=8, n_steps=40)
    new, _ = ed.SetStepText(doc.steps[5].id, "waktu", "5 menit")(doc)
    assert new.steps[5].mutu_baku.waktu == "5 menit"
    assert all(a is b for k, (a, b) in enumerate(zip(doc.steps, new.steps, strict=True)) if k != 5)
    assert new.lanes is doc.lanes


def test_new_step_takes_the_lanes_of_the_step_above() -> None:
    doc = _doc()
    step = ed.new_step(doc, 2, uraian="Baru", waktu="5 menit")
    assert step.pelaksana == ["C"] and step.mutu_baku.waktu == "5 menit"
    assert ed.new_step(doc, 0).pelaksana == []
