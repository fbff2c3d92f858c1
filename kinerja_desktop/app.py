"""The composition root: reads the command line and starts the CLI or the GUI.

The only module besides `ui/` that may import PySide6, and the only one that
sees every layer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kinerja_desktop.cli.main import run


def open_gui(db_path: Path | None, *, demo: bool = False, smoke: bool = False) -> int:
    """Open the desktop window on `db_path` (None = the user's default
    database; `demo`: the demo database); `smoke`: print the start-up time
    once the window has painted, then exit."""
    from kinerja_desktop.ui.shell.application import run_gui  # noqa: PLC0415 (Qt only for the GUI)

    return run_gui(db_path, demo=demo, smoke=smoke)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python main.py` and the `kinerja` console script."""
    try:
        return run(sys.argv[1:] if argv is None else argv, open_gui)
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130


def main_gui() -> int:
    """Entry point of the `kinerja-desktop` GUI script (no console on Windows)."""
    return main([])
