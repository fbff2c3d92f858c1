"""What every command shares: exit statuses and argument types with Indonesian errors."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

EXIT_OK = 0
EXIT_FINDINGS = 1  # the checker found a kesalahan (periksa), or printing was refused
EXIT_ERROR = 2  # an expected failure: bad input, missing record, bad file, conflict
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130

_MAX_ID = 2**63 - 1  # SQLite's largest integer


def record_id(text: str) -> int:
    """An id as given on the command line: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"id harus bilangan bulat, bukan {text!r}") from None
    if not 1 <= value <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"id {text} di luar rentang (1 sampai {_MAX_ID})")
    return value


def whole_number(text: str) -> int:
    """A whole number argument (revision number, year)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat, bukan {text!r}") from None


def clock_of(args: argparse.Namespace) -> Callable[[], datetime]:
    """The services' clock: with `--demo` the demo's fixed day (as in its window),
    else the system's."""
    if not getattr(args, "demo", False):
        return datetime.now
    from kinerja_desktop.services.kinerja_demo import demo_clock  # noqa: PLC0415

    return demo_clock()
