"""The application shell as a user meets it: the demo kept apart from the real
database, moving between databases, restore from the GUI with what the backup
holds shown first, the damaged-database dialog, Beranda, drops, help, and
every screen grabbed to a picture that is not blank."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_store import sample_doc
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop import paths
from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.demo import demo_db_path
from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.shell import controller as controller_module
from kinerja_desktop.ui.shell import restore_dialog
from kinerja_desktop.ui.shell.application import create_window
from kinerja_desktop.ui.shell.controller import WindowController
from kinerja_desktop.ui.shell.damaged import DamagedChoice
from kinerja_desktop.ui.shell.help import HelpDialog


@pytest.fixture()
def quiet_boxes(monkeypatch):
    """Message boxes answer at once and are remembered."""
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, title, text, *_a, **_k: shown.append(f"{title}: {text}")
        )
    return shown


@pytest.fixture()
def controller(qtbot, quiet_boxes):
    c = WindowController()
    yield c
    c.close()


def _not_blank(widget, path: Path) -> QImage:
    """Grab `widget`, keep the picture, and check it holds a real screen."""
    widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 100 and image.height() > 100, path
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 60))
        for y in range(0, image.height(), max(1, image.height() // 60))
    }
    assert len(colours) > 8, f"{path.name} looks blank"
    return image


def test_demo_and_real_database_are_kept_apart(controller, qtbot) -> None:
    assert controller.open(None)
    real = controller.window
    assert not real.demo and "DATA CONTOH" not in real.windowTitle()
    assert real.body.currentWidget() is real.welcome  # empty office database
    real.welcome.demo_button.click()  # "Coba dengan data contoh"
    demo = controller.window
    assert demo is not real and demo.demo
    assert "DATA CONTOH" in demo.windowTitle() and demo.banner.isVisible()
    assert demo.session.path == demo_db_path()
    assert demo.catalogue.model.rowCount() == 7
    assert "Data contoh" in demo.path_label.text()
    sop_id = demo.catalogue.model.summary(0).id
    SopService(demo.session).set_status(sop_id, SopStatus.DICABUT)  # a change in the demo
    demo.banner.office_button.click()  # back to the office's own database
    back = controller.window
    assert not back.demo and back.session.path == paths.default_db_path()
    assert SopService(back.session).list_sops() == []
    assert str(paths.default_db_path()) in back.path_label.text()
    back.demo_requested.emit(True)  # the demo afresh
    fresh = controller.window
    statuses = {s.status for s in SopService(fresh.session).list_sops()}
    assert SopStatus.DICABUT not in statuses


def test_opening_another_and_a_new_database_from_the_berkas_menu(
    controller, tmp_path: Path, monkeypatch
) -> None:
    other = tmp_path / "lain.db"
    with open_session(other, create=True) as s:
        SopService(s).create(sample_doc())
    assert controller.open(None)
    actions = controller.window.database_actions
    monkeypatch.setattr(actions, "ask_open_path", lambda *_a: other)
    actions.open_action.trigger()
    assert controller.window.session.path == other
    assert controller.window.catalogue.model.rowCount() == 1
    new = tmp_path / "baru"
    monkeypatch.setattr(controller.window.database_actions, "ask_save_path", lambda *_a: new)
    controller.window.database_actions.new_action.trigger()
    assert controller.window.session.path == tmp_path / "baru.db"
    assert controller.window.body.currentWidget() is controller.window.welcome


def test_restore_from_the_gui_shows_the_backup_first(
    qtbot, tmp_path: Path, monkeypatch, quiet_boxes
) -> None:
    session, win = create_window(tmp_path / "kantor.db")
    qtbot.addWidget(win)
    try:
        sops = SopService(session)
        keep = sops.create(sample_doc("1/A", "Yang dicadangkan"))
        backup = DatabaseService(session).backup(tmp_path / "cadangan.db")
        sops.delete(keep)
        sops.create(sample_doc("2/B", "Dibuat sesudah cadangan"))
        actions = win.database_actions
        monkeypatch.setattr(actions, "ask_open_path", lambda *_a: backup)
        seen: list[dict[str, str]] = []

        def answer(self) -> bool:
            table = self.table
            rows = {
                table.verticalHeaderItem(r).text(): (
                    table.item(r, 0).text(),
                    table.item(r, 1).text(),
                )
                for r in range(table.rowCount())
            }
            seen.append(rows)
            return len(seen) > 1  # the first time the user says Batal

        monkeypatch.setattr(restore_dialog.RestoreDialog, "ask", answer)
        actions.restore_action.trigger()
        assert [s.nomor for s in sops.list_sops()] == ["2/B"]  # Batal: nothing replaced
        assert seen[0]["SOP"] == ("1", "1") and seen[0]["SOP di Sampah"] == ("0", "1")
        assert "SOP dibuat" in seen[0]["Catatan terakhir"][0]
        actions.restore_action.trigger()
        qtbot.waitUntil(lambda: any("Pemulihan selesai" in t for t in quiet_boxes), timeout=10000)
        assert [s.nomor for s in sops.list_sops()] == ["1/A"]
        qtbot.waitUntil(lambda: win.catalogue.model.rowCount() == 1)
        assert win.catalogue.model.summary(0).nomor == "1/A"
        assert "sebelum-pulihkan" in next(t for t in quiet_boxes if "Pemulihan selesai" in t)
    finally:
        session.close()


def test_damaged_database_offers_the_newest_backup(controller, tmp_path: Path, monkeypatch) -> None:
    live = tmp_path / "kantor.db"
    folder = paths.backup_dir(live)
    folder.mkdir()
    with open_session(live, create=True) as s:
        SopService(s).create(sample_doc("1/A"))
        DatabaseService(s).backup(folder / "kantor-cadangan.db")
    live.write_bytes(live.read_bytes()[:4096] + b"\xde\xad" * 8000)  # damaged
    offered = []

    def ask(_target, message, newest):
        offered.append((message, newest))
        return DamagedChoice.RESTORE_NEWEST

    monkeypatch.setattr(controller, "ask_damaged", ask)
    assert controller.open(live, create=False)
    (message, newest) = offered[0]
    assert "rusak" in message
    assert newest.path == folder / "kantor-cadangan.db" and newest.counts["sop"] == 1
    assert controller.window.catalogue.model.rowCount() == 1
    assert any(p.name.startswith("kantor-rusak") for p in folder.iterdir())


def test_beranda_lists_and_opens_what_it_names(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "kantor.db"
    with open_session(db, create=True) as s:
        sops = SopService(s)
        sops.create(replace(sample_doc("1/A"), status=SopStatus.BERLAKU))
        draft = sops.create(replace(sample_doc("2/B"), steps=sample_doc().steps[:2]))
    session, win = create_window(db)
    qtbot.addWidget(win)
    try:
        win.show()
        win.show_beranda()
        qtbot.waitUntil(lambda: win.beranda.overview is not None, timeout=10000)
        beranda = win.beranda
        assert "2 SOP" in beranda.status_label.text()
        errors = beranda.lists["errorsList"]
        assert errors.topLevelItem(0).text(0).startswith("2/B")
        assert beranda.lists["reviewList"].topLevelItem(0).text(0).startswith("1/A")
        beranda.lists["errorsList"].itemActivated.emit(errors.topLevelItem(0), 0)
        assert win.navigation.current_key() == "sop.katalog"
        assert win.catalogue.selected_id() == draft
        recent = beranda.lists["recentList"].topLevelItem(0)
        assert "SOP dibuat" in recent.text(1)
    finally:
        session.close()


def test_dropped_workbooks_go_to_the_sop_import(qtbot, tmp_path: Path, monkeypatch) -> None:
    session, win = create_window(tmp_path / "kantor.db")
    qtbot.addWidget(win)
    try:
        got: list[list[Path]] = []
        monkeypatch.setattr(win.sop_actions, "import_paths", got.append)
        win.drops._handlers[0] = (win.sop_actions.can_import_path, win.sop_actions.import_paths)
        files = [tmp_path / "a.xlsx", tmp_path / "catatan.txt", tmp_path / "B.XLSX"]
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        win.dropEvent(event)
        assert got == [[files[0], files[2]]]
        other = QMimeData()
        other.setUrls([QUrl.fromLocalFile(str(files[1]))])
        assert win.drops.plan([files[1]]) == []
    finally:
        session.close()


def test_every_screen_paints_something(qtbot, tmp_path: Path) -> None:
    session, win = create_window(None, demo=True)
    qtbot.addWidget(win)
    shots = tmp_path / "gambar"
    shots.mkdir()
    try:
        win.resize(1200, 760)
        win.show()
        pages = win.navigation.keys()
        for key in pages:
            win.navigation.show_page(key)
            qtbot.wait(20)
            _not_blank(win, shots / f"{key}.png")
        help_dialog = HelpDialog(win)
        qtbot.addWidget(help_dialog)
        help_dialog.show()
        assert "Mulai pertama kali" in help_dialog.browser.toPlainText()
        _not_blank(help_dialog, shots / "bantuan.png")
    finally:
        session.close()
    empty_session, empty = create_window(tmp_path / "kosong.db")
    qtbot.addWidget(empty)
    try:
        empty.resize(1000, 700)
        empty.show()
        _not_blank(empty, shots / "selamat-datang.png")
    finally:
        empty_session.close()
    assert len(list(shots.glob("*.png"))) == len(pages) + 2  # every page, help, welcome


def test_second_open_of_the_same_database_in_one_process_keeps_the_window(controller) -> None:
    assert controller.open(None)
    first = controller.window
    assert controller.open(None)  # already shown: nothing rebuilt
    assert controller.window is first
    assert controller_module.InstanceGuard  # the guard module is wired in
