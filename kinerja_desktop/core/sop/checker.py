"""Pemeriksa SOP: the rules an SOP AP must follow, as findings for the user.

`check_sop` returns findings, each with a severity, a stable machine code (the
CLI's `--json` prints it; never rename one), an Indonesian message and the
1-based step number it concerns (None = the whole SOP). Kesalahan must be fixed
before the SOP is printed; peringatan deserve a look; saran are hints.

Codes (K = kesalahan, P = peringatan, S = saran):

Identity
  nomor-kosong (K), judul-kosong (K), nomor-ganda (K) — the nomor is already
  used by another SOP (compared without regard to case and spaces, see
  `normalize_nomor`), pengesahan-jabatan (K), pengesahan-nama (K),
  nip-tidak-sah (P), nip-kosong (S), tanggal-efektif (P) — before the
  tanggal pembuatan, tanggal-revisi (P) — before the tanggal pembuatan.
Pelaksana (lanes)
  pelaksana-tanpa-nama (K), pelaksana-ganda (S) — the same name twice,
  pelaksana-tanpa-langkah (P) — a lane no step uses.
Steps
  tanpa-langkah (K), mulai-pertama (K) — step 1 is not a Mulai terminator,
  selesai-terakhir (K) — the last step is not a Selesai terminator,
  mulai-ganda (K) — a Mulai after step 1, uraian-kosong (K),
  pelaksana-kosong (K) — a step with no lane, pelaksana-tidak-ada (K) — a
  step naming a lane that does not exist, waktu-kosong (S),
  waktu-tidak-dipahami (P), kelengkapan-output (S) — the Kelengkapan does
  not seem to come from the Output of the step before it.
Decisions and flow
  keputusan-cabang (K) — a decision without exactly two exits,
  keputusan-tujuan (K) — an exit to a step that does not exist (or "the next
  step" from the last step), keputusan-ke-diri (K) — an exit back to the
  decision itself, keputusan-tujuan-sama (P) — both exits to the same step,
  label-cabang-kosong (P), label-cabang-sama (P),
  cabang-bukan-keputusan (P) — exits on a step that is not a decision (they
  are ignored), tak-terjangkau (K) — a step the flow from step 1 never
  reaches, tanpa-selesai (P) — a reachable step from which no Selesai can be
  reached (an endless loop).
"""

from __future__ import annotations

import string
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..dates import format_tanggal
from ..nip import nip_problems
from .document import SopDocument, Step, StepKind
from .durations import parse_waktu
from .text_match import related


class Severity(StrEnum):
    """How serious a finding is; kesalahan block printing."""

    KESALAHAN = "kesalahan"
    PERINGATAN = "peringatan"
    SARAN = "saran"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.KESALAHAN: 0, Severity.PERINGATAN: 1, Severity.SARAN: 2}
K, P, S = Severity.KESALAHAN, Severity.PERINGATAN, Severity.SARAN


@dataclass(frozen=True)
class Finding:
    """One thing the checker found."""

    severity: Severity
    code: str
    message: str
    step: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "step": self.step,
        }


def check_sop(
    doc: SopDocument,
    *,
    other_nomors: Collection[str] = (),
    jam_kerja_per_hari: float = 8.0,
    default_unit: str | None = "menit",
) -> list[Finding]:
    """Every finding for `doc`: kesalahan first, then by step number."""
    findings: list[Finding] = []
    findings += _check_identity(doc, other_nomors)
    findings += _check_lanes(doc)
    findings += _check_terminators(doc)
    for i, step in enumerate(doc.steps):
        findings += _check_step(doc, i, step, default_unit, jam_kerja_per_hari)
        findings += _check_exits(doc, i, step)
    findings += _check_flow(doc)
    findings += _check_chain(doc)
    return sorted(findings, key=lambda f: (f.severity.rank, f.step or 0))


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when at least one finding is a kesalahan."""
    return any(f.severity is Severity.KESALAHAN for f in findings)


def errors_of(findings: Iterable[Finding]) -> list[Finding]:
    """Only the kesalahan: what blocks printing and coming into force."""
    return [f for f in findings if f.severity is Severity.KESALAHAN]


def summarize(findings: Iterable[Finding]) -> str:
    """Counts as "2 kesalahan, 1 peringatan" (non-zero ones only), or "Tidak ada temuan."."""
    counts = dict.fromkeys(Severity, 0)
    for f in findings:
        counts[f.severity] += 1
    parts = [f"{n} {sev.value}" for sev, n in counts.items() if n]
    return ", ".join(parts) if parts else "Tidak ada temuan."


# What `normalize_nomor` removes. The database keeps the key of every SOP's
# nomor (store migration v004 computes it in SQL for old rows): keep the two
# the same, or add a migration that recomputes the keys.
NOMOR_SPACES = " \t\n\r\xa0"
_NOMOR_KEY = str.maketrans(string.ascii_uppercase, string.ascii_lowercase, NOMOR_SPACES)


def normalize_nomor(nomor: str) -> str:
    """A nomor SOP for comparison: letter case (A–Z) and spaces do not count
    ("096 / MB/2023" is "096/mb/2023")."""
    return nomor.translate(_NOMOR_KEY)


# -- identity ---------------------------------------------------------------


def _check_identity(doc: SopDocument, other_nomors: Collection[str]) -> list[Finding]:
    out: list[Finding] = []
    if not doc.nomor.strip():
        out.append(Finding(K, "nomor-kosong", "Nomor SOP belum diisi."))
    else:
        mine = normalize_nomor(doc.nomor)
        if any(normalize_nomor(n) == mine for n in other_nomors):
            msg = f"Nomor SOP “{doc.nomor.strip()}” sudah dipakai oleh SOP lain."
            out.append(Finding(K, "nomor-ganda", msg))
    if not doc.judul.strip():
        out.append(Finding(K, "judul-kosong", "Judul SOP belum diisi."))
    p = doc.pengesahan
    if not p.jabatan.strip():
        msg = "Jabatan pengesah (Disahkan oleh) belum diisi."
        out.append(Finding(K, "pengesahan-jabatan", msg))
    if not p.nama.strip():
        out.append(Finding(K, "pengesahan-nama", "Nama pejabat pengesah belum diisi."))
    if p.nip.strip():
        problems = nip_problems(p.nip)
        if problems:
            msg = f"NIP pengesah tidak sah: {' '.join(problems)}"
            out.append(Finding(P, "nip-tidak-sah", msg))
    else:
        out.append(Finding(S, "nip-kosong", "NIP pejabat pengesah belum diisi."))
    out += _check_dates(doc)
    return out


def _check_dates(doc: SopDocument) -> list[Finding]:
    out: list[Finding] = []
    made = doc.tanggal_pembuatan
    if made is None:
        return out
    checks = (
        ("tanggal-efektif", "Tanggal efektif", doc.tanggal_efektif),
        ("tanggal-revisi", "Tanggal revisi", doc.tanggal_revisi),
    )
    for code, name, value in checks:
        if value is not None and value < made:
            msg = (
                f"{name} ({format_tanggal(value)}) lebih awal dari "
                f"tanggal pembuatan ({format_tanggal(made)})."
            )
            out.append(Finding(P, code, msg))
    return out


# -- lanes ------------------------------------------------------------------


def _check_lanes(doc: SopDocument) -> list[Finding]:
    out: list[Finding] = []
    used = {lid for step in doc.steps for lid in step.pelaksana}
    seen: set[str] = set()
    for i, lane in enumerate(doc.lanes, 1):
        name = " ".join(lane.nama.split())
        if not name:
            msg = f"Kolom pelaksana ke-{i} belum diberi nama."
            out.append(Finding(K, "pelaksana-tanpa-nama", msg))
        elif name.lower() in seen:
            msg = f"Nama pelaksana “{name}” tercantum lebih dari sekali."
            out.append(Finding(S, "pelaksana-ganda", msg))
        seen.add(name.lower())
        if lane.id not in used:
            label = f"“{name}”" if name else f"ke-{i}"
            msg = f"Pelaksana {label} tidak memiliki langkah."
            out.append(Finding(P, "pelaksana-tanpa-langkah", msg))
    return out


# -- steps ------------------------------------------------------------------


def _check_terminators(doc: SopDocument) -> list[Finding]:
    steps = doc.steps
    if not steps:
        return [Finding(K, "tanpa-langkah", "SOP belum memiliki langkah.")]
    out: list[Finding] = []
    if steps[0].jenis is not StepKind.MULAI:
        msg = "Langkah 1 harus berupa terminator Mulai."
        out.append(Finding(K, "mulai-pertama", msg, 1))
    last = len(steps)
    if steps[-1].jenis is not StepKind.SELESAI:
        msg = f"Langkah {last} (langkah terakhir) harus berupa terminator Selesai."
        out.append(Finding(K, "selesai-terakhir", msg, last))
    for n, step in enumerate(steps[1:], 2):
        if step.jenis is StepKind.MULAI:
            msg = f"Langkah {n} berupa Mulai, padahal Mulai hanya boleh pada langkah 1."
            out.append(Finding(K, "mulai-ganda", msg, n))
    return out


def _check_step(
    doc: SopDocument, index: int, step: Step, default_unit: str | None, jam: float
) -> list[Finding]:
    n = index + 1
    out: list[Finding] = []
    if not step.uraian.strip():
        out.append(Finding(K, "uraian-kosong", f"Langkah {n} belum memiliki uraian.", n))
    lane_ids = {lane.id for lane in doc.lanes}
    if not step.pelaksana:
        out.append(Finding(K, "pelaksana-kosong", f"Langkah {n} belum memiliki pelaksana.", n))
    elif any(lid not in lane_ids for lid in step.pelaksana):
        msg = f"Langkah {n} menunjuk pelaksana yang tidak ada dalam daftar pelaksana."
        out.append(Finding(K, "pelaksana-tidak-ada", msg, n))
    waktu = step.mutu_baku.waktu.strip()
    if not waktu:
        out.append(Finding(S, "waktu-kosong", f"Waktu langkah {n} belum diisi.", n))
    elif parse_waktu(waktu, default_unit=default_unit, jam_kerja_per_hari=jam) is None:
        msg = (
            f"Waktu langkah {n} (“{_short(waktu)}”) tidak dipahami; "
            "tulis misalnya “30 menit”, “2 jam” atau “1 hari”."
        )
        out.append(Finding(P, "waktu-tidak-dipahami", msg, n))
    return out


def _check_exits(doc: SopDocument, index: int, step: Step) -> list[Finding]:
    n = index + 1
    if not step.is_decision:
        if not step.exits:
            return []
        msg = f"Langkah {n} bukan keputusan tetapi memiliki cabang; cabang itu diabaikan."
        return [Finding(P, "cabang-bukan-keputusan", msg, n)]
    out: list[Finding] = []
    if len(step.exits) != 2:
        count = len(step.exits)
        msg = f"Langkah {n} (keputusan) harus memiliki tepat dua cabang; saat ini {count}."
        out.append(Finding(K, "keputusan-cabang", msg, n))
    targets: list[int] = []
    for k, ex in enumerate(step.exits, 1):
        name = f"“{ex.label.strip()}”" if ex.label.strip() else f"ke-{k}"
        target = _exit_target(doc, index, ex.target)
        if target is None:
            msg = f"Cabang {name} pada langkah {n} menuju langkah yang tidak ada."
            if ex.target is None:
                msg = (
                    f"Cabang {name} pada langkah {n} menuju langkah berikutnya, "
                    f"padahal langkah {n} adalah langkah terakhir."
                )
            out.append(Finding(K, "keputusan-tujuan", msg, n))
        elif target == index:
            msg = f"Cabang {name} pada langkah {n} kembali ke langkah itu sendiri."
            out.append(Finding(K, "keputusan-ke-diri", msg, n))
        else:
            targets.append(target)
        if not ex.label.strip():
            msg = f"Cabang ke-{k} pada langkah {n} belum diberi label (misalnya Ya/Tidak)."
            out.append(Finding(P, "label-cabang-kosong", msg, n))
    out += _check_exit_pair(step, n, targets)
    return out


def _exit_target(doc: SopDocument, index: int, target: str | None) -> int | None:
    """The index an exit leads to; None when it leads nowhere."""
    if target is None:
        return index + 1 if index + 1 < len(doc.steps) else None
    ids = [step.id for step in doc.steps]
    return ids.index(target) if target in ids else None


def _check_exit_pair(step: Step, n: int, targets: list[int]) -> list[Finding]:
    out: list[Finding] = []
    if len(step.exits) != 2:
        return out
    if len(targets) == 2 and targets[0] == targets[1]:
        msg = f"Kedua cabang langkah {n} menuju langkah {targets[0] + 1} yang sama."
        out.append(Finding(P, "keputusan-tujuan-sama", msg, n))
    labels = [" ".join(ex.label.split()).lower() for ex in step.exits]
    if labels[0] and labels[0] == labels[1]:
        msg = f"Kedua cabang langkah {n} berlabel sama (“{step.exits[0].label.strip()}”)."
        out.append(Finding(P, "label-cabang-sama", msg, n))
    return out


# -- flow -------------------------------------------------------------------


def _predecessors(doc: SopDocument) -> dict[int, set[int]]:
    preds: dict[int, set[int]] = {i: set() for i in range(len(doc.steps))}
    for i in range(len(doc.steps)):
        for target, _label in doc.successors(i):
            preds[target].add(i)
    return preds


def _closure(start: Iterable[int], edges: dict[int, set[int]]) -> set[int]:
    """Every index reachable from `start` along `edges` (start included)."""
    seen = set(start)
    todo = list(seen)
    while todo:
        for nxt in edges[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_flow(doc: SopDocument) -> list[Finding]:
    if not doc.steps:
        return []
    forward = {i: {t for t, _label in doc.successors(i)} for i in range(len(doc.steps))}
    reached = _closure([0], forward)
    out: list[Finding] = []
    for i in range(len(doc.steps)):
        if i not in reached:
            msg = f"Langkah {i + 1} tidak pernah dicapai oleh alur dari langkah 1."
            out.append(Finding(K, "tak-terjangkau", msg, i + 1))
    ends = [i for i, s in enumerate(doc.steps) if s.jenis is StepKind.SELESAI]
    if doc.steps[-1].jenis is not StepKind.SELESAI:
        return out  # selesai-terakhir already says it
    can_end = _closure(ends, _predecessors(doc))
    stuck = sorted(reached - can_end)
    if stuck:
        n = stuck[-1] + 1  # the furthest step before the flow turns back for good
        msg = f"Alur dari langkah {n} tidak pernah sampai ke Selesai (berputar tanpa akhir)."
        out.append(Finding(P, "tanpa-selesai", msg, n))
    return out


def _check_chain(doc: SopDocument) -> list[Finding]:
    """Kelengkapan of a step should come from the Output of a step leading to it."""
    out: list[Finding] = []
    preds = _predecessors(doc)
    for i in range(1, len(doc.steps)):
        kelengkapan = doc.steps[i].mutu_baku.kelengkapan.strip()
        before = [i - 1, *sorted(preds[i] - {i - 1})]
        outputs = [(j, doc.steps[j].mutu_baku.output.strip()) for j in before]
        outputs = [(j, o) for j, o in outputs if o]
        if not kelengkapan or not outputs or any(related(o, kelengkapan) for _, o in outputs):
            continue
        j, output = outputs[0]
        msg = (
            f"Kelengkapan langkah {i + 1} (“{_short(kelengkapan)}”) tidak tampak berasal "
            f"dari output langkah {j + 1} (“{_short(output)}”)."
        )
        out.append(Finding(S, "kelengkapan-output", msg, i + 1))
    return out


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
