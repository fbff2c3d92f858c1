"""Start-up benchmark (a script, not a test): seconds from process start to the
main window's first paint, beside a bare PySide6 window measured the same way.

Three programs are started in turns, each several times, in child processes
with a warm bytecode cache:

* bare — a bare PySide6 `QMainWindow` with a 200-row `QTableView`;
* demo — `python main.py --demo --smoke` (the demo database);
* big  — `python main.py --smoke --db BIG` on a generated database of 200
  SOPs × 25 steps (an office profile filled in, so the window opens on Beranda).

Each prints one JSON line with `first_paint_s`: seconds since the operating
system started the process (Linux: `/proc/self/stat` start time against the
boot-time clock), not since the first line of Python. Reported: the median of
each and the ratios demo/bare and big/bare (goal: both ≤ 1.3); and, beside
them, `ready_*`: the median `ready_s` of main.py (the window's frame paints
first; ready = the database's content shown and usable) and its ratio to the
bare window's first paint.

    python benchmarks/startup_benchmark.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

GOAL = 1.3

BARE = textwrap.dedent(
    """
    import json, os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    def elapsed():  # as kinerja_desktop.ui.shell.startup measures it
        stat = open("/proc/self/stat", encoding="ascii").read()
        start = int(stat[stat.rindex(")") + 2 :].split()[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start

    class First(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done():
        print(json.dumps({"first_paint_s": round(elapsed(), 4)}), flush=True)
        app.quit()

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(200, 7)
    for row in range(200):
        for col in range(7):
            model.setItem(row, col, QStandardItem(f"{row}/{col}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1200, 720)
    first = First()
    window.installEventFilter(first)
    window.show()
    sys.exit(app.exec())
    """
)


def make_big_database(path: Path, sops: int, steps: int) -> None:
    """`sops` generated SOPs of `steps` steps, and an office profile."""
    from pdf_benchmark import generated_sop

    from kinerja_desktop.core.office import OfficeProfile
    from kinerja_desktop.services.office_service import OfficeService
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService

    with open_session(path, create=True) as session:
        OfficeService(session).save_profile(
            OfficeProfile(pemerintah="PEMERINTAH KABUPATEN UJI", nama_kantor="KECAMATAN UJI")
        )
        service = SopService(session)
        for i in range(sops):
            doc = generated_sop(i, steps, 8)
            doc.nomor = f"{i + 1:03d}/UJI/2026"
            service.create(doc)


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(first_paint_s, ready_s) of one start (the bare window is ready when painted)."""
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=180, check=False, cwd=REPO
    )
    if done.returncode != 0:
        raise SystemExit(f"{command} gagal ({done.returncode}):\n{done.stderr[-3000:]}")
    line = json.loads(done.stdout.strip().splitlines()[-1])
    return float(line["first_paint_s"]), float(line.get("ready_s", line["first_paint_s"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sop", type=int, default=200)
    parser.add_argument("--langkah", type=int, default=25)
    parser.add_argument("--json", action="store_true", help="one JSON line")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kinerja-startup-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "KINERJA_DATA_DIR": str(work / "data"),
        "XDG_CONFIG_HOME": str(work / "config"),
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    big = work / "besar.db"
    make_big_database(big, args.sop, args.langkah)
    bare_script = work / "bare.py"
    bare_script.write_text(BARE, encoding="utf-8")
    main_py = str(REPO / "main.py")
    commands = {
        "bare": [sys.executable, str(bare_script)],
        "demo": [sys.executable, main_py, "--demo", "--smoke"],
        "big": [sys.executable, main_py, "--smoke", "--db", str(big)],
    }
    for command in commands.values():  # warm the bytecode cache and build demo.db
        run_once(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    ready: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            painted, usable = run_once(command, env)
            times[name].append(painted)
            ready[name].append(usable)
    med = {name: statistics.median(values) for name, values in times.items()}
    med_ready = {name: statistics.median(values) for name, values in ready.items()}
    result = {
        "bare_s": round(med["bare"], 3),
        "demo_s": round(med["demo"], 3),
        "big_s": round(med["big"], 3),
        "ratio_demo": round(med["demo"] / med["bare"], 2),
        "ratio_big": round(med["big"] / med["bare"], 2),
        "ready_demo_s": round(med_ready["demo"], 3),
        "ready_big_s": round(med_ready["big"], 3),
        "ratio_ready_demo": round(med_ready["demo"] / med["bare"], 2),
        "ratio_ready_big": round(med_ready["big"] / med["bare"], 2),
        "runs": args.runs,
        "goal": GOAL,
        "all": {name: [round(v, 3) for v in values] for name, values in times.items()},
        "all_ready": {name: [round(v, 3) for v in ready[name]] for name in ("demo", "big")},
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"Mulai sampai lukisan pertama (median dari {args.runs} kali, detik):")
    print(f"  jendela PySide6 polos + tabel 200 baris : {result['bare_s']:.3f}")
    print(
        f"  main.py --demo --smoke                  : {result['demo_s']:.3f}  "
        f"({result['ratio_demo']:.2f}×)"
    )
    print(
        f"  main.py --smoke, {args.sop} SOP × {args.langkah} langkah  : {result['big_s']:.3f}  "
        f"({result['ratio_big']:.2f}×)"
    )
    print(f"  sasaran: ≤ {GOAL}× keduanya")
    print("Mulai sampai isi basis data tampil dan siap dipakai (ready_s):")
    print(f"  demo : {result['ready_demo_s']:.3f}  ({result['ratio_ready_demo']:.2f}× polos)")
    print(f"  besar: {result['ready_big_s']:.3f}  ({result['ratio_ready_big']:.2f}× polos)")


if __name__ == "__main__":
    main()
