"""Every question the editor asks the user, in one replaceable object.

The editor never opens a message box itself: it calls `EditorPrompts`, so tests
give it an object that answers without a window. Each method returns the user's
choice, or None when the user cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.sop import Lane, SopDocument
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.ui.common.errors import show_error

ExitChoice = tuple[tuple[ed.ExitKey, str | None], ...]


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` × `height`, or less on a small screen (1366 × 768 laptops)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 16), min(height, room.height() - 48)
    widget.resize(width, height)


def step_caption(doc: SopDocument, step_id: str, width: int = 48) -> str:
    """ "3. Memeriksa format …" for lists of steps."""
    n = doc.step_number(step_id)
    text = " ".join(doc.steps[n - 1].uraian.split()) or "(tanpa uraian)"
    return f"{n}. {text if len(text) <= width else text[: width - 1] + '…'}"


class RetargetDialog(QDialog):
    """Where each exit that would lead nowhere should lead instead."""

    def __init__(self, parent: QWidget, doc: SopDocument, broken: Sequence[ed.BrokenExit]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cabang keputusan perlu tujuan baru")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Perubahan ini membuat cabang keputusan berikut kehilangan tujuannya. "
            "Pilih ke langkah mana cabang itu menuju, atau batalkan.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self._combos: list[tuple[ed.ExitKey, QComboBox]] = []
        for b in broken:
            combo = QComboBox(self)
            for step in doc.steps:
                if step.id != b.step_id:
                    combo.addItem(step_caption(doc, step.id), step.id)
            if b.suggestion is not None:
                combo.setCurrentIndex(max(combo.findData(b.suggestion), 0))
            label = (
                f"Cabang “{b.label or '(tanpa label)'}” dari {step_caption(doc, b.step_id, 30)}:"
            )
            form.addRow(label, combo)
            self._combos.append((b.key, combo))
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Lanjutkan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExitChoice:
        return tuple((key, combo.currentData()) for key, combo in self._combos)


class EditorPrompts:
    """The questions, as dialogs on top of `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def retarget(self, doc: SopDocument, broken: Sequence[ed.BrokenExit]) -> ExitChoice | None:
        """New targets for exits an edit would break (`doc` = the document after it)."""
        dialog = RetargetDialog(self.parent, doc, broken)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def lane_removal(
        self, doc: SopDocument, lane: Lane, used: int
    ) -> tuple[str, str | None] | None:
        """("move", lane id) to hand the lane's steps to another lane, ("clear", None)
        to take the lane off its steps, None to keep the lane."""
        others = [ln for ln in doc.lanes if ln.id != lane.id]
        names = [f"Pindahkan langkahnya ke {ln.nama or '(tanpa nama)'}" for ln in others]
        clear = "Hapus pelaksana ini dari langkahnya (langkah tanpa pelaksana lain ditandai)"
        item, ok = QInputDialog.getItem(
            self.parent,
            "Hapus pelaksana",
            f"Pelaksana “{lane.nama}” masih dipakai {used} langkah. Apa yang dilakukan "
            "dengan langkah-langkah itu?",
            [*names, clear],
            0,
            False,
        )
        if not ok:
            return None
        if item == clear:
            return ("clear", None)
        return ("move", others[names.index(item)].id)

    def paste_lines(self, count: int) -> str | None:
        """Several lines without columns: "rows" (one new step each) or "cell"."""
        box = QMessageBox(QMessageBox.Icon.Question, "Tempel", "", parent=self.parent)
        box.setText(f"Teks yang ditempel terdiri atas {count} baris.")
        box.setInformativeText(
            f"Jadikan {count} langkah baru (satu baris satu langkah), atau tempel seluruhnya "
            "ke sel yang dipilih?"
        )
        rows = box.addButton(f"{count} &langkah baru", QMessageBox.ButtonRole.AcceptRole)
        cell = box.addButton("Ke &sel ini", QMessageBox.ButtonRole.ActionRole)
        box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "rows" if clicked is rows else "cell" if clicked is cell else None

    def unsaved_close(self, title: str) -> str | None:
        """Closing with unsaved changes: "save", "discard", or None (keep editing)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Perubahan belum disimpan", "", parent=self.parent
        )
        box.setText(f"Perubahan pada {title} belum disimpan.")
        box.setInformativeText("Simpan sebelum menutup editor?")
        save = box.addButton("&Simpan", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Buang perubahan", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else None

    def stale(self, message: str) -> bool:
        """The save was refused; True to save the writing as a separate copy."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "SOP telah berubah", message, parent=self.parent
        )
        copy = box.addButton("Simpan sebagai SOP &baru", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Tutup", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is copy

    def text(
        self, title: str, label: str, value: str = "", options: Sequence[str] = ()
    ) -> str | None:
        """One line of text, with suggestions to pick from when `options` are given."""
        if options:
            items = list(dict.fromkeys([value, *options] if value else options))
            text, ok = QInputDialog.getItem(self.parent, title, label, items, 0, True)
        else:
            text, ok = QInputDialog.getText(self.parent, title, label, text=value)
        return text.strip() if ok else None

    def error(self, exc: BaseException) -> None:
        """A refused or failed operation, as the app's one error dialog."""
        show_error(self.parent, exc)

    def info(self, title: str, text: str, details: Sequence[str] = ()) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        if details:
            box.setInformativeText("\n".join(details))
        box.exec()

    def confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok
