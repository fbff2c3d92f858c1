"""Synthetic SOP documents for tests and benchmarks, deterministic for a given seed.

`random_sop(rng, ...)` builds one `SopDocument` from a `random.Random`: random
lanes (short and long role names), steps that begin with Mulai and end with
Selesai, steps done jointly in several lanes, decisions whose exits go to the
next step, loop back, skip forward, loop to themselves or both go to one step,
texts from one word to a long paragraph (with URLs and overlong words), and as
many steps as asked. Ids are derived from the seed, so the same seed always
gives the same document (uuid ids would not).

`sop_strategy(...)` wraps it for hypothesis: it draws the sizes and a seed, so
hypothesis shrinks towards fewer lanes and steps.

Usage::

    doc = random_sop(random.Random(7), n_lanes=8, n_steps=25)   # benchmark shape

    @given(sop_strategy(max_lanes=8, max_steps=30))
    def test_something(doc): ...
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    SopDocument,
    Step,
    StepKind,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

ROLES = (
    "Camat",
    "Sekretaris Camat",
    "Kasubag Umum dan Kepegawaian",
    "Kasubag Perencanaan dan Keuangan",
    "Kepala Seksi Pemerintahan",
    "Kepala Seksi Ketentraman dan Ketertiban Umum",
    "Kepala Seksi Pemberdayaan Masyarakat Desa",
    "Kasi Kesra",
    "Lurah",
    "Staf",
    "Analis Perencanaan, Evaluasi dan Pelaporan",
    "Tim Perencanaan, Penganggaran dan Pemantauan Evaluasi",
    "Pengadministrasi Umum",
    "Operator",
)
_WORD_TEXT = (
    "menyusun menyampaikan memeriksa memverifikasi mengompilasi merekapitulasi laporan "
    "data kinerja triwulan format permintaan seksi kelurahan sekretariat camat kasubag "
    "perencanaan dokumen renstra indikator target realisasi capaian rapat koordinasi "
    "evaluasi validasi perbaikan disposisi paraf tanda tangan berkas bukti dukung sesuai "
    "ketentuan yang berlaku untuk bahan penyusunan LKjIP dan RKT per bulan secara periodik"
)
WORDS = tuple(_WORD_TEXT.split(" "))
ODD_WORDS = (
    "monev.bps.go.id",
    "https://sakip.banggaikab.go.id/laporan/kinerja/triwulan-4",
    "Pertanggungjawabanpelaksanaananggaranpendapatan",
    "(PJ SAKIP Tim/Bagian)",
    "1–20",
    "IKU/IKK/PK",
)
WAKTU = (
    "10 MENIT",
    "4 JAM",
    "1 Hari",
    "1Hari",
    "20 Menit",
    "1 – 20 Hari Kerja",
    "120",
    "2 hari kerja",
)
LABELS = (
    ("Ya", "Tidak"),
    ("Setuju", "Tidak setuju"),
    ("Ya, butuh perbaikan", "Tidak butuh perbaikan"),
)


def random_text(rng: random.Random, lo: int, hi: int, odd: float = 0.05) -> str:
    """Between lo and hi words; now and then an URL or an overlong word."""
    words = [
        rng.choice(ODD_WORDS) if rng.random() < odd else rng.choice(WORDS)
        for _ in range(rng.randint(lo, hi))
    ]
    if words:
        words[0] = words[0].capitalize()
    return " ".join(words)


def random_lanes(rng: random.Random, count: int) -> list[Lane]:
    names = list(ROLES)
    rng.shuffle(names)
    lanes = []
    for i in range(count):
        name = names[i] if i < len(names) else f"{rng.choice(ROLES)} {i + 1}"
        lanes.append(Lane(nama=name, id=f"L{i:02d}"))
    return lanes


def _step_lanes(rng: random.Random, lanes: list[Lane], multi: float) -> list[str]:
    if len(lanes) > 1 and rng.random() < multi:
        chosen = rng.sample(lanes, rng.randint(2, min(4, len(lanes))))
    else:
        chosen = [rng.choice(lanes)]
    order = {ln.id: k for k, ln in enumerate(lanes)}
    return sorted((ln.id for ln in chosen), key=order.__getitem__)


def _long(rng: random.Random, p_long: float) -> str:
    if rng.random() < p_long:
        return random_text(rng, 40, 90, odd=0.1)
    return random_text(rng, 3, 22)


def _exits(rng: random.Random, i: int, ids: list[str]) -> list[DecisionExit]:
    """Two exits: the usual one to the next step, the other back, forward, to itself, or next."""
    n = len(ids)
    yes, no = rng.choice(LABELS)
    roll = rng.random()
    if roll < 0.45 and i > 0:
        other = ids[rng.randint(0, i - 1)]  # rework loop
    elif roll < 0.75 and i + 2 < n:
        other = ids[rng.randint(i + 2, n - 1)]  # skip forward
    elif roll < 0.85:
        other = ids[i]  # back to itself
    else:
        other = None  # both exits to the next step
    exits = [DecisionExit(yes, None), DecisionExit(no, other)]
    if rng.random() < 0.3:
        exits.reverse()
    return exits


def _kind(rng: random.Random, i: int, n: int, p_decision: float) -> StepKind:
    if i == 0:
        return StepKind.MULAI
    if i == n - 1:
        return StepKind.SELESAI
    if rng.random() < p_decision:
        return StepKind.KEPUTUSAN
    return StepKind.SELESAI if rng.random() < 0.02 else StepKind.PROSES


def random_sop(
    rng: random.Random,
    *,
    n_lanes: int | None = None,
    n_steps: int | None = None,
    p_decision: float = 0.2,
    p_multi: float = 0.12,
    p_long: float = 0.06,
) -> SopDocument:
    """One synthetic SOP; sizes drawn from `rng` when not given."""
    n_lanes = rng.randint(1, 9) if n_lanes is None else n_lanes
    n_steps = rng.randint(1, 30) if n_steps is None else n_steps
    lanes = random_lanes(rng, n_lanes)
    ids = [f"S{i:03d}" for i in range(n_steps)]
    steps = []
    for i in range(n_steps):
        kind = _kind(rng, i, n_steps, p_decision)
        step = Step(
            uraian=_long(rng, p_long),
            pelaksana=_step_lanes(rng, lanes, p_multi),
            jenis=kind,
            mutu_baku=MutuBaku(
                kelengkapan=random_text(rng, 0, 10),
                waktu=rng.choice(WAKTU),
                output=random_text(rng, 0, 12),
            ),
            keterangan=random_text(rng, 0, 6) if rng.random() < 0.3 else "",
            id=ids[i],
        )
        if kind is StepKind.KEPUTUSAN:
            step.exits = _exits(rng, i, ids)
        steps.append(step)
    return SopDocument(
        nomor=f"SOP/{rng.randint(1, 999):03d}",
        judul=random_text(rng, 3, 8),
        lanes=lanes,
        steps=steps,
    )


def sop_strategy(
    *,
    min_lanes: int = 1,
    max_lanes: int = 9,
    min_steps: int = 1,
    max_steps: int = 30,
    **kwargs: float,
) -> SearchStrategy[SopDocument]:
    """Hypothesis strategy of `random_sop` documents (sizes drawn, then a seed)."""
    from hypothesis import strategies as st

    def build(n_lanes: int, n_steps: int, seed: int) -> SopDocument:
        return random_sop(random.Random(seed), n_lanes=n_lanes, n_steps=n_steps, **kwargs)

    return st.builds(
        build,
        st.integers(min_lanes, max_lanes),
        st.integers(min_steps, max_steps),
        st.integers(0, 2**32 - 1),
    )
