"""Pengumpulan: the collection rounds, and for the chosen round the status
board, writing the forms to a folder (all units, or one unit again),
importing returned files or a folder, and typing a paper return.

Writing and importing run in the background with progress; the board is
read again whenever the session says rounds or values changed. Keys: Enter
on a board row opens the paper entry of that unit; Ctrl+N starts a round.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.services.entities import (
    DATABASE,
    KINERJA_PLAN,
    KINERJA_ROUND,
    KINERJA_VALUE,
    UNIT,
)
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import WrittenForm
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.operations import TaskControl, run_task
from kinerja_desktop.ui.common.settings import UiSettings

from . import common
from .entry_dialog import EntryDialog
from .import_flow import ImportFlow
from .round_dialog import INDONESIAN, RoundDialog
from .round_models import ID_ROLE, RoundListModel, StatusBoardModel

FORM = "kinerja_pengumpulan"
REQUIRED = {
    "splitter": QSplitter,
    "roundTable": QTableView,
    "newRoundButton": QPushButton,
    "boardTitle": QLabel,
    "writeButton": QPushButton,
    "importButton": QPushButton,
    "importFolderButton": QPushButton,
    "entryButton": QPushButton,
    "summaryLabel": QLabel,
    "dateEdit": QDateEdit,
    "boardTable": QTableView,
    "rewriteButton": QPushButton,
    "unitEntryButton": QPushButton,
    "dropHint": QLabel,
}
FOLDER_KIND = "kinerja"
NO_ROUND = "Belum ada putaran. Mulai dengan <b>Putaran baru…</b>"


def written_text(written: list[WrittenForm], folder: Path) -> str:
    lines = [f"{len(written)} Format Permintaan Data ditulis ke {folder}:"]
    lines += [f"• {w.path.name} ({w.jumlah_indikator} indikator)" for w in written[:20]]
    if len(written) > 20:
        lines.append(f"… dan {len(written) - 20} lainnya.")
    lines.append("Salin folder ini ke flash disk dan bagikan kepada unit.")
    return "\n".join(lines)


class RoundsPage(QWidget):
    """The Pengumpulan page."""

    ENTITIES = frozenset({KINERJA_ROUND, KINERJA_VALUE, KINERJA_PLAN, UNIT, DATABASE})

    def __init__(
        self,
        session: Session,
        settings: UiSettings,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.settings, self.clock = session, settings, clock
        self.rounds = KinerjaRoundService(session, clock)
        self.flow = ImportFlow(self, session, clock)
        form = load_form(FORM, REQUIRED, self)
        QVBoxLayout(self).addWidget(form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.form = form
        self.round_table: QTableView = child(form, QTableView, "roundTable")
        self.board: QTableView = child(form, QTableView, "boardTable")
        self.board_title: QLabel = child(form, QLabel, "boardTitle")
        self.summary: QLabel = child(form, QLabel, "summaryLabel")
        self.date_edit: QDateEdit = child(form, QDateEdit, "dateEdit")
        self.round_model = RoundListModel(self)
        self.board_model = StatusBoardModel(self)
        self._set_up_tables()
        self.date_edit.setLocale(INDONESIAN)
        self.date_edit.calendarWidget().setLocale(INDONESIAN)
        self.date_edit.setDate(common.qdate(clock().date()))
        self.date_edit.dateChanged.connect(lambda _d: self.show_board())
        self.date_edit.setToolTip("Terlambat dihitung terhadap tanggal ini (bawaan: hari ini)")
        self.buttons = {
            name: child(form, QPushButton, name) for name in REQUIRED if name.endswith("Button")
        }
        for name, slot in (
            ("newRoundButton", self.new_round),
            ("writeButton", lambda: self.write_forms(None)),
            ("importButton", self.import_files),
            ("importFolderButton", self.import_folder),
            ("entryButton", lambda: self.paper_entry(None)),
            ("rewriteButton", self.rewrite_unit),
            ("unitEntryButton", lambda: self.paper_entry(self.selected_unit())),
        ):
            self.buttons[name].clicked.connect(slot)
        splitter: QSplitter = child(form, QSplitter, "splitter")
        splitter.setSizes([230, 770])
        splitter.setStretchFactor(1, 1)
        self._add_keys()
        self.tasks: list = []
        self.refresh()

    def _set_up_tables(self) -> None:
        for table, model in ((self.round_table, self.round_model), (self.board, self.board_model)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
        self.round_table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_board())
        self.board.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.board.doubleClicked.connect(lambda _i: self.paper_entry(self.selected_unit()))

    def _add_keys(self) -> None:
        def enter() -> None:
            self.paper_entry(self.selected_unit())

        self._keys = common.KeyActions(
            self.board, {Qt.Key.Key_Return: enter, Qt.Key.Key_Enter: enter}
        )
        new = QAction(self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(self.new_round)
        self.addAction(new)
        self.buttons["newRoundButton"].setToolTip("Putaran baru (Ctrl+N)")
        self.buttons["unitEntryButton"].setToolTip("Entri kertas unit yang dipilih (Enter)")

    # -- reading -----------------------------------------------------------------------------
    def periode(self) -> str | None:
        index = self.round_table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_unit(self) -> int | None:
        index = self.board.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.periode()
        self.round_model.set_rounds(self.rounds.list_rounds())
        row = self.round_model.row_of(keep) if keep else None
        self.round_table.resizeColumnsToContents()
        if row is None and self.round_model.rowCount():
            row = 0
        if row is not None:
            self.round_table.selectionModel().setCurrentIndex(
                self.round_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.show_board()

    def select_round(self, periode: str) -> None:
        self.refresh(select=periode)

    def show_board(self) -> None:
        periode = self.periode()
        keep = self.selected_unit()
        status = None
        if periode:
            try:
                status = self.rounds.status(periode, common.pydate(self.date_edit.date()))
            except KinerjaError as exc:
                self.board_title.setText(escape(exc.message))
        self.board_model.set_status(status)
        if status is None:
            self.board_title.setText(NO_ROUND if not periode else self.board_title.text())
            self.summary.setText("")
        else:
            r = status.round
            deadline = common.tanggal(r.tenggat, "tanpa tenggat")
            self.board_title.setText(
                f"<b>{r.periode.label}</b> ({r.periode.key}) — tenggat {deadline}"
            )
            self.summary.setText(self.board_model.summary())
        self.board.resizeColumnsToContents()
        row = next(
            (
                i
                for i in range(self.board_model.rowCount())
                if self.board_model.unit_at(i).unit_id == keep
            ),
            0 if self.board_model.rowCount() else None,
        )
        if row is not None:
            self.board.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_round = self.periode() is not None
        for name in ("writeButton", "importButton", "importFolderButton", "entryButton"):
            self.buttons[name].setEnabled(has_round)
        unit = self.selected_unit() is not None
        self.buttons["rewriteButton"].setEnabled(has_round and unit)
        self.buttons["unitEntryButton"].setEnabled(has_round and unit)

    # -- actions ---------------------------------------------------------------------------
    def new_round(self) -> None:
        choice = RoundDialog(self, self.clock().date()).ask()
        if choice is None:
            return
        try:
            r = self.rounds.start_round(choice.periode, choice.tenggat)
        except KinerjaError as exc:
            show_error(self, exc, "Putaran tidak dibuat")
            return
        self.refresh(select=r.periode.key)
        self._status(f"Putaran {r.periode.label} siap; tulis formulirnya ke sebuah folder.")

    def _ask_folder(self, title: str) -> Path | None:
        folder = common.ask_folder(self, title, self.settings.last_folder(FOLDER_KIND))
        if folder is not None:
            self.settings.set_last_folder(folder, FOLDER_KIND)
        return folder

    def write_forms(self, unit: int | None = None) -> None:
        periode = self.periode()
        if periode is None:
            return
        title = "Tulis ulang formulir unit ini" if unit else "Tulis formulir ke folder"
        folder = self._ask_folder(title)
        if folder is None:
            return

        def work(control: TaskControl) -> list[WrittenForm]:
            return self.rounds.write_forms(
                periode,
                folder,
                unit=str(unit) if unit is not None else None,
                progress=lambda done, total, _name: control.progress(done, total),
            )

        def done(written: list[WrittenForm]) -> None:
            self._status(f"{len(written)} formulir ditulis ke {folder}.")
            common.inform_with_folder(
                self, "Formulir ditulis", written_text(written, folder), folder
            )

        task = run_task(self, "Menulis formulir…", work, done)
        self.tasks = [t for t in self.tasks if t.running] + [task]

    def rewrite_unit(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self.write_forms(unit)

    def import_files(self) -> None:
        paths = common.ask_open_files(
            self, "Impor formulir yang dikembalikan", self.settings.last_folder(FOLDER_KIND)
        )
        if paths:
            self.settings.set_last_folder(paths[0], FOLDER_KIND)
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = self._ask_folder("Impor semua formulir dalam folder")
        if folder is not None:
            self.import_paths([folder])

    def import_paths(self, paths: list[Path]) -> None:
        """Files and/or folders (also what was dropped on the window)."""
        self.flow.start(paths)

    def paper_entry(self, unit_id: int | None) -> None:
        periode = self.periode()
        if periode is None:
            return
        try:
            dialog = EntryDialog(self, self.session, self.clock, periode, unit_id)
        except KinerjaError as exc:
            show_error(self, exc, "Entri kertas")
            return
        dialog.exec()

    # -- change notices -----------------------------------------------------------------------
    def on_change(self, entity: str) -> None:
        if entity in self.ENTITIES:
            self.refresh()

    def _status(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)

    def current_index(self) -> QModelIndex:
        return self.board.currentIndex()
