"""Off-page connectors as a reader sees them: readable letters, and an incoming strip
that belongs to the first row instead of looking like an empty row of its own."""

from __future__ import annotations

import random

import pytest
from layout_fixtures import bps_012, liberation_measure, linear_sop
from sop_factory import random_sop

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.build import IN_BELOW
from kinerja_desktop.core.layout.clearance import ASCENT, run_box
from kinerja_desktop.core.layout.offpage import IN_GAP
from kinerja_desktop.core.layout.primitives import (
    Font,
    LayoutPage,
    OffPageDirection,
    SwimlaneLayout,
)
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings

PAPERS = [PageSettings(paper=p, landscape=land) for p in ("A4", "F4") for land in (True, False)]


def _layouts() -> list[tuple[SwimlaneLayout, PageSettings]]:
    out = [(layout_sop(bps_012(), p, liberation_measure()), p) for p in PAPERS]
    rng = random.Random(3)
    for k in range(8):
        doc = random_sop(rng, n_lanes=rng.randint(2, 8), n_steps=rng.randint(25, 40))
        paper = PAPERS[k % 4]
        out.append((layout_sop(doc, paper, liberation_measure()), paper))
    return out


LAYOUTS = _layouts()


@pytest.mark.parametrize(("layout", "paper"), LAYOUTS)
def test_pentagon_letters_are_bold_readable_and_inside(
    layout: SwimlaneLayout, paper: PageSettings
) -> None:
    pairs = 0
    for page in layout.pages:
        letters = [t for t in page.texts if t.role == "offpage-letter"]
        assert len(letters) == len(page.offpages)
        for off in page.offpages:
            (run,) = [t for t in letters if t.text == off.letter]
            assert run.font is Font.BOLD and run.size >= 7.0
            assert off.rect.h >= 15.0 and off.rect.h >= 2 * paper.font_size * layout.font_scale - 1
            box = run_box(run, liberation_measure())
            assert off.rect.x < box.x and box.right < off.rect.right
            assert off.rect.y < box.y and box.bottom < off.rect.bottom
            pairs += 1
    assert pairs or len(layout.pages) == 1


def _header_bottom(page: LayoutPage) -> float:
    return max(b.rect.bottom for b in page.boxes if b.fill)


def test_incoming_strip_is_part_of_the_first_row() -> None:
    layout = layout_sop(bps_012(), PageSettings(paper="F4"), liberation_measure())
    second = layout.pages[1]
    (inn,) = second.offpages
    assert inn.direction is OffPageDirection.IN
    first = second.rows[0]
    head = _header_bottom(second)
    assert first.y == pytest.approx(head)  # the row's cells begin under the header
    assert inn.rect.y - head <= 2.5  # the pentagon right under the header
    receiver = next(s for s in second.symbols if s.step_id == first.step_id)
    assert 0 < receiver.rect.y - inn.rect.bottom <= 20.0  # and its arrow short
    left, right = second.table_rect.x, second.table_rect.right
    across = [
        ln
        for ln in second.lines
        if ln.a[1] == ln.b[1] and head < ln.a[1] < receiver.rect.y and ln.b[0] - ln.a[0] > 1
    ]
    assert across == [], "no line of its own between the strip and the first row"
    columns = [ln for ln in second.lines if ln.a[0] == ln.b[0] and left < ln.a[0] < right]
    assert columns and all(min(ln.a[1], ln.b[1]) <= head + 1e-6 for ln in columns)
    number = next(t for t in second.texts if t.role == "no" and t.step_id == first.step_id)
    middle = number.y - ASCENT * number.size / 2
    assert middle == pytest.approx(first.y + first.h / 2, abs=1.0)  # centred in the whole cell


def test_strip_is_only_as_tall_as_its_pentagon_needs() -> None:
    doc = linear_sop([i % 3 for i in range(40)], 3)
    paper = PageSettings(paper="A4")
    layout = layout_sop(doc, paper, liberation_measure())
    assert check_layout(layout, doc, paper, liberation_measure()) == []
    assert len(layout.pages) > 1
    same = {page.rows[1].h for page in layout.pages}  # rows of one kind, one height
    for page in layout.pages[1:]:
        (inn,) = [o for o in page.offpages if o.direction is OffPageDirection.IN]
        extra = page.rows[0].h - min(same)
        assert inn.rect.h < extra <= inn.rect.h + IN_GAP + IN_BELOW
        (arrow,) = [c for c in page.connectors if c.source == f"offpage:{inn.letter}"]
        assert len(arrow.points) == 2  # straight down from its pentagon into the symbol


@pytest.mark.parametrize("seed", range(6))
def test_crowds_of_incoming_pentagons_keep_off_the_lane_lines(seed: int) -> None:
    """Many loops back to earlier pages on a narrow page: incoming pentagons sit
    inside a lane each while the lanes hold them, and their connectors never run
    along the lane lines that go on through the strip (`check_layout`), even when
    there are more pentagons than the lanes hold."""
    rng = random.Random(seed)
    doc = random_sop(rng, n_lanes=rng.randint(3, 6), n_steps=35, p_decision=0.6)
    paper = PageSettings(paper="A4", landscape=False)
    layout = layout_sop(doc, paper, liberation_measure())
    assert check_layout(layout, doc, paper, liberation_measure()) == []
    for page in layout.pages:
        lanes = [c for c in page.columns if c.lane_index is not None]
        incoming = [o for o in page.offpages if o.direction is OffPageDirection.IN]
        if len(incoming) > len(lanes):
            continue
        for off in incoming:
            inside = [c for c in lanes if c.x < off.rect.x and off.rect.right < c.x + c.w]
            assert len(inside) == 1, (off.letter, off.rect)


def test_the_crowd_case_is_really_crowded() -> None:
    rng = random.Random(1)
    doc = random_sop(rng, n_lanes=rng.randint(3, 6), n_steps=35, p_decision=0.6)
    layout = layout_sop(doc, PageSettings(paper="A4", landscape=False), liberation_measure())
    lanes = len(doc.lanes)
    assert any(
        len([o for o in p.offpages if o.direction is OffPageDirection.IN]) > lanes
        for p in layout.pages
    )
