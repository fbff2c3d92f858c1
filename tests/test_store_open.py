"""Opening a database file that does not exist yet: only when asked, never
making folders unasked, and safe when several processes do it at the same
moment — each migration step runs once, and no process deletes a file that
another one created or that already holds committed work."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fixtures_store import rows
from peewee import SqliteDatabase

from kinerja_desktop.store import anchor as store_anchor
from kinerja_desktop.store import migrations
from kinerja_desktop.store.database import open_database
from kinerja_desktop.store.errors import DatabaseFileError, DatabaseMissingError

REPO = Path(__file__).resolve().parents[1]


def test_missing_file_is_an_error_unless_creating(tmp_path: Path) -> None:
    path = tmp_path / "salah-ketik.db"
    with pytest.raises(DatabaseMissingError, match=r"^Basis data .*salah-ketik\.db tidak ada\.$"):
        open_database(path)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_made_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "tidak" / "ada" / "kinerja.db"
    with pytest.raises(DatabaseMissingError, match=r"Folder .* tidak ada"):
        open_database(path, create=True)
    assert list(tmp_path.iterdir()) == []
    opened = open_database(path, create=True, make_parents=True)
    opened.db.close_all()
    assert opened.is_new
    assert rows(path, "PRAGMA user_version") == [(migrations.SCHEMA_VERSION,)]


def test_a_step_applied_meanwhile_by_another_connection_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version read before the write lock may be stale: the step re-reads it."""
    path = tmp_path / "kinerja.db"
    path.touch()
    first, second = SqliteDatabase(str(path)), SqliteDatabase(str(path))
    real = migrations.user_version
    calls = {"n": 0}

    def stale_then_real(db: SqliteDatabase) -> int:
        calls["n"] += 1
        if calls["n"] == 1:  # `first` looks, then `second` migrates the file
            version = real(db)
            migrations.migrate(second)
            return version
        return real(db)

    monkeypatch.setattr(migrations, "user_version", stale_then_real)
    try:
        assert migrations.migrate(first) == migrations.SCHEMA_VERSION
    finally:
        first.close()
        second.close()
    assert rows(path, "PRAGMA user_version") == [(migrations.SCHEMA_VERSION,)]


def test_failed_open_keeps_a_file_another_process_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kinerja.db"
    path.touch()  # created (still empty) by someone else a moment ago
    monkeypatch.setattr(migrations, "STEPS", ((1, ("NOT SQL AT ALL",)),))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    with pytest.raises(DatabaseFileError):
        open_database(path, create=True)
    assert path.exists()


def test_failed_open_keeps_a_file_once_a_step_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kinerja.db"
    path.touch()
    bad = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, (bad, ("NOT SQL",))))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", bad)
    with pytest.raises(DatabaseFileError):
        open_database(path, create=True)
    assert rows(path, "PRAGMA user_version") == [(bad - 1,)]


def test_a_new_database_appears_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kinerja.db"
    bad = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, (bad, ("NOT SQL",))))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", bad)
    with pytest.raises(DatabaseFileError):
        open_database(path, create=True)
    assert list(tmp_path.iterdir()) == []  # neither the database nor its draft
    monkeypatch.undo()
    opened = open_database(path, create=True)
    opened.db.close_all()
    assert opened.is_new
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kinerja.db"]


# -- several processes at once -------------------------------------------------------

# Each child opens the database and stores one SOP of its own. "lambat": it
# reads the version before the write lock, then waits, so that all of them
# decide what to do on the same stale version.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from kinerja_desktop.store import migrations
    real = migrations.user_version
    state = {"first": sys.argv[4] == "lambat"}
    def slow_first_read(db):
        version = real(db)
        if state["first"]:
            state["first"] = False
            time.sleep(0.6)
        return version
    migrations.user_version = slow_first_read
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService
    sys.path.insert(0, "tests")
    from fixtures_store import sample_doc
    path, start, name = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    while time.time() < start:
        time.sleep(0.005)
    try:
        session = open_session(None if path == "-" else path, create=True)
        with session:
            SopService(session).create(sample_doc(name, "Dari " + name))
            print(json.dumps({"ok": True, "new": session.is_new}))
    except Exception as exc:
        print(json.dumps({"ok": False, "error": repr(exc)}))
    """
)


def _run_children(target: str, count: int, env: dict[str, str], pace: str) -> list[dict]:
    start = time.time() + 2.0  # all children imported and waiting by then
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, target, str(start), f"P{i}", pace],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO), **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


@pytest.mark.parametrize("pace", ["lambat", "serentak"])
def test_processes_opening_one_new_file_at_once_all_succeed(tmp_path: Path, pace: str) -> None:
    path = tmp_path / "baru.db"
    results = _run_children(str(path), 5, {}, pace)
    assert all(r["ok"] for r in results), results
    assert sum(r["new"] for r in results) == 1  # exactly one created the file
    assert rows(path, "PRAGMA user_version") == [(migrations.SCHEMA_VERSION,)]
    names = sorted(n for (n,) in rows(path, "SELECT nomor FROM sop"))
    assert names == ["P0", "P1", "P2", "P3", "P4"]
    assert rows(path, "SELECT count(*) FROM audit_log") == [(5,)]
    # Nothing left behind but the anchor, which five writers at once never made newer
    # than the chain (each wrote the head it had just committed, or kept a newer one).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru.db", "baru.db.jangkar"]
    with sqlite3.connect(path) as conn:
        assert store_anchor.check_file(path, conn).kind == "sesuai"
    conn.close()


@pytest.mark.parametrize("pace", ["lambat", "serentak"])
def test_processes_starting_the_default_database_at_once_all_succeed_without_demo(
    tmp_path: Path, pace: str
) -> None:
    data = tmp_path / "data"
    results = _run_children("-", 5, {"KINERJA_DATA_DIR": str(data)}, pace)
    assert all(r["ok"] for r in results), results
    db = data / "kinerja.db"
    actions = [a for (a,) in rows(db, "SELECT action FROM audit_log ORDER BY id")]
    assert "load_demo" not in actions  # the demo lives in demo.db, never here
    assert rows(db, "SELECT count(*) FROM sop") == [(5,)]
