"""The command line: parses `python main.py [--db PATH] <kelompok> <perintah> …`.

With no command the desktop window opens (`--demo`: on the demo database;
`--smoke`: open, wait for the first paint, print one JSON line, exit — the
start-up benchmark and CI use it). Every command takes `--db PATH` (before or
after the command); `--demo` before a command points it at the demo database.
Expected failures print one Indonesian line on stderr and end with a
non-zero status; an unexpected one prints a short Indonesian line too, with
the technical detail only when KINERJA_DEBUG is set.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kinerja_desktop import __version__, diagnostics
from kinerja_desktop.core.errors import KinerjaError

from .argparse_id import IndonesianParser, install
from .common import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_UNEXPECTED


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        # Sub-commands must not overwrite a --db given before the command.
        default=None if top else argparse.SUPPRESS,
        help="berkas basis data (bawaan: basis data di folder data pengguna)",
    )


GROUPS = ("sop", "db", "demo", "kinerja")


def _top_parser() -> argparse.ArgumentParser:
    install()
    parser = IndonesianParser(
        description="Kinerja Desktop: SOP AP dan data kinerja kantor Kecamatan. "
        "Tanpa perintah, jendela aplikasi dibuka.",
    )
    parser.add_argument("--version", action="version", version=f"Kinerja Desktop {__version__}")
    _db_option(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="pakai basis data contoh (demo.db di folder data), terpisah dari basis data kantor",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="uji mulai: buka jendela, tunggu tampil, cetak satu baris JSON, lalu keluar",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (the command modules load only here)."""
    from . import db_commands, kinerja_commands, sop_commands  # noqa: PLC0415

    parser = _top_parser()
    groups = parser.add_subparsers(
        dest="group", metavar="<kelompok>", parser_class=IndonesianParser
    )
    sop_commands.register(
        groups.add_parser("sop", help="daftar, periksa, ekspor, impor, cetak SOP"), _db_option
    )
    db_commands.register(
        groups.add_parser("db", help="cadangkan, pulihkan, periksa basis data"), _db_option
    )
    db_commands.register_demo(groups.add_parser("demo", help="pustaka SOP demo"), _db_option)
    kinerja_commands.register(
        groups.add_parser(
            "kinerja",
            help="data kinerja: rencana, formulir, impor, status, nilai, validasi, perbaikan, "
            "laporan",
        ),
        _db_option,
    )
    return parser


def run(argv: list[str], open_gui: Callable[..., int]) -> int:
    """Run one command and return the exit status.

    With no command, `open_gui(db_path, demo=…, smoke=…)` is called: the
    composition root passes the window's starter in, so this package never
    imports the GUI.
    """
    if not any(arg in GROUPS or arg in ("-h", "--help", "--version") for arg in argv):
        # The window: no command module (nor its imports) is needed.
        top = _top_parser()
        top.add_argument("group", nargs="?", help=argparse.SUPPRESS)
        args = top.parse_args(argv)
        if args.group is None:
            if args.demo and args.db is not None:
                top.error("--demo dan --db tidak dapat dipakai bersamaan")
            return open_gui(args.db, demo=args.demo, smoke=args.smoke)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.db is not None:
        parser.error("--demo dan --db tidak dapat dipakai bersamaan")
    if args.smoke and args.group is not None:
        parser.error("--smoke hanya untuk membuka jendela, tanpa perintah")
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if args.group is None:
        return open_gui(args.db, demo=args.demo, smoke=args.smoke)
    if handler is None:
        parser.parse_args([args.group, "--help"])
        return EXIT_ERROR
    try:
        if args.demo:
            from .db_commands import demo_database  # noqa: PLC0415

            args.db = demo_database()
        return handler(args)
    except KinerjaError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        if exc.detail and os.environ.get("KINERJA_DEBUG"):
            print(exc.detail, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`… | head`): not an error of ours.
        _silence_stdout()
        return 0
    except Exception as exc:  # the last guard: never a traceback for the user
        if os.environ.get("KINERJA_DEBUG"):
            raise
        where = _log_unexpected(exc, argv)
        print(
            f"Galat tak terduga ({type(exc).__name__}): {exc}. "
            "Jalankan lagi dengan KINERJA_DEBUG=1 untuk rinciannya"
            + (f"; catatannya ada di {where}." if where else "."),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def _log_unexpected(exc: Exception, argv: list[str]) -> Path | None:
    """Write the traceback to the log file (set up only now: commands that
    succeed never touch it); the log's path, or None when it cannot be written."""
    where = diagnostics.setup_logging()
    logging.getLogger(__name__).error("Galat tak terduga pada: %s", " ".join(argv), exc_info=exc)
    return where


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
