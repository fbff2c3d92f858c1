"""The layout checker itself: a sound layout passes, and each kind of damage is caught.

The invariant tests rely on `check_layout`; these tests make sure it can fail.
"""

from __future__ import annotations

import dataclasses

import pytest
from layout_fixtures import bps_012, liberation_measure

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.primitives import (
    Anchor,
    Connector,
    ConnectorKind,
    LayoutPage,
    Rect,
    SwimlaneLayout,
    TextRun,
)
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings

SETTINGS = PageSettings(paper="F4")


@pytest.fixture()
def layout() -> SwimlaneLayout:
    return layout_sop(bps_012(), SETTINGS, liberation_measure())


def _problems(layout: SwimlaneLayout) -> list[str]:
    return check_layout(layout, bps_012(), SETTINGS, liberation_measure())


def _flow(page: LayoutPage, source: str, target: str) -> int:
    return next(
        k for k, c in enumerate(page.connectors) if (c.source, c.target) == (source, target)
    )


def test_a_sound_layout_passes(layout: SwimlaneLayout) -> None:
    assert _problems(layout) == []


def test_symbol_out_of_its_lane_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    sym = page.symbols[0]
    page.symbols[0] = dataclasses.replace(
        sym, rect=dataclasses.replace(sym.rect, x=sym.rect.x + 60)
    )
    assert any("keluar dari sel lajur" in p for p in _problems(layout))


def test_symbols_on_top_of_each_other_are_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    page.symbols.append(dataclasses.replace(page.symbols[0], step_id="s2"))
    assert any("bertumpuk" in p for p in _problems(layout))


def test_slanted_or_loose_connectors_are_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    k = _flow(page, "s3", "s4")
    conn = page.connectors[k]
    a, b = conn.points[0], conn.points[-1]
    page.connectors[k] = dataclasses.replace(conn, points=(a, (b[0] + 3, b[1] - 5)))
    problems = _problems(layout)
    assert any("ruas miring" in p for p in problems)
    assert any("ujung tidak di tepi" in p for p in problems)


def test_connector_through_a_symbol_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    k = _flow(page, "s1", "s2")
    s1 = next(s for s in page.symbols if s.step_id == "s1").rect
    s3 = next(s for s in page.symbols if s.step_id == "s3").rect
    conn = page.connectors[k]
    # straight down from step 1 through the diamond of step 2 into step 3
    page.connectors[k] = dataclasses.replace(
        conn, points=((s1.cx, s1.bottom), (s3.cx, s3.y)), target="s3"
    )
    assert any("menembus simbol s2" in p for p in _problems(layout))


def test_connectors_on_top_of_each_other_are_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    conn = page.connectors[_flow(page, "s3", "s4")]
    page.connectors.append(Connector(conn.points[:2], ConnectorKind.FLOW, "s3", "s9"))
    assert any("menimpa" in p for p in _problems(layout))


def test_missing_flow_and_unpaired_offpage_are_caught(layout: SwimlaneLayout) -> None:
    first, second = layout.pages
    del first.connectors[_flow(first, "s5", "s6")]
    second.offpages.clear()
    problems = _problems(layout)
    assert any("panah tidak sesuai alur" in p for p in problems)
    assert any("sepasang keluar/masuk" in p for p in problems)


def test_text_wider_than_its_cell_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    run = next(t for t in page.texts if t.role == "waktu")
    page.texts.append(dataclasses.replace(run, text=run.text * 6))
    assert any("lebih lebar dari selnya" in p for p in _problems(layout))


def test_content_outside_the_print_area_and_changed_header_are_caught(
    layout: SwimlaneLayout,
) -> None:
    second = layout.pages[1]
    second.symbols[0] = dataclasses.replace(second.symbols[0], rect=Rect(-20, 5, 10, 10))
    header = next(k for k, t in enumerate(second.texts) if t.role == "header")
    second.texts[header] = TextRun(0, 0, "Lain", role="header")
    problems = _problems(layout)
    assert any("di luar bidang cetak" in p for p in problems)
    assert any("kepala tabel berbeda" in p for p in problems)


def test_step_on_two_pages_is_caught(layout: SwimlaneLayout) -> None:
    layout.pages[1].rows.append(layout.pages[0].rows[0])
    assert any("muncul 2 kali" in p for p in _problems(layout))


def test_connector_running_along_a_grid_line_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    k = _flow(page, "s3", "s4")
    conn = page.connectors[k]
    row_line = page.rows[3].y  # the line between rows 3 and 4
    (x0, _), (x1, _) = conn.points[0], conn.points[1]
    bent = (conn.points[0], (x0 + 2, conn.points[0][1]), (x0 + 2, row_line), (x1, row_line))
    page.connectors[k] = dataclasses.replace(conn, points=(*bent, *conn.points[1:]))
    assert any("berimpit dengan garis tabel" in p for p in _problems(layout))


def _exit(page: LayoutPage, source: str, text: str) -> int:
    return next(
        k
        for k, c in enumerate(page.connectors)
        if c.source == source and c.label is not None and c.label.text == text
    )


def test_exit_label_touching_its_connector_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    k = _exit(page, "s2", "Ya")
    conn = page.connectors[k]
    (x, y0), (_, y1) = conn.points[0], conn.points[1]
    label = conn.label
    assert label is not None
    touching = dataclasses.replace(label, x=x + 1.0, y=(y0 + y1) / 2)  # 1 pt beside the line
    page.connectors[k] = dataclasses.replace(conn, label=touching)
    assert any("label 'Ya' langkah s2 terlalu dekat garis" in p for p in _problems(layout))


def test_exit_label_on_a_grid_line_is_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    k = _exit(page, "s2", "Tidak")
    conn = page.connectors[k]
    lane = next(c for c in page.columns if c.lane_index == 0)
    label = conn.label
    assert label is not None
    on_line = dataclasses.replace(label, x=lane.x + 4.0, anchor=Anchor.END)  # across the line
    page.connectors[k] = dataclasses.replace(conn, label=on_line)
    assert any("label 'Tidak' langkah s2 terlalu dekat garis" in p for p in _problems(layout))


def test_exit_labels_on_top_of_each_other_are_caught(layout: SwimlaneLayout) -> None:
    page = layout.pages[0]
    ya = page.connectors[_exit(page, "s2", "Ya")].label
    assert ya is not None
    page.texts.append(dataclasses.replace(ya, text="Ya juga", x=ya.x + 1))
    assert any("bertumpuk" in p for p in _problems(layout))


def test_incoming_pentagon_below_the_first_symbol_is_caught(layout: SwimlaneLayout) -> None:
    second = layout.pages[1]
    (inn,) = second.offpages
    first = next(s for s in second.symbols if s.step_id == second.rows[0].step_id)
    moved = dataclasses.replace(inn.rect, y=first.rect.y + 2)
    second.offpages[0] = dataclasses.replace(inn, rect=moved)
    problems = _problems(layout)
    assert any("penghubung masuk A tidak di atas simbol baris pertama" in p for p in problems)
    assert any("penghubung A menimpa simbol" in p for p in problems)
