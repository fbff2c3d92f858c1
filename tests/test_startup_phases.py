"""The two-phase start: the window's frame paints before the database stack is
imported (checked in a child process, on `sys.modules` at the first paint),
the database's content follows (`ready_s` ≥ `first_paint_s`), a failure of
phase 2 (damaged or locked database) still reaches its dialog; the frame lists
what the ready window holds; a room registers its pages through `rooms`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from kinerja_desktop.services.session import open_session
from kinerja_desktop.store.migrations import SCHEMA_VERSION, STEPS
from kinerja_desktop.ui.shell import rooms
from kinerja_desktop.ui.shell.controller import WindowController
from kinerja_desktop.ui.shell.damaged import DamagedChoice
from kinerja_desktop.ui.shell.frame import OPENING, WAIT_HINT
from kinerja_desktop.ui.shell.main_window import MainWindow
from kinerja_desktop.ui.shell.navigation import SECTION_KINERJA

REPO = Path(__file__).resolve().parents[1]

# What phase 1 must not have imported when the frame first paints.
HEAVY = ("peewee", "sqlite3", "openpyxl", "reportlab")
HEAVY_OURS = (
    "kinerja_desktop.store",
    "kinerja_desktop.exchange",
    "kinerja_desktop.services.session",
    "kinerja_desktop.ui.sop",
    "kinerja_desktop.ui.office",
)

# Runs `run_gui` in a child process, noting at the frame's first paint which
# modules are loaded and what the window offers; the damaged-database dialog
# and the error dialog are replaced by notes (they would wait for a click).
CHILD = textwrap.dedent(
    """
    import json, sys
    from kinerja_desktop.ui.common import errors
    from kinerja_desktop.ui.shell import application, controller, main_window
    from kinerja_desktop.ui.shell.damaged import DamagedChoice

    notes = {"imported_with_the_shell": sorted(sys.modules)}
    painted = main_window.MainWindow._painted

    def on_paint(self, seconds):
        notes["at_paint"] = sorted(sys.modules)
        import PySide6.QtCore, PySide6.QtWidgets
        # Qt's namespace and QStyle are built lazily (~20 ms of enums): not yet.
        notes["qt_namespace"] = "Qt" in vars(PySide6.QtCore)
        notes["qstyle"] = "QStyle" in vars(PySide6.QtWidgets)
        notes["attached"] = self.attached
        notes["page"] = self.navigation.stack.currentWidget().objectName()
        notes["waiting"] = self.waiting.title.text() + " " + self.waiting.hint.text()
        notes["enabled_tools"] = [
            a.text().replace("&", "") for a in self.toolbar.actions()
            if a.text() and a.isEnabled()
        ]
        painted(self, seconds)

    def ask_damaged(self, target, message, newest):
        notes["damaged"] = message
        return DamagedChoice.CLOSE

    def show_error(parent, exc, title="Galat"):
        notes["error"] = [title, errors.describe(exc)[0]]

    main_window.MainWindow._painted = on_paint
    controller.WindowController.ask_damaged = ask_damaged
    errors.show_error = show_error
    args = json.loads(sys.argv[1])
    status = application.run_gui(args["db"], demo=args["demo"], smoke=True)
    notes["when_ready"] = sorted(sys.modules)
    print("NOTES " + json.dumps(notes), flush=True)
    sys.exit(status)
    """
)


def _run(data: Path, db: Path | None = None, *, demo: bool = False) -> tuple[int, dict, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINERJA_DATA_DIR": str(data)}
    env.pop("KINERJA_DEBUG", None)
    args = json.dumps({"db": str(db) if db else None, "demo": demo})
    done = subprocess.run(
        [sys.executable, "-c", CHILD, args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    notes = next((json.loads(x[6:]) for x in lines if x.startswith("NOTES ")), None)
    assert notes is not None, done.stderr[-2000:]
    smoke = next((json.loads(x) for x in lines if x.startswith("{")), {})
    return done.returncode, notes, smoke


def _heavy(modules: list[str]) -> list[str]:
    return [
        m for m in modules if m in HEAVY or any(m == p or m.startswith(p + ".") for p in HEAVY_OURS)
    ]


@pytest.mark.parametrize("demo", [False, True])
def test_the_frame_paints_before_the_database_stack_is_imported(tmp_path: Path, demo) -> None:
    status, notes, smoke = _run(tmp_path / "data", demo=demo)
    assert status == 0
    assert _heavy(notes["imported_with_the_shell"]) == []
    assert _heavy(notes["at_paint"]) == []
    assert not notes["attached"]
    assert not notes["qt_namespace"] and not notes["qstyle"]  # see frame.ALIGN_CENTER
    assert notes["page"] == "waitingPage" and OPENING in notes["waiting"]
    assert WAIT_HINT in notes["waiting"]
    assert notes["enabled_tools"] == ["Bantuan"]  # nothing that touches data yet
    assert 0 < smoke["first_paint_s"] <= smoke["ready_s"] < 60
    assert smoke["demo"] is demo and smoke["sop"] == (7 if demo else 0)
    # Ready, on its first page: the Excel and PDF libraries and the pages not shown
    # are imported when they are first needed, not by the rooms' registration.
    late = ("openpyxl", "reportlab", "kinerja_desktop.ui.kinerja.laporan_page")
    assert [m for m in notes["when_ready"] if m in late] == []


def test_a_damaged_database_still_gets_its_dialog_after_the_frame(tmp_path: Path) -> None:
    db = tmp_path / "kantor.db"
    with open_session(db, create=True):
        pass
    db.write_bytes(db.read_bytes()[:4096] + b"\xde\xad" * 8000)
    status, notes, smoke = _run(tmp_path / "data", db)
    assert status == 2 and smoke == {}
    assert notes["page"] == "waitingPage"  # the frame came first
    assert "rusak" in notes["damaged"]


def test_a_locked_database_is_explained_after_the_frame(tmp_path: Path) -> None:
    """Another program holds the write lock of a database that needs its
    migrations (a read alone would still open)."""
    db = tmp_path / "kantor.db"
    version = max(n for n, _statements in STEPS if n < SCHEMA_VERSION)
    shutil.copy2(REPO / "tests" / "data" / "schema" / f"v{version}.db", db)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        status, notes, _smoke = _run(tmp_path / "data", db)
    finally:
        holder.close()
    assert status == 2
    title, message = notes["error"]
    assert title == "Basis data tidak dapat dibuka" and "dipakai" in message.lower(), message


@pytest.fixture()
def quiet_boxes(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, title, text, *_a, **_k: shown.append(f"{title}: {text}")
        )
    return shown


def _pages(window: MainWindow) -> list[str]:
    tree = window.navigation.tree
    return [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


def _tools(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.toolbar.actions() if a.text()]


def _menus(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_frame_lists_what_the_ready_window_holds(qtbot, tmp_path: Path, quiet_boxes) -> None:
    controller = WindowController()
    try:
        frame = controller.show_frame(tmp_path / "kantor.db")
        qtbot.addWidget(frame)
        before = (_pages(frame), _tools(frame), _menus(frame))
        assert not controller.window.database_actions.backup_action.isEnabled()
        assert controller.open(tmp_path / "kantor.db")
        assert controller.window is frame and frame.attached  # the same window, filled
        assert (_pages(frame), _tools(frame), _menus(frame)) == before
        assert frame.database_actions.backup_action.isEnabled()
        qtbot.waitUntil(lambda: frame.ready_s is not None, timeout=10000)
        assert frame.ready_s >= frame.first_paint_s
    finally:
        controller.close()


def test_a_damaged_database_restored_from_the_frame_fills_it(
    qtbot, tmp_path: Path, quiet_boxes, monkeypatch
) -> None:
    from fixtures_store import sample_doc

    from kinerja_desktop import paths
    from kinerja_desktop.services.database_service import DatabaseService
    from kinerja_desktop.services.sop_service import SopService

    live = tmp_path / "kantor.db"
    folder = paths.backup_dir(live)
    folder.mkdir()
    with open_session(live, create=True) as s:
        SopService(s).create(sample_doc("1/A"))
        DatabaseService(s).backup(folder / "kantor-cadangan.db")
    live.write_bytes(live.read_bytes()[:4096] + b"\xde\xad" * 8000)
    controller = WindowController()
    asked = []
    monkeypatch.setattr(
        controller, "ask_damaged", lambda *a: asked.append(a) or DamagedChoice.RESTORE_NEWEST
    )
    try:
        frame = controller.show_frame(live)
        qtbot.addWidget(frame)
        assert controller.open(live, create=False, guard=controller.guard)
        assert asked and controller.window is frame
        assert frame.catalogue.model.rowCount() == 1
        assert any("dipulihkan" in t for t in quiet_boxes)
    finally:
        controller.close()


def test_a_room_registers_its_pages_after_the_database_opens(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    seen: list[bool] = []

    def register(window: MainWindow) -> None:
        seen.append(window.attached)
        page = QLabel("Validasi", window)
        rooms.add_page(window, "kinerja.coba", page)
        window.menus["kinerja"].addAction("Coba")

    entry = rooms.PageEntry("kinerja.coba", "Coba Kinerja", SECTION_KINERJA, "katalog")
    monkeypatch.setattr(rooms, "PAGES", (*rooms.PAGES, entry))
    monkeypatch.setattr(rooms, "MENUS", (("kinerja", "&Kinerja"),))
    monkeypatch.setattr(rooms, "REGISTRATIONS", [*rooms.REGISTRATIONS, register])
    window = MainWindow(tmp_path / "kantor.db")
    qtbot.addWidget(window)
    assert "Coba Kinerja" in _pages(window) and not seen  # a placeholder, room not loaded
    session = open_session(tmp_path / "kantor.db", create=True)
    try:
        window.attach(session)
        assert seen == [True]
        assert window.navigation.show_page("kinerja.coba").text() == "Validasi"
        assert _pages(window).count("Coba Kinerja") == 1
        assert [a.text() for a in window.menus["kinerja"].actions()] == ["Coba"]
    finally:
        window.close()
        session.close()


def test_a_command_turns_the_collector_back_on() -> None:
    """main.py holds the cycle collector off for the window's start only."""
    import gc

    from kinerja_desktop import app

    gc.disable()
    try:
        with pytest.raises(SystemExit):
            app.main(["--version"])
    finally:
        enabled = gc.isenabled()
        gc.enable()
    assert enabled
