"""core.sop.diff on the demo SOPs: nothing for a document against itself, and
each kind of change found where it was made — by step id for two revisions,
by text for an import whose ids are new."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kinerja_desktop.core.sop import DecisionExit, Lane, SopDocument, Step, StepKind, serialize
from kinerja_desktop.core.sop.diff import Kind, diff_documents, similarity, word_diff
from kinerja_desktop.paths import resource

DEMO = sorted((resource("demo") / "sop").glob("*.json"))


def _load(path: Path) -> SopDocument:
    return serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _fresh_ids(doc: SopDocument) -> SopDocument:
    """The same content with new lane and step ids, as an import reads it."""
    copy_ = serialize.from_dict(serialize.to_dict(doc))
    lane_ids = {lane.id: f"x{lane.id}" for lane in copy_.lanes}
    step_ids = {step.id: f"y{step.id}" for step in copy_.steps}
    for lane in copy_.lanes:
        lane.id = lane_ids[lane.id]
    for step in copy_.steps:
        step.id = step_ids[step.id]
        step.pelaksana = [lane_ids[x] for x in step.pelaksana]
        for ex in step.exits:
            ex.target = step_ids.get(ex.target) if ex.target else None
    return copy_


@pytest.mark.parametrize("path", DEMO, ids=[p.stem for p in DEMO])
def test_a_document_against_itself_has_no_change(path: Path) -> None:
    doc = _load(path)
    assert diff_documents(doc, copy.deepcopy(doc)).is_empty
    renumbered = _fresh_ids(doc)
    renumbered.status = "dicabut"  # bookkeeping, not content
    renumbered.revisi_ke = 4
    diff = diff_documents(doc, renumbered)
    assert diff.is_empty, diff
    assert diff.summary() == "tidak ada perubahan"


@pytest.mark.parametrize("by_id", [True, False], ids=["revisi", "impor"])
def test_changes_are_found_where_they_were_made(by_id: bool) -> None:
    old = _load(DEMO[0])
    new = copy.deepcopy(old) if by_id else _fresh_ids(old)
    new.judul = old.judul + " Kecamatan"
    new.pengesahan.nama = "Nama Baru"
    new.dasar_hukum.insert(1, "Peraturan Bupati Banggai Nomor 9 Tahun 2026")
    removed_item = new.dasar_hukum.pop(4)
    new.peringatan = [old.peringatan[0] + " segera"] if old.peringatan else ["baru"]
    inserted = Step("Kasubag menelaah berkas yang sama sekali baru", [new.lanes[0].id])
    new.steps.insert(2, inserted)
    gone = new.steps.pop(5)
    new.steps[3].mutu_baku.waktu = "3 jam"
    new.lanes[1].nama = new.lanes[1].nama + " Kecamatan"

    diff = diff_documents(old, new)

    assert {(f.name, f.new) for f in diff.fields} == {
        ("judul", new.judul),
        ("pengesahan.nama", "Nama Baru"),
    }
    kinds = {(c.list_name, c.kind, c.old_number, c.new_number) for c in diff.items}
    assert ("dasar_hukum", Kind.ADDED, None, 2) in kinds
    assert ("dasar_hukum", Kind.REMOVED, 4, None) in kinds
    assert [c.old for c in diff.items if c.kind is Kind.REMOVED] == [removed_item]
    assert any(c.list_name == "peringatan" for c in diff.items)
    steps = {(c.kind, c.old_number, c.new_number) for c in diff.steps}
    assert (Kind.ADDED, None, 3) in steps
    assert (Kind.REMOVED, 5, None) in steps
    assert [c.old_uraian for c in diff.steps if c.kind is Kind.REMOVED] == [gone.uraian]
    (waktu,) = [c for c in diff.steps if c.kind is Kind.CHANGED and c.new_number == 4]
    assert [(f.name, f.new) for f in waktu.fields] == [("waktu", "3 jam")]
    # the renamed lane is one lane change; its steps did not change lane
    assert [(c.kind, c.new_name) for c in diff.lanes] == [(Kind.CHANGED, new.lanes[1].nama)]
    # renumbering alone (every step after the inserted one) is no change
    assert len([c for c in diff.steps if c.kind is Kind.CHANGED]) == 1
    new.steps[3].pelaksana = [new.lanes[-1].id]
    (moved_lane,) = [c for c in diff_documents(old, new).steps if c.new_number == 4]
    assert [f.name for f in moved_lane.fields] == ["pelaksana", "waktu"]
    assert diff.steps == tuple(
        sorted(diff.steps, key=lambda c: c.new_number or (c.old_number or 0) - 0.5)
    ), "changes come in reading order"


def _decision_doc() -> SopDocument:
    lane = Lane("Kasubag", id="L1")
    steps = [
        Step("Mulai", ["L1"], StepKind.MULAI, id="S1"),
        Step("Susun konsep", ["L1"], id="S2"),
        Step("Konsep benar?", ["L1"], StepKind.KEPUTUSAN, id="S3"),
        Step("Kirim", ["L1"], id="S4"),
        Step("Selesai", ["L1"], StepKind.SELESAI, id="S5"),
    ]
    steps[2].exits = [DecisionExit("Ya", None), DecisionExit("Tidak", "S2")]
    return SopDocument(nomor="1/A", judul="Uji", lanes=[lane], steps=steps)


def test_decision_exits_compare_by_the_step_they_lead_to() -> None:
    old = _decision_doc()
    new = _fresh_ids(old)
    new.steps.insert(1, Step("Terima disposisi", [new.lanes[0].id]))
    diff = diff_documents(old, new)
    assert [(c.kind, c.new_number) for c in diff.steps] == [(Kind.ADDED, 2)]  # loop intact
    new.steps[3].exits[1].target = new.steps[1].id  # now back to the new step
    (changed,) = [c for c in diff_documents(old, new).steps if c.kind is Kind.CHANGED]
    assert changed.fields[0].name == "exits"
    assert changed.fields[0].old == "Ya → langkah berikutnya; Tidak → langkah 3"
    assert changed.fields[0].new == "Ya → langkah berikutnya; Tidak → langkah 2"


def test_moved_step_is_reported_as_moved() -> None:
    old = _decision_doc()
    new = copy.deepcopy(old)
    new.steps[1], new.steps[3] = new.steps[3], new.steps[1]
    moved = [c for c in diff_documents(old, new).steps if c.moved]
    assert moved and all(c.kind is Kind.CHANGED for c in moved)


def test_word_diff_marks_only_the_changed_words() -> None:
    runs = word_diff("Kasubag menyusun konsep laporan", "Kasubag menyusun draf laporan akhir")
    assert runs == [
        (Kind.SAME, "Kasubag menyusun"),
        (Kind.REMOVED, "konsep"),
        (Kind.ADDED, "draf"),
        (Kind.SAME, "laporan"),
        (Kind.ADDED, "akhir"),
    ]
    assert word_diff("", "") == []
    assert similarity("A b c", "a B c") == 1.0 and similarity("a b", "x y") == 0.0
