"""The one rendering of a comparison (ui.sop.diff_view): both sides labelled,
words taken out struck on the old side only, words put in on the new side only,
a moved step named by its number on each side, one sentence when nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

from kinerja_desktop.core.sop import SopDocument, serialize
from kinerja_desktop.core.sop.diff import diff_documents
from kinerja_desktop.paths import resource
from kinerja_desktop.ui.sop.diff_view import IN, OUT, diff_html

DEMO = sorted((resource("demo") / "sop").glob("*.json"))


def _load(path: Path) -> SopDocument:
    return serialize.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _cells(html: str, row_start: str) -> list[str]:
    row = html[html.index(row_start) :]
    row = row[: row.index("</tr>")]
    return row.split("<td>")[2:]  # the old side, the new side


def test_changed_words_are_marked_on_their_own_side() -> None:
    old = _load(DEMO[0])
    new = _load(DEMO[0])
    new.judul = old.judul + " Terpadu"
    new.steps[1].uraian = "Memeriksa berkas usulan"
    html = diff_html(diff_documents(old, new), "Revisi 0", "Revisi 1")
    assert "<th>Revisi 0</th><th>Revisi 1</th>" in html
    old_cell, new_cell = _cells(html, "<tr><td><b>Judul")
    assert f"<span style='{IN}'>Terpadu</span>" in new_cell
    assert "Terpadu" not in old_cell and OUT not in old_cell
    step_rows = html[html.index("Langkah diubah") :]
    assert "langkah 2" in step_rows and f"<span style='{IN}'>" in step_rows
    assert f"<span style='{OUT}'>" in step_rows


def test_a_moved_step_is_named_by_its_number_on_each_side() -> None:
    old = _load(DEMO[1])
    new = _load(DEMO[1])
    new.steps[1], new.steps[2] = new.steps[2], new.steps[1]
    html = diff_html(diff_documents(old, new))
    assert "(dipindah)" in html
    assert "<b>langkah 2</b>" in html and "<b>langkah 3</b>" in html


def test_nothing_changed_is_one_sentence() -> None:
    doc = _load(DEMO[2])
    html = diff_html(diff_documents(doc, _load(DEMO[2])))
    assert "tidak ada perubahan" in html and "<table" not in html
