"""The live swimlane beside the steps grid: the document being edited, laid out as it prints.

The pages come from `LayoutService.swimlane` (the code the PDF uses: page
breaks, off-page connectors, signature reserve) and are drawn by the shared
`SwimlaneView`. Layout runs on the thread pool through `LiveRefresher`, so the
grid never waits for it: while one layout runs, further edits only replace the
document to lay out next. The paper shown (A4/F4, landscape or portrait) starts
as the office's and may be changed here; zoom with Ctrl+wheel, the buttons or
Ctrl++ / Ctrl+- / Ctrl+0 (fit the width).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.services.layout_service import LayoutService, SwimlanePreview
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.swimlane.view import SwimlaneView

from .live import LiveRefresher, LiveResult

PAPERS = (("F4", "F4"), ("A4", "A4"))


class SwimlanePane(QWidget):
    """Paper choice, zoom buttons, notices, and the view."""

    step_clicked = Signal(str)
    first_shown = Signal()  # the first pages are on screen

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("swimlanePane")
        self.layouts = LayoutService(session)
        self.profile = self.layouts.profile()
        self.view = SwimlaneView(self)
        self.view.setObjectName("swimlaneView")
        self.view.step_clicked.connect(self.step_clicked)
        self.paper = QComboBox(self)
        self.paper.setObjectName("swimlanePaper")
        for label, value in PAPERS:
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(self.paper.findData(str(self.profile.kertas)), 0))
        self.portrait = QCheckBox("Tegak", self)
        self.notice = QLabel(self)
        self.notice.setObjectName("swimlaneNotice")
        self.notice.setWordWrap(True)
        bar = self._toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        self._fitted = False
        self._doc: SopDocument | None = None
        self._options = (self.paper.currentData(), self.portrait.isChecked())
        self.refresher = LiveRefresher(self._lay_out, self)
        self.refresher.ready.connect(self._laid_out)
        self.paper.currentIndexChanged.connect(self._paper_changed)
        self.portrait.toggled.connect(self._paper_changed)

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel("<b>Swimlane</b> — kertas:", self))
        bar.addWidget(self.paper)
        bar.addWidget(self.portrait)
        bar.addStretch(1)
        for text, tip, slot in (
            ("−", "Perkecil (Ctrl+-)", self.zoom_out),
            ("+", "Perbesar (Ctrl++)", self.zoom_in),
            ("Selebar panel", "Sesuaikan dengan lebar panel (Ctrl+0)", self.fit_width),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        return bar

    # -- the view's interface, forwarded -------------------------------------------------
    def highlight_step(self, step_id: str | None) -> None:
        self.view.highlight_step(step_id)

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def fit_width(self) -> None:
        self.view.fit_width()

    # -- laying out ------------------------------------------------------------------------
    def request(self, doc: SopDocument) -> None:
        self._doc = doc
        self.refresher.request(doc)

    def _paper_changed(self, *_args) -> None:
        self._fitted = False
        self._options = (self.paper.currentData(), self.portrait.isChecked())
        self.refresher.refresh()  # the same document on other paper

    def _lay_out(self, doc: SopDocument) -> SwimlanePreview:
        kertas, tegak = self._options  # read on the worker thread: a tuple set by the UI thread
        return self.layouts.swimlane(doc, kertas=kertas, tegak=tegak, profile=self.profile)

    def _laid_out(self, result: LiveResult) -> None:
        if result.error is not None:
            self.notice.setText(
                "Swimlane belum dapat digambar untuk isi saat ini; lanjutkan mengetik, "
                "pratinjau menyusul."
            )
            return
        preview: SwimlanePreview = result.value
        first = not self.view.pages()
        self.view.set_pages(preview.pages)
        if not self._fitted:
            self.view.fit_width()
            self._fitted = True
        count = len(preview.pages)
        notes = "; ".join(preview.notices)
        self.notice.setText(f"{count} halaman flowchart" + (f". Catatan: {notes}" if notes else ""))
        self.view.viewport().repaint()
        if first:
            self.first_shown.emit()

    def idle(self) -> bool:
        return self.refresher.idle

    def shutdown(self) -> None:
        """Stop following the document (the window closes)."""
        self.refresher.shutdown()
