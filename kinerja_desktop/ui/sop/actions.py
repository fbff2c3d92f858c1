"""What the user can do with SOPs from the window: the life cycle (see
`life_actions`), Excel in and out, print, Buku SOP.

Each action asks what it needs (file, options), then hands the work to a
service — in the background when it may take a while — and reports the
result in Indonesian. Nothing here touches the database directly.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from kinerja_desktop.core.sop.checker import Finding, errors_of
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.print_service import PrintResult, PrintService
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.ui.common.operations import TaskControl, run_task
from kinerja_desktop.ui.common.settings import UiSettings
from kinerja_desktop.ui.sop.book_dialog import BookDialog
from kinerja_desktop.ui.sop.catalogue import SopCatalogue
from kinerja_desktop.ui.sop.import_dialog import ImportDialog
from kinerja_desktop.ui.sop.life_actions import LifeActions
from kinerja_desktop.ui.sop.print_dialog import PrintChoice, PrintDialog

XLSX_FILTER = "Buku kerja Excel (*.xlsx)"
PDF_FILTER = "Dokumen PDF (*.pdf)"


def with_extension(path: Path, extension: str) -> Path:
    """`path` ending in `extension`: added, never replacing what the user typed
    ("SOP 1.5 revisi" -> "SOP 1.5 revisi.pdf", not "SOP 1.pdf")."""
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)


def file_stem(text: str) -> str:
    """A safe file name from a nomor or judul ("050/01/KEC" -> "050-01-KEC")."""
    stem = re.sub(r'[\\/:*?"<>|]+', "-", text).strip(" .-")
    return re.sub(r"\s+", " ", stem)[:80] or "SOP"


class SopActions:
    """The SOP menu of the main window and the work behind it."""

    def __init__(
        self, window: QMainWindow, session: Session, catalogue: SopCatalogue, settings: UiSettings
    ) -> None:
        self.window, self.session, self.catalogue, self.settings = (
            window,
            session,
            catalogue,
            settings,
        )
        self.sops = SopService(session)
        self.life = LifeActions(window, session, catalogue)
        self.tasks: list = []  # keeps running tasks alive
        self.export_action = self._action("&Ekspor ke Excel…", self.export_xlsx, "Ctrl+E")
        self.import_action = self._action(
            "&Impor dari Excel…", self.import_xlsx, QKeySequence.StandardKey.Open
        )
        self.pdf_action = self._action(
            "&Cetak PDF…", self.print_pdf, QKeySequence.StandardKey.Print
        )
        self.book_action = self._action("Cetak &Buku SOP…", self.print_book, "Ctrl+Shift+P")
        catalogue.table.selectionModel().selectionChanged.connect(self._update_enabled)
        self._update_enabled()

    def _action(self, text: str, slot, shortcut) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction | None]:
        """For the menu, in order (None = separator)."""
        return [
            *self.life.actions(),
            None,
            self.import_action,
            self.export_action,
            None,
            self.pdf_action,
            self.book_action,
        ]

    def toolbar_actions(self) -> list[QAction]:
        """The few the toolbar shows."""
        life = self.life
        return [
            life.new_action,
            life.edit_action,
            life.approve_action,
            self.import_action,
            self.export_action,
            self.pdf_action,
            self.book_action,
        ]

    def _update_enabled(self, *_args) -> None:
        selected = self.catalogue.selected_id() is not None
        self.export_action.setEnabled(selected)
        self.pdf_action.setEnabled(selected)

    # -- file choosers (tests replace these) ---------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        start = str(self.settings.last_folder() / suggested)
        target, _ = QFileDialog.getSaveFileName(self.window, title, start, file_filter)
        return self._remember(target)

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        target, _ = QFileDialog.getOpenFileName(
            self.window, title, str(self.settings.last_folder()), file_filter
        )
        return self._remember(target)

    def _remember(self, target: str) -> Path | None:
        if not target:
            return None
        path = Path(target)
        self.settings.set_last_folder(path)
        return path

    def _start(self, label: str, fn, on_done, *, cancellable: bool = False) -> None:
        task = run_task(self.window, label, fn, on_done, cancellable=cancellable)
        self.tasks = [t for t in self.tasks if t.running] + [task]

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    # -- Excel ------------------------------------------------------------------
    def export_xlsx(self) -> None:
        sop_id = self.catalogue.selected_id()
        if sop_id is None:
            return
        doc = self.sops.get(sop_id).document
        path = self.ask_save_path(
            "Ekspor SOP ke Excel", f"{file_stem(doc.nomor or doc.judul)}.xlsx", XLSX_FILTER
        )
        if path is None:
            return
        path = with_extension(path, ".xlsx")
        self._start(
            "Mengekspor SOP ke Excel…",
            lambda _c: SopService(self.session).export_xlsx(sop_id, path),
            lambda _r: self._status(f"SOP diekspor ke {path}"),
        )

    def import_xlsx(self) -> None:
        path = self.ask_open_path("Impor SOP dari Excel", XLSX_FILTER)
        if path is None:
            return
        self.import_paths([path])

    @staticmethod
    def can_import_path(path: Path) -> bool:
        """A workbook this import reads (files dropped on the window)."""
        return path.suffix.lower() == ".xlsx"

    def import_paths(self, paths: list[Path]) -> None:
        """Import workbooks one after another, each previewed and confirmed."""
        self._pending_imports = [Path(p) for p in paths]
        self._next_import()

    def _next_import(self) -> None:
        if not getattr(self, "_pending_imports", None):
            return
        path = self._pending_imports.pop(0)

        def confirm(preview) -> None:
            self._confirm_import(preview, path)
            self._next_import()

        self._start(
            "Membaca buku kerja…", lambda _c: SopService(self.session).preview_import(path), confirm
        )

    def _confirm_import(self, preview, path: Path) -> None:
        dialog = ImportDialog(self.window, preview, path.name, self.sops)
        choice = dialog.ask()
        if choice is None:
            what = "tidak ada perubahan" if dialog.preview.unchanged else "impor dibatalkan"
            self._status(f"{path.name}: {what}; tidak ada yang disimpan.".capitalize())
            return
        try:
            new_id = self.sops.apply_import(dialog.preview, choice.mode, choice.catatan)
        except Exception as exc:  # one readable dialog, nothing saved
            from kinerja_desktop.ui.common.errors import show_error  # noqa: PLC0415

            show_error(self.window, exc, "Impor gagal")
            return
        self.catalogue.refresh()
        self.catalogue.select(new_id)
        self._status(f"SOP dari {path.name} disimpan.")

    # -- printing ---------------------------------------------------------------
    def _paper_defaults(self) -> tuple[str, bool]:
        profile = OfficeService(self.session).get_profile()
        return self.settings.paper(str(profile.kertas)), self.settings.portrait()

    def _ask_print(
        self, title: str, lembar_kerja: bool | None, errors: list[Finding], suggested: str
    ) -> tuple[PrintChoice, Path] | None:
        """Print options, then where to save the PDF; None when either is cancelled."""
        paper, portrait = self._paper_defaults()
        choice = PrintDialog(
            self.window,
            title,
            paper=paper,
            portrait=portrait,
            lembar_kerja=lembar_kerja,
            errors=errors,
        ).ask()
        if choice is None:
            return None
        self.settings.set_paper(choice.kertas)
        self.settings.set_portrait(choice.tegak)
        path = self.ask_save_path("Simpan PDF", suggested, PDF_FILTER)
        return None if path is None else (choice, with_extension(path, ".pdf"))

    def print_pdf(self) -> None:
        sop_id = self.catalogue.selected_id()
        if sop_id is None:
            return
        doc = self.sops.get(sop_id).document
        errors = errors_of(self.sops.check(sop_id))
        asked = self._ask_print(
            f"<b>{doc.nomor or '—'}</b> — {doc.judul}",
            doc.lembar_kerja.cetak,
            errors,
            f"{file_stem(doc.nomor or doc.judul)}.pdf",
        )
        if asked is None:
            return
        choice, path = asked

        def work(_c: TaskControl):
            return PrintService(self.session).sop_pdf(
                sop_id,
                path,
                kertas=choice.kertas,
                tegak=choice.tegak,
                lembar_kerja=choice.lembar_kerja,
                paksa=choice.paksa,
                tanggal_ttd=choice.tanggal_ttd,
            )

        self._start("Mencetak SOP ke PDF…", work, lambda r: self._printed(path, r))

    def print_book(self) -> None:
        printing = PrintService(self.session)
        choices = printing.book_choices()
        if not choices:
            QMessageBox.information(
                self.window, "Buku SOP", "Belum ada SOP yang berlaku untuk dicetak dalam Buku SOP."
            )
            return
        paper, portrait = self._paper_defaults()
        errors = self.sops.book_errors_by_id([c.id for c in choices])
        options = BookDialog(self.window, choices, errors, paper=paper, portrait=portrait).ask()
        if options is None:
            return
        self.settings.set_paper(options.kertas)
        self.settings.set_portrait(options.tegak)
        path = self.ask_save_path("Simpan Buku SOP", "Buku SOP.pdf", PDF_FILTER)
        if path is None:
            return
        path = with_extension(path, ".pdf")

        def work(control: TaskControl):
            return PrintService(self.session).book_pdf(
                path,
                options.ids,
                kertas=options.kertas,
                tegak=options.tegak,
                paksa=options.paksa,
                tahun=options.tahun,
                progress=control.progress,
                cancelled=control.cancelled,
                jilid=options.jilid,
            )

        self._start("Mencetak Buku SOP…", work, lambda r: self._printed(path, r), cancellable=True)

    def _printed(self, path: Path, result: PrintResult) -> None:
        self._status(f"{path.name}: {result.pages} halaman")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Selesai",
            f"{path.name} siap: {result.pages} halaman.",
            QMessageBox.StandardButton.Close,
            self.window,
        )
        if result.notices:  # text shrunk or cut, arrows left out: the user must know
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText("Catatan tata letak:\n" + "\n".join(result.notices))
        open_button = box.addButton("&Buka PDF", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
