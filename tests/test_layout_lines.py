"""The lines of the flowchart as a reader sees them (`verify_lines`), on real and stress SOPs.

The demo library, the reference sheet bps-012 and the benchmark's long
many-lane SOPs, on every paper: no exit label nearer to another line than to
its own or touching an arrowhead, no line across another's final segment or
arrowhead, every crossing bridged, tracks apart, nothing hanging under
Selesai. And the pieces: bridges, off-page order, the rules themselves.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from layout_fixtures import bps_012, liberation_measure, linear_sop

from kinerja_desktop import paths
from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.bridges import HOP, bridged_points
from kinerja_desktop.core.layout.build import crowded_notice
from kinerja_desktop.core.layout.primitives import (
    Connector,
    ConnectorKind,
    LayoutPage,
    OffPageDirection,
)
from kinerja_desktop.core.layout.verify_lines import (
    crossing_count,
    junction_problems,
    line_problems,
    straight_crossings,
)
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import DecisionExit, SopDocument, StepKind, serialize

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from pdf_benchmark import generated_sop

PAPERS = [PageSettings(paper=p, landscape=land) for p in ("A4", "F4") for land in (True, False)]
DEMO = sorted((paths.resource("demo") / "sop").glob("*.json"))


def _docs() -> list[tuple[str, SopDocument]]:
    docs = [(p.stem[:2], serialize.from_dict(json.loads(p.read_text("utf-8")))) for p in DEMO]
    docs.append(("bps-012", bps_012()))
    docs += [(f"lang-{s}", generated_sop(s, 40, 5)) for s in (2, 3)]
    docs.append(("lebar", generated_sop(1, 25, 8)))
    return docs


def _problems(doc: SopDocument, paper: PageSettings) -> list[tuple[str, str]]:
    measure = liberation_measure()
    layout = layout_sop(doc, paper, measure)
    told = {s.id for i, s in enumerate(doc.steps) if crowded_notice(i + 1) in layout.notices}
    return [p for page in layout.pages for p in line_problems(page, doc, measure, told)]


@pytest.mark.parametrize(("name", "doc"), _docs(), ids=lambda v: v if isinstance(v, str) else "")
def test_real_and_stress_sops_read_cleanly_on_every_paper(name: str, doc: SopDocument) -> None:
    for paper in PAPERS:
        assert _problems(doc, paper) == [], (name, paper.paper, paper.landscape)


def _conn(points, source="a", target="b", kind=ConnectorKind.FLOW) -> Connector:
    return Connector(tuple(points), kind, source, target)


def test_a_horizontal_line_hops_over_a_vertical_one() -> None:
    across = _conn([(0, 50), (100, 50)], "a", "b")
    down = _conn([(40, 0), (40, 100)], "c", "d")
    flat, upright = bridged_points([across, down])
    assert upright == [(40, 0), (40, 100)]  # the vertical line stays straight
    arc = [p for p in flat if p[1] < 50 - 1e-9]
    assert arc and min(p[1] for p in arc) == pytest.approx(50 - HOP)
    assert straight_crossings([flat, upright]) == []
    assert straight_crossings([across.points, down.points]) == [(40, 50)]


def test_a_crossing_at_the_end_of_a_run_is_bridged_on_the_other_line() -> None:
    short = _conn([(0, 50), (41, 50)], "a", "b")  # ends (with its arrow) 1 pt after
    down = _conn([(40, 0), (40, 100)], "c", "d")
    flat, upright = bridged_points([short, down])
    assert flat == [(0, 50), (41, 50)]
    assert max(p[0] for p in upright) == pytest.approx(40 + HOP)


def test_close_crossings_share_one_bridge() -> None:
    across = _conn([(0, 50), (100, 50)])
    downs = [_conn([(x, 0), (x, 100)], f"c{x}", f"d{x}") for x in (40, 43)]
    flat = bridged_points([across, *downs])[0]
    lifted = [p for p in flat if p[1] < 50 - 1e-9]
    assert min(p[0] for p in lifted) < 40
    assert max(p[0] for p in lifted) > 43
    assert len(flat) == 2 + 9  # one arc of ARC_STEPS + 1 points


def test_unbridged_crossings_are_found() -> None:
    page = LayoutPage(100, 100)
    page.connectors = [_conn([(0, 50), (100, 50)], "a", "b"), _conn([(40, 0), (40, 100)], "c", "d")]
    assert crossing_count(page) == 1
    assert junction_problems(page) == []  # bridged as the display list draws it
    page.connectors.append(_conn([(60, 0), (60, 100)], "e", "b"))  # into the same step: fine
    assert junction_problems(page) == []


def _two_flows_leaving(lane: int) -> SopDocument:
    doc = linear_sop([0, lane, lane, 1] + [1] * 14 + [0], 3)
    step = doc.steps[2]
    step.jenis = StepKind.KEPUTUSAN
    step.exits = [DecisionExit("Ya"), DecisionExit("Tidak", doc.steps[-1].id)]
    return doc


def test_two_flows_leaving_one_lane_do_not_cross() -> None:
    doc = _two_flows_leaving(2)
    measure = liberation_measure()
    for paper in PAPERS:
        layout = layout_sop(doc, paper, measure)
        for page in layout.pages:
            outs = [o for o in page.offpages if o.direction is OffPageDirection.OUT]
            if len(outs) < 2:
                continue
            assert crossing_count(page) == 0
            assert line_problems(page, doc, measure, set()) == []
