"""argparse speaking Indonesian.

argparse builds its messages through gettext; this module gives it an
Indonesian catalogue of the phrases it uses, and a parser whose errors end the
program with a short Indonesian message (exit status 2) instead of English.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

_CATALOGUE = {
    "usage: ": "pemakaian: ",
    "options": "pilihan",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan ambigu: %(option)s bisa berarti %(matches)s"
    ),
}


def _translate(message: str) -> str:
    return _CATALOGUE.get(message, message)


def install() -> None:
    """Make argparse's own phrases Indonesian (idempotent)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = lambda s, p, n: _translate(s if n == 1 else p)  # type: ignore[attr-defined]


class IndonesianParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one Indonesian line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"Galat: {message} (lihat `{self.prog} --help`)\n")
