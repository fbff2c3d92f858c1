"""What the table models of the Data Kinerja screens share: column heads.

`Headed` is mixed in before the Qt model class: the model names its `headers`
and gets the horizontal heads and the column count from them (a model with a
count of its own, a tree, keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

_ROOT = QModelIndex()


class Headed:
    headers: Sequence[str]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
