"""Python's cyclic garbage collector held off while a large report is built or drawn.

A large office's report makes some 10^5 small objects, none in a cycle, that live
until the report is done; each full collection meanwhile walks them all again
(measured: a fifth of a recap's build, ~40 % of a 345-page PDF). Pauses nest and
may overlap across threads: the collector is turned back on (if it was on) when
the last one ends. Standard library only: the services and the exchange use it.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0
_was_enabled = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _was_enabled  # noqa: PLW0603 - one process-wide collector
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
