"""The import preview: what the workbook gave, what changed against the stored
SOP, what is doubtful (correctable here), and how to save it.

Nothing is written until the user presses Simpan; with an SOP already stored
the user chooses a new revision or a separate copy, and a workbook with no
change against it offers no save at all. Steps whose lane was guessed or
whose decision target is doubtful are listed with a lane chooser and exit
choosers; a correction changes the preview's document and the preview is
assessed again (`SopService.reassess_import`: findings and changes anew).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from kinerja_desktop.services.sop_service import ImportPreview, SopService
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.sop.detail import findings_html
from kinerja_desktop.ui.sop.diff_view import diff_html

FORM = "import_dialog"
REQUIRED = {
    "summaryLabel": QLabel,
    "reportView": QTextBrowser,
    "correctionLabel": QLabel,
    "correctionTable": QTableWidget,
    "conflictGroup": QGroupBox,
    "revisiRadio": QRadioButton,
    "salinanRadio": QRadioButton,
    "catatanEdit": QLineEdit,
    "buttonBox": QDialogButtonBox,
}
NOTE_COLOUR = {"info": "#333333", "ragu": "#9a6700", "masalah": "#b00020"}
NOTE_LABEL = {"info": "info", "ragu": "perlu dicek", "masalah": "masalah"}
NEXT_STEP = "langkah berikutnya"
CORRECTION_HEADERS = ("No", "Uraian", "Pelaksana", "Cabang 1", "Cabang 2")


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


def doubtful_steps(preview: ImportPreview) -> list[int]:
    """Indexes of the steps to offer for correction: a guessed lane, a note
    of doubt or a problem about the step, or a decision (its targets)."""
    noted = {n.step for n in preview.reader_notes if n.step and n.level in ("ragu", "masalah")}
    return [
        i
        for i, step in enumerate(preview.document.steps)
        if step.pelaksana_ditebak or (i + 1) in noted or step.is_decision
    ]


class ImportDialog:
    """Shows an ImportPreview; `ask()` returns the choice or None when cancelled.
    `preview` is the preview as corrected in the dialog (what to save)."""

    def __init__(
        self,
        parent: QWidget | None,
        preview: ImportPreview,
        file_name: str,
        service: SopService | None = None,
    ) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        self.preview, self.service, self.file_name = preview, service, file_name
        d = self.dialog
        self.summary = child(d, QLabel, "summaryLabel")
        self.report = child(d, QTextBrowser, "reportView")
        self.table = child(d, QTableWidget, "correctionTable")
        self.group = child(d, QGroupBox, "conflictGroup")
        self.revisi = child(d, QRadioButton, "revisiRadio")
        self.catatan = child(d, QLineEdit, "catatanEdit")
        self.buttons = child(d, QDialogButtonBox, "buttonBox")
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText("&Simpan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        self.buttons.accepted.connect(d.accept)
        self.buttons.rejected.connect(d.reject)
        self._build_corrections()
        self.render()

    # -- showing ------------------------------------------------------------------
    def render(self) -> None:
        p, doc = self.preview, self.preview.document
        self.summary.setText(
            f"<b>{escape(self.file_name)}</b><br>Judul: <b>{escape(doc.judul or '(tanpa judul)')}"
            f"</b> · Nomor: {escape(doc.nomor or '—')} · {len(doc.steps)} langkah · "
            f"{len(doc.lanes)} pelaksana"
        )
        changes = diff_html(p.diff) if p.diff is not None else ""
        self.report.setHtml(changes + _notes_html(p) + findings_html(p.findings) + _lanes_html(p))
        self._show_conflict()
        self.save.setVisible(not p.unchanged)
        self.catatan.setEnabled(not p.unchanged)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Tutup" if p.unchanged else "&Batal")

    def _show_conflict(self) -> None:
        p = self.preview
        if not p.conflicts or p.unchanged:
            self.group.hide()
            return
        names = ", ".join(f"{c.nomor or '—'} — {c.judul}" for c in p.conflicts)
        if p.by_code:
            self.group.setTitle(
                f"Berkas ini diekspor dari SOP yang tersimpan ({names}). Simpan sebagai:"
            )
        else:
            self.group.setTitle(f"SOP ini sudah tersimpan ({names}). Simpan sebagai:")
        self.group.show()

    # -- corrections ----------------------------------------------------------------
    def _build_corrections(self) -> None:
        rows = doubtful_steps(self.preview)
        label = child(self.dialog, QLabel, "correctionLabel")
        label.setVisible(bool(rows))
        self.table.setVisible(bool(rows))
        self.table.setColumnCount(len(CORRECTION_HEADERS))
        self.table.setHorizontalHeaderLabels(list(CORRECTION_HEADERS))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setRowCount(len(rows))
        self.lane_boxes: dict[int, QComboBox] = {}
        self.exit_boxes: dict[tuple[int, int], QComboBox] = {}
        for row, index in enumerate(rows):
            step = self.preview.document.steps[index]
            self.table.setItem(row, 0, QTableWidgetItem(str(index + 1)))
            self.table.setItem(row, 1, QTableWidgetItem(step.uraian))
            self.table.setCellWidget(row, 2, self._lane_box(index))
            for k in range(len(step.exits) if step.is_decision else 0):
                if k < 2:
                    self.table.setCellWidget(row, 3 + k, self._exit_box(index, k))
        for col in (0, 2, 3, 4):
            self.table.resizeColumnToContents(col)

    def _lane_box(self, index: int) -> QComboBox:
        doc = self.preview.document
        step = doc.steps[index]
        box = QComboBox()
        if len(step.pelaksana) > 1:
            names = ", ".join(
                doc.lane_by_id()[x].nama for x in step.pelaksana if x in doc.lane_by_id()
            )
            box.addItem(f"(bersama: {names})", None)
        for lane in doc.lanes:
            box.addItem(
                lane.nama
                + (" (ditebak)" if step.pelaksana_ditebak and [lane.id] == step.pelaksana else ""),
                lane.id,
            )
        if len(step.pelaksana) == 1:
            box.setCurrentIndex(max(box.findData(step.pelaksana[0]), 0))
        box.currentIndexChanged.connect(
            lambda _i, index=index, box=box: self.set_lane(index, box.currentData())
        )
        self.lane_boxes[index] = box
        return box

    def _exit_box(self, index: int, k: int) -> QComboBox:
        doc = self.preview.document
        ex = doc.steps[index].exits[k]
        box = QComboBox()
        box.addItem(f"{ex.label or '?'} → {NEXT_STEP}", None)
        for n, other in enumerate(doc.steps, 1):
            if other.id != doc.steps[index].id:
                box.addItem(f"{ex.label or '?'} → langkah {n}: {other.uraian[:40]}", other.id)
        box.setCurrentIndex(max(box.findData(ex.target), 0) if ex.target else 0)
        box.currentIndexChanged.connect(
            lambda _i, index=index, k=k, box=box: self.set_exit(index, k, box.currentData())
        )
        self.exit_boxes[(index, k)] = box
        return box

    def set_lane(self, index: int, lane_id: str | None) -> None:
        """Step `index` is done by lane `lane_id` (confirmed: no longer a guess)."""
        if lane_id is None:
            return
        step = self.preview.document.steps[index]
        step.pelaksana = [lane_id]
        step.pelaksana_ditebak = False
        self._reassess()

    def set_exit(self, index: int, k: int, target: str | None) -> None:
        """Exit `k` of decision `index` leads to step id `target` (None: the next step)."""
        self.preview.document.steps[index].exits[k].target = target
        self._reassess()

    def _reassess(self) -> None:
        if self.service is not None:
            self.preview = self.service.reassess_import(self.preview)
        self.render()

    # -- answering ------------------------------------------------------------------
    def choice(self) -> ImportChoice:
        conflict = bool(self.preview.conflicts)
        mode = ("revisi" if self.revisi.isChecked() else "salinan") if conflict else None
        return ImportChoice(mode=mode, catatan=self.catatan.text().strip())

    def ask(self) -> ImportChoice | None:
        if self.dialog.exec() != QDialog.DialogCode.Accepted or self.preview.unchanged:
            return None
        return self.choice()
