"""Text pasted into the steps grid: a table copied from Excel or Word becomes steps.

Excel and Word put a copied table on the clipboard as tab-separated rows (Excel
quotes a cell that holds a line break). `paste_kind` tells a table from text meant
for one cell; `steps_from_rows` turns the rows into new steps, reading the cells
column by column as the grid shows them from the column the user pasted into
(`columns` names them: "uraian", "jenis", "lane:<id>", "waktu" …). Nothing is
dropped without a word: cells with no column of their own go to Keterangan, and
every guess (a lane read from the wording, a kind not understood) is a note.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .document import DEFAULT_EXIT_LABELS, DecisionExit, MutuBaku, SopDocument, Step, StepKind
from .lane_guess import guess_lane

MARK_NO = {"", "-", "–", "0", "tidak", "no", "n", "false"}
_COLUMN_NUMBER = re.compile(r"^\(?\d+\)?$")
_HEADER_WORDS = {
    "no",
    "no.",
    "uraian",
    "uraian prosedur",
    "uraian kegiatan",
    "uraian prosedur (kegiatan)",
    "kegiatan",
    "pelaksana",
    "mutu baku",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
}
TEXT_COLUMNS = ("uraian", "kelengkapan", "waktu", "output", "keterangan")


class PasteKind(StrEnum):
    CELL = "cell"  # one line of text: into the current cell
    TABLE = "table"  # tab-separated rows: new steps
    LINES = "lines"  # several lines without tabs: ask (new steps or one cell)


def paste_kind(text: str) -> PasteKind:
    body = _trim(text)
    if "\t" in body:
        return PasteKind.TABLE
    if "\n" in body:
        return PasteKind.LINES
    return PasteKind.CELL


def _trim(text: str) -> str:
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return body[:-1] if body.endswith("\n") else body


def parse_rows(text: str) -> list[list[str]]:
    """The rows and cells of tab-separated text (Excel's quoting understood)."""
    body = _trim(text)
    if not body:
        return []
    try:
        rows = list(csv.reader(io.StringIO(body), dialect="excel-tab", strict=True))
    except csv.Error:
        rows = [line.split("\t") for line in body.split("\n")]
    return [[cell.strip() for cell in row] for row in rows]


def parse_kind(text: str) -> StepKind | None:
    """Mulai / Proses / Keputusan / Selesai as people write them; None if unclear."""
    word = text.strip().lower()
    if not word:
        return None
    for kind, starts in _KIND_WORDS:
        if word.startswith(starts):
            return kind
    return None


_KIND_WORDS = (
    (StepKind.MULAI, ("mulai", "start", "awal")),
    (StepKind.SELESAI, ("selesai", "akhir", "end", "finish")),
    (StepKind.KEPUTUSAN, ("keputusan", "kep", "putusan", "decision", "belah ketupat")),
    (StepKind.PROSES, ("proses", "kegiatan", "process", "persegi")),
)


@dataclass
class PasteResult:
    """New steps, and what the user should know about how they were read."""

    steps: list[Step]
    notes: list[str] = field(default_factory=list)


def _is_header(row: Sequence[str]) -> bool:
    cells = [c.lower() for c in row if c]
    if not cells:
        return False
    if all(_COLUMN_NUMBER.match(c) for c in cells):
        return True  # the (1) (2) … (n) row under the printed header
    return any(" ".join(c.split()) in _HEADER_WORDS for c in cells)


def steps_from_rows(
    doc: SopDocument, rows: Sequence[Sequence[str]], columns: Sequence[str], index: int
) -> PasteResult:
    """Steps for `rows` pasted so that they are inserted at position `index`."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    notes: list[str] = []
    if rows and _is_header(rows[0]):
        rows = rows[1:]
        notes.append("Baris judul kolom tidak ikut ditempel.")
    steps: list[Step] = []
    exits_wanted: list[dict[str, str]] = []
    for n, row in enumerate(rows, 1):
        cells = dict(zip(columns, row, strict=False))
        extra = [c for c in row[len(columns) :] if c]
        if extra:
            cells["keterangan"] = " ".join([cells.get("keterangan", ""), *extra]).strip()
            notes.append(f"Baris {n}: sel di luar kolom tabel dimasukkan ke Keterangan.")
        step = _step_of(doc, cells, n, notes)
        steps.append(step)
        exits_wanted.append(cells)
    final = [*doc.steps[:index], *steps, *doc.steps[index:]]
    for k, (step, cells) in enumerate(zip(steps, exits_wanted, strict=True)):
        if step.is_decision:
            steps[k] = replace(step, exits=_exits(final, index + k, cells, notes))
    return PasteResult(steps, notes)


def _step_of(doc: SopDocument, cells: dict[str, str], n: int, notes: list[str]) -> Step:
    kind = StepKind.PROSES
    if cells.get("jenis"):
        kind = parse_kind(cells["jenis"]) or StepKind.PROSES
        if parse_kind(cells["jenis"]) is None:
            notes.append(f"Baris {n}: jenis “{cells['jenis']}” tidak dikenal; dibuat Proses.")
    lanes = [
        lane.id
        for lane in doc.lanes
        if cells.get(f"lane:{lane.id}", "").strip().lower() not in MARK_NO
    ]
    guessed = False
    uraian = cells.get("uraian", "")
    if not lanes and doc.lanes and uraian:
        found = guess_lane(uraian, [lane.nama for lane in doc.lanes])
        if found is not None:
            lanes, guessed = [doc.lanes[found].id], True
            notes.append(f"Baris {n}: pelaksana ditebak dari uraian ({doc.lanes[found].nama}).")
    return Step(
        uraian=uraian,
        pelaksana=lanes,
        jenis=kind,
        mutu_baku=MutuBaku(
            kelengkapan=cells.get("kelengkapan", ""),
            waktu=cells.get("waktu", ""),
            output=cells.get("output", ""),
        ),
        keterangan=cells.get("keterangan", ""),
        pelaksana_ditebak=guessed,
    )


def _exits(
    final: list[Step], at: int, cells: dict[str, str], notes: list[str]
) -> list[DecisionExit]:
    """The two exits of a pasted decision: labels and targets (step numbers) as
    pasted, else "Ya" to the next step and "Tidak" back to the step before."""
    out = []
    for k, default_label in enumerate(DEFAULT_EXIT_LABELS, 1):
        label = cells.get(f"label{k}", "") or default_label
        target: str | None = None if k == 1 or at == 0 else final[at - 1].id
        wanted = cells.get(f"tujuan{k}", "").strip().lstrip("→").strip()
        if wanted.isdigit():
            number = int(wanted)
            if 1 <= number <= len(final) and number - 1 != at:
                target = final[number - 1].id
            else:
                notes.append(f"Langkah {at + 1}: tujuan cabang “{wanted}” tidak ada; diabaikan.")
        out.append(DecisionExit(label, target))
    return out
