"""One readable error dialog, in Indonesian, with details for support — and
the hooks that send every unhandled exception there instead of letting the
window die silently.

`show_error` is for failures the code expects and catches (a damaged file, a
refused save). `ExceptionHooks` catches the rest: an exception raised in any
slot, event handler or worker thread reaches `sys.excepthook` or
`threading.excepthook`; it is written with its traceback to the log file and
shown in the same dialog (non-blocking, so the code that failed is never
re-entered from a nested event loop). While one such dialog is open, further
errors are added to its "Rincian" rather than opening a storm of windows.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import diagnostics
from kinerja_desktop.core.errors import KinerjaError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Terjadi galat tak terduga. Data yang sudah disimpan tetap aman; "
    "langkah terakhir mungkin tidak selesai."
)


class ErrorDialog(QDialog):
    """Icon, message, and a "Rincian" button that unfolds the details."""

    def __init__(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        # Qt's namespace and QStyle only when a dialog is shown: building
        # their enums costs ~20 ms, and the window's first paint needs neither.
        from PySide6.QtCore import Qt  # noqa: PLC0415
        from PySide6.QtWidgets import QStyle  # noqa: PLC0415

        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(self)
        self.details_view.setReadOnly(True)
        self.details_view.setPlainText(details)
        self.details_view.setMinimumHeight(220)
        self.details_view.hide()
        self.details_button = QPushButton("&Rincian", self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton("&Salin rincian", self)
        self.copy_button.clicked.connect(self.copy_details)
        self.copy_button.hide()
        self.close_button = QPushButton("&Tutup", self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        for button in (self.details_button, self.copy_button):
            button.setVisible(button is self.details_button and bool(details))

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addLayout(buttons)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.copy_button.setVisible(shown)
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_view.toPlainText())

    def add_details(self, text: str) -> None:
        """Append another failure's details (errors that came while open)."""
        self.details_button.show()
        current = self.details_view.toPlainText()
        self.details_view.setPlainText(f"{current}\n\n{text}" if current else text)


def _log_note() -> str:
    return f"Catatan galat: {diagnostics.log_file()}"


def describe(exc: BaseException) -> tuple[str, str]:
    """The message for the user and the details for support."""
    if isinstance(exc, KinerjaError):
        return exc.message, exc.detail
    details = "".join(traceback.format_exception(exc))
    return f"{UNEXPECTED}\n\n{type(exc).__name__}: {exc}", f"{details}\n{_log_note()}"


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Galat") -> None:
    """Show `exc` to the user and wait for Tutup: the Indonesian message, the
    technical detail folded under "Rincian". Unexpected errors are logged."""
    if not isinstance(exc, KinerjaError):
        log.error("Galat tak terduga", exc_info=exc)
    message, details = describe(exc)
    ErrorDialog(parent, title, message, details).exec()


class ExceptionHooks(QObject):
    """Installs `sys.excepthook` and `threading.excepthook` for the GUI."""

    raised = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_sys = sys.excepthook
        self._previous_thread = threading.excepthook
        self.dialog: ErrorDialog | None = None
        self.count = 0
        # A worker thread's emission reaches `_queue` in the UI thread (this
        # object lives there); `_queue` then always defers the dialog to the
        # event loop, so the code that failed is never re-entered.
        self.raised.connect(self._queue)

    def install(self) -> ExceptionHooks:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self._on_exception:
            sys.excepthook = self._previous_sys
        if threading.excepthook == self._on_thread_exception:
            threading.excepthook = self._previous_thread

    def _on_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        self.count += 1
        log.error("Galat tak tertangani", exc_info=(exc_type, exc, tb))
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        message, details = describe(exc)
        self.raised.emit(message, details)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self._on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _queue(self, message: str, details: str) -> None:
        QTimer.singleShot(0, lambda: self._show(message, details))

    def _show(self, message: str, details: str) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415 (see ErrorDialog)

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        self.dialog = ErrorDialog(parent, "Galat", message, details)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._forget)
        self.dialog.open()

    def _forget(self, _result: int) -> None:
        self.dialog = None
