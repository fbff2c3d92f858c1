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
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, compute: Callable[[SopDocument], Any], doc: SopDocument, signals: _Signals):
        super().__init__()
        self._compute, self._doc, self._signals = compute, doc, signals

    def run(self) -> None:
        start = time.perf_counter()
        try:
            value, error = self._compute(self._doc), None
        except Exception as exc:  # shown as a notice in the view; the editor goes on
            log.exception("live refresh failed")
            value, error = None, exc
        result = LiveResult(self._doc, value, time.perf_counter() - start, error)
        try:
            self._signals.done.emit(result)
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
        self._pool = pool or QThreadPool.globalInstance()
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished)
        self._newest: SopDocument | None = None
        self._running: SopDocument | None = None
        self._last: SopDocument | None = None  # the document of the last result shown

    @property
    def idle(self) -> bool:
        """True when the newest document's result has been delivered."""
        return self._running is None and (self._newest is None or self._newest is self._last)

    def request(self, doc: SopDocument) -> None:
        self._newest = doc
        if self._running is None:
            QTimer.singleShot(0, self._start)  # edits of one action arrive together

    def refresh(self) -> None:
        """Compute the newest document again (what `compute` depends on changed)."""
        self._last = None
        if self._newest is not None:
            self.request(self._newest)

    def _start(self) -> None:
        doc = self._newest
        if self._running is not None or doc is None or doc is self._last:
            return
        self._running = doc
        self._pool.start(_Job(self._compute, doc, self._signals))

    def _finished(self, result: LiveResult) -> None:
        self._running = None
        self._last = result.document
        self.ready.emit(result)
        if self._newest is not None and self._newest is not self._last:
            self._start()
