"""Print preview from the editor: the real PDF pages, shown in the window (QtPdf).

The preview is the very PDF the SOP prints to — identity sheet, flowchart,
signature, Lembar Kerja — written by `SopEditingService.print_document` from
the document being edited (saved or not) or from any revision, and shown with
QtPdf's viewer (PySide6-Addons). Showing the real file means the preview cannot
differ from the print in any detail, the identity sheet included (which has no
painter of its own on screen). Paper (F4/A4), orientation and the Lembar Kerja
re-render the preview; "Simpan PDF…" writes the same pages where the user chooses,
asking first when the checker still finds kesalahan.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_editing import EditorPrint, SopEditingService
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.operations import Task, run_task
from kinerja_desktop.ui.common.settings import UiSettings

from .live import LiveRefresher, LiveResult
from .prompts import EditorPrompts, fit_to_screen

FORM = "editor_print_preview"
REQUIRED = {
    "kertasCombo": QComboBox,
    "tegakCheck": QCheckBox,
    "lembarKerjaCheck": QCheckBox,
    "pageLabel": QLabel,
    "errorsLabel": QLabel,
    "noticeLabel": QLabel,
    "previewHolder": QWidget,
    "saveButton": QPushButton,
    "closeButton": QPushButton,
}
PAPERS = ("F4", "A4")


def file_stem(doc: SopDocument) -> str:
    text = (doc.nomor or doc.judul or "SOP").strip()
    return "".join("-" if c in '\\/:*?"<>|' else c for c in text)[:80] or "SOP"


class PrintPreviewDialog(QDialog):
    """The pages of `document` as they print."""

    def __init__(
        self,
        session: Session,
        document: SopDocument,
        sop_id: int | None,
        parent: QWidget | None = None,
        *,
        caption: str = "",
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.session = session
        self.service = SopEditingService(session)
        self.document, self.sop_id = document, sop_id
        self.settings = settings or UiSettings()
        self.prompts = EditorPrompts(self)
        self.form = load_form(FORM, REQUIRED, self)
        QVBoxLayout(self).addWidget(self.form)
        self.setWindowTitle(f"Pratinjau cetak — {caption or file_stem(document)}")
        fit_to_screen(self, 960, 800)
        self.kertas: QComboBox = child(self.form, QComboBox, "kertasCombo")
        self.tegak: QCheckBox = child(self.form, QCheckBox, "tegakCheck")
        self.lembar_kerja: QCheckBox = child(self.form, QCheckBox, "lembarKerjaCheck")
        self.page_label: QLabel = child(self.form, QLabel, "pageLabel")
        self.errors_label: QLabel = child(self.form, QLabel, "errorsLabel")
        self.notice_label: QLabel = child(self.form, QLabel, "noticeLabel")
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(child(self.form, QWidget, "previewHolder"))
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        child(self.form, QWidget, "previewHolder").layout().addWidget(self.view)
        self._bind(document)
        self._folder = tempfile.TemporaryDirectory(
            prefix="kinerja-pratinjau-", ignore_cleanup_errors=True
        )
        self._count = 0
        self._options = self.options()
        self._task: Task | None = None
        self.result: EditorPrint | None = None
        self.renderer = LiveRefresher(self._write_preview, self)
        self.renderer.ready.connect(self._show)
        self.render()

    def _bind(self, document: SopDocument) -> None:
        self.kertas.setCurrentIndex(PAPERS.index(self.settings.paper(self._office_paper())))
        self.tegak.setChecked(self.settings.portrait())
        self.lembar_kerja.setChecked(document.lembar_kerja.cetak)
        for signal in (
            self.kertas.currentIndexChanged,
            self.tegak.toggled,
            self.lembar_kerja.toggled,
        ):
            signal.connect(lambda *_a: self.render())
        child(self.form, QPushButton, "saveButton").clicked.connect(self.save_pdf)
        child(self.form, QPushButton, "closeButton").clicked.connect(self.close)

    def _office_paper(self) -> str:
        from kinerja_desktop.services.office_service import OfficeService  # noqa: PLC0415

        return str(OfficeService(self.session).get_profile().kertas)

    def options(self) -> dict[str, object]:
        return {
            "kertas": PAPERS[self.kertas.currentIndex()],
            "tegak": self.tegak.isChecked(),
            "lembar_kerja": self.lembar_kerja.isChecked(),
        }

    @property
    def busy(self) -> bool:
        return not self.renderer.idle or (self._task is not None and self._task.running)

    def render(self) -> None:
        """Write the preview PDF in the background (the newest options win), then show it."""
        self._options = self.options()
        self.page_label.setText("Menyusun halaman…")
        self.renderer.request(self.document)

    def _write_preview(self, document: SopDocument) -> EditorPrint:
        """On the worker thread: one PDF in the preview folder."""
        self._count += 1
        path = Path(self._folder.name) / f"pratinjau-{self._count}.pdf"
        options = dict(self._options)  # a dict set by the UI thread, read whole
        return self.service.print_document(document, path, sop_id=self.sop_id, **options)

    def _show(self, done: LiveResult) -> None:
        if done.error is not None:
            self.page_label.setText("")
            self.errors_label.setText(f"Pratinjau tidak dapat dibuat: {done.error}")
            return
        result: EditorPrint = done.value
        if not self.renderer.latest:
            return  # overtaken by newer options: that one follows at once
        self.result = result
        self.pdf.load(str(result.path))
        self.page_label.setText(f"{result.pages} halaman · {self.options()['kertas']}")
        if result.errors:
            items = "; ".join(f.message for f in result.errors[:4])
            self.errors_label.setText(
                f"<span style='color:#b03a2e'><b>{len(result.errors)} kesalahan</b> menurut "
                f"Pemeriksa SOP — perbaiki sebelum ditandatangani: {items}</span>"
            )
        else:
            self.errors_label.setText("Pemeriksa SOP tidak menemukan kesalahan: siap dicetak.")
        self.notice_label.setText("; ".join(result.notices))

    def ask_save_path(self, suggested: str) -> Path | None:
        start = str(self.settings.last_folder() / suggested)
        target, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", start, "Dokumen PDF (*.pdf)")
        if not target:
            return None
        path = Path(target)
        self.settings.set_last_folder(path)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_pdf(self) -> None:
        if (
            self.result
            and self.result.errors
            and not self.prompts.confirm(
                "Simpan PDF",
                f"SOP ini masih memiliki {len(self.result.errors)} kesalahan menurut "
                "Pemeriksa SOP. "
                "Simpan PDF-nya juga (mis. untuk dibahas, bukan untuk ditandatangani)?",
                "&Simpan juga",
            )
        ):
            return
        path = self.ask_save_path(f"{file_stem(self.document)}.pdf")
        if path is None:
            return
        options = self.options()
        self.settings.set_paper(str(options["kertas"]))
        self.settings.set_portrait(bool(options["tegak"]))
        self._task = run_task(
            self,
            "Menyimpan PDF…",
            lambda _c: self.service.print_document(
                self.document, path, sop_id=self.sop_id, **options
            ),
            lambda r: self.notice_label.setText(f"Disimpan: {r.path} ({r.pages} halaman)"),
        )

    def closeEvent(self, event) -> None:
        self.renderer.shutdown()
        self.pdf.close()
        if not self.busy:  # else the folder goes when the dialog is collected
            self._folder.cleanup()
        super().closeEvent(event)
