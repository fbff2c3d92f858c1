"""Under the grid, the exits of the decision in the current row, always in view.

The grid has Cabang/Tujuan columns at its right end; this strip shows the same
two exits of the current step when it is a decision — "Ya → langkah berikutnya
(4)", "Tidak → 2. Menyusun konsep" — so that a rework loop is made without
scrolling. Changes are the same undoable `SetExit` ops as in the grid.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop import edits as ed

from .document import EditorDocument
from .prompts import step_caption


class ExitsBar(QWidget):
    """Label and target of both exits of the current decision."""

    def __init__(self, editor: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exitsBar")
        self.editor = editor
        self.step_id: str | None = None
        self.caption = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.caption)
        self.labels: list[QLineEdit] = []
        self.targets: list[QComboBox] = []
        for k in range(2):
            label = QLineEdit(self)
            label.setObjectName(f"exitLabel{k + 1}")
            label.setMinimumWidth(72)
            label.setMaximumWidth(160)
            label.setAccessibleName(f"Label cabang {k + 1}")
            label.editingFinished.connect(lambda k=k: self._label_done(k))
            target = QComboBox(self)
            target.setObjectName(f"exitTarget{k + 1}")
            target.setAccessibleName(f"Tujuan cabang {k + 1}")
            target.setMinimumContentsLength(14)
            target.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            target.activated.connect(lambda _i, k=k: self._target_chosen(k))
            layout.addWidget(label)
            layout.addWidget(QLabel("→", self))
            layout.addWidget(target, 1)
            self.labels.append(label)
            self.targets.append(target)
        editor.changed.connect(lambda _o, new, _h: self.sync(new))
        self.hide()

    def show_step(self, step_id: str | None) -> None:
        self.step_id = step_id
        self.sync(self.editor.document)

    def sync(self, doc: SopDocument) -> None:
        index = next((i for i, s in enumerate(doc.steps) if s.id == self.step_id), None)
        step = doc.steps[index] if index is not None else None
        if step is None or not step.is_decision or len(step.exits) != 2:
            self.hide()
            return
        self.caption.setText(f"<b>Cabang langkah {index + 1}:</b>")
        for k, ex in enumerate(step.exits):
            if not self.labels[k].hasFocus() and self.labels[k].text() != ex.label:
                self.labels[k].setText(ex.label)
            combo = self.targets[k]
            combo.blockSignals(True)
            combo.clear()
            if index + 1 < len(doc.steps):
                combo.addItem(f"langkah berikutnya ({index + 2})", "")
            for other in doc.steps:
                if other.id != step.id:
                    combo.addItem(step_caption(doc, other.id, 44), other.id)
            combo.setCurrentIndex(max(combo.findData(ex.target or ""), 0))
            combo.blockSignals(False)
        self.labels[0].setEnabled(not self.editor.read_only)
        self.labels[1].setEnabled(not self.editor.read_only)
        for combo in self.targets:
            combo.setEnabled(not self.editor.read_only)
        self.show()

    def _edit(self, op: ed.Op, text: str) -> None:
        try:
            self.editor.edit(op, text)
        except ed.EditError:
            self.sync(self.editor.document)

    def _label_done(self, k: int) -> None:
        if self.step_id is not None:
            self._edit(
                ed.SetExit(self.step_id, k, label=self.labels[k].text().strip()), "Ubah cabang"
            )

    def _target_chosen(self, k: int) -> None:
        if self.step_id is not None:
            target = self.targets[k].currentData() or None
            self._edit(ed.SetExit(self.step_id, k, target=target), "Ubah tujuan cabang")
