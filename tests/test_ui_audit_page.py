"""The Catatan Audit screen: every write shows up, the filters narrow the list,
the selected row shows its values before and after, and *Periksa rantai*
names a row changed outside the application."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.kinerja_report_helpers import sign_correction
from tests.kinerja_ui_helpers import started_demo_window


@pytest.fixture()
def shown(qtbot, tmp_path: Path):
    for win in started_demo_window(qtbot, tmp_path):
        win.navigation.show_page("kantor.audit")
        yield win.session, win.office.audit


def _column(page, col: int) -> list[str]:
    m = page.table.model()
    return [m.index(r, col).data() for r in range(m.rowCount())]


def test_writes_filters_detail_and_chain(shown) -> None:
    session, page = shown
    before = page.model.rowCount()
    assert before >= 1 and "muat data contoh" in _column(page, 3)
    sign_correction(session)  # validation + a Perbaikan through its four statuses, while shown
    assert page.model.rowCount() == before + 5
    assert _column(page, 3)[0] == "perbaikan: ditandatangani"  # newest first

    # the action family finds every step of the Perbaikan, and nothing else
    page.action.setCurrentIndex(page.action.findData("perbaikan"))
    page.refresh()
    steps = _column(page, 3)
    assert len(steps) == 4 and all(s.startswith("perbaikan: ") for s in steps)
    page.table.selectRow(len(steps) - 1)  # the proposal
    detail = page.detail.toPlainText()
    assert "Catatan audit #" in detail and "Menjadi" in detail and "Hash (versi 2)" in detail
    assert "Satu pengaduan belum tercatat" in detail

    # a word in the values, and a date range that cannot match
    page.action.setCurrentIndex(0)
    page.search.setText("SP4N-LAPOR")
    page.refresh()
    assert 1 <= page.model.rowCount() < before + 5
    page.search.clear()
    page.since.set_value(date(2100, 1, 1))
    page.refresh()
    assert page.model.rowCount() == 0

    # the chain: intact, then one row changed outside the application
    page.verify()
    assert page.status.text().startswith("Rantai catatan audit utuh")
    with sqlite3.connect(session.path) as conn:
        conn.execute("UPDATE audit_log SET summary = 'bukan apa-apa' WHERE id = 2")
    page.verify()
    assert "tidak utuh" in page.status.text() and "#2 telah diubah" in page.status.text()
