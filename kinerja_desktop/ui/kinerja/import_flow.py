"""Importing returned forms from the window: files or a folder (chosen, or
dropped on the window) are read in the background with progress, shown in
the preview dialog, applied when the user says so, and read again on
"Pratinjau ulang"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_types import FilePreview, ImportPreview
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.operations import TaskControl, run_task

from .import_dialog import AGAIN, ImportDialog


class ImportFlow(QObject):
    """Preview → dialog → apply, for one window."""

    finished = Signal(object)  # the last dialog's results (list[AppliedFile])

    def __init__(self, parent: QWidget, session: Session, clock: Callable[[], datetime]) -> None:
        super().__init__(parent)
        self.parent_widget, self.session, self.clock = parent, session, clock
        self.tasks: list = []
        self.dialog: ImportDialog | None = None

    def service(self) -> KinerjaImportService:
        return KinerjaImportService(self.session, self.clock)

    def start(self, paths: list[Path]) -> None:
        """Read `paths` (files and/or folders) and show the preview."""
        paths = [Path(p) for p in paths]

        def read(control: TaskControl) -> ImportPreview:
            return self.service().preview(
                paths, lambda done, total, _name: control.progress(done, total)
            )

        task = run_task(
            self.parent_widget,
            "Membaca formulir…",
            read,
            lambda preview: self._show(preview, paths),
        )
        self.tasks = [t for t in self.tasks if t.running] + [task]

    def _show(self, preview: ImportPreview, paths: list[Path]) -> None:
        def apply(accepted: list[FilePreview]):
            return self.service().apply(preview, accepted)

        self.dialog = ImportDialog(self.parent_widget, preview, apply)
        outcome = self.dialog.ask()
        results = self.dialog.results
        self.finished.emit(results)
        if outcome == AGAIN:
            self.start(paths)
