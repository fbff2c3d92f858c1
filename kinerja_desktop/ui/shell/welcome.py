"""The welcome screen of a new, empty database.

It offers the first-run wizard, the demo ("Coba dengan data contoh", its own
database), a restore from a backup or another database. (The demo banner is
part of the window's frame: `frame.DemoBanner`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.icons import icon

if TYPE_CHECKING:
    from .main_window import MainWindow

FORM = "welcome"
REQUIRED = {
    "titleLabel": QLabel,
    "introLabel": QLabel,
    "setupButton": QPushButton,
    "demoButton": QPushButton,
    "restoreButton": QPushButton,
    "openButton": QPushButton,
    "skipButton": QPushButton,
}


class WelcomePage(QWidget):
    """What a new user sees first."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcomePage")
        form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.setup_button: QPushButton = child(form, QPushButton, "setupButton")
        self.demo_button: QPushButton = child(form, QPushButton, "demoButton")
        self.restore_button: QPushButton = child(form, QPushButton, "restoreButton")
        self.open_button: QPushButton = child(form, QPushButton, "openButton")
        self.skip_button: QPushButton = child(form, QPushButton, "skipButton")
        intro: QLabel = child(form, QLabel, "introLabel")
        intro.setMinimumHeight(intro.heightForWidth(560))  # wrapped text never clipped
        for button, name in (
            (self.setup_button, "profil"),
            (self.demo_button, "demo"),
            (self.restore_button, "pulihkan"),
            (self.open_button, "buka"),
        ):
            button.setIcon(icon(name))
        self.setup_button.clicked.connect(window.run_wizard)
        self.demo_button.clicked.connect(lambda: window.demo_requested.emit(False))
        # database_actions is made after this page: looked up when clicked.
        self.restore_button.clicked.connect(lambda: window.database_actions.restore())  # noqa: PLW0108
        self.open_button.clicked.connect(lambda: window.database_actions.open_other())  # noqa: PLW0108
        self.skip_button.clicked.connect(window.show_beranda)
