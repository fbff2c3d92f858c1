"""Hand-made edge cases of the swimlane layout: tiny, huge, wide, odd flows, page breaks."""

from __future__ import annotations

import random

import pytest
from layout_fixtures import bps_012, crude_measure, liberation_measure, linear_sop
from sop_factory import random_sop

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.paginate import Bands, paginate
from kinerja_desktop.core.layout.primitives import (
    ConnectorKind,
    LayoutPage,
    OffPageDirection,
    SwimlaneLayout,
    SymbolKind,
)
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import DecisionExit, Lane, SopDocument, Step, StepKind

PAPERS = [PageSettings(paper=p, landscape=land) for p in ("A4", "F4") for land in (True, False)]
LANDSCAPE = PageSettings()


def _layout(doc: SopDocument, paper: PageSettings = LANDSCAPE) -> SwimlaneLayout:
    measure = liberation_measure()
    layout = layout_sop(doc, paper, measure)
    assert check_layout(layout, doc, paper, measure) == []
    return layout


def _with_decision(n: int, at: int, exits: list[DecisionExit], lanes: list[int]) -> SopDocument:
    doc = linear_sop(lanes[:n], max(lanes) + 1)
    step = doc.steps[at - 1]
    step.jenis, step.exits = StepKind.KEPUTUSAN, exits
    return doc


def _connectors(layout: SwimlaneLayout, source: str, target: str):
    return [
        c for p in layout.pages for c in p.connectors if c.source == source and c.target == target
    ]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: f"{p.paper}-{p.landscape}")
def test_single_step(paper: PageSettings) -> None:
    doc = SopDocument(
        lanes=[Lane("Camat", "c")], steps=[Step("Mulai dan selesai", ["c"], StepKind.MULAI, id="s")]
    )
    layout = _layout(doc, paper)
    (page,) = layout.pages
    assert [s.kind for s in page.symbols] == [SymbolKind.TERMINATOR]
    assert page.connectors == [] and page.offpages == []
    assert layout.notices == []


def test_no_steps_and_no_lanes_give_an_empty_table() -> None:
    layout = _layout(SopDocument())
    (page,) = layout.pages
    assert page.rows == [] and page.symbols == []
    assert any(t.text == "No." for t in page.texts)


def test_step_without_pelaksana_is_listed_but_not_drawn() -> None:
    doc = linear_sop([0, 1, 0], 2)
    doc.steps[1].pelaksana = []
    layout = _layout(doc)
    assert [r.step_id for r in layout.pages[0].rows] == ["s1", "s2", "s3"]
    assert {s.step_id for s in layout.pages[0].symbols} == {"s1", "s3"}
    assert any("Langkah 2 belum punya pelaksana" in n for n in layout.notices)


def test_eight_lanes_fit_landscape_without_shrinking() -> None:
    doc = linear_sop(list(range(8)) * 2, 8)
    for paper in ("A4", "F4"):
        layout = _layout(doc, PageSettings(paper=paper))
        assert layout.font_scale == 1.0 and layout.notices == []
        lanes = [c for c in layout.pages[0].columns if c.lane_index is not None]
        assert min(c.w for c in lanes) >= 6 * 8.0 - 1e-6


def test_more_lanes_shrink_text_and_say_so() -> None:
    doc = linear_sop(list(range(11)), 11)
    layout = _layout(doc, PageSettings(paper="A4"))
    assert 6.0 / 8.0 - 1e-9 <= layout.font_scale < 1.0
    assert any("diperkecil" in n for n in layout.notices)
    sizes = {t.size for t in layout.pages[0].texts if t.role == "uraian"}
    assert sizes and min(sizes) >= 6.0 - 1e-9


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: f"{p.paper}-{p.landscape}")
def test_thirty_lanes_are_sound_and_the_user_is_told(paper: PageSettings) -> None:
    lanes = [(i * 7) % 30 for i in range(30)]
    doc = _with_decision(30, 12, [DecisionExit("Ya"), DecisionExit("Tidak", "s3")], lanes)
    doc.steps[20].pelaksana = ["l0", "l15", "l29"]
    layout = _layout(doc, paper)
    assert layout.font_scale == pytest.approx(paper.min_font_size / paper.font_size)
    assert any("sangat sempit" in n for n in layout.notices)


def test_a_row_taller_than_a_page_is_cut_with_a_notice() -> None:
    words = " ".join(f"kata{i % 50}" for i in range(2000))
    doc = linear_sop([0, 1, 1], 2, [words, "Langkah dua", "Langkah tiga"])
    for paper in PAPERS:
        layout = _layout(doc, paper)
        first = layout.pages[0]
        assert first.step_ids[0] == "s1"
        room = paper.content_bottom - first.rows[0].y
        assert first.rows[0].h <= room
        uraian = [t.text for t in first.texts if t.role == "uraian" and t.step_id == "s1"]
        assert uraian[-1].endswith("…")
        assert any("dipotong" in n and "langkah 1" in n for n in layout.notices)


def test_a_long_row_is_first_set_smaller() -> None:
    words = " ".join(["penyusunan laporan kinerja triwulan"] * 110)
    doc = linear_sop([0, 1], 2, [words, "Selesai"])
    layout = _layout(doc, PageSettings(paper="F4", landscape=False))
    sizes = {t.size for t in layout.pages[0].texts if t.step_id == "s1" and t.role == "uraian"}
    assert sizes == {7.0}  # the least a printed cell is set in
    assert any("diperkecil agar barisnya muat" in n for n in layout.notices)


def test_long_words_and_urls_break_inside_their_cell() -> None:
    url = "https://monev.bps.go.id/laporan/kinerja/triwulan/2024/satker/1234567890"
    doc = linear_sop([0, 1], 2, [f"Unggah ke {url} dan monev.bps.go.id", "Selesai"])
    doc.steps[0].mutu_baku.output = "Pertanggungjawabanpelaksanaananggaranpendapatan"
    layout = _layout(doc, PageSettings(paper="A4", landscape=False))
    lines = [t.text for t in layout.pages[0].texts if t.role == "uraian" and t.step_id == "s1"]
    joined = "".join(ln.removesuffix("-") if not ln.endswith("/-") else ln for ln in lines)
    assert len(lines) > 2 and joined.replace(" ", "") == f"Unggahke{url}danmonev.bps.go.id"
    assert all(ln[-1] in "/.-" for ln in lines if ln and " " not in ln and ln != lines[-1])


def test_both_exits_to_the_same_step() -> None:
    doc = _with_decision(4, 2, [DecisionExit("Ya"), DecisionExit("Tidak", "s3")], [0, 1, 0, 0])
    layout = _layout(doc)
    both = _connectors(layout, "s2", "s3")
    assert len(both) == 2 and {c.label.text for c in both if c.label} == {"Ya", "Tidak"}
    assert all(c.kind is ConnectorKind.EXIT for c in both)
    assert both[0].points[0] != both[1].points[0]  # they leave by different sides


def test_self_loop_leaves_by_a_side_and_returns_into_the_top() -> None:
    doc = _with_decision(3, 2, [DecisionExit("Ya"), DecisionExit("Ulangi", "s2")], [0, 1, 1])
    layout = _layout(doc)
    (loop,) = _connectors(layout, "s2", "s2")
    sym = next(s for s in layout.pages[0].symbols if s.step_id == "s2")
    assert loop.points[0] in ((sym.rect.x, sym.rect.cy), (sym.rect.right, sym.rect.cy))
    assert loop.points[-1] == (sym.rect.cx, sym.rect.y)
    assert loop.label is not None and loop.label.text == "Ulangi"


def test_loop_back_goes_up_beside_the_symbols_into_a_side() -> None:
    doc = _with_decision(
        6, 5, [DecisionExit("Ya"), DecisionExit("Tidak", "s2")], [0, 1, 1, 2, 1, 1]
    )
    layout = _layout(doc)
    (loop,) = _connectors(layout, "s5", "s2")
    target = next(s for s in layout.pages[0].symbols if s.step_id == "s2")
    assert loop.points[-1] in ((target.rect.x, target.rect.cy), (target.rect.right, target.rect.cy))
    assert loop.points[-1][1] < loop.points[0][1]
    lane = next(c for c in layout.pages[0].columns if c.lane_index == 1)
    verticals = [a[0] for a, b in zip(loop.points, loop.points[1:], strict=False) if a[0] == b[0]]
    assert verticals and all(abs(x - (lane.x + lane.w / 2)) > target.rect.w / 2 for x in verticals)


def test_two_loops_over_the_same_rows_get_their_own_tracks() -> None:
    doc = linear_sop([0] * 8, 1)
    for at, back in ((5, "s2"), (6, "s3"), (7, "s1")):
        doc.steps[at - 1].jenis = StepKind.KEPUTUSAN
        doc.steps[at - 1].exits = [DecisionExit("Ya"), DecisionExit("Tidak", back)]
    layout = _layout(doc)
    tracks = set()
    for c in layout.pages[0].connectors:
        if c.target in ("s1", "s2", "s3") and c.source in ("s5", "s6", "s7"):
            xs = {a[0] for a, b in zip(c.points, c.points[1:], strict=False) if a[0] == b[0]}
            tracks |= xs
    assert len(tracks) == 3


def test_skip_forward_is_drawn_to_its_target() -> None:
    doc = _with_decision(
        7, 3, [DecisionExit("Ya"), DecisionExit("Tidak", "s6")], [0, 1, 1, 2, 2, 1, 0]
    )
    layout = _layout(doc)
    (skip,) = _connectors(layout, "s3", "s6")
    assert skip.points[-1][1] > skip.points[0][1]


def _page_capacity(layout: SwimlaneLayout, paper: PageSettings, page: LayoutPage) -> float:
    return paper.content_bottom - (page.rows[0].y if page.rows else 0.0)


def test_pages_fill_by_row_height_not_by_count() -> None:
    texts = [" ".join(["uraian panjang"] * ((i * 7) % 13 * 3 + 1)) for i in range(40)]
    doc = linear_sop([i % 3 for i in range(40)], 3, texts)
    paper = PageSettings(paper="A4")
    layout = _layout(doc, paper)
    counts = [len(p.rows) for p in layout.pages]
    assert len(set(counts[:-1])) > 1  # different numbers of rows per page
    for k, page in enumerate(layout.pages[:-1]):
        nxt = layout.pages[k + 1].rows[0]
        used = page.rows[-1].y + page.rows[-1].h
        # the next row would not have fitted above the band kept for the off-page connector
        assert used + nxt.h > paper.content_bottom - page.offpages[0].rect.h - 8


def test_paginate_never_loops_on_rows_taller_than_the_page() -> None:
    pages = paginate([500.0, 20.0, 900.0, 10.0], room=300.0, bands=Bands(20.0, 20.0))
    assert pages == [[0], [1], [2], [3]]


def test_flow_across_a_break_gets_a_lettered_pair() -> None:
    doc = linear_sop([i % 4 for i in range(40)], 4)
    layout = _layout(doc, PageSettings(paper="A4"))
    assert len(layout.pages) > 2
    for k, page in enumerate(layout.pages[:-1]):
        (out,) = page.offpages if k == 0 else [o for o in page.offpages if o.direction == "out"]
        (inn,) = [o for o in layout.pages[k + 1].offpages if o.direction is OffPageDirection.IN]
        assert out.letter == inn.letter == "ABCDEFGHIJ"[k]
        sender = next(s for s in page.symbols if s.step_id == page.step_ids[-1])
        assert out.lane_index == sender.lane_index and out.rect.y >= sender.rect.bottom
        receiver = next(
            s for s in layout.pages[k + 1].symbols if s.step_id == layout.pages[k + 1].step_ids[0]
        )
        assert inn.lane_index == receiver.lane_index and inn.rect.bottom <= receiver.rect.y


def test_loop_back_to_an_earlier_page_uses_off_page_connectors() -> None:
    doc = linear_sop([i % 3 for i in range(30)], 3)
    doc.steps[27].jenis = StepKind.KEPUTUSAN
    doc.steps[27].exits = [DecisionExit("Ya"), DecisionExit("Tidak", "s2")]
    doc.steps[25].jenis = StepKind.KEPUTUSAN
    doc.steps[25].exits = [DecisionExit("Ya"), DecisionExit("Tidak", "s1")]
    layout = _layout(doc, PageSettings(paper="A4"))
    first = layout.pages[0]
    assert {o.direction for o in first.offpages} >= {OffPageDirection.IN}
    incoming = {c.target for c in first.connectors if c.source.startswith("offpage:")}
    assert incoming == {"s1", "s2"}


def test_header_is_repeated_and_column_numbers_optional() -> None:
    doc = linear_sop([i % 2 for i in range(30)], 2)
    layout = _layout(doc, PageSettings(paper="A4"))
    heads = [sorted(t.text for t in p.texts if t.role == "header") for p in layout.pages]
    assert len(heads) > 1 and all(h == heads[0] for h in heads)
    assert {
        "No.",
        "Uraian Prosedur",
        "Pelaksana",
        "Mutu Baku",
        "Kelengkapan",
        "Waktu",
        "Output",
    } <= set(heads[0])
    numbers = [t.text for t in layout.pages[0].texts if t.role == "colnum"]
    assert numbers == [f"({i})" for i in range(1, 9)]
    plain = layout_sop(doc, PageSettings(paper="A4", column_numbers=False), liberation_measure())
    assert not [t for t in plain.pages[0].texts if t.role == "colnum"]


def test_geometry_follows_the_measure_given() -> None:
    doc = linear_sop([0, 1, 2], 3, ["satu dua tiga empat lima enam tujuh delapan sembilan"] * 3)
    real = layout_sop(doc, LANDSCAPE, liberation_measure())
    wide = layout_sop(doc, LANDSCAPE, lambda t, f, s: crude_measure(t, f, s) * 3)
    assert check_layout(wide, doc, LANDSCAPE, lambda t, f, s: crude_measure(t, f, s) * 3) == []
    lines = [len([t for t in lay.pages[0].texts if t.role == "uraian"]) for lay in (real, wide)]
    assert lines[1] > lines[0]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: f"{p.paper}-{p.landscape}")
def test_last_page_keeps_room_for_the_signature(paper: PageSettings) -> None:
    doc = linear_sop([i % 3 for i in range(14)], 3, [" ".join(["uraian"] * 18)] * 14)
    measure = liberation_measure()
    plain = layout_sop(doc, paper, measure)
    reserve = 130.0
    signed = layout_sop(doc, paper, measure, last_page_reserve=reserve)
    assert check_layout(signed, doc, paper, measure) == []
    last = signed.pages[-1]
    assert last.table_rect is not None
    assert last.table_rect.bottom + reserve <= paper.content_bottom + 1e-6
    if len(signed.pages) > 1:
        assert len(last.rows) >= 2  # the signature never comes with a lone row
    # the reserve only moves rows to the last page; nothing else changes
    assert [s for p in signed.pages for s in p.step_ids] == [s.id for s in doc.steps]
    assert len(signed.pages) >= len(plain.pages)


def test_paginate_leaves_rows_for_the_signature_and_no_lone_row() -> None:
    bands = Bands(10.0, 10.0)
    # five rows fit one page, but not with a 60 pt signature: two go on together
    assert paginate([40.0] * 5, 230.0, bands) == [[0, 1, 2, 3, 4]]
    assert paginate([40.0] * 5, 230.0, bands, reserve_last=60.0) == [[0, 1, 2], [3, 4]]
    # without any reserve a single last row is not left alone either
    assert paginate([40.0] * 6, 230.0, bands) == [[0, 1, 2, 3], [4, 5]]
    # a page of one row keeps it (the signature then follows on its own)
    assert paginate([200.0, 200.0], 230.0, bands, reserve_last=60.0) == [[0], [1]]


def test_crowded_exit_labels_are_announced_and_tolerated_only_then() -> None:
    # six narrow lanes, decisions with long labels close together (one in three lanes)
    doc = random_sop(random.Random(1), n_lanes=6, n_steps=12, p_decision=0.6)
    paper = PageSettings(paper="A4", landscape=False)
    measure = liberation_measure()
    layout = layout_sop(doc, paper, measure)
    notice = next(n for n in layout.notices if "berdempetan" in n)
    assert check_layout(layout, doc, paper, measure) == []
    layout.notices.remove(notice)  # untold, the crowding is a fault
    assert any("terlalu dekat garis" in p for p in check_layout(layout, doc, paper, measure))


def test_exit_labels_keep_clear_of_every_line_on_the_reference() -> None:
    for paper in PAPERS:
        layout = _layout(bps_012(), paper)
        assert not [n for n in layout.notices if "berdempetan" in n]
        labels = [c.label for p in layout.pages for c in p.connectors if c.label]
        assert sorted(t.text for t in labels) == ["Tidak", "Tidak", "Ya", "Ya"]
