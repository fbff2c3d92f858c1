"""The dialogs of the SOP life cycle: SOP baru, Nyatakan berlaku, Cabut, Sampah.

Each asks what its use case needs and returns it from `ask()` (None when
cancelled); tests answer `ask()` instead of a person. The Sampah dialog acts
itself: restore and empty (after a confirmation) through `SopService`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kinerja_desktop.core.office import Staff
from kinerja_desktop.core.sop import Pengesahan, SopDocument
from kinerja_desktop.core.sop.checker import Finding, errors_of
from kinerja_desktop.core.sop.template import signer_of
from kinerja_desktop.services.sop_service import SopService, SopSummary, describe
from kinerja_desktop.ui.common.forms import child, load_form

APPROVE_FORM = "approve_dialog"
APPROVE_REQUIRED = {
    "titleLabel": QLabel,
    "tanggalEdit": QDateEdit,
    "pegawaiCombo": QComboBox,
    "jabatanEdit": QLineEdit,
    "namaEdit": QLineEdit,
    "pangkatEdit": QLineEdit,
    "nipEdit": QLineEdit,
    "findingsLabel": QLabel,
    "buttonBox": QDialogButtonBox,
}
WITHDRAW_FORM = "withdraw_dialog"
WITHDRAW_REQUIRED = {
    "titleLabel": QLabel,
    "alasanEdit": QPlainTextEdit,
    "buttonBox": QDialogButtonBox,
}
NEW_FORM = "new_sop_dialog"
NEW_REQUIRED = {
    "templatRadio": QRadioButton,
    "kosongRadio": QRadioButton,
    "buttonBox": QDialogButtonBox,
}
TRASH_FORM = "trash_dialog"
TRASH_REQUIRED = {
    "countLabel": QLabel,
    "binTable": QTableWidget,
    "restoreButton": QPushButton,
    "emptyButton": QPushButton,
    "buttonBox": QDialogButtonBox,
}
OTHER_SIGNER = "(ketik sendiri di bawah)"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _ok_cancel(box: QDialogButtonBox, dialog: QDialog, ok_text: str) -> None:
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)


def errors_html(findings: Sequence[Finding], why: str) -> str:
    errors = errors_of(findings)
    items = "".join(
        f"<li>{escape((f'Langkah {f.step}: ' if f.step else '') + f.message)}</li>"
        for f in errors[:8]
    )
    more = f"<li>… dan {len(errors) - 8} lagi</li>" if len(errors) > 8 else ""
    head = "<b style='color:#b00020'>Pemeriksa SOP menemukan kesalahan</b>"
    return f"{head}; {why}<ul>{items}{more}</ul>"


@dataclass(frozen=True)
class Approval:
    tanggal_efektif: date
    signer: Pengesahan


class ApproveDialog:
    """Tanggal efektif and signer (from the staff list or typed); refused while
    the checker finds a kesalahan (OK stays disabled)."""

    def __init__(
        self,
        parent: QWidget | None,
        draft: SopDocument,
        findings: Sequence[Finding],
        staff: Sequence[Staff],
    ) -> None:
        self.dialog: QDialog = load_form(APPROVE_FORM, APPROVE_REQUIRED, parent)
        d = self.dialog
        child(d, QLabel, "titleLabel").setText(
            f"<b>{escape(describe(draft.nomor, draft.judul))}</b><br>Revisi ke-{draft.revisi_ke} "
            "dinyatakan berlaku; revisi yang berlaku sebelumnya menjadi <i>Digantikan</i>."
        )
        self.tanggal = child(d, QDateEdit, "tanggalEdit")
        self.tanggal.setDate(_qdate(draft.tanggal_efektif or date.today()))
        self.fields = {
            name: child(d, QLineEdit, f"{name}Edit")
            for name in ("jabatan", "nama", "pangkat", "nip")
        }
        self._staff = [m for m in staff if m.aktif]
        self.combo = child(d, QComboBox, "pegawaiCombo")
        self.combo.addItem(OTHER_SIGNER)
        for member in self._staff:
            self.combo.addItem(f"{member.nama} — {member.jabatan}")
        self._fill(draft.pengesahan)
        own = next((i for i, m in enumerate(self._staff) if m.nama == draft.pengesahan.nama), None)
        self.combo.setCurrentIndex(0 if own is None else own + 1)
        self.combo.currentIndexChanged.connect(self._pick)
        label = child(d, QLabel, "findingsLabel")
        box = child(d, QDialogButtonBox, "buttonBox")
        _ok_cancel(box, d, "&Nyatakan berlaku")
        if errors_of(findings):
            label.setText(errors_html(findings, "SOP ini belum dapat dinyatakan berlaku:"))
            box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        else:
            label.hide()

    def _fill(self, p: Pengesahan) -> None:
        for name, edit in self.fields.items():
            edit.setText(getattr(p, name))

    def _pick(self, index: int) -> None:
        if index > 0:
            self._fill(signer_of(self._staff[index - 1]))

    def choice(self) -> Approval:
        qd = self.tanggal.date()
        values = {name: edit.text().strip() for name, edit in self.fields.items()}
        return Approval(date(qd.year(), qd.month(), qd.day()), Pengesahan(**values))

    def ask(self) -> Approval | None:
        return self.choice() if self.dialog.exec() == QDialog.DialogCode.Accepted else None


class WithdrawDialog:
    """The reason for withdrawing an SOP (required: OK is disabled while empty)."""

    def __init__(self, parent: QWidget | None, summary: SopSummary) -> None:
        self.dialog: QDialog = load_form(WITHDRAW_FORM, WITHDRAW_REQUIRED, parent)
        d = self.dialog
        child(d, QLabel, "titleLabel").setText(
            f"<b>{escape(describe(summary.nomor, summary.judul))}</b><br>Sesudah dicabut tidak ada "
            "revisi SOP ini yang berlaku, dan SOP ini tidak masuk Buku SOP."
        )
        self.alasan = child(d, QPlainTextEdit, "alasanEdit")
        box = child(d, QDialogButtonBox, "buttonBox")
        _ok_cancel(box, d, "&Cabut SOP")
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.alasan.textChanged.connect(lambda: ok.setEnabled(bool(self.reason())))

    def reason(self) -> str:
        return " ".join(self.alasan.toPlainText().split())

    def ask(self) -> str | None:
        return self.reason() if self.dialog.exec() == QDialog.DialogCode.Accepted else None


class NewSopDialog:
    """Blank or the built-in template; `ask()` returns True for the template."""

    def __init__(self, parent: QWidget | None) -> None:
        self.dialog: QDialog = load_form(NEW_FORM, NEW_REQUIRED, parent)
        self.template = child(self.dialog, QRadioButton, "templatRadio")
        _ok_cancel(child(self.dialog, QDialogButtonBox, "buttonBox"), self.dialog, "&Buat")

    def ask(self) -> bool | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.template.isChecked()


class TrashDialog:
    """The bin: SOPs deleted, restore one, empty it (after confirming)."""

    HEADERS = ("Nomor SOP", "Judul", "Status", "Dihapus")

    def __init__(self, parent: QWidget | None, service: SopService) -> None:
        self.service = service
        self.restored: list[int] = []
        self.dialog: QDialog = load_form(TRASH_FORM, TRASH_REQUIRED, parent)
        d = self.dialog
        self.table = child(d, QTableWidget, "binTable")
        self.table.setColumnCount(len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(list(self.HEADERS))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count = child(d, QLabel, "countLabel")
        self.restore_button = child(d, QPushButton, "restoreButton")
        self.empty_button = child(d, QPushButton, "emptyButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        box = child(d, QDialogButtonBox, "buttonBox")
        box.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        box.rejected.connect(d.reject)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def refresh(self) -> None:
        self.items = self.service.bin()
        self.table.setRowCount(len(self.items))
        for row, s in enumerate(self.items):
            when = s.dihapus.strftime("%d-%m-%Y %H:%M") if s.dihapus else ""
            for col, text in enumerate((s.nomor or "—", s.judul, s.status_label, when)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        for col in (0, 2, 3):
            self.table.resizeColumnToContents(col)
        self.table.resizeRowsToContents()
        if self.items:
            self.table.selectRow(0)
            self.count.setText(
                f"{len(self.items)} SOP di Sampah. SOP di sini tidak tampil di katalog dan tidak "
                "masuk Buku SOP; kembalikan bila masih diperlukan."
            )
        else:
            self.count.setText("Sampah kosong.")
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        self.empty_button.setEnabled(bool(self.items))

    def selected(self) -> SopSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and self.items else None

    def restore_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.service.restore(item.id)
            self.restored.append(item.id)
            self.refresh()

    def confirm_empty(self, count: int) -> bool:
        answer = QMessageBox.question(
            self.dialog,
            "Kosongkan Sampah",
            f"Hapus permanen {count} SOP beserta semua revisinya? Tindakan ini tidak dapat "
            "dibatalkan (cadangkan basis data dahulu bila ragu).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def empty(self) -> None:
        if self.items and self.confirm_empty(len(self.items)):
            self.service.empty_bin()
            self.refresh()

    def exec(self) -> list[int]:
        """Show it; the ids restored meanwhile."""
        self.dialog.exec()
        return self.restored
