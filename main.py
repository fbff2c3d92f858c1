"""Start Kinerja Desktop: no argument opens the window; `main.py <perintah>` runs a command."""

import sys

from kinerja_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
