"""Undo and redo of the Rencana screen's saved changes.

Every save, addition and deletion of a node or an indicator on the Rencana
page becomes one `PlanStep`: the record as it was before (None when it was
added) and as it is after (None when it was deleted). Undo writes the
"before" back through the plan service (`restore_node` / `restore_indicator`
put a record back under its own id, so the steps above it still name the
right rows; an added record is deleted again); redo writes the "after".
Each is one service call, one transaction, one audit row. A refusal (a node
that has gained children, an indicator that has values by now) is shown in
the service's own words and the history stays where it was.

Changes made elsewhere (a plan import, another page) clear the history: the
steps would no longer describe the rows as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from kinerja_desktop.core.kinerja.plan import Indicator, PlanNode
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService

from .plan_model import INDICATOR, NODE

Record = PlanNode | Indicator


@dataclass(frozen=True)
class PlanStep:
    renstra_id: int
    before: Record | None  # None: the step added the record
    after: Record | None  # None: the step deleted it

    @property
    def record(self) -> Record:
        found = self.after or self.before
        assert found is not None
        return found

    @property
    def label(self) -> str:
        r = self.record
        what = "indikator" if isinstance(r, Indicator) else r.level.label
        verb = "tambah" if self.before is None else "hapus" if self.after is None else "ubah"
        return f"{verb} {what} {r.kode}".strip()


class PlanHistory(QObject):
    """The page's done and undone steps; `changed` after every move."""

    changed = Signal()

    def __init__(self, plans: KinerjaPlanService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans = plans
        self._done: list[PlanStep] = []
        self._undone: list[PlanStep] = []

    def attach(
        self,
        undo_button: QPushButton,
        redo_button: QPushButton,
        view: QWidget,
        undo: Callable[[], None],
        redo: Callable[[], None],
    ) -> None:
        """Buttons that follow the history (enabled, the step in the tooltip) and
        Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) on `view`; the forms beside it keep their own."""
        undo_button.clicked.connect(lambda _c=False: undo())
        redo_button.clicked.connect(lambda _c=False: redo())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("Ctrl+Z", undo), ("Ctrl+Shift+Z", redo), ("Ctrl+Y", redo)):
            QShortcut(QKeySequence(keys), view, slot, context=context)

        def update() -> None:
            for button, label, keys in (
                (undo_button, self.undo_label(), "Ctrl+Z"),
                (redo_button, self.redo_label(), "Ctrl+Y"),
            ):
                button.setEnabled(bool(label))
                button.setToolTip(f"{button.text()}: {label} ({keys})" if label else keys)

        self.changed.connect(update)
        update()

    def push(self, step: PlanStep) -> None:
        self._done.append(step)
        self._undone.clear()
        self.changed.emit()

    def clear(self) -> None:
        if self._done or self._undone:
            self._done.clear()
            self._undone.clear()
            self.changed.emit()

    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def undo(self) -> tuple[str, int | None] | None:
        """Undo the last step; the row to select afterwards. KinerjaError when refused
        (nothing moves then)."""
        if not self._done:
            return None
        step = self._done[-1]
        selected = self._write(step.renstra_id, step.after, step.before)
        self._undone.append(self._done.pop())
        self.changed.emit()
        return selected

    def redo(self) -> tuple[str, int | None] | None:
        if not self._undone:
            return None
        step = self._undone[-1]
        selected = self._write(step.renstra_id, step.before, step.after)
        self._done.append(self._undone.pop())
        self.changed.emit()
        return selected

    def _write(
        self, renstra_id: int, now: Record | None, wanted: Record | None
    ) -> tuple[str, int | None] | None:
        """Make the record `wanted` (None: gone) where it is `now`."""
        if wanted is None:
            assert now is not None and now.id is not None
            if isinstance(now, Indicator):
                self._plans.delete_indicator(now.id)
                return (NODE, now.node_id)
            self._plans.delete_node(now.id)
            return (NODE, now.parent_id) if now.parent_id is not None else None
        if isinstance(wanted, Indicator):
            return (INDICATOR, self._plans.restore_indicator(wanted))
        return (NODE, self._plans.restore_node(renstra_id, wanted))
