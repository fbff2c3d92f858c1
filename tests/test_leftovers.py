"""What a killed run leaves behind is recognised and removed by the next run, and
never a file another process is still writing; no empty file looks like a backup."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop import tempfiles
from kinerja_desktop.exchange.atomic import write_atomically
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService

pytestmark = pytest.mark.skipif(os.name == "nt", reason="flock: POSIX")


def _abandoned(folder: Path, name: str, size: int = 4096) -> Path:
    path = folder / name
    path.write_bytes(b"\0" * size)
    return path


_HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kinerja_desktop import tempfiles
    with tempfiles.held_temp(Path(sys.argv[1])) as held:
        print(held.path, flush=True)
        time.sleep(30)
    """
)


def test_abandoned_temporary_files_go_held_ones_stay(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[1]
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(repo)},
    )
    try:
        assert holder.stdout is not None
        held = Path(holder.stdout.readline().strip())
        stale = _abandoned(tmp_path, ".kinerja-mati.tmp")
        (tmp_path / ".kinerja-mati.tmp-journal").write_bytes(b"j")
        other = _abandoned(tmp_path, ".program-lain.tmp")
        removed = tempfiles.sweep(tmp_path)
        assert removed == [stale]
        assert held.exists() and other.exists()
        assert not (tmp_path / ".kinerja-mati.tmp-journal").exists()
    finally:
        holder.kill()
        holder.wait()
    assert tempfiles.sweep(tmp_path) == [held]  # its owner died


def test_opening_the_database_cleans_its_folder_and_backups(tmp_path: Path) -> None:
    db = tmp_path / "kinerja.db"
    open_session(db, create=True).close()
    backups = tmp_path / "cadangan"
    backups.mkdir()
    litter = [
        _abandoned(tmp_path, ".kinerja-baru-x1.tmp"),
        _abandoned(backups, ".kinerja-pulihkan-x2.tmp"),
        # from earlier versions, which did not hold their temporary files:
        _abandoned(backups, ".pulihkan-abc.tmp"),
        _abandoned(tmp_path, ".kinerja.db.xyz.baru"),
        _abandoned(backups, "kinerja-sebelum-pulihkan-20260101-101010.db", size=0),
    ]
    fresh_empty = _abandoned(backups, "kinerja-cadangan-20260102-101010.db", size=0)
    real = _abandoned(backups, "kinerja-sebelum-migrasi-v2-20250101-101010.db")
    old = time.time() - 3600
    for path in [*litter, real]:
        os.utime(path, (old, old))
    open_session(db).close()
    assert not any(p.exists() for p in litter)
    assert real.exists()  # a backup with content is never touched
    assert fresh_empty.exists()  # young: an earlier version may still be writing it


def test_a_backup_never_leaves_an_empty_file(tmp_path: Path, monkeypatch) -> None:
    with open_session(tmp_path / "kinerja.db", create=True) as session:
        SopService(session).create(sample_doc())
        folder = tmp_path / "flashdisk"
        folder.mkdir()
        from kinerja_desktop.store import sqlite_files

        def killed(*_args: object, **_kwargs: object) -> None:
            raise KeyboardInterrupt  # as a kill half way through the copy

        monkeypatch.setattr(sqlite_files, "_copy_into", killed)
        with pytest.raises(KeyboardInterrupt):
            DatabaseService(session).backup(folder)
        assert list(folder.iterdir()) == []
        monkeypatch.undo()
        written = DatabaseService(session).backup(folder)
        assert [p.name for p in folder.iterdir()] == [written.name]
        assert written.stat().st_size > 0


def test_an_export_cleans_what_a_killed_export_left(tmp_path: Path) -> None:
    stale = _abandoned(tmp_path, ".kinerja-laporan-abc123.tmp")
    write_atomically(tmp_path / "laporan.pdf", lambda name: Path(name).write_bytes(b"%PDF"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.pdf"]
    assert not stale.exists()
