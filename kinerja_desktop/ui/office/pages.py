"""The office room's pages in the main window: Profil Instansi, Pegawai, Unit and
Catatan Audit.

`OfficePages.register(navigation, section)` adds them under Kantor as "kantor.profil",
"kantor.pegawai", "kantor.unit" and "kantor.audit"; `refresh(entity)` reloads only the
pages that show that entity (the audit log: after every write); `show(entity, id)`
brings one record forward.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.entities import DATABASE, OFFICE_PROFILE, STAFF, UNIT
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session
from kinerja_desktop.ui.common.icons import icon
from kinerja_desktop.ui.common.lazy_page import LazyPage
from kinerja_desktop.ui.common.settings import UiSettings

from .audit_page import AuditPage
from .profile_page import ProfilePage
from .staff_page import StaffPage
from .unit_page import UnitPage

PAGE_PROFIL = "kantor.profil"
PAGE_PEGAWAI = "kantor.pegawai"
PAGE_UNIT = "kantor.unit"
PAGE_AUDIT = "kantor.audit"


AUDIT_TIP = "Siapa mengubah apa dan kapan; periksa keutuhan rantai catatan"


class OfficePages:
    """Builds the three pages (each on first use) and keeps them current."""

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget) -> None:
        service = OfficeService(session)
        self._pages = {
            PAGE_PROFIL: LazyPage(lambda p: ProfilePage(service, settings, p), parent),
            PAGE_PEGAWAI: LazyPage(lambda p: StaffPage(service, p), parent),
            PAGE_UNIT: LazyPage(lambda p: UnitPage(service, p), parent),
            PAGE_AUDIT: LazyPage(lambda p: AuditPage(AuditService(session), p), parent),
        }
        self._parent = parent
        self._navigation: Any = None  # the shell's Navigation
        self._actions: list[QAction] = []

    @property
    def profile(self) -> ProfilePage:
        return self._pages[PAGE_PROFIL].content()  # type: ignore[return-value]

    @property
    def staff(self) -> StaffPage:
        return self._pages[PAGE_PEGAWAI].content()  # type: ignore[return-value]

    @property
    def units(self) -> UnitPage:
        return self._pages[PAGE_UNIT].content()  # type: ignore[return-value]

    @property
    def audit(self) -> AuditPage:
        return self._pages[PAGE_AUDIT].content()  # type: ignore[return-value]

    def register(self, navigation: Any, section: str) -> None:
        """Add the pages to the shell's `navigation` under `section` (Kantor)."""
        self._navigation = navigation
        for key, title, icon_name, tip in (
            (PAGE_PROFIL, "Profil Instansi", "profil", "Kop, logo, penandatangan, kertas"),
            (PAGE_PEGAWAI, "Pegawai", "pegawai", "Nama, NIP, pangkat dan jabatan pegawai"),
            (PAGE_UNIT, "Unit", "unit", "Sekretariat, Seksi, Kelurahan/Desa"),
            (PAGE_AUDIT, "Catatan Audit", "riwayat", AUDIT_TIP),
        ):
            page = self._pages[key]
            navigation.add_page(
                key, title, page, section=section, icon=icon(icon_name), tooltip=tip
            )
            action = QAction(icon(icon_name), f"{title}", self._parent)
            action.triggered.connect(lambda _c=False, k=key: self._show_page(k))
            self._actions.append(action)

    def actions(self) -> list[QAction]:
        """For the Kantor menu."""
        return list(self._actions)

    def _show_page(self, key: str) -> None:
        window = self._parent
        show_main = getattr(window, "show_main", None)
        if show_main is not None:
            show_main()
        if self._navigation is not None:
            self._navigation.show_page(key)

    def refresh(self, entity: str) -> None:
        """Reload the built pages that show `entity` (the others load when shown)."""
        built = {key for key, page in self._pages.items() if page.built}
        if PAGE_PROFIL in built:
            if entity in (OFFICE_PROFILE, DATABASE):
                self.profile.refresh()
            elif entity == STAFF:
                self.profile.staff_changed()
        if PAGE_PEGAWAI in built and entity in (STAFF, UNIT, OFFICE_PROFILE, DATABASE):
            self.staff.refresh()  # signers and unit names show in the staff list
        if PAGE_UNIT in built and entity in (UNIT, STAFF, DATABASE):
            self.units.refresh()
        if PAGE_AUDIT in built:
            self.audit.on_change()  # every write adds a row

    def show(self, entity: str, entity_id: object, navigation: Any) -> None:
        """Bring forward the page of `entity`, its record `entity_id` selected."""
        key = {OFFICE_PROFILE: PAGE_PROFIL, STAFF: PAGE_PEGAWAI, UNIT: PAGE_UNIT}[entity]
        navigation.show_page(key)
        if isinstance(entity_id, int):
            if entity == STAFF:
                self.staff.select(entity_id)
            elif entity == UNIT:
                self.units.select(entity_id)
