"""The SOP editor: where SOPs are written and corrected, in its own window.

`open_editor(parent, session, sop_id=..., document=...)` is the one entry point
(the catalogue's New, Duplicate, Edit and New revision call it). Several
editors may be open; asking for an SOP that already has one brings that window
forward. The editors are windows owned by `parent`'s window: when that window
is about to close, each editor with unsaved changes asks first, and one answer
of "Batal" keeps everything open.

Inside: `window.EditorWindow` (the window), `document.EditorDocument` (the
document and its undo stack; commands only call `core.sop.edits` ops),
`steps_model` / `steps_view` / `delegates` (the grid), `identity_page`,
`lanes_panel`, `checker_panel`, `swimlane_pane` (the live view), `revisions`
(history and compare) and `print_preview`.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_editing import SopEditingService

from .window import EditorWindow

__all__ = ["EditorWindow", "open_editor", "open_editors"]


def open_editors(parent: QWidget | None) -> list[EditorWindow]:
    """The editor windows owned by `parent`'s window."""
    if parent is None:
        return []
    owner = parent.window()
    return [w for w in owner.findChildren(EditorWindow) if not w.isHidden()]


def open_editor(
    parent: QWidget,
    session: Session,
    *,
    sop_id: int | None = None,
    document: SopDocument | None = None,
) -> QWidget:
    """An editor on the latest revision of `sop_id`, or on `document` as a new
    SOP (created on its first save). An SOP already open is brought forward."""
    if sop_id is not None:
        for window in open_editors(parent):
            if window.session is session and window.sop_id == sop_id and not window.read_only:
                _bring_forward(window)
                return window
    opened = SopEditingService(session).open(sop_id, document)
    owner = parent.window() if parent is not None else None
    window = EditorWindow(session, opened, owner)
    if owner is not None:
        _guard_close(owner)
    window.show()
    _bring_forward(window)
    window.swimlane.first_shown.connect(_settle_collector)
    return window


_collector_settled = False


def _settle_collector() -> None:
    """Once per process, after the first swimlane is drawn (fonts, measures and
    caches loaded): move every object alive into the collector's permanent
    generation (`gc.freeze`). A full cycle collection otherwise walks them all —
    ≈30 ms of CPU here, held under the GIL, so typing stalled while the layout
    worker collected; after it a full collection takes well under a millisecond.
    Objects are still freed as usual when nothing refers to them."""
    global _collector_settled  # noqa: PLW0603 (one switch for the process, not app state)
    if not _collector_settled:
        _collector_settled = True
        gc.collect()
        gc.freeze()


def _bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


class _CloseGuard(QObject):
    """Asks every editor with unsaved changes before their owner window closes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QWidget):
            for window in open_editors(watched):
                if not window.close():  # it asked, and the user kept it open
                    event.ignore()
                    return True
        return False


def _guard_close(owner: QWidget) -> None:
    if owner.findChild(_CloseGuard, "editorCloseGuard") is None:
        guard = _CloseGuard(owner)
        guard.setObjectName("editorCloseGuard")
        owner.installEventFilter(guard)
