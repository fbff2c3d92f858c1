"""The audit log as corrections need it: actor and before/after values under a
hash version, old rows still verifying, `db periksa` catching an edited,
deleted or inserted row (and an edited frozen report), the viewer's filters."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.cli.main import run
from kinerja_desktop.services.audit import AuditFilter, AuditService
from kinerja_desktop.services.database_service import DatabaseService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.store import audit as store_audit
from tests.kinerja_report_helpers import report_session, services, sign_correction

FIXTURE_V6 = Path(__file__).parent / "data" / "schema" / "v6.db"


@pytest.fixture()
def session(tmp_path: Path):
    s = report_session(tmp_path)
    yield s
    s.close()


def _sql(path: Path, sql: str, *params) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(sql, params)


def _problems(session: Session) -> list[str]:
    return DatabaseService(session).check().problems


def test_a_correction_leaves_actor_and_before_after_in_version_2_rows(session: Session) -> None:
    pid = sign_correction(session)
    entries = AuditService(session).list_entries(50)
    step = next(e for e in entries if e.action == "perbaikan.ditandatangani")
    assert step.hash_version == 2 and step.actor == "siti" and step.entity_id == pid
    assert step.before["nilai"] == 6 and step.before["status"] == "diparaf"
    assert step.after["nilai"] == 7 and step.after["status"] == "ditandatangani"
    assert step.after["nilai_id"] is not None and step.after["bukti"] == "SP4N-LAPOR! 118"
    validation = next(e for e in entries if e.action == "validasi")
    assert validation.after["status_validasi"] == "valid"
    assert _problems(session) == []


def test_old_rows_verify_next_to_new_ones(tmp_path: Path) -> None:
    db = tmp_path / "lama.db"
    shutil.copy2(FIXTURE_V6, db)
    with sqlite3.connect(db) as conn:
        old_rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert old_rows >= 3
    with open_session(db) as s:
        assert s.migrated_from == 6
        _v, corrections, _r = services(s)
        p = corrections.list("2026-TW2")[0]
        corrections.advance(p.id)  # a new row (hash version 2) after the old ones
        entries = AuditService(s).list_entries(100)
        versions = {e.id: e.hash_version for e in entries}
        assert [versions[i] for i in sorted(versions)][:old_rows] == [1] * old_rows
        assert versions[max(versions)] == 2
        assert entries[-1].actor == ""  # a version-1 row recorded no actor
        assert AuditService(s).verify_chain() == []
        assert DatabaseService(s).check().problems == []


@pytest.mark.parametrize(
    ("column", "value"),
    [("actor", "orang lain"), ("before_json", '{"nilai":5}'), ("after_json", '{"nilai":70}')],
)
def test_editing_who_or_the_values_is_detected(session: Session, column: str, value: str) -> None:
    sign_correction(session)
    last = max(e.id for e in AuditService(session).list_entries(5))
    _sql(session.path, f"UPDATE audit_log SET {column} = ? WHERE id = ?", value, last)
    assert f"Catatan audit #{last} telah diubah setelah dicatat." in _problems(session)


def test_a_downgraded_hash_version_is_detected(session: Session) -> None:
    sign_correction(session)
    last = max(e.id for e in AuditService(session).list_entries(5))
    _sql(
        session.path,
        "UPDATE audit_log SET hash_version = 1, actor = 'orang lain' WHERE id = ?",
        last - 1,
    )
    assert f"Catatan audit #{last - 1} telah diubah setelah dicatat." in _problems(session)


def test_a_deleted_or_inserted_row_is_detected(session: Session) -> None:
    sign_correction(session)
    ids = sorted(e.id for e in AuditService(session).list_entries(10))
    _sql(session.path, "DELETE FROM audit_log WHERE id = ?", ids[-3])
    problems = _problems(session)
    assert any(f"#{ids[-2]} tidak bersambung dengan #{ids[-4]}" in p for p in problems)


def test_an_inserted_row_is_detected(session: Session) -> None:
    sign_correction(session)
    ids = sorted(e.id for e in AuditService(session).list_entries(10))
    k = ids[-3]
    with sqlite3.connect(session.path) as conn:
        at, prev = conn.execute("SELECT at, hash FROM audit_log WHERE id = ?", (k,)).fetchone()
        for row_id in sorted(ids[-2:], reverse=True):  # make room after row k
            conn.execute("UPDATE audit_log SET id = id + 1 WHERE id = ?", (row_id,))
        forged = store_audit.AuditContent(
            k + 1, at, "validasi", "kinerja_value", 1, "palsu", 2, "x"
        )
        conn.execute(
            "INSERT INTO audit_log (id, at, action, entity, entity_id, summary, prev_hash, hash, "
            "hash_version, actor) "
            "VALUES (?, ?, 'validasi', 'kinerja_value', 1, 'palsu', ?, ?, 2, 'x')",
            (k + 1, at, prev, store_audit.row_hash(prev, forged)),
        )
    problems = _problems(session)
    assert f"Catatan audit #{k + 2} tidak bersambung dengan #{k + 1}" in " ".join(problems)


def test_db_periksa_names_the_edit(session: Session, capsys) -> None:
    sign_correction(session)
    path = session.path
    session.close()
    assert run(["--db", str(path), "db", "periksa"], lambda *a, **k: 0) == 0
    _sql(
        path, "UPDATE audit_log SET after_json = '{\"nilai\":9}' WHERE action = 'perbaikan.ajukan'"
    )
    capsys.readouterr()
    assert run(["--db", str(path), "db", "periksa"], lambda *a, **k: 0) == 1
    out = capsys.readouterr().out
    assert "telah diubah setelah dicatat" in out


def test_an_edited_frozen_report_is_found_by_db_periksa(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    result = reports.print_report("rekap", "2026-TW2", tmp_path / "r.pdf")
    assert _problems(session) == []
    _sql(
        session.path,
        "UPDATE kinerja_laporan SET data = replace(data, '\"realisasi\":6.0', '\"realisasi\":5.0')",
    )
    assert (
        f"Laporan Rekap Data Kinerja 2026-TW2 versi 1 (nomor {result.version.id}): data yang "
        "dibekukan tidak cocok dengan kodenya (diubah di luar aplikasi)."
    ) in _problems(session)


def test_the_viewer_filters(session: Session) -> None:
    sign_correction(session)
    service = AuditService(session)
    steps = service.list_entries(100, AuditFilter(action="perbaikan"))
    assert [e.action for e in steps] == [
        "perbaikan.ditandatangani",
        "perbaikan.diparaf",
        "perbaikan.diperiksa",
        "perbaikan.ajukan",
    ]
    assert {e.actor for e in service.list_entries(100, AuditFilter(actor="siti"))} == {"siti"}
    found = service.list_entries(100, AuditFilter(text="SP4N-LAPOR! 118"))
    assert found and all("perbaikan" in e.action for e in found)
    assert service.list_entries(100, AuditFilter(until=date(2000, 1, 1))) == []
    assert service.list_entries(100, AuditFilter(entity="kinerja_value", since=date(2000, 1, 1)))
    choices = service.choices()
    assert "perbaikan.diperiksa" in choices["action"] and "siti" in choices["actor"]
