"""Work that follows the typing without making it wait: checker findings and swimlane pages.

`LiveRefresher.request(doc)` asks for `compute(doc)` on the thread pool. The
document snapshots are immutable, so a worker may read one while the user goes
on typing. Requests coalesce: while one computation runs, later requests only
remember the newest document, which is computed next; results of a document
that is no longer the newest are still shown (they are at most one edit old)
and are followed at once by the newest. `ready(result)` arrives on the UI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from kinerja_desktop.core.sop import SopDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LiveResult:
    """What `compute` returned for `document`, and how long it took."""

    document: SopDocument
    value: Any
    seconds: float
    error: BaseException | None = None


class _Signals(QObject):
    done = Signal(int, object)  # generation, LiveResult


class _Job(QRunnable):
    def __init__(
        self,
        compute: Callable[[SopDocument], Any],
        doc: SopDocument,
        generation: int,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self._compute, self._doc, self._signals = compute, doc, signals
        self._generation = generation

    def run(self) -> None:
        start = time.perf_counter()
        try:
            value, error = self._compute(self._doc), None
        except Exception as exc:  # shown as a notice in the view; the editor goes on
            log.exception("live refresh failed")
            value, error = None, exc
        result = LiveResult(self._doc, value, time.perf_counter() - start, error)
        try:
            self._signals.done.emit(self._generation, result)
        except RuntimeError:  # the window closed meanwhile: nobody waits for it
            log.debug("live result dropped: its window is gone")


class LiveRefresher(QObject):
    """Runs `compute` on the newest document, one at a time, off the UI thread."""

    ready = Signal(object)  # LiveResult

    def __init__(
        self,
        compute: Callable[[SopDocument], Any],
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._compute = compute
        if pool is None:  # its own thread, so that closing waits for its work only
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished)
        self._newest: SopDocument | None = None
        self._wanted = 0  # generation of the newest request
        self._running = 0  # generation being computed (0: none)
        self._shown = 0  # generation of the last result delivered

    @property
    def idle(self) -> bool:
        """True when the newest request's result has been delivered."""
        return self._running == 0 and self._shown == self._wanted

    @property
    def latest(self) -> bool:
        """While handling `ready`: True when that result answers the newest request."""
        return self._shown == self._wanted

    def request(self, doc: SopDocument) -> None:
        """Compute `doc` (replacing any request not started yet)."""
        self._newest = doc
        self._wanted += 1
        if self._running == 0:
            QTimer.singleShot(0, self._start)  # edits of one action arrive together

    def refresh(self) -> None:
        """Compute the newest document again (what `compute` depends on changed)."""
        if self._newest is not None:
            self.request(self._newest)

    def shutdown(self, wait_ms: int = 5000) -> None:
        """No more results: the running computation (if any) is waited for, and dropped."""
        self._newest = None
        with suppress(RuntimeError, TypeError):
            self._signals.done.disconnect(self._finished)
        self._pool.waitForDone(wait_ms)

    def _start(self) -> None:
        if self._running or self._newest is None or self._shown == self._wanted:
            return
        self._running = self._wanted
        self._pool.start(_Job(self._compute, self._newest, self._running, self._signals))

    def _finished(self, generation: int, result: LiveResult) -> None:
        self._running = 0
        self._shown = generation
        self.ready.emit(result)
        if self._shown != self._wanted:
            self._start()
