"""Who else has the database file open, for the message when it is busy.

SQLite only says "database is locked". To tell the user whom to wait for,
`busy_error` names the other processes that have the file (or its -wal)
open: on Linux from `/proc/*/fd` (the processes this user may see; one of
ours is called "Kinerja Desktop", others by their program name, e.g.
"sqlitebrowser (PID 4242)"); elsewhere, and when nothing can be seen,
"program lain" — e.g. DB Browser for SQLite, an antivirus, or a second
Kinerja Desktop window. Nothing is written to find out.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from ..core.errors import KinerjaError

# How long a writer waits for another one's lock (SQLite's busy_timeout).
BUSY_TIMEOUT_MS = 5000
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
MAX_NAMED = 4


class DatabaseBusyError(KinerjaError):
    """Another process holds the database's lock longer than we wait."""


def is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and int(code) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
        return True
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def _proc_users(db_path: Path) -> list[tuple[int, str]]:
    """(pid, program name) of the other processes with the file open (Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    wanted = set()
    for name in (db_path, db_path.with_name(db_path.name + "-wal")):
        with suppress(OSError):
            wanted.add(str(name.resolve()))
    found: list[tuple[int, str]] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        if _has_open(entry, wanted):
            found.append((int(entry.name), _program_name(entry)))
    return sorted(found)


def _has_open(entry: Path, wanted: set[str]) -> bool:
    try:
        for fd in (entry / "fd").iterdir():
            with suppress(OSError):
                if os.readlink(fd) in wanted:
                    return True
    except OSError:
        return False
    return False


def _program_name(entry: Path) -> str:
    try:
        args = (entry / "cmdline").read_bytes().split(b"\0")
    except OSError:
        args = []
    words = [a.decode("utf-8", "replace") for a in args if a]
    names = [Path(w).name.lower() for w in words[:3]]  # not the folders (a venv in .../kinerja2)
    if any("kinerja" in n or n == "main.py" for n in names):
        return "Kinerja Desktop"
    with suppress(OSError):
        return (entry / "comm").read_text(encoding="utf-8").strip() or "program lain"
    return "program lain"


def describe_users(db_path: Path) -> str:
    """The other users of the file, in words ("program lain" when unknown)."""
    named = [f"{program} (PID {pid})" for pid, program in _proc_users(db_path)[:MAX_NAMED]]
    return ", ".join(named) if named else "program lain"


def busy_error(db_path: Path, what: str, exc: BaseException | None = None) -> DatabaseBusyError:
    """'Basis data … sedang dipakai oleh …' for a lock not released within the busy timeout."""
    seconds = BUSY_TIMEOUT_MS // 1000
    return DatabaseBusyError(
        f"Basis data {db_path.name} sedang dipakai oleh {describe_users(db_path)}; "
        f"tidak dapat {what} sekarang (sudah ditunggu {seconds} detik). Tunggu sampai "
        "program itu selesai atau tutup, lalu coba lagi. Tidak ada yang diubah.",
        f"path={db_path}; {exc}" if exc else f"path={db_path}",
    )


def translate_busy(exc: sqlite3.Error, db_path: Path, what: str) -> DatabaseBusyError | None:
    return busy_error(db_path, what, exc) if is_busy(exc) else None
