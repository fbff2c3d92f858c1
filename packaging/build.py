"""Build the one-folder application `dist/kinerja-desktop/` with PyInstaller.

    python packaging/build.py            # fresh virtualenv, build, smoke test
    python packaging/build.py --reuse    # keep build/venv from an earlier run

Steps: a clean virtualenv in `build/venv` holding only the runtime
dependencies of the package (`pip install ".[build]"`: the app's own
requirements plus PyInstaller, no test tools), then PyInstaller on
`packaging/kinerja-desktop.spec`, then (unless `--no-smoke`) a smoke test of the
result: the window with `--demo --smoke` offscreen and `kinerja sop daftar
--json` on a fresh data folder, both with an empty environment so nothing of
this machine's Python is used. Prints one JSON line: folder size, build time,
smoke results.

Works the same on Windows (run it there: PyInstaller does not cross-compile);
a Windows version resource is written from `kinerja_desktop.__version__`.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kinerja-desktop.spec"
NAME = "kinerja-desktop"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""


def version() -> str:
    text = (ROOT / "kinerja_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("kinerja_desktop/__init__.py has no __version__")
    return found.group(1)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if WINDOWS else "bin/python")


def make_venv(venv: Path, reuse: bool) -> Path:
    python = venv_python(venv)
    if reuse and python.exists():
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"{ROOT}[build]"], check=True)
    return python


def write_version_file(target: Path) -> None:
    """The Windows version resource (file properties → Details)."""
    parts = [int(p) for p in re.findall(r"\d+", version())[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Kinerja Desktop'),
      StringStruct('FileDescription', 'Kinerja Desktop: SOP AP dan data kinerja Kecamatan'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('ProductName', 'Kinerja Desktop'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def run_pyinstaller(python: Path, dist: Path, work: Path) -> None:
    if WINDOWS:
        write_version_file(ROOT / "build" / "version_info.txt")
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def bare_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing of this machine's Python in it."""
    env = {"KINERJA_DATA_DIR": str(data_dir), **extra}
    for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP"):  # Windows needs these to start
        if name in os.environ and WINDOWS:
            env[name] = os.environ[name]
    return env


def smoke(folder: Path) -> dict[str, object]:
    """Start the built window and command line the way an office PC would."""
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kinerja-smoke-") as tmp:
        data = Path(tmp)
        gui = subprocess.run(
            [str(folder / f"{NAME}{EXE}"), "--demo", "--smoke"],
            env=bare_env(data, QT_QPA_PLATFORM="offscreen"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        results["gui_exit"] = gui.returncode
        results["gui_output"] = gui.stdout.strip().splitlines()[-1:] or gui.stderr[-500:]
        cli = subprocess.run(
            [str(folder / f"kinerja{EXE}"), "sop", "daftar", "--json"],
            env=bare_env(data / "kosong"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        results["cli_exit"] = cli.returncode
        results["cli_output"] = cli.stdout.strip() or cli.stderr[-500:]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="reuse build/venv")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv")
    args = parser.parse_args(argv)
    started = time.monotonic()
    python = make_venv(args.venv, args.reuse)
    installed = time.monotonic()
    run_pyinstaller(python, args.dist, ROOT / "build" / "pyinstaller")
    folder = args.dist / NAME
    report: dict[str, object] = {
        "folder": str(folder),
        "size_mb": round(folder_size(folder) / 1e6, 1),
        "venv_s": round(installed - started, 1),
        "pyinstaller_s": round(time.monotonic() - installed, 1),
        "version": version(),
    }
    if not args.no_smoke:
        report["smoke"] = smoke(folder)
    print(json.dumps(report, ensure_ascii=False))
    failed = not args.no_smoke and (report["smoke"]["gui_exit"] or report["smoke"]["cli_exit"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
