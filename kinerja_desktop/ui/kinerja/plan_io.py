"""The plan workbook from the Rencana page: export a Renstra, and import one
(read in the background, previewed with its counts and problems, applied
only when the user says Terapkan)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.kinerja.plan import Renstra
from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService, PlanImport
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.common.operations import run_task
from kinerja_desktop.ui.common.settings import UiSettings

from . import common
from .plan_dialogs import PlanImportDialog

FOLDER_KIND = "kinerja"


class PlanFiles(QObject):
    """Export and import of the plan workbook for one page."""

    imported = Signal(int)  # the Renstra id
    exported = Signal(object)  # the path

    def __init__(self, page: QWidget, session: Session, settings: UiSettings) -> None:
        super().__init__(page)
        self.page, self.session, self.settings = page, session, settings
        self.tasks: list = []

    def _start(self, label: str, fn, on_done) -> None:
        task = run_task(self.page, label, fn, on_done)
        self.tasks = [t for t in self.tasks if t.running] + [task]

    def export_plan(self, renstra: Renstra | None) -> None:
        if renstra is None or renstra.id is None:
            common.inform(self.page, "Ekspor rencana", "Belum ada Renstra untuk diekspor.")
            return
        folder = self.settings.last_folder(FOLDER_KIND)
        name = f"Rencana {renstra.tahun_awal}-{renstra.tahun_akhir}.xlsx"
        path = common.ask_save_file(self.page, "Ekspor rencana ke Excel", folder / name)
        if path is None:
            return
        self.settings.set_last_folder(path, FOLDER_KIND)
        renstra_id = renstra.id

        def done(book) -> None:
            self._status(
                f"Rencana diekspor ke {path} ({len(book.nodes)} simpul, "
                f"{len(book.indicators)} indikator, {len(book.pks)} PK)."
            )
            self.exported.emit(path)

        self._start(
            "Mengekspor rencana…",
            lambda _c: KinerjaPlanBookService(self.session).export(path, renstra_id),
            done,
        )

    def import_plan(self) -> None:
        folder = self.settings.last_folder(FOLDER_KIND)
        path = common.ask_open_file(self.page, "Impor rencana dari Excel", folder)
        if path is not None:
            self.settings.set_last_folder(path, FOLDER_KIND)
            self.import_paths([path])

    def import_paths(self, paths: list[Path]) -> None:
        """Preview, ask, apply — one workbook after another."""
        pending = list(paths)

        def next_one() -> None:
            if not pending:
                return
            path = pending.pop(0)

            def previewed(preview: PlanImport) -> None:
                self._confirm(preview)
                next_one()

            self._start(
                "Membaca buku kerja rencana…",
                lambda _c: KinerjaPlanBookService(self.session).preview(path),
                previewed,
            )

        next_one()

    def _confirm(self, preview: PlanImport) -> None:
        if not PlanImportDialog(self.page, preview).ask():
            self._status(f"{preview.path.name}: tidak ada yang disimpan.")
            return
        try:
            renstra_id = KinerjaPlanBookService(self.session).apply(preview)
        except Exception as exc:  # one readable dialog; nothing was stored
            show_error(self.page, exc, "Impor rencana gagal")
            return
        self._status(f"Rencana dari {preview.path.name} disimpan.")
        self.imported.emit(renstra_id)

    def _status(self, text: str) -> None:
        bar = getattr(self.page.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)
