"""The SOP life cycle in the service: new from blank/template/duplicate, approve
with tanggal efektif and signer (who/when in audit and history), withdraw with
a reason, the revision an import brings approvable, the import-correct-import
cycle leaving one SOP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.sop import Pengesahan, SopStatus
from kinerja_desktop.core.sop.checker import has_errors
from kinerja_desktop.core.sop.template import TEMPLATE_DASAR_HUKUM
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import NotReadyError, SopService

TYPED_WITHOUT_NOMOR = Path(__file__).parent / "data" / "xlsx" / "ketik_masama_perbaikan.xlsx"


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True, demo_if_new=True) as s:
        yield s


@pytest.fixture()
def service(session: Session) -> SopService:
    return SopService(session)


def test_new_documents_blank_template_and_duplicate(service: SopService) -> None:
    blank = service.new_document()
    assert blank.steps == [] and blank.tanggal_pembuatan == date.today()
    assert blank.pengesahan.jabatan == "CAMAT MASAMA"  # the demo office's Camat
    made = service.new_document(True)
    assert made.dasar_hukum == list(TEMPLATE_DASAR_HUKUM)
    assert made.steps[0].jenis.value == "mulai" and made.steps[-1].jenis.value == "selesai"
    made.nomor, made.judul = "050/90/UJI", "Uji templat"
    assert not has_errors(service.check_document(made))  # only nomor and judul were missing
    source = service.list_sops()[0]
    copy = service.duplicate_document(source.id)
    original = service.get(source.id).document
    assert (copy.nomor, copy.judul) == ("", original.judul + " (salinan)")
    assert copy.status is SopStatus.DRAF and copy.tanggal_efektif is None
    assert [s.uraian for s in copy.steps] == [s.uraian for s in original.steps]
    assert not {s.id for s in copy.steps} & {s.id for s in original.steps}


def test_approve_records_date_signer_who_and_supersedes(
    session: Session, service: SopService
) -> None:
    sop_id = service.create(sample_doc("050/91/UJI"))
    signer = Pengesahan("CAMAT MASAMA", "Nama Camat", "196801271986111001", "Pembina, IV/a")
    assert (
        service.approve(sop_id, tanggal_efektif=date(2026, 3, 2), signer=signer, oleh="siti") == 0
    )
    doc = service.get_in_force(sop_id)
    assert (doc.tanggal_efektif, doc.pengesahan, doc.status) == (
        date(2026, 3, 2),
        signer,
        SopStatus.BERLAKU,
    )
    (rev,) = service.get(sop_id).revisions
    assert "Dinyatakan berlaku" in rev.catatan and "oleh siti" in rev.catatan
    entry = AuditService(session).list_entries(limit=1)[0]
    assert entry.action == "approve" and "Nama Camat" in entry.summary and "siti" in entry.summary
    with pytest.raises(ValidationError, match="sudah berlaku"):
        service.approve(sop_id)
    service.new_revision(sop_id, service.get(sop_id).document, "Revisi")
    draft, findings = service.approval_draft(sop_id)
    assert draft.tanggal_efektif == date.today()  # not the one copied from revision 0
    assert not has_errors(findings)
    service.approve(sop_id)
    labels = [r.label for r in service.get(sop_id).revisions]
    assert labels == ["Digantikan", "Berlaku"]
    assert "revisi ke-0 digantikan" in AuditService(session).list_entries(limit=1)[0].summary


def test_approve_is_refused_while_the_checker_finds_a_kesalahan(service: SopService) -> None:
    sop_id = service.create(sample_doc("", "Tanpa nomor"))
    with pytest.raises(NotReadyError, match="belum dapat diberlakukan") as caught:
        service.approve(sop_id)
    assert [f.code for f in caught.value.errors] == ["nomor-kosong"]
    assert service.summary(sop_id).status is SopStatus.DRAF


def test_withdraw_needs_a_reason_and_an_sop_in_force(session: Session, service: SopService) -> None:
    sop_id = service.create(sample_doc("050/92/UJI"))
    with pytest.raises(ValidationError, match="tidak sedang berlaku"):
        service.withdraw(sop_id, "alasan")
    service.approve(sop_id)
    with pytest.raises(ValidationError, match="Alasan"):
        service.withdraw(sop_id, "  ")
    service.withdraw(sop_id, "Diganti SOP gabungan", oleh="budi")
    summary = service.summary(sop_id)
    assert (summary.status, summary.revisi_berlaku) == (SopStatus.DICABUT, None)
    assert summary.can_delete and not summary.can_withdraw
    (rev,) = service.get(sop_id).revisions
    assert rev.label == "Dicabut" and "Diganti SOP gabungan" in rev.catatan
    entry = AuditService(session).list_entries(limit=1)[0]
    assert entry.action == "withdraw" and "budi" in entry.summary
    service.delete(sop_id)
    assert sop_id not in [i for i, _d in service.documents(in_force=True)]


def test_a_revision_brought_by_an_import_can_be_approved(
    service: SopService, tmp_path: Path
) -> None:
    """It used to stay a draft for ever: the checker said its nomor was taken
    by the very SOP it revises."""
    target = service.list_sops()[0]
    path = tmp_path / "revisi.xlsx"
    service.export_xlsx(target.id, path)
    preview = service.preview_import(path)
    preview.document.dasar_hukum.append("Peraturan Bupati Banggai Nomor 1 Tahun 2026")
    preview = service.reassess_import(preview)
    assert not [f for f in preview.findings if f.code == "nomor-ganda"]
    assert service.apply_import(preview, "revisi") == target.id
    assert not [f for f in service.check(target.id) if f.code == "nomor-ganda"]
    service.approve(target.id)
    assert service.summary(target.id).revisi_berlaku == 1


def test_typed_table_import_export_complete_import_leaves_one_sop(
    service: SopService, tmp_path: Path
) -> None:
    before = len(service.list_sops())
    first = service.apply_import(service.preview_import(TYPED_WITHOUT_NOMOR))
    path = tmp_path / "lengkapi.xlsx"
    service.export_xlsx(first, path)
    preview = service.preview_import(path)
    assert preview.unchanged and preview.by_code
    preview.document.nomor = "050/93/KEC-MSM/2026"  # completed in Excel
    preview = service.reassess_import(preview)
    assert [c.id for c in preview.conflicts] == [first] and preview.by_code
    assert [(f.name, f.new) for f in preview.diff.fields] == [("nomor", "050/93/KEC-MSM/2026")]
    assert service.apply_import(preview, "revisi") == first
    assert len(service.list_sops()) == before + 1
    assert service.summary(first).nomor == "050/93/KEC-MSM/2026"
    # the workbook's code names a deleted SOP: it is then matched by nomor again
    service.delete(first)
    again = service.preview_import(path)
    assert again.conflicts == [] and not again.by_code
