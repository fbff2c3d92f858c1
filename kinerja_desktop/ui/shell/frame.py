"""Parts of the window's frame that need no database: the waiting page shown
while the database opens, and the demo banner.

Qt only (no service, no room): the frame paints before anything of the
database stack is imported (see `main_window`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.ui.common.icons import app_icon

if TYPE_CHECKING:
    from .main_window import MainWindow

OPENING = "Membuka basis data …"
WAIT_HINT = "Tunggu sebentar: data, menu, dan tombolnya dapat dipakai setelah basis data terbuka."
# Qt.AlignmentFlag.AlignCenter as a plain number, set as a property: the frame
# never touches Qt's namespace (building its enums costs ~20 ms before the paint).
ALIGN_CENTER = 0x0084


class WaitingPage(QWidget):
    """The page area while the database opens: what is opened, and that it is."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingPage")
        picture = QLabel(self)
        picture.setPixmap(app_icon().pixmap(64, 64))
        picture.setProperty("alignment", ALIGN_CENTER)
        self.title = QLabel(f"<h2>{OPENING}</h2>", self)
        self.title.setObjectName("waitingTitle")
        self.title.setProperty("alignment", ALIGN_CENTER)
        self.detail = QLabel(str(path), self)
        self.detail.setObjectName("waitingDetail")
        self.detail.setProperty("alignment", ALIGN_CENTER)
        self.detail.setWordWrap(True)
        self.detail.setEnabled(False)  # the muted colour of the style
        self.hint = QLabel(WAIT_HINT, self)
        self.hint.setObjectName("waitingHint")
        self.hint.setProperty("alignment", ALIGN_CENTER)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (picture, self.title, self.detail, self.hint):
            layout.addWidget(widget)
        layout.addStretch(3)

    def set_path(self, path: Path) -> None:
        self.detail.setText(str(path))

    def failed(self, text: str) -> None:
        """The database did not open (the dialog that says why is on its way)."""
        self.title.setText(f"<h2>{text}</h2>")
        self.hint.setText("Lihat pesan yang menjelaskan sebabnya.")


class DemoBanner(QFrame):
    """A yellow strip: this is the demo, and the way back."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            "#demoBanner { background: #fff4c2; border-bottom: 1px solid #d9b400; }"
            "#demoBanner QLabel { color: #4d3d00; }"
        )
        self.label = QLabel(
            "<b>Data contoh</b> (Kecamatan Masama) — bukan data kantor Anda. Perubahan di sini "
            "tidak masuk ke basis data kantor.",
            self,
        )
        self.label.setWordWrap(True)
        self.office_button = QPushButton("Buka basis data &kantor", self)
        self.office_button.clicked.connect(window.office_requested.emit)
        self.reset_button = QPushButton("&Kembalikan data contoh ke awal", self)
        self.reset_button.clicked.connect(lambda: window.demo_requested.emit(True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.office_button)
