"""Two revisions side by side: what changed in identity, lists, lanes and steps.

The changes come from `core.sop.diff.diff_documents` (the same comparison the
import preview uses) and are shown as one table: what changed, the older
revision on the left, the newer on the right; words taken out are struck
through in red on the left, words put in are green on the right. A step is
named by its number in each revision, so a step that only moved says so.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.diff import DocumentDiff, FieldChange, Kind, diff_documents

from .prompts import fit_to_screen

OUT = "background:#f6d5d1;color:#8e1b10;text-decoration:line-through"
IN = "background:#d4efd9;color:#145a24"
KIND_WORDS = {Kind.ADDED: "ditambahkan", Kind.REMOVED: "dihapus", Kind.CHANGED: "diubah"}


def _runs(change: FieldChange, side: str) -> str:
    """One side of a field change with its changed words marked."""
    parts = []
    for kind, words in change.words:
        if kind is Kind.SAME:
            parts.append(escape(words))
        elif kind is Kind.REMOVED and side == "old":
            parts.append(f"<span style='{OUT}'>{escape(words)}</span>")
        elif kind is Kind.ADDED and side == "new":
            parts.append(f"<span style='{IN}'>{escape(words)}</span>")
    return " ".join(parts) or "<i>(kosong)</i>"


def _row(what: str, old: str, new: str, kind: Kind | None = None) -> str:
    shade = {Kind.ADDED: " style='background:#eef8f0'", Kind.REMOVED: " style='background:#fbeeed'"}
    attr = shade.get(kind, "") if kind else ""
    return f"<tr{attr}><td><b>{what}</b></td><td>{old}</td><td>{new}</td></tr>"


def _number(n: int | None) -> str:
    return f"langkah {n}" if n else "—"


def diff_html(diff: DocumentDiff, old_label: str, new_label: str) -> str:
    """The whole comparison as an HTML table (for the dialog, and for tests)."""
    rows = [
        f"<tr><th width='22%'>Bagian</th><th>{escape(old_label)}</th>"
        f"<th>{escape(new_label)}</th></tr>"
    ]
    for f in diff.fields:
        rows.append(_row(escape(f.label), _runs(f, "old"), _runs(f, "new")))
    for item in diff.items:
        number = item.new_number or item.old_number
        what = f"{escape(item.label)} — butir {number} {KIND_WORDS[item.kind]}"
        if item.kind is Kind.CHANGED:
            change = FieldChange(item.list_name, item.label, item.old, item.new)
            rows.append(_row(what, _runs(change, "old"), _runs(change, "new")))
        else:
            rows.append(_row(what, escape(item.old) or "—", escape(item.new) or "—", item.kind))
    for lane in diff.lanes:
        what = f"Pelaksana {KIND_WORDS[lane.kind]}" + (" (dipindah)" if lane.moved else "")
        old = f"{lane.old_number}. {escape(lane.old_name)}" if lane.old_number else "—"
        new = f"{lane.new_number}. {escape(lane.new_name)}" if lane.new_number else "—"
        rows.append(_row(what, old, new, lane.kind))
    for step in diff.steps:
        rows.extend(_step_rows(step))
    body = "".join(rows)
    return (
        f"<p><b>Perubahan:</b> {escape(diff.summary())}</p>"
        f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{body}</table>"
    )


def _named(number: int | None, uraian: str, width: int = 60) -> str:
    text = " ".join(uraian.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f"<b>{_number(number)}</b>" + (f" — {escape(text)}" if text else "")


def _step_rows(step) -> list[str]:
    if step.kind is not Kind.CHANGED:
        head = f"Langkah {KIND_WORDS[step.kind]}"
        return [
            _row(head, escape(step.old_uraian) or "—", escape(step.new_uraian) or "—", step.kind)
        ]
    moved = " (dipindah)" if step.moved else ""
    rows = [
        _row(
            f"Langkah diubah{moved}",
            _named(step.old_number, step.old_uraian),
            _named(step.new_number, step.new_uraian),
        )
    ]
    for f in step.fields:
        rows.append(_row(f"&nbsp;&nbsp;{escape(f.label)}", _runs(f, "old"), _runs(f, "new")))
    return rows


class CompareDialog(QDialog):
    """`old` and `new` side by side."""

    def __init__(
        self,
        old: SopDocument,
        new: SopDocument,
        old_label: str,
        new_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Bandingkan {old_label} dan {new_label}")
        fit_to_screen(self, 980, 680)
        self.diff = diff_documents(old, new)
        heading = QLabel(
            f"<b>{escape(new.nomor or new.judul)}</b>: {escape(old_label)} ↔ {escape(new_label)}",
            self,
        )
        self.view = QTextBrowser(self)
        self.view.setObjectName("compareView")
        self.view.setHtml(diff_html(self.diff, old_label, new_label))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
