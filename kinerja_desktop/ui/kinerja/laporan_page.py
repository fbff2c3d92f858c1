"""The Laporan screen: choose a report (Rekap, Evaluasi Hasil Renja, Perjanjian
Kinerja, Monitoring Renstra, Dokumen Perbaikan) and its period, preview the
figures as they will print, write the texts the report carries, export to
PDF or Excel off the UI thread (the print freezes a numbered version with
its data hash; "draf" does not), and reprint a frozen version with the
numbers it showed when it was signed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja import laporan
from kinerja_desktop.services.kinerja_reports import KinerjaReportService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.ui.common.errors import show_error

from .common import fit_to_contents
from .predikat_dialog import PredikatDialog
from .report_models import VERSION_HEADERS, RowsModel, version_rows
from .report_preview import Preview, preview
from .report_texts import TextsDialog
from .report_widgets import (
    Jobs,
    PeriodBox,
    add_button,
    ask_save,
    fit_columns,
    make_table,
    selected_id,
)

KINDS = (laporan.REKAP, laporan.EVALUASI, laporan.PK, laporan.RENSTRA, laporan.PERBAIKAN)
FILE_STEM = {
    laporan.REKAP: "rekap",
    laporan.EVALUASI: "evaluasi-renja",
    laporan.PK: "perjanjian-kinerja",
    laporan.RENSTRA: "monitoring-renstra",
    laporan.PERBAIKAN: "dokumen-perbaikan",
}
HINT = {
    laporan.REKAP: "bulan, triwulan, semester atau tahun (2026-TW2, 2026)",
    laporan.EVALUASI: "triwulan (2026-TW2)",
    laporan.PK: "tahun (2026)",
    laporan.RENSTRA: "tahun di dalam periode Renstra (2026)",
    laporan.PERBAIKAN: "periode perbaikan (2026-TW2)",
}


class LaporanPage(QWidget):
    def __init__(self, session: Any, settings: Any, clock, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("kinerjaLaporanPage")
        self.reports = KinerjaReportService(session, clock)
        self.rounds = KinerjaRoundService(session, clock)
        self.settings = settings
        self.jobs = Jobs(self)
        self.report: Any = None
        self.shown: Preview | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Laporan Data Kinerja</h2>", self))
        layout.addLayout(self._build_bar())
        split = QSplitter(Qt.Orientation.Vertical, self)
        upper = QWidget(self)
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("", upper)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        up.addWidget(self.summary)
        self.model = RowsModel(("",))
        self.table = make_table(self.model, upper, "previewTable")
        self.table.setSortingEnabled(False)  # the preview keeps the printed order
        self.table.model().sort(-1)
        up.addWidget(self.table, 1)
        split.addWidget(upper)
        split.addWidget(self._build_versions())
        split.setSizes([420, 180])
        layout.addWidget(split, 1)
        self.status = QLabel("", self)
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.load_periods()

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindBox")
        for jenis in KINDS:
            self.kind.addItem(laporan.JUDUL[jenis], jenis)
        bar.addWidget(QLabel("Laporan:", self))
        bar.addWidget(self.kind)
        bar.addWidget(QLabel("Periode:", self))
        self.period = PeriodBox(self)
        bar.addWidget(self.period)
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unitEdit")
        self.unit.setPlaceholderText("unit (kosong = PK Camat)")
        self.unit.setMinimumWidth(170)
        bar.addWidget(self.unit)
        self.preview_button = add_button(self, "Tampilkan", self.refresh, bar)
        self.preview_button.setShortcut("F5")
        self.texts_button = add_button(self, "Teks laporan…", self.edit_texts, bar)
        self.scales_button = add_button(self, "Pengaturan predikat…", self.edit_scales, bar)
        bar.addStretch(1)
        self.draft = QCheckBox("Draf (tidak dibekukan)", self)
        bar.addWidget(self.draft)
        self.pdf_button = add_button(self, "Ekspor PDF…", lambda: self.export(".pdf"), bar)
        self.xlsx_button = add_button(self, "Ekspor Excel…", lambda: self.export(".xlsx"), bar)
        self.kind.activated.connect(lambda _i: self._kind_changed())
        self.period.activated.connect(lambda _i: self.refresh())
        self.period.lineEdit().returnPressed.connect(self.refresh)
        return bar

    def _build_versions(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        head = "<b>Versi yang dibekukan</b> (cetak ulang memakai data saat itu)"
        lay.addWidget(QLabel(head, box))
        self.version_model = RowsModel(VERSION_HEADERS)
        self.versions = make_table(self.version_model, box, "versionTable")
        fit_columns(self.versions, [50, 330, 150, 90])
        lay.addWidget(self.versions, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reprint_button = add_button(self, "Cetak ulang versi terpilih…", self.reprint, row)
        lay.addLayout(row)
        self.versions.selectionModel().selectionChanged.connect(lambda *_: self._update())
        return box

    # -- data ------------------------------------------------------------------------
    def jenis(self) -> str:
        return self.kind.currentData()

    def choose(self, jenis: str, periode: str) -> None:
        """Select a report and period (as a user picks them) and preview it."""
        self.kind.setCurrentIndex(KINDS.index(jenis))
        self.period.setCurrentText(periode)
        self._kind_changed(keep_period=True)

    def load_periods(self) -> None:
        try:
            self._rounds = [r.periode.key for r in self.rounds.list_rounds()]
        except KinerjaError:
            self._rounds = []
        self._kind_changed()

    def _kind_changed(self, keep_period: bool = False) -> None:
        jenis = self.jenis()
        years = sorted({k[:4] for k in self._rounds})
        keys = years if jenis in (laporan.PK, laporan.RENSTRA) else self._rounds + years
        self.period.fill(keys, self.period.currentText() if keep_period else "")
        self.period.lineEdit().setPlaceholderText(HINT[jenis])
        self.unit.setVisible(jenis == laporan.PK)
        self.refresh()

    def on_change(self, entity: str) -> None:
        """Data changed: rebuild now when shown (keeping the last message), else on show."""
        if not entity.startswith("kinerja"):
            return
        if self.isVisible():
            self.refresh(announce=False)
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if getattr(self, "_stale", False):
            self._stale = False
            self.refresh(announce=False)
        super().showEvent(event)

    def _args(self) -> tuple[str, str, str | None]:
        jenis = self.jenis()
        text = self.period.currentText().strip()
        if jenis in (laporan.PK, laporan.RENSTRA):
            return jenis, text[:4], (self.unit.text().strip() or None)
        return jenis, self.period.periode(), None

    def refresh(self, announce: bool = True) -> None:
        try:
            jenis, periode, unit = self._args()
            self.report = self.reports.build(jenis, periode, unit=unit)
        except KinerjaError as exc:
            self.report, self.shown = None, None
            self.model.set_rows([])
            self.summary.setText("")
            self.status.setText(exc.message)
            self._versions()
            return
        self.shown = preview(self.report)
        self.model = RowsModel(self.shown.headers, self.shown.colour_column)
        self.model.set_rows(self.shown.rows)
        self.table.model().setSourceModel(self.model)
        fit_to_contents(self.table, dict.fromkeys(range(self.model.columnCount()), 320))
        self.summary.setText("<br>".join(self.shown.summary))
        if announce:
            self.status.setText(f"Pratinjau {laporan.JUDUL[jenis]} {self.report.periode}.")
        self._versions()

    def _versions(self) -> None:
        try:
            jenis, periode, unit = self._args()
            key = self.reports.report_key(jenis, periode, unit)
            found = self.reports.versions(jenis, key)
        except KinerjaError:
            found = []
        self.version_model.set_rows(version_rows(found))
        if found:
            self.versions.selectRow(0)
        self._update()

    def _update(self) -> None:
        ready = self.report is not None and not self.jobs.busy
        for button in (self.pdf_button, self.xlsx_button, self.texts_button):
            button.setEnabled(ready)
        self.reprint_button.setEnabled(selected_id(self.versions) is not None)

    # -- actions ----------------------------------------------------------------------
    def ask_save_path(self, title: str, suggested: str, filters: str) -> Path | None:
        return ask_save(self, self.settings, title, suggested, filters)

    def edit_texts(self) -> None:
        try:
            jenis, periode, unit = self._args()
            key = self.reports.report_key(jenis, periode, unit)
            texts = self.reports.texts(jenis, key)
        except KinerjaError as exc:
            show_error(self, exc)
            return
        dialog = TextsDialog(
            jenis, key, texts, lambda v: self.reports.save_texts(jenis, key, v), self
        )
        if dialog.exec():
            self.refresh()
            self.status.setText(f"Teks {laporan.JUDUL[jenis]} {key} disimpan.")

    def edit_scales(self) -> None:
        try:
            scales = self.reports.scales()
        except KinerjaError as exc:
            show_error(self, exc)
            return
        dialog = PredikatDialog(scales, self.reports.save_scales, self)
        if dialog.exec():
            self.refresh()
            self.status.setText("Batas predikat dan warna disimpan.")

    def export(self, suffix: str) -> None:
        if self.report is None:
            return
        jenis, periode, unit = self._args()
        draft = self.draft.isChecked()
        stem = f"{FILE_STEM[jenis]}-{self.report.periode.replace('/', '-')}"
        filters = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path = self.ask_save_path(f"Ekspor {laporan.JUDUL[jenis]}", stem + suffix, filters)
        if path is None:
            return
        self.jobs.start(
            f"Mencetak {laporan.JUDUL[jenis]}…",
            lambda: self.reports.print_report(jenis, periode, path, unit=unit, draft=draft),
            self._printed,
        )
        self._update()

    def _printed(self, result: Any) -> None:
        self.status.setText(result.message)
        self.last_result = result
        self._versions()

    def reprint(self) -> None:
        version_id = selected_id(self.versions)
        if version_id is None:
            return
        record = next(v for v in self.reports.versions() if v.id == version_id)
        stem = f"{FILE_STEM[record.jenis]}-{record.periode.replace('/', '-')}-v{record.versi}"
        path = self.ask_save_path(
            "Cetak ulang versi yang dibekukan", stem + ".pdf", "PDF (*.pdf);;Excel (*.xlsx)"
        )
        if path is None:
            return
        self.jobs.start(
            "Mencetak ulang…", lambda: self.reports.reprint(version_id, path), self._printed
        )
