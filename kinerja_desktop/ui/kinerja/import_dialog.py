"""The import preview dialog: every file with its unit, period and status, the
selected file's new values, changed values (old → new), problems and
warnings each with its cell address, and Terapkan for the ticked files.

Nothing is written before Terapkan. Each ticked file is then applied whole or
not at all (in the background); the dialog stays open and says what was
applied and what was refused because the file or the unit's data changed
since the preview — "Pratinjau ulang" reads the same files again. Refused
files are recorded too (no values), so the status board shows "bermasalah".
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from kinerja_desktop.services.kinerja_types import (
    DITOLAK,
    AppliedFile,
    FilePreview,
    ImportPreview,
)
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.operations import run_task

from .common import tanggal
from .import_models import STATUS_WORDS, DetailModel, FileListModel

FORM = "kinerja_import_dialog"
REQUIRED = {
    "summaryLabel": QLabel,
    "splitter": QSplitter,
    "fileTable": QTableView,
    "detailLabel": QLabel,
    "detailTable": QTableView,
    "resultLabel": QLabel,
    "reviewButton": QPushButton,
    "applyButton": QPushButton,
    "closeButton": QPushButton,
}
CLOSED, AGAIN = "tutup", "ulang"
Apply = Callable[[list[FilePreview]], list[AppliedFile]]


def preview_summary(preview: ImportPreview) -> str:
    counts: dict[str, int] = {}
    for f in preview.files:
        counts[f.status] = counts.get(f.status, 0) + 1
    parts = ", ".join(f"{n} {STATUS_WORDS.get(s, s)}" for s, n in counts.items())
    if not any(f.can_apply for f in preview.files):
        return (
            f"<b>{len(preview.files)} berkas</b>: {parts}. Tidak ada nilai yang dapat disimpan; "
            "baca alasannya per berkas. <b>Catat penolakan</b> menandai unitnya "
            "\u201cbermasalah\u201d pada papan status (tanpa nilai)."
        )
    return (
        f"<b>{len(preview.files)} berkas</b>: {parts}. Belum ada yang disimpan: centang berkas "
        "yang akan diterapkan lalu tekan <b>Terapkan</b>; setiap berkas diterapkan utuh atau "
        "tidak sama sekali."
    )


def file_detail(f: FilePreview) -> str:
    who = f"{escape(f.unit)}, {escape(f.periode)}" if f.unit else "unit tidak dikenali"
    saved = f" Disimpan oleh pengisi: {tanggal(f.filled_at)}." if f.filled_at else ""
    counts = (
        f"{len(f.new)} nilai baru, {len(f.changed)} berubah, {f.unchanged} sama; "
        f"{len(f.problems)} masalah, {len(f.warnings)} peringatan."
    )
    status = STATUS_WORDS.get(f.status, f.status)
    return f"<b>{escape(f.file_name)}</b> — {who}: {status}. {counts}{saved}"


def result_text(results: list[AppliedFile], refused: int) -> str:
    done = [r for r in results if r.status == "diterapkan"]
    lines = (
        [
            f"<b>{len(done)} berkas diterapkan</b> ({sum(r.baru for r in done)} nilai baru, "
            f"{sum(r.ubah for r in done)} nilai berubah)."
        ]
        if done or not refused
        else ["<b>Tidak ada nilai yang disimpan.</b>"]
    )
    stale = [r for r in results if r.status != "diterapkan"]
    if stale:
        names = ", ".join(escape(r.file_name) for r in stale)
        lines.append(
            f"<span style='color:#7a4b00'><b>{len(stale)} berkas tidak diterapkan</b> karena "
            f"berkas atau data unitnya berubah sejak pratinjau ({names}): tekan "
            "<b>Pratinjau ulang</b>.</span>"
        )
    if refused:
        lines.append(f"{refused} berkas yang ditolak dicatat pada papan status (tanpa nilai).")
    return "<br>".join(lines)


class ImportDialog:
    """`ask()` runs the dialog; `outcome` is CLOSED or AGAIN, `results` what was applied."""

    def __init__(self, parent: QWidget | None, preview: ImportPreview, apply: Apply) -> None:
        self.dialog: QDialog = load_form(FORM, REQUIRED, parent)
        d = self.dialog
        self.preview, self._apply = preview, apply
        self.outcome = CLOSED
        self.results: list[AppliedFile] = []
        self.summary = child(d, QLabel, "summaryLabel")
        self.detail_label = child(d, QLabel, "detailLabel")
        self.result_label = child(d, QLabel, "resultLabel")
        self.files = FileListModel(d)
        self.details = DetailModel(d)
        self.file_table = child(d, QTableView, "fileTable")
        self.detail_table = child(d, QTableView, "detailTable")
        self._set_up_tables()
        self.apply_button = child(d, QPushButton, "applyButton")
        self.review_button = child(d, QPushButton, "reviewButton")
        self.close_button = child(d, QPushButton, "closeButton")
        self.apply_button.clicked.connect(self.apply)
        self.review_button.clicked.connect(self._again)
        self.close_button.clicked.connect(d.reject)
        self.apply_button.setDefault(True)
        child(d, QSplitter, "splitter").setSizes([220, 320])
        self.files.set_files(preview.files)
        self.files.dataChanged.connect(lambda *_a: self._update_buttons())
        self.summary.setText(preview_summary(preview))
        self.result_label.hide()
        self.file_table.resizeColumnsToContents()
        if preview.files:
            self.file_table.selectRow(0)
        self._update_buttons()

    def _set_up_tables(self) -> None:
        for table, model in ((self.file_table, self.files), (self.detail_table, self.details)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.file_table.selectionModel().currentRowChanged.connect(self._file_chosen)

    def _file_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.set_file(None)
            self.detail_label.setText("")
            return
        f = self.files.files[current.row()]
        self.details.set_file(f)
        self.detail_label.setText(file_detail(f))
        self.detail_table.resizeColumnsToContents()
        for column, width in ((DetailModel.COL_NAMA, 300), (DetailModel.COL_PESAN, 420)):
            self.detail_table.setColumnWidth(
                column, min(self.detail_table.columnWidth(column), width)
            )

    def refused(self) -> list[FilePreview]:
        return [f for f in self.preview.files if f.status == DITOLAK]

    def _update_buttons(self) -> None:
        accepted = self.files.accepted()
        can = not self.files.applied and bool(accepted or self.refused())
        self.apply_button.setEnabled(can)
        self.apply_button.setText("&Terapkan" if accepted else "&Catat penolakan")
        self.apply_button.setToolTip(
            "Terapkan berkas yang dicentang; berkas yang ditolak dicatat pada papan status"
            if accepted
            else "Tidak ada nilai yang disimpan; unit berkas yang ditolak ditandai bermasalah"
        )

    def apply(self) -> None:
        accepted = self.files.accepted()
        self.apply_button.setEnabled(False)
        refused = len([f for f in self.refused() if f.round_id and f.unit_id and not f.superseded])

        def done(results: list[AppliedFile]) -> None:
            self.results = results
            self.files.set_applied(results)
            self.result_label.setText(result_text(results, refused))
            self.result_label.show()
            self.close_button.setDefault(True)
            stale = any(r.status != "diterapkan" for r in results)
            self.review_button.setDefault(stale)

        self.task = run_task(
            self.dialog, "Menerapkan berkas…", lambda _c: self._apply(accepted), done
        )

    def _again(self) -> None:
        self.outcome = AGAIN
        self.dialog.accept()

    def ask(self) -> str:
        self.dialog.exec()
        return self.outcome
