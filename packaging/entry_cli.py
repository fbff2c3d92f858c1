"""Frozen entry of the command line (`kinerja`, for batch work)."""

import sys

from kinerja_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
