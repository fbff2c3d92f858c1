"""`python -m kinerja_desktop` = `python main.py`."""

import sys

from kinerja_desktop.app import main

sys.exit(main())
