"""SOP use cases on a fresh database: revisions, status rules, deletion,
one audit row per write, and change notifications after commit only."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures_store import execute, rows, sample_doc

from kinerja_desktop.core.errors import KinerjaError, NotFoundError, ValidationError
from kinerja_desktop.core.sop import SopStatus, serialize
from kinerja_desktop.services import sop_checks
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session, database_of, open_session
from kinerja_desktop.services.sop_service import SopService


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        yield s


@pytest.fixture()
def service(session: Session) -> SopService:
    return SopService(session)


def test_new_explicit_database_starts_empty(session: Session, service: SopService) -> None:
    assert session.is_new
    assert service.list_sops() == []
    assert AuditService(session).list_entries() == []


def test_create_then_get_gives_the_document_back(service: SopService) -> None:
    doc = sample_doc()
    sop_id = service.create(doc)
    record = service.get(sop_id)
    assert record.id == sop_id
    assert record.document == doc
    assert [r.revisi_ke for r in record.revisions] == [0]
    assert record.revisions[0].tanggal == doc.tanggal_pembuatan
    assert record.revisions[0].content_hash == serialize.content_hash(doc)
    (summary,) = service.list_sops()
    assert (summary.id, summary.nomor, summary.judul) == (sop_id, doc.nomor, doc.judul)
    assert (summary.status, summary.jumlah_langkah, summary.revisi_ke) == (SopStatus.DRAF, 4, 0)
    assert summary.unit == "Sekretariat"


def test_caller_copy_is_not_shared_with_the_store(service: SopService) -> None:
    doc = sample_doc()
    sop_id = service.create(doc)
    doc.judul = "diubah di luar"
    assert service.get(sop_id).document.judul == "Pengumpulan Data Kinerja"


def test_get_unknown_id_says_so(service: SopService) -> None:
    with pytest.raises(NotFoundError, match=r"^SOP dengan id 12 tidak ada\.$"):
        service.get(12)
    with pytest.raises(NotFoundError):
        service.save(12, sample_doc())


def test_list_is_ordered_by_nomor_then_judul(service: SopService) -> None:
    for nomor, judul in [
        ("", "Tanpa nomor"),
        ("800/10/SOP", "B"),
        ("800/9/SOP", "Z"),
        ("800/9/SOP", "A"),
        ("100/SOP", "C"),
    ]:
        service.create(sample_doc(nomor, judul))
    listed = [(s.nomor, s.judul) for s in service.list_sops()]
    assert listed == [
        ("100/SOP", "C"),
        ("800/9/SOP", "A"),
        ("800/9/SOP", "Z"),
        ("800/10/SOP", "B"),
        ("", "Tanpa nomor"),
    ]


def test_save_overwrites_a_draft_in_place(service: SopService) -> None:
    sop_id = service.create(sample_doc())
    doc = service.get(sop_id).document
    doc.judul = "Pengumpulan Data Kinerja Bulanan"
    doc.steps.pop(1)
    doc.status = SopStatus.BERLAKU  # status is the record's, not the caller's
    doc.revisi_ke = 7
    service.save(sop_id, doc)
    record = service.get(sop_id)
    assert record.document.judul == "Pengumpulan Data Kinerja Bulanan"
    assert len(record.document.steps) == 3
    assert (record.document.status, record.document.revisi_ke) == (SopStatus.DRAF, 0)
    assert [r.revisi_ke for r in record.revisions] == [0]
    assert service.list_sops()[0].jumlah_langkah == 3


def test_new_revision_keeps_older_revisions_exactly(service: SopService) -> None:
    original = sample_doc()
    sop_id = service.create(original)
    service.set_status(sop_id, SopStatus.BERLAKU)
    stored_before = service.get_revision(sop_id, 0)
    changed = service.get(sop_id).document
    changed.steps[1].mutu_baku.waktu = "3 jam"
    number = service.new_revision(sop_id, changed, "Waktu penyusunan", date(2024, 1, 10))
    assert number == 1
    record = service.get(sop_id)
    assert record.document.revisi_ke == 1
    assert record.document.status is SopStatus.DRAF
    assert record.document.tanggal_revisi == date(2024, 1, 10)
    assert record.document.steps[1].mutu_baku.waktu == "3 jam"
    assert [(r.revisi_ke, r.catatan, r.tanggal) for r in record.revisions] == [
        (0, "Dibuat", original.tanggal_pembuatan),
        (1, "Waktu penyusunan", date(2024, 1, 10)),
    ]
    old = service.get_revision(sop_id, 0)
    assert old == stored_before
    assert old.status is SopStatus.BERLAKU and old.steps[1].mutu_baku.waktu == "2 jam"
    assert record.revisions[0].content_hash == serialize.content_hash(original)
    # Editing the new draft leaves revision 0 alone as well.
    record.document.judul = "Judul baru"
    service.save(sop_id, record.document)
    assert service.get_revision(sop_id, 0) == stored_before
    with pytest.raises(NotFoundError, match="revisi ke-5"):
        service.get_revision(sop_id, 5)


def test_new_revision_without_date_uses_today(service: SopService) -> None:
    sop_id = service.create(sample_doc())
    service.new_revision(sop_id, sample_doc(), "")
    assert service.get(sop_id).revisions[-1].tanggal == date.today()


def test_sop_in_force_or_withdrawn_is_not_edited_in_place(service: SopService) -> None:
    sop_id = service.create(sample_doc())
    service.set_status(sop_id, SopStatus.BERLAKU)
    with pytest.raises(ValidationError, match="revisi baru"):
        service.save(sop_id, sample_doc(judul="Diam-diam diubah"))
    service.set_status(sop_id, SopStatus.DICABUT)
    with pytest.raises(ValidationError, match="revisi baru"):
        service.save(sop_id, sample_doc(judul="Diam-diam diubah"))
    assert service.get(sop_id).document.judul == "Pengumpulan Data Kinerja"


def test_status_rules(service: SopService) -> None:
    sop_id = service.create(sample_doc())
    service.set_status(sop_id, SopStatus.BERLAKU)
    assert service.get(sop_id).document.status is SopStatus.BERLAKU
    with pytest.raises(ValidationError, match="tidak dapat dikembalikan menjadi draf"):
        service.set_status(sop_id, SopStatus.DRAF)
    service.set_status(sop_id, SopStatus.DICABUT)
    service.set_status(sop_id, SopStatus.BERLAKU)  # reinstated
    assert service.list_sops()[0].status is SopStatus.BERLAKU
    # The stored revision follows the record's status; its content hash does not move.
    assert service.get_revision(sop_id, 0).status is SopStatus.BERLAKU


def test_sop_with_checker_errors_cannot_come_into_force(service: SopService) -> None:
    sop_id = service.create(sample_doc(judul=""))
    with pytest.raises(ValidationError, match="belum dapat diberlakukan") as caught:
        service.set_status(sop_id, SopStatus.BERLAKU)
    assert "1 kesalahan" in caught.value.message and "udul" in caught.value.message
    assert service.get(sop_id).document.status is SopStatus.DRAF
    other = service.create(sample_doc(nomor="097/MB/2023"))
    twin = service.create(sample_doc(nomor="097 / mb/2023", judul="Kembar"))
    with pytest.raises(ValidationError):
        service.set_status(twin, SopStatus.BERLAKU)  # its nomor is used by `other`
    service.delete(other)
    service.set_status(twin, SopStatus.BERLAKU)
    assert service.get(twin).document.status is SopStatus.BERLAKU


def test_check_passes_other_nomors_and_working_hours(
    session: Session, service: SopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict] = []
    real = sop_checks.check_sop

    def spy(doc, **kwargs):
        calls.append({"nomor": doc.nomor, **kwargs})
        return real(doc, **kwargs)

    monkeypatch.setattr(sop_checks, "check_sop", spy)
    office = OfficeService(session)
    profile = office.get_profile()
    profile.jam_kerja_per_hari = 7.5
    office.save_profile(profile)
    first = service.create(sample_doc("A/1"))
    service.create(sample_doc("B/2"))
    service.create(sample_doc("", "Tanpa nomor"))
    assert service.check(first) == []
    # only the SOPs sharing the nomor are passed (one indexed lookup), never the SOP itself
    assert calls[-1] == {"nomor": "A/1", "other_nomors": [], "jam_kerja_per_hari": 7.5}
    findings = service.check_document(sample_doc("b / 2"))
    assert [f.code for f in findings] == ["nomor-ganda"]
    assert calls[-1]["other_nomors"] == ["B/2"]
    assert service.check_document(sample_doc("A/1"), exclude_id=first) == []


def test_delete_moves_to_the_bin_restore_brings_back_empty_removes(
    session: Session, service: SopService
) -> None:
    keep = service.create(sample_doc("1/A"))
    gone = service.create(sample_doc("2/B"))
    service.new_revision(gone, sample_doc("2/B"), "r1")
    service.delete(gone, oleh="uji")
    assert [s.id for s in service.list_sops()] == [keep]
    assert [(s.id, s.nomor) for s in service.bin()] == [(gone, "2/B")]
    assert service.bin()[0].dihapus is not None
    with pytest.raises(NotFoundError, match="ada di Sampah"):
        service.get(gone)
    # in the bin its nomor is free: another SOP may use it without a nomor-ganda
    assert service.check_document(sample_doc("2/B")) == []
    assert rows(session.path, f"SELECT count(*) FROM sop_revision WHERE sop_id = {gone}") == [(2,)]
    service.restore(gone)
    assert [s.id for s in service.list_sops()] == [keep, gone] and service.bin() == []
    assert [r.revisi_ke for r in service.get(gone).revisions] == [0, 1]
    service.delete(gone)
    assert service.empty_bin() == 1
    assert service.bin() == [] and service.empty_bin() == 0
    assert rows(session.path, "SELECT DISTINCT sop_id FROM sop_revision") == [(keep,)]
    with pytest.raises(NotFoundError):
        service.restore(gone)
    service.set_status(keep, SopStatus.BERLAKU)
    with pytest.raises(ValidationError, match="sedang berlaku"):
        service.delete(keep)
    service.set_status(keep, SopStatus.DICABUT)
    service.delete(keep)
    assert service.list_sops() == []
    actions = [e.action for e in reversed(AuditService(session).list_entries())]
    assert actions[-7:] == [
        "delete",
        "restore",
        "delete",
        "purge",
        "set_status",
        "set_status",
        "delete",
    ]


def test_documents_for_the_book(service: SopService) -> None:
    b = service.create(sample_doc("2/B", "Kedua"))
    a = service.create(sample_doc("1/A", "Pertama"))
    assert [(i, d.judul) for i, d in service.documents()] == [(a, "Pertama"), (b, "Kedua")]
    assert [i for i, _d in service.documents([b, a])] == [b, a]
    with pytest.raises(NotFoundError):
        service.documents([a, 999])


def test_every_write_leaves_one_audit_row_and_the_chain_holds(
    session: Session, service: SopService
) -> None:
    audit = AuditService(session)
    sop_id = service.create(sample_doc())
    service.save(sop_id, sample_doc(judul="Diubah"))
    service.set_status(sop_id, SopStatus.BERLAKU)
    service.set_status(sop_id, SopStatus.BERLAKU)  # no change: no write
    service.new_revision(sop_id, sample_doc(), "catatan")
    service.set_status(sop_id, SopStatus.DICABUT)
    service.delete(sop_id)
    with pytest.raises(NotFoundError):
        service.delete(sop_id)  # a failed write leaves nothing
    entries = audit.list_entries()
    assert [e.action for e in reversed(entries)] == [
        "create",
        "update",
        "set_status",
        "new_revision",
        "set_status",
        "delete",
    ]
    assert all(e.entity == "sop" and e.entity_id == sop_id for e in entries)
    # The new revision is a draf, but revision 0 stayed in force until withdrawn.
    assert "Berlaku → Dicabut" in entries[1].summary
    assert "Draf → Berlaku (revisi ke-0)" in entries[3].summary
    assert audit.list_entries(limit=2) == entries[:2]
    assert audit.verify_chain() == []


def test_verify_chain_reports_a_tampered_row(session: Session, service: SopService) -> None:
    service.create(sample_doc("1/A"))
    service.create(sample_doc("2/B"))
    execute(session.path, "UPDATE audit_log SET summary = 'bukan apa-apa' WHERE id = 1")
    assert AuditService(session).verify_chain() == [
        "Catatan audit #1 telah diubah setelah dicatat."
    ]


def test_subscribers_hear_of_committed_writes_only(session: Session, service: SopService) -> None:
    heard: list[tuple[str, int | None]] = []
    seen_in_db: list[int] = []

    def listener(entity: str, entity_id: int | None) -> None:
        heard.append((entity, entity_id))
        # Called after the commit: another connection already sees the change.
        seen_in_db.extend(r[0] for r in rows(session.path, "SELECT count(*) FROM sop"))

    session.subscribe(listener)
    sop_id = service.create(sample_doc())
    assert heard == [("sop", sop_id)] and seen_in_db == [1]
    service.set_status(sop_id, SopStatus.BERLAKU)
    with pytest.raises(ValidationError):
        service.set_status(sop_id, SopStatus.DRAF)  # refused inside the transaction
    with pytest.raises(ValidationError):
        service.save(sop_id, sample_doc())
    assert heard == [("sop", sop_id), ("sop", sop_id)]
    session.unsubscribe(listener)
    service.set_status(sop_id, SopStatus.DICABUT)
    assert len(heard) == 2


def test_a_failing_subscriber_does_not_undo_the_write(
    session: Session, service: SopService, caplog
) -> None:
    later: list[str] = []

    def broken(entity: str, entity_id: int | None) -> None:
        raise RuntimeError("layar rusak")

    session.subscribe(broken)
    session.subscribe(lambda entity, _id: later.append(entity))
    sop_id = service.create(sample_doc())
    assert later == ["sop"]
    assert service.get(sop_id).document.nomor == "096/MB/2023"
    assert "change callback failed" in caplog.text


def test_rolled_back_write_leaves_no_trace(session: Session, service: SopService) -> None:
    heard: list[str] = []
    session.subscribe(lambda entity, _id: heard.append(entity))
    with pytest.raises(RuntimeError), session.writing() as scope:
        scope.record("create", "sop", 1, "akan dibatalkan")
        raise RuntimeError("gagal di tengah jalan")
    assert heard == []
    assert AuditService(session).list_entries() == []


def test_closed_session_refuses_work(tmp_path: Path) -> None:
    session = open_session(tmp_path / "kinerja.db", create=True)
    session.close()
    with pytest.raises(KinerjaError, match="sudah ditutup"):
        SopService(session).list_sops()


def test_services_work_from_a_worker_thread(session: Session, service: SopService) -> None:
    """The GUI runs database work off the UI thread; each thread gets its own
    connection with the same pragmas, and hears of its own writes."""
    heard: list[tuple[str, str]] = []
    session.subscribe(lambda entity, _id: heard.append((entity, threading.current_thread().name)))
    results: dict[str, object] = {}

    def work() -> None:
        results["id"] = service.create(sample_doc())
        results["fk"] = database_of(session).execute_sql("PRAGMA foreign_keys").fetchone()[0]
        session.close_thread_connection()  # a worker may close its own connection when done

    worker = threading.Thread(target=work, name="pekerja")
    worker.start()
    worker.join()
    assert results["fk"] == 1
    assert heard == [("sop", "pekerja")]
    assert [s.id for s in service.list_sops()] == [results["id"]]


def test_create_in_force_needs_a_clean_check(service: SopService) -> None:
    good = sample_doc("1/A")
    good.status = SopStatus.BERLAKU
    assert service.get(service.create(good)).document.status is SopStatus.BERLAKU
    bad = sample_doc("2/B", judul="")
    bad.status = SopStatus.BERLAKU
    with pytest.raises(ValidationError, match="belum dapat diberlakukan"):
        service.create(bad)
    twin = sample_doc("1/a")
    twin.status = SopStatus.BERLAKU
    with pytest.raises(ValidationError, match="belum dapat diberlakukan"):
        service.create(twin)  # the nomor of an SOP already stored
    assert len(service.list_sops()) == 1
