"""The dialogs of a Perbaikan: propose a new value (reason and evidence
required), take the next step of the SOP (the official, a note), reject.

Each dialog calls its service once on OK; an Indonesian refusal (a value
that is not a number, a missing reason) is shown in the dialog, which stays
open so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.perbaikan import Perbaikan, PerbaikanStatus, next_status
from kinerja_desktop.core.kinerja.values import number_text


class ServiceDialog(QDialog):
    """OK runs `self.apply()`; a KinerjaError is shown under the fields."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.result_value: Any = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = QLabel("", self)
        self.problem.setObjectName("problemLabel")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.layout_.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def apply(self) -> Any:  # pragma: no cover - every dialog defines it
        raise NotImplementedError

    def _ok(self) -> None:
        try:
            self.result_value = self.apply()
        except KinerjaError as exc:
            self.problem.setText(exc.message)
            return
        self.accept()


class ProposeDialog(ServiceDialog):
    """Ajukan perbaikan: the value as validated, the new value, reason and evidence."""

    def __init__(self, value: Any, propose: Callable[..., Perbaikan], parent=None) -> None:
        super().__init__("Ajukan Perbaikan Data Kinerja", parent)
        self.value, self._propose = value, propose
        shown = value.teks or number_text(value.nilai)
        self.form.addRow("Indikator:", QLabel(f"{value.kode} — {value.nama}", self))
        self.form.addRow("Unit / periode:", QLabel(f"{value.unit} · {value.periode}", self))
        self.form.addRow("Nilai tervalidasi:", QLabel(str(shown), self))
        self.nilai = QLineEdit(self)
        self.nilai.setObjectName("nilaiEdit")
        self.nilai.setPlaceholderText("mis. 12,5 atau label skala; kosong = dikosongkan")
        self.keterangan = QLineEdit(value.keterangan, self)
        self.alasan = QPlainTextEdit(self)
        self.alasan.setObjectName("alasanEdit")
        self.alasan.setPlaceholderText("Mengapa nilai ini salah (wajib)")
        self.alasan.setFixedHeight(70)
        self.bukti = QLineEdit(self)
        self.bukti.setObjectName("buktiEdit")
        self.bukti.setPlaceholderText("Nomor surat, berkas atau buku register yang sah (wajib)")
        self.form.addRow("Nilai baru:", self.nilai)
        self.form.addRow("Keterangan:", self.keterangan)
        self.form.addRow("Alasan:", self.alasan)
        self.form.addRow("Rujukan bukti:", self.bukti)

    def apply(self) -> Perbaikan:
        v = self.value
        return self._propose(
            v.periode,
            v.indicator_id,
            self.nilai.text(),
            alasan=self.alasan.toPlainText(),
            bukti=self.bukti.text(),
            unit=v.unit_id,
            keterangan=self.keterangan.text(),
        )


class StepDialog(ServiceDialog):
    """The next step: who (prefilled from the office records) and a note."""

    def __init__(
        self, p: Perbaikan, official: str, advance: Callable[..., Perbaikan], parent=None
    ) -> None:
        step = next_status(p.status)
        super().__init__(f"Perbaikan nomor {p.id}: {step.label}", parent)
        self.p, self.step, self._advance = p, step, advance
        self.form.addRow(
            "Perbaikan:", QLabel(f"{p.kode} {p.unit} {p.periode}: {p.lama.shown} → {p.baru.shown}")
        )
        self.pejabat = QLineEdit(official, self)
        self.pejabat.setObjectName("pejabatEdit")
        self.catatan = QLineEdit(self)
        self.catatan.setObjectName("catatanEdit")
        self.catatan.setPlaceholderText("mis. diparaf di atas kertas 20-08-2026")
        self.form.addRow(f"{_role(step)}:", self.pejabat)
        self.form.addRow("Catatan:", self.catatan)
        if step is PerbaikanStatus.DITANDATANGANI:
            note = QLabel("Setelah ditandatangani, nilai baru berlaku dan dikunci.", self)
            note.setWordWrap(True)
            self.layout_.insertWidget(1, note)

    def apply(self) -> Perbaikan:
        return self._advance(
            self.p.id, ke=self.step.value, pejabat=self.pejabat.text(), catatan=self.catatan.text()
        )


def _role(step: PerbaikanStatus) -> str:
    return {"kepala_seksi": "Kepala Seksi", "sekretaris": "Sekretaris", "camat": "Camat"}.get(
        step.peran, "Pejabat"
    )


class RejectDialog(ServiceDialog):
    def __init__(self, p: Perbaikan, reject: Callable[..., Perbaikan], parent=None) -> None:
        super().__init__(f"Tolak perbaikan nomor {p.id}", parent)
        self.p, self._reject = p, reject
        self.alasan = QPlainTextEdit(self)
        self.alasan.setObjectName("alasanEdit")
        self.alasan.setFixedHeight(70)
        self.form.addRow("Alasan penolakan:", self.alasan)

    def apply(self) -> Perbaikan:
        return self._reject(self.p.id, self.alasan.toPlainText())
