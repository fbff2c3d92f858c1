"""Schema 4: the nomor key (SQL in migration v004 = the checker's normalize_nomor),
the SOP code, the bin column; and a selection's check costing the same number
of SQL statements with 10 or 1,000 SOPs."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from fixtures_store import make_v1_database, sample_doc

from kinerja_desktop.core.sop.checker import normalize_nomor
from kinerja_desktop.services.session import database_of, open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.store import sops
from kinerja_desktop.store.migrations import v004

TRICKY = [
    "096/MB/2023",
    " 096 / mb/ 2023 ",
    "050/01/KEC-MSM/2026",
    "050 . 01 - kec\tmsm\n2026",
    "A\xa0B\r\nC",
    "Ünïcode É/1",  # non-ASCII letters keep their case on both sides
    "",
    "   ",
]


def test_the_sql_key_is_the_checkers_key() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE sop (nomor TEXT)")
    conn.executemany("INSERT INTO sop VALUES (?)", [(t,) for t in TRICKY])
    # the expression v004 uses, on the same strings
    got = [r[0] for r in conn.execute(f"SELECT {v004._KEY} FROM sop ORDER BY rowid")]
    assert got == [normalize_nomor(t) for t in TRICKY]
    assert normalize_nomor(" 096 / mb/ 2023 ") == normalize_nomor("096/MB/2023")


def test_an_old_database_gets_keys_and_codes(tmp_path: Path) -> None:
    db = tmp_path / "lama.db"
    make_v1_database(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sop SET nomor = ' 096 / Mb/2023'")
    with open_session(db) as session:
        with session.reading():
            (entry,) = sops.live()
        assert entry.uid and len(entry.uid) == 32 and not entry.in_bin
        assert [e.id for e in sops_with(session, "096/MB/2023")] == [entry.id]


def sops_with(session, nomor: str):
    with session.reading():
        return sops.with_nomor(nomor)


def _cost(session, sop_id: int) -> tuple[int, int]:
    """(SQL statements, SQLite VM steps / 100) of checking and showing one SOP:
    a scan of the sop table shows as steps growing with the number of SOPs."""
    service = SopService(session)
    conn = database_of(session).connection()
    statements: list[str] = []
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_trace_callback(statements.append)
    conn.set_progress_handler(count, 100)
    try:
        service.check(sop_id)
        service.get(sop_id)
    finally:
        conn.set_trace_callback(None)
        conn.set_progress_handler(None, 100)
    return len(statements), steps[0]


@pytest.mark.slow
def test_a_selections_check_costs_the_same_with_10_or_1000_sops(tmp_path: Path) -> None:
    counts = []
    for total in (10, 1000):
        with open_session(tmp_path / f"{total}.db", create=True) as session:
            with session.writing():
                now = datetime.now()
                for i in range(total):
                    sops.insert(sample_doc(f"{i}/X/2026", f"SOP {i}"), "uji", now)
            first = SopService(session).list_sops()[0].id
            _cost(session, first)  # warm: the connection is open
            counts.append(_cost(session, first))
    (few_statements, few_steps), (many_statements, many_steps) = counts
    assert few_statements == many_statements, counts
    assert many_steps <= few_steps + 2, counts  # a scan of 1,000 rows is far more
