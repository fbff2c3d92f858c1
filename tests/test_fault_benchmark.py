"""A small run of benchmarks/fault_benchmark.py: kill -9 at random moments during
every kind of write, and nothing corrupt, partial, broken or lost (the full run,
100 kills per operation, is the benchmark itself; its counts are in README)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import fault_benchmark  # noqa: E402


@pytest.mark.slow
def test_a_small_fault_run_finds_nothing() -> None:
    summary = fault_benchmark.run(runs=2, only=None, seed=7)
    operations = summary["operations"]
    assert sorted(operations) == sorted(fault_benchmark.OPERATIONS)
    assert all(c["kills"] == 2 for c in operations.values())
    assert fault_benchmark.failed(summary) == [], operations
    assert operations["sop_save"]["acknowledged"] > 0  # the kills did land mid-work


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """An acknowledged write that is not stored, and a database that is not sound,
    are counted: the benchmark's zeros mean something."""
    from fixtures_store import sample_doc

    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService

    db = tmp_path / "kinerja.db"
    with open_session(db, create=True) as session:
        SopService(session).create(sample_doc(nomor="ADA-1"))
    counts = fault_benchmark.Counts()
    fault_benchmark._check_acks(db, "ACK ADA-1\nACK HILANG-2\n", counts, "uji")
    assert (counts.lost_acknowledged, counts.acknowledged) == (1, 2)
    garbage = tmp_path / "rusak.db"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert not fault_benchmark.check_database(garbage, counts, "rusak")
    assert counts.corrupt == 1


@pytest.mark.slow
def test_a_half_done_or_lost_correction_is_counted(tmp_path: Path) -> None:
    """The correction's check: a status signed over the old value is partial, an
    acknowledged signature not stored is lost, the untouched state is whole."""
    import sqlite3

    setup = fault_benchmark._setup(tmp_path)
    cases = {"whole": (None, False), "lost": (None, True), "half": ("ditandatangani", False)}
    found = {}
    for n, (name, (status, acked)) in enumerate(cases.items()):
        db = fault_benchmark._fresh(setup, n, setup.corrected)
        if status:
            conn = sqlite3.connect(db)
            conn.execute("UPDATE kinerja_perbaikan SET status = ?", (status,))
            conn.commit()
            conn.close()
        counts = fault_benchmark.Counts()
        fault_benchmark.check_correction(db, acked, counts)
        found[name] = (counts.partial, counts.lost_acknowledged)
    assert found == {"whole": (0, 0), "lost": (0, 1), "half": (1, 0)}
