"""Frozen entry of the window (`kinerja-desktop`, no console on Windows)."""

import gc
import sys

gc.disable()  # as main.py: the window turns it back on once ready

from kinerja_desktop.app import main_gui  # noqa: E402

if __name__ == "__main__":
    sys.exit(main_gui())
