"""The Perbaikan screen: the corrections of a period (or all), filtered by
status; the selected one's old and new value, reason, evidence, source and
every step taken; the next step of the SOP (diajukan → diperiksa Kepala
Seksi → diparaf Sekretaris → ditandatangani Camat) or a rejection, each one
service call; and the period's "Dokumen Perbaikan Data Kinerja" — of every
unit, or of the unit chosen in the filter — printed to PDF or Excel (frozen
like every report).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja import laporan
from kinerja_desktop.core.kinerja.perbaikan import Perbaikan, PerbaikanStatus, next_status
from kinerja_desktop.services.entities import DATABASE, UNIT
from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService
from kinerja_desktop.services.kinerja_reports import KinerjaReportService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.ui.common.errors import show_error

from .perbaikan_dialogs import RejectDialog, StepDialog
from .report_models import PERBAIKAN_HEADERS, RowsModel, perbaikan_rows
from .report_widgets import (
    Jobs,
    PeriodBox,
    RoundPeriods,
    add_button,
    ask_save,
    fit_columns,
    make_table,
    select_id,
    selected_id,
)

ALL = "(semua)"


def detail_html(p: Perbaikan) -> str:
    """The selected correction as the screen shows it (every word in one place)."""
    steps = "".join(
        f"<li><b>{s.status.label}</b> — {s.pejabat or '(nama belum dicatat)'}"
        f"{', ' + s.jabatan if s.jabatan else ''}"
        f"{'; dicatat ' + s.oleh if s.oleh != s.pejabat else ''} "
        f"{s.at.strftime('%d-%m-%Y %H:%M')}{': ' + s.catatan if s.catatan else ''}</li>"
        for s in p.langkah
    )
    return (
        f"<h3>Perbaikan nomor {p.id} — {p.status.label}</h3>"
        f"<p><b>{p.kode}</b> {p.indikator} ({p.satuan})<br>{p.unit} · periode {p.periode}</p>"
        f"<p>Nilai semula: <b>{p.lama.shown}</b> → perbaikan: <b>{p.baru.shown}</b></p>"
        f"<p>Alasan: {p.alasan}<br>Rujukan bukti: {p.bukti}<br>"
        f"Sumber nilai semula: {p.sumber.shown}</p><ol>{steps}</ol>"
    )


class PerbaikanPage(RoundPeriods, QWidget):
    def __init__(self, session: Any, settings: Any, clock, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("kinerjaPerbaikanPage")
        self.corrections = KinerjaCorrectionService(session, clock)
        self.reports = KinerjaReportService(session, clock)
        self.rounds = KinerjaRoundService(session, clock)
        self.office = OfficeService(session)
        self.settings = settings
        self.jobs = Jobs(self)
        self._found: list[Perbaikan] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Perbaikan Data Kinerja</h2>", self))
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Periode:", self))
        self.period = PeriodBox(self)
        bar.addWidget(self.period)
        bar.addWidget(QLabel("Status:", self))
        self.state = QComboBox(self)
        self.state.addItem(ALL, "")
        for s in PerbaikanStatus:
            self.state.addItem(s.label, s.value)
        bar.addWidget(self.state)
        bar.addWidget(QLabel("Unit:", self))
        self.unit = QComboBox(self)
        self.unit.setObjectName("unitCombo")
        bar.addWidget(self.unit)
        bar.addStretch(1)
        self.print_button = add_button(self, "Cetak Dokumen Perbaikan…", self.print_document, bar)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = RowsModel(PERBAIKAN_HEADERS)
        self.table = make_table(self.model, self, "perbaikanTable")
        split.addWidget(self.table)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("perbaikanDetail")
        split.addWidget(self.detail)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.step_button = add_button(self, "Langkah berikutnya…", self.advance, row)
        self.reject_button = add_button(self, "Tolak…", self.reject, row)
        layout.addLayout(row)
        self.status = QLabel("", self)
        self.status.setObjectName("statusLabel")
        layout.addWidget(self.status)
        self.period.activated.connect(lambda _i: self.refresh())
        self.period.lineEdit().returnPressed.connect(self.refresh)
        self.state.activated.connect(lambda _i: self.refresh())
        self.unit.activated.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show())
        self.table.doubleClicked.connect(lambda _i: self.advance())
        fit_columns(self.table, [40, 80, 170, 70, 300, 80, 80])
        self.load_units()
        self.load_periods()

    # -- data ------------------------------------------------------------------------
    def load_units(self) -> None:
        chosen = self.unit.currentData()
        self.unit.clear()
        self.unit.addItem("(semua unit)", None)
        for u in self.office.list_units():
            self.unit.addItem(u.nama, u.id)
        self.unit.setCurrentIndex(max(self.unit.findData(chosen), 0))

    def unit_key(self) -> str | None:
        """The unit chosen in the filter (as the services take it), None for all."""
        chosen = self.unit.currentData()
        return None if chosen is None else str(chosen)

    def on_change(self, entity: str) -> None:
        if entity in (UNIT, DATABASE):
            self.load_units()
        super().on_change(entity)

    def refresh(self) -> None:
        try:
            key = self.period.periode() if self.period.currentText().strip() else None
            self._found = self.corrections.list(
                key, self.state.currentData() or None, self.unit_key()
            )
        except KinerjaError as exc:
            self.status.setText(exc.message)
            return
        keep = selected_id(self.table)
        self.model.set_rows(perbaikan_rows(self._found))
        if keep is not None and self.model.row_of(keep) is not None:
            select_id(self.table, self.model, keep)
        elif self._found:
            self.table.selectRow(0)
        open_ = sum(1 for p in self._found if not p.status.selesai)
        self.status.setText(f"{len(self._found)} perbaikan; {open_} masih berjalan.")
        self._show()

    def selected(self) -> Perbaikan | None:
        pid = selected_id(self.table)
        return next((p for p in self._found if p.id == pid), None)

    def _show(self) -> None:
        p = self.selected()
        self.detail.setHtml(detail_html(p) if p else "<p>Pilih satu perbaikan.</p>")
        running = p is not None and not p.status.selesai
        self.step_button.setEnabled(running)
        self.reject_button.setEnabled(running)
        if running:
            self.step_button.setText(f"{next_status(p.status).label}…")
        else:
            self.step_button.setText("Langkah berikutnya…")

    # -- actions ----------------------------------------------------------------------
    def advance(self) -> None:
        p = self.selected()
        if p is None or p.status.selesai:
            return
        try:
            _step, nama, _jabatan = self.corrections.next_official(p.id)
        except KinerjaError as exc:
            show_error(self, exc)
            return
        dialog = StepDialog(p, nama, self.corrections.advance, self)
        if dialog.exec() and dialog.result_value is not None:
            done = dialog.result_value
            extra = " Nilai baru berlaku dan terkunci." if done.status.selesai else ""
            self.refresh()
            self.status.setText(f"Perbaikan nomor {done.id}: {done.status.label}.{extra}")

    def reject(self) -> None:
        p = self.selected()
        if p is None or p.status.selesai:
            return
        dialog = RejectDialog(p, self.corrections.reject, self)
        if dialog.exec() and dialog.result_value is not None:
            self.refresh()
            self.status.setText(f"Perbaikan nomor {p.id} ditolak.")

    def print_document(self) -> None:
        try:
            key = self.period.periode()
        except KinerjaError as exc:
            show_error(self, exc)
            return
        unit = self.unit_key()
        suffix = f"-{self.unit.currentText().lower().replace(' ', '-')}" if unit else ""
        path = self.ask_save_path(
            "Cetak Dokumen Perbaikan Data Kinerja",
            f"dokumen-perbaikan-{key}{suffix}.pdf",
            "PDF (*.pdf);;Excel (*.xlsx)",
        )
        if path is None:
            return
        self.jobs.start(
            "Mencetak Dokumen Perbaikan…",
            lambda: self.reports.print_report(laporan.PERBAIKAN, key, path, unit=unit),
            lambda result: self.status.setText(result.message),
        )

    def ask_save_path(self, title: str, suggested: str, filters: str) -> Path | None:
        return ask_save(self, self.settings, title, suggested, filters)
