"""Backups at the file level: names that never collide, a temporary copy that
never outlives a failure, and readable errors instead of raw OSError."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.store.sqlite_files import (
    backup_to_file,
    backup_to_folder,
    timestamped_path,
)


@pytest.fixture()
def source(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "sumber.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    yield conn
    conn.close()


def test_names_differ_within_one_second(tmp_path: Path, source: sqlite3.Connection) -> None:
    when = datetime(2024, 5, 1, 10, 30, 0)
    folder = tmp_path / "cadangan"
    folder.mkdir()
    names = [backup_to_folder(source, folder, "kinerja", "cadangan", now=when) for _ in range(3)]
    assert [p.name for p in names] == [
        "kinerja-cadangan-20240501-103000.db",
        "kinerja-cadangan-20240501-103000-2.db",
        "kinerja-cadangan-20240501-103000-3.db",
    ]
    assert all(p.stat().st_size > 0 for p in names)
    assert timestamped_path(folder, "kinerja", "cadangan", when).name.endswith("-4.db")


def test_no_name_is_taken_when_the_copy_fails(tmp_path: Path, source: sqlite3.Connection) -> None:
    folder = tmp_path / "cadangan"
    folder.mkdir()
    source.close()  # a closed connection cannot be copied
    with pytest.raises(KinerjaError, match="Cadangan tidak dapat ditulis"):
        backup_to_folder(source, folder, "kinerja", "cadangan")
    assert list(folder.iterdir()) == []  # no empty file that looks like a backup


def test_an_unwritable_target_is_a_readable_error(
    tmp_path: Path, source: sqlite3.Connection
) -> None:
    not_a_folder = tmp_path / "berkas.txt"
    not_a_folder.write_text("isi", encoding="utf-8")
    with pytest.raises(KinerjaError, match="Cadangan tidak dapat ditulis ke"):
        backup_to_file(source, not_a_folder / "cadangan.db")


def test_the_copy_is_one_sound_file(tmp_path: Path, source: sqlite3.Connection) -> None:
    dest = backup_to_file(source, tmp_path / "cadangan.db")
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cadangan.db", "sumber.db"]
