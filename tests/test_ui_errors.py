"""No silent death: an exception in a slot or a thread ends in the Indonesian
error dialog and a log line; a session that died is reported at the next start."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from kinerja_desktop import diagnostics
from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.ui.common.errors import ErrorDialog, ExceptionHooks, show_error
from kinerja_desktop.ui.shell import application


@pytest.fixture()
def hooks(qapp):
    diagnostics.setup_logging()
    installed = ExceptionHooks(qapp).install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
    diagnostics.close_logging()


def _log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return diagnostics.log_file().read_text(encoding="utf-8")


def _boom() -> None:
    raise RuntimeError("tombol rusak")


def test_exception_in_a_slot_shows_the_dialog_and_is_logged(hooks, qtbot) -> None:
    button = QPushButton("Coba")
    qtbot.addWidget(button)
    button.clicked.connect(_boom)
    button.click()  # the slot raises; the window carries on
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
    dialog = hooks.dialog
    assert dialog.windowTitle() == "Galat"
    assert "galat tak terduga" in dialog.message_label.text().lower()
    assert "RuntimeError: tombol rusak" in dialog.message_label.text()
    assert dialog.details_button.text() == "&Rincian" and dialog.details_button.isVisible()
    assert not dialog.details_view.isVisible()
    dialog.details_button.click()
    assert dialog.details_view.isVisible() and dialog.copy_button.isVisible()
    details = dialog.details_view.toPlainText()
    assert "Traceback" in details and "_boom" in details
    assert str(diagnostics.log_file()) in details
    dialog.copy_details()
    assert "tombol rusak" in QApplication.clipboard().text()
    log = _log_text()
    assert "ERROR kinerja_desktop.ui.common.errors" in log and "Galat tak tertangani" in log
    assert "RuntimeError: tombol rusak" in log
    dialog.close_button.click()
    qtbot.waitUntil(lambda: hooks.dialog is None)


def test_an_error_storm_opens_one_dialog(hooks, qtbot) -> None:
    for _ in range(3):
        QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: hooks.count == 3)
    qtbot.waitUntil(lambda: hooks.dialog is not None)
    qtbot.wait(20)
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()
    ]
    assert dialogs == [hooks.dialog]
    assert hooks.dialog.details_view.toPlainText().count("tombol rusak") >= 3


def test_exception_in_a_worker_thread_reaches_the_dialog(hooks, qtbot) -> None:
    def work() -> None:
        raise ValueError("di latar belakang")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
    assert "ValueError: di latar belakang" in hooks.dialog.message_label.text()
    assert "ValueError: di latar belakang" in _log_text()


def test_an_expected_error_shows_its_own_words(qtbot, monkeypatch) -> None:
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    show_error(None, KinerjaError("Berkas ini bukan buku kerja Excel.", "zip: bad magic"), "Impor")
    (dialog,) = shown
    assert dialog.windowTitle() == "Impor"
    assert dialog.message_label.text() == "Berkas ini bukan buku kerja Excel."
    assert dialog.details_view.toPlainText() == "zip: bad magic"
    show_error(None, KinerjaError("Tanpa rincian."))
    assert shown[1].details_button.isHidden()


# Runs the real start-up (run_gui) in its own process: app.exec() inside the
# test process would leave its event loop in a state later tests trip over.
_START_TWICE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kinerja_desktop.ui.shell import application
seen = []
def record(parent, ends):
    seen.append(application.abnormal_end_text(ends))
application.show_abnormal_end = record
app = QApplication([])
codes = []
for _ in range(2):
    QTimer.singleShot(300, app.quit)
    codes.append(application.run_gui(sys.argv[1]))
print(json.dumps({"codes": codes, "seen": seen}))
"""


def test_next_start_says_once_that_the_last_session_died(tmp_path: Path) -> None:
    """The real start-up path: a marker of a dead process is reported after the
    window is up, and only once; a normal close leaves no marker."""
    pid = int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    diagnostics.SessionMarker(pid=pid).begin(tmp_path / "lama.db")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _START_TWICE, str(tmp_path / "k.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0]
    (text,) = report["seen"]  # said once, by the first start only
    assert "berakhir tidak normal" in text and str(diagnostics.log_dir()) in text
    assert "kinerja.log" in text and "crash.log" in text
    assert list(diagnostics.log_dir().glob("sesi-*.aktif")) == []  # closed normally
    log = diagnostics.log_file().read_text(encoding="utf-8")
    assert log.count("dimulai") == 2 and log.count("ditutup") == 2


def test_about_box_names_the_log(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: texts.append(text))
    session, window = application.create_window(tmp_path / "t.db")
    qtbot.addWidget(window)
    try:
        window.about()
    finally:
        session.close()
    assert str(diagnostics.log_file()) in texts[0]
