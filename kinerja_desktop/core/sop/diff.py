"""What changed between two SOP documents: identity fields, list items, lanes, steps.

`diff_documents(old, new)` compares any two documents — a stored SOP and the
workbook about to be imported over it, or two revisions side by side — and
returns a `DocumentDiff`: plain data a window or a report can show.

* identity fields (nomor, judul, dates, unit, pengesahan, Lembar Kerja data)
  are compared as text; dates as the Indonesian date people read;
* the numbered lists (Kop, Dasar Hukum … Identifikasi Risiko) item by item,
  aligned by text (`difflib`), so an inserted item is one "added" item and
  not every later item "changed";
* lanes are matched by id when the two documents share lane ids (two
  revisions of one SOP), otherwise by name, then by position;
* steps are matched by id when the documents share step ids, otherwise by
  their uraian (aligned in order; within a changed stretch pairs of similar
  text are the same step changed). A matched step reports each of its
  fields that changed: uraian, symbol, pelaksana (by lane name), kelengkapan,
  waktu, output, keterangan, and the decision's exits (by the step they
  lead to, so renumbering alone is no change).

Status and the revision number are bookkeeping, not content, and are never
reported; neither are the ids or the importer's "guessed" marks.

`word_diff(old, new)` gives the word-level changes of one text as a list of
`(kind, words)` runs, for highlighting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import format_tanggal
from .align import Kind, WordRun, moved, pair_blocks, pair_by_id, similarity, word_diff
from .document import SopDocument, Step

__all__ = [
    "DocumentDiff",
    "FieldChange",
    "ItemChange",
    "Kind",
    "LaneChange",
    "StepChange",
    "WordRun",
    "diff_documents",
    "match_lanes",
    "match_steps",
    "similarity",
    "word_diff",
]


@dataclass(frozen=True)
class FieldChange:
    """One field whose text differs: `name` as in the document ("judul",
    "pengesahan.nama", "waktu" …), `label` as people read it."""

    name: str
    label: str
    old: str
    new: str

    @property
    def words(self) -> list[WordRun]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class ItemChange:
    """One item of a numbered list added, removed or changed; 1-based positions."""

    kind: Kind
    list_name: str  # "dasar_hukum" …, or "kop"
    label: str
    old_number: int | None
    new_number: int | None
    old: str = ""
    new: str = ""

    @property
    def words(self) -> list[WordRun]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class LaneChange:
    """A Pelaksana column added, removed, renamed or moved; 1-based positions."""

    kind: Kind
    old_number: int | None
    new_number: int | None
    old_name: str = ""
    new_name: str = ""
    moved: bool = False


@dataclass(frozen=True)
class StepChange:
    """A step added, removed or changed; numbers are 1-based in each document.
    `fields` lists what changed in a matched step; `moved` says it changed
    place among the steps both documents have (not merely renumbered)."""

    kind: Kind
    old_number: int | None
    new_number: int | None
    old_uraian: str = ""
    new_uraian: str = ""
    fields: tuple[FieldChange, ...] = ()
    moved: bool = False


@dataclass(frozen=True)
class DocumentDiff:
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    lanes: tuple[LaneChange, ...] = ()
    steps: tuple[StepChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.items or self.lanes or self.steps)

    def summary(self) -> str:
        """'1 isian identitas diubah; 2 langkah diubah, 1 ditambahkan' or 'tidak ada perubahan'."""
        parts = []
        if self.fields:
            parts.append(f"{len(self.fields)} isian identitas diubah")
        for what, changes in (
            ("butir daftar", self.items),
            ("pelaksana", self.lanes),
            ("langkah", self.steps),
        ):
            counts = [
                f"{n} {kind.value}"
                for kind in (Kind.CHANGED, Kind.ADDED, Kind.REMOVED)
                if (n := sum(1 for c in changes if c.kind is kind))
            ]
            if counts:
                parts.append(f"{what}: {', '.join(counts)}")
        return "; ".join(parts) if parts else "tidak ada perubahan"


# -- identity ------------------------------------------------------------------

_IDENTITY: tuple[tuple[str, str, Callable[[SopDocument], object]], ...] = (
    ("nomor", "Nomor SOP", lambda d: d.nomor),
    ("judul", "Judul SOP", lambda d: d.judul),
    ("tanggal_pembuatan", "Tanggal Pembuatan", lambda d: d.tanggal_pembuatan),
    ("tanggal_revisi", "Tanggal Revisi", lambda d: d.tanggal_revisi),
    ("tanggal_efektif", "Tanggal Efektif", lambda d: d.tanggal_efektif),
    ("unit", "Unit", lambda d: d.unit),
    ("pengesahan.jabatan", "Jabatan pengesah", lambda d: d.pengesahan.jabatan),
    ("pengesahan.nama", "Nama pengesah", lambda d: d.pengesahan.nama),
    ("pengesahan.pangkat", "Pangkat pengesah", lambda d: d.pengesahan.pangkat),
    ("pengesahan.nip", "NIP pengesah", lambda d: d.pengesahan.nip),
    ("lembar_kerja.jenis_kegiatan", "Jenis Kegiatan", lambda d: d.lembar_kerja.jenis_kegiatan),
    (
        "lembar_kerja.penanggung_jawab_produk",
        "Penanggung Jawab Produk",
        lambda d: d.lembar_kerja.penanggung_jawab_produk,
    ),
    (
        "lembar_kerja.penanggung_jawab_kegiatan",
        "Penanggung Jawab Kegiatan",
        lambda d: d.lembar_kerja.penanggung_jawab_kegiatan,
    ),
    ("lembar_kerja.ruang_lingkup", "Ruang Lingkup", lambda d: d.lembar_kerja.ruang_lingkup),
    (
        "lembar_kerja.cetak",
        "Cetak Lembar Kerja",
        lambda d: "Ya" if d.lembar_kerja.cetak else "Tidak",
    ),
)


def _text(value: object) -> str:
    if value is None or isinstance(value, str):
        return (value or "").strip()
    if hasattr(value, "isoformat"):
        return format_tanggal(value, "")  # type: ignore[arg-type]
    return str(value)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _identity_changes(old: SopDocument, new: SopDocument) -> list[FieldChange]:
    out = []
    for name, label, get in _IDENTITY:
        a, b = _text(get(old)), _text(get(new))
        if not _same_text(a, b):
            out.append(FieldChange(name, label, a, b))
    return out


# -- lists -----------------------------------------------------------------------


def _lists(doc: SopDocument) -> list[tuple[str, str, list[str]]]:
    return [("kop", "Kop", doc.kop), *doc.lists()]


def _item_changes(old: SopDocument, new: SopDocument) -> list[ItemChange]:
    out: list[ItemChange] = []
    for (name, label, a), (_n, _l, b) in zip(_lists(old), _lists(new), strict=True):
        for i, j in pair_blocks(a, b):
            if i is None and j is not None:
                out.append(ItemChange(Kind.ADDED, name, label, None, j + 1, "", b[j]))
            elif j is None and i is not None:
                out.append(ItemChange(Kind.REMOVED, name, label, i + 1, None, a[i], ""))
            elif i is not None and j is not None and not _same_text(a[i], b[j]):
                out.append(ItemChange(Kind.CHANGED, name, label, i + 1, j + 1, a[i], b[j]))
    return out


# -- matching lanes and steps ----------------------------------------------------


def match_lanes(old: SopDocument, new: SopDocument) -> list[tuple[int | None, int | None]]:
    """Lane pairs (old index, new index): by id when shared, else by name, else by position."""
    pairs = pair_by_id([x.id for x in old.lanes], [x.id for x in new.lanes])
    if pairs is not None:
        return pairs
    pairs = pair_blocks([x.nama for x in old.lanes], [x.nama for x in new.lanes])
    return pairs


def match_steps(old: SopDocument, new: SopDocument) -> list[tuple[int | None, int | None]]:
    """Step pairs (old index, new index): by id when the documents share step ids,
    otherwise by uraian in order (see the module docstring)."""
    pairs = pair_by_id([s.id for s in old.steps], [s.id for s in new.steps])
    if pairs is not None:
        return pairs
    return pair_blocks([s.uraian for s in old.steps], [s.uraian for s in new.steps])


def _lane_changes(old: SopDocument, new: SopDocument) -> list[LaneChange]:
    pairs = match_lanes(old, new)
    shifted = moved(pairs)
    out = []
    for i, j in pairs:
        if i is None and j is not None:
            out.append(LaneChange(Kind.ADDED, None, j + 1, "", new.lanes[j].nama))
        elif j is None and i is not None:
            out.append(LaneChange(Kind.REMOVED, i + 1, None, old.lanes[i].nama, ""))
        elif i is not None and j is not None:
            a, b = old.lanes[i].nama, new.lanes[j].nama
            if not _same_text(a, b) or i in shifted:
                out.append(LaneChange(Kind.CHANGED, i + 1, j + 1, a, b, moved=i in shifted))
    return out


# -- steps -----------------------------------------------------------------------


@dataclass
class _StepContext:
    """What comparing two steps needs to know about their documents."""

    old: SopDocument
    new: SopDocument
    step_to_new: dict[int, int] = field(default_factory=dict)  # old step index -> new
    lane_to_new: dict[int, int] = field(default_factory=dict)  # old lane index -> new

    def same_lanes(self, a: Step, b: Step) -> bool:
        """The same Pelaksana columns (a renamed column is still the same one)."""
        mapped = {self.lane_to_new.get(i, -1 - i) for i in self.old.lane_indices(a)}
        return mapped == set(self.new.lane_indices(b))


def _lane_names(doc: SopDocument, step: Step) -> str:
    return ", ".join(doc.lanes[i].nama for i in doc.lane_indices(step))


def _exits_text(doc: SopDocument, index: int, to_new: Callable[[int], int | None]) -> list[str]:
    """Each exit as 'label → step N' in the new document's numbering."""
    step = doc.steps[index]
    if not step.is_decision:
        return []
    ids = {s.id: k for k, s in enumerate(doc.steps)}
    out = []
    for ex in step.exits:
        if ex.target is None:
            where = "langkah berikutnya"
        else:
            target = ids.get(ex.target)
            mapped = to_new(target) if target is not None else None
            where = f"langkah {mapped + 1}" if mapped is not None else "langkah yang tidak ada"
        out.append(f"{ex.label.strip()} → {where}")
    return out


def _step_fields(ctx: _StepContext, i: int, j: int) -> list[FieldChange]:
    a, b = ctx.old.steps[i], ctx.new.steps[j]
    lanes = _lane_names(ctx.old, a), _lane_names(ctx.new, b)
    candidates = (
        ("uraian", "Uraian", a.uraian, b.uraian),
        ("jenis", "Simbol", a.jenis.label, b.jenis.label),
        ("pelaksana", "Pelaksana", *lanes),
        ("kelengkapan", "Kelengkapan", a.mutu_baku.kelengkapan, b.mutu_baku.kelengkapan),
        ("waktu", "Waktu", a.mutu_baku.waktu, b.mutu_baku.waktu),
        ("output", "Output", a.mutu_baku.output, b.mutu_baku.output),
        ("keterangan", "Keterangan", a.keterangan, b.keterangan),
        (
            "exits",
            "Cabang",
            "; ".join(_exits_text(ctx.old, i, ctx.step_to_new.get)),
            "; ".join(_exits_text(ctx.new, j, lambda k: k)),
        ),
    )
    out = []
    for name, label, x, y in candidates:
        changed = not ctx.same_lanes(a, b) if name == "pelaksana" else not _same_text(x, y)
        if changed:
            out.append(FieldChange(name, label, x, y))
    return out


def _step_changes(old: SopDocument, new: SopDocument) -> list[StepChange]:
    pairs = match_steps(old, new)
    lanes = match_lanes(old, new)
    ctx = _StepContext(
        old,
        new,
        {i: j for i, j in pairs if i is not None and j is not None},
        {i: j for i, j in lanes if i is not None and j is not None},
    )
    shifted = moved(pairs)
    out = []
    for i, j in pairs:
        if i is None and j is not None:
            out.append(StepChange(Kind.ADDED, None, j + 1, "", new.steps[j].uraian))
        elif j is None and i is not None:
            out.append(StepChange(Kind.REMOVED, i + 1, None, old.steps[i].uraian, ""))
        elif i is not None and j is not None:
            fields = tuple(_step_fields(ctx, i, j))
            if fields or i in shifted:
                a, b = old.steps[i].uraian, new.steps[j].uraian
                out.append(StepChange(Kind.CHANGED, i + 1, j + 1, a, b, fields, i in shifted))
    return out


def diff_documents(old: SopDocument, new: SopDocument) -> DocumentDiff:
    """Everything that differs from `old` to `new` (see the module docstring)."""
    return DocumentDiff(
        fields=tuple(_identity_changes(old, new)),
        items=tuple(_item_changes(old, new)),
        lanes=tuple(_lane_changes(old, new)),
        steps=tuple(_step_changes(old, new)),
    )
