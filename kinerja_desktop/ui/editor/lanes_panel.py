"""The Pelaksana (lanes) of the edited SOP: add, rename, reorder, remove.

The lane to act on is picked in a list (or by moving into its column in the
grid); the lanes are the grid's lane columns, left to right.
New lanes are offered from the jabatan of the office's staff (or typed). A lane
still used by steps asks what to do with them: hand them to another lane, or
take the lane off them. Every change is one undoable op.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from kinerja_desktop.core.office import Staff
from kinerja_desktop.core.sop import Lane, SopDocument
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop import edits_identity as ei

from .document import EditorDocument
from .prompts import EditorPrompts


def jabatan_names(staff: tuple[Staff, ...]) -> list[str]:
    """The distinct jabatan of the staff, in the order first met."""
    return list(dict.fromkeys(s.jabatan.strip() for s in staff if s.jabatan.strip()))


class LanesPanel(QWidget):
    """A strip above the grid: Pelaksana [2. Sekretaris ▾] Ganti nama ◀ ▶ Hapus + Tambah."""

    def __init__(
        self,
        editor: EditorDocument,
        prompts: EditorPrompts,
        staff: tuple[Staff, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lanesPanel")
        self.editor, self.prompts = editor, prompts
        self.jabatan = jabatan_names(staff)
        self.combo = QComboBox(self)
        self.combo.setObjectName("lanesCombo")
        self.combo.setAccessibleName("Pelaksana terpilih")
        self.combo.setToolTip("Pelaksana (kolom) yang diubah oleh tombol di sampingnya")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(22)
        self._build_buttons()
        self._shown: list[tuple[str, str]] | None = None
        editor.changed.connect(lambda _o, new, _h: self.sync(new))
        self.sync(editor.document)

    def _build_buttons(self) -> None:
        self.add_button = QToolButton(self)
        self.add_button.setText("+ Tambah pelaksana")
        self.add_button.setToolTip(
            "Tambah kolom pelaksana (dari daftar jabatan pegawai, atau ketik)"
        )
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(self.add_menu)
        label = QLabel("&Pelaksana:", self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.buttons: list[QToolButton] = [self.add_button]
        for text, tip, slot in (
            (
                "Ganti nama…",
                "Ganti nama pelaksana terpilih (atau klik dua kali judul kolomnya)",
                self.rename_current,
            ),
            ("◀", "Geser pelaksana terpilih ke kiri", lambda: self.move_current(-1)),
            ("▶", "Geser pelaksana terpilih ke kanan", lambda: self.move_current(1)),
            ("Hapus", "Hapus pelaksana terpilih", self.remove_current),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addWidget(self.add_button)
        layout.addStretch(1)

    def set_read_only(self) -> None:
        for button in self.buttons:
            button.setEnabled(False)

    # -- showing -------------------------------------------------------------------------
    def sync(self, doc: SopDocument) -> None:
        shown = [(lane.id, lane.nama) for lane in doc.lanes]
        if shown == self._shown:
            return
        current = self.current_lane_id()
        self.combo.blockSignals(True)
        self.combo.clear()
        for n, (lane_id, nama) in enumerate(shown, 1):
            self.combo.addItem(f"{n}. {nama or '(tanpa nama)'}", lane_id)
        self.combo.blockSignals(False)
        self._shown = shown
        if current is not None:
            self.select_lane(current)
        if not shown:
            self.combo.addItem("(belum ada; tambah pelaksana →)", None)

    def current_lane_id(self) -> str | None:
        return self.combo.currentData()

    def select_lane(self, lane_id: str) -> None:
        index = self.combo.findData(lane_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    # -- editing -------------------------------------------------------------------------
    def _edit(self, op: ed.Op, text: str) -> bool:
        try:
            return self.editor.edit(op, text)
        except ed.EditError as exc:
            self.prompts.info("Pelaksana", exc.message)
            return False

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        have = {lane.nama.strip().casefold() for lane in self.editor.document.lanes}
        for name in self.jabatan:
            if name.casefold() not in have:
                action = QAction(name, self.add_menu)
                action.triggered.connect(lambda _c=False, n=name: self.add_lane(n))
                self.add_menu.addAction(action)
        if self.add_menu.actions():
            self.add_menu.addSeparator()
        typed = QAction("Ketik nama pelaksana…", self.add_menu)
        typed.triggered.connect(lambda: self.add_lane(None))
        self.add_menu.addAction(typed)

    def add_lane(self, name: str | None) -> None:
        if name is None:
            name = self.prompts.text(
                "Tambah pelaksana", "Nama pelaksana (jabatan):", "", self.jabatan
            )
        if not name:
            return
        doc = self.editor.document
        current = self.current_lane_id()
        at = doc.lane_index(current) + 1 if current else len(doc.lanes)
        lane = Lane(nama=name)
        if self._edit(ei.AddLane(at, lane), f"Tambah pelaksana {name}"):
            self.select_lane(lane.id)

    def rename_current(self) -> None:
        if self.current_lane_id():
            self.rename_lane(self.current_lane_id())

    def rename_lane(self, lane_id: str) -> None:
        lane = self.editor.document.lane_by_id().get(lane_id)
        if lane is None:
            return
        name = self.prompts.text(
            "Ganti nama pelaksana", "Nama pelaksana (jabatan):", lane.nama, self.jabatan
        )
        if name:
            self._edit(ei.RenameLane(lane_id, name), f"Ganti nama pelaksana {lane.nama}")

    def move_current(self, delta: int) -> None:
        lane_id = self.current_lane_id()
        if lane_id is None:
            return
        to = self.editor.document.lane_index(lane_id) + delta
        if 0 <= to < len(self.editor.document.lanes):
            self._edit(ei.MoveLane(lane_id, to), "Geser pelaksana")
            self.select_lane(lane_id)

    def remove_current(self) -> None:
        lane_id = self.current_lane_id()
        if lane_id is not None:
            self.remove_lane(lane_id)

    def remove_lane(self, lane_id: str) -> None:
        doc = self.editor.document
        lane = doc.lane_by_id()[lane_id]
        used = len(ei.lane_use(doc, lane_id))
        move_to = None
        if used:
            answer = self.prompts.lane_removal(doc, lane, used)
            if answer is None:
                return
            move_to = answer[1]
        self._edit(ei.RemoveLane(lane_id, move_to), f"Hapus pelaksana {lane.nama}")
