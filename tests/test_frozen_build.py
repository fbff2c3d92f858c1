"""The PyInstaller build (packaging/kinerja-desktop.spec) works without Python:
built once per run, then its window and command line started with an empty
environment, as on an office PC. Marked `frozen`: the normal run skips it,
`.ci/run` runs it (`pytest -m frozen`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "tests" / "data" / "schema"
pytestmark = pytest.mark.frozen
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("frozen")
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build.py"),
            "--no-smoke",
            "--dist",
            str(work / "dist"),
            "--venv",
            str(work / "venv"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["size_mb"] < 300, report  # only the Qt modules the app uses
    return work / "dist" / "kinerja-desktop"


def _run(program: Path, *args: str, data: Path, **env: str) -> subprocess.CompletedProcess:
    bare = {"KINERJA_DATA_DIR": str(data), **env}  # nothing of this machine's Python
    return subprocess.run(
        [str(program), *args],
        env=bare,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=data.parent,
    )


def test_window_starts_on_the_demo_and_paints(built: Path, tmp_path: Path) -> None:
    done = _run(
        built / f"kinerja-desktop{EXE}",
        "--demo",
        "--smoke",
        data=tmp_path / "data",
        QT_QPA_PLATFORM="offscreen",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert 0 < report["first_paint_s"] < 60


def test_command_line_on_a_fresh_data_folder(built: Path, tmp_path: Path) -> None:
    kinerja = built / f"kinerja{EXE}"
    done = _run(kinerja, "sop", "daftar", "--json", data=tmp_path / "data")
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == []  # the real database starts without demo SOPs


def test_frozen_build_prints_exports_and_imports(built: Path, tmp_path: Path) -> None:
    """reportlab, openpyxl and the bundled fonts are all found inside the build."""
    kinerja, data = built / f"kinerja{EXE}", tmp_path / "data"
    db = str(tmp_path / "demo.db")
    assert _run(kinerja, "--db", db, "demo", "muat", data=data).returncode == 0
    pdf, xlsx = tmp_path / "sop.pdf", tmp_path / "sop.xlsx"
    for args in (
        ("sop", "pdf", "1", "-o", str(pdf), "--lembar-kerja"),
        ("sop", "ekspor", "1", "-o", str(xlsx)),
        ("sop", "impor", str(xlsx), "--json"),
    ):
        done = _run(kinerja, "--db", db, *args, data=data)
        assert done.returncode == 0, (args, done.stderr[-2000:])
    reader = pypdf.PdfReader(pdf)
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all(name.startswith("Liberation") for name in fonts), fonts
    assert "Perbaikan Data Kinerja" in reader.pages[0].extract_text()


def test_frozen_build_upgrades_an_old_database(built: Path, tmp_path: Path) -> None:
    db = tmp_path / "lama.db"
    shutil.copy2(SCHEMA / "v2.db", db)
    done = _run(
        built / f"kinerja{EXE}", "--db", str(db), "sop", "daftar", "--json", data=tmp_path / "data"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(json.loads(done.stdout)) == 7
    backups = list((tmp_path / "cadangan").glob("*.db"))
    assert backups and all(b.stat().st_size > 0 for b in backups)
    assert os.path.getsize(db) > 0
