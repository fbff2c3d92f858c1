"""A long Qt session in one process: tens of thousands of PySide6 calls that
return nothing, of the kinds the window makes.

Run by tests/test_qt_long_session.py in a subprocess (a build that frees None
ends the process with "Fatal Python error: none_dealloc", which must not take
the test runner with it). Needs only PySide6. Prints one JSON line:
{"calls": {kind: n}, "total": N, "none_before": a, "none_after": b, "qt": "6.x"}.

Usage: python tests/qt_soak.py [ROUNDS]   (default 5,000 rounds ≈ 64,000 calls)
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

DRAWS_PER_PAINT = 8


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 20

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None


class Canvas(QWidget):
    """Draws with QPainter in its paint event, counting the calls."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(200, 120)
        self.draw_calls = 0

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pen = QPen(QColor("black"))
        pen.setWidthF(0.8)
        painter.setPen(pen)
        for i in range(DRAWS_PER_PAINT // 4):
            painter.drawLine(QPointF(0, i), QPointF(100, i))
            painter.drawRect(QRectF(2, 2 + i, 40, 20))
            painter.drawText(QPointF(5, 15 + i), "Ya")
            painter.drawEllipse(QRectF(50, 10, 10, 10))
        painter.end()
        self.draw_calls += DRAWS_PER_PAINT


def soak(rounds: int) -> dict[str, int]:
    calls = dict.fromkeys(("setter", "update", "data_changed", "paint", "scene"), 0)
    label, edit, holder = QLabel(), QLineEdit(), QWidget()
    action = QAction("x", holder)
    model = Model()
    table = QTableView()
    table.setModel(model)
    table.show()
    canvas = Canvas()
    canvas.show()
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.show()
    for i in range(rounds):
        label.setText(str(i))
        label.setEnabled(i % 2 == 0)
        action.setEnabled(i % 3 == 0)
        edit.setText("x")
        calls["setter"] += 4
        label.update()
        table.viewport().update()
        canvas.update()
        calls["update"] += 3
        top, bottom = model.index(i % 20, 0), model.index(i % 20, 3)
        model.dataChanged.emit(top, bottom, [])
        model.dataChanged.emit(top, top)
        calls["data_changed"] += 2
        item = QGraphicsRectItem(0, 0, 10, 10)
        scene.addItem(item)
        item.setPos(i % 50, 0)
        scene.removeItem(item)
        calls["scene"] += 3
        if i % 10 == 0:
            canvas.repaint()  # paint event now: QPainter drawing
            view.viewport().repaint()
            QApplication.processEvents()
    calls["paint"] = canvas.draw_calls
    return calls


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app = QApplication([])
    before = sys.getrefcount(None)
    calls = soak(rounds)
    QApplication.processEvents()
    after = sys.getrefcount(None)
    print(
        json.dumps(
            {
                "calls": calls,
                "total": sum(calls.values()),
                "none_before": before,
                "none_after": after,
                "qt": PySide6.__version__,
                "python": sys.version.split()[0],
            }
        ),
        flush=True,
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
