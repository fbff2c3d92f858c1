"""Every SOP of the demo library lays out soundly on every paper, without notices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layout_fixtures import liberation_measure

from kinerja_desktop import paths
from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.layout.table import cell_texts
from kinerja_desktop.core.layout.verify import check_layout
from kinerja_desktop.core.page import PageSettings
from kinerja_desktop.core.sop import serialize

SOP_FILES = sorted((paths.resource("demo") / "sop").glob("*.json"))
CELL_ROLES = ("uraian", "kelengkapan", "waktu", "output", "keterangan")
PAPERS = [PageSettings(paper=p, landscape=land) for p in ("A4", "F4") for land in (True, False)]


@pytest.mark.parametrize("path", SOP_FILES, ids=lambda p: p.stem)
def test_demo_sop_lays_out_soundly(path: Path) -> None:
    doc = serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))
    measure = liberation_measure()
    for paper in PAPERS:
        layout = layout_sop(doc, paper, measure)
        assert check_layout(layout, doc, paper, measure) == [], (paper.paper, paper.landscape)
        if paper.landscape:
            assert layout.notices == [] and layout.font_scale == 1.0


def test_demo_library_is_there() -> None:
    assert len(SOP_FILES) == 7


@pytest.mark.parametrize("path", SOP_FILES, ids=lambda p: p.stem)
def test_demo_words_are_never_broken(path: Path) -> None:
    """Every printed line of a cell is made of whole words of that cell's text."""
    doc = serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))
    measure = liberation_measure()
    for paper in PAPERS:
        layout = layout_sop(doc, paper, measure)
        for page in layout.pages:
            for run in page.texts:
                if run.role not in CELL_ROLES or run.step_id is None:
                    continue
                step = doc.steps[doc.step_index(run.step_id)]
                whole = set(cell_texts(step, 0)[run.role].split())
                assert set(run.text.split()) <= whole, (paper.paper, paper.landscape, run.text)
