"""What the Laporan screen previews of each report: a table (headers, display
rows, the column painted in the band colour) and a few lines of summary —
the same figures the PDF and the workbook print, taken from the same report
object, so what the user checks on the screen is what gets signed.

`preview(report)` dispatches on the report's `jenis`; no widgets here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kinerja_desktop.core.kinerja import evaluasi_kolom, laporan
from kinerja_desktop.core.kinerja.capaian import persen_text
from kinerja_desktop.core.kinerja.values import number_text

from .report_models import REKAP_HEADERS, Row, rekap_rows


@dataclass(frozen=True)
class Preview:
    headers: tuple[str, ...]
    rows: list[Row]
    colour_column: int = -1
    summary: tuple[str, ...] = ()


def _kr(value: Any) -> str:
    if value is None:
        return "—"
    return value.k_teks or number_text(value.k)


def _persen(value: Any) -> str:
    if value is None:
        return "—"
    return value.k_teks or persen_text(value.k)


def _rekap(r: laporan.RekapLaporan) -> Preview:
    lines = [f"{len(r.baris)} baris (unit × indikator), {r.periode_label}."]
    for s in r.ringkas:
        if s.tingkat == "kecamatan":
            lines.append(
                f"Rata-rata capaian Kecamatan: {persen_text(s.rata_rata)} % — {s.predikat or '—'} "
                f"({s.dihitung} dari {s.jumlah} indikator dihitung)."
            )
    gaps = [b for b in r.baris if b.kosong]
    if gaps:
        missing = ", ".join(sorted({k for b in gaps for k in b.kosong}))
        lines.append(
            f"{len(gaps)} baris tanpa nilai untuk periode {missing}: disebut di laporan, "
            "tidak dihitung sebagai 0."
        )
    return Preview(REKAP_HEADERS, rekap_rows(r), 6, tuple(lines))


EVALUASI_HEADERS = (
    "Kode",
    "Program/Kegiatan/Sub Kegiatan",
    "Indikator",
    "Target Renja",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
    "Realisasi Renja",
    "Capaian Renstra (%)",
    "Unit",
)


def _evaluasi(r: laporan.EvaluasiLaporan) -> Preview:
    rows = []
    for i, b in enumerate(r.baris):
        v = b.nilai
        cells = (
            b.kode,
            b.uraian,
            b.indikator,
            _kr(v.get("target_renja")),
            *(_kr(v.get(f"tw{n}")) for n in range(1, 5)),
            _kr(v.get("realisasi_renja")),
            _persen(v.get("tingkat_capaian")),
            b.unit,
        )
        rows.append(Row(i, cells, tip=b.keterangan))
    avg = r.rata_rata
    lines = (
        f"{r.periode_label}, Renstra {r.renstra}; "
        f"susunan kolom {evaluasi_kolom.label_of(r.varian)}.",
        f"Rata-rata capaian Renja: {persen_text(avg.get('renja_k'))} % "
        f"({r.predikat_nilai.get('renja_k', '—')}); Renstra: "
        f"{persen_text(avg.get('renstra_k'))} % ({r.predikat_nilai.get('renstra_k', '—')}).",
        *r.catatan,
    )
    return Preview(EVALUASI_HEADERS, rows, -1, lines)


def _pk(r: laporan.PkLaporan) -> Preview:
    rows = [
        Row(f"s{i}", (s.no, s.sasaran, s.indikator, s.target, s.satuan))
        for i, s in enumerate(r.sasaran)
    ]
    rows += [
        Row(f"p{i}", (p.no, p.program, "Anggaran", number_text(p.anggaran), "Rp"))
        for i, p in enumerate(r.program)
    ]
    lines = (
        f"{r.judul}" + (f", perubahan ke-{r.versi_pk}" if r.versi_pk else "") + ".",
        f"Pihak pertama: {r.pihak_pertama.nama or '—'} ({r.pihak_pertama.jabatan_ttd}); "
        f"pihak kedua: {r.pihak_kedua.nama or '—'} ({r.pihak_kedua.jabatan_ttd}).",
        f"{len(r.aksi)} indikator dengan rencana aksi per triwulan.",
    )
    return Preview(("No", "Sasaran / Program", "Indikator", "Target", "Satuan"), rows, -1, lines)


def _renstra(r: laporan.RenstraLaporan) -> Preview:
    headers = ("Kode", "Indikator", "Unit", *(f"{t} T / R / C (%)" for t in r.tahun))
    rows = []
    for i, b in enumerate(r.baris):
        years = tuple(
            f"{t.target_teks or number_text(t.target)} / "
            f"{t.realisasi_teks or number_text(t.realisasi)} / {persen_text(t.capaian)}"
            for t in b.tahun
        )
        rows.append(Row(i, (b.kode, b.indikator, b.unit, *years), tip=b.rumus))
    means = ", ".join(
        f"{t}: {persen_text(m)} %" for t, m in zip(r.tahun, r.rata_rata, strict=False)
    )
    return Preview(headers, rows, -1, (f"Renstra {r.renstra}.", f"Rata-rata capaian {means}."))


PERBAIKAN_DOC_HEADERS = ("No", "Unit", "Kode", "Indikator", "Semula", "Menjadi", "Alasan", "Status")


def _perbaikan(r: laporan.PerbaikanLaporan) -> Preview:
    rows = [
        Row(b.nomor, (b.no, b.unit, b.kode, b.indikator, b.lama, b.baru, b.alasan, b.status))
        for b in r.baris
    ]
    lines = (f"{len(r.baris)} perbaikan, {r.periode_label}.",)
    return Preview(PERBAIKAN_DOC_HEADERS, rows, -1, lines)


_BUILDERS = {
    laporan.REKAP: _rekap,
    laporan.EVALUASI: _evaluasi,
    laporan.PK: _pk,
    laporan.RENSTRA: _renstra,
    laporan.PERBAIKAN: _perbaikan,
}


def preview(report: Any) -> Preview:
    return _BUILDERS[report.jenis](report)
