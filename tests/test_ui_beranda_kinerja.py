"""Beranda's "Data kinerja yang menunggu": rounds not complete (with the deadline),
values not yet validated, Perbaikan on their way — each opening its page."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService
from kinerja_desktop.services.kinerja_overview import (
    PENGUMPULAN,
    PERBAIKAN,
    VALIDASI,
    KinerjaOverviewService,
)
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_validation import KinerjaValidationService
from tests.kinerja_helpers import Clock, demo_session
from tests.kinerja_ui_helpers import started_demo_window

NOW = datetime(2026, 10, 8, 9, 0)


def test_what_the_cycle_waits_for(tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    clock = Clock(NOW)
    overview = KinerjaOverviewService(session, clock)
    found = overview.attention()
    assert [(i.halaman, i.kunci) for i in found] == [(VALIDASI, "2026-TW2"), (VALIDASI, "2026-TW1")]
    assert found[0].detail == "21 nilai sudah masuk, belum divalidasi"

    KinerjaRoundService(session, clock).start_round("2026-TW3", date(2026, 10, 10))
    KinerjaValidationService(session, clock).validate("2026-TW2")
    KinerjaCorrectionService(session, clock).propose(
        "2026-TW2", "IS.1.3", "7", alasan="Satu pengaduan belum tercatat", bukti="LAPOR 118"
    )
    found = overview.attention()
    assert [(i.halaman, i.kunci) for i in found] == [
        (PENGUMPULAN, "2026-TW3"),
        (VALIDASI, "2026-TW1"),
        (PERBAIKAN, "1"),
    ]
    units = len(KinerjaRoundService(session, clock).status("2026-TW3").units)
    assert found[0].label == "Putaran Triwulan III 2026"
    assert found[0].detail == (
        f"0 dari {units} unit sudah kembali; tenggat 10 Oktober 2026 (2 hari lagi)"
    )
    assert "6 → 7; langkah berikutnya: Diperiksa Kepala Seksi" in found[2].detail
    late = KinerjaOverviewService(session, Clock(datetime(2026, 10, 13, 9))).attention()
    assert late[0].detail.endswith("(lewat 3 hari)")
    session.close()


@pytest.fixture()
def window(qtbot, tmp_path: Path):
    yield from started_demo_window(qtbot, tmp_path)


def test_an_item_opens_its_page(window, qtbot) -> None:
    beranda = window.beranda
    beranda.start()
    qtbot.waitUntil(lambda: beranda.overview is not None, timeout=15000)
    tree = beranda.lists["kinerjaList"]
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels[0] == "Validasi Triwulan II 2026"  # the demo's fixed day: 15 Agustus 2026
    tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert window.navigation.current_key() == "kinerja.validasi"
    page = window.kinerja.page("kinerja.validasi")
    assert page.period.currentText() == "2026-TW2" and page.board_model.rowCount() > 0
