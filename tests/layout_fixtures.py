"""Hand-made SOP documents for the layout tests, including the reference sheet bps-012.

`bps_012()` is the 14-step SOP pictured in `../shared/docs/reference/
bps-012-flowchart-hal1.png` and `-hal2.png` (a BPS office; same standard),
transcribed from the pictures: a rework loop 2 -> 1, a meeting of all four
roles (step 7), a joint step 9, a page break between 9 and 10, and a second
rework loop 12 -> 11.

Also the text measures the tests use: reportlab's metrics of the vendored
Liberation Sans (what the PDF prints with) and a crude fixed-width fake, to
show that nothing depends on one font.
"""

from __future__ import annotations

import functools
from pathlib import Path

from kinerja_desktop.core.layout.primitives import Font, Measure
from kinerja_desktop.core.sop import DecisionExit, Lane, MutuBaku, SopDocument, Step, StepKind

RTK = "Realisasi target tim kerja, Dokumen Sumber, FRA"
HARI = "1 – 20 Hari Kerja"

# number, uraian, lanes, kind, kelengkapan, output
BPS_012 = (
    (1, "Menyusun laporan data kinerja triwulanan per tim dalam tim/bagian", (0,), "mulai",
     "Realisasi target tim kerja", "Laporan data kinerja per tim/bagian (notulen rapat)"),
    (2, "Melakukan Reviu bersama laporan data kinerja triwulan per tim dalam tim/ bagian (jika "
     "terdapat revisi perbaikan, maka dikerjakan kembali oleh tim ybs)", (0,), "keputusan",
     RTK, "Laporan data kinerja per tim (notulen rapat)"),
    (3, "Mengompilasi laporan data kinerja triwulan Tim/Bagian (PJ SAKIP Tim/Bagian) menjadi "
     "laporan tim/bagian", (0,), "proses", RTK, "Draft Kertas Kerja FRA, (notulen rapat)"),
    (4, "Memverifikasi dan menyetujui laporan data kinerja (Form Rencana Aksi) triwulan "
     "tim/bagian", (1,), "proses", RTK, "Kertas Kerja FRA"),
    (5, "Mengompilasi laporan data kinerja triwulan tim/bagian menjadi draft Laporan data "
     "kinerja triwulan Satker oleh Tim Perencana", (2,), "proses", RTK,
     "Kertas Kerja FRA, Notulen FRA"),
    (6, "Menyampaikan draft laporan data kinerja triwulan ke kepala BPS Provinsi", (3,), "proses",
     RTK, "Kertas Kerja FRA, Notulen FRA"),
    (7, "Melakukan rapat koordinasi dan evaluasi terintegrasi seluruh tim/bagian dalam rangka "
     "membahas laporan data kinerja triwulan per tim/bagian dan Satker secara keseluruhan",
     (0, 1, 2, 3), "proses", RTK, "Kertas Kerja FRA, Notulen FRA"),
    (8, "Melakukan reviu atas Form Rencana Aksi (FRA) tim/bagian berdasarkan hasil pembahasan "
     "rapat. (revisi / perbaikan dilaksanakan saat reviu atas FRA oleh tim/bagian)", (0,),
     "proses", RTK, "Kertas Kerja FRA, Notulen FRA"),
    (9, "Mengompilasi laporan data kinerja/FRA final satker oleh Tim Perencana dan melaporkan "
     "kepada eselon II (Kepala)", (2, 3), "proses", RTK, "Kertas Kerja FRA, Notulen FRA"),
    (10, "Meng-upload FRA triwulan ke dalam web monitoring BPS (monev.bps.go.id)", (2,), "proses",
     "Kertas Kerja FRA, Notulen FRA", "Kertas Kerja FRA, Notulen FRA"),
    (11, "Penyusunan Laporan Kinerja Instansi Pemerintah (LKIP) Satker (Setelah FRA Triwulan 4 "
     "berakhir mulai disusun)", (2,), "proses",
     "Realisasi target tim kerja, Dokumen Sumber, FRA dan Notulen FRA", "Draft LKIP"),
    (12, "Pemeriksaan Draft LKIP (Lakukan perbaikan jika terdapat koreksi)", (1,), "keputusan",
     "Realisasi target tim kerja, Dokumen Sumber, FRA dan Notulen FRA", "Draft LKIP"),
    (13, "Pengesahan LKIP oleh Kepala Satuan Kerja", (3,), "proses", "Draft LKIP", "LKIP"),
    (14, "Upload LKIP ke website PPID", (2,), "selesai", "LKIP Final", "LKIP dapat diakses publik"),
)  # fmt: skip
LOOPS = {2: 1, 12: 11}  # decision number -> the earlier step its "Tidak" exit returns to


def bps_012() -> SopDocument:
    lanes = [
        Lane("Tim Kerja", "tk"),
        Lane("Tim Sakip", "ts"),
        Lane("Tim Perencanaan, Penganggaran dan Pemantauan Evaluasi", "tp"),
        Lane("Kepala", "kp"),
    ]
    steps = []
    for number, uraian, lane_idx, kind, kelengkapan, output in BPS_012:
        waktu = {13: "1 – 10 Hari Kerja", 14: "1 Hari Kerja"}.get(number, HARI)
        step = Step(
            uraian=uraian,
            pelaksana=[lanes[k].id for k in lane_idx],
            jenis=StepKind(kind),
            mutu_baku=MutuBaku(kelengkapan, waktu, output),
            id=f"s{number}",
        )
        if number in LOOPS:
            step.exits = [DecisionExit("Ya", None), DecisionExit("Tidak", f"s{LOOPS[number]}")]
        steps.append(step)
    return SopDocument(
        nomor="B-012/BPS/2023",
        judul="Penyusunan Laporan Kinerja Triwulanan dan LKIP",
        lanes=lanes,
        steps=steps,
    )


def linear_sop(lane_path: list[int], n_lanes: int, texts: list[str] | None = None) -> SopDocument:
    """Steps one after another in the given lanes (first Mulai, last Selesai)."""
    lanes = [Lane(f"Pelaksana {k + 1}", f"l{k}") for k in range(n_lanes)]
    steps = []
    n = len(lane_path)
    for i, lane in enumerate(lane_path):
        kind = StepKind.MULAI if i == 0 else StepKind.SELESAI if i == n - 1 else StepKind.PROSES
        text = texts[i] if texts else f"Langkah nomor {i + 1}"
        steps.append(Step(uraian=text, pelaksana=[f"l{lane}"], jenis=kind, id=f"s{i + 1}"))
    return SopDocument(nomor="T-1", judul="Uji", lanes=lanes, steps=steps)


FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
_FACES = {
    Font.REGULAR: ("KinerjaUjiSans", "LiberationSans-Regular.ttf"),
    Font.BOLD: ("KinerjaUjiSans-Bold", "LiberationSans-Bold.ttf"),
    Font.ITALIC: ("KinerjaUjiSans-Italic", "LiberationSans-Italic.ttf"),
}


@functools.cache
def liberation_measure() -> Measure:
    """reportlab's stringWidth for the vendored Liberation Sans (what the PDF uses)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FACES.values():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))

    def measure(text: str, font: Font, size: float) -> float:
        return pdfmetrics.stringWidth(text, _FACES[font][0], size)

    return measure


def crude_measure(text: str, font: Font, size: float) -> float:
    """A fake font: every character the same width (bold wider)."""
    return len(text) * size * (0.62 if font is Font.BOLD else 0.55)
