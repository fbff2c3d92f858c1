"""The steps grid as a table model, laid out like the paper flowchart.

Columns: No · Uraian · Jenis · one checkbox column per lane (Pelaksana) ·
Kelengkapan · Waktu · Output · Keterangan · and for a decision its two exits
(Cabang = label, Tujuan = the step it leads to). Every change goes through
`EditorDocument.edit` as a `core.sop.edits` op, so the model itself holds no
state but the document it mirrors; it follows `EditorDocument.changed` (rows
whose step changed repaint; a change of lanes or step order resets the model).
An edit the document refuses is reported through `refused(message)`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.core.sop import SopDocument, Step, StepKind
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop.table_paste import MARK_NO, parse_kind

from .document import EditorDocument

COL_NO, COL_URAIAN, COL_JENIS = 0, 1, 2
HEAD = ("no", "uraian", "jenis")
TAIL = ("kelengkapan", "waktu", "output", "keterangan", "label1", "tujuan1", "label2", "tujuan2")
HEADERS = {
    "no": "No",
    "uraian": "Uraian Prosedur (Kegiatan)",
    "jenis": "Jenis",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
    "label1": "Cabang 1",
    "tujuan1": "Tujuan 1",
    "label2": "Cabang 2",
    "tujuan2": "Tujuan 2",
}
KIND_ORDER = (StepKind.MULAI, StepKind.PROSES, StepKind.KEPUTUSAN, StepKind.SELESAI)
STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2  # setData: a step id (or None) for a Tujuan cell
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the column key of a cell
GUESSED = QColor("#fff3c4")
NOT_APPLICABLE = QColor("#eeeeee")
PROBLEM = QColor("#c0392b")
_ITEM = Qt.ItemFlag


def target_text(doc: SopDocument, index: int, target: str | None) -> str:
    """How a Tujuan cell reads: the step number, or "berikutnya (n)"."""
    if target is None:
        return f"berikutnya ({index + 2})" if index + 1 < len(doc.steps) else "— (tidak ada)"
    try:
        return str(doc.step_number(target))
    except ValueError:
        return "? (tidak ada)"


class StepsTableModel(QAbstractTableModel):
    """The steps of the edited document, one row each."""

    refused = Signal(str)

    def __init__(self, editor: EditorDocument, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._keys = self._column_keys(editor.document)
        editor.changed.connect(self._document_changed)

    # -- columns -------------------------------------------------------------------
    @staticmethod
    def _column_keys(doc: SopDocument) -> list[str]:
        return [*HEAD, *(f"lane:{lane.id}" for lane in doc.lanes), *TAIL]

    def columns(self) -> list[str]:
        return list(self._keys)

    def column_of(self, key: str) -> int:
        return self._keys.index(key)

    def key(self, column: int) -> str:
        return self._keys[column]

    @property
    def doc(self) -> SopDocument:
        return self.editor.document

    def step_at(self, row: int) -> Step:
        return self.doc.steps[row]

    def row_of(self, step_id: str) -> int | None:
        for i, step in enumerate(self.doc.steps):
            if step.id == step_id:
                return i
        return None

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.steps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._keys):
            return None
        key = self._keys[section]
        if key.startswith("lane:"):
            lane = self.doc.lane_by_id().get(key[5:])
            name = lane.nama if lane else "?"
            if role == Qt.ItemDataRole.DisplayRole:
                return "\n".join(textwrap.wrap(name, 12, break_long_words=False)) or "(tanpa nama)"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Pelaksana: {name}\nKlik dua kali untuk mengganti nama."
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[key]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _ITEM.NoItemFlags
        base = _ITEM.ItemIsEnabled | _ITEM.ItemIsSelectable
        key = self._keys[index.column()]
        if key == "no" or self.editor.read_only:
            return base
        if key.startswith("lane:"):
            return base | _ITEM.ItemIsUserCheckable
        if key[-1] in "12" and not self.step_at(index.row()).is_decision:
            return base
        return base | _ITEM.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        step, key = self.step_at(index.row()), self._keys[index.column()]
        if role == STEP_ID_ROLE:
            return step.id
        if role == KEY_ROLE:
            return key
        if key.startswith("lane:"):
            return self._lane_data(step, key[5:], role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), step, key, role == Qt.ItemDataRole.EditRole)
        return self._look(index.row(), step, key, role)

    def _look(self, row: int, step: Step, key: str, role: int) -> Any:
        """Tooltip, colours and alignment of a text cell."""
        if role == Qt.ItemDataRole.ToolTipRole and key in ("uraian", "kelengkapan", "output"):
            return self._text(row, step, key, True) or None
        if role == Qt.ItemDataRole.BackgroundRole and key[-1] in "12" and not step.is_decision:
            return QBrush(NOT_APPLICABLE)
        if role == Qt.ItemDataRole.ForegroundRole and key.startswith("tujuan"):
            return self._target_color(row, step, int(key[-1]) - 1)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("no", "jenis"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _lane_data(self, step: Step, lane_id: str, role: int) -> Any:
        ticked = lane_id in step.pelaksana
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and ticked and step.pelaksana_ditebak:
            return QBrush(GUESSED)
        if role == Qt.ItemDataRole.ToolTipRole and step.pelaksana_ditebak:
            return "Pelaksana ini ditebak dari uraian; centang ulang untuk memastikan."
        return None

    def _text(self, row: int, step: Step, key: str, edit: bool) -> str:
        plain = {
            "no": lambda: str(row + 1),
            "uraian": lambda: step.uraian,
            "jenis": lambda: step.jenis.label,
            "keterangan": lambda: step.keterangan,
            "kelengkapan": lambda: step.mutu_baku.kelengkapan,
            "waktu": lambda: step.mutu_baku.waktu,
            "output": lambda: step.mutu_baku.output,
        }.get(key)
        if plain is not None:
            return plain()
        k = int(key[-1]) - 1
        if not step.is_decision or k >= len(step.exits):
            return ""
        if key.startswith("label"):
            return step.exits[k].label
        target = step.exits[k].target
        if edit:
            return "" if target is None else target_text(self.doc, row, target).split()[0]
        return target_text(self.doc, row, target)

    def _target_color(self, row: int, step: Step, k: int) -> QBrush | None:
        if not step.is_decision or k >= len(step.exits):
            return None
        ok = ed.exit_ok(self.doc, row, step.exits[k].target)
        return None if ok else QBrush(PROBLEM)

    # -- editing ---------------------------------------------------------------------
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        return self.edit_cell(index, value, role)

    def edit_cell(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
        merge_key: Hashable | None = None,
    ) -> bool:
        """Turn a cell edit into an op on the document; False when nothing changed."""
        if not index.isValid():
            return False
        row, key = index.row(), self._keys[index.column()]
        try:
            made = self._op_for(self.step_at(row), key, value, role)
            if made is None:
                return False
            op, text = made
            return self.editor.edit(op, f"{text} langkah {row + 1}", merge_key)
        except ed.EditError as exc:
            self.refused.emit(exc.message)
            return False

    def _op_for(self, step: Step, key: str, value: Any, role: int) -> tuple[ed.Op, str] | None:
        if key in ed.STEP_TEXT_FIELDS:
            return ed.SetStepText(
                step.id, key, str(value)
            ), f"Ubah {HEADERS[key].split()[0].lower()}"
        if key == "jenis":
            kind = value if isinstance(value, StepKind) else parse_kind(str(value))
            if kind is None:
                raise ed.EditError(
                    f"Jenis “{value}” tidak dikenal: Mulai, Proses, Keputusan, Selesai."
                )
            return ed.SetStepKind(step.id, kind), "Ubah jenis"
        if key.startswith("lane:"):
            lane_id = key[5:]
            if role == Qt.ItemDataRole.CheckStateRole:
                wanted = Qt.CheckState(value) == Qt.CheckState.Checked
            else:
                wanted = str(value).strip().lower() not in MARK_NO
            lanes = [lid for lid in step.pelaksana if lid != lane_id] + (
                [lane_id] if wanted else []
            )
            return ed.SetStepLanes(step.id, tuple(lanes)), "Ubah pelaksana"
        if key.startswith("label"):
            return ed.SetExit(step.id, int(key[-1]) - 1, label=str(value)), "Ubah cabang"
        if key.startswith("tujuan"):
            target = value if role == TARGET_ROLE else self._target_of(str(value))
            return ed.SetExit(step.id, int(key[-1]) - 1, target=target), "Ubah tujuan cabang"
        return None

    def _target_of(self, text: str) -> str | None:
        words = text.strip().lower()
        if not words or words.startswith("berikut"):
            return None
        number = words.split()[0].lstrip("→").strip()
        if not number.isdigit() or not 1 <= int(number) <= len(self.doc.steps):
            raise ed.EditError(f"Tujuan “{text}” bukan nomor langkah yang ada.")
        return self.doc.steps[int(number) - 1].id

    # -- following the document ----------------------------------------------------------
    def _document_changed(self, old: SopDocument, new: SopDocument, _hint: object) -> None:
        keys = self._column_keys(new)
        same_rows = [s.id for s in old.steps] == [s.id for s in new.steps]
        if keys != self._keys or not same_rows:
            self.beginResetModel()
            self._keys = keys
            self.endResetModel()
            return
        if [ln.nama for ln in old.lanes] != [ln.nama for ln in new.lanes]:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(keys) - 1)
        last = len(keys) - 1
        for row, (a, b) in enumerate(zip(old.steps, new.steps, strict=True)):
            if a is not b:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
