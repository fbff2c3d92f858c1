"""The import preview: what the workbook gave, what is doubtful, and how to save it.

Nothing is written until the user presses Simpan; with a nomor that already
exists the user chooses a new revision or a separate copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QWidget,
)

from kinerja_desktop.services.sop_service import ImportPreview
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.sop.detail import findings_html

FORM = "import_dialog"
REQUIRED = {
    "summaryLabel": QLabel,
    "reportView": QTextBrowser,
    "conflictGroup": QGroupBox,
    "revisiRadio": QRadioButton,
    "salinanRadio": QRadioButton,
    "catatanEdit": QLineEdit,
    "buttonBox": QDialogButtonBox,
}
NOTE_COLOUR = {"info": "#333333", "ragu": "#9a6700", "masalah": "#b00020"}
NOTE_LABEL = {"info": "info", "ragu": "perlu dicek", "masalah": "masalah"}


@dataclass(frozen=True)
class ImportChoice:
    mode: str | None  # None (new SOP), "revisi" or "salinan"
    catatan: str


def _notes_html(preview: ImportPreview) -> str:
    rows = []
    for note in preview.notes:
        where = f"Langkah {note.step}: " if note.step else ""
        colour = NOTE_COLOUR.get(note.level, "#333333")
        label = NOTE_LABEL.get(note.level, note.level)
        rows.append(
            f"<li><span style='color:{colour}'><b>{label}</b></span>"
            f" — {escape(where + note.message)}</li>"
        )
    return "<p><b>Yang dibaca dari berkas</b></p><ul>" + "".join(rows) + "</ul>"


def _lanes_html(preview: ImportPreview) -> str:
    doc = preview.document
    names = doc.lane_by_id()
    rows = []
    for i, step in enumerate(doc.steps, 1):
        lanes = ", ".join(escape(names[x].nama) for x in step.pelaksana if x in names)
        guess = " <i>(ditebak)</i>" if step.pelaksana_ditebak else ""
        rows.append(
            f"<tr><td align='right'>{i}</td><td>{escape(step.uraian)}</td>"
            f"<td>{lanes or '—'}{guess}</td><td>{escape(step.jenis.label)}</td></tr>"
        )
    return (
        "<p><b>Langkah</b></p><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        "<tr><th>No</th><th>Uraian</th><th>Pelaksana</th><th>Simbol</th></tr>"
        + "".join(rows)
        + "</table>"
    )


class ImportDialog:
    """Shows an ImportPreview; `ask()` returns the choice or None when cancelled."""

    def __init__(self, parent: QWidget | None, preview: ImportPreview, file_name: str) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        doc = preview.document
        child(d, QLabel, "summaryLabel").setText(
            f"<b>{escape(file_name)}</b><br>Judul: <b>{escape(doc.judul or '(tanpa judul)')}</b>"
            f" · Nomor: {escape(doc.nomor or '—')} · {len(doc.steps)} langkah · "
            f"{len(doc.lanes)} pelaksana"
        )
        child(d, QTextBrowser, "reportView").setHtml(
            _notes_html(preview) + findings_html(preview.findings) + _lanes_html(preview)
        )
        group = child(d, QGroupBox, "conflictGroup")
        if preview.conflicts:
            names = ", ".join(f"{c.nomor} — {c.judul}" for c in preview.conflicts)
            group.setTitle(f"Nomor SOP ini sudah dipakai ({names}). Simpan sebagai:")
        else:
            group.hide()
        self._has_conflict = bool(preview.conflicts)
        self.revisi = child(d, QRadioButton, "revisiRadio")
        self.catatan = child(d, QLineEdit, "catatanEdit")
        buttons = child(d, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        buttons.accepted.connect(d.accept)
        buttons.rejected.connect(d.reject)

    def choice(self) -> ImportChoice:
        mode = ("revisi" if self.revisi.isChecked() else "salinan") if self._has_conflict else None
        return ImportChoice(mode=mode, catatan=self.catatan.text().strip())

    def ask(self) -> ImportChoice | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.choice()
