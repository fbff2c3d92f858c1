"""Time and peak memory of every file of the hostile corpus, each in its own process.

For each file of tests/data/xlsx/hostile.py the import runs as a user runs it,
`python main.py --db DB sop impor FILE --ya`, in a fresh process whose wall
time and peak RSS (the child's own `ru_maxrss`, from `os.wait4`) are measured;
the database is fingerprinted before and after: a refused file must leave it
byte for byte unchanged. A file passes when it ends in exit 0 (imported) or 2
(one clear message on stderr, no traceback), within --max-seconds and
--max-mb.

    python benchmarks/hostile_benchmark.py [--only NAME …] [--json] [--keep DIR]

Output: one line per file, then the worst time and memory (with the file);
with --json: {"files": [{"name", "exit", "seconds", "peak_mb", "db_unchanged",
"message", "ok"}], "worst_seconds": {"name", "seconds"}, "worst_peak_mb":
{"name", "peak_mb"}, "failed": [names]}. Exit status 1 when any file failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "data" / "xlsx"))
sys.path.insert(0, str(REPO))

from hostile import build_corpus  # noqa: E402


def _fingerprint(db: Path) -> str:
    digest = hashlib.sha256()
    for name in (db, db.with_name(db.name + "-wal")):
        if name.exists():
            digest.update(name.read_bytes())
    return digest.hexdigest()


# The child reports its own peak RSS (VmHWM) at exit: ru_maxrss from wait4 carries
# the parent's size over fork on Linux.
_CHILD = """
import atexit, os, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as fh:
            kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
        with open(os.environ["KINERJA_PEAK_FILE"], "w") as out:
            out.write(kb)
    except (OSError, StopIteration):
        pass
atexit.register(_peak)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _run(
    db: Path, path: Path, env: dict[str, str], timeout: float
) -> tuple[int, float, float, str]:
    """exit status, wall seconds, peak RSS in MB, stderr."""
    peak_file = db.with_name("peak.txt")
    peak_file.unlink(missing_ok=True)
    env = {**env, "KINERJA_PEAK_FILE": str(peak_file)}
    cmd = [sys.executable, "-c", _CHILD, str(REPO / "main.py"), "--db", str(db), "sop", "impor"]
    cmd += [str(path), "--ya", "--sebagai", "salinan"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=REPO)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip()
    code = os.waitstatus_to_exitcode(status)
    try:
        peak_mb = int(peak_file.read_text()) / 1024
    except (OSError, ValueError):
        peak_mb = usage.ru_maxrss / 1024
    return code, seconds, peak_mb, message


def expected(expect: str, code: int, message: str) -> bool:
    """Whether the outcome is the one the corpus names for the file."""
    if expect == "ok":
        return code == 0
    if expect == "any":
        return code in (0, 2)
    return code == 2 and expect in message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="only these files of the corpus")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--max-seconds", type=float, default=10.0)
    parser.add_argument("--max-mb", type=float, default=300.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kinerja-hostile-"))
    corpus_dir = args.keep or work / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "KINERJA_DATA_DIR": str(work / "data"),
        "PYTHONPYCACHEPREFIX": str(work / "pyc"),
    }
    db = work / "kinerja.db"
    subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), "demo", "muat"],
        env=env,
        check=True,
        capture_output=True,
    )  # also warms the bytecode cache
    results = []
    for case, path in build_corpus(corpus_dir, args.only):
        before = _fingerprint(db)
        code, seconds, peak, message = _run(db, path, env, timeout=args.max_seconds * 3)
        unchanged = _fingerprint(db) == before
        ok = (
            expected(case.expect, code, message)
            and seconds <= args.max_seconds
            and peak <= args.max_mb
            and "Traceback" not in message
            and (code == 0 or unchanged)
        )
        results.append(
            {
                "name": case.name,
                "exit": code,
                "seconds": round(seconds, 2),
                "peak_mb": round(peak, 1),
                "db_unchanged": unchanged,
                "message": message.splitlines()[-1] if message else "",
                "ok": ok,
            }
        )
        if not args.json:
            mark = "ok " if ok else "GAGAL"
            shown = results[-1]["message"][:90]
            print(f"{mark} {case.name:40} exit {code}  {seconds:5.2f} s  {peak:6.1f} MB  {shown}")
    worst_t = max(results, key=lambda r: r["seconds"])
    worst_m = max(results, key=lambda r: r["peak_mb"])
    summary = {
        "files": results,
        "worst_seconds": {"name": worst_t["name"], "seconds": worst_t["seconds"]},
        "worst_peak_mb": {"name": worst_m["name"], "peak_mb": worst_m["peak_mb"]},
        "failed": [r["name"] for r in results if not r["ok"]],
    }
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        print(
            f"\n{len(results)} berkas; terlama {worst_t['seconds']} s ({worst_t['name']}); "
            f"memori puncak terbesar {worst_m['peak_mb']} MB ({worst_m['name']}); "
            f"gagal: {', '.join(summary['failed']) or '-'}"
        )
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
