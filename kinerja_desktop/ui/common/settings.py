"""User preferences of the window (last folder, paper, geometry) over QSettings.

Business data lives only in SQLite; this is only how the desk is arranged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    """Typed getters and setters; `store` may be given for tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or QSettings("KinerjaDesktop", "KinerjaDesktop")

    def last_folder(self) -> Path:
        value = self._s.value("folder/terakhir", "", type=str)
        path = Path(value) if value else Path.home()
        return path if path.is_dir() else Path.home()

    def set_last_folder(self, path: Path) -> None:
        folder = path if path.is_dir() else path.parent
        self._s.setValue("folder/terakhir", str(folder))

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
