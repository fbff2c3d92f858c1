"""The Renstra plan as a tree model (no widgets; tested on its own).

Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan, each node's indicators
listed first under it (as the Renstra tables print them), then its child
nodes, both in their `urutan`. Every row knows what it shows: `KIND_ROLE`
("simpul" or "indikator") and `ID_ROLE` (the record id), so the page can
select a record again after a reload (`index_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from kinerja_desktop.core.kinerja.plan import Indicator, PlanNode
from kinerja_desktop.services.kinerja_types import PlanTree

from .table_heads import Headed

NODE, INDICATOR = "simpul", "indikator"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
INDICATOR_COLOUR = QColor("#2b5797")


@dataclass(eq=False)
class _Item:
    kind: str
    record: Any  # PlanNode | Indicator; None for the invisible root
    parent: _Item | None
    children: list[_Item] = field(default_factory=list)

    def row(self) -> int:
        siblings = self.parent.children if self.parent is not None else []
        return siblings.index(self)


def plan_order(tree: PlanTree) -> list[Indicator]:
    """The indicators as the tree shows them (depth first, each node's own first)."""
    kids: dict[int | None, list[PlanNode]] = {}
    for n in sorted(tree.nodes, key=lambda x: (x.urutan, x.kode)):
        kids.setdefault(n.parent_id, []).append(n)
    own: dict[int | None, list[Indicator]] = {}
    for ind in sorted(tree.indicators, key=lambda x: (x.urutan, x.kode)):
        own.setdefault(ind.node_id, []).append(ind)
    ordered: list[Indicator] = []

    def walk(parent_id: int | None) -> None:
        for node in kids.get(parent_id, []):
            ordered.extend(own.get(node.id, []))
            walk(node.id)

    walk(None)
    return ordered


class PlanTreeModel(Headed, QAbstractItemModel):
    """Kode, Nama, Tingkat (or what the indicator is), Penanggung jawab."""

    headers = ("Kode", "Nama", "Tingkat / jenis", "Penanggung jawab")
    COL_KODE, COL_NAMA, COL_JENIS, COL_UNIT = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = _Item(NODE, None, None)
        self._by_key: dict[tuple[str, int | None], _Item] = {}
        self._units: dict[int | None, str] = {}
        self.tree: PlanTree | None = None

    # -- filling ----------------------------------------------------------------------
    def set_tree(self, tree: PlanTree | None, units: dict[int | None, str] | None = None) -> None:
        self.beginResetModel()
        self.tree = tree
        self._units = dict(units or {})
        self._root.children = []
        self._by_key = {}
        if tree is not None:
            self._build(tree)
        self.endResetModel()

    def _build(self, tree: PlanTree) -> None:
        nodes = {n.id: _Item(NODE, n, None) for n in tree.nodes}
        for n in sorted(tree.nodes, key=lambda x: (x.urutan, x.kode)):
            item = nodes[n.id]
            item.parent = nodes.get(n.parent_id, self._root)
            self._by_key[(NODE, n.id)] = item
        for ind in sorted(tree.indicators, key=lambda x: (x.urutan, x.kode)):
            parent = nodes.get(ind.node_id)
            if parent is None:
                continue
            item = _Item(INDICATOR, ind, parent)
            parent.children.append(item)
            self._by_key[(INDICATOR, ind.id)] = item
        for n in sorted(tree.nodes, key=lambda x: (x.urutan, x.kode)):
            item = nodes[n.id]
            assert item.parent is not None
            item.parent.children.append(item)

    # -- lookups ----------------------------------------------------------------------
    def record(self, index: Index) -> PlanNode | Indicator | None:
        item = self._item(index)
        return None if item is self._root else item.record

    def kind(self, index: Index) -> str | None:
        item = self._item(index)
        return None if item is self._root else item.kind

    def index_of(self, kind: str, record_id: int | None) -> QModelIndex:
        item = self._by_key.get((kind, record_id))
        if item is None or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.row(), 0, item)

    def parent_node(self, index: Index) -> PlanNode | None:
        """The node an indicator hangs on, or a node's parent node."""
        item = self._item(index)
        parent = item.parent
        if parent is None or parent is self._root:
            return None
        assert isinstance(parent.record, PlanNode)
        return parent.record

    def _item(self, index: Index) -> _Item:
        if not index.isValid():
            return self._root
        return index.internalPointer()

    # -- Qt's interface ------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        item = self._item(parent)
        if not (0 <= row < len(item.children) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column, item.children[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        item: _Item = index.internalPointer()
        parent = item.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: _Item = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(item)
        if role == KIND_ROLE:
            return item.kind
        if role == ID_ROLE:
            return item.record.id
        if item.kind == INDICATOR and role == Qt.ItemDataRole.ForegroundRole:
            return INDICATOR_COLOUR
        if item.kind == NODE and role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, item: _Item, column: int) -> str:
        record = item.record
        if column == self.COL_KODE:
            return record.kode
        if column == self.COL_NAMA:
            return record.nama
        if isinstance(record, PlanNode):
            return record.level.label if column == self.COL_JENIS else ""
        if column == self.COL_JENIS:
            return self._indicator_kind(item) + (" · IKU" if record.iku else "")
        return self._units.get(record.unit_id, "")

    @staticmethod
    def _indicator_kind(item: _Item) -> str:
        parent = item.parent
        if parent is None or not isinstance(parent.record, PlanNode):
            return "Indikator"
        kind = parent.record.level.indicator_kind
        return kind[0].upper() + kind[1:]

    def _tip(self, item: _Item) -> str:
        record = item.record
        if isinstance(record, PlanNode):
            return f"{record.level.label} {record.kode}\n{record.nama}"
        lines = [f"{record.kode} {record.nama}", record.rule.describe()]
        if record.satuan:
            lines.insert(1, f"Satuan: {record.satuan}")
        return "\n".join(lines)
