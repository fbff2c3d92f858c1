"""User preferences of the window (last folders, paper, geometry, layout,
the last database) over QSettings.

Business data lives only in SQLite; this is only how the desk is arranged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    """Typed getters and setters; `store` may be given for tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or QSettings("KinerjaDesktop", "KinerjaDesktop")

    def last_folder(self, kind: str = "terakhir") -> Path:
        """The folder last used for `kind` of file ("terakhir": any), else home."""
        value = self._s.value(f"folder/{kind}", "", type=str)
        if not value and kind != "terakhir":
            return self.last_folder()
        path = Path(value) if value else Path.home()
        return path if path.is_dir() else Path.home()

    def set_last_folder(self, path: Path, kind: str = "terakhir") -> None:
        folder = path if path.is_dir() else path.parent
        self._s.setValue(f"folder/{kind}", str(folder))
        if kind != "terakhir":
            self._s.setValue("folder/terakhir", str(folder))

    def layout_state(self, key: str) -> QByteArray | None:
        """A saved layout (window state, splitter, table header) by name."""
        value = self._s.value(f"tata_letak/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_layout_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"tata_letak/{key}", value)

    def review_months(self) -> int:
        """After how many months an SOP in force is due for review (Beranda)."""
        value = self._s.value("beranda/tinjau_bulan", 12, type=int)
        return value if 1 <= value <= 120 else 12

    def set_review_months(self, months: int) -> None:
        self._s.setValue("beranda/tinjau_bulan", int(months))

    def paper(self, default: str) -> str:
        value = self._s.value("cetak/kertas", default, type=str)
        return value if value in ("A4", "F4") else default

    def set_paper(self, paper: str) -> None:
        self._s.setValue("cetak/kertas", paper)

    def portrait(self) -> bool:
        return bool(self._s.value("cetak/tegak", False, type=bool))

    def set_portrait(self, value: bool) -> None:
        self._s.setValue("cetak/tegak", value)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("jendela/geometri")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("jendela/geometri", value)
