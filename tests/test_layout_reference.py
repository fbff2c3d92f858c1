"""The reference sheet bps-012 (../shared/docs/reference/), laid out by the swimlane layout.

On A4 landscape (the paper of the signed sheet) with default margins the flow
breaks between steps 9 and 10 as on the real signed sheet; the rework loops 2 -> 1 and 12 -> 11 run
sideways and up into the side of their target, labelled "Tidak"; the meeting
of step 7 is a box in each of the four lanes, joined by dotted lines.
"""

from __future__ import annotations

import pytest
from layout_fixtures import bps_012, liberation_measure

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.primitives import (
    Connector,
    ConnectorKind,
    LayoutPage,
    OffPageDirection,
    SwimlaneLayout,
    Symbol,
    SymbolKind,
)
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings

A4 = PageSettings(paper="A4", landscape=True)


@pytest.fixture(scope="module")
def layout() -> SwimlaneLayout:
    return layout_sop(bps_012(), A4, liberation_measure())


def _symbol(page: LayoutPage, step: str, lane: int | None = None) -> Symbol:
    return next(s for s in page.symbols if s.step_id == step and lane in (None, s.lane_index))


def _only(page: LayoutPage, source: str, target: str) -> Connector:
    (conn,) = [c for c in page.connectors if c.source == source and c.target == target]
    return conn


def _sides(sym: Symbol) -> list[tuple[float, float]]:
    r = sym.rect
    return [(r.x, r.cy), (r.right, r.cy)]


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("landscape", [True, False])
def test_reference_sop_is_sound_on_every_paper(paper: str, landscape: bool) -> None:
    settings = PageSettings(paper=paper, landscape=landscape)
    doc, measure = bps_012(), liberation_measure()
    assert check_layout(layout_sop(doc, settings, measure), doc, settings, measure) == []


def test_pages_break_between_steps_9_and_10_like_the_signed_sheet(layout: SwimlaneLayout) -> None:
    assert [p.step_ids for p in layout.pages] == [
        [f"s{i}" for i in range(1, 10)],
        [f"s{i}" for i in range(10, 15)],
    ]
    assert layout.notices == [] and layout.font_scale == 1.0


def test_symbols_match_the_reference(layout: SwimlaneLayout) -> None:
    first, second = layout.pages
    assert _symbol(first, "s1").kind is SymbolKind.TERMINATOR
    assert _symbol(first, "s2").kind is SymbolKind.DECISION
    assert _symbol(second, "s12").kind is SymbolKind.DECISION
    assert _symbol(second, "s14").kind is SymbolKind.TERMINATOR
    assert sorted(s.lane_index for s in first.symbols if s.step_id == "s7") == [0, 1, 2, 3]
    joins = [c for c in first.connectors if c.kind is ConnectorKind.JOIN and c.source == "s7"]
    assert len(joins) == 3 and all(c.dashed and not c.arrow for c in joins)
    assert [c.source for c in first.connectors if c.kind is ConnectorKind.JOIN].count("s9") == 1
    sizes = {
        (s.kind, round(s.rect.w, 6), round(s.rect.h, 6)) for p in layout.pages for s in p.symbols
    }
    assert len({k for k, _, _ in sizes}) == len(sizes)  # one size per kind


def _assert_loop(page: LayoutPage, decision: str, target: str) -> None:
    loop = _only(page, decision, target)
    assert loop.kind is ConnectorKind.EXIT and loop.label is not None and loop.label.text == "Tidak"
    src, tgt = _symbol(page, decision), _symbol(page, target)
    assert loop.points[0] in _sides(src)  # out sideways
    assert loop.points[-1] in _sides(tgt)  # into the side of the earlier step
    assert loop.points[-1][1] < loop.points[0][1]  # and up
    runs = [(a, b) for a, b in zip(loop.points, loop.points[1:], strict=False) if a[0] == b[0]]
    assert len(runs) == 1 and runs[0][1][1] < runs[0][0][1]


def test_rework_loop_2_to_1(layout: SwimlaneLayout) -> None:
    first = layout.pages[0]
    _assert_loop(first, "s2", "s1")
    ya = _only(first, "s2", "s3")
    assert ya.label is not None and ya.label.text == "Ya"
    assert ya.points[0] == (_symbol(first, "s2").rect.cx, _symbol(first, "s2").rect.bottom)


def test_rework_loop_12_to_11(layout: SwimlaneLayout) -> None:
    _assert_loop(layout.pages[1], "s12", "s11")


def test_off_page_pair_between_9_and_10(layout: SwimlaneLayout) -> None:
    first, second = layout.pages
    (out,) = first.offpages
    (inn,) = second.offpages
    assert (out.direction, inn.direction) == (OffPageDirection.OUT, OffPageDirection.IN)
    assert out.letter == inn.letter == "A"
    assert out.lane_index == inn.lane_index == 2  # Tim Perencanaan sends and receives
    leaving = _only(first, "s9", "offpage:A")
    sender = _symbol(first, "s9", 2)
    assert leaving.points[0] == (sender.rect.cx, sender.rect.bottom)
    assert out.rect.y >= first.rows[-1].y + first.rows[-1].h
    arriving = _only(second, "offpage:A", "s10")
    receiver = _symbol(second, "s10")
    assert arriving.points[-1] == (receiver.rect.cx, receiver.rect.y)
    # at the top of step 10's cells, above its symbol: the strip is not a row of its own
    assert second.rows[0].y <= inn.rect.y and inn.rect.bottom <= receiver.rect.y
    strip_lines = [ln for ln in second.lines if ln.a[1] == ln.b[1] and ln.a[1] < receiver.rect.y]
    assert strip_lines == []
    assert {t.text for t in second.texts if t.role == "offpage-letter"} == {"A"}


def test_flow_follows_the_reference_sheet(layout: SwimlaneLayout) -> None:
    first, second = layout.pages
    for a, b in [(3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9)]:
        conn = _only(first, f"s{a}", f"s{b}")
        assert conn.kind is ConnectorKind.FLOW and conn.arrow
    three_to_four = _only(first, "s3", "s4")
    assert three_to_four.points[0] == _sides(_symbol(first, "s3"))[1]  # out of the right side
    assert three_to_four.points[-1] == (_symbol(first, "s4").rect.cx, _symbol(first, "s4").rect.y)
    for a, b in [(10, 11), (11, 12), (12, 13), (13, 14)]:
        _only(second, f"s{a}", f"s{b}")
