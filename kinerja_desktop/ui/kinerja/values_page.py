"""Nilai: the values stored for a period (all units or one), each with where
it came from, and below the history of the selected value — every value it
replaced, oldest first, the one in force last."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.entities import DATABASE, KINERJA_ROUND, KINERJA_VALUE, UNIT
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.forms import child, load_form

from .common import fit_to_contents
from .values_model import ValuesModel, value_text

FORM = "kinerja_nilai"
REQUIRED = {
    "periodeCombo": QComboBox,
    "unitCombo": QComboBox,
    "countLabel": QLabel,
    "splitter": QSplitter,
    "valueTable": QTableView,
    "historyLabel": QLabel,
    "historyTable": QTableView,
}
WIDTHS = {
    ValuesModel.COL_UNIT: 170,
    ValuesModel.COL_NAMA: 260,
    ValuesModel.COL_KETERANGAN: 160,
    ValuesModel.COL_BUKTI: 160,
    ValuesModel.COL_BERKAS: 190,
}


class ValuesPage(QWidget):
    """The Nilai page."""

    ENTITIES = frozenset({KINERJA_VALUE, KINERJA_ROUND, UNIT, DATABASE})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = KinerjaValueService(session)
        self.rounds = KinerjaRoundService(session)
        self.office = OfficeService(session)
        form = load_form(FORM, REQUIRED, self)
        QVBoxLayout(self).addWidget(form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.periode_combo: QComboBox = child(form, QComboBox, "periodeCombo")
        self.unit_combo: QComboBox = child(form, QComboBox, "unitCombo")
        self.count_label: QLabel = child(form, QLabel, "countLabel")
        self.history_label: QLabel = child(form, QLabel, "historyLabel")
        self.table: QTableView = child(form, QTableView, "valueTable")
        self.history_table: QTableView = child(form, QTableView, "historyTable")
        self.model = ValuesModel(self)
        self.history_model = ValuesModel(self, history=True)
        for table, model in ((self.table, self.model), (self.history_table, self.history_model)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setColumnHidden(ValuesModel.COL_UNIT, True)
        child(form, QSplitter, "splitter").setSizes([420, 180])
        self.periode_combo.currentIndexChanged.connect(lambda _i: self.show_values())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.show_values())
        self.table.selectionModel().currentRowChanged.connect(self._value_chosen)
        self.refresh()

    def refresh(self) -> None:
        periode, unit = self.periode_combo.currentData(), self.unit_combo.currentData()
        for combo in (self.periode_combo, self.unit_combo):
            combo.blockSignals(True)
            combo.clear()
        for r in sorted(self.rounds.list_rounds(), key=lambda r: r.periode, reverse=True):
            self.periode_combo.addItem(r.periode.label, r.periode.key)
        self.unit_combo.addItem("Semua unit", None)
        for u in self.office.list_units():
            self.unit_combo.addItem(u.nama, u.id)
        self.periode_combo.setCurrentIndex(max(self.periode_combo.findData(periode), 0))
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(unit), 0))
        for combo in (self.periode_combo, self.unit_combo):
            combo.blockSignals(False)
        self.show_values()

    def show_periode(self, periode: str) -> None:
        index = self.periode_combo.findData(periode)
        if index >= 0:
            self.periode_combo.setCurrentIndex(index)

    def show_values(self) -> None:
        periode, unit = self.periode_combo.currentData(), self.unit_combo.currentData()
        try:
            values = (
                self.values.values(periode, str(unit) if unit is not None else None)
                if periode
                else []
            )
        except KinerjaError as exc:
            values = []
            self.count_label.setText(exc.message)
        self.model.set_values(values)
        self.count_label.setText(f"{len(values)} nilai" if periode else "Belum ada putaran.")
        fit_to_contents(self.table, WIDTHS)
        if values:
            self.table.selectRow(0)
        else:
            self._value_chosen(QModelIndex(), QModelIndex())

    def _value_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.history_model.set_values([])
            self.history_label.setText("Riwayat: pilih sebuah nilai di atas.")
            return
        v = self.model.value_at(current.row())
        history = self.values.history(v.indicator_id, v.unit_id, v.periode)
        self.history_model.set_values(history)
        fit_to_contents(self.history_table, WIDTHS)
        self.history_label.setText(
            f"Riwayat {v.kode} — {v.unit}, {v.periode}: {len(history)} catatan; "
            f"yang berlaku {value_text(v)}."
        )

    def on_change(self, entity: str) -> None:
        if entity in self.ENTITIES:
            self.refresh()
