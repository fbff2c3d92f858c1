"""The session around an open database: which paths are its own files,
when a missing database is created, closing every thread's connection, and
readable errors for a read-only database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_store import fingerprint, rows, sample_doc

from kinerja_desktop import paths
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.services.session import (
    DatabaseMissingError,
    Session,
    database_of,
    open_session,
)
from kinerja_desktop.services.sop_service import SopService

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kantor" / "kinerja.db", create=True) as s:
        SopService(s).create(sample_doc())
        yield s


# -- own files ----------------------------------------------------------------------


def test_own_files_are_recognised_however_they_are_named(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = session.path.parent
    (tmp_path / "pintasan.db").symlink_to(session.path)
    (tmp_path / "folder-pintasan").symlink_to(folder, target_is_directory=True)
    os.link(session.path, tmp_path / "tautan-keras.db")
    monkeypatch.chdir(folder)
    own = [
        session.path,
        Path("kinerja.db"),
        Path("./kinerja.db-wal"),
        Path("kinerja.db-shm"),
        Path("kinerja.db-journal"),
        folder / ".." / "kantor" / "kinerja.db",
        tmp_path / "pintasan.db",
        tmp_path / "folder-pintasan" / "kinerja.db",
        tmp_path / "folder-pintasan" / "kinerja.db-wal",
        tmp_path / "tautan-keras.db",
    ]
    for path in own:
        assert session.is_own_file(path), path
    for path in (folder / "kinerja.xlsx", folder / "lain.db", tmp_path / "kinerja.db"):
        assert not session.is_own_file(path), path


def test_export_never_overwrites_the_database(session: Session, tmp_path: Path) -> None:
    (tmp_path / "pintasan.db").symlink_to(session.path)
    service = SopService(session)
    sop_id = service.list_sops()[0].id
    database_of(session).execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(session.path)
    for target in (session.path, tmp_path / "pintasan.db", Path(f"{session.path}-wal")):
        with pytest.raises(ValidationError, match="basis data yang sedang dipakai"):
            service.export_xlsx(sop_id, target)
    assert fingerprint(session.path) == before
    assert service.get(sop_id).document.judul == "Pengumpulan Data Kinerja"


# -- creating --------------------------------------------------------------------------


def test_a_missing_database_is_created_only_when_asked(tmp_path: Path) -> None:
    typo = tmp_path / "kinerj.db"
    with pytest.raises(DatabaseMissingError) as caught:
        open_session(typo, create=False)
    assert caught.value.message == f"Basis data {typo} tidak ada."
    assert list(tmp_path.iterdir()) == []
    with open_session(typo, create=True) as s:
        assert s.is_new and SopService(s).list_sops() == []
    with open_session(typo, create=False) as s:
        assert not s.is_new


def test_missing_folders_are_made_only_when_creating(tmp_path: Path) -> None:
    deep = tmp_path / "salah" / "ketik" / "kinerja.db"
    for create in (False, None):
        with pytest.raises(DatabaseMissingError):
            open_session(deep, create=create)
        assert list(tmp_path.iterdir()) == []
    with open_session(deep, create=True) as s:
        assert s.path == deep


def test_a_named_database_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError, match="tidak ada"):
        open_session(tmp_path / "baru.db")
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_always_created(tmp_path: Path) -> None:
    with open_session(demo_if_new=False) as s:
        assert s.path == paths.default_db_path() and s.is_new


# -- closing ---------------------------------------------------------------------------


def test_close_closes_the_connections_of_worker_threads(tmp_path: Path) -> None:
    session = open_session(tmp_path / "kinerja.db", create=True)
    service = SopService(session)
    service.create(sample_doc("1/A"))
    seen: dict[str, object] = {}

    def work() -> None:  # a worker that never closes its connection
        seen["id"] = service.create(sample_doc("2/B"))
        seen["conn"] = database_of(session).connection()

    workers = [threading.Thread(target=work) for _ in range(2)]
    for w in workers:
        w.start()
        w.join()
    wal = Path(f"{session.path}-wal")
    assert wal.exists()
    session.close()
    with pytest.raises(Exception, match="closed"):
        seen["conn"].execute("SELECT 1")
    # The last connection gone, SQLite folds the -wal back and removes it.
    assert not wal.exists() and not Path(f"{session.path}-shm").exists()
    assert rows(session.path, "SELECT count(*) FROM sop") == [(3,)]


# -- read-only -------------------------------------------------------------------------

READ_ONLY_CHILD = textwrap.dedent(
    """
    import sys
    from kinerja_desktop.core.errors import KinerjaError
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService
    from fixtures_store import sample_doc
    try:
        with open_session(sys.argv[1], create=False) as s:
            print("dibaca", len(SopService(s).list_sops()))
            SopService(s).create(sample_doc("2/B"))
        print("ditulis")
    except KinerjaError as exc:
        print(type(exc).__name__, exc.message)
    """
)


AS_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


def _as_nobody(db: Path) -> str:
    proc = subprocess.run(
        [*AS_NOBODY, sys.executable, "-c", READ_ONLY_CHILD, str(db)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}",
            "PYTHONDONTWRITEBYTECODE": "1",
        },
        cwd="/",
        timeout=60,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout.strip()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run as another user",
)
def test_a_read_only_database_or_folder_is_named_as_such() -> None:
    top = Path(tempfile.mkdtemp(prefix="kinerja-ro-"))
    try:
        top.chmod(0o755)
        for name, file_mode, folder_mode in (("berkas", 0o644, 0o777), ("folder", 0o666, 0o555)):
            folder = top / name
            folder.mkdir()
            db = folder / "kinerja.db"
            with open_session(db, create=True) as s:
                SopService(s).create(sample_doc())
            db.chmod(file_mode)
            folder.chmod(folder_mode)
            out = _as_nobody(db).splitlines()
            assert out[-1].startswith("DatabaseReadOnlyError"), (name, out)
            assert "tidak dapat ditulis: hanya-baca" in out[-1]
            # A read-only file can still be read; writing is what it refuses.
            assert out[:-1] == (["dibaca 1"] if name == "berkas" else [])
    finally:
        for p in top.rglob("*"):
            if p.is_dir():
                p.chmod(0o755)
        shutil.rmtree(top)
