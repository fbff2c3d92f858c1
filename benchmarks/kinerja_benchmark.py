"""Benchmark of the collection round (a script, not a test).

40 units × 100 indicators (default): writing every unit's Format Permintaan
Data, and importing all 40 filled forms with every check (preview: metadata,
checksum, every locked cell, every value as typed, plausibility against
history; then apply: one transaction per file). Beside each, in the same run,
the floor: plain openpyxl writing the same cells (no styles, protection,
validation, formulas or database), and plain openpyxl reading the same cells
(read-only, values only, no checks). Medians of --ulang runs (≥ 3, default 5).

Goals on a 2-core machine: writing ≤ 1.3× its floor, importing ≤ 1.0× its
floor, peak RSS ≤ 300 MB. Each ratio is the median of the per-run ratios.

    python benchmarks/kinerja_benchmark.py [--unit 40] [--indikator 100] [--ulang 3] [--json]

`--json` prints one line: each figure with its floor, ratio and goal.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl

from kinerja_desktop.core.kinerja.plan import Indicator, Level, PlanNode, Renstra, Target
from kinerja_desktop.core.kinerja.rules import CalculationRule, Polarity, ValueKind
from kinerja_desktop.core.office import Unit
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import open_session
from kinerja_desktop.store.kinerja import plan as plan_store

PERIODE = "2026-TW3"
FSYNC = [0.0]
FSYNCS: list[float] = []  # seconds spent in os.fsync (atomic file writes, SQLite commits)
_real_fsync = os.fsync


def _timed_fsync(fd: int) -> None:
    t0 = time.perf_counter()
    _real_fsync(fd)
    FSYNC[0] += time.perf_counter() - t0


os.fsync = _timed_fsync  # measured, not skipped: the forms are written durably
NOW = datetime(2026, 10, 1, 9, 0)


def _start() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    """(wall, cpu) seconds since `start`: the machine may be shared, so both are kept."""
    return time.perf_counter() - start[0], time.process_time() - start[1]


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rule(n: int) -> CalculationRule:
    if n % 10 == 3:
        return CalculationRule(Polarity.NEGATIF)
    if n % 10 == 5:
        return CalculationRule(jenis_nilai=ValueKind.PERSEN)
    return CalculationRule()


def build_database(path: Path, units: int, per_unit: int) -> None:
    """A database with `units` units, each responsible for `per_unit` indicators."""
    with open_session(path, create=True, demo_if_new=False) as session:
        office, plan = OfficeService(session), KinerjaPlanService(session, lambda: NOW)
        unit_ids = [office.save_unit(Unit(f"Unit Pelapor {u:02d}", urutan=u)) for u in range(units)]
        rid = plan.save_renstra(Renstra("Renstra Uji", 2025, 2029))
        tujuan = plan.save_node(rid, PlanNode(Level.TUJUAN, "1", "Tujuan uji"))
        sasaran = plan.save_node(rid, PlanNode(Level.SASARAN, "1.1", "Sasaran uji", tujuan))
        with (
            session.writing()
        ):  # one transaction for 4,000 indicators (a service call each is slow)
            for u, unit_id in enumerate(unit_ids):
                for n in range(per_unit):
                    targets = {y: Target(float(50 + n % 40)) for y in range(2025, 2030)}
                    ind = Indicator(
                        sasaran,
                        f"I.{u:02d}.{n:03d}",
                        f"Indikator kinerja nomor {n} unit {u} dengan nama yang wajar panjangnya",
                        "%" if n % 10 == 5 else "dokumen",
                        unit_id=unit_id,
                        targets=targets,
                        rule=_rule(n),
                        urutan=n,
                    )
                    plan_store.store_indicator(ind)


def fill_forms(forms: list[Path], folder: Path) -> list[Path]:
    """Every realisasi typed (numbers, Indonesian text numbers, a few blanks); openpyxl saves."""
    out = []
    for k, path in enumerate(forms):
        wb = openpyxl.load_workbook(path)
        ws = wb["Formulir"]
        for i, row in enumerate(range(13, ws.max_row + 1)):
            if ws.cell(row=row, column=2).value is None:
                break
            if i % 17 == 0:
                continue  # not filled in
            ws.cell(
                row=row, column=6, value=f"{40 + i % 30},5" if i % 3 == 0 else 40 + (i + k) % 30
            )
            ws.cell(row=row, column=8, value="sesuai laporan")
        target = folder / path.name
        wb.save(target)
        out.append(target)
    return out


# -- floors ------------------------------------------------------------------------------
def floor_write(forms: list[Path], folder: Path) -> tuple[float, float]:
    """Plain openpyxl writing the same cells: every value of both sheets, no looks."""
    contents = []
    for path in forms:
        wb = openpyxl.load_workbook(path)
        contents.append(
            [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb]
        )
    gc.collect()
    t0 = _start()
    for n, sheets in enumerate(contents):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for r, row in enumerate(rows, 1):
                for c, value in enumerate(row, 1):
                    if value is not None:
                        ws.cell(row=r, column=c, value=value)
        wb.save(folder / f"floor-{n}.xlsx")
    return _since(t0)


def floor_read(files: list[Path]) -> tuple[float, float]:
    """Plain openpyxl reading the same cells: read-only, values only, both sheets."""
    gc.collect()
    t0 = _start()
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            ws.reset_dimensions()
            for _row in ws.iter_rows(values_only=True):
                pass
        wb.close()
    return _since(t0)


# -- ours -----------------------------------------------------------------------------------
def ours_write(db: Path, folder: Path) -> tuple[tuple[float, float], list[Path]]:
    with open_session(db, create=False, demo_if_new=False) as session:
        service = KinerjaRoundService(session, lambda: NOW)
        gc.collect()
        FSYNC[0] = 0.0
        t0 = _start()
        written = service.write_forms(PERIODE, folder, tenggat=date(2026, 10, 10))
        elapsed = _since(t0)
        FSYNCS.append(FSYNC[0])
        return elapsed, [w.path for w in written]


def ours_import(db: Path, folder: Path) -> tuple[tuple[float, float], int]:
    with open_session(db, create=False, demo_if_new=False) as session:
        service = KinerjaImportService(session, lambda: NOW)
        gc.collect()
        t0 = _start()
        preview = service.preview([folder])
        applied = service.apply(preview)
        elapsed = _since(t0)
    ok = [a for a in applied if a.status == "diterapkan"]
    if len(ok) != len(preview.files):
        raise SystemExit(f"impor tidak lengkap: {[f.message for f in preview.files][:3]}")
    return elapsed, sum(a.baru for a in ok)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unit", type=int, default=40)
    parser.add_argument("--indikator", type=int, default=100)
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = max(3, args.ulang)
    work = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    base = work / "base.db"
    build_database(base, args.unit, args.indikator)
    writes, write_floors, imports, read_floors, values = [], [], [], [], 0
    for run in range(runs + 1):  # run 0 warms caches and bytecode; not counted
        db, forms_dir, filled_dir, floor_dir = (
            work / f"r{run}.db",
            work / f"f{run}",
            work / f"k{run}",
            work / f"o{run}",
        )
        for d in (forms_dir, filled_dir, floor_dir):
            d.mkdir()
        shutil.copyfile(base, db)
        w, forms = ours_write(db, forms_dir)
        wf = floor_write(forms, floor_dir)
        filled = fill_forms(forms, filled_dir)
        rf = floor_read(filled)
        i, values = ours_import(db, filled_dir)
        if run:
            writes.append(w)
            write_floors.append(wf)
            imports.append(i)
            read_floors.append(rf)
        shutil.rmtree(forms_dir)
        shutil.rmtree(floor_dir)
    result = _summary(writes, write_floors, imports, read_floors, args, runs, values)
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, separators=(",", ":")))
    else:
        _print(result)
    return 0


def _figure(name: str, ours: list, floor: list, goal: float) -> dict:
    """Medians of wall and CPU seconds; each ratio is the median of the per-run ratios
    (ours and its floor measured back to back in the same run)."""
    med = statistics.median
    return {
        f"{name}_s": round(med(w for w, _c in ours), 3),
        f"{name}_floor_s": round(med(w for w, _c in floor), 3),
        f"{name}_ratio": round(med(o[0] / f[0] for o, f in zip(ours, floor, strict=True)), 3),
        f"{name}_cpu_s": round(med(c for _w, c in ours), 3),
        f"{name}_floor_cpu_s": round(med(c for _w, c in floor), 3),
        f"{name}_cpu_ratio": round(med(o[1] / f[1] for o, f in zip(ours, floor, strict=True)), 3),
        f"{name}_goal_ratio": goal,
    }


def _summary(writes, write_floors, imports, read_floors, args, runs, values) -> dict:  # noqa: PLR0917
    return {
        "units": args.unit,
        "indicators_per_unit": args.indikator,
        "runs": runs,
        "values_imported": values,
        **_figure("write", writes, write_floors, 1.3),
        "write_fsync_s": round(statistics.median(FSYNCS[1:]), 3),
        **_figure("import", imports, read_floors, 1.0),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_goal_mb": 300,
    }


def _print(r: dict) -> None:
    print(f"{r['units']} unit × {r['indicators_per_unit']} indikator, median {r['runs']} kali")
    print(
        f"menulis formulir: {r['write_s']:.3f} s  (openpyxl polos {r['write_floor_s']:.3f} s; "
        f"{r['write_ratio']:.2f}×, sasaran ≤ {r['write_goal_ratio']}×; "
        f"termasuk fsync {r['write_fsync_s']:.3f} s; CPU {r['write_cpu_ratio']:.2f}×)"
    )
    print(
        f"impor + semua pemeriksaan: {r['import_s']:.3f} s  "
        f"(openpyxl baca {r['import_floor_s']:.3f} s; {r['import_ratio']:.2f}×, "
        f"sasaran ≤ {r['import_goal_ratio']}×; CPU {r['import_cpu_ratio']:.2f}×)"
    )
    print(f"memori puncak: {r['peak_rss_mb']:.0f} MB (sasaran ≤ {r['peak_rss_goal_mb']} MB)")


if __name__ == "__main__":
    raise SystemExit(main())
