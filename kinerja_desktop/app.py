"""The composition root: reads the command line and starts the CLI or the GUI.

The only module besides `ui/` that may import PySide6, and the only one that
sees every layer.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python main.py` and the `kinerja` console script."""
    from kinerja_desktop.cli.main import run  # noqa: PLC0415 (the CLI is written next)

    return run(sys.argv[1:] if argv is None else argv)


def main_gui() -> int:
    """Entry point of the `kinerja-desktop` GUI script (no console on Windows)."""
    return main([])
