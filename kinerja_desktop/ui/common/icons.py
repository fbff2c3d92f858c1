"""The application's icons: small SVGs drawn for the project in `resources/icons/`.

`icon("cetak")` gives a QIcon (empty when the file is missing, so a lost icon
never stops the window); `app_icon()` is the window and taskbar icon.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from kinerja_desktop.paths import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("aplikasi")
