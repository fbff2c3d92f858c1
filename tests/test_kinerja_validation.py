"""Validation locks values; a Perbaikan takes a validated value through every SOP step."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import NotFoundError, ValidationError
from kinerja_desktop.core.kinerja.perbaikan import FLOW, PerbaikanStatus
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_validation import KinerjaValidationService
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.services.session import Session
from tests.kinerja_helpers import Clock, demo_session, fill, write_round

UNIT = "Seksi Pelayanan Umum"


@pytest.fixture()
def session(tmp_path: Path):
    s = demo_session(tmp_path)
    yield s
    s.close()


def _services(session: Session):
    clock = Clock(datetime(2026, 8, 15, 9, 0))
    return (
        KinerjaValidationService(session, clock, actor=lambda: "siti"),
        KinerjaCorrectionService(session, clock, actor=lambda: "siti"),
        clock,
    )


def _value(session: Session, kode: str, periode: str = "2026-TW2"):
    return next(v for v in KinerjaValueService(session).values(periode) if v.kode == kode)


def test_validate_one_unit_then_all_and_nothing_twice(session: Session) -> None:
    validation, _c, _clock = _services(session)
    before = len(AuditService(session).list_entries(1000))
    one = validation.validate("2026-TW2", UNIT)
    assert one.jumlah == 6 and one.unit == UNIT and one.oleh == "siti"
    board = {b.unit: b for b in validation.board("2026-TW2")}
    assert board[UNIT].belum == 0 and board[UNIT].valid == 6
    assert board["Sekretariat"].belum > 0
    rest = validation.validate("2026-TW2")
    assert rest.jumlah > 0 and rest.unit == "semua unit"
    again = validation.validate("2026-TW2")
    assert again.jumlah == 0 and again.validasi_id is None
    assert "Tidak ada nilai baru" in again.message
    after = AuditService(session).list_entries(1000)
    assert len(after) == before + 2  # one audit row per validation that wrote
    assert after[0].action == "validasi"
    values = KinerjaValueService(session).values("2026-TW2")
    filled = [v for v in values if v.nilai is not None]
    assert filled and all(v.status_validasi == "valid" for v in filled)
    assert all(v.status_validasi == "belum" for v in values if v.nilai is None)
    tw1 = KinerjaValueService(session).values("2026-TW1")
    assert all(v.status_validasi == "belum" for v in tw1)  # another period untouched


def test_import_does_not_change_a_validated_value(session: Session, tmp_path: Path) -> None:
    validation, _c, _clock = _services(session)
    forms = write_round(session, tmp_path / "f", "2026-TW3")
    path = forms[UNIT]
    fill(path, {"F13": 81})
    importer = KinerjaImportService(session, Clock(datetime(2026, 10, 2, 9, 0)))
    importer.apply(importer.preview([path]))
    assert validation.validate("2026-TW3", UNIT).jumlah == 1
    fill(path, {"F13": 95, "F14": 92})
    preview = importer.preview([path])
    f = preview.files[0]
    assert f.can_apply
    assert any("sudah divalidasi" in p.message for p in f.warnings)
    assert [c.cell for c in f.changed] == ["F14"]  # blank before, not validated
    importer.apply(preview)
    values = {v.cell: v for v in KinerjaValueService(session).values("2026-TW3", UNIT)}
    assert values["F13"].nilai == 81
    assert values["F14"].nilai == 92


def test_correction_through_every_status(session: Session) -> None:
    validation, corrections, clock = _services(session)
    validation.validate("2026-TW2")
    old = _value(session, "IS.1.3")
    assert old.nilai == 6
    audit_before = len(AuditService(session).list_entries(1000))
    p = corrections.propose(
        "2026-TW2",
        "IS.1.3",
        "7",
        alasan="Satu pengaduan tercatat di SP4N-LAPOR!",
        bukti="LAPOR 2026/118",
    )
    assert p.status is PerbaikanStatus.DIAJUKAN
    assert (p.lama.nilai, p.baru.nilai) == (6, 7)
    assert p.sumber.jenis == "entri" and p.value_id == old.value_id
    assert _value(session, "IS.1.3").nilai == 6  # not yet: only the signature changes it
    seen = [p.status]
    for step in FLOW[1:]:
        clock.now = clock.now.replace(hour=clock.now.hour + 1)
        p = corrections.advance(p.id, ke=step.value)
        seen.append(p.status)
        last = p.langkah[-1]
        assert last.status is step and last.oleh == "siti" and last.at == clock.now
    assert seen == list(FLOW)
    assert p.step(PerbaikanStatus.DIPERIKSA).pejabat == "NI KADEK SRI WAHYUNI, S.AP"
    assert p.step(PerbaikanStatus.DIPARAF).pejabat == "RISNAWATI MALUSE, S.Sos., M.Si"
    assert p.step(PerbaikanStatus.DITANDATANGANI).pejabat == "KAMALUDDIN DJANO, S.Pd., SH"
    new = _value(session, "IS.1.3")
    assert new.nilai == 7 and new.jenis == "perbaikan" and new.status_validasi == "valid"
    assert new.menggantikan_id == old.value_id and p.hasil_value_id == new.value_id
    assert new.file_name == f"Perbaikan Data Kinerja #{p.id}"
    history = KinerjaValueService(session).history(new.indicator_id, new.unit_id, "2026-TW2")
    assert [h.nilai for h in history] == [6, 7]
    entries = AuditService(session).list_entries(1000)
    assert len(entries) == audit_before + 4  # one audit row per step
    assert [e.action for e in entries[:4]] == [
        "perbaikan.ditandatangani",
        "perbaikan.diparaf",
        "perbaikan.diperiksa",
        "perbaikan.ajukan",
    ]
    assert "6 → 7" in entries[0].summary
    with pytest.raises(ValidationError):
        corrections.advance(p.id)
    listed = corrections.list("2026-TW2", status="ditandatangani")
    assert [x.id for x in listed] == [p.id]


def test_correction_refusals(session: Session) -> None:
    validation, corrections, _clock = _services(session)
    with pytest.raises(ValidationError, match="belum divalidasi"):
        corrections.propose("2026-TW2", "IS.1.3", "7", alasan="x", bukti="y")
    validation.validate("2026-TW2")
    with pytest.raises(ValidationError, match="alasan"):
        corrections.propose("2026-TW2", "IS.1.3", "7", alasan=" ", bukti="y")
    with pytest.raises(ValidationError, match="bukti"):
        corrections.propose("2026-TW2", "IS.1.3", "7", alasan="x", bukti="")
    with pytest.raises(ValidationError, match="sama dengan"):
        corrections.propose("2026-TW2", "IS.1.3", "6", alasan="x", bukti="y")
    with pytest.raises(ValidationError, match="bukan angka"):
        corrections.propose("2026-TW2", "IS.1.3", "tujuh", alasan="x", bukti="y")
    with pytest.raises(NotFoundError):
        corrections.propose("2026-TW2", "XX.9", "1", alasan="x", bukti="y")
    p = corrections.propose("2026-TW2", "IS.1.3", "7", alasan="x", bukti="y")
    with pytest.raises(ValidationError, match="sedang dalam proses"):
        corrections.propose("2026-TW2", "IS.1.3", "8", alasan="x", bukti="y")
    with pytest.raises(ValidationError, match="langkah berikutnya"):
        corrections.advance(p.id, ke="diparaf")
    rejected = corrections.reject(p.id, "bukti tidak sah")
    assert rejected.status is PerbaikanStatus.DITOLAK
    assert _value(session, "IS.1.3").nilai == 6
    again = corrections.propose("2026-TW2", "IS.1.3", "", alasan="dikosongkan", bukti="nota")
    assert again.baru.nilai is None and again.baru.shown == "—"


def test_scale_correction_keeps_the_label(session: Session) -> None:
    validation, corrections, _clock = _services(session)
    validation.validate("2026-TW2")
    p = corrections.propose("2026-TW2", "IS.1.4", "bb", alasan="hasil evaluasi", bukti="LHE")
    assert (p.lama.teks, p.baru.teks, p.baru.nilai) == ("B", "BB", 5.0)
