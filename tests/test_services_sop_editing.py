"""services.sop_editing: one save call — create, save a draft in place, a new draft
revision of an SOP in force — and a save over a changed SOP refused, nothing lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_store import sample_doc

from kinerja_desktop.core.errors import NotFoundError
from kinerja_desktop.core.sop import SopStatus
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_editing import (
    CREATED,
    NEW_REVISION,
    SAVED,
    UNCHANGED,
    SopEditingService,
    StaleSaveError,
)
from kinerja_desktop.services.sop_service import SopService


@pytest.fixture()
def session(tmp_path: Path) -> Iterator[Session]:
    with open_session(tmp_path / "kinerja.db", create=True) as s:
        yield s


def test_a_new_sop_is_created_as_a_draft_then_saved_in_place(session: Session) -> None:
    editing = SopEditingService(session)
    opened = editing.open(None, replace(sample_doc(), status=SopStatus.BERLAKU, revisi_ke=4))
    assert opened.document.status is SopStatus.DRAF and opened.document.revisi_ke == 0
    heard: list[tuple[str, int | None]] = []
    session.subscribe(lambda entity, i: heard.append((entity, i)))
    first = editing.save(None, opened.document, base_hash=None)
    assert first.outcome == CREATED and first.revisi_ke == 0
    assert heard == [("sop", first.sop_id)]
    changed, _ = ed.SetStepText(opened.document.steps[1].id, "waktu", "3 jam")(first.document)
    second = editing.save(first.sop_id, changed, base_hash=first.base_hash)
    assert second.outcome == SAVED and second.base_hash != first.base_hash
    record = SopService(session).get(first.sop_id)
    assert [r.revisi_ke for r in record.revisions] == [0]
    assert record.document.steps[1].mutu_baku.waktu == "3 jam"
    actions = [e.action for e in AuditService(session).list_entries()]
    assert actions[:2] == ["update", "create"]


def test_an_sop_in_force_gets_a_new_draft_revision(session: Session) -> None:
    sops = SopService(session)
    sop_id = sops.create(sample_doc())
    sops.set_status(sop_id, SopStatus.BERLAKU)
    editing = SopEditingService(session)
    opened = editing.open(sop_id)
    assert not opened.editable_in_place
    unchanged = editing.save(sop_id, opened.document, base_hash=opened.base_hash)
    assert unchanged.outcome == UNCHANGED
    edited, _ = ed.SetStepText(opened.document.steps[0].id, "uraian", "Memulai")(opened.document)
    saved = editing.save(sop_id, edited, base_hash=opened.base_hash)
    assert saved.outcome == NEW_REVISION and saved.revisi_ke == 1
    assert saved.document.status is SopStatus.DRAF and saved.document.tanggal_revisi is not None
    in_force = sops.get_in_force(sop_id)
    assert in_force is not None and in_force.steps[0].uraian != "Memulai"
    again = editing.save(sop_id, saved.document, base_hash=saved.base_hash)
    assert again.outcome == SAVED and again.revisi_ke == 1
    assert [r.revisi_ke for r in editing.history(sop_id)] == [0, 1]
    assert editing.revision(sop_id, 0).steps[0].uraian == sample_doc().steps[0].uraian


def test_a_save_over_an_sop_changed_elsewhere_is_refused(session: Session) -> None:
    sops = SopService(session)
    sop_id = sops.create(sample_doc())
    editing = SopEditingService(session)
    mine = editing.open(sop_id)
    theirs = editing.open(sop_id)
    other, _ = ed.SetStepText(theirs.document.steps[0].id, "uraian", "Oleh jendela lain")(
        theirs.document
    )
    editing.save(sop_id, other, base_hash=theirs.base_hash)
    edited, _ = ed.SetStepText(mine.document.steps[0].id, "uraian", "Tulisan saya")(mine.document)
    with pytest.raises(StaleSaveError, match="telah diubah di tempat lain"):
        editing.save(sop_id, edited, base_hash=mine.base_hash)
    assert sops.get(sop_id).document.steps[0].uraian == "Oleh jendela lain"
    copy = editing.save_copy(edited)
    assert copy.sop_id != sop_id and copy.document.nomor.endswith("(salinan)")
    assert copy.document.steps[0].uraian == "Tulisan saya"


def test_a_save_of_a_deleted_sop_says_so(session: Session) -> None:
    sops = SopService(session)
    sop_id = sops.create(sample_doc())
    editing = SopEditingService(session)
    opened = editing.open(sop_id)
    sops.delete(sop_id)
    with pytest.raises(NotFoundError, match="tidak ada lagi"):
        editing.save(sop_id, opened.document, base_hash=opened.base_hash)
