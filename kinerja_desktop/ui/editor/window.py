"""The editor window: one SOP, its identity page, the steps grid beside the live swimlane.

Tabs: *Identitas* (identity fields, signer, lists, Lembar Kerja) and *Langkah*
(lanes strip and steps grid on the left, the swimlane of the document being
edited on the right). The Pemeriksa SOP panel sits below. Ctrl+S saves through
`SopEditingService.save` (a draft in place, an SOP in force as a new draft
revision; a save over an SOP changed elsewhere is refused and may be kept as a
copy); the title shows "*" while there are unsaved changes (the undo stack's
clean state), and closing then asks. Revisions, compare and print preview are
opened from the SOP menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KinerjaError, NotFoundError
from kinerja_desktop.services.session import Session
from kinerja_desktop.services.sop_editing import (
    EditableSop,
    SavedSop,
    SopEditingService,
    StaleSaveError,
)
from kinerja_desktop.ui.common.icons import icon

from .checker_panel import CheckerPanel, check_with_ids
from .document import EditorDocument
from .exits_bar import ExitsBar
from .identity_page import IdentityPage
from .lanes_panel import LanesPanel
from .live import LiveRefresher, LiveResult
from .prompts import EditorPrompts, fit_to_screen
from .steps_model import COL_URAIAN, StepsTableModel
from .steps_view import StepsGrid
from .swimlane_pane import SwimlanePane

TAB_IDENTITY, TAB_STEPS = 0, 1
CHECK_AFTER_MS = 350  # idle time before the checker runs again


class EditorWindow(QMainWindow):
    """One SOP being edited."""

    saved = Signal(int)  # the SOP's id after each save

    def __init__(
        self,
        session: Session,
        opened: EditableSop,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        caption: str = "",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("editorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.service = SopEditingService(session)
        self.opened = opened
        self.sop_id, self.base_hash = opened.sop_id, opened.base_hash
        self.prompts = EditorPrompts(self)
        self.read_only, self.caption = read_only, caption
        self.editor = EditorDocument(opened.document, self, read_only=read_only)
        self._build_pages()
        self._build_actions()
        if read_only:
            self._make_read_only()
        self.checks = LiveRefresher(
            lambda doc: check_with_ids(doc, opened.other_nomors, opened.jam_kerja_per_hari), self
        )
        self.checks.ready.connect(self._checked)
        # The checker waits for a pause in the typing: the swimlane comes first.
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_AFTER_MS)
        self.check_timer.timeout.connect(lambda: self.checks.request(self.editor.document))
        self.editor.changed.connect(self._document_changed)
        self.editor.stack.cleanChanged.connect(self._update_title)
        self.grid.message.connect(self.show_message)
        self.editor.refused.connect(self.show_message)
        self.grid.current_step_changed.connect(self.swimlane.highlight_step)
        self.swimlane.step_clicked.connect(self._symbol_clicked)
        self.checker.activated.connect(self.go_to_finding)
        fit_to_screen(self, 1360, 800)
        self._update_title()
        self.checks.request(self.editor.document)
        self.swimlane.request(self.editor.document)
        self.tabs.setCurrentIndex(TAB_STEPS if opened.document.steps else TAB_IDENTITY)

    # -- building ------------------------------------------------------------------------
    def _build_pages(self) -> None:
        opened = self.opened
        self.model = StepsTableModel(self.editor, self)
        self.grid = StepsGrid(self.model, self.prompts)
        self.lanes = LanesPanel(self.editor, self.prompts, opened.staff)
        self.grid.lane_header_activated.connect(self.lanes.rename_lane)
        self.grid.current_lane_changed.connect(self.lanes.select_lane)
        self.identity = IdentityPage(self.editor, opened.staff, opened.units)
        self.swimlane = SwimlanePane(self.session, self)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lanes)
        column.addWidget(self.grid, 1)
        self.exits = ExitsBar(self.editor)
        column.addWidget(self.exits)
        self.grid.current_step_changed.connect(self.exits.show_step)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.swimlane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 640])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self.identity, "&Identitas")
        self.tabs.addTab(self.splitter, "&Langkah dan swimlane")
        self.setCentralWidget(self.tabs)
        self.checker = CheckerPanel(self)
        dock = QDockWidget("Pemeriksa SOP", self)
        dock.setObjectName("checkerDock")
        dock.setWidget(self.checker)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [120], Qt.Orientation.Vertical)

    def _action(
        self, text: str, slot, keys=(), tip: str = "", scope: QWidget | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _c=False: slot())
        if scope is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            scope.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        stack = self.editor.stack
        self.save_action = self._action(
            "&Simpan", self.save, [QKeySequence.StandardKey.Save], "Simpan SOP (Ctrl+S)"
        )
        self.undo_action = stack.createUndoAction(self, "&Urungkan")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, "&Ulangi")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        self.close_action = self._action("&Tutup editor", self.close, ["Ctrl+W"])
        self.history_action = self._action(
            "&Riwayat revisi…", self.show_history, [], "Riwayat dan perbandingan revisi"
        )
        self.print_action = self._action(
            "&Pratinjau cetak…", self.print_preview, ["Ctrl+P"], "Pratinjau dan cetak ke PDF"
        )
        self._step_actions(self.splitter)
        self._view_actions(self.splitter)
        self._build_menus()

    def _step_actions(self, page: QWidget) -> None:
        """Insert, delete and move steps: while the Langkah page has the focus."""
        self.insert_action = self._action(
            "Sisipkan langkah di &bawah",
            lambda: self.grid.insert_step(True),
            ["Ctrl+Return", "Ctrl+Enter"],
            "Sisipkan langkah baru di bawah baris terpilih (Ctrl+Enter)",
            page,
        )
        self.insert_above_action = self._action(
            "Sisipkan langkah di &atas",
            lambda: self.grid.insert_step(False),
            ["Ctrl+Shift+Return"],
            scope=page,
        )
        self.delete_action = self._action(
            "&Hapus langkah",
            self.grid.delete_steps,
            ["Ctrl+Delete"],
            "Hapus langkah terpilih",
            page,
        )
        self.up_action = self._action(
            "&Naikkan langkah", lambda: self.grid.move_steps(-1), ["Ctrl+Shift+Up"], scope=page
        )
        self.down_action = self._action(
            "T&urunkan langkah", lambda: self.grid.move_steps(1), ["Ctrl+Shift+Down"], scope=page
        )
        self.paste_action = QAction("&Tempel dari Excel/Word (Ctrl+V)", self)
        self.paste_action.triggered.connect(lambda: self.grid.paste_at(self.grid.currentIndex()))
        self.copy_action = QAction("&Salin sel (Ctrl+C)", self)
        self.copy_action.triggered.connect(self.grid.copy_selection)
        separator = QAction(self)
        separator.setSeparator(True)
        self.grid.addActions(
            [
                self.insert_action, self.insert_above_action, self.delete_action, separator,
                self.up_action, self.down_action, separator, self.copy_action, self.paste_action,
            ]
        )  # fmt: skip

    def _view_actions(self, page: QWidget) -> None:
        self.zoom_in_action = self._action(
            "Per&besar", self.swimlane.zoom_in, ["Ctrl++", "Ctrl+="], scope=page
        )
        self.zoom_out_action = self._action(
            "Per&kecil", self.swimlane.zoom_out, ["Ctrl+-"], scope=page
        )
        self.fit_action = self._action(
            "Selebar &jendela", self.swimlane.fit_width, ["Ctrl+0"], scope=page
        )

    def _build_menus(self) -> None:
        menus = {
            "&Berkas": [self.save_action, self.print_action, None, self.close_action],
            "&Sunting": [self.undo_action, self.redo_action],
            "&Langkah": [
                self.insert_action, self.insert_above_action, self.delete_action, None,
                self.up_action, self.down_action,
            ],
            "&Tampilan": [self.zoom_in_action, self.zoom_out_action, self.fit_action],
            "&SOP": [self.history_action],
        }  # fmt: skip
        for title, actions in menus.items():
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
        bar = self.addToolBar("Editor")
        bar.setObjectName("editorToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        for action, name in (
            (self.save_action, "simpan"), (self.undo_action, "urungkan"),
            (self.redo_action, "ulangi"), (self.insert_action, "sisip_langkah"),
            (self.delete_action, "hapus"), (self.up_action, "naik"), (self.down_action, "turun"),
            (self.history_action, "riwayat"), (self.print_action, "cetak"),
        ):  # fmt: skip
            action.setIcon(icon(name))
        # The toolbar keeps short words; the Sunting menu names the edit to undo.
        self.undo_action.setIconText("Urungkan")
        self.redo_action.setIconText("Ulangi")
        for action in (
            self.save_action, self.undo_action, self.redo_action, None, self.insert_action,
            self.delete_action, self.up_action, self.down_action, None, self.history_action,
            self.print_action,
        ):  # fmt: skip
            bar.addSeparator() if action is None else bar.addAction(action)

    def _make_read_only(self) -> None:
        """A stored revision, shown as it is: nothing can be changed or saved."""
        for action in (
            self.save_action, self.undo_action, self.redo_action, self.insert_action,
            self.insert_above_action, self.delete_action, self.up_action, self.down_action,
        ):  # fmt: skip
            action.setEnabled(False)
            action.setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.identity.set_read_only()
        self.lanes.set_read_only()

    # -- following the document ------------------------------------------------------------
    def _document_changed(self, old, new, hint) -> None:
        self.check_timer.start()
        self.swimlane.request(new)
        self.checker.renumber(new)
        if (old.nomor, old.judul) != (new.nomor, new.judul):
            self._update_title()

    def live_idle(self) -> bool:
        """True when the checker and the swimlane show the newest document."""
        return not self.check_timer.isActive() and self.checks.idle and self.swimlane.idle()

    def _checked(self, result: LiveResult) -> None:
        if result.error is None:
            self.checker.show_findings(result.value, self.editor.document)

    def title_text(self) -> str:
        doc = self.editor.document
        name = " — ".join(p for p in (doc.nomor.strip(), doc.judul.strip()) if p) or "SOP baru"
        return f"{name} — {self.caption}" if self.caption else name

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.title_text()}[*] — Editor SOP")
        self.setWindowModified(not self.editor.stack.isClean())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def go_to_finding(self, step_id: str | None, code: str) -> None:
        if step_id is not None:
            self.tabs.setCurrentIndex(TAB_STEPS)
            self.grid.select_step(step_id, COL_URAIAN)
            self.grid.setFocus()
        elif self.identity.focus_field(code):
            self.tabs.setCurrentIndex(TAB_IDENTITY)
            self.identity.focus_field(code)
        else:
            self.tabs.setCurrentIndex(TAB_STEPS)
            self.lanes.combo.setFocus()

    def _symbol_clicked(self, step_id: str) -> None:
        self.grid.select_step(step_id)

    # -- saving and closing -------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return not self.editor.stack.isClean()

    def save(self) -> bool:
        """Save through the service; True when the document is stored."""
        doc = self.editor.document
        try:
            saved = self.service.save(self.sop_id, doc, base_hash=self.base_hash)
        except (StaleSaveError, NotFoundError) as exc:
            if not self.prompts.stale(exc.message):
                self.show_message("Tidak disimpan.")
                return False
            saved = self._try(lambda: self.service.save_copy(doc))
        except KinerjaError as exc:
            self.prompts.error(exc)
            return False
        if saved is None:
            return False
        self.sop_id, self.base_hash = saved.sop_id, saved.base_hash
        self.editor.rebase(saved.document)
        self._update_title()
        self.show_message(saved.message)
        self.saved.emit(saved.sop_id)
        return True

    def _try(self, work) -> SavedSop | None:
        try:
            return work()
        except KinerjaError as exc:
            self.prompts.error(exc)
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            answer = self.prompts.unsaved_close(self.title_text())
            if answer is None or (answer == "save" and not self.save()):
                event.ignore()
                return
        self.check_timer.stop()
        self.swimlane.shutdown()
        self.checks.shutdown()
        super().closeEvent(event)

    # -- revisions and printing -----------------------------------------------------------------
    def show_history(self) -> None:
        from .revisions import RevisionsDialog  # noqa: PLC0415 (opened rarely)

        if self.sop_id is None:
            self.prompts.info(
                "Riwayat revisi", "SOP ini belum disimpan; riwayatnya dimulai saat disimpan."
            )
            return
        RevisionsDialog(self.session, self.sop_id, self).show()

    def print_preview(self) -> None:
        from .print_preview import PrintPreviewDialog  # noqa: PLC0415 (QtPdf loads on demand)

        PrintPreviewDialog(self.session, self.editor.document, self.sop_id, self).show()
