"""Starting the desktop application: QApplication, Qt's texts in Indonesian,
the traces of failures, one window per database, the window.

Before anything else can fail, the log file, the hard-crash trace and this
session's marker are set up (`kinerja_desktop.diagnostics`) and every
unhandled exception is routed to the error dialog (`errors.ExceptionHooks`).
A marker left by a session that died is reported once, after the window is up.
A second start on a database that is open already brings that window forward
and ends (status 0). `smoke`: print the seconds from process start to the
window's first paint as one JSON line, then quit (benchmarks, CI).
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop import APP_NAME, __version__, diagnostics, paths
from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common import i18n
from kinerja_desktop.ui.common.errors import ExceptionHooks
from kinerja_desktop.ui.common.icons import app_icon
from kinerja_desktop.ui.shell.controller import WindowController, build_window
from kinerja_desktop.ui.shell.main_window import MainWindow
from kinerja_desktop.ui.shell.startup import FirstPaint, smoke_line

log = logging.getLogger(__name__)


def create_window(db_path: Path | None, *, demo: bool = False) -> tuple[Session, MainWindow]:
    """Open the database and build the main window (tests; run_gui uses the controller)."""
    return build_window(db_path, demo=demo)


def _when(started: str) -> str:
    try:
        moment = datetime.fromisoformat(started)
    except ValueError:
        return started or "waktu tidak diketahui"
    return f"{format_tanggal(moment.date())} pukul {moment:%H.%M}"


def abnormal_end_text(ends: list[diagnostics.AbnormalEnd]) -> str:
    """The notice for sessions that ended abnormally (newest first)."""
    latest = max(ends, key=lambda end: end.started)
    others = f" (dan {len(ends) - 1} sesi lain)" if len(ends) > 1 else ""
    return (
        f"Sesi sebelumnya, yang dimulai {_when(latest.started)}{others}, berakhir tidak "
        "normal: aplikasi tertutup tanpa sempat menutup dirinya sendiri.\n\n"
        "Data yang sudah disimpan tetap aman. Catatan galatnya ada di folder\n"
        f"{diagnostics.log_dir()}\n(berkas {diagnostics.LOG_FILE_NAME} dan "
        f"{diagnostics.CRASH_FILE_NAME}); kirimkan kepada petugas dukungan bila masalah berulang."
    )


def show_abnormal_end(parent: QWidget | None, ends: list[diagnostics.AbnormalEnd]) -> None:
    """Tell the user, once, that the last session died and where its traces are."""
    box = QMessageBox(parent)
    box.setObjectName("abnormalEndBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Sesi sebelumnya berakhir tidak normal")
    box.setText(abnormal_end_text(ends))
    open_folder = box.addButton("&Buka folder catatan", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(diagnostics.log_dir())))


def start_application() -> QApplication:
    """The QApplication with its names, icon and Indonesian Qt texts."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KinerjaDesktop")
    app.setWindowIcon(app_icon())
    if not getattr(app, "_kinerja_translated", False):
        app._kinerja_translated = i18n.install(app) is not None  # type: ignore[attr-defined]
    return app


def run_gui(db_path: Path | None, *, demo: bool = False, smoke: bool = False) -> int:
    """Run the window until it closes; exit status 2 when the database cannot open."""
    diagnostics.setup_logging()
    diagnostics.enable_crash_trace()
    log.info("%s %s dimulai (Python %s)", APP_NAME, __version__, sys.version.split()[0])
    app = start_application()
    hooks = ExceptionHooks(app).install()
    controller = WindowController()
    controller.smoke = smoke
    target = _target(db_path, demo)
    guard = controller.claim(target, listen=False)  # listens once the window has painted
    if guard is None:  # another window has it open: it was brought forward
        print(f"{target} sudah terbuka di jendela Kinerja Desktop lain.", file=sys.stderr)
        hooks.uninstall()
        return 0
    marker = diagnostics.SessionMarker()
    ended_abnormally = marker.begin(target)
    try:
        if not controller.open(db_path, demo=demo, guard=guard):
            guard.release()
            return 2
        window = controller.window
        if smoke:
            _smoke(app, window, demo)
        elif ended_abnormally:
            QTimer.singleShot(0, lambda: show_abnormal_end(controller.window, ended_abnormally))
        try:
            return app.exec()
        finally:
            QThreadPool.globalInstance().waitForDone()  # let a running print or export finish
            controller.close()
    finally:
        marker.end()
        hooks.uninstall()
        log.info("%s ditutup", APP_NAME)


def _target(db_path: Path | None, demo: bool) -> Path:
    if demo:
        from kinerja_desktop.services.demo import demo_db_path  # noqa: PLC0415

        return demo_db_path()
    return Path(db_path) if db_path is not None else paths.default_db_path()


def _smoke(app: QApplication, window: MainWindow | None, demo: bool) -> None:
    """Print the first-paint line and quit once the window has painted."""
    if window is None:
        return

    def painted(seconds: float) -> None:
        count = window.catalogue.model.rowCount()
        print(smoke_line(seconds, db=str(window.session.path), sop=count, demo=demo), flush=True)
        app.quit()

    FirstPaint(window, painted)
