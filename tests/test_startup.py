"""The real start-up, in child processes (never app.exec() in the test process):
`main.py --smoke` on an empty data folder and on the demo, and a second start
on a database that is open already bringing the first window forward."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService

REPO = Path(__file__).resolve().parents[1]


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINERJA_DATA_DIR": str(data)}
    env.pop("KINERJA_DEBUG", None)
    return env


def _main(*args: str | Path, data: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=_env(data),
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def test_smoke_prints_the_first_paint_and_the_real_database_starts_empty(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = _main("--smoke", data=data)
    assert done.returncode == 0, done.stderr[-2000:]
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert 0 < line["first_paint_s"] < 60 and line["clock"] == "os"
    assert line["sop"] == 0 and not line["demo"]
    assert Path(line["db"]) == data / "kinerja.db"
    demo = _main("--demo", "--smoke", data=data)
    assert demo.returncode == 0, demo.stderr[-2000:]
    line = json.loads(demo.stdout.strip().splitlines()[-1])
    assert line["demo"] and line["sop"] == 7 and Path(line["db"]) == data / "demo.db"
    with open_session(data / "kinerja.db") as session:  # the demo never reached it
        assert SopService(session).list_sops() == []


def test_a_second_start_brings_the_open_window_forward(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = tmp_path / "kantor.db"
    first = subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), "--db", str(db)],
        env=_env(data),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = data / "log" / "kinerja.log"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if log.exists() and "siap menerima" in log.read_text(encoding="utf-8"):
                break
            assert first.poll() is None, first.communicate()[1][-2000:]
            time.sleep(0.1)
        else:
            raise AssertionError("the first window did not open")
        second = _main("--db", db, data=data, timeout=60)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "sudah terbuka" in second.stderr
        deadline = time.time() + 20
        while "diminta tampil" not in log.read_text(encoding="utf-8"):
            assert time.time() < deadline, "the first window never heard the second start"
            time.sleep(0.1)
        assert first.poll() is None  # still running, brought forward
        other = _main("--db", tmp_path / "lain.db", "--smoke", data=data)
        assert other.returncode == 0, other.stderr[-2000:]  # another database opens beside it
    finally:
        first.kill()
        first.communicate(timeout=30)
