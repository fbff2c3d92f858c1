"""Starting the desktop application: QApplication, the database, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kinerja_desktop import APP_NAME
from kinerja_desktop.services.session import Session, open_session

from .errors import show_error
from .main_window import MainWindow


def create_window(db_path: Path | None) -> tuple[Session, MainWindow]:
    """Open the database and build the main window (used by run_gui and tests)."""
    session = open_session(db_path, create=True)
    try:
        return session, MainWindow(session)
    except Exception:
        session.close()
        raise


def run_gui(db_path: Path | None) -> int:
    """Run the window until it closes; exit status 2 when the database cannot open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KinerjaDesktop")
    try:
        session, window = create_window(db_path)
    except Exception as exc:  # a readable dialog instead of a traceback
        show_error(None, exc, "Basis data tidak dapat dibuka")
        return 2
    window.show()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()  # let a running print or export finish
        session.close()
