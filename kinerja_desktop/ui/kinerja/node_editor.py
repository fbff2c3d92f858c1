"""The detail form of a Tujuan, Sasaran, Program, Kegiatan or Sub Kegiatan:
kode, nama, and for Program/Kegiatan/Sub Kegiatan the pagu per year."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.kinerja.plan import PlanNode, Renstra
from kinerja_desktop.core.kinerja.values import number_text

from .common import read_rupiah
from .detail_base import DetailEditor
from .grids import YearGrid

FORM = "kinerja_node_editor"
REQUIRED = {
    "headerLabel": QLabel,
    "levelLabel": QLabel,
    "kodeEdit": QLineEdit,
    "namaEdit": QPlainTextEdit,
    "paguGroup": QGroupBox,
    "paguTable": QTableWidget,
    "contentsLabel": QLabel,
    "errorLabel": QLabel,
    "saveButton": QPushButton,
    "cancelButton": QPushButton,
}


class NodeEditor(DetailEditor):
    """Shows one node; `node()` is the edited copy (ValidationError for bad input)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(FORM, REQUIRED, parent)
        self.kode: QLineEdit = self.part(QLineEdit, "kodeEdit")
        self.nama: QPlainTextEdit = self.part(QPlainTextEdit, "namaEdit")
        self.level_label: QLabel = self.part(QLabel, "levelLabel")
        self.pagu_group: QGroupBox = self.part(QGroupBox, "paguGroup")
        self.pagu = YearGrid(self.part(QTableWidget, "paguTable"))
        self.pagu.edited.connect(self.mark_dirty)
        self.contents: QLabel = self.part(QLabel, "contentsLabel")
        self.watch(self.kode, self.nama)
        self._node: PlanNode | None = None
        self._renstra: Renstra | None = None

    def load(
        self,
        node: PlanNode,
        renstra: Renstra,
        parent: PlanNode | None,
        contents: str = "",
    ) -> None:
        """Show `node` (id None: a new one under `parent`)."""
        self.begin_load()
        self._node, self._renstra = node, renstra
        level = node.level.label
        where = f" di bawah {parent.level.label} {parent.kode}" if parent is not None else ""
        self.header.setText(
            f"<b>{level} baru</b>{where}" if node.id is None else f"<b>{level} {node.kode}</b>"
        )
        self.level_label.setText(level)
        self.kode.setText(node.kode)
        self.nama.setPlainText(node.nama)
        self.pagu_group.setVisible(node.level.has_pagu)
        self.pagu.set_years(renstra.years, "Pagu")
        self.pagu.set_values({y: number_text(v, "") for y, v in node.pagu.items()})
        self.contents.setText(contents)
        self.end_load(node.id is None)

    def node(self) -> PlanNode:
        assert self._node is not None
        pagu: dict[int, float] = {}
        if self._node.level.has_pagu:
            for year, text in self.pagu.values().items():
                value, problem = read_rupiah(text)
                if problem:
                    raise ValidationError(f"Pagu {year}: {problem}")
                if value is not None:
                    pagu[year] = value
        nama = " ".join(self.nama.toPlainText().split())
        return replace(self._node, kode=self.kode.text().strip(), nama=nama, pagu=pagu)
