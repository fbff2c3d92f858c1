"""The SOP AP document (Permenpan RB 35/2012) as plain dataclasses.

One `SopDocument` holds everything printed on the two sheets of an SOP: the
identity part (nomor, judul, dates, pengesahan, the six numbered lists and the
optional Identifikasi Risiko) and the flowchart part (ordered lanes = Pelaksana
columns, and ordered steps with their mutu baku).

Steps and lanes carry stable string ids so that references survive editing:
a step names its lanes by lane id, and a decision's exits name their target
step by step id. The step *number* shown to people is its position + 1.

Nothing here knows about storage, Excel, PDF or Qt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def new_id() -> str:
    """A short random id for a lane or a step (unique within a document)."""
    return uuid.uuid4().hex[:10]


class StepKind(StrEnum):
    """The symbol of a step: terminator (mulai/selesai), process or decision."""

    MULAI = "mulai"
    PROSES = "proses"
    KEPUTUSAN = "keputusan"
    SELESAI = "selesai"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    StepKind.MULAI: "Mulai",
    StepKind.PROSES: "Proses",
    StepKind.KEPUTUSAN: "Keputusan",
    StepKind.SELESAI: "Selesai",
}


class SopStatus(StrEnum):
    """Life cycle of an SOP: draft, in force, or withdrawn."""

    DRAF = "draf"
    BERLAKU = "berlaku"
    DICABUT = "dicabut"

    @property
    def label(self) -> str:
        return {"draf": "Draf", "berlaku": "Berlaku", "dicabut": "Dicabut"}[self.value]


DEFAULT_EXIT_LABELS = ("Ya", "Tidak")


@dataclass
class Lane:
    """One Pelaksana column: a role name as the office writes it (free text)."""

    nama: str
    id: str = field(default_factory=new_id)


@dataclass
class MutuBaku:
    """The quality standard of a step: what goes in, how long, what comes out.

    `waktu` is kept exactly as the user wrote it ("10 MENIT", "1 – 20 Hari
    Kerja", "120"); `core.sop.durations` understands it.
    """

    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""


@dataclass
class MutuBakuHeads:
    """The office's own words over the Mutu Baku columns ("Sumber Data" for
    Kelengkapan, "Waktu (menit)", …): kept from an imported table, settable
    per SOP, printed on the flowchart sheet."""

    kelengkapan: str = "Kelengkapan"
    waktu: str = "Waktu"
    output: str = "Output"

    def titles(self) -> tuple[str, str, str]:
        """The three heads as printed (a blank one falls back to the usual word)."""
        usual = MutuBakuHeads.__dataclass_fields__
        return tuple(  # type: ignore[return-value]
            (getattr(self, k).strip() or usual[k].default)
            for k in ("kelengkapan", "waktu", "output")
        )

    @property
    def usual(self) -> bool:
        return self.titles() == MutuBakuHeads().titles()


@dataclass
class DecisionExit:
    """One exit of a decision: its label and the step it leads to.

    `target` is a step id; None means "the next step" (the step after the
    decision), which keeps the usual continuation correct when steps are
    inserted or moved.
    """

    label: str
    target: str | None = None


@dataclass
class Step:
    """One row of the flowchart table."""

    uraian: str
    pelaksana: list[str] = field(default_factory=list)  # lane ids, in lane order
    jenis: StepKind = StepKind.PROSES
    mutu_baku: MutuBaku = field(default_factory=MutuBaku)
    keterangan: str = ""
    exits: list[DecisionExit] = field(default_factory=list)  # exactly two for a decision
    id: str = field(default_factory=new_id)
    # Set by importers when the lane was guessed from the wording, so the user
    # can confirm it; not part of the printed document.
    pelaksana_ditebak: bool = False

    @property
    def is_decision(self) -> bool:
        return self.jenis is StepKind.KEPUTUSAN

    @property
    def is_terminator(self) -> bool:
        return self.jenis in (StepKind.MULAI, StepKind.SELESAI)


@dataclass
class Pengesahan:
    """Who signs the SOP: the jabatan (e.g. "Camat Masama") and the person."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    pangkat: str = ""  # pangkat, golongan, e.g. "Pembina Tk. I, IV/b"


@dataclass
class LembarKerjaInfo:
    """Data for the Lembar Kerja Identifikasi Kegiatan that the steps cannot give."""

    jenis_kegiatan: str = "Rutin"
    penanggung_jawab_produk: str = ""
    penanggung_jawab_kegiatan: str = ""
    ruang_lingkup: str = ""
    cetak: bool = False  # print it with the SOP


LIST_FIELDS: tuple[tuple[str, str], ...] = (
    ("dasar_hukum", "Dasar Hukum"),
    ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
    ("keterkaitan", "Keterkaitan"),
    ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"),
    ("pencatatan_pendataan", "Pencatatan dan Pendataan"),
    ("identifikasi_risiko", "Identifikasi Risiko"),
)
"""The numbered lists of the identity sheet: (attribute, printed heading).

The first six are always printed (two per row); Identifikasi Risiko only when
it has entries.
"""


@dataclass
class SopDocument:
    """A whole SOP AP: identity, lists, lanes and steps."""

    nomor: str = ""
    judul: str = ""
    tanggal_pembuatan: date | None = None
    tanggal_revisi: date | None = None
    tanggal_efektif: date | None = None
    pengesahan: Pengesahan = field(default_factory=Pengesahan)
    status: SopStatus = SopStatus.DRAF
    revisi_ke: int = 0  # 0 = the first issue; printed in the footer
    unit: str = ""  # the unit that owns the SOP (Sekretariat, Seksi …), free text
    # Heading lines of the identity sheet when the SOP belongs to another office
    # (kept for reference); empty = the office profile's heading.
    kop: list[str] = field(default_factory=list)
    dasar_hukum: list[str] = field(default_factory=list)
    kualifikasi_pelaksana: list[str] = field(default_factory=list)
    keterkaitan: list[str] = field(default_factory=list)
    peralatan_perlengkapan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pencatatan_pendataan: list[str] = field(default_factory=list)
    identifikasi_risiko: list[str] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    lembar_kerja: LembarKerjaInfo = field(default_factory=LembarKerjaInfo)
    mutu_baku_heads: MutuBakuHeads = field(default_factory=MutuBakuHeads)

    # -- lookups -----------------------------------------------------------
    def lane_index(self, lane_id: str) -> int:
        """Position of a lane (ValueError when the id is unknown)."""
        for i, lane in enumerate(self.lanes):
            if lane.id == lane_id:
                return i
        raise ValueError(f"lane {lane_id!r} tidak ada")

    def step_index(self, step_id: str) -> int:
        """Position of a step (ValueError when the id is unknown)."""
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                return i
        raise ValueError(f"langkah {step_id!r} tidak ada")

    def lane_by_id(self) -> dict[str, Lane]:
        return {lane.id: lane for lane in self.lanes}

    def step_number(self, step_id: str) -> int:
        """The 1-based number people see for a step."""
        return self.step_index(step_id) + 1

    def lists(self) -> list[tuple[str, str, list[str]]]:
        """(attribute, heading, items) for every numbered list, in print order."""
        return [(attr, heading, getattr(self, attr)) for attr, heading in LIST_FIELDS]

    # -- flow --------------------------------------------------------------
    def successors(self, index: int) -> list[tuple[int, str | None]]:
        """Where the flow goes after step `index`: (target index, exit label).

        A selesai step ends the flow; a decision follows its exits (None target =
        the next step); any other step continues with the next one. Targets that
        do not resolve are left out (the checker reports them).
        """
        step = self.steps[index]
        if step.jenis is StepKind.SELESAI:
            return []
        if step.is_decision:
            out: list[tuple[int, str | None]] = []
            for ex in step.exits:
                target = self._resolve_target(index, ex.target)
                if target is not None:
                    out.append((target, ex.label))
            return out
        if index + 1 < len(self.steps):
            return [(index + 1, None)]
        return []

    def _resolve_target(self, index: int, target: str | None) -> int | None:
        if target is None:
            return index + 1 if index + 1 < len(self.steps) else None
        try:
            return self.step_index(target)
        except ValueError:
            return None

    def lane_indices(self, step: Step) -> list[int]:
        """The lane positions of a step, sorted, unknown ids left out."""
        by_id = {lane.id: i for i, lane in enumerate(self.lanes)}
        return sorted({by_id[lid] for lid in step.pelaksana if lid in by_id})
