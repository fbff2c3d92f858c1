"""Text wrapping and the column plan of the swimlane layout."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from layout_fixtures import crude_measure, liberation_measure

from kinerja_desktop.core.layout.columns import (
    LANE_MIN,
    TEXT_COLUMNS,
    TextDemand,
    plan_columns,
    text_demand,
)
from kinerja_desktop.core.layout.offpage import letter, place_slots
from kinerja_desktop.core.layout.primitives import Font
from kinerja_desktop.core.layout.table import build_header
from kinerja_desktop.core.layout.text import fit_with_ellipsis, wrap_text
from kinerja_desktop.core.page import PageSettings

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz./-:ABCDEFGHIJ0123456789"),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORDS, max_size=40), width=st.floats(8.0, 300.0))
def test_wrapped_lines_fit_and_keep_every_character(words: list[str], width: float) -> None:
    measure = liberation_measure()
    text = " ".join(words)
    lines = wrap_text(text, width, Font.REGULAR, 8.0, measure)
    assert all(measure(line, Font.REGULAR, 8.0) <= width + 1e-9 for line in lines)
    assert "".join(lines).replace(" ", "").replace("-", "") == text.replace(" ", "").replace(
        "-", ""
    )


@settings(max_examples=100, deadline=None)
@given(word=WORDS, width=st.floats(10.0, 60.0))
def test_a_word_is_never_cut_without_a_mark(word: str, width: float) -> None:
    lines = wrap_text(word, width, Font.REGULAR, 8.0, liberation_measure())
    assert all(line[-1] in "/.-:" for line in lines[:-1]), lines


def test_wrapping_breaks_on_spaces_first() -> None:
    m = liberation_measure()
    lines = wrap_text(
        "Meng-upload FRA triwulan ke dalam web monitoring BPS", 90, Font.REGULAR, 8, m
    )
    assert len(lines) > 1 and all(" " not in line or line == line.strip() for line in lines)
    assert " ".join(lines) == "Meng-upload FRA triwulan ke dalam web monitoring BPS"


def test_explicit_line_breaks_are_kept() -> None:
    lines = wrap_text("Baris satu\nBaris dua\n\nBaris empat", 500, Font.REGULAR, 8, crude_measure)
    assert lines == ["Baris satu", "Baris dua", "", "Baris empat"]


def test_empty_text_has_no_lines() -> None:
    assert wrap_text("  \n ", 100, Font.REGULAR, 8, crude_measure) == []


def test_ellipsis_fits_the_width() -> None:
    m = liberation_measure()
    cut = fit_with_ellipsis("Pertanggungjawaban pelaksanaan anggaran", 60, Font.REGULAR, 8, m)
    assert cut.endswith("…") and m(cut, Font.REGULAR, 8) <= 60


def test_columns_fill_the_content_width_on_every_paper() -> None:
    for paper in ("A4", "F4"):
        for landscape in (True, False):
            s = PageSettings(paper=paper, landscape=landscape)
            for n in (0, 1, 4, 8, 12, 30):
                plan = plan_columns(n, 20, s, liberation_measure(), [f"P{i}" for i in range(n)])
                total = sum(c.w for c in plan.columns)
                assert abs(total - s.content_width) < 1e-6, (paper, landscape, n)
                assert plan.columns[0].x == s.content_left
                assert len(plan.lanes()) == n


def test_few_lanes_are_not_stretched_beyond_readable() -> None:
    s = PageSettings()
    plan = plan_columns(2, 10, s, liberation_measure(), ["A", "B"])
    assert plan.lane_w <= 16 * s.font_size + 1e-6
    assert plan.column("uraian").w > 24 * s.font_size  # the spare room went to the texts


def test_lanes_never_narrower_than_readable_until_the_font_floor() -> None:
    s = PageSettings(paper="A4")
    for n in range(1, 16):
        plan = plan_columns(n, 20, s, liberation_measure(), ["x"] * n)
        if plan.metrics.scale > s.min_font_size / s.font_size + 1e-9:
            assert plan.lane_w >= LANE_MIN * plan.metrics.body - 1e-6


def test_letters_run_like_spreadsheet_columns() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_off_page_slots_never_overlap_and_stay_inside() -> None:
    centres, width = place_slots([50.0, 50.5, 51.0, 300.0, 299.0], 12.0, 40.0, 310.0)
    ordered = sorted(centres)
    assert all(b - a >= width for a, b in itertools.pairwise(ordered))
    assert all(c - width / 2 >= 40.0 and c + width / 2 <= 310.0 for c in centres)
    crowded, w2 = place_slots([100.0] * 10, 12.0, 90.0, 150.0)
    ordered = sorted(crowded)
    assert all(b - a >= w2 for a, b in itertools.pairwise(ordered))


ODD_SETTINGS = st.builds(
    PageSettings,
    paper=st.sampled_from(["A4", "F4"]),
    landscape=st.booleans(),
    font_size=st.floats(5.0, 12.0),
    header_font_size=st.floats(5.0, 12.0),
    min_font_size=st.floats(4.0, 8.0),
    margin_left=st.floats(5.0, 60.0),
)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(0, 40), s=ODD_SETTINGS)
def test_columns_always_fill_exactly_the_content_width(n: int, s: PageSettings) -> None:
    plan = plan_columns(n, 25, s, liberation_measure(), ["Kepala Seksi"] * n)
    assert abs(sum(c.w for c in plan.columns) - s.content_width) < 1e-6
    assert all(c.w > 0 for c in plan.columns)
    assert plan.metrics.body >= min(s.min_font_size, s.font_size) - 1e-9


KEYS = st.sampled_from(["uraian", "kelengkapan", "waktu", "output", "keterangan"])


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 12),
    s=ODD_SETTINGS,
    ask=st.dictionaries(KEYS, st.floats(0.0, 5.0)),
    word=st.dictionaries(KEYS, st.floats(0.0, 60.0)),
)
def test_columns_fill_the_width_whatever_the_texts_ask(
    n: int, s: PageSettings, ask: dict[str, float], word: dict[str, float]
) -> None:
    demand = TextDemand(ask, word)
    plan = plan_columns(n, 25, s, liberation_measure(), ["Kasi"] * n, demand=demand)
    assert abs(sum(c.w for c in plan.columns) - s.content_width) < 1e-6
    assert all(c.w > 0 for c in plan.columns)


def test_an_empty_column_leaves_its_room_to_the_uraian() -> None:
    paper = PageSettings(paper="F4")
    measure = liberation_measure()
    texts = {
        "uraian": ["Menyusun laporan data kinerja triwulanan per tim dalam tim/bagian"] * 9,
        "kelengkapan": ["Dokumen data kinerja"] * 9,
        "waktu": ["10 MENIT"] * 9,
        "output": ["Laporan data kinerja"] * 9,
    }
    empty = text_demand({**texts, "keterangan": [""] * 9}, paper.font_size, measure)
    full = text_demand(
        {**texts, "keterangan": ["Kasubbag Perencanaan Keuangan dan Aset"] * 9},
        paper.font_size,
        measure,
    )
    assert empty.ask["keterangan"] == 0.0 and full.ask["keterangan"] > 1.0
    lanes = ["Camat", "Sekretaris", "Kasubag"]
    bare = plan_columns(3, 9, paper, measure, lanes, demand=empty)
    busy = plan_columns(3, 9, paper, measure, lanes, demand=full)
    minimum = TEXT_COLUMNS[-1][3] * bare.metrics.body
    assert bare.column("keterangan").w == pytest.approx(minimum, rel=0.3)
    assert busy.column("keterangan").w > 1.5 * bare.column("keterangan").w
    assert bare.column("uraian").w > busy.column("uraian").w
    assert bare.lane_w == pytest.approx(busy.lane_w)  # the lanes keep their width


@settings(max_examples=80, deadline=None)
@given(word=st.text(alphabet="ABCDEFGHIJKLMNOPRSTUVWaeiou", min_size=4, max_size=30),
       width=st.floats(12.0, 120.0))  # fmt: skip
def test_hyphenated_words_fit_and_read_back(word: str, width: float) -> None:
    measure = liberation_measure()
    lines = wrap_text(word, width, Font.BOLD, 6.0, measure, hyphen=True)
    assert all(measure(line, Font.BOLD, 6.0) <= width + 1e-6 for line in lines)
    assert "".join(line.removesuffix("-") for line in lines) == word
    if len(lines) > 1 and all(len(p) > 2 for p in lines):
        assert all(line.endswith("-") for line in lines[:-1])


def test_a_lane_title_too_long_for_its_lane_is_hyphenated() -> None:
    lanes = ["CAMAT", "SEKRETARIS", "KASUBBAG PERENCANAAN", "PELAKSANA"]
    paper = PageSettings(paper="A4", landscape=False, min_font_size=6.0)
    plan = plan_columns(4, 6, paper, liberation_measure(), lanes)
    header = build_header(plan, paper.min_font_size, True, liberation_measure())
    lines = [ln for c in header.cells for ln in c.text.lines]
    broken = [ln for ln in lines if ln.endswith("-")]
    assert broken and all(ln[:-1].isalpha() for ln in broken)
    assert "KASUBBAG" in lines


def test_no_type_below_seven_points_by_default() -> None:
    """Many lanes on portrait paper: the type stops at 7 pt (words are hyphenated,
    the user is told a roomier paper) rather than going smaller."""
    lanes = [f"Kepala Seksi {k}" for k in range(9)]
    paper = PageSettings(paper="A4", landscape=False)
    measure = liberation_measure()
    plan = plan_columns(9, 6, paper, measure, lanes)
    header = build_header(plan, paper.min_font_size, True, measure)
    assert min(c.text.size for c in header.cells) >= 7.0 and plan.metrics.label >= 7.0
    assert any("A4 mendatar" in n for n in plan.notices)
