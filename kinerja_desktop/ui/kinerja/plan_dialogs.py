"""The plan page's dialogs: a new Renstra period, and the preview of a plan
workbook before it is applied (counts and every problem with its cell)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.plan import Renstra, check_renstra
from kinerja_desktop.services.kinerja_plan_book import PlanImport
from kinerja_desktop.ui.common.forms import child, load_form

RENSTRA_FORM = "kinerja_renstra_dialog"
RENSTRA_REQUIRED = {
    "namaEdit": QLineEdit,
    "awalSpin": QSpinBox,
    "akhirSpin": QSpinBox,
    "errorLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}
IMPORT_FORM = "kinerja_plan_import"
IMPORT_REQUIRED = {
    "summaryLabel": QLabel,
    "problemCaption": QLabel,
    "problemTable": QTableWidget,
    "buttonBox": QDialogButtonBox,
}


class RenstraDialog:
    """Asks for a new Renstra period; `ask()` is the Renstra or None."""

    def __init__(self, parent: QWidget | None, start_year: int, nama: str = "") -> None:
        self.dialog: QDialog = load_form(RENSTRA_FORM, RENSTRA_REQUIRED, parent)
        d = self.dialog
        self.nama = child(d, QLineEdit, "namaEdit")
        self.awal = child(d, QSpinBox, "awalSpin")
        self.akhir = child(d, QSpinBox, "akhirSpin")
        self.error = child(d, QLabel, "errorLabel")
        buttons = child(d, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(d.reject)
        self.nama.setText(nama)
        self.awal.setValue(start_year)
        self.akhir.setValue(start_year + 4)
        self.awal.valueChanged.connect(lambda v: self.akhir.setValue(max(self.akhir.value(), v)))
        self.error.hide()

    def renstra(self) -> Renstra:
        return Renstra(self.nama.text().strip(), self.awal.value(), self.akhir.value())

    def _accept(self) -> None:
        try:
            check_renstra(self.renstra())
        except KinerjaError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.dialog.accept()

    def ask(self) -> Renstra | None:
        return self.renstra() if self.dialog.exec() == QDialog.DialogCode.Accepted else None


def plan_import_summary(p: PlanImport) -> str:
    """What the workbook would do, as the dialog says it (rich text)."""
    r = p.book.renstra
    target = (
        "sebuah <b>Renstra baru</b>"
        if p.renstra_id is None
        else "<b>memperbarui</b> Renstra yang sudah ada dengan periode yang sama"
    )
    lines = [
        f"<b>{escape(p.path.name)}</b>: {escape(r.nama)} {r.tahun_awal}–{r.tahun_akhir} — "
        f"{target}.",
        f"Simpul (Tujuan … Sub Kegiatan): {p.nodes_new} baru, {p.nodes_updated} diperbarui.",
        f"Indikator: {p.indicators_new} baru, {p.indicators_updated} diperbarui.",
        f"Perjanjian Kinerja: {p.pk_new} baru, {p.pk_unchanged} sama seperti tersimpan.",
    ]
    if p.ok:
        lines.append(
            "Tidak ada masalah. Tekan <b>Terapkan</b> untuk menyimpan; tidak ada yang dihapus."
        )
    else:
        lines.append(
            f"<span style='color:#b00020'><b>{len(p.problems)} masalah</b>: perbaiki di buku "
            "kerja lalu impor lagi. Tidak ada yang disimpan.</span>"
        )
    return "<br>".join(lines)


class PlanImportDialog:
    """The preview of a plan workbook; `ask()` is True when the user applies it."""

    def __init__(self, parent: QWidget | None, preview: PlanImport) -> None:
        self.dialog: QDialog = load_form(IMPORT_FORM, IMPORT_REQUIRED, parent)
        d = self.dialog
        self.preview = preview
        self.summary = child(d, QLabel, "summaryLabel")
        self.summary.setText(plan_import_summary(preview))
        self.table = child(d, QTableWidget, "problemTable")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(["Letak", "Masalah"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setRowCount(len(preview.problems))
        for row, problem in enumerate(preview.problems):
            self.table.setItem(row, 0, QTableWidgetItem(problem.where or "—"))
            self.table.setItem(row, 1, QTableWidgetItem(problem.message))
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(preview.problems))
        child(d, QLabel, "problemCaption").setVisible(bool(preview.problems))
        buttons = child(d, QDialogButtonBox, "buttonBox")
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText("&Terapkan")
        self.apply_button.setEnabled(preview.ok)
        self.apply_button.clicked.connect(d.accept)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.rejected.connect(d.reject)
        if not preview.problems:
            d.resize(d.width(), 200)

    def ask(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted and self.preview.ok
