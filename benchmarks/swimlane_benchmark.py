"""Benchmark of the on-screen swimlane (a script, not a test).

For a generated SOP of 40 steps in 8 lanes (`tests/sop_factory.random_sop`,
seed 7: multi-lane steps, decisions looping back and skipping forward, long
texts), on F4 landscape as printed:

* layout: from the document to the display lists of every flowchart page,
  signature included — what `services.layout_service` does after each edit
  (`exchange.pdf.sop.flowchart.flowchart`). Each run first changes one step's
  uraian (a keystroke), so the text measure meets a new word as in editing;
  the pages of earlier layouts are kept as the service keeps them
  (`core.layout.memo`); `layout_fresh` is the same without them;
* paint: converting every page to Qt objects and painting it on a QImage at
  screen scale (96 dpi, 100 %), offscreen;
* view: `SwimlaneView.set_pages` with pages that all differ from those shown
  (a lane renamed: every page's header changes) plus a synchronous repaint of
  its viewport, 1200 × 800 px, fitted to the width;
* edit_to_view: a keystroke's edit, its layout, `set_pages` and the repaint —
  what the user waits for (pages the edit did not change are not redrawn).

Each figure is the median wall time; the `*_cpu_ms` keys give the median CPU
time of the process for the same runs (steadier when other work shares the
machine).

Medians of `--ulang` runs after warm-up runs (bytecode, font and measure
caches warm, as in an editor that has been open a while). Goal: edit to
repainted view ≤ 50 ms median; layout ≤ 30 ms.

    python benchmarks/swimlane_benchmark.py [--langkah 40] [--lajur 8] [--ulang 25] [--json]

`--json` prints one line: {"layout_median_ms", "layout_fresh_median_ms", "paint_median_ms",
"view_median_ms", "edit_to_view_median_ms", "layout_cpu_ms", "paint_cpu_ms",
"view_cpu_ms", "edit_to_view_cpu_ms", "pages", "steps", "lanes", "runs"}.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sop_factory import random_sop  # noqa: E402

from kinerja_desktop.core.layout.display import DisplayPage  # noqa: E402
from kinerja_desktop.core.layout.memo import PageMemo  # noqa: E402
from kinerja_desktop.core.office import OfficeProfile  # noqa: E402
from kinerja_desktop.core.page import page_settings  # noqa: E402
from kinerja_desktop.core.sop import SopDocument  # noqa: E402
from kinerja_desktop.exchange.pdf.sop.flowchart import flowchart  # noqa: E402
from kinerja_desktop.ui.swimlane.painter import QtPage  # noqa: E402
from kinerja_desktop.ui.swimlane.view import SwimlaneView  # noqa: E402

OFFICE = OfficeProfile(nama_kantor="KECAMATAN MASAMA", kota_ttd="Masama")
SETTINGS = page_settings("F4", tegak=False)
TTD = date(2026, 2, 16)
SCREEN = 96 / 72  # points to pixels at 100 %
WARMUP = 3


MEMO = PageMemo()  # as `services.layout_service` keeps one per editor


def _layout(doc: SopDocument) -> list[DisplayPage]:
    return flowchart(doc, OFFICE, SETTINGS, TTD, MEMO)[0].pages


def _layout_fresh(doc: SopDocument) -> list[DisplayPage]:
    return flowchart(doc, OFFICE, SETTINGS, TTD)[0].pages


def _paint(pages: list[DisplayPage]) -> None:
    for page in pages:
        qt_page = QtPage(page)
        image = QImage(
            int(page.width * SCREEN), int(page.height * SCREEN), QImage.Format.Format_RGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(SCREEN, SCREEN)
        qt_page.paint(painter)
        painter.end()


def _median_ms(run: Callable[[int], None], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `run(k)` after WARMUP untimed runs."""
    wall, cpu = [], []
    for k in range(WARMUP + runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run(k)
        if k >= WARMUP:
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _typed(doc: SopDocument, k: int) -> None:
    """One keystroke's edit: a word more in one step's uraian."""
    step = doc.steps[k % len(doc.steps)]
    step.uraian = f"{step.uraian} kata{k}"


def measure(steps: int, lanes: int, runs: int) -> dict[str, float | int]:
    app = QApplication.instance() or QApplication([])
    doc = random_sop(random.Random(7), n_lanes=lanes, n_steps=steps)
    renamed = copy.deepcopy(doc)
    renamed.lanes[0].nama += " (Plt.)"
    pages, other = _layout(doc), _layout(renamed)
    figures = {
        "layout": _median_ms(lambda k: (_typed(doc, k), _layout(doc)), runs),
        "layout_fresh": _median_ms(lambda k: (_typed(doc, k), _layout_fresh(doc)), runs),
        "paint": _median_ms(lambda _k: _paint(pages), runs),
    }
    view = SwimlaneView()
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    view.set_pages(pages)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)

    def show(k: int) -> None:
        view.set_pages(other if k % 2 else pages)
        view.viewport().repaint()

    figures["view"] = _median_ms(show, runs)

    def edit(k: int) -> None:
        _typed(doc, k)
        view.set_pages(_layout(doc))
        view.viewport().repaint()

    figures["edit_to_view"] = _median_ms(edit, runs)
    view.close()
    result: dict[str, float | int] = {f"{k}_median_ms": round(v[0], 2) for k, v in figures.items()}
    result |= {f"{k}_cpu_ms": round(v[1], 2) for k, v in figures.items()}
    return result | {"pages": len(pages), "steps": steps, "lanes": lanes, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langkah", type=int, default=40, help="steps of the SOP")
    parser.add_argument("--lajur", type=int, default=8, help="lanes of the SOP")
    parser.add_argument("--ulang", type=int, default=25, help="timed runs per figure")
    parser.add_argument("--json", action="store_true", help="one line of JSON")
    args = parser.parse_args()
    result = measure(args.langkah, args.lajur, args.ulang)
    if args.json:
        print(json.dumps(result))
        return
    print(f"SOP: {args.langkah} langkah, {args.lajur} lajur, {result['pages']} halaman flowchart")
    print("median of", args.ulang, "runs          wall ms   CPU ms")
    for key, label in (
        ("layout", "layout + display list"),
        ("paint", "Qt paint of all pages"),
        ("view", "view: new pages + repaint"),
        ("edit_to_view", "edit to repainted view"),
    ):
        wall, cpu = result[f"{key}_median_ms"], result[f"{key}_cpu_ms"]
        print(f"{label:<28} {wall:8.2f} {cpu:8.2f}")


if __name__ == "__main__":
    main()
