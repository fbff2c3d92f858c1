"""The Pemeriksa SOP panel of the editor: findings with severity, keyed by step id.

The checker numbers steps; the panel keeps the step's id instead, so a finding
follows its step when steps are inserted or moved (the number shown is the
step's number now). Double-click (or Enter) on a finding goes to the step or
the identity field it is about (`activated(step_id, code)`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.checker import Finding, Severity, check_sop, summarize

COLORS = {Severity.KESALAHAN: "#b03a2e", Severity.PERINGATAN: "#9a6700", Severity.SARAN: "#2e6f9e"}
SYMBOLS = {Severity.KESALAHAN: "●", Severity.PERINGATAN: "▲", Severity.SARAN: "○"}
DATA_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class StepFinding:
    """A finding with the id of its step (None: about the whole SOP)."""

    finding: Finding
    step_id: str | None


def check_with_ids(
    doc: SopDocument, other_nomors: Collection[str], jam_kerja_per_hari: float
) -> list[StepFinding]:
    """The checker's findings on `doc`, each keyed by the id of its step."""
    findings = check_sop(doc, other_nomors=other_nomors, jam_kerja_per_hari=jam_kerja_per_hari)
    ids = [s.id for s in doc.steps]
    return [
        StepFinding(f, ids[f.step - 1] if f.step and 0 < f.step <= len(ids) else None)
        for f in findings
    ]


class CheckerPanel(QWidget):
    """Findings of the document being edited."""

    activated = Signal(object, str)  # step id (or None), finding code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkerPanel")
        self.summary = QLabel("Memeriksa…", self)
        self.summary.setObjectName("checkerSummary")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checkerFindings")
        self.tree.setAccessibleName("Temuan Pemeriksa SOP")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Tingkat", "Langkah", "Temuan"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.findings: list[StepFinding] = []

    def show_findings(self, found: Sequence[StepFinding], doc: SopDocument) -> None:
        self.findings = list(found)
        self.tree.clear()
        for item in found:
            f = item.finding
            row = QTreeWidgetItem([f"{SYMBOLS[f.severity]} {f.severity.label}", "", f.message])
            row.setData(0, DATA_ROLE, item)
            row.setForeground(0, QBrush(QColor(COLORS[f.severity])))
            row.setToolTip(2, f"{f.message}\n(kode: {f.code}) — klik dua kali untuk menuju ke sana")
            self.tree.addTopLevelItem(row)
        self.renumber(doc)
        text = summarize(f.finding for f in found)
        self.summary.setText(
            f"{text} — klik dua kali sebuah temuan untuk menuju ke langkah atau isiannya."
            if found
            else "Tidak ada temuan: SOP ini memenuhi aturan Pemeriksa SOP."
        )

    def renumber(self, doc: SopDocument) -> None:
        """Show each finding's step by its number in `doc` (steps may have moved)."""
        numbers = {s.id: i + 1 for i, s in enumerate(doc.steps)}
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            found: StepFinding = row.data(0, DATA_ROLE)
            n = numbers.get(found.step_id) if found.step_id else None
            row.setText(1, str(n) if n else ("—" if found.step_id is None else "dihapus"))

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        found: StepFinding = row.data(0, DATA_ROLE)
        self.activated.emit(found.step_id, found.finding.code)
