"""Hypothesis strategies of editing ops for a given SOP document (tests of core.sop.edits).

`op_strategy(doc)` draws one op of any kind with arguments that make sense for
`doc` (ids that exist, values of the right type), and now and then arguments an
op must refuse (an exit back to its own step, an unknown lane).
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from kinerja_desktop.core.sop import Lane, Pengesahan, Step, StepKind
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop import edits_identity as ei

TEXT = st.text(alphabet="abc XYZ-/0123", max_size=12)


def _field_value(name: str):
    kind = ei.IDENTITY_FIELDS[name]
    if kind is date:
        return st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    if kind is bool:
        return st.booleans()
    if kind is Pengesahan:
        return st.builds(Pengesahan, TEXT, TEXT, TEXT, TEXT)
    return TEXT


@st.composite
def _identity_op(draw, doc):
    name = draw(st.sampled_from(sorted(ei.IDENTITY_FIELDS)))
    return ei.SetField(name, draw(_field_value(name)))


@st.composite
def _list_op(draw, doc):
    attr = draw(st.sampled_from(ei.LIST_NAMES))
    n = len(getattr(doc, attr))
    if n == 0 or draw(st.booleans()):
        return ei.ListInsert(attr, draw(st.integers(0, n)), draw(TEXT))
    i = draw(st.integers(0, n - 1))
    return draw(
        st.sampled_from(
            [
                ei.ListRemove(attr, i),
                ei.ListMove(attr, i, draw(st.integers(0, n - 1))),
                ei.ListEdit(attr, i, draw(TEXT)),
            ]
        )
    )


@st.composite
def _lane_op(draw, doc):
    ids = [lane.id for lane in doc.lanes]
    if not ids or draw(st.integers(0, 3)) == 0:
        lane = Lane(nama=draw(TEXT), id=f"new-lane-{draw(st.integers(0, 99))}")
        return ei.AddLane(draw(st.integers(0, len(ids))), lane)
    lane_id = draw(st.sampled_from(ids))
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return ei.RenameLane(lane_id, draw(TEXT))
    if kind == 1:
        return ei.MoveLane(lane_id, draw(st.integers(0, len(ids) - 1)))
    return ei.RemoveLane(lane_id, draw(st.one_of(st.none(), st.sampled_from(ids))))


@st.composite
def _step_op(draw, doc):
    ids = [s.id for s in doc.steps]
    step_id = draw(st.sampled_from(ids))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return ed.SetStepText(step_id, draw(st.sampled_from(ed.STEP_TEXT_FIELDS)), draw(TEXT))
    if kind == 1:
        return ed.SetStepKind(step_id, draw(st.sampled_from(list(StepKind))))
    if kind == 2:
        lanes = [lane.id for lane in doc.lanes]
        chosen = draw(st.lists(st.sampled_from(lanes), unique=True)) if lanes else []
        return ed.SetStepLanes(step_id, tuple(chosen))
    decisions = [s for s in doc.steps if s.is_decision]
    if not decisions:
        return ed.SetStepText(step_id, "uraian", draw(TEXT))
    step = draw(st.sampled_from(decisions))
    target = draw(st.one_of(st.none(), st.sampled_from(ids)))
    return ed.SetExit(step.id, draw(st.integers(0, len(step.exits) - 1)), draw(TEXT), target)


@st.composite
def _steps_op(draw, doc):
    ids = [s.id for s in doc.steps]
    kind = draw(st.integers(0, 2))
    if kind == 0 or not ids:
        count = draw(st.integers(1, 3))
        lanes = [lane.id for lane in doc.lanes]
        new = tuple(
            Step(
                uraian=draw(TEXT),
                pelaksana=draw(st.lists(st.sampled_from(lanes), unique=True)) if lanes else [],
                jenis=draw(st.sampled_from([StepKind.PROSES, StepKind.SELESAI])),
                id=f"new-step-{k}",
            )
            for k in range(count)
        )
        return ed.InsertSteps(draw(st.integers(0, len(ids))), new)
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
    if kind == 1:
        return ed.RemoveSteps(tuple(chosen))
    return ed.MoveSteps(tuple(chosen), draw(st.integers(0, len(ids) - len(chosen))))


def op_strategy(doc):
    """One op for `doc`, of any kind."""
    options = [_identity_op(doc), _list_op(doc), _lane_op(doc), _steps_op(doc)]
    if doc.steps:
        options += [_step_op(doc), _step_op(doc)]  # the edits people make most
    return st.one_of(options)
