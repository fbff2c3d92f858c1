"""Small pieces the Validasi, Perbaikan and Laporan screens share: a period
box, a sortable table, the save-file question (tests replace it) and
the print jobs run off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.core.kinerja.periods import parse_period
from kinerja_desktop.ui.common.operations import run_task

from .report_models import ID_ROLE, SORT_ROLE, RowsModel


def add_button(
    parent: QWidget, text: str, slot: Callable[[], object], layout: QBoxLayout
) -> QPushButton:
    """A push button at the end of `layout` that calls `slot()` when clicked."""
    button = QPushButton(text, parent)
    button.clicked.connect(lambda _checked=False: slot())
    layout.addWidget(button)
    return button


class RoundPeriods:
    """What a page choosing among the collection rounds' periods shares (mixed in
    before QWidget): the page has `rounds` (KinerjaRoundService), `period`
    (a PeriodBox) and `refresh()`; it follows every data-kinerja change."""

    rounds: Any
    period: PeriodBox

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def load_periods(self) -> None:
        try:
            keys = [r.periode.key for r in self.rounds.list_rounds()]
        except KinerjaError:
            keys = []
        self.period.fill(keys)
        self.refresh()

    def on_change(self, entity: str) -> None:
        if entity.startswith("kinerja"):
            self.refresh()


EMPTY_PERIOD = (
    "Pilih atau tulis periode, mis. 2026-TW3. Periode putaran pengumpulan muncul di daftar "
    "setelah putaran dimulai di halaman Pengumpulan."
)


class PeriodBox(QComboBox):
    """An editable list of periods (the rounds' first); `periode()` is the typed key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setMinimumContentsLength(10)
        self.setToolTip("2026-07 (bulan), 2026-TW3 (triwulan), 2026-S2 (semester), 2026 (tahun)")

    def fill(self, keys: list[str], current: str = "") -> None:
        text = current or self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(keys)
        self.blockSignals(False)
        if text:
            self.setCurrentText(text)
        elif keys:
            self.setCurrentIndex(len(keys) - 1)

    def periode(self) -> str:
        """The period typed, in its canonical form (ValidationError when not one)."""
        if not self.currentText().strip():
            raise ValidationError(EMPTY_PERIOD)
        return parse_period(self.currentText()).key


def make_table(model: RowsModel, parent: QWidget, name: str) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def selected_id(view: QTableView) -> object:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ID_ROLE) if rows else None


def select_id(view: QTableView, model: RowsModel, record_id: object) -> None:
    row = model.row_of(record_id)
    if row is None:
        return
    proxy = view.model()
    index = proxy.mapFromSource(model.index(row, 0))
    if index.isValid():
        view.selectRow(index.row())
        view.scrollTo(index)


def fit_columns(view: QTableView, widths: list[int]) -> None:
    for i, w in enumerate(widths):
        view.setColumnWidth(i, w)


def ask_save(
    parent: QWidget, settings: Any, title: str, suggested: str, filters: str
) -> Path | None:
    """The save-file question, starting in the last folder used (tests replace it).
    A name typed without .pdf/.xlsx gets the extension of the chosen filter."""
    start = str(settings.last_folder() / suggested)
    target, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        path = path.with_name(path.name + (".xlsx" if "xlsx" in chosen else ".pdf"))
    settings.set_last_folder(path)
    return path


class Jobs:
    """Printing off the UI thread with run_task's progress; keeps the tasks alive."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.tasks: list[Any] = []

    def start(self, label: str, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        task = run_task(self.owner, label, lambda _control: fn(), on_done)
        self.tasks = [t for t in self.tasks if t.running] + [task]

    @property
    def busy(self) -> bool:
        return any(t.running for t in self.tasks)


ALIGN_TOP = Qt.AlignmentFlag.AlignTop
