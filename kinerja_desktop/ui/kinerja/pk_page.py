"""Perjanjian Kinerja: per year and party (the Camat, or a unit's cascaded PK)
the indicators with the year's target and the four triwulan targets.

Without a PK the grid is a draft from the Renstra's targets: tick the
indicators, type the rencana aksi, Simpan PK. The PK in force is edited in
place and saved as a **PK Perubahan** with a reason; the old version stays in
the version list, marked "digantikan", and can still be looked at (read-only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.plan import Indicator, Level, PerjanjianKinerja
from kinerja_desktop.services.entities import DATABASE, KINERJA_PLAN, UNIT
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.forms import child, load_form

from . import common
from .grids import EDIT_KEYS, ScaleDelegate
from .pk_model import PkTableModel
from .plan_model import plan_order

FORM = "kinerja_pk"
REQUIRED = {
    "yearCombo": QComboBox,
    "partyCombo": QComboBox,
    "splitter": QSplitter,
    "versionList": QListWidget,
    "statusLabel": QLabel,
    "grid": QTableView,
    "errorLabel": QLabel,
    "revertButton": QPushButton,
    "saveButton": QPushButton,
    "changeButton": QPushButton,
}
CAMAT = "Camat"
PK_ROLE = Qt.ItemDataRole.UserRole + 1
TOP_LEVELS = (Level.TUJUAN, Level.SASARAN)


def version_text(pk: PerjanjianKinerja) -> str:
    when = common.tanggal(pk.tanggal.date()) if pk.tanggal else ""
    state = "digantikan" if pk.digantikan else "berlaku"
    reason = f"\nAlasan: {pk.alasan}" if pk.alasan else ""
    return f"{pk.label} — {when} ({state}){reason}"


class PkPage(QWidget):
    """The Perjanjian Kinerja page."""

    ENTITIES = frozenset({KINERJA_PLAN, UNIT, DATABASE})

    def __init__(self, session: Session, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans = KinerjaPlanService(session, clock)
        self.office = OfficeService(session)
        self.clock = clock
        form = load_form(FORM, REQUIRED, self)
        QVBoxLayout(self).addWidget(form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.year_combo: QComboBox = child(form, QComboBox, "yearCombo")
        self.party_combo: QComboBox = child(form, QComboBox, "partyCombo")
        self.versions: QListWidget = child(form, QListWidget, "versionList")
        self.status_label: QLabel = child(form, QLabel, "statusLabel")
        self.error_label: QLabel = child(form, QLabel, "errorLabel")
        self.grid: QTableView = child(form, QTableView, "grid")
        self.revert_button = child(form, QPushButton, "revertButton")
        self.save_button = child(form, QPushButton, "saveButton")
        self.change_button = child(form, QPushButton, "changeButton")
        self.model = PkTableModel(self)
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(ScaleDelegate(self.grid))
        self.model.undo.watch(self.grid)
        self.grid.setEditTriggers(EDIT_KEYS)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PkTableModel.COL_NAMA, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 8)
        splitter: QSplitter = child(form, QSplitter, "splitter")
        splitter.setSizes([220, 780])
        splitter.setStretchFactor(1, 1)
        self.model.edited.connect(self._update_buttons)
        self.year_combo.currentIndexChanged.connect(self._choice_changed)
        self.party_combo.currentIndexChanged.connect(self._choice_changed)
        self.versions.currentRowChanged.connect(self._version_changed)
        self._shown = (-1, -1, -1)  # year, party and version rows on show
        self.save_button.clicked.connect(self.save_new)
        self.change_button.clicked.connect(self.save_change)
        self.revert_button.clicked.connect(self._show_version)
        self.change_button.setToolTip("Ubah target di tabel, lalu simpan sebagai PK Perubahan")
        self._indicators: list[Indicator] = []
        self._renstra_id: int | None = None
        self.refresh()

    # -- choices ---------------------------------------------------------------------------
    def year(self) -> int | None:
        return self.year_combo.currentData()

    def party(self) -> int | None:
        return self.party_combo.currentData()

    def party_name(self) -> str:
        return self.party_combo.currentText()

    def refresh(self) -> None:
        year, party = self.year(), self.party()
        years = sorted({y for r in self.plans.list_renstra() for y in r.years})
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        this_year = self.clock().year
        want = year if year in years else this_year if this_year in years else None
        index = self.year_combo.findData(want) if want else self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(max(index, 0) if years else -1)
        self.year_combo.blockSignals(False)
        self.party_combo.blockSignals(True)
        self.party_combo.clear()
        self.party_combo.addItem(CAMAT, None)
        for u in self.office.list_units():
            self.party_combo.addItem(u.nama, u.id)
        self.party_combo.setCurrentIndex(max(self.party_combo.findData(party), 0))
        self.party_combo.blockSignals(False)
        self._load_versions()

    def _load_versions(self, select_id: int | None = None) -> None:
        year = self.year()
        self.versions.blockSignals(True)
        self.versions.clear()
        renstra = self.plans.renstra_for_year(year) if year else None
        self._renstra_id = renstra.id if renstra else None
        self._indicators = self.plans.plan(renstra.id).indicators if renstra and renstra.id else []
        pks = [p for p in self.plans.list_pk(year) if p.unit_id == self.party()] if year else []
        for pk in sorted(pks, key=lambda p: p.versi):
            item = QListWidgetItem(version_text(pk))
            item.setData(PK_ROLE, pk)
            if pk.digantikan:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.versions.addItem(item)
        current = next(
            (i for i in range(self.versions.count()) if self._pk_at(i).id == select_id),
            next((i for i in range(self.versions.count()) if not self._pk_at(i).digantikan), -1),
        )
        self.versions.setCurrentRow(current)
        self.versions.blockSignals(False)
        self._show_version()

    def _choice_changed(self, _index: int) -> None:
        if not self._leave_or_restore():
            return
        self._load_versions()

    def _version_changed(self, _row: int) -> None:
        if self._leave_or_restore():
            self._show_version()

    def _leave_or_restore(self) -> bool:
        """Ask about unsaved edits; when the user stays, put the choices back."""
        if self.may_leave():
            return True
        for widget, value in zip(
            (self.year_combo, self.party_combo, self.versions), self._shown, strict=True
        ):
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(value)
            else:
                widget.setCurrentRow(value)
            widget.blockSignals(False)
        return False

    def _pk_at(self, row: int) -> PerjanjianKinerja:
        return self.versions.item(row).data(PK_ROLE)

    def current_pk(self) -> PerjanjianKinerja | None:
        item = self.versions.currentItem()
        return item.data(PK_ROLE) if item is not None else None

    def candidates(self) -> list[Indicator]:
        """What a PK of this party may hold: the Camat's tujuan/sasaran indicators, or
        the unit's program, kegiatan and sub kegiatan indicators."""
        tree = self.plans.plan(self._renstra_id) if self._renstra_id else None
        if tree is None:
            return []
        levels = {n.id: n.level for n in tree.nodes}
        party = self.party()
        if party is None:
            return [i for i in plan_order(tree) if levels.get(i.node_id) in TOP_LEVELS]
        return [
            i
            for i in plan_order(tree)
            if i.unit_id == party and levels.get(i.node_id) not in TOP_LEVELS
        ]

    # -- showing -----------------------------------------------------------------------------
    def _show_version(self) -> None:
        year, pk = self.year(), self.current_pk()
        self._shown = (
            self.year_combo.currentIndex(),
            self.party_combo.currentIndex(),
            self.versions.currentRow(),
        )
        self.error_label.hide()
        if year is None or self._renstra_id is None:
            self.model.clear()
            self.status_label.setText("Belum ada Renstra. Buat rencana di halaman Rencana dulu.")
        elif pk is None:
            self.model.show_pk(None, self._indicators, self.candidates(), year, editable=True)
            self.status_label.setText(
                f"Belum ada Perjanjian Kinerja {year} untuk <b>{self.party_name()}</b>. Rancangan "
                "di bawah diambil dari target Renstra: centang indikatornya, isi rencana aksi "
                "per triwulan, lalu <b>Simpan PK</b>."
            )
        else:
            editable = not pk.digantikan
            cands = self.candidates() if editable else []
            self.model.show_pk(pk, self._indicators, cands, year, editable=editable)
            self.status_label.setText(
                f"<b>{pk.label}</b> — {self.party_name()}. "
                + (
                    "Versi ini sudah digantikan; hanya untuk dilihat."
                    if pk.digantikan
                    else "Berlaku. Ubah target di tabel lalu simpan sebagai <b>PK Perubahan…</b>"
                    " (versi lama tetap tersimpan)."
                )
            )
        self.grid.resizeColumnsToContents()
        self.grid.setColumnWidth(PkTableModel.COL_NAMA, 320)
        self._update_buttons()

    def _update_buttons(self) -> None:
        pk = self.current_pk()
        drafting = pk is None and self.model.rowCount() > 0
        self.save_button.setVisible(pk is None)
        self.save_button.setEnabled(drafting)
        self.change_button.setVisible(pk is not None)
        self.change_button.setEnabled(pk is not None and not pk.digantikan and self.model.dirty)
        self.revert_button.setEnabled(self.model.dirty)

    def _fail(self, exc: KinerjaError) -> None:
        self.error_label.setText(exc.message)
        self.error_label.show()

    # -- saving ------------------------------------------------------------------------------
    def save_new(self) -> None:
        year = self.year()
        if year is None or self._renstra_id is None:
            return
        try:
            pk = PerjanjianKinerja(
                self._renstra_id, year, self.party(), 0, "", self.clock(), self.model.items()
            )
            pk_id = self.plans.save_pk(pk)
        except KinerjaError as exc:
            self._fail(exc)
            return
        self._load_versions(pk_id)
        self._status(f"Perjanjian Kinerja {year} {self.party_name()} disimpan.")

    def save_change(self) -> None:
        old = self.current_pk()
        if old is None or old.id is None:
            return
        try:
            items = self.model.items()
        except KinerjaError as exc:
            self._fail(exc)
            return
        alasan = common.ask_text(
            self, "PK Perubahan", f"Alasan perubahan {old.label} ({self.party_name()}):"
        )
        if alasan is None:
            return
        try:
            new_id = self.plans.pk_perubahan(old.id, items, alasan)
        except KinerjaError as exc:
            self._fail(exc)
            return
        self._load_versions(new_id)
        self._status(f"PK Perubahan disimpan; {old.label} tetap tersimpan sebagai digantikan.")

    def may_leave(self) -> bool:
        if not self.model.dirty:
            return True
        answer = common.ask_unsaved(self, "Perjanjian Kinerja ini")
        if answer == "simpan":
            (self.save_new if self.current_pk() is None else self.save_change)()
            return not self.model.dirty
        if answer == "buang":
            self.model.dirty = False
            return True
        return False

    def on_change(self, entity: str) -> None:
        if entity in self.ENTITIES and not self.model.dirty:
            pk = self.current_pk()
            self.refresh()
            if pk is not None:
                self._load_versions(pk.id)

    def _status(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)
