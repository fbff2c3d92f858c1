"""Editing an SOP document: pure operations that return the edited copy and their inverse.

Every change the editor makes is an `Op` — a small frozen record of what to do —
applied with `apply(doc, op)` (or `op(doc)`), which returns `(new_doc, inverse)`:

* the input document is never changed: what an op touches is rebuilt with
  `dataclasses.replace`, the rest is shared, so every earlier snapshot stays valid
  (the undo stack keeps them; a worker thread may lay one out meanwhile);
* the inverse is itself an op (`Restore` of the top-level fields that changed),
  so `apply(apply(doc, op)[0], inverse)[0] == doc`, exactly;
* the document's invariants are kept: a step names only lanes that exist, in lane
  order; removing a lane clears it from its steps (or hands them to another lane);
  a decision has two exits and only decisions have exits; removing or moving steps
  never silently breaks an exit — `BrokenExitsError` lists the exits that would
  lead nowhere (with a suggested new target each), and the caller asks the user
  and applies the op again with `retarget` filled in.

Ops that refuse (an unknown id, an exit to its own step) raise `EditError` with an
Indonesian message. The base and the step ops live here; identity, list and lane
ops in `edits_identity.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import ValidationError
from .document import DEFAULT_EXIT_LABELS, DecisionExit, SopDocument, Step, StepKind

TOP_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SopDocument))
STEP_TEXT_FIELDS = ("uraian", "kelengkapan", "waktu", "output", "keterangan")
_MUTU_FIELDS = ("kelengkapan", "waktu", "output")

ExitKey = tuple[str, int]  # (decision step id, exit index)


class EditError(ValidationError):
    """An edit that cannot be made as asked (message in Indonesian)."""


@dataclass(frozen=True)
class BrokenExit:
    """A decision exit that an edit would leave leading nowhere."""

    step_id: str
    index: int
    label: str
    old_target: str | None
    suggestion: str | None  # a step id that keeps the exit valid (None: none found)

    @property
    def key(self) -> ExitKey:
        return (self.step_id, self.index)


class BrokenExitsError(EditError):
    """Removing or moving steps would break these exits; retry with `retarget`."""

    def __init__(self, broken: Sequence[BrokenExit], after: SopDocument) -> None:
        super().__init__(f"{len(broken)} cabang keputusan akan kehilangan tujuannya.")
        self.broken = tuple(broken)
        self.after = after  # the document the edit would give, exits not yet settled

    def suggested(self) -> tuple[tuple[ExitKey, str | None], ...]:
        """`retarget` that takes every suggestion."""
        return tuple((b.key, b.suggestion) for b in self.broken)


class Op:
    """One edit; subclasses are frozen dataclasses implementing `run`."""

    def run(self, doc: SopDocument) -> SopDocument:
        raise NotImplementedError

    def __call__(self, doc: SopDocument) -> tuple[SopDocument, Op]:
        return apply(doc, self)


def apply(doc: SopDocument, op: Op) -> tuple[SopDocument, Op]:
    """`op` applied to `doc`: the new document and the op that undoes it."""
    new = op.run(doc)
    changed = tuple(
        (f, getattr(doc, f)) for f in TOP_FIELDS if getattr(new, f) is not getattr(doc, f)
    )
    return new, Restore(changed)


@dataclass(frozen=True)
class Restore(Op):
    """Put top-level fields back as they were: the inverse of every op."""

    values: tuple[tuple[str, Any], ...]

    def run(self, doc: SopDocument) -> SopDocument:
        return replace(doc, **dict(self.values)) if self.values else doc


# -- lookups and exit validity ------------------------------------------------


def step_of(doc: SopDocument, step_id: str) -> tuple[int, Step]:
    for i, step in enumerate(doc.steps):
        if step.id == step_id:
            return i, step
    raise EditError(f"Langkah {step_id!r} tidak ada (mungkin sudah dihapus).")


def exit_ok(doc: SopDocument, index: int, target: str | None) -> bool:
    """True when an exit of step `index` to `target` leads to another step."""
    if target is None:
        return index + 1 < len(doc.steps)
    return target != doc.steps[index].id and any(s.id == target for s in doc.steps)


def exit_problems(doc: SopDocument) -> set[ExitKey]:
    """Every decision exit that leads nowhere or back to its own step."""
    return {
        (step.id, k)
        for i, step in enumerate(doc.steps)
        if step.is_decision
        for k, ex in enumerate(step.exits)
        if not exit_ok(doc, i, ex.target)
    }


def exits_into(doc: SopDocument, step_ids: Sequence[str]) -> list[tuple[int, int]]:
    """(step index, exit index) of every decision exit that names one of `step_ids`."""
    wanted = set(step_ids)
    return [
        (i, k)
        for i, step in enumerate(doc.steps)
        if step.is_decision
        for k, ex in enumerate(step.exits)
        if ex.target in wanted
    ]


def _with_step(doc: SopDocument, index: int, step: Step) -> SopDocument:
    steps = list(doc.steps)
    steps[index] = step
    return replace(doc, steps=steps)


def _sorted_lanes(doc: SopDocument, lane_ids: Sequence[str]) -> list[str]:
    order = {lane.id: i for i, lane in enumerate(doc.lanes)}
    unknown = [lid for lid in lane_ids if lid not in order]
    if unknown:
        raise EditError("Pelaksana yang dipilih tidak ada dalam daftar pelaksana.")
    return sorted(dict.fromkeys(lane_ids), key=order.__getitem__)


# -- one step -------------------------------------------------------------------


@dataclass(frozen=True)
class SetStepText(Op):
    """Uraian, Kelengkapan, Waktu, Output or Keterangan of one step."""

    step_id: str
    field: str
    value: str

    def run(self, doc: SopDocument) -> SopDocument:
        if self.field not in STEP_TEXT_FIELDS:
            raise EditError(f"Kolom {self.field!r} tidak dapat diubah.")
        i, step = step_of(doc, self.step_id)
        if self.field in _MUTU_FIELDS:
            new = replace(step, mutu_baku=replace(step.mutu_baku, **{self.field: self.value}))
        else:
            new = replace(step, **{self.field: self.value})
        return _with_step(doc, i, new)


def default_exits(doc: SopDocument, index: int) -> list[DecisionExit]:
    """Two exits for a step that becomes a decision: "Ya" to the next step and
    "Tidak" back to the step before it (a rework loop), valid where possible."""
    yes, no = DEFAULT_EXIT_LABELS
    earlier = [s.id for s in doc.steps[:index]][::-1]  # the nearest first
    if index + 1 < len(doc.steps):
        return [DecisionExit(yes, None), DecisionExit(no, earlier[0] if earlier else None)]
    # The last step has no next step: both exits lead back.
    return [
        DecisionExit(yes, earlier[0] if earlier else None),
        DecisionExit(no, earlier[1] if len(earlier) > 1 else None),
    ]


@dataclass(frozen=True)
class SetStepKind(Op):
    """Mulai / Proses / Keputusan / Selesai. A new decision gets two exits; a
    step that stops being a decision drops its exits."""

    step_id: str
    kind: StepKind

    def run(self, doc: SopDocument) -> SopDocument:
        i, step = step_of(doc, self.step_id)
        kind = StepKind(self.kind)
        if kind is step.jenis:
            return doc
        if kind is StepKind.KEPUTUSAN:
            exits = step.exits if len(step.exits) == 2 else default_exits(doc, i)
        else:
            exits = []
        return _with_step(doc, i, replace(step, jenis=kind, exits=list(exits)))


@dataclass(frozen=True)
class SetStepLanes(Op):
    """The lanes (Pelaksana) doing one step; the importer's guess is then confirmed."""

    step_id: str
    lane_ids: tuple[str, ...]

    def run(self, doc: SopDocument) -> SopDocument:
        i, step = step_of(doc, self.step_id)
        lanes = _sorted_lanes(doc, self.lane_ids)
        return _with_step(doc, i, replace(step, pelaksana=lanes, pelaksana_ditebak=False))


def toggle_lane(doc: SopDocument, step_id: str, lane_id: str) -> SetStepLanes:
    """The op that ticks or unticks one lane of one step."""
    _i, step = step_of(doc, step_id)
    lanes = [lid for lid in step.pelaksana if lid != lane_id]
    if lane_id not in step.pelaksana:
        lanes.append(lane_id)
    return SetStepLanes(step_id, tuple(lanes))


KEEP: Any = object()  # SetExit: leave this part as it is


@dataclass(frozen=True)
class SetExit(Op):
    """Label and/or target of one exit of a decision (target None = the next step)."""

    step_id: str
    index: int
    label: str = KEEP
    target: str | None = KEEP

    def run(self, doc: SopDocument) -> SopDocument:
        i, step = step_of(doc, self.step_id)
        if not step.is_decision or not 0 <= self.index < len(step.exits):
            raise EditError("Hanya langkah keputusan yang memiliki cabang.")
        old = step.exits[self.index]
        label = old.label if self.label is KEEP else self.label
        target = old.target if self.target is KEEP else self.target
        if self.target is not KEEP:
            _check_target(doc, i, target)
        exits = list(step.exits)
        exits[self.index] = DecisionExit(label, target)
        return _with_step(doc, i, replace(step, exits=exits))


def _check_target(doc: SopDocument, index: int, target: str | None) -> None:
    if target is None:
        if index + 1 == len(doc.steps):
            raise EditError("Langkah terakhir tidak memiliki langkah berikutnya; pilih tujuan.")
        return
    if target == doc.steps[index].id:
        raise EditError("Cabang keputusan tidak boleh kembali ke langkah itu sendiri.")
    step_of(doc, target)


# -- several steps ----------------------------------------------------------------


def _check_new_steps(doc: SopDocument, steps: Sequence[Step]) -> None:
    have = {s.id for s in doc.steps}
    new_ids = [s.id for s in steps]
    if len(set(new_ids)) != len(new_ids) or have & set(new_ids):
        raise EditError("Langkah baru memakai nomor pengenal yang sudah ada.")
    lanes = {lane.id for lane in doc.lanes}
    if any(lid not in lanes for s in steps for lid in s.pelaksana):
        raise EditError("Langkah baru menunjuk pelaksana yang tidak ada.")


@dataclass(frozen=True)
class InsertSteps(Op):
    """New steps before position `index` (len(steps) = at the end)."""

    index: int
    steps: tuple[Step, ...]

    def run(self, doc: SopDocument) -> SopDocument:
        if not 0 <= self.index <= len(doc.steps):
            raise EditError("Posisi langkah baru di luar tabel.")
        _check_new_steps(doc, self.steps)
        added = [replace(s, pelaksana=_sorted_lanes(doc, s.pelaksana)) for s in self.steps]
        new = replace(doc, steps=[*doc.steps[: self.index], *added, *doc.steps[self.index :]])
        ids = {s.id for s in new.steps}
        if any(ex.target is not None and ex.target not in ids for s in added for ex in s.exits):
            raise EditError("Cabang langkah baru menuju langkah yang tidak ada.")
        return new


def _suggest(old: SopDocument, new: SopDocument, step_id: str, target: str | None) -> str | None:
    """A step of `new` that keeps the exit's direction: for a jump back, the
    nearest step left between the old target and the decision; for a jump
    forward (or "the next step"), the nearest step at or after the old target."""
    old_pos = {s.id: i for i, s in enumerate(old.steps)}
    here = old_pos[step_id]
    anchor = old_pos[target] if target in old_pos else here + 1
    left = sorted(old_pos[s.id] for s in new.steps if s.id != step_id and s.id in old_pos)
    if anchor < here:
        order = [p for p in left if anchor <= p < here]
        order += [p for p in reversed(left) if p < anchor] + [p for p in left if p > here]
    else:
        order = [p for p in left if p >= anchor] + [p for p in reversed(left) if p < anchor]
    return old.steps[order[0]].id if order else None


def _settle_exits(
    old: SopDocument, new: SopDocument, retarget: Mapping[ExitKey, str | None]
) -> SopDocument:
    """Apply `retarget` to `new`; BrokenExitsError for exits valid in `old` that
    `new` leaves leading nowhere and `retarget` does not settle."""
    steps = list(new.steps)
    for i, step in enumerate(steps):
        keys = [(step.id, k) for k in range(len(step.exits)) if (step.id, k) in retarget]
        if keys and step.is_decision:
            exits = list(step.exits)
            for key in keys:
                exits[key[1]] = DecisionExit(exits[key[1]].label, retarget[key])
            steps[i] = replace(step, exits=exits)
    settled = replace(new, steps=steps) if retarget else new
    broken = sorted(
        exit_problems(settled) - exit_problems(old), key=lambda k: (settled.step_index(k[0]), k[1])
    )
    if broken:
        raise BrokenExitsError([_broken(old, new, key) for key in broken], new)
    return settled


def _broken(old: SopDocument, new: SopDocument, key: ExitKey) -> BrokenExit:
    _i, step = step_of(old, key[0])
    ex = step.exits[key[1]]
    return BrokenExit(key[0], key[1], ex.label, ex.target, _suggest(old, new, key[0], ex.target))


@dataclass(frozen=True)
class RemoveSteps(Op):
    """Remove steps; exits that led to them must be given a new target in `retarget`."""

    step_ids: tuple[str, ...]
    retarget: tuple[tuple[ExitKey, str | None], ...] = ()

    def run(self, doc: SopDocument) -> SopDocument:
        gone = set(self.step_ids)
        for sid in gone:
            step_of(doc, sid)
        new = replace(doc, steps=[s for s in doc.steps if s.id not in gone])
        return _settle_exits(doc, new, dict(self.retarget))


@dataclass(frozen=True)
class MoveSteps(Op):
    """Move steps (kept in their order) so that the first lands at `to_index` of
    the result; exits the move would break must be settled in `retarget`."""

    step_ids: tuple[str, ...]
    to_index: int
    retarget: tuple[tuple[ExitKey, str | None], ...] = ()

    def run(self, doc: SopDocument) -> SopDocument:
        wanted = set(self.step_ids)
        moving = [s for s in doc.steps if s.id in wanted]
        if len(moving) != len(wanted):
            raise EditError("Langkah yang dipindahkan tidak ada.")
        rest = [s for s in doc.steps if s.id not in wanted]
        if not 0 <= self.to_index <= len(rest):
            raise EditError("Langkah tidak dapat dipindahkan ke luar tabel.")
        steps = [*rest[: self.to_index], *moving, *rest[self.to_index :]]
        if [s.id for s in steps] == [s.id for s in doc.steps]:
            return doc
        return _settle_exits(doc, replace(doc, steps=steps), dict(self.retarget))


def move_by(doc: SopDocument, step_ids: Sequence[str], delta: int) -> MoveSteps | None:
    """The op moving a block of steps up (-1) or down (+1); None at the edge."""
    indices = sorted(doc.step_index(sid) for sid in step_ids)
    if not indices:
        return None
    first = indices[0] + delta
    if first < 0 or first + len(indices) > len(doc.steps):
        return None
    ordered = tuple(doc.steps[i].id for i in indices)
    return MoveSteps(ordered, first)


def new_step(doc: SopDocument, index: int, kind: StepKind = StepKind.PROSES, **text: str) -> Step:
    """A step to insert at `index`: done by the lanes of the step before it."""
    lanes = list(doc.steps[index - 1].pelaksana) if 0 < index <= len(doc.steps) else []
    step = Step(uraian=text.pop("uraian", ""), pelaksana=lanes, jenis=kind)
    step = replace(step, **{k: v for k, v in text.items() if k == "keterangan"})
    mutu = {k: v for k, v in text.items() if k in _MUTU_FIELDS}
    return replace(step, mutu_baku=replace(step.mutu_baku, **mutu)) if mutu else step
