"""The editor's page memo (core.layout.memo) never changes a layout: SOPs edited
at random (a word typed or removed, a lane ticked, a label or Waktu changed, a
step inserted, removed or moved) and laid out after every edit with one memo
kept across the edits give exactly the pages, signature place and notices of
laying each version out afresh — and the memo is used (pages are found)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sop_factory import random_sop, random_text

from kinerja_desktop.core.layout.memo import PageMemo
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.page import page_settings
from kinerja_desktop.core.sop import SopDocument, Step, StepKind, serialize
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart

OFFICE = OfficeProfile(pemerintah="PEMERINTAH KABUPATEN BANGGAI", nama_kantor="KECAMATAN MASAMA")
SIGNED = date(2026, 2, 16)


def _copy(doc: SopDocument) -> SopDocument:
    return serialize.from_dict(serialize.to_dict(doc))


def _edit(rng: random.Random, doc: SopDocument, n: int) -> SopDocument:
    """One edit of a copy of `doc`, of a kind chosen at random."""
    new = _copy(doc)
    middle = new.steps[1:-1]
    step = rng.choice(middle) if middle else new.steps[0]
    kind = rng.randrange(7)
    if kind == 0:
        step.uraian += " " + random_text(rng, 1, 3)
    elif kind == 1:
        step.uraian = " ".join(step.uraian.split()[:-1]) or "Memeriksa"
    elif kind == 2:
        lane = rng.choice(new.lanes).id
        if lane in step.pelaksana and len(step.pelaksana) > 1:
            step.pelaksana.remove(lane)
        elif lane not in step.pelaksana:
            step.pelaksana.append(lane)
    elif kind == 3:
        step.mutu_baku.waktu = f"{rng.randint(1, 90)} menit"
    elif kind == 4 and any(s.exits for s in new.steps):
        decision = rng.choice([s for s in new.steps if s.exits])
        decision.exits[0].label = random_text(rng, 1, 3)
    elif kind == 5 and middle:
        at = new.steps.index(step)
        lanes = [rng.choice(new.lanes).id]
        new.steps.insert(at, Step(random_text(rng, 3, 12), lanes, StepKind.PROSES, id=f"m{n}"))
    elif kind == 6 and len(middle) > 2 and not step.exits:
        targets = {e.target for s in new.steps for e in s.exits}
        if step.id not in targets:
            new.steps.remove(step)
    return new


def _drawn(doc: SopDocument, paper: tuple[str, bool], memo: PageMemo | None) -> str:
    flow, _sig = flowchart(doc, OFFICE, page_settings(*paper), SIGNED, memo)
    return repr((flow.pages, flow.block, flow.form, flow.notices))


@pytest.mark.parametrize(
    ("seed", "lanes", "steps", "paper"),
    [(7, 8, 40, ("F4", False)), (3, 4, 25, ("A4", True)), (11, 6, 30, ("A4", False))],
)
def test_memo_gives_the_layout_of_a_fresh_start(seed, lanes, steps, paper) -> None:
    rng = random.Random(seed)
    doc = random_sop(random.Random(seed), n_lanes=lanes, n_steps=steps)
    memo = PageMemo()
    for n in range(14):
        assert _drawn(doc, paper, memo) == _drawn(doc, paper, None), f"after edit {n}"
        doc = _edit(rng, doc, n)
    assert memo.hits > 0  # the memo took part: unchanged pages were found


def test_the_same_document_again_is_laid_out_from_the_memo() -> None:
    doc = random_sop(random.Random(5), n_lanes=5, n_steps=30)
    memo = PageMemo()
    first = _drawn(doc, ("F4", False), memo)
    made = memo.misses
    assert made > 0 and _drawn(_copy(doc), ("F4", False), memo) == first
    assert memo.misses == made and memo.hits >= made


def test_without_a_key_nothing_is_kept() -> None:
    memo = PageMemo()
    made = [memo.page(None, object) for _ in range(2)]
    assert made[0] is not made[1] and memo.hits == 0 and memo.misses == 0
