"""Where things live: bundled resources and the per-user data folder.

Works from a source checkout, an installed wheel (resources ship inside the
package as `kinerja_desktop/resources`) and a frozen PyInstaller build.
Standard library only, so every layer may use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "KinerjaDesktop"
DB_FILE_NAME = "kinerja.db"


def _bundled_dir(name: str) -> Path:
    """A folder shipped with the program: frozen build, installed wheel
    (inside the package) or source checkout (beside the package)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / name
    if installed.is_dir():
        return installed
    return package_dir.parent / name


def resources_dir() -> Path:
    """The folder holding fonts, demo data, icons and templates."""
    return _bundled_dir("resources")


def resource(*parts: str) -> Path:
    """Path of one bundled resource, e.g. resource("fonts", "LiberationSans-Regular.ttf")."""
    return resources_dir().joinpath(*parts)


def forms_dir() -> Path:
    """The Qt Designer `.ui` files (loaded at run time by the GUI)."""
    return _bundled_dir("forms")


def data_dir() -> Path:
    """The per-user folder for the database and its backups (not created here).

    Windows: %APPDATA%\\KinerjaDesktop; macOS: ~/Library/Application Support/
    KinerjaDesktop; Linux: $XDG_DATA_HOME/KinerjaDesktop (~/.local/share/...).
    KINERJA_DATA_DIR overrides all of them (tests, portable installs).
    """
    override = os.environ.get("KINERJA_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def backup_dir(db_path: Path) -> Path:
    """Automatic backups (before migrations, before a restore) sit beside the database."""
    return db_path.parent / "cadangan"
