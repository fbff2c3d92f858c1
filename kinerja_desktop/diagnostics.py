"""Traces of failures for support: a rotating log, hard-crash dumps, and
the news that the last session ended abnormally.

Everything lives in the `log/` folder of the per-user data folder
(`paths.data_dir()`):

* `kinerja.log` — Python's logging through a rotating file handler (1 MB × 4
  files; `RotatingLog`, as logging.handlers' own without importing that module's
  socket, pickle and queue: ~8 ms of every window's start): every unexpected
  exception with its traceback, and what the program chooses to log;
* `crash.log` — `faulthandler` output when the interpreter itself dies (a
  segmentation fault, an abort in a C extension) and no Python code runs any
  more;
* `sesi-<pid>.aktif` — one marker per running window. It is removed when the
  window closes normally; a marker whose process no longer runs means that
  session ended abnormally, and the next start says so once (then removes it).

Standard library only, so every layer may use it (like `paths`).
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import paths

LOG_DIR_NAME = "log"
LOG_FILE_NAME = "kinerja.log"
CRASH_FILE_NAME = "crash.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_MARKER_PREFIX = "sesi-"
_MARKER_SUFFIX = ".aktif"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

_crash_file: TextIO | None = None


def log_dir() -> Path:
    """The folder of the log files (inside the data folder; not created here)."""
    return paths.data_dir() / LOG_DIR_NAME


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def crash_file() -> Path:
    return log_dir() / CRASH_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the root logger to the rotating log file; its path, or None when
    the folder cannot be written (the program then runs without a log rather
    than not at all). Calling it again changes nothing."""
    target = log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(target):
            return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(target, LOG_MAX_BYTES, LOG_BACKUPS)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return target


class RotatingLog(logging.FileHandler):
    """A log file that moves to `.1` (`.1` to `.2` …, `backupCount` kept)
    before a record would make it reach `maxBytes` — as
    `logging.handlers.RotatingFileHandler`."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.maxBytes, self.backupCount = max_bytes, backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        self.stream.seek(0, 2)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.maxBytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for i in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{i}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{i + 1}")
        if self.backupCount > 0:
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def close_logging() -> None:
    """Detach and close the log file handlers `setup_logging` added."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").endswith(LOG_FILE_NAME):
            root.removeHandler(handler)
            handler.close()


def enable_crash_trace() -> Path | None:
    """Let `faulthandler` write a hard crash (all threads' stacks) to
    `crash.log`; its path, or None when it cannot be opened."""
    global _crash_file  # noqa: PLW0603 (faulthandler needs the file kept open)
    target = crash_file()
    if _crash_file is not None and not _crash_file.closed:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _crash_file = target.open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(file=_crash_file, all_threads=True)
    return target


def disable_crash_trace() -> None:
    global _crash_file  # noqa: PLW0603
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


@dataclass(frozen=True)
class AbnormalEnd:
    """A session that did not close normally: when it started and on what."""

    started: str  # as written in the marker, ISO 8601 local time
    database: str
    pid: int


class SessionMarker:
    """This window's `sesi-<pid>.aktif` marker, and the dead ones it finds."""

    def __init__(self, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = folder or log_dir()
        self.pid = os.getpid() if pid is None else pid
        self.path = self.folder / f"{_MARKER_PREFIX}{self.pid}{_MARKER_SUFFIX}"

    def begin(self, database: Path | str) -> list[AbnormalEnd]:
        """Write this session's marker; the sessions that ended abnormally
        since the last start (each reported once: its marker is removed)."""
        dead = self._dead_sessions()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            started = datetime.now().isoformat(timespec="seconds")
            self.path.write_text(f"{started}\n{database}\n", encoding="utf-8")
        except OSError:
            pass
        return dead

    def end(self) -> None:
        """The session closes normally: remove the marker."""
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _dead_sessions(self) -> list[AbnormalEnd]:
        found: list[AbnormalEnd] = []
        try:
            markers = sorted(self.folder.glob(f"{_MARKER_PREFIX}*{_MARKER_SUFFIX}"))
        except OSError:
            return found
        for marker in markers:
            pid = _marker_pid(marker)
            if pid is None or pid == self.pid or _process_alive(pid):
                continue
            try:
                lines = marker.read_text(encoding="utf-8").splitlines()
                marker.unlink()
            except OSError:
                continue
            started = lines[0] if lines else ""
            database = lines[1] if len(lines) > 1 else ""
            found.append(AbnormalEnd(started, database, pid))
        return found


def _marker_pid(marker: Path) -> int | None:
    text = marker.name.removeprefix(_MARKER_PREFIX).removesuffix(_MARKER_SUFFIX)
    return int(text) if text.isdigit() else None


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on Windows without sending a
    signal: os.kill(pid, 0) there would be a Ctrl-C)."""
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover (Windows only)
    import ctypes  # noqa: PLC0415

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
