"""Traces of failures without Qt: the log file, the hard-crash dump, and the
markers that tell the next start that a session died."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kinerja_desktop import diagnostics
from kinerja_desktop.cli.main import run


@pytest.fixture()
def log_folder() -> Path:
    yield diagnostics.log_dir()
    diagnostics.close_logging()


def _finished_pid() -> int:
    """The id of a process that has already ended."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def test_log_file_rotates_in_the_data_folder(log_folder: Path) -> None:
    path = diagnostics.setup_logging()
    assert path == log_folder / "kinerja.log"
    assert diagnostics.setup_logging() == path  # a second call adds no handler
    handlers = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path)
    ]
    assert len(handlers) == 1 and handlers[0].maxBytes == diagnostics.LOG_MAX_BYTES
    logging.getLogger("uji").error("pesan uji %d", 42)
    handlers[0].flush()
    assert "ERROR uji" in path.read_text(encoding="utf-8")
    assert "pesan uji 42" in path.read_text(encoding="utf-8")


def test_the_log_moves_aside_before_it_grows_too_big(tmp_path: Path) -> None:
    handler = diagnostics.RotatingLog(tmp_path / "kinerja.log", 200, 2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    try:
        for i in range(12):
            handler.emit(logging.makeLogRecord({"msg": f"baris {i:02d} " + "x" * 40}))
    finally:
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kinerja.log", "kinerja.log.1", "kinerja.log.2"]
    for path in tmp_path.iterdir():
        assert 0 < path.stat().st_size < 200
    assert "baris 11" in (tmp_path / "kinerja.log").read_text(encoding="utf-8")
    assert "baris 00" not in "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())


def test_unwritable_log_folder_is_no_failure(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(blocker))
    assert diagnostics.setup_logging() is None
    assert diagnostics.SessionMarker().begin("x.db") == []


def test_a_dead_sessions_marker_is_reported_once(log_folder: Path) -> None:
    alive = diagnostics.SessionMarker(pid=os.getppid())  # a running process (pytest's parent)
    alive.begin("/data/lain.db")
    dead = diagnostics.SessionMarker(pid=_finished_pid())
    assert dead.begin("/data/kinerja.db") == []  # the live one is not reported
    me = diagnostics.SessionMarker()
    ends = me.begin("/data/kinerja.db")
    assert [(e.pid, e.database) for e in ends] == [(dead.pid, "/data/kinerja.db")]
    assert ends[0].started[:4].isdigit()
    assert me.path.exists() and alive.path.exists() and not dead.path.exists()
    assert diagnostics.SessionMarker().begin("/data/kinerja.db") == []  # said once
    me.end()
    assert not me.path.exists()


def test_a_hard_crash_leaves_its_stack_and_its_marker(tmp_path: Path) -> None:
    """A segmentation fault: no Python code runs any more, yet crash.log holds
    the stack and the next start learns that the session died."""
    script = textwrap.dedent(
        """
        import faulthandler
        from kinerja_desktop import diagnostics
        diagnostics.enable_crash_trace()
        diagnostics.SessionMarker().begin("mati.db")
        faulthandler._sigsegv()
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert child.returncode != 0
    crash = diagnostics.crash_file().read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash
    ends = diagnostics.SessionMarker().begin("baru.db")
    assert [e.database for e in ends] == ["mati.db"]


def test_cli_writes_an_unexpected_error_to_the_log(
    log_folder: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService

    def broken(_self):
        raise RuntimeError("rusak di dalam")

    open_session(tmp_path / "k.db", create=True).close()
    monkeypatch.delenv("KINERJA_DEBUG", raising=False)
    monkeypatch.setattr(SopService, "list_sops", broken)
    assert run(["sop", "daftar", "--db", str(tmp_path / "k.db")], lambda _db: 0) == 3
    err = capsys.readouterr().err
    assert "rusak di dalam" in err and str(log_folder / "kinerja.log") in err
    text = (log_folder / "kinerja.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: rusak di dalam" in text and "sop daftar" in text
