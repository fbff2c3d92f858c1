"""Every screen of the editor grabbed to PNG and checked not blank.

The pictures are kept in test-artifacts/editor/ (not in git) for people to look at:
the steps grid beside the swimlane, the identity page, the checker with findings,
the question asked when exits lose their target, the revision history, a
revision read-only, two revisions compared, the print preview.
"""

from __future__ import annotations

from collections import Counter

import editor_helpers
import pytest
from editor_helpers import SHOTS, doc_of, editor_for, first_sop_id, type_into_cell, wait_idle
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.sop import StepKind
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.ui.editor.prompts import RetargetDialog
from kinerja_desktop.ui.editor.revisions import RevisionsDialog

demo_session = editor_helpers.demo_session  # the fixture


def _shoot(widget: QWidget, name: str) -> QImage:
    """Grab `widget` to test-artifacts/editor/<name>.png; fail when it is blank."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    assert image.save(str(SHOTS / f"{name}.png")), name
    small = image.scaled(120, 80)
    pixels = Counter(small.pixel(x, y) for x in range(small.width()) for y in range(small.height()))
    _background, most = pixels.most_common(1)[0]
    painted = small.width() * small.height() - most
    assert len(pixels) >= 8 and painted > 0.05 * small.width() * small.height(), f"{name} is blank"
    return image


@pytest.mark.slow
def test_every_editor_screen_is_drawn(qtbot, demo_session) -> None:
    sop_id = first_sop_id(demo_session)
    window = editor_for(qtbot, demo_session, sop_id=sop_id)
    window.resize(1360, 820)
    window.tabs.setCurrentIndex(1)
    wait_idle(qtbot, window)
    _shoot(window, "01-langkah-dan-swimlane")
    model = window.model
    model.setData(model.index(2, model.column_of("jenis")), StepKind.KEPUTUSAN)
    model.setData(model.index(4, model.column_of("uraian")), "")
    window.grid.setCurrentIndex(model.index(2, 1))
    wait_idle(qtbot, window)
    _shoot(window, "02-keputusan-dan-temuan")
    window.tabs.setCurrentIndex(0)
    _shoot(window, "03-identitas")
    doc = doc_of(window)
    try:
        ed.RemoveSteps((doc.steps[1].id,))(doc)
    except ed.BrokenExitsError as exc:
        ask = RetargetDialog(window, exc.after, exc.broken)
        qtbot.addWidget(ask)
        ask.show()
        _shoot(ask, "04-tanya-tujuan-cabang")
    type_into_cell(qtbot, window, 0, "waktu", "15 menit")
    window.save()
    history = RevisionsDialog(demo_session, window.sop_id, window)
    qtbot.addWidget(history)
    history.show()
    _shoot(history, "05-riwayat-revisi")
    history.table.selectRow(0)
    old = history.open_selected()
    qtbot.addWidget(old)
    qtbot.waitUntil(old.swimlane.idle, timeout=15000)
    _shoot(old, "06-revisi-hanya-baca")
    history.table.selectRow(1)
    compare = history.compare_selected()
    qtbot.addWidget(compare)
    _shoot(compare, "07-bandingkan-revisi")
    preview = history.print_selected()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.result is not None, timeout=30000)
    qtbot.wait(300)  # QPdfView renders pages asynchronously
    _shoot(preview, "08-pratinjau-cetak")
