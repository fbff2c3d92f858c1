"""Starting the desktop application: QApplication, Qt's texts in Indonesian,
the traces of failures, one window per database, the window in two phases.

Before anything else can fail, the log file, the hard-crash trace and this
session's marker are set up (`kinerja_desktop.diagnostics`) and every
unhandled exception is routed to the error dialog (`errors.ExceptionHooks`).
A second start on a database that is open already brings that window forward
and ends (status 0).

Phase 1 imports Qt and the standard library only and shows the window's
frame (`MainWindow`: title, menus, toolbar, navigation, status bar,
"Membuka basis data …"). Right after its first paint, phase 2 imports the
database stack, opens the database and attaches it to that same window
(`WindowController.open`: a damaged or missing database takes its usual
dialogs; status 2 when it stays unopened). A marker left by a session that
died is reported once, after the database is shown. `smoke`: print, as one
JSON line, the seconds from process start to the frame's first paint
(`first_paint_s`) and to the first screen showing the database's content
(`ready_s`), then quit (benchmarks, CI).
"""

from __future__ import annotations

import gc
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop import APP_NAME, __version__, diagnostics
from kinerja_desktop.ui.common import i18n
from kinerja_desktop.ui.common.errors import ExceptionHooks
from kinerja_desktop.ui.common.icons import app_icon
from kinerja_desktop.ui.shell.controller import WindowController, build_window, target_path
from kinerja_desktop.ui.shell.main_window import MainWindow
from kinerja_desktop.ui.shell.startup import settle_collector, smoke_line

if TYPE_CHECKING:
    from kinerja_desktop.services.session import Session

log = logging.getLogger(__name__)

# Phase 2 starts after the frame's first paint, or after this long without one
# (a window started minimised paints only when restored).
PHASE_TWO_FALLBACK_MS = 1000
COLLECTOR_FALLBACK_MS = 3000


def create_window(db_path: Path | None, *, demo: bool = False) -> tuple[Session, MainWindow]:
    """Open the database and build the main window, ready at once (tests;
    run_gui shows the frame first)."""
    return build_window(db_path, demo=demo)


def _when(started: str) -> str:
    from kinerja_desktop.core.dates import format_tanggal  # noqa: PLC0415 (rarely needed)

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
    target = target_path(db_path, demo)
    guard = controller.claim(target, listen=False)  # listens once the window has painted
    if guard is None:  # another window has it open: it was brought forward
        print(f"{target} sudah terbuka di jendela Kinerja Desktop lain.", file=sys.stderr)
        hooks.uninstall()
        return 0
    marker = diagnostics.SessionMarker()
    ended_abnormally = marker.begin(target)
    start = _Start(app, controller, db_path, demo=demo, smoke=smoke)
    start.ended_abnormally = ended_abnormally
    try:
        start.show_frame(guard)
        try:
            status = app.exec()
            return start.status if start.status is not None else status
        finally:
            start.cancelled = True
            QThreadPool.globalInstance().waitForDone()  # let a running print or export finish
            controller.close()
            gc.enable()
    finally:
        marker.end()
        hooks.uninstall()
        log.info("%s ditutup", APP_NAME)


class _Start:
    """The two phases of one start (see the module docstring)."""

    def __init__(
        self,
        app: QApplication,
        controller: WindowController,
        db_path: Path | None,
        *,
        demo: bool,
        smoke: bool,
    ) -> None:
        self.app, self.controller, self.db_path = app, controller, db_path
        self.demo, self.smoke = demo, smoke
        self.ended_abnormally: list[diagnostics.AbnormalEnd] = []
        self.status: int | None = None
        self.cancelled = False
        self._begun = False

    def show_frame(self, guard) -> None:
        """Phase 1: the frame; phase 2 follows its first paint."""
        window = self.controller.show_frame(self.db_path, demo=self.demo, guard=guard)
        window.first_painted.connect(lambda: QTimer.singleShot(0, self.open_database))
        QTimer.singleShot(PHASE_TWO_FALLBACK_MS, self.open_database)
        if self.smoke:
            window.ready.connect(lambda: self._smoke(window))

    def open_database(self) -> None:
        """Phase 2: the database stack, the database, the pages."""
        if self._begun or self.cancelled:
            return
        self._begun = True
        window = self.controller.window
        if not self.controller.open(self.db_path, demo=self.demo, guard=self.controller.guard):
            if window is not None:
                window.failed("Basis data tidak dapat dibuka.")
            self.status = 2
            self.app.exit(2)
            return
        # The collector back on even when `ready` never comes (a window started
        # minimised paints only when restored).
        QTimer.singleShot(COLLECTOR_FALLBACK_MS, settle_collector)
        if self.ended_abnormally and not self.smoke:
            ends = self.ended_abnormally
            QTimer.singleShot(0, lambda: show_abnormal_end(self.controller.window, ends))

    def _smoke(self, window: MainWindow) -> None:
        """Print the start-up line and quit (the window is ready)."""
        if self.cancelled or window is not self.controller.window:
            return
        count = window.catalogue.model.rowCount()
        line = smoke_line(
            window.first_paint_s or 0.0,
            window.ready_s or 0.0,
            db=str(window.session.path),
            sop=count,
            demo=window.demo,
        )
        print(line, flush=True)
        self.app.quit()
