"""The database would not open: say why, and offer the newest sound backup
from `cadangan/`, another backup, or another database — instead of ending."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from kinerja_desktop.ui.common.forms import child, load_form

from .restore_dialog import when_text

if TYPE_CHECKING:
    from kinerja_desktop.services.database_service import BackupSummary

FORM = "damaged_dialog"
REQUIRED = {
    "messageLabel": QLabel,
    "backupLabel": QLabel,
    "restoreButton": QPushButton,
    "chooseButton": QPushButton,
    "openButton": QPushButton,
    "closeButton": QPushButton,
}


class DamagedChoice(Enum):
    RESTORE_NEWEST = "terbaru"
    CHOOSE_BACKUP = "pilih"
    OPEN_OTHER = "buka"
    CLOSE = "tutup"


@dataclass(frozen=True)
class DamagedAnswer:
    choice: DamagedChoice


class DamagedDialog:
    """`ask()` returns what the user chose."""

    def __init__(
        self, parent: QWidget | None, db_path: Path, message: str, newest: BackupSummary | None
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        d.setObjectName("damagedDialog")
        child(d, QLabel, "messageLabel").setText(
            f"<b>Basis data {escape(str(db_path))} tidak dapat dibuka.</b><br><br>{escape(message)}"
        )
        backup_label = child(d, QLabel, "backupLabel")
        self.restore_button = child(d, QPushButton, "restoreButton")
        if newest is not None:
            counts = newest.counts
            backup_label.setText(
                f"Cadangan terbaru yang utuh: <b>{escape(newest.path.name)}</b><br>"
                f"perubahan terakhir {when_text(newest)} · {counts.get('sop', 0)} SOP · "
                f"{counts.get('staff', 0)} pegawai · {counts.get('unit', 0)} unit<br>"
                "Berkas yang rusak disimpan dahulu di folder <i>cadangan</i>."
            )
        else:
            backup_label.setText(
                f"Tidak ada cadangan yang utuh di {escape(str(db_path.parent / 'cadangan'))}. "
                "Pilih berkas cadangan Anda sendiri (mis. di flash drive), atau buka basis "
                "data lain."
            )
            self.restore_button.hide()
        self.answer = DamagedAnswer(DamagedChoice.CLOSE)
        for name, choice in (
            ("restoreButton", DamagedChoice.RESTORE_NEWEST),
            ("chooseButton", DamagedChoice.CHOOSE_BACKUP),
            ("openButton", DamagedChoice.OPEN_OTHER),
            ("closeButton", DamagedChoice.CLOSE),
        ):
            child(d, QPushButton, name).clicked.connect(lambda _c=False, ch=choice: self._done(ch))

    def _done(self, choice: DamagedChoice) -> None:
        self.answer = DamagedAnswer(choice)
        self.dialog.accept()

    def ask(self) -> DamagedChoice:
        self.dialog.exec()
        return self.answer.choice
