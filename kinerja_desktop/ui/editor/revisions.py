"""The revision history of an SOP: every revision, opened read-only, compared, printed.

One row per revision (Revisi, Tanggal, Status — Draf, Berlaku, Digantikan,
Dicabut — and the note). "Buka" shows a revision in an editor window that
cannot change it; "Bandingkan" puts two revisions side by side (the two
selected, or the selected one and the one before it); "Cetak" opens the print
preview of that revision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_editing import EditableSop, SopEditingService
from kinerja_desktop.services.sop_types import RevisionInfo

from .prompts import fit_to_screen

HEADERS = ("Revisi", "Tanggal", "Status", "Catatan", "Disimpan")
REVISION_ROLE = Qt.ItemDataRole.UserRole + 1


class RevisionsDialog(QDialog):
    """The history of one SOP."""

    def __init__(self, session: Session, sop_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.sop_id = session, sop_id
        self.service = SopEditingService(session)
        self.opened: list[QWidget] = []
        self.setWindowTitle("Riwayat revisi")
        fit_to_screen(self, 760, 380)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("revisionsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(lambda _i: self.open_selected())
        buttons = QHBoxLayout()
        self.open_button = self._button("&Buka (hanya baca)", self.open_selected, buttons)
        self.compare_button = self._button("Ban&dingkan…", self.compare_selected, buttons)
        self.print_button = self._button("&Cetak…", self.print_selected, buttons)
        buttons.addStretch(1)
        self._button("&Tutup", self.close, buttons)
        self.hint = QLabel(
            "Pilih dua revisi (Ctrl+klik) untuk membandingkan keduanya; satu revisi "
            "dibandingkan dengan revisi sebelumnya.",
            self,
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.refresh()

    def _button(self, text: str, slot, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _c=False: slot())
        layout.addWidget(button)
        return button

    def refresh(self) -> None:
        history = self.service.history(self.sop_id)
        latest = self.service.revision(self.sop_id, history[-1].revisi_ke) if history else None
        if latest is not None:
            name = " — ".join(p for p in (latest.nomor, latest.judul) if p.strip())
            self.heading.setText(f"<b>{name}</b>: {len(history)} revisi")
        self.table.setRowCount(len(history))
        for row, info in enumerate(history):
            cells = (
                f"ke-{info.revisi_ke}",
                format_tanggal(info.tanggal),
                "Berlaku — dipakai sekarang" if info.berlaku else info.label,
                info.catatan,
                info.dibuat.strftime("%d-%m-%Y %H:%M"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(REVISION_ROLE, info.revisi_ke)
                self.table.setItem(row, col, item)
        if history:
            self.table.selectRow(len(history) - 1)
        self._history = history

    def selected(self) -> list[RevisionInfo]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self._history[r] for r in rows]

    def open_selected(self) -> QWidget | None:
        chosen = self.selected()
        if not chosen:
            return None
        return self.open_revision(chosen[-1].revisi_ke)

    def open_revision(self, revisi_ke: int) -> QWidget:
        from .window import EditorWindow  # noqa: PLC0415 (the window imports this module)

        doc = self.service.revision(self.sop_id, revisi_ke)
        base = self.service.open(self.sop_id)
        opened = EditableSop(
            self.sop_id,
            doc,
            None,
            base.other_nomors,
            base.jam_kerja_per_hari,
            base.staff,
            base.units,
        )
        window = EditorWindow(
            self.session,
            opened,
            self.parent(),
            read_only=True,
            caption=f"revisi ke-{revisi_ke} (hanya baca)",
        )
        window.show()
        self.opened.append(window)
        return window

    def compare_pair(self) -> tuple[int, int] | None:
        """The two revisions to compare (older, newer), from the selection."""
        chosen = self.selected()
        if len(chosen) >= 2:
            return chosen[0].revisi_ke, chosen[-1].revisi_ke
        if len(chosen) == 1:
            numbers = [r.revisi_ke for r in self._history]
            at = numbers.index(chosen[0].revisi_ke)
            if at > 0:
                return numbers[at - 1], numbers[at]
        return None

    def compare_selected(self) -> QWidget | None:
        pair = self.compare_pair()
        if pair is None:
            self.hint.setText("<b>Untuk membandingkan, pilih dua revisi (Ctrl+klik).</b>")
            return None
        from .compare import CompareDialog  # noqa: PLC0415

        old, new = (self.service.revision(self.sop_id, n) for n in pair)
        owner = self.parent() or self
        dialog = CompareDialog(old, new, f"Revisi ke-{pair[0]}", f"Revisi ke-{pair[1]}", owner)
        dialog.show()
        self.opened.append(dialog)
        return dialog

    def print_selected(self) -> QWidget | None:
        chosen = self.selected()
        if not chosen:
            return None
        from .print_preview import PrintPreviewDialog  # noqa: PLC0415

        number = chosen[-1].revisi_ke
        doc = self.service.revision(self.sop_id, number)
        owner = self.parent() or self
        caption = f"revisi ke-{number}"
        dialog = PrintPreviewDialog(self.session, doc, self.sop_id, owner, caption=caption)
        dialog.show()
        self.opened.append(dialog)
        return dialog
