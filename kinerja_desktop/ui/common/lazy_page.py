"""A navigation page whose content is built the first time it is needed (shown, or
asked for): start-up builds only the page it shows. Every room's pages use it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory(self)
            self._layout.addWidget(self._content)
            self._content.show()  # the layout would only show it on the next event loop pass
            self._layout.activate()
        return self._content

    def showEvent(self, event) -> None:
        self.content()
        super().showEvent(event)
