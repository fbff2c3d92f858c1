"""The SOP life cycle from the window: SOP baru, Duplikat sebagai templat,
Sunting, Revisi baru, Nyatakan berlaku, Cabut, Hapus (to the bin), Sampah.

Each action is enabled by the selected SOP's state, asks what it needs, and
hands the work to `SopService` (the catalogue refreshes on the change
notice). Editing opens the SOP editor (`ui.editor.open_editor`, built
separately); until it is installed the editing actions say so.
Double-click or Enter on the catalogue edits; its context menu offers these
actions too.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QMessageBox, QWidget

from kinerja_desktop.core.sop import SopDocument, SopStatus
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_service import SopService, SopSummary, describe
from kinerja_desktop.ui.common.errors import show_error
from kinerja_desktop.ui.sop.catalogue import SopCatalogue
from kinerja_desktop.ui.sop.life_dialogs import (
    ApproveDialog,
    NewSopDialog,
    TrashDialog,
    WithdrawDialog,
)

EDITOR_MISSING = (
    "Penyunting SOP belum tersedia di versi ini. Sementara itu SOP dapat diubah lewat "
    "Excel: Ekspor ke Excel, ubah, lalu Impor dari Excel."
)


class LifeActions:
    """The life-cycle half of the SOP menu (see the module docstring)."""

    def __init__(self, window: QMainWindow, session: Session, catalogue: SopCatalogue) -> None:
        self.window, self.session, self.catalogue = window, session, catalogue
        self.sops = SopService(session)
        self.editors: list[QWidget] = []  # keeps open editor windows alive
        act = self._action
        self.new_action = act("SOP &baru…", self.new_sop, QKeySequence.StandardKey.New)
        self.duplicate_action = act("&Duplikat sebagai templat", self.duplicate)
        self.edit_action = act("&Sunting", self.edit)
        self.revision_action = act("&Revisi baru…", self.new_revision)
        self.approve_action = act("&Nyatakan berlaku…", self.approve)
        self.withdraw_action = act("Ca&but…", self.withdraw)
        self.delete_action = act("&Hapus", self.delete, QKeySequence.StandardKey.Delete)
        self.trash_action = act("Sa&mpah…", self.show_trash)
        self._hook_catalogue()
        self.update_enabled()

    def _action(self, text: str, slot: Callable[[], None], shortcut=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction | None]:
        return [
            self.new_action,
            self.duplicate_action,
            self.edit_action,
            self.revision_action,
            None,
            self.approve_action,
            self.withdraw_action,
            None,
            self.delete_action,
            self.trash_action,
        ]

    def _hook_catalogue(self) -> None:
        table = self.catalogue.table
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        table.doubleClicked.connect(lambda _index: self.edit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        # the model is reset on every refresh: the selection's state may change
        self.catalogue.model.modelReset.connect(self.update_enabled)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.catalogue.table)
        for action in self.actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.catalogue.table.viewport().mapToGlobal(pos))
        self.context_menu = menu  # kept for tests and while shown

    # -- state ----------------------------------------------------------------------
    def selected(self) -> SopSummary | None:
        sop_id = self.catalogue.selected_id()
        if sop_id is None:
            return None
        try:
            return self.sops.summary(sop_id)
        except Exception:  # deleted meanwhile: nothing selected
            return None

    def update_enabled(self, *_args) -> None:
        s = self.selected()
        latest_draft = s is not None and self.sops.latest_status(s.id) is SopStatus.DRAF
        for action, on in (
            (self.duplicate_action, s is not None),
            (self.edit_action, s is not None),
            (self.revision_action, s is not None and not latest_draft),
            (self.approve_action, s is not None and s.can_approve),
            (self.withdraw_action, s is not None and s.can_withdraw),
            (self.delete_action, s is not None and s.can_delete),
        ):
            action.setEnabled(on)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def _guarded(self, title: str, work: Callable[[], None]) -> None:
        try:
            work()
        except Exception as exc:  # one readable dialog; the service wrote nothing
            show_error(self.window, exc, title)

    # -- the editor -------------------------------------------------------------------
    def open_editor(self, *, sop_id: int | None = None, document: SopDocument | None = None):
        try:
            from kinerja_desktop.ui.editor import open_editor  # noqa: PLC0415 (optional room)
        except ImportError:
            QMessageBox.information(self.window, "Penyunting SOP", EDITOR_MISSING)
            return None
        editor = open_editor(self.window, self.session, sop_id=sop_id, document=document)
        # an editor deletes itself when closed: keep only those still alive and open
        self.editors = [e for e in self.editors if shiboken6.isValid(e) and e.isVisible()]
        self.editors.append(editor)
        return editor

    def new_sop(self) -> None:
        template = NewSopDialog(self.window).ask()
        if template is not None:
            self.open_editor(document=self.sops.new_document(template))

    def duplicate(self) -> None:
        s = self.selected()
        if s is not None:
            self.open_editor(document=self.sops.duplicate_document(s.id))

    def edit(self) -> None:
        s = self.selected()
        if s is not None:
            self.open_editor(sop_id=s.id)

    def ask_revision_note(self, s: SopSummary) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            "Revisi baru",
            f"Revisi baru untuk {describe(s.nomor, s.judul)}.\nCatatan revisi (apa yang diubah):",
        )
        return text.strip() if ok else None

    def new_revision(self) -> None:
        s = self.selected()
        if s is None:
            return
        note = self.ask_revision_note(s)
        if note is None:
            return

        def work() -> None:
            doc = self.sops.get(s.id).document
            number = self.sops.new_revision(s.id, doc, note)
            self._status(f"Revisi ke-{number} (draf) dibuat; revisi yang berlaku tetap berlaku.")
            self.open_editor(sop_id=s.id)

        self._guarded("Revisi baru gagal", work)

    # -- status -----------------------------------------------------------------------
    def approve(self) -> None:
        s = self.selected()
        if s is None:
            return
        draft, findings = self.sops.approval_draft(s.id)
        staff = OfficeService(self.session).list_staff()
        answer = ApproveDialog(self.window, draft, findings, staff).ask()
        if answer is None:
            return

        def work() -> None:
            number = self.sops.approve(
                s.id, tanggal_efektif=answer.tanggal_efektif, signer=answer.signer
            )
            self._status(f"{describe(s.nomor, s.judul)}: revisi ke-{number} berlaku.")

        self._guarded("SOP belum dapat dinyatakan berlaku", work)

    def withdraw(self) -> None:
        s = self.selected()
        if s is None:
            return
        reason = WithdrawDialog(self.window, s).ask()
        if reason is None:
            return

        def work() -> None:
            self.sops.withdraw(s.id, reason)
            self._status(f"{describe(s.nomor, s.judul)} dicabut.")

        self._guarded("SOP tidak dapat dicabut", work)

    # -- the bin ------------------------------------------------------------------------
    def confirm_delete(self, s: SopSummary) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Hapus SOP",
            f"Pindahkan {describe(s.nomor, s.judul)} ke Sampah?\n"
            "SOP di Sampah dapat dikembalikan sampai Sampah dikosongkan.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        s = self.selected()
        if s is None or not s.can_delete or not self.confirm_delete(s):
            return

        def work() -> None:
            self.sops.delete(s.id)
            self._status(f"{describe(s.nomor, s.judul)} dipindahkan ke Sampah.")

        self._guarded("SOP tidak dapat dihapus", work)

    def show_trash(self) -> None:
        restored = TrashDialog(self.window, self.sops).exec()
        self.catalogue.refresh()
        if restored:
            self.catalogue.select(restored[-1])
            self._status(f"{len(restored)} SOP dikembalikan dari Sampah.")
