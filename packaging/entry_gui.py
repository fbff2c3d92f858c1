"""Frozen entry of the window (`kinerja-desktop`, no console on Windows)."""

import sys

from kinerja_desktop.app import main_gui

if __name__ == "__main__":
    sys.exit(main_gui())
