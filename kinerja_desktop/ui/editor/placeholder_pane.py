"""Temporary stand-in for the swimlane pane until ui.swimlane lands on main."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class SwimlanePane(QWidget):
    step_clicked = Signal(str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel("Swimlane menyusul", self))

    def request(self, doc) -> None: ...
    def highlight_step(self, step_id) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...
    def fit_width(self) -> None: ...
    def idle(self) -> bool:
        return True

    def shutdown(self) -> None: ...
