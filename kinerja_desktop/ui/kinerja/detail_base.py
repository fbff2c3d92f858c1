"""What the plan's detail forms share: a Designer form, Simpan / Batal, the
"unsaved" state, and the error line.

A form is "dirty" from the first edit after `begin_load()`/`end_load()` until
it is saved or reverted; the page asks before it throws edits away. Ctrl+S
saves and Esc reverts while the focus is inside the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common.forms import child, load_form


class DetailEditor(QWidget):
    """Base of the node and indicator editors."""

    save_requested = Signal()
    cancel_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, form_name: str, required: dict[str, type], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = load_form(form_name, required, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.header: QLabel = self.part(QLabel, "headerLabel")
        self.error_label: QLabel = self.part(QLabel, "errorLabel")
        self.save_button: QPushButton = self.part(QPushButton, "saveButton")
        self.cancel_button: QPushButton = self.part(QPushButton, "cancelButton")
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.setToolTip("Simpan (Ctrl+S)")
        self.cancel_button.setToolTip("Kembalikan seperti tersimpan (Esc)")
        for keys, signal in (
            (QKeySequence.StandardKey.Save, self.save_requested),
            (QKeySequence(Qt.Key.Key_Escape), self.cancel_requested),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(signal)
            self.addAction(action)
        self._dirty = False
        self._loading = False
        self.is_new = False

    def part(self, kind: type, name: str):
        return child(self.form, kind, name)

    # -- dirty state ---------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def begin_load(self) -> None:
        self._loading = True

    def end_load(self, is_new: bool) -> None:
        self._loading = False
        self.is_new = is_new
        self.set_error("")
        self._set_dirty(is_new)

    def mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def mark_clean(self) -> None:
        self._set_dirty(False)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty)
        if changed:
            self.dirty_changed.emit(dirty)

    def watch(self, *widgets: QWidget) -> None:
        """Any edit of these widgets makes the form dirty."""
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self.mark_dirty)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self.mark_dirty)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.mark_dirty)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self.mark_dirty)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(self.mark_dirty)

    def set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def focus_first(self) -> None:
        """Put the cursor in the first field (F2, Enter on the tree)."""
        self.part(QLineEdit, "kodeEdit").setFocus()
        self.part(QLineEdit, "kodeEdit").selectAll()
