"""Building the Perjanjian Kinerja, the Monitoring Renstra and the Dokumen
Perbaikan Data Kinerja (inside the caller's read transaction).

Who signs comes from the office records (the Camat and Sekretaris named in
the profile, a unit's Kepala Seksi from the staff list) or, where the office
does not keep it (the Bupati as PIHAK KEDUA, Plt./Plh.), from the texts the
user writes for that report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from ..core.dates import format_tanggal
from ..core.errors import NotFoundError
from ..core.kinerja.capaian import capaian, formula_text
from ..core.kinerja.laporan import (
    Aturan,
    Pejabat,
    PerbaikanBaris,
    PerbaikanLaporan,
    PkAksi,
    PkLaporan,
    PkProgram,
    PkSasaran,
    Predikat,
    RenstraBaris,
    RenstraLaporan,
    RenstraTahun,
)
from ..core.kinerja.perbaikan import PerbaikanStatus
from ..core.kinerja.periods import Period, PeriodKind
from ..core.kinerja.plan import Indicator, Level, PlanNode, Target
from ..core.kinerja.values import number_text
from ..core.office import SignerRole
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import reports as report_store
from ..store.kinerja import validation as validation_store
from .kinerja_report_context import (
    kop,
    plan_context,
    read_values,
    signer,
    signing_date,
    unit_head,
)

RENSTRA_TEKS = ("analisis", "permasalahan", "rekomendasi")
PIHAK_KEDUA = ("pihak_kedua_nama", "pihak_kedua_jabatan", "pihak_kedua_nip", "pihak_kedua_pangkat")


def _shown(t: Target | None) -> str:
    if t is None:
        return "—"
    return t.teks or number_text(t.nilai)


# -- Perjanjian Kinerja -------------------------------------------------------------------


def _bupati(pemerintah: str) -> str:
    """'PEMERINTAH KABUPATEN BANGGAI' → 'Bupati Banggai' (Walikota for a kota)."""
    words = pemerintah.strip().split()
    if len(words) >= 3 and words[1].casefold() in ("kabupaten", "kota"):
        head = "Bupati" if words[1].casefold() == "kabupaten" else "Walikota"
        return f"{head} {' '.join(words[2:]).title()}"
    return "Bupati"


def _parties(unit_id: int | None, texts: Mapping[str, str]) -> tuple[Pejabat, Pejabat]:
    plt1, plt2 = texts.get("plt_pertama", ""), texts.get("plt_kedua", "")
    camat = signer(SignerRole.CAMAT)
    if unit_id is not None:
        unit = office_store.unit_by_id(unit_id)
        if unit is None:
            raise NotFoundError(f"Unit {unit_id} tidak ada.")
        first = unit_head(unit, plt1)
        second = Pejabat(camat.jabatan, camat.nama, camat.nip, camat.pangkat, plt2)
        return first, second
    first = Pejabat(camat.jabatan, camat.nama, camat.nip, camat.pangkat, plt1)
    profile = office_store.load_profile()
    nama, jabatan, nip, pangkat = (texts.get(k, "").strip() for k in PIHAK_KEDUA)
    return first, Pejabat(jabatan or _bupati(profile.pemerintah), nama, nip, pangkat, plt2)


def _statement(first: Pejabat, second: Pejabat) -> tuple[str, ...]:
    return (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
        "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        f"Nama\t{first.nama or '…'}",
        f"Jabatan\t{first.jabatan_ttd}",
        "selanjutnya disebut pihak pertama",
        f"Nama\t{second.nama or '…'}",
        f"Jabatan\t{second.jabatan_ttd}",
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang "
        "telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian "
        "target kinerja tersebut menjadi tanggung jawab kami.",
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi.",
    )


def unit_key(periode: str | int, unit_id: int | None) -> str:
    """The key a report of one unit is kept under ("2026/unit-3"); the period's own
    key for the whole office (a PK of a unit, one unit's Dokumen Perbaikan)."""
    return str(periode) if unit_id is None else f"{periode}/unit-{unit_id}"


def split_unit_key(key: str) -> tuple[str, int | None]:
    """`unit_key` read back: the period key and the unit (None: the whole office)."""
    periode, _, unit = key.partition("/unit-")
    return periode, int(unit) if unit.isdigit() else None


def _pk_programs(nodes: list[PlanNode], inds: list[Indicator], tahun: int, unit_id: int | None):
    if unit_id is None:
        chosen = [n for n in nodes if n.level is Level.PROGRAM]
    else:
        mine = {i.node_id for i in inds}
        chosen = [n for n in nodes if n.id in mine and n.level.has_pagu]
    return tuple(
        PkProgram(str(i), f"{n.kode} {n.nama}".strip(), n.pagu.get(tahun))
        for i, n in enumerate(chosen, 1)
    )


def build_pk_report(
    tahun: int, unit_id: int | None, texts: Mapping[str, str], today: date
) -> PkLaporan:
    pk = plan_store.pk_current(tahun, unit_id)
    if pk is None:
        who = "Camat" if unit_id is None else f"unit {unit_id}"
        raise NotFoundError(f"Belum ada Perjanjian Kinerja {tahun} untuk {who}.")
    nodes = plan_store.nodes(pk.renstra_id)
    by_node = {n.id: n for n in nodes}
    inds = plan_store.indicators_by_ids([item.indicator_id for item in pk.items])
    first, second = _parties(unit_id, texts)
    sasaran, aksi = [], []
    for n, item in enumerate(pk.items, 1):
        ind = inds[item.indicator_id]
        node = by_node.get(ind.node_id)
        sasaran.append(
            PkSasaran(str(n), node.nama if node else "", ind.nama, _shown(item.target), ind.satuan)
        )
        tw = tuple(_shown(item.triwulan.get(q)) for q in range(1, 5))
        aksi.append(PkAksi(ind.nama, ind.satuan, _shown(item.target), tw))  # type: ignore[arg-type]
    judul = f"PERJANJIAN KINERJA{' PERUBAHAN' if pk.versi else ''} TAHUN {tahun}"
    return PkLaporan(
        unit_key(tahun, unit_id),
        tahun,
        judul,
        pk.versi,
        pk.alasan,
        kop(signing_date(texts, today)),
        first,
        second,
        _statement(first, second),
        tuple(sasaran),
        _pk_programs(nodes, list(inds.values()), tahun, unit_id),
        tuple(aksi),
    )


# -- Monitoring Renstra -----------------------------------------------------------------


def build_renstra_report(tahun: int, texts: Mapping[str, str], today: date) -> RenstraLaporan:
    ctx = plan_context(tahun)
    years = ctx.renstra.years
    ctx.values = read_values(years[0], years[-1])
    by_node = {n.id: n for n in ctx.nodes}
    pk_by_year = {y: report_store.pk_targets_of_year(y) for y in years}
    rows: list[RenstraBaris] = []
    per_year: dict[int, list[float | None]] = {y: [] for y in years}
    for ind in ctx.indicators:
        unit = ctx.unit_of(ind)
        cells = []
        for y in years:
            period = Period(y, PeriodKind.TAHUN)
            ctx.pk = pk_by_year[y]  # type: ignore[assignment]
            target = ctx.target(ind, period)
            real = ctx.realisasi(ind, unit, [period])
            cap = capaian(ind.rule, target.nilai, real.nilai)
            per_year[y].append(cap.persen)
            label = ind.rule.scale_label(real.nilai) if real.nilai is not None else ""
            partly = real.note() if real.nilai is not None else ""
            note = "; ".join(x for x in (partly, cap.catatan) if x)
            cells.append(
                RenstraTahun(y, target.nilai, target.teks, real.nilai, label, cap.persen, note)
            )
        node = by_node.get(ind.node_id)
        baseline = ""
        if ind.baseline.is_set:
            baseline = f"{_shown(ind.baseline)} ({ind.baseline_tahun or '-'})"
        rows.append(
            RenstraBaris(
                ind.kode,
                ind.nama,
                ind.satuan,
                f"{node.level.label} {node.kode}".strip() if node else "",
                ctx.units.get(ind.unit_id or 0, ""),
                baseline,
                formula_text(ind.rule),
                Aturan.of(ind.rule),
                tuple(cells),
            )
        )
    means = tuple(_mean(per_year[y]) for y in years)
    return RenstraLaporan(
        f"{years[0]}-{years[-1]}",
        ctx.renstra.label,
        tuple(years),
        kop(signing_date(texts, today)),
        tuple(rows),
        means,
        {k: texts.get(k, "") for k in RENSTRA_TEKS},
        Predikat.of(ctx.predikat),
        signer(SignerRole.CAMAT, texts.get("plt", "")),
    )


def _mean(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return math.fsum(found) / len(found) if found else None


# -- Dokumen Perbaikan Data Kinerja --------------------------------------------------------


def build_perbaikan_report(
    period: Period, texts: Mapping[str, str], today: date, unit_id: int | None = None
) -> PerbaikanLaporan:
    """The corrections of a period (of one unit when `unit_id`), rejected ones left out."""
    found = [
        p
        for p in validation_store.perbaikan_list(period.key, unit_id=unit_id)
        if p.status is not PerbaikanStatus.DITOLAK
    ]
    unit = office_store.unit_by_id(unit_id) if unit_id is not None else None
    of_unit = f" {unit.nama}" if unit is not None else ""
    if not found:
        raise NotFoundError(f"Belum ada perbaikan data{of_unit} untuk periode {period.key}.")
    rows = tuple(
        PerbaikanBaris(
            str(n),
            p.id,
            p.unit,
            p.kode,
            p.indikator,
            p.satuan,
            p.lama.shown,
            p.baru.shown,
            p.alasan,
            p.bukti,
            p.sumber.shown,
            p.status.label,
            format_tanggal(p.dibuat_at.date()),
        )
        for n, p in enumerate(found, 1)
    )
    heads = []
    for concerned in dict.fromkeys(p.unit_id for p in found):
        head_unit = office_store.unit_by_id(concerned)
        if head_unit is not None:
            heads.append(unit_head(head_unit))
    return PerbaikanLaporan(
        period.key,
        f"{period.label} —{of_unit}" if unit is not None else period.label,
        kop(signing_date(texts, today)),
        texts.get("nomor", ""),
        rows,
        tuple(dict.fromkeys(heads)),
        signer(SignerRole.SEKRETARIS, texts.get("plt_sekretaris", "")),
        signer(SignerRole.CAMAT, texts.get("plt", "")),
    )
