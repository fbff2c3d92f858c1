"""One readable error dialog, in Indonesian, with details for support."""

from __future__ import annotations

import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop.core.errors import KinerjaError


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Galat") -> None:
    """Show `exc` to the user: the Indonesian message, technical detail folded away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    if isinstance(exc, KinerjaError):
        box.setText(exc.message)
        if exc.detail:
            box.setDetailedText(exc.detail)
    else:
        box.setText(f"Terjadi galat tak terduga: {exc}")
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()
