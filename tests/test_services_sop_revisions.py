"""The revision in force, apart from the latest revision: starting a revision
keeps the SOP in force, bringing the new one into force supersedes the old,
withdrawing leaves none; the Buku SOP reads the revisions in force and their
kesalahan; databases of schema 2 get the pointer when migrated."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_store import make_v1_database, sample_doc

from kinerja_desktop.core.errors import NotFoundError
from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.core.sop.checker import Severity, errors_of
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import SopService, sop_label


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        yield s


@pytest.fixture()
def service(session: Session) -> SopService:
    return SopService(session)


def _in_force_with_draft(service: SopService) -> int:
    """An SOP whose revision 0 is in force and whose revision 1 is a draft."""
    sop_id = service.create(sample_doc())
    service.set_status(sop_id, SopStatus.BERLAKU)
    draft = service.get(sop_id).document
    draft.judul = "Pengumpulan Data Kinerja (usulan revisi)"
    service.new_revision(sop_id, draft, "Usulan")
    return sop_id


def test_starting_a_revision_keeps_the_sop_in_force(service: SopService) -> None:
    sop_id = _in_force_with_draft(service)
    (summary,) = service.list_sops()
    assert (summary.status, summary.revisi_ke, summary.revisi_berlaku) == (SopStatus.BERLAKU, 1, 0)
    assert summary.has_pending_revision
    record = service.get(sop_id)
    assert record.revisi_berlaku == 0
    assert record.document.status is SopStatus.DRAF  # the latest revision, being edited
    in_force = service.get_in_force(sop_id)
    assert in_force is not None
    assert (in_force.revisi_ke, in_force.status) == (0, SopStatus.BERLAKU)
    assert in_force.judul == "Pengumpulan Data Kinerja"
    assert [d.judul for _i, d in service.documents(in_force=True)] == ["Pengumpulan Data Kinerja"]
    assert [d.judul for _i, d in service.documents()] == [
        "Pengumpulan Data Kinerja (usulan revisi)"
    ]
    # The draft is edited in place while revision 0 stays as it was.
    draft = record.document
    draft.dasar_hukum.append("Perbup No. 1 Tahun 2024")
    service.save(sop_id, draft)
    assert service.get(sop_id).document.dasar_hukum[-1] == "Perbup No. 1 Tahun 2024"
    assert service.get_in_force(sop_id) == in_force


def test_bringing_the_new_revision_into_force_supersedes_the_old(
    session: Session, service: SopService
) -> None:
    sop_id = _in_force_with_draft(service)
    service.set_status(sop_id, SopStatus.BERLAKU)
    record = service.get(sop_id)
    assert record.revisi_berlaku == 1
    old, new = record.revisions
    assert (old.status, old.berlaku, old.superseded, old.label) == (
        SopStatus.BERLAKU,
        False,
        True,
        "Digantikan",
    )
    assert (new.status, new.berlaku, new.label) == (SopStatus.BERLAKU, True, "Berlaku")
    assert service.get_revision(sop_id, 0).status is SopStatus.BERLAKU  # its JSON is kept
    assert service.get_in_force(sop_id).judul.endswith("(usulan revisi)")
    assert not service.list_sops()[0].has_pending_revision
    entry = AuditService(session).list_entries(limit=1)[0].summary
    assert "Berlaku → Berlaku (revisi ke-1); revisi ke-0 digantikan" in entry


def test_withdrawing_leaves_no_revision_in_force(service: SopService) -> None:
    sop_id = _in_force_with_draft(service)
    service.set_status(sop_id, SopStatus.DICABUT)
    (summary,) = service.list_sops()
    assert (summary.status, summary.revisi_berlaku) == (SopStatus.DICABUT, None)
    assert service.get_in_force(sop_id) is None
    assert service.documents(in_force=True) == []
    assert service.documents([sop_id], in_force=True) == []
    labels = [r.label for r in service.get(sop_id).revisions]
    assert labels == ["Dicabut", "Draf"]  # the draft in preparation stays a draft
    service.delete(sop_id)  # no longer in force: it may go
    assert service.list_sops() == []


def test_a_draft_of_a_withdrawn_sop_can_bring_it_back(service: SopService) -> None:
    sop_id = _in_force_with_draft(service)
    service.set_status(sop_id, SopStatus.DICABUT)
    service.set_status(sop_id, SopStatus.BERLAKU)
    assert service.get(sop_id).revisi_berlaku == 1
    assert [r.label for r in service.get(sop_id).revisions] == ["Dicabut", "Berlaku"]


def test_documents_in_force_keep_list_order_and_skip_sops_without_one(
    service: SopService,
) -> None:
    draft_only = service.create(sample_doc("1/A", "Masih draf"))
    second = service.create(sample_doc("3/C", "Ketiga"))
    first = service.create(sample_doc("2/B", "Kedua"))
    for sop_id in (second, first):
        service.set_status(sop_id, SopStatus.BERLAKU)
    assert [i for i, _d in service.documents(in_force=True)] == [first, second]
    chosen = service.documents([second, draft_only, first], in_force=True)
    assert [i for i, _d in chosen] == [second, first]
    with pytest.raises(NotFoundError):
        service.documents([first, 999], in_force=True)


def test_book_errors_names_the_kesalahan_of_the_documents_printed(service: SopService) -> None:
    clean = _in_force_with_draft(service)
    broken_draft = service.get(clean).document
    broken_draft.steps[1].pelaksana = []  # a step without a lane is a kesalahan
    service.save(clean, broken_draft)
    unnumbered = service.create(sample_doc("", "Tanpa nomor"))
    # The revision in force of `clean` is sound; its latest draft is not.
    assert service.book_errors(in_force=True) == {}
    errors = service.book_errors()
    latest = service.get(clean).document
    assert set(errors) == {sop_label(clean, latest), f"SOP {unnumbered} (Tanpa nomor)"}
    assert errors[f"SOP {unnumbered} (Tanpa nomor)"]
    for findings in errors.values():
        assert findings and all(f.severity is Severity.KESALAHAN for f in findings)
        assert findings == errors_of(findings)
    assert list(service.book_errors([unnumbered])) == [f"SOP {unnumbered} (Tanpa nomor)"]
    assert service.book_errors([unnumbered], in_force=True) == {}


def test_book_errors_compares_nomors_with_the_other_sops(service: SopService) -> None:
    a = service.create(sample_doc("7/A", "Satu"))
    b = service.create(sample_doc("7 / a", "Dua"))
    errors = service.book_errors()
    assert set(errors) == {f"SOP {a} (7/A)", f"SOP {b} (7 / a)"}
    assert {f.code for f in errors[f"SOP {a} (7/A)"]} == {"nomor-ganda"}


def test_migrating_schema_2_points_at_the_revision_in_force(tmp_path: Path) -> None:
    """A version-1/2 database: SOP 1 had revision 0 in force when revision 1
    was started (which the old program recorded as a plain draf); SOP 2 is
    in force at its latest revision; SOP 3 was withdrawn, then revised."""
    path = tmp_path / "lama.db"
    content = make_v1_database(path)
    conn = sqlite3.connect(path)
    for sop_id, status, revision_status in ((2, "berlaku", "berlaku"), (3, "draf", "dicabut")):
        conn.execute(
            "INSERT INTO sop SELECT ?, nomor || '-' || ?, judul, ?, unit, 0, 4, "
            "created_at, updated_at FROM sop WHERE id = 1",
            (sop_id, sop_id, status),
        )
        conn.execute(
            "INSERT INTO sop_revision (sop_id, revisi_ke, tanggal, catatan, document, "
            "content_hash, created_at) SELECT ?, 0, tanggal, catatan, "
            "json_set(document, '$.status', ?), content_hash, created_at "
            "FROM sop_revision WHERE sop_id = 1 AND revisi_ke = 0",
            (sop_id, revision_status),
        )
    conn.execute(
        "INSERT INTO sop_revision (sop_id, revisi_ke, tanggal, catatan, document, "
        "content_hash, created_at) SELECT 3, 1, tanggal, catatan, "
        "json_set(document, '$.status', 'draf'), content_hash, created_at "
        "FROM sop_revision WHERE sop_id = 1 AND revisi_ke = 1"
    )
    conn.execute("UPDATE sop SET revisi_ke = 1 WHERE id = 3")
    conn.commit()
    conn.close()
    with open_session(path) as session:
        service = SopService(session)
        by_id = {s.id: s for s in service.list_sops()}
        assert (by_id[1].status, by_id[1].revisi_berlaku) == (SopStatus.BERLAKU, 0)
        assert (by_id[2].status, by_id[2].revisi_berlaku) == (SopStatus.BERLAKU, 0)
        assert (by_id[3].status, by_id[3].revisi_berlaku) == (SopStatus.DICABUT, None)
        assert service.get_in_force(1) == content.old_doc
        assert service.get(1).document == content.new_doc  # the draft, unchanged
