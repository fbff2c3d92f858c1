"""Two revisions side by side: what changed in identity, lists, lanes and steps.

The changes come from `core.sop.diff.diff_documents` and are shown by
`ui.sop.diff_view.diff_html`, the same table the import preview shows: the
older revision on the left, the newer on the right.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.diff import diff_documents
from kinerja_desktop.ui.sop.diff_view import diff_html

from .prompts import fit_to_screen


class CompareDialog(QDialog):
    """`old` and `new` side by side."""

    def __init__(
        self,
        old: SopDocument,
        new: SopDocument,
        old_label: str,
        new_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Bandingkan {old_label} dan {new_label}")
        fit_to_screen(self, 980, 680)
        self.diff = diff_documents(old, new)
        heading = QLabel(
            f"<b>{escape(new.nomor or new.judul)}</b>: {escape(old_label)} ↔ {escape(new_label)}",
            self,
        )
        self.view = QTextBrowser(self)
        self.view.setObjectName("compareView")
        self.view.setHtml(diff_html(self.diff, old_label, new_label, title="Perubahan"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
