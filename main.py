"""Start Kinerja Desktop: no argument opens the window; `main.py <perintah>` runs a command."""

import gc
import sys


def _start() -> int:
    # No cycle collection while the start imports and builds (thousands of new
    # objects, nothing to free): the window turns it back on once ready, a
    # command at once (kinerja_desktop.app.main).
    gc.disable()
    try:
        # Imported here so that Ctrl-C during start-up also ends quietly.
        from kinerja_desktop.app import main  # noqa: PLC0415

        return main()
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(_start())
