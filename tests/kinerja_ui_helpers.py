"""The demo main window for the Data Kinerja screen tests: a fixed "today", and any
question box or error dialog that a test did not expect fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_types import PlanTree
from kinerja_desktop.services.session import open_session
from kinerja_desktop.ui.common.errors import ErrorDialog
from kinerja_desktop.ui.kinerja import pages
from kinerja_desktop.ui.shell.application import create_window
from kinerja_desktop.ui.shell.main_window import MainWindow
from tests.kinerja_helpers import Clock, demo_session


def no_question_expected(box: QMessageBox) -> int:
    raise AssertionError(f"unexpected question: {box.text()}")


def no_error_expected(dialog: ErrorDialog) -> int:
    raise AssertionError(
        f"error dialog: {dialog.message_label.text()}\n{dialog.details_view.toPlainText()}"
    )


def demo_window(qtbot, tmp_path: Path, monkeypatch, now: datetime) -> Iterator[MainWindow]:
    """The demo database in the main window (frame, then attached), 1366 × 768, at `now`."""
    monkeypatch.setattr(pages, "window_clock", lambda _demo: Clock(now))
    monkeypatch.setattr(ErrorDialog, "exec", no_error_expected)
    monkeypatch.setattr(QMessageBox, "exec", no_question_expected)
    session = demo_session(tmp_path)
    win = MainWindow(session.path, demo=True)
    win.attach(session)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    session.close()


def started_demo_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    """The demo database opened as `main.py --demo` opens it (the demo's own fixed day)."""
    db = tmp_path / "demo.db"
    with open_session(db, create=True, demo_if_new=True):
        pass
    session, win = create_window(db, demo=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    session.close()


def plan_tree(win: MainWindow) -> PlanTree:
    """The window's first Renstra as the database holds it now."""
    plans = KinerjaPlanService(win.session)
    return plans.plan(plans.list_renstra()[0].id)
