"""Qt's own texts in Indonesian: the project's `qtbase_id` translation and the locale.

Qt ships no Indonesian translation of its own widgets, so the project keeps
one: `resources/i18n/qtbase_id.ts` (the texts a user of this program meets —
dialog buttons, "Show Details…", the file dialog, the text fields' context
menu, the progress dialog, the wizard), compiled with `pyside6-lrelease` into
`qtbase_id.qm` beside it (`python -m kinerja_desktop.ui.common.i18n` rebuilds
it; tests/test_ui_i18n.py checks that the two agree). The `.qm` is committed,
so a fresh `pip install -e .` and a PyInstaller build need no build step.

`install(app)` also makes Indonesian the default locale (month names in date
fields and calendars, decimal commas).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kinerja_desktop.paths import resource

TS_NAME = "qtbase_id.ts"
QM_NAME = "qtbase_id.qm"


def qm_path() -> Path:
    return resource("i18n", QM_NAME)


def ts_path() -> Path:
    return resource("i18n", TS_NAME)


def install(app: QApplication) -> QTranslator | None:
    """Install the Indonesian Qt translation and locale; the translator (kept
    alive by the application), or None when the file is missing."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    translator = QTranslator(app)
    if not translator.load(str(qm_path())):
        return None
    app.installTranslator(translator)
    return translator


def lrelease_command() -> list[str]:
    """`pyside6-lrelease` of the running environment (installed with PySide6)."""
    import shutil  # noqa: PLC0415 (building only; the start-up needs none of it)

    beside = Path(sys.executable).with_name("pyside6-lrelease")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease tidak ditemukan (terpasang bersama PySide6)")
    return [found]


def build(ts: Path | None = None, qm: Path | None = None) -> Path:
    """Compile the `.ts` into the `.qm` (default: the shipped pair); the `.qm`."""
    import subprocess  # noqa: PLC0415

    ts = ts or ts_path()
    qm = qm or qm_path()
    subprocess.run(
        [*lrelease_command(), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    return qm


if __name__ == "__main__":
    print(build())
