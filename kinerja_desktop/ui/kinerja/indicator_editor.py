"""The detail form of an indicator: identity, the responsible unit (and staff
member), the calculation rule as its three settings (plus the negative
formula and the scale for text-scale indicators), baseline and the target of
every year of the Renstra period.

The rule line under the settings is `CalculationRule.describe()` of what is
chosen, so the user reads what the forms and reports will print.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.core.kinerja.plan import Indicator, PlanNode, Renstra, Target
from kinerja_desktop.core.kinerja.rules import (
    Aggregation,
    CalculationRule,
    NegativeFormula,
    Polarity,
    ScaleLevel,
    ValueKind,
)
from kinerja_desktop.core.kinerja.values import number_text, read_typed
from kinerja_desktop.core.office import Staff, Unit

from .common import read_target, target_text
from .detail_base import DetailEditor
from .grids import EDIT_KEYS, YearGrid

FORM = "kinerja_indicator_editor"
REQUIRED = {
    "headerLabel": QLabel,
    "kodeEdit": QLineEdit,
    "ikuCheck": QCheckBox,
    "namaEdit": QPlainTextEdit,
    "satuanEdit": QLineEdit,
    "definisiEdit": QPlainTextEdit,
    "formulaEdit": QPlainTextEdit,
    "sumberEdit": QLineEdit,
    "unitCombo": QComboBox,
    "staffCombo": QComboBox,
    "polaritasCombo": QComboBox,
    "rumusCombo": QComboBox,
    "agregasiCombo": QComboBox,
    "jenisCombo": QComboBox,
    "skalaBox": QWidget,
    "skalaTable": QTableWidget,
    "skalaAddButton": QPushButton,
    "skalaRemoveButton": QPushButton,
    "ruleLabel": QLabel,
    "baselineYearSpin": QSpinBox,
    "baselineEdit": QLineEdit,
    "targetTable": QTableWidget,
    "errorLabel": QLabel,
    "saveButton": QPushButton,
    "cancelButton": QPushButton,
}
NO_YEAR = 1999  # the spin box's "—"
AGGREGATION_HELP = {
    Aggregation.JUMLAH: "jumlah (mis. jumlah dokumen: TW I + TW II + …)",
    Aggregation.TERAKHIR: "nilai terakhir (mis. persentase per akhir periode)",
    Aggregation.RATA_RATA: "rata-rata",
    Aggregation.TERTINGGI: "nilai tertinggi",
}


class IndicatorEditor(DetailEditor):
    """Shows one indicator; `indicator()` is the edited copy (ValidationError for bad input)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(FORM, REQUIRED, parent)
        p = self.part
        self.kode, self.iku = p(QLineEdit, "kodeEdit"), p(QCheckBox, "ikuCheck")
        self.nama, self.satuan = p(QPlainTextEdit, "namaEdit"), p(QLineEdit, "satuanEdit")
        self.definisi, self.formula = (
            p(QPlainTextEdit, "definisiEdit"),
            p(QPlainTextEdit, "formulaEdit"),
        )
        self.sumber = p(QLineEdit, "sumberEdit")
        self.unit, self.staff = p(QComboBox, "unitCombo"), p(QComboBox, "staffCombo")
        self.polaritas, self.rumus = p(QComboBox, "polaritasCombo"), p(QComboBox, "rumusCombo")
        self.agregasi, self.jenis = p(QComboBox, "agregasiCombo"), p(QComboBox, "jenisCombo")
        self.skala_box, self.skala = p(QWidget, "skalaBox"), p(QTableWidget, "skalaTable")
        self.rule_label = p(QLabel, "ruleLabel")
        self.baseline_year, self.baseline = (
            p(QSpinBox, "baselineYearSpin"),
            p(QLineEdit, "baselineEdit"),
        )
        self.targets = YearGrid(p(QTableWidget, "targetTable"))
        self._fill_choices()
        self._set_up_scale_table()
        p(QPushButton, "skalaAddButton").clicked.connect(self._add_level)
        p(QPushButton, "skalaRemoveButton").clicked.connect(self._remove_level)
        self.watch(
            self.kode, self.iku, self.nama, self.satuan, self.definisi, self.formula, self.sumber,
            self.unit, self.staff, self.polaritas, self.rumus, self.agregasi, self.jenis,
            self.baseline_year, self.baseline,
        )  # fmt: skip
        self.targets.edited.connect(self.mark_dirty)
        for combo in (self.polaritas, self.rumus, self.agregasi, self.jenis):
            combo.currentIndexChanged.connect(self._rule_changed)
        self._ind: Indicator | None = None
        self._renstra: Renstra | None = None

    def _fill_choices(self) -> None:
        for kind in Polarity:
            self.polaritas.addItem(kind.label, kind.value)
        for kind in NegativeFormula:
            self.rumus.addItem(kind.label, kind.value)
        for kind in Aggregation:
            self.agregasi.addItem(AGGREGATION_HELP[kind], kind.value)
        for kind, text in (
            (ValueKind.ANGKA, "angka"),
            (ValueKind.PERSEN, "persen (0–100)"),
            (ValueKind.SKALA, "skala teks (mis. WTP=4, WDP=3 …)"),
        ):
            self.jenis.addItem(text, kind.value)
        self.baseline_year.setSpecialValueText("—")

    def _set_up_scale_table(self) -> None:
        table = self.skala
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(["Label", "Nilai"])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setEditTriggers(EDIT_KEYS)
        table.itemChanged.connect(self._scale_changed)

    # -- loading ---------------------------------------------------------------------------
    def set_people(self, units: list[Unit], staff: list[Staff]) -> None:
        """The choices of the unit and staff boxes (call before `load`)."""
        self.begin_load()
        self.unit.clear()
        self.unit.addItem("(belum ditentukan)", None)
        for u in units:
            self.unit.addItem(u.nama, u.id)
        self.staff.clear()
        self.staff.addItem("(tidak ada)", None)
        for s in staff:
            if s.aktif:
                self.staff.addItem(f"{s.nama} — {s.jabatan}" if s.jabatan else s.nama, s.id)
        self._loading = False

    def load(self, ind: Indicator, renstra: Renstra, node: PlanNode | None) -> None:
        self.begin_load()
        self._ind, self._renstra = ind, renstra
        kind = node.level.indicator_kind if node is not None else "indikator"
        where = f"{node.level.label} {node.kode}" if node is not None else ""
        title = f"Indikator baru ({kind})" if ind.id is None else f"{ind.kode} ({kind})"
        self.header.setText(f"<b>{title}</b>" + (f" — pada {where}" if where else ""))
        self.kode.setText(ind.kode)
        self.iku.setChecked(ind.iku)
        self.nama.setPlainText(ind.nama)
        self.satuan.setText(ind.satuan)
        self.definisi.setPlainText(ind.definisi)
        self.formula.setPlainText(ind.formula)
        self.sumber.setText(ind.sumber_data)
        self.unit.setCurrentIndex(max(self.unit.findData(ind.unit_id), 0))
        self.staff.setCurrentIndex(max(self.staff.findData(ind.staff_id), 0))
        self._load_rule(ind.rule)
        self.baseline_year.setValue(ind.baseline_tahun or NO_YEAR)
        self.baseline.setText(target_text(ind.baseline))
        self.targets.set_years(renstra.years, "Target", self._labels(ind.rule))
        self.targets.set_values({y: target_text(t) for y, t in ind.targets.items()})
        self._rule_changed()
        self.end_load(ind.id is None)

    def _load_rule(self, rule: CalculationRule) -> None:
        for combo, value in (
            (self.polaritas, rule.polaritas),
            (self.rumus, rule.rumus_negatif),
            (self.agregasi, rule.agregasi),
            (self.jenis, rule.jenis_nilai),
        ):
            combo.setCurrentIndex(combo.findData(value.value))
        self.skala.setRowCount(0)
        for level in rule.skala:
            self._append_level(level.label, number_text(level.nilai, ""))

    @staticmethod
    def _labels(rule: CalculationRule) -> tuple[str, ...]:
        return tuple(s.label for s in rule.skala)

    # -- the scale -------------------------------------------------------------------------
    def _append_level(self, label: str, nilai: str) -> None:
        row = self.skala.rowCount()
        self.skala.insertRow(row)
        self.skala.setItem(row, 0, QTableWidgetItem(label))
        value = QTableWidgetItem(nilai)
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.skala.setItem(row, 1, value)

    def _add_level(self) -> None:
        self._append_level("", "")
        self.skala.setCurrentCell(self.skala.rowCount() - 1, 0)
        self.skala.editItem(self.skala.item(self.skala.rowCount() - 1, 0))
        self.mark_dirty()

    def _remove_level(self) -> None:
        row = self.skala.currentRow()
        if row >= 0:
            self.skala.removeRow(row)
            self._scale_changed()

    def _scale_levels(self) -> tuple[ScaleLevel, ...]:
        levels = []
        for row in range(self.skala.rowCount()):
            label = (self.skala.item(row, 0) or QTableWidgetItem()).text().strip()
            raw = (self.skala.item(row, 1) or QTableWidgetItem()).text().strip()
            if not label and not raw:
                continue
            nilai = read_typed(raw or None, CalculationRule()).nilai
            if nilai is None:
                raise ValidationError(f"Skala baris {row + 1}: nilai '{raw}' bukan angka.")
            levels.append(ScaleLevel(label, nilai))
        return tuple(levels)

    def _scale_changed(self, *_args) -> None:
        self.mark_dirty()
        self._rule_changed()

    # -- the rule ------------------------------------------------------------------------
    def rule(self) -> CalculationRule:
        jenis = ValueKind(self.jenis.currentData())
        return CalculationRule(
            Polarity(self.polaritas.currentData()),
            Aggregation(self.agregasi.currentData()),
            jenis,
            self._scale_levels() if jenis is ValueKind.SKALA else (),
            NegativeFormula(self.rumus.currentData()),
        )

    def _rule_changed(self, *_args) -> None:
        negatif = self.polaritas.currentData() == Polarity.NEGATIF.value
        self.rumus.setEnabled(negatif)
        skala = self.jenis.currentData() == ValueKind.SKALA.value
        self.skala_box.setVisible(skala)
        if skala and self.skala.rowCount() == 0 and not self._loading:
            self.skala.blockSignals(True)
            for label, nilai in (("WTP", "4"), ("WDP", "3"), ("TMP", "2"), ("TW", "1")):
                self._append_level(label, nilai)  # a start the user edits
            self.skala.blockSignals(False)
        try:
            rule = self.rule()
        except KinerjaError as exc:
            self.rule_label.setText(f"Aturan belum lengkap: {exc.message}")
            self.targets.set_scale(())
            return
        self.rule_label.setText(f"Dicetak pada formulir dan laporan: {rule.describe()}")
        self.targets.set_scale(self._labels(rule))

    # -- collecting ------------------------------------------------------------------------
    def indicator(self) -> Indicator:
        """The edited indicator, its typed targets read by the chosen rule."""
        assert self._ind is not None
        rule = self.rule()
        targets: dict[int, Target] = {}
        for year, text in self.targets.values().items():
            target, problem = read_target(text, rule)
            if problem:
                raise ValidationError(f"Target {year}: {problem}")
            targets[year] = target
        baseline, problem = read_target(self.baseline.text(), rule)
        if problem:
            raise ValidationError(f"Baseline: {problem}")
        year = self.baseline_year.value()
        return replace(
            self._ind,
            kode=self.kode.text().strip(),
            nama=" ".join(self.nama.toPlainText().split()),
            satuan=self.satuan.text().strip(),
            definisi=self.definisi.toPlainText().strip(),
            formula=self.formula.toPlainText().strip(),
            sumber_data=self.sumber.text().strip(),
            unit_id=self.unit.currentData(),
            staff_id=self.staff.currentData(),
            iku=self.iku.isChecked(),
            baseline_tahun=None if year == NO_YEAR else year,
            baseline=baseline,
            targets=targets,
            rule=rule,
        )
