"""Start-up time: seconds since the operating system started this process, the
moment the main window's frame first painted and the moment its first screen
showed the database's content; and the collector settled once the window is ready.

The start is the one the OS recorded, not the first line of `main.py`: the
interpreter's own start-up and the imports count too. Linux: field 22 of
`/proc/self/stat` (start time in clock ticks since boot) against the boot-time
clock (`/proc/uptime`'s clock, read with nanosecond resolution); Windows:
`GetProcessTimes` against the system time. Elsewhere the time since this
module was imported, marked as such.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_IMPORTED = time.perf_counter()


def _linux_elapsed() -> float:
    with open("/proc/self/stat", encoding="ascii") as f:
        stat = f.read()
    # The command name (field 2) may hold spaces and parentheses: split after its ")".
    fields = stat[stat.rindex(")") + 2 :].split()
    start_ticks = int(fields[19])  # field 22 counted from 1, the 20th after the name
    started = start_ticks / os.sysconf("SC_CLK_TCK")
    try:
        now = time.clock_gettime(time.CLOCK_BOOTTIME)
    except (AttributeError, OSError):
        with open("/proc/uptime", encoding="ascii") as f:
            now = float(f.read().split()[0])
    return now - started


def _windows_elapsed() -> float:
    import ctypes  # noqa: PLC0415 (Windows only)
    from ctypes import wintypes  # noqa: PLC0415

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    handle = kernel32.GetCurrentProcess()
    kernel32.GetProcessTimes(
        handle,
        ctypes.byref(creation),
        ctypes.byref(exit_),
        ctypes.byref(kernel),
        ctypes.byref(user),
    )
    now = wintypes.FILETIME()
    kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def ticks(ft: wintypes.FILETIME) -> int:  # 100-ns units
        return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

    return (ticks(now) - ticks(creation)) / 1e7


def seconds_since_process_start() -> tuple[float, str]:
    """(seconds, how it was measured): "os" when the OS's own start time was read."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_elapsed(), "os"
        if sys.platform == "win32":
            return _windows_elapsed(), "os"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.perf_counter() - _IMPORTED, "import"


class FirstPaint(QObject):
    """Calls `on_painted(seconds)` once, right after `widget` first painted."""

    def __init__(self, widget: QWidget, on_painted: Callable[[float], None]) -> None:
        super().__init__(widget)
        self._on_painted = on_painted
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            watched.removeEventFilter(self)
            # After this paint event is done (and the frame is flushed).
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        seconds, _how = seconds_since_process_start()
        self._on_painted(seconds)


def smoke_line(first_paint: float, ready: float, **extra: object) -> str:
    """The one JSON line `main.py --smoke` prints."""
    _s, how = seconds_since_process_start()
    return json.dumps(
        {"first_paint_s": round(first_paint, 4), "ready_s": round(ready, 4), "clock": how, **extra}
    )


_collector_settled = False


def settle_collector() -> None:
    """Once per process, when the main window is ready (every module of the
    start loaded, the first screen built): move every object alive into the
    collector's permanent generation (`gc.freeze`). A full cycle collection
    otherwise walks them all — tens of milliseconds held under the GIL, felt
    as a stall while typing in the editor; after it a full collection walks
    only what was made since. Objects are still freed as usual when nothing
    refers to them. The collector, held off by main.py during the start, runs
    again from here on."""
    global _collector_settled  # noqa: PLW0603 (one switch for the process, not app state)
    if not _collector_settled:
        _collector_settled = True
        gc.collect()
        gc.freeze()
    gc.enable()  # main.py holds it off while the window starts
