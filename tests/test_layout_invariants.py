"""The swimlane layout keeps its promises on generated SOPs, on every paper.

Hypothesis draws SOPs from `sop_factory` (random lanes, joint steps, decisions
that loop back, skip forward or loop to themselves, long texts, many steps)
and lays each out on A4 or F4, landscape or portrait; `check_layout` must find
nothing wrong. The same runs with a crude fixed-width measure show that the
geometry does not depend on one font.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_fixtures import crude_measure, liberation_measure
from sop_factory import sop_strategy

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.primitives import ConnectorKind, Measure, OffPageDirection
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import SopDocument

PAPERS = [PageSettings(paper=p, landscape=land) for p in ("A4", "F4") for land in (True, False)]
VARIANTS = [
    PageSettings(paper="A4", column_numbers=False, reserve_top=30.0),
    PageSettings(paper="F4", landscape=False, font_size=9.0, header_font_size=8.5),
    PageSettings(paper="A4", font_size=7.0, min_font_size=5.5, margin_left=25.0),
]
PAPER = st.sampled_from(PAPERS + VARIANTS)


def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sound(doc: SopDocument, paper: PageSettings, measure: Measure | None = None) -> None:
    measure = measure or liberation_measure()
    layout = layout_sop(doc, paper, measure)
    problems = check_layout(layout, doc, paper, measure)
    assert problems == [], problems[:10]


@examples(120)
@given(doc=sop_strategy(max_lanes=9, max_steps=30), paper=PAPER)
def test_generated_sops_keep_every_promise(doc: SopDocument, paper: PageSettings) -> None:
    _sound(doc, paper)


@examples(60)
@given(doc=sop_strategy(max_lanes=6, max_steps=24), paper=PAPER)
def test_promises_hold_with_a_crude_measure(doc: SopDocument, paper: PageSettings) -> None:
    _sound(doc, paper, crude_measure)


@examples(40)
@given(
    doc=sop_strategy(min_lanes=2, max_lanes=5, min_steps=8, max_steps=40, p_decision=0.6),
    paper=PAPER,
)
def test_many_loops_and_skips_stay_apart(doc: SopDocument, paper: PageSettings) -> None:
    _sound(doc, paper)


@examples(25)
@given(doc=sop_strategy(min_lanes=10, max_lanes=16, max_steps=16, p_multi=0.3), paper=PAPER)
def test_wide_sops_shrink_but_stay_sound(doc: SopDocument, paper: PageSettings) -> None:
    _sound(doc, paper)


@examples(30)
@given(doc=sop_strategy(max_lanes=8, min_steps=20, max_steps=45), paper=PAPER)
def test_off_page_connectors_pair_up_in_letter_order(doc: SopDocument, paper: PageSettings) -> None:
    measure = liberation_measure()
    layout = layout_sop(doc, paper, measure)
    outs = [
        (k, o.letter)
        for k, page in enumerate(layout.pages)
        for o in page.offpages
        if o.direction is OffPageDirection.OUT
    ]
    letters = [letter for _, letter in outs]
    assert len(set(letters)) == len(letters)
    ins = {
        o.letter: k for k, p in enumerate(layout.pages) for o in p.offpages if o.direction == "in"
    }
    assert set(ins) == set(letters)
    for k, page in enumerate(layout.pages[:-1]):
        nxt = layout.pages[k + 1]
        last, first = page.step_ids[-1], nxt.step_ids[0]
        i = doc.step_index(last)
        if any(j == i + 1 for j, _ in doc.successors(i)) and doc.lane_indices(doc.steps[i]):
            # the flow crosses this break: an OUT here and an IN on the next page, one letter
            here = {
                c.target.split(":")[1]
                for c in page.connectors
                if c.source == last and c.target.startswith("offpage:")
            }
            there = {
                c.source.split(":")[1]
                for c in nxt.connectors
                if c.target == first and c.source.startswith("offpage:")
            }
            assert here & there, (k, here, there)
    assert all(
        c.kind is not ConnectorKind.JOIN or c.source == c.target
        for p in layout.pages
        for c in p.connectors
    )


@examples(20)
@given(doc=sop_strategy(max_lanes=6, max_steps=20), paper=PAPER)
def test_layout_is_repeatable(doc: SopDocument, paper: PageSettings) -> None:
    measure = liberation_measure()
    assert layout_sop(doc, paper, measure) == layout_sop(doc, paper, measure)
