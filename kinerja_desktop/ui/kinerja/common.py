"""Small pieces the data-kinerja screens share: a page built on first show,
Indonesian dates and numbers, the status colours, the questions they ask.

The questions (`ask_*`, `confirm`) are module functions so tests can answer
them (monkeypatch) instead of a person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.kinerja.plan import Target
from kinerja_desktop.core.kinerja.rules import CalculationRule, ValueKind
from kinerja_desktop.core.kinerja.values import number_text, read_typed

XLSX_FILTER = "Buku kerja Excel (*.xlsx)"
ERROR_COLOUR = "#b00020"
# Status colours: background (light) and text (dark), always beside a word.
GOOD = (QColor("#dff0d8"), QColor("#1e5e1e"))
BAD = (QColor("#f8d7da"), QColor("#8a1020"))
WAIT = (QColor("#f2f2f2"), QColor("#444444"))
LATE = (QColor("#fff3cd"), QColor("#7a4b00"))


class KeyActions(QObject):
    """Plain keys (Del, F2, Enter, Ins) on one view, seen before the view handles them.

    An event filter rather than QAction shortcuts: the keys work whenever the view has
    the keyboard, also in a window that is not the active one (and in tests).
    """

    def __init__(self, view: QWidget, keys: dict[Qt.Key, Callable[[], object]]) -> None:
        super().__init__(view)
        self._keys = keys
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            slot = self._keys.get(Qt.Key(event.key()))
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)


def title_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<h2>{text}</h2>", parent)
    label.setObjectName("titleLabel")
    return label


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# -- words ----------------------------------------------------------------------------
def fit_to_contents(view, widths: dict[int, int] | None = None, rows: int = 300) -> None:
    """Columns as wide as their text in the first `rows` rows (a 4,000-row table would
    otherwise be measured whole: 0.4 s), capped at `widths[column]` where given."""
    view.horizontalHeader().setResizeContentsPrecision(rows)
    view.resizeColumnsToContents()
    for column, width in (widths or {}).items():
        view.setColumnWidth(column, min(view.columnWidth(column), width))


def tanggal(value: date | datetime | None, empty: str = "—") -> str:
    if value is None:
        return empty
    if isinstance(value, datetime):
        return f"{format_tanggal(value.date())} {value:%H.%M}"
    return format_tanggal(value)


def target_text(t: Target | None) -> str:
    """As the office writes it: the scale label, or the number the Indonesian way; "" unset."""
    if t is None or not t.is_set:
        return ""
    return t.teks or number_text(t.nilai, "")


def read_target(text: str, rule: CalculationRule) -> tuple[Target, str]:
    """A target typed into a grid, read by the indicator's rule: (target, problem)."""
    typed = read_typed(text.strip() or None, rule)
    if typed.masalah:
        return Target(None), typed.masalah
    if rule.jenis_nilai is ValueKind.SKALA:
        return Target(typed.nilai, typed.teks), ""
    return Target(typed.nilai), ""


def read_rupiah(text: str) -> tuple[float | None, str]:
    """A pagu typed as 1.500.000 or 1500000: (value, problem); None when empty."""
    typed = read_typed(text.strip() or None, CalculationRule())
    if typed.masalah:
        return None, f"pagu: {typed.masalah}"
    if typed.nilai is not None and typed.nilai < 0:
        return None, "pagu anggaran tidak boleh negatif."
    return typed.nilai, ""


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# -- questions (tests replace these) -------------------------------------------------------
def confirm(parent: QWidget | None, title: str, text: str, yes: str = "&Ya") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """'simpan', 'buang' or 'batal' for unsaved edits of `what`."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Perubahan belum disimpan",
        f"Perubahan pada {what} belum disimpan.",
        QMessageBox.StandardButton.NoButton,
    )
    box.setParent(parent, box.windowFlags())
    save = box.addButton("&Simpan", QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton("&Buang perubahan", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "simpan" if clicked is save else "buang" if clicked is drop else "batal"


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value.strip() if ok and value.strip() else None


def ask_open_files(parent: QWidget | None, title: str, start: Path) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start), XLSX_FILTER)
    return [Path(n) for n in names]


def ask_open_file(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), XLSX_FILTER)
    return Path(name) if name else None


def ask_save_file(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), XLSX_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton
    )
    box.setParent(parent, box.windowFlags())
    box.addButton("&Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def inform_with_folder(parent: QWidget | None, title: str, text: str, folder: Path) -> None:
    """A summary with "Buka folder" (opens it in the file manager) and "Tutup"."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton
    )
    box.setParent(parent, box.windowFlags())
    open_folder = box.addButton("&Buka folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
