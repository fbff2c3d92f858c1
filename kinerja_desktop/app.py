"""The composition root: reads the command line and starts the CLI or the GUI.

The only module besides `ui/` that may import PySide6, and the only one that
sees every layer.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from kinerja_desktop.cli.main import GROUPS, run


def open_gui(db_path: Path | None, *, demo: bool = False, smoke: bool = False) -> int:
    """Open the desktop window on `db_path` (None = the user's default
    database; `demo`: the demo database); `smoke`: print the start-up time
    once the window has painted, then exit."""
    from kinerja_desktop.ui.shell.application import run_gui  # noqa: PLC0415 (Qt only for the GUI)

    return run_gui(db_path, demo=demo, smoke=smoke)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python main.py` and the `kinerja` console script."""
    args = sys.argv[1:] if argv is None else argv
    if any(arg in GROUPS or arg in ("-h", "--help", "--version") for arg in args):
        gc.enable()  # main.py held it off for the window's start only
    try:
        return run(args, open_gui)
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130


def gui_arguments(argv: list[str]) -> list[str]:
    """The window's own options in `argv` (`--demo`, `--smoke`, `--db PATH`);
    anything else is dropped. The GUI program has no console on Windows, so a
    command or a file dragged onto its icon must never end it silently with a
    usage message nobody sees: the window opens instead."""
    kept: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg in ("--demo", "--smoke"):
            kept.append(arg)
        elif arg == "--db":
            value = next(args, None)
            if value:
                kept.extend([arg, value])
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            kept.append(arg)
    return kept


def main_gui() -> int:
    """Entry point of the `kinerja-desktop` GUI program (no console on Windows)."""
    return main(gui_arguments(sys.argv[1:]))
