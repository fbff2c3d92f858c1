"""Shared helpers of the editor's window tests: a database with the demo library,
prompts that answer without a window, and small ways to type into the grid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.services.demo import load_demo
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.editor import EditorWindow, open_editor

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "test-artifacts" / "editor"  # screenshots kept after the run (gitignored)


class FakePrompts:
    """Answers every question of the editor as told; records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []
        self.answers: dict[str, object] = {
            "retarget": "suggested",
            "lane_removal": ("clear", None),
            "paste_lines": "rows",
            "unsaved_close": "discard",
            "stale": True,
            "text": None,
            "confirm": True,
        }

    def _answer(self, name: str, detail: object = None):
        self.asked.append((name, detail))
        return self.answers[name]

    def retarget(self, doc, broken):
        answer = self._answer("retarget", broken)
        if answer == "suggested":
            return tuple((b.key, b.suggestion) for b in broken)
        return answer

    def lane_removal(self, doc, lane, used):
        answer = self._answer("lane_removal", (lane.nama, used))
        if callable(answer):
            return answer(doc, lane)
        return answer

    def paste_lines(self, count):
        return self._answer("paste_lines", count)

    def unsaved_close(self, title):
        return self._answer("unsaved_close", title)

    def stale(self, message):
        return self._answer("stale", message)

    def text(self, title, label, value="", options=()):
        return self._answer("text", title)

    def info(self, title, text, details=()):
        self.asked.append(("info", (title, text, tuple(details))))

    def error(self, exc):
        self.asked.append(("error", str(exc)))

    def confirm(self, title, text, yes):
        return self._answer("confirm", text)

    def names(self) -> list[str]:
        return [name for name, _ in self.asked]


@pytest.fixture()
def demo_session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "demo.db", create=True, demo_if_new=False) as session:
        load_demo(session)
        yield session


def first_sop_id(session: Session) -> int:
    return SopService(session).list_sops()[0].id


def editor_for(qtbot, session: Session, **kwargs) -> EditorWindow:
    window = open_editor(None, session, **kwargs)
    qtbot.addWidget(window)
    window.prompts = window.grid.prompts = window.lanes.prompts = FakePrompts()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def cell_editor(window: EditorWindow) -> QLineEdit:
    """The line editor open in the grid (it has the focus once the window is active)."""
    found = QApplication.focusWidget()
    if not isinstance(found, QLineEdit):
        found = window.grid.viewport().findChild(QLineEdit)
    assert isinstance(found, QLineEdit), "no cell is being edited"
    return found


def wait_idle(qtbot, window: EditorWindow) -> None:
    """Until the checker and the swimlane show the newest document."""
    qtbot.waitUntil(window.live_idle, timeout=15000)


def type_into_cell(qtbot, window: EditorWindow, row: int, key: str, text: str) -> None:
    """Select the cell, start editing with F2, type, and press Enter (as a person does)."""
    grid = window.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.steps.index(row, grid.steps.column_of(key)))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = cell_editor(window)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def set_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def doc_of(window: EditorWindow) -> SopDocument:
    return window.editor.document
