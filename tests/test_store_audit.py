"""The audit log's hash chain: intact after appends, broken by any edit,
deletion or insertion made outside the program."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop.store import audit
from kinerja_desktop.store.database import OpenedDatabase, open_database
from kinerja_desktop.store.models import AuditLogRow


@pytest.fixture()
def opened(tmp_path: Path) -> Iterator[OpenedDatabase]:
    result = open_database(tmp_path / "kinerja.db", create=True)
    with result.db.atomic():
        for i in range(1, 5):
            audit.append("create", "sop", i, f"SOP {i} dibuat — ü")
    yield result
    result.db.close()


def _raw(opened: OpenedDatabase, sql: str, *args: object) -> None:
    """Change the file behind the program's back (no foreign keys, no chain)."""
    conn = sqlite3.connect(opened.path)
    conn.execute(sql, args)
    conn.commit()
    conn.close()


def test_chain_links_every_row_to_the_previous_one(opened: OpenedDatabase) -> None:
    entries = list(AuditLogRow.select().order_by(AuditLogRow.id))
    assert [e.id for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == audit.GENESIS
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in entries}) == 4
    assert audit.verify() == []


def test_edited_summary_is_detected(opened: OpenedDatabase) -> None:
    _raw(opened, "UPDATE audit_log SET summary = 'tidak terjadi apa-apa' WHERE id = 2")
    assert audit.verify() == ["Catatan audit #2 telah diubah setelah dicatat."]


def test_edit_with_recomputed_hash_breaks_the_next_link(opened: OpenedDatabase) -> None:
    row = AuditLogRow.get_by_id(2)
    forged = audit.AuditContent(
        row.id,
        row.at,
        row.action,
        row.entity,
        row.entity_id,
        "palsu",
        row.hash_version,
        row.actor,
        row.before_json,
        row.after_json,
    )
    _raw(
        opened,
        "UPDATE audit_log SET summary = 'palsu', hash = ? WHERE id = 2",
        audit.row_hash(row.prev_hash, forged),
    )
    problems = audit.verify()
    assert len(problems) == 1 and "#3 tidak bersambung dengan #2" in problems[0]


def test_deleted_rows_are_detected(opened: OpenedDatabase) -> None:
    _raw(opened, "DELETE FROM audit_log WHERE id = 3")
    assert len(audit.verify()) == 1 and "#4 tidak bersambung dengan #2" in audit.verify()[0]
    _raw(opened, "DELETE FROM audit_log WHERE id = 1")
    assert any("#2 bukan awal rantai" in p for p in audit.verify())


def test_changed_time_or_entity_id_is_detected(opened: OpenedDatabase) -> None:
    _raw(opened, "UPDATE audit_log SET entity_id = 99 WHERE id = 4")
    _raw(opened, "UPDATE audit_log SET at = '2020-01-01T00:00:00' WHERE id = 1")
    assert audit.verify() == [
        "Catatan audit #1 telah diubah setelah dicatat.",
        "Catatan audit #4 telah diubah setelah dicatat.",
    ]
