"""The main window's navigation: sections of pages on the left, the page on the right.

Every screen of the application is a page registered here by its room
(`ui/sop`, `ui/kinerja`, `ui/office` …) under one of the fixed sections, so a
room adds its screens without editing the others:

    window.navigation.add_page("sop.katalog", "Katalog SOP", widget, section=SECTION_SOP)

Sections appear in `SECTIONS` order whatever order pages are added in; a
section without pages is not shown. Ctrl+PgDown / Ctrl+PgUp move to the next
or previous page; the tree itself is keyboard-driven.

Before the rooms are loaded (the window's first paint, see `main_window`), the
tree shows the pages it will hold as placeholders (`add_placeholder`), all on
one waiting page; `add_page` with the same key later fills the placeholder in
place, and `prune_placeholders` drops those no room claimed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

SECTION_BERANDA = "beranda"
SECTION_SOP = "sop"
SECTION_KINERJA = "kinerja"
SECTION_KANTOR = "kantor"
SECTIONS: dict[str, str] = {
    SECTION_BERANDA: "Beranda",
    SECTION_SOP: "SOP",
    SECTION_KINERJA: "Data Kinerja",
    SECTION_KANTOR: "Kantor",
}
# Qt.ItemDataRole.UserRole + 1 (the frame never touches Qt's namespace: see
# frame.ALIGN_CENTER).
KEY_ROLE = 0x0100 + 1


class Navigation(QSplitter):
    """The section tree and the stack of pages it switches between."""

    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, frame: bool = False) -> None:
        """`frame`: the window's first paint; headings become unselectable at
        `settle` (their flag is one of Qt's enums, see KEY_ROLE)."""
        super().__init__(parent=parent)  # horizontal (by keyword: see KEY_ROLE)
        self._settled = not frame
        self.setObjectName("navigation")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("navigationTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setMinimumWidth(150)
        self.tree.setAccessibleName("Navigasi")
        self.stack = QStackedWidget(self)
        self.addWidget(self.tree)
        self.addWidget(self.stack)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([190, 1010])
        self.setChildrenCollapsible(False)
        self._sections: dict[str, QTreeWidgetItem] = {}
        self._pages: dict[str, tuple[QTreeWidgetItem, QWidget]] = {}
        self._placeholders: dict[str, QTreeWidgetItem] = {}
        self._waiting: QWidget | None = None
        self.tree.currentItemChanged.connect(self._item_changed)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.step_page(step))

    # -- building -------------------------------------------------------------
    def _section(self, section: str) -> QTreeWidgetItem:
        if section not in SECTIONS:
            raise ValueError(f"unknown navigation section {section!r}")
        item = self._sections.get(section)
        if item is None:
            item = QTreeWidgetItem([SECTIONS[section]])
            if self._settled:
                _heading_flags(item)
            font = QFont(self.tree.font())
            font.setBold(True)
            item.setFont(0, font)
            order = list(SECTIONS)
            position = sum(
                1 for other in self._sections if order.index(other) < order.index(section)
            )
            self.tree.insertTopLevelItem(position, item)
            item.setExpanded(True)
            self._sections[section] = item
        return item

    def _item(self, key: str, title: str, icon: QIcon | None, tooltip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        item.setData(0, KEY_ROLE, key)
        if icon is not None:
            item.setIcon(0, icon)
        if tooltip:
            item.setToolTip(0, tooltip)
        return item

    def add_placeholder(
        self,
        key: str,
        title: str,
        *,
        section: str,
        icon: QIcon | None = None,
        tooltip: str = "",
    ) -> None:
        """List page `key` before its room has built it; it shows the waiting page."""
        if key in self._pages or key in self._placeholders:
            raise ValueError(f"navigation page {key!r} exists already")
        parent = self._section(section)
        item = self._item(key, title, icon, tooltip)
        parent.addChild(item)
        parent.setExpanded(True)
        self._placeholders[key] = item

    def settle(self) -> None:
        """After the first paint: the headings become what they are, not pages."""
        self._settled = True
        for item in self._sections.values():
            _heading_flags(item)

    def set_waiting_page(self, widget: QWidget) -> None:
        """What a placeholder shows until its page is there."""
        self._waiting = widget
        self.stack.addWidget(widget)

    def add_page(
        self,
        key: str,
        title: str,
        widget: QWidget,
        *,
        section: str,
        icon: QIcon | None = None,
        tooltip: str = "",
    ) -> None:
        """Register `widget` as page `key`, listed as `title` under `section`
        (in the place of its placeholder, when it had one)."""
        if key in self._pages:
            raise ValueError(f"navigation page {key!r} exists already")
        item = self._placeholders.pop(key, None)
        if item is None:
            parent = self._section(section)
            item = self._item(key, title, icon, tooltip)
            parent.addChild(item)
            parent.setExpanded(True)
        else:  # the room's own words win over the outline's
            item.setText(0, title)
            item.setIcon(0, icon if icon is not None else QIcon())
            item.setToolTip(0, tooltip)
        self.stack.addWidget(widget)
        self._pages[key] = (item, widget)
        if self.tree.currentItem() is item:
            self.stack.setCurrentWidget(widget)
        elif len(self._pages) == 1 and self.tree.currentItem() is None:
            self.show_page(key)

    def prune_placeholders(self) -> list[str]:
        """Drop the placeholders no room claimed (and sections left empty); their keys."""
        dropped = list(self._placeholders)
        for item in self._placeholders.values():
            parent = item.parent()
            parent.removeChild(item)
            if parent.childCount() == 0:
                section = next(k for k, v in self._sections.items() if v is parent)
                del self._sections[section]
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(parent))
        self._placeholders.clear()
        return dropped

    # -- moving -----------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        """Bring page `key` forward (and select it in the tree); the page
        (the waiting page while `key` is a placeholder)."""
        if key in self._placeholders and self._waiting is not None:
            item, widget = self._placeholders[key], self._waiting
        else:
            item, widget = self._pages[key]
        if self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)
        self.stack.setCurrentWidget(widget)
        return widget

    def page(self, key: str) -> QWidget:
        return self._pages[key][1]

    def keys(self) -> list[str]:
        """Page keys in the order the tree shows them."""
        ordered: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            ordered.extend(section.child(j).data(0, KEY_ROLE) for j in range(section.childCount()))
        return ordered

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return next((k for k, (_i, w) in self._pages.items() if w is widget), None)

    def step_page(self, step: int) -> None:
        keys = self.keys()
        current = self.current_key()
        if not keys or current is None:
            return
        self.show_page(keys[(keys.index(current) + step) % len(keys)])

    def _item_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        if key in self._placeholders and self._waiting is not None:
            self.stack.setCurrentWidget(self._waiting)
            return
        if key is None or key not in self._pages:
            return
        self.stack.setCurrentWidget(self._pages[key][1])
        self.page_changed.emit(key)


def _heading_flags(item: QTreeWidgetItem) -> None:
    from PySide6.QtCore import Qt  # noqa: PLC0415 (see KEY_ROLE)

    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a page
