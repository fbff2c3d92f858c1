"""Starting the desktop application: QApplication, the traces of failures,
the database, the window.

Before anything else can fail, the log file, the hard-crash trace and this
session's marker are set up (`kinerja_desktop.diagnostics`) and every
unhandled exception is routed to the error dialog (`errors.ExceptionHooks`).
A marker left by a session that died is reported once, after the window is up.
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
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.ui.common.errors import ExceptionHooks, show_error
from kinerja_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def create_window(db_path: Path | None) -> tuple[Session, MainWindow]:
    """Open the database and build the main window (used by run_gui and tests)."""
    session = open_session(db_path, create=True)
    try:
        return session, MainWindow(session)
    except Exception:
        session.close()
        raise


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


def run_gui(db_path: Path | None) -> int:
    """Run the window until it closes; exit status 2 when the database cannot open."""
    diagnostics.setup_logging()
    diagnostics.enable_crash_trace()
    log.info("%s %s dimulai (Python %s)", APP_NAME, __version__, sys.version.split()[0])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KinerjaDesktop")
    hooks = ExceptionHooks(app).install()
    marker = diagnostics.SessionMarker()
    ended_abnormally = marker.begin(db_path or paths.default_db_path())
    try:
        try:
            session, window = create_window(db_path)
        except Exception as exc:  # a readable dialog instead of a traceback
            show_error(None, exc, "Basis data tidak dapat dibuka")
            return 2
        window.show()
        if ended_abnormally:
            QTimer.singleShot(0, lambda: show_abnormal_end(window, ended_abnormally))
        try:
            return app.exec()
        finally:
            QThreadPool.globalInstance().waitForDone()  # let a running print or export finish
            session.close()
    finally:
        marker.end()
        hooks.uninstall()
        log.info("%s ditutup", APP_NAME)
