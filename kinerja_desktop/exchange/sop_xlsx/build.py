"""From raw rows to lanes and steps: symbols, lanes, decision exits.

Two ways of reading:

* our own layout ("kinerja"): everything is stated — the symbol in the lane
  cells and the Simbol column, the exits in the Cabang Keputusan columns with
  target step numbers — and is taken exactly;
* a hand-typed table ("ketik"): marks of any kind in the lane columns;
  "Mulai"/"Selesai" marks set the kind, otherwise the first step becomes
  Mulai and the last Selesai; a step worded "Jika … jika tidak …
  dikembalikan/diperbaiki" becomes a decision with a guessed way back; a
  step without a mark gets its lane guessed from its wording. Every
  assumption is reported in the notes.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kinerja_desktop.core.sop import (
    DEFAULT_EXIT_LABELS,
    DecisionExit,
    Lane,
    MutuBaku,
    Step,
    StepKind,
)
from kinerja_desktop.core.sop.lane_guess import guess_lane

from .header import TableHeader, header_waktu_unit
from .labels import TARGET_NEXT, Col, kind_of_mark, norm
from .notes import Notes
from .rows import RawStep, step_number

_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_NEXT_WORDS = frozenset({TARGET_NEXT, "lanjut", "selanjutnya", "berikut", "langkah berikutnya"})
_TARGET_TEXT = re.compile(r"^(?:ke\s+)?(?:langkah|no\.?)?\s*(\d{1,4})\.?$", re.IGNORECASE)
_DECISION_IF = re.compile(r"\b(jika|apabila|bila)\b", re.IGNORECASE)
_DECISION_NO = re.compile(r"\b(jika|apabila|bila)\s+(tidak|belum)\b", re.IGNORECASE)
_DECISION_BACK = re.compile(r"dikembalikan|di\s*kembalikan|diperbaiki|di\s*perbaiki|kembali")


def build_lanes(header: TableHeader, raws: list[RawStep], exact: bool, notes: Notes) -> list[Lane]:
    """One lane per role column; in typed tables unnamed, unmarked columns are dropped."""
    lanes: list[Lane] = []
    used = {k for raw in raws for k in raw.marks}
    for position, (_col, name) in enumerate(header.lanes):
        if exact:
            lanes.append(Lane(name))
            continue
        clean = " ".join(name.split())
        if not clean and position not in used:
            lanes.append(Lane(""))  # placeholder, removed below
            continue
        if not clean:
            clean = f"Pelaksana {position + 1}"
            notes.ragu(f"Kolom pelaksana ke-{position + 1} tidak bernama; diberi nama '{clean}'.")
        lanes.append(Lane(clean))
    return lanes


def _mark_kind(raw: RawStep) -> StepKind | None:
    kinds = {k for mark in raw.marks.values() if (k := kind_of_mark(mark)) is not None}
    return kinds.pop() if len(kinds) == 1 else None


def _own_kind(raw: RawStep, number: int, notes: Notes) -> StepKind:
    from_marks = _mark_kind(raw)
    from_column = kind_of_mark(raw.text(Col.SIMBOL))
    if from_marks and from_column and from_marks is not from_column:
        notes.ragu(
            f"Simbol di kolom pelaksana ({from_marks.label}) berbeda dengan kolom Simbol "
            f"({from_column.label}); dipakai {from_marks.label}.",
            number,
        )
    kind = from_marks or from_column
    if kind is None:
        notes.ragu("Simbol langkah tidak dikenali; dianggap Proses.", number)
        return StepKind.PROSES
    return kind


def _resolve_target(
    value: object, numbers: dict[int, int], count: int, number: int, notes: Notes
) -> int | None:
    """Index of the step an exit points to; None = the next step."""
    text = str(value).strip() if value is not None else ""
    if not text or norm(text) in _NEXT_WORDS:
        return None
    target = step_number(value)
    if target is None and (m := _TARGET_TEXT.match(text)):
        target = int(m.group(1))
    if target is None:
        notes.masalah(
            f"Tujuan cabang '{text}' tidak dimengerti; dianggap langkah berikutnya.", number
        )
        return None
    if target in numbers:
        return numbers[target]
    if 1 <= target <= count:
        notes.ragu(f"Tujuan cabang 'langkah {target}' dibaca menurut urutan baris.", number)
        return target - 1
    notes.masalah(
        f"Tujuan cabang 'langkah {target}' tidak ada; dianggap langkah berikutnya.", number
    )
    return None


def _number_map(raws: list[RawStep]) -> dict[int, int]:
    """Written step number → position, for numbers written exactly once."""
    seen: dict[int, list[int]] = {}
    for index, raw in enumerate(raws):
        if raw.number is not None:
            seen.setdefault(raw.number, []).append(index)
    return {n: idx[0] for n, idx in seen.items() if len(idx) == 1}


def _base_step(raw: RawStep, lanes: list[Lane]) -> Step:
    return Step(
        uraian=raw.text(Col.URAIAN),
        pelaksana=[lanes[k].id for k in sorted(raw.marks) if k < len(lanes)],
        mutu_baku=MutuBaku(raw.text(Col.KELENGKAPAN), raw.text(Col.WAKTU), raw.text(Col.OUTPUT)),
        keterangan=raw.text(Col.KETERANGAN),
    )


def build_own_steps(raws: list[RawStep], lanes: list[Lane], notes: Notes) -> list[Step]:
    """Steps of our own layout: symbols and exits as written."""
    steps = [_base_step(raw, lanes) for raw in raws]
    numbers = _number_map(raws)
    for index, (raw, step) in enumerate(zip(raws, steps, strict=True)):
        number = index + 1
        step.jenis = _own_kind(raw, number, notes)
        for label, target in raw.exits:
            where = _resolve_target(target, numbers, len(steps), number, notes)
            step.exits.append(DecisionExit(label, steps[where].id if where is not None else None))
        if not step.pelaksana:
            notes.masalah(
                "Langkah ini tidak punya pelaksana (tidak ada kolom yang ditandai).", number
            )
    return steps


# -- hand-typed tables -----------------------------------------------------------------
def _waktu_as_written(steps: list[Step], unit: str, notes: Notes) -> None:
    bare = [s for s in steps if _BARE_NUMBER.match(s.mutu_baku.waktu)]
    if not unit or not bare:
        return
    if unit == "menit":
        notes.info("Kolom Waktu bersatuan menit: angka tanpa satuan dibaca sebagai menit.")
        return
    for step in bare:
        step.mutu_baku.waktu = f"{step.mutu_baku.waktu} {unit}"
    notes.info(f"Kolom Waktu bersatuan {unit}: satuan '{unit}' ditambahkan pada angka waktu.")


def _back_target(steps: list[Step], index: int) -> int | None:
    """The earlier step whose Output best matches this step's Kelengkapan (else the previous)."""
    if index == 0:
        return None
    wanted = norm(steps[index].mutu_baku.kelengkapan)
    best, best_ratio = index - 1, 0.0
    for j in range(index - 1, -1, -1):
        ratio = SequenceMatcher(None, wanted, norm(steps[j].mutu_baku.output)).ratio()
        if wanted and ratio > max(best_ratio, 0.6):
            best, best_ratio = j, ratio
    return best


def _give_exits(steps: list[Step], index: int, notes: Notes, why: str) -> None:
    """Make step `index` a decision: Ya → the next step, Tidak → back to the guessed step."""
    back = _back_target(steps, index)
    yes, no = DEFAULT_EXIT_LABELS
    step = steps[index]
    step.jenis = StepKind.KEPUTUSAN
    step.exits = [DecisionExit(yes), DecisionExit(no, steps[back].id if back is not None else None)]
    where = f"kembali ke langkah {back + 1}" if back is not None else "langkah berikutnya"
    notes.ragu(
        f"{why}: Keputusan dengan Ya → langkah berikutnya, Tidak → {where}. Periksa tujuannya.",
        index + 1,
    )


def _decide_from_wording(steps: list[Step], explicit: list[bool], notes: Notes) -> None:
    for index, step in enumerate(steps):
        text = step.uraian
        if step.is_decision and not step.exits:
            _give_exits(steps, index, notes, "Ditandai sebagai keputusan")
        elif explicit[index] and step.jenis is not StepKind.PROSES:
            continue
        elif _DECISION_NO.search(text) and _DECISION_BACK.search(text):
            _give_exits(steps, index, notes, "Kalimatnya berbunyi 'jika … jika tidak …'")
        elif _DECISION_IF.search(text):
            notes.ragu(
                "Kalimatnya memuat 'jika'; bila ini sebuah keputusan, ubah simbolnya.", index + 1
            )


def _terminators(steps: list[Step], explicit: list[bool], notes: Notes) -> None:
    kinds = [s.jenis for s in steps]
    first, last = steps[0], steps[-1]
    if StepKind.MULAI not in kinds and not explicit[0] and first.jenis is StepKind.PROSES:
        first.jenis = StepKind.MULAI
        notes.info("Tidak ada tanda 'Mulai': langkah pertama dijadikan Mulai.", 1)
    if (
        len(steps) > 1
        and StepKind.SELESAI not in kinds
        and not explicit[-1]
        and last.jenis is StepKind.PROSES
    ):
        last.jenis = StepKind.SELESAI
        notes.info("Tidak ada tanda 'Selesai': langkah terakhir dijadikan Selesai.", len(steps))


def _guess_lanes(steps: list[Step], lanes: list[Lane], notes: Notes) -> None:
    names = [lane.nama for lane in lanes]
    for number, step in enumerate(steps, start=1):
        if step.pelaksana:
            continue
        index = guess_lane(step.uraian, names) if names else None
        if index is None:
            notes.masalah(
                "Tidak ada pelaksana yang ditandai dan tidak dapat ditebak dari kalimatnya; "
                "pilih pelaksananya.",
                number,
            )
            continue
        step.pelaksana = [lanes[index].id]
        step.pelaksana_ditebak = True
        notes.ragu(f"Pelaksana ditebak dari kalimatnya: {lanes[index].nama}.", number)


def build_typed_steps(
    header: TableHeader, raws: list[RawStep], lanes: list[Lane], notes: Notes
) -> list[Step]:
    """Steps of a hand-typed table, with every assumption noted."""
    steps = [_base_step(raw, lanes) for raw in raws]
    explicit = []
    for step, raw in zip(steps, raws, strict=True):
        kind = _mark_kind(raw) or kind_of_mark(raw.text(Col.SIMBOL))
        explicit.append(kind is not None)
        step.jenis = kind or StepKind.PROSES
    _waktu_as_written(steps, header_waktu_unit(header), notes)
    if steps:
        _decide_from_wording(steps, explicit, notes)
        _terminators(steps, explicit, notes)
    _guess_lanes(steps, lanes, notes)
    return steps


def drop_placeholder_lanes(lanes: list[Lane], steps: list[Step], notes: Notes) -> list[Lane]:
    """Remove unnamed role columns no step uses (spacer columns in typed tables)."""
    used = {lid for s in steps for lid in s.pelaksana}
    kept = [lane for lane in lanes if lane.nama or lane.id in used]
    if len(kept) < len(lanes):
        notes.info("Kolom pelaksana tanpa nama dan tanpa tanda diabaikan.")
    return kept
