"""The steps grid: a spreadsheet-like table of the flowchart's rows.

Keys as a spreadsheet user expects: typing starts editing, F2 edits, Enter
commits and moves down, Tab moves right, Esc cancels the edit, Space ticks a
lane, Delete empties the selected cells. Step operations (insert below with
Ctrl+Enter, delete, move up/down with Ctrl+Shift+Up/Down) are methods the
window binds to its actions. Ctrl+V pastes: a table copied from Excel or Word
becomes new steps below the current row; one line goes into the current cell;
several lines without columns are asked about.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop.table_paste import PasteKind, parse_rows, paste_kind, steps_from_rows

from .delegates import KindDelegate, LaneCheckDelegate, LiveTextDelegate, TargetDelegate
from .prompts import EditorPrompts
from .steps_model import COL_URAIAN, STEP_ID_ROLE, StepsTableModel

WIDTHS = {
    "no": 38,
    "uraian": 260,
    "jenis": 92,
    "kelengkapan": 130,
    "waktu": 84,
    "output": 130,
    "keterangan": 110,
    "label1": 74,
    "tujuan1": 104,
    "label2": 74,
    "tujuan2": 104,
}
LANE_WIDTH = 74
MAX_LINES = 5
TEXT_KEYS = ("uraian", "kelengkapan", "waktu", "output", "keterangan", "label1", "label2")
WRAPPED = ("uraian", "kelengkapan", "output", "keterangan")


class StepsGrid(QTableView):
    """The table of steps of one editor window."""

    current_step_changed = Signal(object)  # step id or None
    lane_header_activated = Signal(str)  # lane id (double-click on its column)
    current_lane_changed = Signal(str)  # lane id, when the current cell moves into its column
    message = Signal(str)  # for the status bar

    def __init__(
        self, model: StepsTableModel, prompts: EditorPrompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepsGrid")
        self.prompts = prompts
        self.steps = model
        self.setModel(model)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().sectionDoubleClicked.connect(self._header_double_clicked)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._text = LiveTextDelegate(model, self.move_down, self.paste_at, self)
        self._kind = KindDelegate(self)
        self._target = TargetDelegate(self)
        self._lane = LaneCheckDelegate(self)
        model.modelReset.connect(self._columns_changed)
        model.dataChanged.connect(self._rows_changed)
        model.refused.connect(self.message)
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.selectionModel().currentColumnChanged.connect(self._current_column_changed)
        self._columns_changed()

    # -- layout of the table ---------------------------------------------------------
    def _columns_changed(self) -> None:
        for col, key in enumerate(self.steps.columns()):
            if key in TEXT_KEYS:
                self.setItemDelegateForColumn(col, self._text)
            elif key == "jenis":
                self.setItemDelegateForColumn(col, self._kind)
            elif key.startswith("tujuan"):
                self.setItemDelegateForColumn(col, self._target)
            elif key.startswith("lane:"):
                self.setItemDelegateForColumn(col, self._lane)
            else:
                self.setItemDelegateForColumn(col, None)
            self.setColumnWidth(col, WIDTHS.get(key) or self._lane_width(col))
        self.fit_rows(range(self.steps.rowCount()))

    def _lane_width(self, column: int) -> int:
        """Wide enough for the longest line of the lane's wrapped name."""
        metrics = QFontMetrics(self.horizontalHeader().font())
        name = str(self.steps.headerData(column, Qt.Orientation.Horizontal, 0) or "")
        widest = max((metrics.horizontalAdvance(line) for line in name.splitlines()), default=0)
        return max(LANE_WIDTH, min(widest + 14, 2 * LANE_WIDTH))

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, _roles=()) -> None:
        self.fit_rows(range(top.row(), bottom.row() + 1))

    def fit_rows(self, rows) -> None:
        """Each row as tall as its longest wrapped text (cheaper than asking every cell)."""
        metrics = QFontMetrics(self.font())
        columns = [
            (c, self.columnWidth(c) - 8) for c, k in enumerate(self.steps.columns()) if k in WRAPPED
        ]
        minimum = metrics.height() + 8
        maximum = metrics.height() * MAX_LINES + 8  # longer texts: the tooltip and the editor
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in rows:
            tallest = minimum
            for col, width in columns:
                text = self.steps.data(self.steps.index(row, col)) or ""
                if text:
                    box = metrics.boundingRect(QRect(0, 0, max(width, 20), 100000), flags, text)
                    tallest = max(tallest, box.height() + 8)
            self.setRowHeight(row, min(tallest, maximum))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_step_changed.emit(current.data(STEP_ID_ROLE) if current.isValid() else None)

    def _current_column_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.steps.key(current.column()) if current.isValid() else ""
        if key.startswith("lane:"):
            self.current_lane_changed.emit(key[5:])

    def _header_double_clicked(self, section: int) -> None:
        key = self.steps.key(section)
        if key.startswith("lane:"):
            self.lane_header_activated.emit(key[5:])

    # -- moving around -----------------------------------------------------------------
    def current_step_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(STEP_ID_ROLE) if index.isValid() else None

    def selected_step_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.steps.step_at(r).id for r in rows if r < self.steps.rowCount()]

    def select_step(self, step_id: str | None, column: int | None = None) -> None:
        row = self.steps.row_of(step_id) if step_id else None
        if row is None:
            return
        col = self.currentIndex().column() if column is None else column
        index = self.steps.index(row, max(col, COL_URAIAN))
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def select_rows(self, first: int, count: int) -> None:
        column = max(self.currentIndex().column(), COL_URAIAN)
        self.setCurrentIndex(self.steps.index(first, column))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(first, first + count):
            self.selectionModel().select(self.steps.index(row, 0), flags)

    def move_down(self) -> None:
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.steps.rowCount():
            self.setCurrentIndex(index.siblingAtRow(index.row() + 1))

    # -- keys ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_at(self.currentIndex())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.clear_cells()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        if enter and self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
            return
        super().keyPressEvent(event)

    # -- editing ------------------------------------------------------------------------
    def clear_cells(self) -> None:
        cells = [
            i
            for i in self.selectionModel().selectedIndexes()
            if self.steps.key(i.column()) in TEXT_KEYS
        ]
        if not cells:
            return
        stack = self.steps.editor.stack
        stack.beginMacro("Kosongkan sel")
        for index in cells:
            self.steps.edit_cell(index, "")
        stack.endMacro()

    def copy_selection(self) -> None:
        indexes = sorted(
            self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column())
        )
        if not indexes:
            return
        rows: dict[int, list[str]] = {}
        for index in indexes:
            text = index.data(Qt.ItemDataRole.EditRole)
            if self.steps.key(index.column()).startswith("lane:"):
                text = (
                    "x"
                    if index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                    else ""
                )
            rows.setdefault(index.row(), []).append(str(text or "").replace("\t", " "))
        QGuiApplication.clipboard().setText(
            "\r\n".join("\t".join(r) for r in rows.values()) + "\r\n"
        )

    def paste_at(self, index: QModelIndex) -> None:
        """Paste the clipboard at `index` (see the module docstring)."""
        text = QGuiApplication.clipboard().text()
        kind = paste_kind(text)
        if not text.strip():
            return
        if kind is PasteKind.LINES:
            answer = self.prompts.paste_lines(len(parse_rows(text)))
            if answer is None:
                return
            kind = PasteKind.TABLE if answer == "rows" else PasteKind.CELL
        if kind is PasteKind.CELL:
            self._paste_into_cell(index, text)
        else:
            self._paste_rows(index, parse_rows(text))

    def _paste_into_cell(self, index: QModelIndex, text: str) -> None:
        if not index.isValid() or self.steps.key(index.column()) not in TEXT_KEYS:
            self.message.emit(
                "Pilih sel teks (mis. Uraian) untuk menempel teks; tidak ada yang diubah."
            )
            return
        self.steps.edit_cell(index, text.strip("\r\n"))

    def _paste_rows(self, index: QModelIndex, rows: list[list[str]]) -> None:
        doc = self.steps.doc
        column = index.column() if index.isValid() else COL_URAIAN
        at = index.row() + 1 if index.isValid() else len(doc.steps)
        result = steps_from_rows(doc, rows, self.steps.columns()[column:], at)
        if not result.steps:
            self.message.emit("Tidak ada baris untuk ditempel.")
            return
        n = len(result.steps)
        if self.steps.editor.edit(ed.InsertSteps(at, tuple(result.steps)), f"Tempel {n} langkah"):
            self.select_rows(at, n)
            self.message.emit(f"{n} langkah baru dari teks yang ditempel (Ctrl+Z membatalkan).")
            if result.notes:
                self.prompts.info("Tempel langkah", f"{n} langkah ditambahkan.", result.notes)

    # -- step operations ------------------------------------------------------------------
    def insert_step(self, below: bool = True) -> None:
        doc = self.steps.doc
        index = self.currentIndex()
        at = (index.row() + (1 if below else 0)) if index.isValid() else len(doc.steps)
        step = ed.new_step(doc, at)
        if self.steps.editor.edit(ed.InsertSteps(at, (step,)), f"Sisipkan langkah {at + 1}"):
            self.select_step(step.id, COL_URAIAN)
            self.edit(self.currentIndex())

    def delete_steps(self) -> None:
        ids = self.selected_step_ids()
        if not ids:
            return
        numbers = ", ".join(str(self.steps.row_of(i) + 1) for i in ids)
        label = f"Hapus langkah {numbers}"
        if self._with_retarget(ed.RemoveSteps(tuple(ids)), label):
            self.message.emit(f"Langkah {numbers} dihapus (Ctrl+Z membatalkan).")

    def move_steps(self, delta: int) -> None:
        ids = self.selected_step_ids()
        op = ed.move_by(self.steps.doc, ids, delta) if ids else None
        if op is None:
            return
        column = self.currentIndex().column()
        word = "ke atas" if delta < 0 else "ke bawah"
        if self._with_retarget(op, f"Pindahkan langkah {word}"):
            self.select_rows(op.to_index, len(op.step_ids))
            self.setCurrentIndex(self.steps.index(op.to_index, column))

    def _with_retarget(self, op: ed.RemoveSteps | ed.MoveSteps, label: str) -> bool:
        """Apply a remove or move, asking where exits it would break should lead."""
        try:
            return self.steps.editor.edit(op, label)
        except ed.BrokenExitsError as exc:
            choice = self.prompts.retarget(exc.after, exc.broken)
            if choice is None:
                self.message.emit("Dibatalkan; tidak ada yang diubah.")
                return False
            try:
                return self.steps.editor.edit(replace(op, retarget=choice), label)
            except ed.EditError as again:
                self.message.emit(again.message)
                return False
