"""Long work off the UI thread, with a progress dialog that appears only when needed.

`run_task` runs a function on QThreadPool and delivers its result (or its
exception) back on the UI thread. The progress dialog shows after a short delay
(~600 ms), so quick work never flashes a window; cancel asks the task to stop
at its next check. Every exception ends in one readable error dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kinerja_desktop.ui.common.errors import show_error

SHOW_AFTER_MS = 600


class TaskControl:
    """What a task sees: report progress, ask whether it was cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[TaskControl], Any], control: TaskControl, signals: _Signals
    ) -> None:
        super().__init__()
        self._fn, self._control, self._signals = fn, control, signals

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except BaseException as exc:  # handed to the UI thread, shown in a dialog
            self._deliver(self._signals.failed, exc)
        else:
            self._deliver(self._signals.finished, result)

    @staticmethod
    def _deliver(signal, value: Any) -> None:
        with suppress(RuntimeError):  # the widget that asked is gone: nobody waits for it
            signal.emit(value)


class Task(QObject):
    """One running task; keeps its signals and dialog alive until it ends."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget, label: str, cancellable: bool, quiet: bool = False) -> None:
        super().__init__(parent)
        self.signals = _Signals(self)
        self.control = TaskControl(self.signals)
        # Background work the user did not ask for (quiet) never shows a dialog.
        self.dialog = None if quiet else self._make_dialog(parent, label, cancellable)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.running = True

    def _make_dialog(self, parent: QWidget, label: str, cancellable: bool) -> QProgressDialog:
        from PySide6.QtCore import Qt  # noqa: PLC0415 (not at start-up: see errors.ErrorDialog)

        dialog = QProgressDialog(label, "Batal" if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle("Mohon tunggu")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.control.cancel)
        return dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _close(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
        QTimer.singleShot(0, self.deleteLater)

    def _on_finished(self, result: Any) -> None:
        self._close()
        self.done.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._close()
        self.error.emit(exc)


def run_task(
    parent: QWidget,
    label: str,
    fn: Callable[[TaskControl], Any],
    on_done: Callable[[Any], None],
    *,
    cancellable: bool = False,
    on_error: Callable[[BaseException], None] | None = None,
    quiet: bool = False,
) -> Task:
    """Run `fn(control)` in the thread pool; `on_done(result)` on the UI thread.

    Errors go to `on_error` when given, otherwise to the standard error dialog.
    A cancelled task's KinerjaError (e.g. "Pencetakan dibatalkan.") is shown
    like any other message. `quiet`: no progress dialog at all (background
    refreshes the user did not ask for).
    """
    task = Task(parent, label, cancellable, quiet)
    task.done.connect(on_done)
    task.error.connect(on_error or (lambda exc: show_error(parent, exc)))
    QThreadPool.globalInstance().start(_Runnable(fn, task.control, task.signals))
    return task
