"""Benchmark of the printed SOP sheets (a script, not a test).

A generated set of SOPs (25 steps × 8 lanes each by default, with multi-lane
steps, decisions looping back and skipping forward, long texts) is printed:

* one SOP to PDF, in-process and warm: the median of at least 7 runs (and how
  much of it is the swimlane layout);
* the Buku SOP of 50, 100 and 200 SOPs: wall time, pages, pages per second,
  and the time per SOP, to show the growth is linear;
* the peak resident memory of the process (VmHWM);
* the floor (`pdf_floor.py`): plain reportlab platypus producing the same
  pages with the same words, in the same run, back to back: one SOP as a
  whole process (start, imports, one PDF; the bytecode cache warmed) and the
  book of all SOPs, with the ratios (application / floor).

Goals on a 2-core machine: one SOP ≤ 150 ms, the book ≥ 60 pages/s, peak RSS
≤ 300 MB, linear growth; one SOP as a process ≤ 1.3× the floor, the book
≤ 1.0×.

    python benchmarks/pdf_benchmark.py [--sop 200] [--langkah 25] [--lajur 8] [--ulang 9]
        [--proses 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kinerja_desktop.core.layout import layout_sop
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    Pengesahan,
    SopDocument,
    Step,
    StepKind,
    serialize,
)
from kinerja_desktop.exchange.pdf import measure
from kinerja_desktop.exchange.pdf.frame import settings_for
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_book_pdf, write_sop_pdf
from kinerja_desktop.exchange.pdf.sop.document import plan_sop

HERE = Path(__file__).resolve().parent
RESULT: dict[str, object] = {}

WORDS = (
    "menyusun",
    "memeriksa",
    "data",
    "kinerja",
    "laporan",
    "rekapitulasi",
    "format",
    "permintaan",
    "unit",
    "seksi",
    "kelurahan",
    "sekretariat",
    "validasi",
    "dokumen",
    "disposisi",
    "rapat",
    "koordinasi",
    "perbaikan",
    "bukti",
    "dukung",
    "capaian",
    "indikator",
    "triwulan",
    "renstra",
    "paraf",
    "tanda",
    "tangan",
    "menyampaikan",
    "kepada",
)
ROLES = (
    "Camat",
    "Sekretaris Camat",
    "Kasubag Perencanaan dan Keuangan",
    "Kasubag Umum dan Kepegawaian",
    "Kepala Seksi Pemerintahan",
    "Kepala Seksi Kesejahteraan Sosial",
    "Lurah",
    "Staf Pelaksana",
)


def _text(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize()


def generated_sop(seed: int, steps: int, lanes: int) -> SopDocument:
    """One plausible SOP; the same seed gives the same SOP."""
    rng = random.Random(seed)
    lane_list = [Lane(ROLES[i % len(ROLES)]) for i in range(lanes)]
    step_list: list[Step] = []
    for i in range(steps):
        kind = StepKind.MULAI if i == 0 else StepKind.SELESAI if i == steps - 1 else StepKind.PROSES
        chosen = [rng.randrange(lanes)]
        if kind is StepKind.PROSES and rng.random() < 0.12:
            chosen.append(rng.randrange(lanes))
        step_list.append(
            Step(
                _text(rng, 6, 28),
                [lane_list[j].id for j in sorted(set(chosen))],
                kind,
                MutuBaku(_text(rng, 1, 6), f"{rng.randint(1, 8)} jam", _text(rng, 1, 6)),
                keterangan=_text(rng, 0, 3),
            )
        )
    for i in range(3, steps - 2, 6):  # a decision every few steps: back or forward
        step = step_list[i]
        step.jenis, step.pelaksana = StepKind.KEPUTUSAN, step.pelaksana[:1]
        target = step_list[rng.randrange(1, i)] if rng.random() < 0.6 else step_list[i + 2]
        step.exits = [DecisionExit("Ya"), DecisionExit("Tidak", target.id)]
    return SopDocument(
        nomor=f"{seed:03d}/MSM/2026",
        judul=f"Prosedur {_text(rng, 3, 8)}",
        tanggal_pembuatan=date(2026, 1, 5),
        pengesahan=Pengesahan(
            "Camat Masama", "Drs. Ahmad Yani, M.Si", "197504282000121003", "Pembina, IV/a"
        ),
        dasar_hukum=[_text(rng, 8, 20) for _ in range(5)],
        kualifikasi_pelaksana=[_text(rng, 3, 8) for _ in range(4)],
        keterkaitan=[_text(rng, 3, 6) for _ in range(3)],
        peralatan_perlengkapan=[_text(rng, 1, 3) for _ in range(5)],
        peringatan=[_text(rng, 8, 16)],
        pencatatan_pendataan=[_text(rng, 6, 12)],
        lanes=lane_list,
        steps=step_list,
    )


def peak_rss_mb() -> float:
    """VmHWM of this process in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _cpu_and_wall(fn) -> tuple[float, float, object]:
    """(CPU seconds of this process, wall seconds, result): CPU time shows the
    growth even when other work shares the machine."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def bench_single(docs: list[SopDocument], office: OfficeProfile, out: Path, runs: int) -> None:
    options = PdfOptions(tanggal_ttd=date(2026, 2, 16))
    settings = settings_for(options.kertas, options.tegak)
    write_sop_pdf(docs[0], office, out, options)  # warm up
    totals, layouts, pages = [], [], 0
    for i in range(runs):
        doc = docs[i % len(docs)]
        t, pages = _timed(lambda d=doc: write_sop_pdf(d, office, out, options))
        totals.append(t)
        layouts.append(_timed(lambda d=doc: layout_sop(d, settings, measure))[0])
    median = statistics.median(totals) * 1000
    RESULT.update(single_ms=median, single_layout_ms=statistics.median(layouts) * 1000)
    print(f"Satu SOP ke PDF (median {runs} kali): {median:.1f} ms  [sasaran ≤ 150 ms]")
    print(f"  di antaranya tata letak swimlane: {statistics.median(layouts) * 1000:.1f} ms")
    print(f"  halaman per SOP (contoh terakhir): {pages}")


def bench_book(docs: list[SopDocument], office: OfficeProfile, out: Path, sizes: list[int]) -> None:
    options = PdfOptions(tanggal_ttd=date(2026, 2, 16))
    print("Buku SOP:")
    per_sop = []
    for n in sizes:
        cpu, wall, pages = _cpu_and_wall(
            lambda n=n: write_book_pdf(docs[:n], office, out, options, tahun=2026)
        )
        per_sop.append(cpu / n)
        size_mb = out.stat().st_size / 1e6
        RESULT.setdefault("book", []).append(  # type: ignore[union-attr]
            {"sop": n, "wall_s": wall, "cpu_s": cpu, "pages": pages, "pages_per_s": pages / wall}
        )
        print(
            f"  {n:4d} SOP: {wall:6.2f} s, {pages} halaman, {pages / wall:6.1f} halaman/detik, "
            f"CPU {cpu:6.2f} s = {cpu / n * 1000:5.1f} ms per SOP, berkas {size_mb:.1f} MB"
        )
    spread = max(per_sop) / min(per_sop)
    RESULT["book_cpu_spread"] = spread
    print(f"  waktu CPU per SOP terbesar/terkecil: {spread:.2f} (≈1 = tumbuh linear)")
    print("  [sasaran ≥ 60 halaman/detik]")


_APP = """
import json, sys
from pathlib import Path
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import serialize
from kinerja_desktop.exchange.pdf.sop import PdfOptions, write_sop_pdf
doc = serialize.loads(Path(sys.argv[1]).read_text("utf-8"))
office = OfficeProfile(pemerintah="PEMERINTAH KABUPATEN BANGGAI", nama_kantor="KECAMATAN MASAMA",
                       kota_ttd="Masama")
write_sop_pdf(doc, office, Path(sys.argv[2]), PdfOptions())
"""
_FLOOR = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from kinerja_desktop.core.sop import serialize
from pdf_floor import write_floor
doc = serialize.loads(Path(sys.argv[1]).read_text("utf-8"))
write_floor(sys.argv[2], [doc], [int(sys.argv[3])])
"""


def bench_processes(doc: SopDocument, office: OfficeProfile, tmp: Path, runs: int) -> None:
    """One SOP printed by a fresh process, against the floor's process, back to back."""
    source = tmp / "sop.json"
    source.write_text(serialize.dumps(doc), "utf-8")
    pages = plan_sop(doc, office, PdfOptions()).page_count
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env["PYTHONPATH"] = str(HERE.parent)
    app = [sys.executable, "-c", _APP, str(source), str(tmp / "p.pdf")]
    floor = [sys.executable, "-c", _FLOOR, str(source), str(tmp / "f.pdf"), str(pages), str(HERE)]
    for cmd in (app, floor):  # warm the bytecode cache
        subprocess.run(cmd, env=env, check=True)
    times: dict[str, list[float]] = {"app": [], "floor": []}
    for _ in range(runs):
        for key, cmd in (("app", app), ("floor", floor)):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True)
            times[key].append(time.perf_counter() - start)
    ratios = [a / f for a, f in zip(times["app"], times["floor"], strict=True)]
    app_ms, floor_ms = (statistics.median(times[k]) * 1000 for k in ("app", "floor"))
    RESULT.update(
        process_ms=app_ms, floor_process_ms=floor_ms, process_ratio=statistics.median(ratios)
    )
    print(f"Satu SOP sebagai proses utuh ({pages} halaman, median {runs} kali):")
    print(f"  aplikasi {app_ms:.0f} ms, lantai platypus {floor_ms:.0f} ms, "
          f"rasio {statistics.median(ratios):.2f}  [sasaran ≤ 1,3]")  # fmt: skip


def bench_book_floor(docs: list[SopDocument], office: OfficeProfile, out: Path, runs: int) -> None:
    """The whole book against the floor printing the same pages, in this process."""
    options = PdfOptions(tanggal_ttd=date(2026, 2, 16))
    pages = [plan_sop(d, office, options).page_count for d in docs]
    floor_out = out.with_name("lantai.pdf")
    from pdf_floor import write_floor

    app_cpu, floor_cpu, ratios = [], [], []
    floor_pages = 0
    for _ in range(runs):
        a_cpu, a_wall, _n = _cpu_and_wall(
            lambda: write_book_pdf(docs, office, out, options, tahun=2026)
        )
        f_cpu, f_wall, floor_pages = _cpu_and_wall(lambda: write_floor(str(floor_out), docs, pages))
        app_cpu.append(a_cpu)
        floor_cpu.append(f_cpu)
        ratios.append(a_wall / f_wall)
    cpu_ratio = statistics.median(a / f for a, f in zip(app_cpu, floor_cpu, strict=True))
    RESULT.update(
        book_floor_ratio=statistics.median(ratios),
        book_floor_cpu_ratio=cpu_ratio,
        floor_pages=floor_pages,
        app_pages=sum(pages) + 1,
    )
    print(f"Buku {len(docs)} SOP terhadap lantai platypus ({floor_pages} halaman lantai), "
          f"median {runs} kali:")  # fmt: skip
    print(f"  rasio waktu {statistics.median(ratios):.2f}, rasio CPU {cpu_ratio:.2f}  "
          "[sasaran ≤ 1,0]")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description="Tolok ukur PDF SOP")
    parser.add_argument("--sop", type=int, default=200)
    parser.add_argument("--langkah", type=int, default=25)
    parser.add_argument("--lajur", type=int, default=8)
    parser.add_argument("--ulang", type=int, default=9)
    parser.add_argument("--proses", type=int, default=7, help="kali proses utuh dan buku lantai")
    parser.add_argument("--json", action="store_true", help="hasil sebagai JSON di akhir")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    docs = [generated_sop(seed, args.langkah, args.lajur) for seed in range(args.sop)]
    office = OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN BANGGAI",
        nama_kantor="KECAMATAN MASAMA",
        kota_ttd="Masama",
    )
    print(f"{args.sop} SOP × {args.langkah} langkah × {args.lajur} lajur, kertas F4 mendatar")
    with tempfile.TemporaryDirectory() as tmp:
        bench_single(docs, office, Path(tmp) / "satu.pdf", max(args.ulang, 7))
        sizes = sorted({max(args.sop // 4, 1), max(args.sop // 2, 1), args.sop})
        bench_book(docs, office, Path(tmp) / "buku.pdf", sizes)
        bench_processes(docs[0], office, Path(tmp), args.proses)
        bench_book_floor(docs, office, Path(tmp) / "buku.pdf", max(1, args.proses // 2))
    RESULT["peak_rss_mb"] = peak_rss_mb()
    print(f"Puncak memori (VmHWM): {peak_rss_mb():.0f} MB  [sasaran ≤ 300 MB]")
    if args.json:
        print(json.dumps(RESULT, indent=1))


if __name__ == "__main__":
    main()
