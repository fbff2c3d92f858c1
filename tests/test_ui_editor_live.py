"""The editor's background work: requests coalesce, the newest always wins, nothing is lost;
and an owner window does not close over an editor with unsaved changes."""

from __future__ import annotations

import threading
import time

import editor_helpers
from editor_helpers import FakePrompts, first_sop_id, type_into_cell
from PySide6.QtWidgets import QMainWindow

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.ui.editor import open_editor
from kinerja_desktop.ui.editor.live import LiveRefresher

demo_session = editor_helpers.demo_session  # the fixture


def test_requests_coalesce_and_the_newest_document_is_computed_last(qtbot) -> None:
    computed: list[str] = []
    threads: set[int] = set()

    def compute(doc: SopDocument) -> str:
        threads.add(threading.get_ident())
        time.sleep(0.05)
        computed.append(doc.judul)
        return doc.judul.upper()

    refresher = LiveRefresher(compute)
    shown: list[str] = []
    refresher.ready.connect(lambda result: shown.append(result.value))
    docs = [SopDocument(judul=f"versi {n}") for n in range(6)]
    for doc in docs:
        refresher.request(doc)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: refresher.idle, timeout=5000)
    assert computed[-1] == "versi 5" and shown[-1] == "VERSI 5"
    assert len(computed) < len(docs), "requests made while one ran were coalesced"
    assert threading.get_ident() not in threads, "computed off the UI thread"
    refresher.request(docs[0])
    qtbot.waitUntil(lambda: computed[-1] == "versi 0", timeout=5000)
    refresher.refresh()  # what compute depends on changed: the same document again
    qtbot.waitUntil(
        lambda: refresher.idle and len(computed) >= 2 and computed[-2:] == ["versi 0"] * 2,
        timeout=5000,
    )
    refresher.shutdown()


def test_the_owner_window_asks_before_closing_over_unsaved_editors(qtbot, demo_session) -> None:
    owner = QMainWindow()
    qtbot.addWidget(owner)
    owner.show()
    window = open_editor(owner, demo_session, sop_id=first_sop_id(demo_session))
    window.prompts = window.grid.prompts = FakePrompts()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    type_into_cell(qtbot, window, 0, "keterangan", "belum disimpan")
    window.prompts.answers["unsaved_close"] = None
    assert not owner.close()
    assert owner.isVisible() and window.isVisible()
    window.prompts.answers["unsaved_close"] = "discard"
    assert owner.close()
    assert not window.isVisible()
