"""Importing an SOP workbook: a preview writes nothing; a nomor already used
is never overwritten silently — the caller picks revisi or salinan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop.core.errors import FileFormatError, ValidationError
from kinerja_desktop.core.sop import SopStatus, serialize
from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook, write_sop_workbook
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import (
    ImportConflictError,
    ImportNote,
    ImportUnchangedError,
    SopService,
)

TYPED_WITHOUT_NOMOR = Path(__file__).parent / "data" / "xlsx" / "ketik_masama_perbaikan.xlsx"


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        yield s


@pytest.fixture()
def service(session: Session) -> SopService:
    return SopService(session)


def _workbook(service: SopService, tmp_path: Path, **changes: str) -> Path:
    """An exported SOP, changed, as the file a colleague sends back."""
    source = service.create(sample_doc())
    path = tmp_path / "sop.xlsx"
    service.export_xlsx(source, path)
    doc = service.get(source).document
    for key, value in changes.items():
        setattr(doc, key, value)
    service.delete(source)
    write_sop_workbook(doc, path)
    return path


def test_preview_reads_and_writes_nothing(
    session: Session, service: SopService, tmp_path: Path
) -> None:
    path = _workbook(service, tmp_path)
    entries = len(AuditService(session).list_entries())
    preview = service.preview_import(path)
    assert preview.document.nomor == "096/MB/2023"
    assert preview.conflicts == [] and preview.findings == []
    assert preview.source == path
    assert service.list_sops() == []
    assert len(AuditService(session).list_entries()) == entries


def test_import_without_conflict_creates_the_sop(
    session: Session, service: SopService, tmp_path: Path
) -> None:
    path = _workbook(service, tmp_path)
    sop_id = service.apply_import(service.preview_import(path))
    record = service.get(sop_id)
    assert record.document.judul == "Pengumpulan Data Kinerja"
    assert record.revisions[0].catatan == "Diimpor dari sop.xlsx"
    entry = AuditService(session).list_entries(limit=1)[0]
    assert (entry.action, entry.entity_id) == ("import", sop_id)


def test_conflict_without_a_mode_is_refused_and_nothing_written(
    session: Session, service: SopService, tmp_path: Path
) -> None:
    path = _workbook(service, tmp_path, judul="Versi kantor lain")
    existing = service.create(sample_doc())
    preview = service.preview_import(path)
    assert [c.id for c in preview.conflicts] == [existing]
    # the nomor is the one of the SOP it would revise: not "taken by another SOP"
    assert preview.findings == []
    assert [f.name for f in preview.diff.fields] == ["judul"]
    before = AuditService(session).list_entries()
    with pytest.raises(ImportConflictError, match="pilih: revisi atau salinan") as caught:
        service.apply_import(preview)
    assert [c.id for c in caught.value.conflicts] == [existing]
    assert [s.id for s in service.list_sops()] == [existing]
    assert AuditService(session).list_entries() == before


def test_conflict_as_revision_adds_a_revision(service: SopService, tmp_path: Path) -> None:
    path = _workbook(service, tmp_path, judul="Versi kantor lain")
    existing = service.create(sample_doc())
    service.set_status(existing, SopStatus.BERLAKU)
    old = service.get_revision(existing, 0)
    new_id = service.apply_import(service.preview_import(path), "revisi", "Dari Seksi PMD")
    assert new_id == existing
    record = service.get(existing)
    assert [(r.revisi_ke, r.catatan) for r in record.revisions] == [
        (0, "Dibuat"),
        (1, "Dari Seksi PMD"),
    ]
    assert record.document.judul == "Versi kantor lain"
    assert record.document.status is SopStatus.DRAF
    assert service.get_revision(existing, 0) == old
    assert len(service.list_sops()) == 1


def test_conflict_as_copy_is_a_separate_marked_draft(service: SopService, tmp_path: Path) -> None:
    path = _workbook(service, tmp_path, judul="Versi kantor lain")
    existing = service.create(sample_doc())
    first = service.apply_import(service.preview_import(path), "salinan")
    second = service.apply_import(service.preview_import(path), "salinan")
    listed = {s.id: (s.nomor, s.judul, s.status) for s in service.list_sops()}
    assert listed == {
        existing: ("096/MB/2023", "Pengumpulan Data Kinerja", SopStatus.DRAF),
        first: ("096/MB/2023 (salinan)", "Versi kantor lain", SopStatus.DRAF),
        second: ("096/MB/2023 (salinan 2)", "Versi kantor lain", SopStatus.DRAF),
    }
    # The copies no longer clash with the original.
    assert service.check(first) == []


def test_revision_mode_needs_exactly_one_sop_with_that_nomor(
    service: SopService, tmp_path: Path
) -> None:
    path = _workbook(service, tmp_path)
    with pytest.raises(ValidationError, match="Tidak ada SOP bernomor"):
        service.apply_import(service.preview_import(path), "revisi")
    service.create(sample_doc())
    service.create(sample_doc(judul="Kembar"))
    with pytest.raises(ValidationError, match="lebih dari satu SOP"):
        service.apply_import(service.preview_import(path), "revisi")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        service.apply_import(service.preview_import(path), "timpa")
    assert len(service.list_sops()) == 2


def test_conflict_is_checked_again_when_applying(service: SopService, tmp_path: Path) -> None:
    """A preview made before someone else stored the same nomor is no licence."""
    path = _workbook(service, tmp_path)
    preview = service.preview_import(path)
    assert preview.conflicts == []
    service.create(sample_doc(judul="Disimpan orang lain"))
    with pytest.raises(ImportConflictError):
        service.apply_import(preview)


def test_bad_file_error_passes_through(service: SopService, tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_text("Nomor;Judul\n1;Uji\n", encoding="utf-8")
    with pytest.raises(FileFormatError):
        service.preview_import(path)
    assert service.list_sops() == []


def test_export_writes_the_current_revision(service: SopService, tmp_path: Path) -> None:
    sop_id = service.create(sample_doc())
    service.new_revision(sop_id, sample_doc(judul="Revisi satu"), "")
    path = tmp_path / "keluar.xlsx"
    service.export_xlsx(sop_id, path)
    doc = read_sop_workbook(path).document
    assert (doc.judul, doc.revisi_ke) == ("Revisi satu", 1)


def test_imported_sop_in_force_with_errors_comes_in_as_draft(
    session: Session, service: SopService, tmp_path: Path
) -> None:
    good = tmp_path / "baik.xlsx"
    doc = sample_doc("1/A")
    doc.status = SopStatus.BERLAKU
    write_sop_workbook(doc, good)
    kept = service.apply_import(service.preview_import(good))
    assert service.get(kept).document.status is SopStatus.BERLAKU
    bad = tmp_path / "salah.xlsx"
    doc = sample_doc("2/B")
    doc.status = SopStatus.BERLAKU
    doc.steps[0].pelaksana = []  # a step without a lane is a kesalahan
    write_sop_workbook(doc, bad)
    demoted = service.apply_import(service.preview_import(bad))
    assert service.get(demoted).document.status is SopStatus.DRAF
    assert "sebagai draf" in AuditService(session).list_entries(limit=1)[0].summary


def test_every_demo_sop_goes_to_excel_and_back(tmp_path: Path) -> None:
    """Brought back unchanged, a workbook offers nothing to save; changed, it is
    a revision or a copy of the SOP it came from."""
    with open_session(tmp_path / "demo.db", create=True, demo_if_new=True) as session:
        service = SopService(session)
        for sop_id, doc in service.documents():
            path = tmp_path / f"sop-{sop_id}.xlsx"
            service.export_xlsx(sop_id, path)
            preview = service.preview_import(path)
            assert preview.layout == "kinerja"
            assert [c.id for c in preview.conflicts] == [sop_id] and preview.by_code
            assert serialize.content_hash(preview.document) == serialize.content_hash(doc)
            assert preview.unchanged and preview.diff.summary() == "tidak ada perubahan"
            assert any("Tidak ada perubahan" in n.message for n in preview.notes)
            for mode in (None, "revisi", "salinan"):
                with pytest.raises(ImportUnchangedError, match="tidak ada perubahan"):
                    service.apply_import(preview, mode)
            preview.document.peringatan.append("Diubah di Excel")
            preview = service.reassess_import(preview)
            assert not preview.unchanged
            assert [(c.kind.value, c.list_name) for c in preview.diff.items] == [
                ("ditambahkan", "peringatan")
            ]
            with pytest.raises(ImportConflictError):
                service.apply_import(preview)
            copy = service.get(service.apply_import(preview, "salinan")).document
            assert (copy.nomor, copy.status) == (f"{doc.nomor} (salinan)", SopStatus.DRAF)
            copy.nomor = doc.nomor
            copy.peringatan.pop()
            assert serialize.content_hash(copy) == serialize.content_hash(doc)


# -- the service's own preview, SOPs without nomor, dates, notes ------------------------


def test_preview_has_the_services_own_types(service: SopService) -> None:
    preview = service.preview_import(TYPED_WITHOUT_NOMOR)
    assert preview.layout == "ketik"
    assert preview.document.judul == "Prosedur Perbaikan Data Kinerja"
    assert preview.notes and all(type(n) is ImportNote for n in preview.notes)
    assert {n.level for n in preview.notes} <= {"info", "ragu", "masalah"}
    reader = read_sop_workbook(TYPED_WITHOUT_NOMOR)
    assert [(n.level, n.message, n.step) for n in preview.notes[: len(reader.notes)]] == [
        (n.level, n.message, n.step) for n in reader.notes
    ]


def test_revision_import_keeps_the_workbooks_tanggal_revisi(
    service: SopService, tmp_path: Path
) -> None:
    existing = service.create(sample_doc())
    doc = sample_doc(judul="Direvisi di kecamatan")
    doc.tanggal_revisi = date(2024, 3, 5)
    path = tmp_path / "revisi.xlsx"
    write_sop_workbook(doc, path)
    service.apply_import(service.preview_import(path), "revisi")
    record = service.get(existing)
    assert record.document.tanggal_revisi == date(2024, 3, 5)
    assert record.revisions[-1].tanggal == date(2024, 3, 5)


def test_a_workbook_without_nomor_is_not_imported_twice(service: SopService) -> None:
    first = service.apply_import(service.preview_import(TYPED_WITHOUT_NOMOR))
    preview = service.preview_import(TYPED_WITHOUT_NOMOR)
    assert [c.id for c in preview.conflicts] == [first]
    assert any(n.level == "masalah" and "tidak bernomor" in n.message for n in preview.notes)
    # the same table again: nothing changed, nothing to save in any mode
    assert preview.unchanged
    for mode in (None, "revisi", "salinan"):
        with pytest.raises(ImportUnchangedError):
            service.apply_import(preview, mode)
    preview.document.steps[1].mutu_baku.waktu = "2 jam"
    preview = service.reassess_import(preview)
    assert [c.fields[0].new for c in preview.diff.steps] == ["2 jam"]
    with pytest.raises(ImportConflictError, match="tanpa nomor berjudul") as caught:
        service.apply_import(preview)
    assert [c.id for c in caught.value.conflicts] == [first]
    assert service.apply_import(preview, "revisi") == first
    assert [r.revisi_ke for r in service.get(first).revisions] == [0, 1]
    copy = service.get(service.apply_import(preview, "salinan")).document
    assert (copy.nomor, copy.judul) == ("", "Prosedur Perbaikan Data Kinerja (salinan)")
    assert len(service.list_sops()) == 2


def test_revision_of_a_workbook_without_nomor_needs_a_match_by_judul(
    service: SopService,
) -> None:
    service.create(sample_doc("", "Judul lain"))
    with pytest.raises(ValidationError, match="SOP ini tidak bernomor"):
        service.apply_import(service.preview_import(TYPED_WITHOUT_NOMOR), "revisi")
    assert len(service.list_sops()) == 1


def test_preview_says_when_berlaku_will_come_in_as_draf(
    service: SopService, tmp_path: Path
) -> None:
    doc = sample_doc("2/B")
    doc.status = SopStatus.BERLAKU
    doc.steps[0].pelaksana = []
    path = tmp_path / "salah.xlsx"
    write_sop_workbook(doc, path)
    notes = [n for n in service.preview_import(path).notes if n.level == "masalah"]
    assert any("bertanda Berlaku" in n.message and "Draf" in n.message for n in notes)
    good = sample_doc("3/C")
    good.status = SopStatus.BERLAKU
    write_sop_workbook(good, path)
    assert not [n for n in service.preview_import(path).notes if "Berlaku" in n.message]
