"""F1: a short help page in Indonesian, shipped in `resources/help/bantuan.html`."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kinerja_desktop.paths import resource

HELP_FILE = ("help", "bantuan.html")


class HelpDialog(QDialog):
    """The help page in a browser pane with one Tutup button."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("Bantuan Kinerja Desktop")
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        path = resource(*HELP_FILE)
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(f"Halaman bantuan tidak ditemukan ({path}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def show_help(parent: QWidget | None) -> HelpDialog:
    dialog = HelpDialog(parent)
    dialog.open()
    return dialog
