"""Before a restore replaces anything: what the backup holds, beside what the
open database holds now (rows per table, office, last change, schema)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.ui.common.forms import child, load_form

if TYPE_CHECKING:
    from kinerja_desktop.services.database_service import BackupSummary

FORM = "restore_dialog"
ROW_LABELS = {
    "sop": "SOP",
    "sampah": "SOP di Sampah",
    "sop_revision": "Revisi SOP",
    "staff": "Pegawai",
    "unit": "Unit",
}
REQUIRED = {
    "fileLabel": QLabel,
    "summaryTable": QTableWidget,
    "warningLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}


def when_text(summary: BackupSummary) -> str:
    """'16 Februari 2026 pukul 09.30', or a dash when nothing was ever recorded."""
    moment = summary.last_change
    if moment is None:
        return "—"
    return f"{format_tanggal(moment.date())} pukul {moment:%H.%M}"


def summary_rows(summary: BackupSummary) -> list[tuple[str, str]]:
    """(label, value) lines of one summary, in the dialog's order."""
    rows = [("Kantor", summary.nama_kantor or "(profil belum diisi)")]
    rows += [(label, str(summary.counts.get(key, 0))) for key, label in ROW_LABELS.items()]
    rows += [
        ("Perubahan terakhir", when_text(summary)),
        ("Catatan terakhir", summary.last_change_text or "—"),
        ("Versi skema", str(summary.schema_version)),
    ]
    return rows


class RestoreDialog:
    """Asks to restore `backup` over the open database; `ask()` is True on Pulihkan."""

    def __init__(
        self, parent: QWidget | None, backup: BackupSummary, current: BackupSummary | None
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        child(d, QLabel, "fileLabel").setText(
            f"Cadangan: <b>{escape(backup.path.name)}</b><br>"
            f"<span style='color:#555'>{escape(str(backup.path.parent))}</span>"
        )
        self.table: QTableWidget = child(d, QTableWidget, "summaryTable")
        self._fill(backup, current)
        target = escape(str(current.path)) if current else "basis data yang terbuka"
        child(d, QLabel, "warningLabel").setText(
            f"Isi <b>{target}</b> akan diganti dengan isi cadangan ini. Isi sekarang disimpan "
            "dahulu di folder <i>cadangan</i> di samping basis data, sehingga dapat dipulihkan "
            "kembali."
        )
        buttons = child(d, QDialogButtonBox, "buttonBox")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Pulihkan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)

    def _fill(self, backup: BackupSummary, current: BackupSummary | None) -> None:
        ours = summary_rows(backup)
        now = summary_rows(current) if current is not None else [("", "")] * len(ours)
        table = self.table
        table.setColumnCount(2)
        table.setRowCount(len(ours))
        table.setHorizontalHeaderLabels(["Isi cadangan", "Isi sekarang"])
        table.setVerticalHeaderLabels([label for label, _v in ours])
        for row, ((_l, value), (_n, present)) in enumerate(zip(ours, now, strict=True)):
            table.setItem(row, 0, QTableWidgetItem(value))
            table.setItem(row, 1, QTableWidgetItem(present))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def ask(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted
