"""Beranda, the first page: what needs attention, each item opening what it names.

The overview is read in the background (`services.overview`), first after
the window's first paint and then, shortly after changes, only while the
page is shown (a hidden Beranda refreshes when it is next shown).
Beside the SOP lists, what the data-kinerja cycle waits for
(`services.kinerja_overview`: rounds not complete, values not validated,
Perbaikan on their way). Double-click or Enter on an item asks the window to open it
(`open_requested(entity, id)`); the status line's links filter the catalogue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.services.entities import SOP
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.forms import child, load_form
from kinerja_desktop.ui.common.operations import run_task
from kinerja_desktop.ui.common.settings import UiSettings

FORM = "beranda"
REQUIRED = {
    "officeLabel": QLabel,
    "statusLabel": QLabel,
    "reviewSpin": QSpinBox,
    "refreshButton": QPushButton,
    "errorsList": QTreeWidget,
    "reviewList": QTreeWidget,
    "draftsList": QTreeWidget,
    "kinerjaList": QTreeWidget,
    "recentList": QTreeWidget,
}
if TYPE_CHECKING:
    from kinerja_desktop.services.kinerja_overview import KinerjaItem
    from kinerja_desktop.services.overview import Overview, SopItem

log = logging.getLogger(__name__)
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_DELAY_MS = 400
FIRST_FIXED = {"recentList": 22, "kinerjaList": 26}  # width of column 0, in characters
EMPTY = {
    "errorsList": "Tidak ada SOP dengan kesalahan.",
    "reviewList": "Tidak ada SOP yang perlu ditinjau ulang.",
    "draftsList": "Tidak ada draf yang menunggu.",
    "kinerjaList": "Tidak ada putaran, validasi atau perbaikan yang menunggu.",
    "recentList": "Belum ada perubahan.",
}


class BerandaPage(QWidget):
    """The overview of one database."""

    open_requested = Signal(str, object)  # entity, id
    loaded = Signal()

    def __init__(
        self,
        session: Session,
        settings: UiSettings,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("berandaPage")
        self._session = session
        self._clock = clock  # the data-kinerja "today" (the demo's is fixed)
        self._settings = settings
        form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.office_label: QLabel = child(form, QLabel, "officeLabel")
        self.status_label: QLabel = child(form, QLabel, "statusLabel")
        self.review_spin: QSpinBox = child(form, QSpinBox, "reviewSpin")
        self.review_spin.setValue(settings.review_months())
        self.review_spin.valueChanged.connect(self._review_changed)
        child(form, QPushButton, "refreshButton").clicked.connect(self.refresh)
        self.lists = {name: child(form, QTreeWidget, name) for name in EMPTY}
        char = self.fontMetrics().averageCharWidth()
        for name, tree in self.lists.items():
            header = tree.header()
            header.setStretchLastSection(False)
            # what a line says is in column 1 for these, in column 0 for the SOP lists
            fixed, stretched = (0, 1) if name in FIRST_FIXED else (1, 0)
            header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(fixed, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(fixed, FIRST_FIXED.get(name, 30) * char)
            tree.itemActivated.connect(self._activated)
        self.status_label.linkActivated.connect(lambda _link: self.open_requested.emit(SOP, None))
        self.overview: Overview | None = None
        self.kinerja: list[KinerjaItem] = []
        self._started = False
        self._dirty = False
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    # -- loading -------------------------------------------------------------------
    def start(self) -> None:
        """The first load (after the window's first paint: start-up stays quick)."""
        if not self._started:
            self._started = True
            self.refresh()

    def schedule_refresh(self) -> None:
        """A change happened: refresh soon when shown, else when next shown."""
        if not self._started:
            return
        if self.isVisible():
            self._timer.start()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self._timer.start()

    def refresh(self) -> None:
        if self._loading:
            self._timer.start()  # one read at a time; try again shortly
            return
        self._loading = True
        months = self.review_spin.value()
        session, clock = self._session, self._clock

        def work(_control):
            if session.closed:  # the window is closing
                return None
            from kinerja_desktop.services.kinerja_overview import (  # noqa: PLC0415
                KinerjaOverviewService,
            )
            from kinerja_desktop.services.overview import OverviewService  # noqa: PLC0415

            name = OfficeService(session).get_profile().nama_kantor
            overview = OverviewService(session).overview(review_months=months)
            return name, overview, KinerjaOverviewService(session, clock).attention()

        run_task(self, "Memuat Beranda…", work, self._loaded, quiet=True, on_error=self._failed)

    def _loaded(self, result: tuple[str, Overview, list[KinerjaItem]] | None) -> None:
        self._loading = False
        if result is not None:
            self._show(result)

    def _failed(self, exc: BaseException) -> None:
        """Beranda is a convenience: a failure is noted there, not in a dialog."""
        self._loading = False
        log.warning("Beranda tidak dapat dimuat: %s", exc, exc_info=exc)
        message = getattr(exc, "message", str(exc))
        self.status_label.setText(f"Beranda tidak dapat dimuat: {message}")

    def _review_changed(self, months: int) -> None:
        self._settings.set_review_months(months)
        self._timer.start()

    # -- showing -------------------------------------------------------------------
    def _show(self, result: tuple[str, Overview, list[KinerjaItem]]) -> None:
        name, overview, kinerja = result
        self.overview, self.kinerja = overview, kinerja
        title = name.title() if name.isupper() else name
        self.office_label.setText(f"<h2>{title or 'Beranda'}</h2>")
        counts = overview.by_status
        pending = (
            f" · {overview.pending_revisions} revisi sedang disiapkan"
            if overview.pending_revisions
            else ""
        )
        self.status_label.setText(
            f"<a href='katalog'>{overview.total} SOP</a>: "
            f"{counts[SopStatus.BERLAKU]} berlaku · {counts[SopStatus.DRAF]} draf · "
            f"{counts[SopStatus.DICABUT]} dicabut{pending}"
        )
        self._fill("errorsList", overview.with_errors)
        self._fill("reviewList", overview.due_review)
        self._fill("draftsList", overview.drafts)
        self._fill_kinerja(kinerja)
        self._fill_recent(overview)
        self.loaded.emit()

    def _fill(self, name: str, items: list[SopItem]) -> None:
        tree = self.lists[name]
        tree.clear()
        for item in items:
            row = QTreeWidgetItem([item.label, item.detail])
            row.setData(0, TARGET_ROLE, (SOP, item.sop_id))
            row.setToolTip(0, item.label)
            row.setToolTip(1, item.detail)
            tree.addTopLevelItem(row)
        self._empty_note(tree, name)

    def _fill_kinerja(self, items: list[KinerjaItem]) -> None:
        tree = self.lists["kinerjaList"]
        tree.clear()
        for item in items:
            row = QTreeWidgetItem([item.label, item.detail])
            row.setData(0, TARGET_ROLE, (f"kinerja.{item.halaman}", item.kunci))
            row.setToolTip(0, item.label)
            row.setToolTip(1, item.detail)
            tree.addTopLevelItem(row)
        self._empty_note(tree, "kinerjaList")

    def _fill_recent(self, overview: Overview) -> None:
        tree = self.lists["recentList"]
        tree.clear()
        for entry in overview.recent:
            when = f"{format_tanggal(entry.at.date())} {entry.at:%H.%M}"
            row = QTreeWidgetItem([when, entry.summary])
            row.setData(0, TARGET_ROLE, (entry.entity, entry.entity_id))
            row.setToolTip(1, entry.summary)
            tree.addTopLevelItem(row)
        self._empty_note(tree, "recentList")

    @staticmethod
    def _empty_note(tree: QTreeWidget, name: str) -> None:
        if tree.topLevelItemCount() == 0:
            note = QTreeWidgetItem([EMPTY[name], ""])
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            tree.addTopLevelItem(note)
            note.setFirstColumnSpanned(True)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            entity, entity_id = target
            self.open_requested.emit(entity, entity_id)
