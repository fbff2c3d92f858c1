"""Qt Designer forms (`forms/*.ui`), loaded at run time.

Loading at run time (QUiLoader) instead of generating Python code means the
`.ui` file is the only copy of a form, so the two can never drift. Code that
uses a form names the children it needs; `load_form` refuses a form that lacks
one, and tests/test_ui_forms.py loads every form with its required names.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from kinerja_desktop.paths import forms_dir


class FormError(RuntimeError):
    """A form file is missing or lacks a widget the code relies on."""


def load_form(
    name: str, required: dict[str, type[QWidget]], parent: QWidget | None = None
) -> QWidget:
    """Load `forms/<name>.ui`; check that every required child exists with its type."""
    path = forms_dir() / f"{name}.ui"
    qfile = QFile(str(path))
    if not qfile.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"Berkas tampilan {path} tidak dapat dibuka.")
    try:
        widget = QUiLoader().load(qfile, parent)
    finally:
        qfile.close()
    if widget is None:
        raise FormError(f"Berkas tampilan {path} rusak.")
    for child_name, child_type in required.items():
        if widget.findChild(child_type, child_name) is None:
            raise FormError(
                f"Berkas tampilan {path} tidak memiliki {child_type.__name__} '{child_name}'."
            )
    return widget


def child(form: QWidget, child_type: type, name: str):
    """The named child of a loaded form (its presence was checked by load_form)."""
    return form.findChild(child_type, name)
