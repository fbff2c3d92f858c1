"""Every past schema version still opens: migrated to the current one, with the
automatic backup taken first and nothing lost (tests/data/schema/README.md)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop import paths
from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.store.migrations import SCHEMA_VERSION, STEPS

FIXTURES = Path(__file__).resolve().parent / "data" / "schema"
# The versions a release has had, oldest first.
PAST = [number for number, _statements in STEPS if number < SCHEMA_VERSION]


def _count(path: Path, sql: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_there_is_a_database_of_every_past_version() -> None:
    missing = [v for v in PAST if not (FIXTURES / f"v{v}.db").is_file()]
    assert missing == [], f"add tests/data/schema/v{missing[0]}.db (see its README)"
    for version in PAST:
        assert _count(FIXTURES / f"v{version}.db", "PRAGMA user_version") == version


@pytest.mark.parametrize("version", PAST)
def test_past_version_opens_after_its_migrations(version: int, tmp_path: Path) -> None:
    db = tmp_path / "kantor.db"
    shutil.copy2(FIXTURES / f"v{version}.db", db)
    sops_before = _count(db, "SELECT count(*) FROM sop")
    with open_session(db) as session:
        assert session.migrated_from == version
        backup = session.migration_backup
        assert backup is not None and backup.parent == paths.backup_dir(db)
        assert _count(backup, "PRAGMA user_version") == version  # taken before migrating
        assert _count(backup, "SELECT count(*) FROM sop") == sops_before
        sops = SopService(session)
        listed = sops.list_sops()
        assert len(listed) == sops_before
        for summary in listed:
            document = sops.get(summary.id).document
            assert document.judul == summary.judul
            sops.check(summary.id)  # the checker runs on every migrated document
    assert _count(db, "PRAGMA user_version") == SCHEMA_VERSION
    with open_session(db) as again:  # the second start migrates nothing
        assert again.migrated_from is None


def test_steps_are_numbered_one_by_one() -> None:
    """A gap would leave a later-landed step unrun on databases already past it."""
    assert [number for number, _ in STEPS] == list(range(1, SCHEMA_VERSION + 1))
