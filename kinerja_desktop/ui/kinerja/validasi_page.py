"""The Validasi screen: per unit how many values of a period are in, validated,
still to validate and not filled in; validate one unit or all (one service
call each, after a confirmation); the selected unit's values with their
source; and a Perbaikan proposed for a validated value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_validation import KinerjaValidationService
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.ui.common.errors import show_error

from .perbaikan_dialogs import ProposeDialog
from .report_models import BOARD_HEADERS, VALUE_HEADERS, RowsModel, board_rows, value_rows
from .report_widgets import (
    PeriodBox,
    RoundPeriods,
    add_button,
    fit_columns,
    make_table,
    select_id,
    selected_id,
)


class ValidasiPage(RoundPeriods, QWidget):
    def __init__(self, session: Any, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kinerjaValidasiPage")
        self.validation = KinerjaValidationService(session, clock)
        self.corrections = KinerjaCorrectionService(session, clock)
        self.rounds = KinerjaRoundService(session, clock)
        self.values = KinerjaValueService(session)
        self._values: list = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Validasi Data Kinerja</h2>", self))
        layout.addWidget(
            QLabel(
                "Nilai yang sudah divalidasi terkunci: impor berikutnya tidak mengubahnya, "
                "mengubahnya harus lewat Perbaikan Data Kinerja.",
                self,
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Periode:", self))
        self.period = PeriodBox(self)
        self.period.setObjectName("periodBox")
        bar.addWidget(self.period)
        self.show_button = add_button(self, "Tampilkan", self.refresh, bar)
        bar.addStretch(1)
        self.unit_button = add_button(self, "Validasi unit terpilih", self.validate_unit, bar)
        self.all_button = add_button(self, "Validasi semua unit", self.validate_all, bar)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.board_model = RowsModel(BOARD_HEADERS)
        self.board = make_table(self.board_model, self, "boardTable")
        self.value_model = RowsModel(VALUE_HEADERS)
        self.value_table = make_table(self.value_model, self, "valueTable")
        split.addWidget(self.board)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.values_label = QLabel("", lower)
        lower_layout.addWidget(self.values_label)
        lower_layout.addWidget(self.value_table)
        row = QHBoxLayout()
        row.addStretch(1)
        self.propose_button = add_button(
            self, "Ajukan perbaikan atas nilai terpilih…", self.propose, row
        )
        lower_layout.addLayout(row)
        split.addWidget(lower)
        layout.addWidget(split, 1)
        self.status = QLabel("", self)
        self.status.setObjectName("statusLabel")
        layout.addWidget(self.status)
        self.period.activated.connect(lambda _i: self.refresh())
        self.period.lineEdit().returnPressed.connect(self.refresh)
        self.board.selectionModel().selectionChanged.connect(lambda *_: self._show_values())
        self.value_table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        fit_columns(self.board, [260, 60, 80, 60, 60, 170])
        fit_columns(self.value_table, [120, 380, 80, 150, 70])
        self.load_periods()

    # -- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            key = self.period.periode()
            board = self.validation.board(key)
        except KinerjaError as exc:
            self.status.setText(exc.message)
            return
        keep = selected_id(self.board)
        self.board_model.set_rows(board_rows(board))
        if keep is not None:
            select_id(self.board, self.board_model, keep)
        elif board:
            self.board.selectRow(0)
        pending = sum(b.belum for b in board)
        self.status.setText(
            f"{len(board)} unit dengan data; {pending} nilai belum divalidasi."
            if board
            else "Belum ada nilai untuk periode ini."
        )
        self._show_values()

    def _show_values(self) -> None:
        unit_id = selected_id(self.board)
        name = next((r.cells[0] for r in self.board_model.rows if r.id == unit_id), "")
        try:
            self._values = (
                self.values.values(self.period.periode(), str(unit_id)) if unit_id else []
            )
        except KinerjaError:
            self._values = []
        self.value_model.set_rows(value_rows(self._values))
        self.values_label.setText(f"<b>Nilai {name}</b>" if name else "")
        self._update()

    def _update(self) -> None:
        unit = selected_id(self.board) is not None
        row = next((b for b in self.board_model.rows if b.id == selected_id(self.board)), None)
        self.unit_button.setEnabled(bool(unit and row and row.cells[3] != "0"))
        value = self.selected_value()
        self.propose_button.setEnabled(value is not None and value.status_validasi == "valid")

    def selected_value(self):
        value_id = selected_id(self.value_table)
        return next((v for v in self._values if v.value_id == value_id), None)

    # -- actions ----------------------------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Validasi data kinerja", text)
        return answer == QMessageBox.StandardButton.Yes

    def validate_unit(self) -> None:
        unit_id = selected_id(self.board)
        if unit_id is not None:
            self._validate(str(unit_id))

    def validate_all(self) -> None:
        self._validate(None)

    def _validate(self, unit: str | None) -> None:
        try:
            key = self.period.periode()
            who = (
                "semua unit"
                if unit is None
                else next(r.cells[0] for r in self.board_model.rows if str(r.id) == unit)
            )
            if not self.confirm(
                f"Validasi nilai {who} periode {key}? Nilai yang divalidasi terkunci; "
                "perubahannya harus lewat Perbaikan Data Kinerja."
            ):
                return
            result = self.validation.validate(key, unit)
        except KinerjaError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.status.setText(result.message)

    def propose(self) -> None:
        value = self.selected_value()
        if value is None:
            return
        dialog = ProposeDialog(value, self.corrections.propose, self)
        if dialog.exec() and dialog.result_value is not None:
            p = dialog.result_value
            self.status.setText(
                f"Perbaikan nomor {p.id} diajukan ({p.lama.shown} → {p.baru.shown}); "
                "lanjutkan di layar Perbaikan."
            )
