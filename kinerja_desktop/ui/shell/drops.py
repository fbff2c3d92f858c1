"""Files dropped on the main window go to the room that reads them.

A room registers `(can_handle(path) -> bool, handle(paths))`; a drop hands
each handler the dropped local files it accepts (SOP workbooks to the SOP
import now; data-kinerja forms to their import later). A drop nobody accepts
is refused while dragging, so the cursor says so before the user lets go.
A `catch_all` handler (the SOP import takes any workbook) is asked only after
every other, whatever the order the rooms registered in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

CanHandle = Callable[[Path], bool]
Handle = Callable[[list[Path]], None]


class DropRouter:
    """The registered handlers of one window, in registration order."""

    def __init__(self, window: QMainWindow) -> None:
        self._handlers: list[tuple[CanHandle, Handle]] = []
        self._catch_all = 0  # how many handlers at the end are catch-all
        window.setAcceptDrops(True)

    def register(self, can_handle: CanHandle, handle: Handle, *, catch_all: bool = False) -> None:
        if catch_all:
            self._handlers.append((can_handle, handle))
            self._catch_all += 1
        else:  # before the catch-all handlers
            self._handlers.insert(len(self._handlers) - self._catch_all, (can_handle, handle))

    def plan(self, paths: list[Path]) -> list[tuple[Handle, list[Path]]]:
        """Which handler gets which files: each file goes to the first that accepts it."""
        plan: dict[int, list[Path]] = {}
        for path in paths:
            for number, (can_handle, _handle) in enumerate(self._handlers):
                if can_handle(path):
                    plan.setdefault(number, []).append(path)
                    break
        return [(self._handlers[n][1], files) for n, files in sorted(plan.items())]

    @staticmethod
    def _paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if self.plan(self._paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        plan = self.plan(self._paths(event))
        if not plan:
            event.ignore()
            return
        event.acceptProposedAction()
        for handle, files in plan:
            handle(files)
