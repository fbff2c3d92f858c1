"""The PDF painter draws a layout page exactly as given (y flipped), read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf_support import font_problems, operations, text_positions

from kinerja_desktop.core.layout.primitives import (
    Anchor,
    Box,
    Connector,
    ConnectorKind,
    Font,
    LayoutPage,
    Line,
    OffPage,
    OffPageDirection,
    Rect,
    Symbol,
    SymbolKind,
    TextRun,
)
from kinerja_desktop.core.layout.render import display_page, pentagon_points
from kinerja_desktop.exchange.pdf.fonts import measure
from kinerja_desktop.exchange.pdf.output import new_canvas
from kinerja_desktop.exchange.pdf.sop.painter import draw_display_page

W, H = 400.0, 300.0
TERM = Rect(120, 50, 60, 20)
PROC = Rect(220, 50, 60, 20)
DIAM = Rect(120, 100, 60, 30)
OFF = Rect(300, 100, 20, 20)
PAINT = {b"S", b"s", b"f", b"f*", b"F", b"B", b"B*", b"b", b"b*", b"n"}


def _page(with_letter_run: bool = False) -> LayoutPage:
    page = LayoutPage(width=W, height=H)
    page.boxes += [Box(Rect(10, 10, 380, 30), fill="#c5d9f1"), Box(Rect(10, 40, 380, 100))]
    page.lines.append(Line((100, 10), (100, 140), 0.5))
    page.texts += [
        TextRun(20, 30, "Mulai", Font.BOLD, 8, Anchor.START, "header"),
        TextRun(200, 30, "Pelaksana", Font.REGULAR, 8, Anchor.MIDDLE, "header"),
        TextRun(380, 30, "Keterangan", Font.ITALIC, 8, Anchor.END, "header"),
    ]
    page.symbols += [
        Symbol(SymbolKind.TERMINATOR, TERM, "s1", 0),
        Symbol(SymbolKind.PROCESS, PROC, "s2", 1),
        Symbol(SymbolKind.DECISION, DIAM, "s3", 0),
    ]
    label = TextRun(185, 112, "Tidak", Font.REGULAR, 7, Anchor.START, "exit-label", "s3")
    page.connectors += [
        Connector(((180, 60), (220, 60)), ConnectorKind.FLOW, "s1", "s2"),
        Connector(((150, 70), (150, 90)), ConnectorKind.JOIN, "s1", "s3", arrow=False),
        Connector(((180, 115), (250, 115), (250, 70)), ConnectorKind.EXIT, "s3", "s2", label=label),
        Connector(
            ((150, 130), (150, 150), (310, 150), (310, 120)), ConnectorKind.FLOW, "s3", "offpage:A"
        ),
    ]
    page.offpages.append(OffPage(OFF, "A", OffPageDirection.OUT, 1))
    if with_letter_run:
        page.texts.append(TextRun(310, 110, "A", Font.BOLD, 7, Anchor.MIDDLE, "offpage-letter"))
    return page


def _draw(tmp_path: Path, page: LayoutPage) -> Path:
    path = tmp_path / "page.pdf"
    c = new_canvas(str(path), (page.width, page.height), "uji", "uji")
    draw_display_page(c, display_page(page, measure))
    c.showPage()
    c.save()
    return path


def _paths(pdf: Path) -> list[tuple[list[tuple[float, float]], bytes, bool, tuple]]:
    """Every painted path: (points, paint operator, has curves, dash in force)."""
    out = []
    points: list[tuple[float, float]] = []
    curved = False
    dash: tuple = ((), 0)
    for operands, op in operations(pdf):
        if op in (b"m", b"l"):
            points.append((float(operands[0]), float(operands[1])))
        elif op == b"c":
            curved = True
            points.append((float(operands[4]), float(operands[5])))
        elif op == b"re":
            x, y, w, h = map(float, operands)
            points += [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        elif op == b"d":
            dash = (tuple(float(v) for v in operands[0]), float(operands[1]))
        elif op in PAINT:
            if points:
                out.append((points, op, curved, dash))
            points, curved = [], False
    return out


def _flip(r: Rect) -> tuple[float, float, float, float]:
    return (r.x, H - r.bottom, r.right, H - r.y)


def _bbox(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _close(a: tuple, b: tuple, tol: float = 0.01) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_text_runs_sit_on_their_flipped_baseline(tmp_path: Path) -> None:
    pdf = _draw(tmp_path, _page())
    found = {text: (x, y) for text, x, y in text_positions(pdf)}
    expected = {
        "Mulai": 20,
        "Pelaksana": 200 - measure("Pelaksana", Font.REGULAR, 8) / 2,
        "Keterangan": 380 - measure("Keterangan", Font.ITALIC, 8),
    }
    for text, x in expected.items():
        assert found[text][0] == pytest.approx(x, abs=0.01), text
        assert found[text][1] == pytest.approx(H - 30, abs=0.01), text
    assert found["Tidak"] == pytest.approx((185, H - 112), abs=0.01)


def test_header_fill_and_grid(tmp_path: Path) -> None:
    pdf = _draw(tmp_path, _page())
    ops = operations(pdf)
    fills = [
        i
        for i, (args, op) in enumerate(ops)
        if op == b"rg"
        and _close(tuple(map(float, args)), (0xC5 / 255, 0xD9 / 255, 0xF1 / 255), 0.002)
    ]
    assert fills, "header fill colour missing"
    filled = [
        p
        for p in _paths(pdf)
        if p[1] in (b"f", b"f*") and _close(_bbox(p[0]), _flip(Rect(10, 10, 380, 30)))
    ]
    assert filled
    grid = [
        p for p in _paths(pdf) if p[1] == b"S" and _close(_bbox(p[0]), (100, H - 140, 100, H - 10))
    ]
    assert grid


def test_symbols_are_capsule_rectangle_diamond(tmp_path: Path) -> None:
    paths = _paths(_draw(tmp_path, _page()))
    stroked = [p for p in paths if p[1] in (b"B", b"B*", b"b", b"b*")]
    capsule = [p for p in stroked if p[2] and _close(_bbox(p[0]), _flip(TERM))]
    assert capsule, "terminator is not a rounded shape in its rectangle"
    # ends are half circles: straight edges start h/2 in from the sides, no corner
    pts = {(round(x, 2), round(y, 2)) for x, y in capsule[0][0]}
    r = TERM.h / 2
    assert (TERM.x + r, H - TERM.bottom) in pts or (TERM.x + r, H - TERM.y) in pts
    assert (TERM.x, H - TERM.y) not in pts and (TERM.x, H - TERM.bottom) not in pts
    assert [p for p in stroked if not p[2] and _close(_bbox(p[0]), _flip(PROC))]
    diamond = {(DIAM.cx, DIAM.y), (DIAM.right, DIAM.cy), (DIAM.cx, DIAM.bottom), (DIAM.x, DIAM.cy)}
    flipped = {(x, H - y) for x, y in diamond}
    assert any({(round(x, 2), round(y, 2)) for x, y in p[0]} == flipped for p in stroked)


def test_connectors_arrows_and_dotted_join(tmp_path: Path) -> None:
    paths = _paths(_draw(tmp_path, _page()))
    heads = [p for p in paths if p[1] in (b"f", b"f*") and len(p[0]) == 3]
    tips = {(round(x, 2), round(y, 2)) for p in heads for x, y in p[0]}
    assert (220.0, H - 60) in tips  # FLOW into the process box
    assert (250.0, H - 70) in tips  # EXIT into the process box from below
    assert (310.0, H - 120) in tips  # into the off-page connector
    assert len(heads) == 3  # JOIN has none
    join = [p for p in paths if p[1] == b"S" and _close(_bbox(p[0]), (150, H - 90, 150, H - 70))]
    assert join and join[0][3][0] == (1.0, 1.6)
    solid = [p for p in paths if p[1] == b"S" and p[3][0] == ()]
    assert any(_bbox(p[0])[0] == pytest.approx(180) and _bbox(p[0])[2] >= 215 for p in solid)


def test_offpage_is_a_lettered_pentagon(tmp_path: Path) -> None:
    pdf = _draw(tmp_path, _page())
    paths = _paths(pdf)
    shapes = [{(round(x, 2), round(y, 2)) for x, y in p[0]} for p in paths if len(p[0]) == 5]
    top_left, top_right = (OFF.x, H - OFF.y), (OFF.right, H - OFF.y)
    tip = (OFF.cx, H - OFF.bottom)
    plates = [s for s in shapes if {top_left, top_right, tip} <= s]
    assert len(plates) == 1, "no home-plate pentagon pointing down"
    sides = sorted(plates[0] - {top_left, top_right, tip})
    assert [x for x, _y in sides] == [OFF.x, OFF.right]
    assert all(H - OFF.bottom < y < H - OFF.y for _x, y in sides)
    assert {(round(x, 2), round(H - y, 2)) for x, y in pentagon_points(OFF)} == plates[0]
    letters = [t for t, _x, _y in text_positions(pdf) if t == "A"]
    assert letters == ["A"]


def test_letter_is_not_drawn_twice(tmp_path: Path) -> None:
    pdf = _draw(tmp_path, _page(with_letter_run=True))
    assert [t for t, _x, _y in text_positions(pdf) if t == "A"] == ["A"]


def test_only_embedded_fonts(tmp_path: Path) -> None:
    assert font_problems(_draw(tmp_path, _page())) == []
