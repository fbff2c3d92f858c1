"""Editing ops for the identity part of an SOP and its lanes (see `edits.py`).

Identity fields (`SetField`: nomor, judul, unit, dates, pengesahan, Lembar Kerja,
the Mutu Baku column heads),
the numbered lists (`ListInsert` / `ListRemove` / `ListMove` / `ListEdit` on
Dasar Hukum … Identifikasi Risiko) and the lanes (`AddLane`, `RenameLane`,
`MoveLane`, `RemoveLane`). Like every op they return a new document and leave
the old one untouched; `apply` in `edits.py` gives their inverse.

Lanes keep the step invariants: a step's lanes stay in lane order when lanes are
reordered, and removing a lane clears it from every step — or hands its steps to
another lane (`move_to`), which is what the editor offers when the lane is in use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .document import (
    LIST_FIELDS,
    Lane,
    LembarKerjaInfo,
    MutuBakuHeads,
    Pengesahan,
    SopDocument,
)
from .edits import EditError, Op

IDENTITY_FIELDS: dict[str, type] = {
    "nomor": str,
    "judul": str,
    "unit": str,
    "tanggal_pembuatan": date,
    "tanggal_revisi": date,
    "tanggal_efektif": date,
    "pengesahan": Pengesahan,
    "pengesahan.jabatan": str,
    "pengesahan.nama": str,
    "pengesahan.nip": str,
    "pengesahan.pangkat": str,
    "lembar_kerja.jenis_kegiatan": str,
    "lembar_kerja.penanggung_jawab_produk": str,
    "lembar_kerja.penanggung_jawab_kegiatan": str,
    "lembar_kerja.ruang_lingkup": str,
    "lembar_kerja.cetak": bool,
    "mutu_baku_heads.kelengkapan": str,
    "mutu_baku_heads.waktu": str,
    "mutu_baku_heads.output": str,
}
"""Identity fields `SetField` may change, with the type of their value
(dates may also be None; "pengesahan" sets the four signer fields at once)."""

LIST_NAMES = tuple(attr for attr, _heading in LIST_FIELDS)


def get_field(doc: SopDocument, name: str) -> object:
    """The current value of an identity field named as in IDENTITY_FIELDS."""
    value: object = doc
    for part in name.split("."):
        value = getattr(value, part)
    return value


@dataclass(frozen=True)
class SetField(Op):
    """One identity field (see IDENTITY_FIELDS)."""

    name: str
    value: object

    def run(self, doc: SopDocument) -> SopDocument:
        kind = IDENTITY_FIELDS.get(self.name)
        if kind is None:
            raise EditError(f"Isian {self.name!r} tidak dapat diubah.")
        if not isinstance(self.value, kind) and not (kind is date and self.value is None):
            raise EditError(f"Isian {self.name!r} tidak menerima nilai {self.value!r}.")
        if get_field(doc, self.name) == self.value:
            return doc
        top, _, sub = self.name.partition(".")
        if not sub:
            return replace(doc, **{top: self.value})
        part: Pengesahan | LembarKerjaInfo | MutuBakuHeads = getattr(doc, top)
        return replace(doc, **{top: replace(part, **{sub: self.value})})


# -- numbered lists ----------------------------------------------------------------


def _items(doc: SopDocument, attr: str) -> list[str]:
    if attr not in LIST_NAMES:
        raise EditError(f"Daftar {attr!r} tidak ada.")
    return list(getattr(doc, attr))


def _index_in(items: list[str], index: int, *, end_ok: bool = False) -> None:
    if not 0 <= index < len(items) + (1 if end_ok else 0):
        raise EditError("Butir daftar itu tidak ada.")


@dataclass(frozen=True)
class ListInsert(Op):
    attr: str
    index: int
    text: str

    def run(self, doc: SopDocument) -> SopDocument:
        items = _items(doc, self.attr)
        _index_in(items, self.index, end_ok=True)
        items.insert(self.index, self.text)
        return replace(doc, **{self.attr: items})


@dataclass(frozen=True)
class ListRemove(Op):
    attr: str
    index: int

    def run(self, doc: SopDocument) -> SopDocument:
        items = _items(doc, self.attr)
        _index_in(items, self.index)
        del items[self.index]
        return replace(doc, **{self.attr: items})


@dataclass(frozen=True)
class ListMove(Op):
    attr: str
    index: int
    to_index: int

    def run(self, doc: SopDocument) -> SopDocument:
        items = _items(doc, self.attr)
        _index_in(items, self.index)
        _index_in(items, self.to_index)
        if self.index == self.to_index:
            return doc
        items.insert(self.to_index, items.pop(self.index))
        return replace(doc, **{self.attr: items})


@dataclass(frozen=True)
class ListEdit(Op):
    attr: str
    index: int
    text: str

    def run(self, doc: SopDocument) -> SopDocument:
        items = _items(doc, self.attr)
        _index_in(items, self.index)
        if items[self.index] == self.text:
            return doc
        items[self.index] = self.text
        return replace(doc, **{self.attr: items})


# -- lanes -----------------------------------------------------------------------


def lane_of(doc: SopDocument, lane_id: str) -> tuple[int, Lane]:
    for i, lane in enumerate(doc.lanes):
        if lane.id == lane_id:
            return i, lane
    raise EditError(f"Pelaksana {lane_id!r} tidak ada (mungkin sudah dihapus).")


def lane_use(doc: SopDocument, lane_id: str) -> list[int]:
    """Positions of the steps that the lane takes part in."""
    return [i for i, step in enumerate(doc.steps) if lane_id in step.pelaksana]


@dataclass(frozen=True)
class AddLane(Op):
    """A new lane at position `index` (len(lanes) = at the right)."""

    index: int
    lane: Lane

    def run(self, doc: SopDocument) -> SopDocument:
        if not 0 <= self.index <= len(doc.lanes):
            raise EditError("Posisi pelaksana baru di luar tabel.")
        if any(lane.id == self.lane.id for lane in doc.lanes):
            raise EditError("Pelaksana baru memakai nomor pengenal yang sudah ada.")
        lanes = list(doc.lanes)
        lanes.insert(self.index, replace(self.lane))
        return replace(doc, lanes=lanes)


@dataclass(frozen=True)
class RenameLane(Op):
    lane_id: str
    nama: str

    def run(self, doc: SopDocument) -> SopDocument:
        i, lane = lane_of(doc, self.lane_id)
        if lane.nama == self.nama:
            return doc
        lanes = list(doc.lanes)
        lanes[i] = replace(lane, nama=self.nama)
        return replace(doc, lanes=lanes)


def _resort_steps(doc: SopDocument) -> SopDocument:
    """Every step's lanes in the (new) lane order; steps already in order are shared."""
    order = {lane.id: i for i, lane in enumerate(doc.lanes)}
    steps = []
    for step in doc.steps:
        ordered = sorted(step.pelaksana, key=lambda lid: order.get(lid, len(order)))
        steps.append(step if ordered == step.pelaksana else replace(step, pelaksana=ordered))
    return replace(doc, steps=steps)


@dataclass(frozen=True)
class MoveLane(Op):
    lane_id: str
    to_index: int

    def run(self, doc: SopDocument) -> SopDocument:
        i, lane = lane_of(doc, self.lane_id)
        if not 0 <= self.to_index < len(doc.lanes):
            raise EditError("Pelaksana tidak dapat dipindahkan ke luar tabel.")
        if i == self.to_index:
            return doc
        lanes = [ln for ln in doc.lanes if ln.id != self.lane_id]
        lanes.insert(self.to_index, lane)
        return _resort_steps(replace(doc, lanes=lanes))


@dataclass(frozen=True)
class RemoveLane(Op):
    """Remove a lane; its steps lose it, or are handed to lane `move_to`."""

    lane_id: str
    move_to: str | None = None

    def run(self, doc: SopDocument) -> SopDocument:
        lane_of(doc, self.lane_id)
        if self.move_to is not None:
            if self.move_to == self.lane_id:
                raise EditError("Langkah tidak dapat dipindahkan ke pelaksana yang dihapus.")
            lane_of(doc, self.move_to)
        lanes = [ln for ln in doc.lanes if ln.id != self.lane_id]
        order = {lane.id: i for i, lane in enumerate(lanes)}
        steps = []
        for step in doc.steps:
            if self.lane_id not in step.pelaksana:
                steps.append(step)
                continue
            kept = [lid for lid in step.pelaksana if lid != self.lane_id]
            if self.move_to is not None and self.move_to not in kept:
                kept.append(self.move_to)
            kept.sort(key=lambda lid: order.get(lid, len(order)))
            steps.append(replace(step, pelaksana=kept))
        return replace(doc, lanes=lanes, steps=steps)
