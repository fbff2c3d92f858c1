"""The Catatan Audit screen: who changed what and when, read-only.

Every write of the application leaves one row in the audit log, chained to
the row before it by its hash (see `store.audit`). The screen lists the
newest rows that match the filters — kind of data, action (a family such as
"perbaikan" finds all of its steps), who, a date range and a word in the
summary or the values — and shows the selected row whole: the values before
and after, who recorded it, its hash and hash version. *Periksa rantai*
verifies the whole chain and names every row changed, deleted or inserted
outside the application.
"""

from __future__ import annotations

import html
import json
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services.audit import (
    AuditEntry,
    AuditFilter,
    AuditService,
    action_filters,
    action_label,
    entity_label,
)

from .models import OfficeFilterModel, _RowsModel

LIMIT = 500
ANY = "(semua)"
ERROR_COLOUR = "#b00020"


class AuditModel(_RowsModel):
    headers = ("No", "Waktu", "Oleh", "Tindakan", "Data", "Ringkasan")

    def set_entries(self, entries: list[AuditEntry]) -> None:
        display = [
            (
                str(e.id),
                e.at.strftime("%d-%m-%Y %H:%M:%S") if e.at.year > 1 else "(rusak)",
                e.actor or "—",
                action_label(e.action),
                entity_label(e.entity) + (f" #{e.entity_id}" if e.entity_id is not None else ""),
                e.summary,
            )
            for e in entries
        ]
        sort = [(e.id, e.at, e.actor, e.action, e.entity, e.summary) for e in entries]
        self._set([e.id for e in entries], display, sort, [""] * len(entries))


def _value(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


def values_html(before: object, after: object) -> str:
    """The values a row recorded: one line per field, semula → menjadi."""
    if before is None and after is None:
        return ""
    if isinstance(before, dict | type(None)) and isinstance(after, dict | type(None)):
        old, new = before or {}, after or {}
        keys = list(dict.fromkeys([*old, *new]))
        rows = "".join(
            f"<tr><td><b>{html.escape(str(k))}</b></td>"
            f"<td>{html.escape(_value(old.get(k)))}</td>"
            f"<td>{html.escape(_value(new.get(k)))}</td></tr>"
            for k in keys
        )
    else:
        rows = (
            f"<tr><td></td><td>{html.escape(_value(before))}</td>"
            f"<td>{html.escape(_value(after))}</td></tr>"
        )
    return (
        "<table border='1' cellspacing='0' cellpadding='3'>"
        "<tr><th>Isian</th><th>Semula</th><th>Menjadi</th></tr>"
        f"{rows}</table>"
    )


def detail_html(e: AuditEntry) -> str:
    """One audit row, whole, as the screen shows it."""
    who = html.escape(e.actor) if e.actor else "(tidak dicatat)"
    target = html.escape(entity_label(e.entity)) + (
        f" nomor {e.entity_id}" if e.entity_id is not None else ""
    )
    values = values_html(e.before, e.after)
    if e.hash_version < 2:
        values = (
            "<p><i>Catatan lama (versi hash 1): pelaku dan nilai belum dicatat pada "
            "masa itu.</i></p>"
        )
    elif not values:
        values = "<p><i>Tanpa nilai yang dicatat.</i></p>"
    return (
        f"<h3>Catatan audit #{e.id} — {html.escape(action_label(e.action))}</h3>"
        f"<p>{html.escape(e.summary)}</p>"
        f"<p>Waktu: {e.at.strftime('%d-%m-%Y %H:%M:%S') if e.at.year > 1 else '(rusak)'}"
        f"<br>Oleh: {who}<br>Data: {target}<br>Kode tindakan: <tt>{html.escape(e.action)}</tt>"
        f"</p>{values}<p style='color:#555'>Hash (versi {e.hash_version}): "
        f"<tt>{html.escape(e.hash)}</tt></p>"
    )


class _DateFilter(QWidget):
    """A date with a tick that turns it on ("Dari" / "Sampai")."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.on = QCheckBox(text, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd-MM-yyyy")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.on.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.on)
        row.addWidget(self.edit)

    def value(self) -> date | None:
        if not self.on.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.on.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class AuditPage(QWidget):
    def __init__(self, service: AuditService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.service = service
        self._entries: dict[int, AuditEntry] = {}
        self._stale = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Catatan Audit</h2>", self))
        note = QLabel(
            "Setiap perubahan dicatat di sini, dirantai dengan kode hash; catatan tidak dapat "
            "diubah dari aplikasi. <i>Periksa rantai</i> menemukan catatan yang diubah, "
            "dihapus atau disisipkan di luar aplikasi.",
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(self._filters())
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = AuditModel(self)
        self.proxy = OfficeFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table()
        split.addWidget(self.table)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("auditDetail")
        split.addWidget(self.detail)
        split.setSizes([380, 220])
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.status = QLabel("", self)
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.verify_button = QPushButton("&Periksa rantai", self)
        self.verify_button.clicked.connect(lambda _c=False: self.verify())
        bottom.addWidget(self.verify_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.load_choices()
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.entity = QComboBox(self)
        self.action = QComboBox(self)
        self.actor = QComboBox(self)
        for label, combo in (("Data:", self.entity), ("Tindakan:", self.action)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(combo)
        bar.addWidget(QLabel("Oleh:", self))
        bar.addWidget(self.actor)
        self.since = _DateFilter("Dari", self)
        self.until = _DateFilter("Sampai", self)
        bar.addWidget(self.since)
        bar.addWidget(self.until)
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText("Cari di ringkasan dan nilai…")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        bar.addWidget(self.search, 1)
        show = QPushButton("&Tampilkan", self)
        show.clicked.connect(lambda _c=False: self.refresh())
        bar.addWidget(show)
        for combo in (self.entity, self.action, self.actor):
            combo.activated.connect(lambda _i: self.refresh())
        for d in (self.since, self.until):
            d.on.toggled.connect(lambda _on: self.refresh())
            d.edit.dateChanged.connect(lambda _d: self.refresh())
        return bar

    def _table(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("auditTable")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        head = view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        for col, width in enumerate((60, 150, 120, 160, 170)):
            view.setColumnWidth(col, width)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        return view

    # -- data ------------------------------------------------------------------------
    def load_choices(self) -> None:
        found = self.service.choices()
        fills = (
            (self.entity, [(entity_label(e), e) for e in found["entity"]]),
            (self.action, [(action_label(a), a) for a in action_filters(found["action"])]),
            (self.actor, [(a, a) for a in found["actor"]]),
        )
        for combo, items in fills:
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(ANY, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def filters(self) -> AuditFilter:
        return AuditFilter(
            entity=self.entity.currentData(),
            action=self.action.currentData(),
            actor=self.actor.currentData(),
            text=self.search.text().strip() or None,
            since=self.since.value(),
            until=self.until.value(),
        )

    def refresh(self) -> None:
        keep = self.selected_id()
        self.status.setStyleSheet("")
        f = self.filters()
        if f.since and f.until and f.since > f.until:
            self.status.setText("Tanggal 'Dari' sesudah tanggal 'Sampai': tidak ada catatan.")
            entries: list[AuditEntry] = []
        else:
            entries = self.service.list_entries(LIMIT, f)
            shown = f"{len(entries)} catatan"
            if len(entries) == LIMIT:
                shown = f"{LIMIT} catatan terbaru yang cocok (persempit dengan saringan)"
            self.status.setText(f"{shown} ditampilkan.")
        self._entries = {e.id: e for e in entries}
        self.model.set_entries(entries)
        row = self.model.row_of(keep) if keep is not None else None
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row or 0, 0)).row())
        self._show()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.id_at(self.proxy.mapToSource(index).row())

    def selected(self) -> AuditEntry | None:
        chosen = self.selected_id()
        return self._entries.get(chosen) if chosen is not None else None

    def _show(self) -> None:
        e = self.selected()
        self.detail.setHtml(detail_html(e) if e else "<p>Tidak ada catatan yang cocok.</p>")

    def verify(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            breaks = self.service.verify_chain()
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not breaks:
            self.status.setText(
                "Rantai catatan audit utuh: tidak ada catatan yang diubah, dihapus atau "
                "disisipkan di luar aplikasi."
            )
            self.status.setStyleSheet("")
            return
        listed = "<br>".join(html.escape(b) for b in breaks[:10])
        more = f"<br>… dan {len(breaks) - 10} lagi." if len(breaks) > 10 else ""
        self.status.setText(
            f"<b>Rantai catatan audit tidak utuh ({len(breaks)} temuan):</b><br>{listed}{more}"
        )
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}")

    def on_change(self) -> None:
        """A write somewhere: the log has a new row (reload now when shown)."""
        if self.isVisible():
            self.load_choices()
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.load_choices()
            self.refresh()
        super().showEvent(event)
