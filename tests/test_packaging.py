"""Packaging: setup.cfg lists every package, and a wheel carries the resources."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _listed_packages() -> set[str]:
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg", encoding="utf-8")
    return {p.strip() for p in cfg["options"]["packages"].split() if p.strip()}


def test_every_python_package_is_listed() -> None:
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "kinerja_desktop").rglob("__init__.py")
    }
    assert found | {"kinerja_desktop.resources", "kinerja_desktop.forms"} == _listed_packages()


def _source_copy(target: Path) -> Path:
    """What an sdist holds, copied so the build leaves no build/ or egg-info here."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("kinerja_desktop", "resources", "forms"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, target / name)
    return target


@pytest.mark.slow
def test_wheel_contains_resources_and_forms(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("kinerja_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kinerja_desktop/resources/fonts/LiberationSans-Regular.ttf" in names
    assert "kinerja_desktop/resources/fonts/LICENSE-OFL.txt" in names
    assert any(n.startswith("kinerja_desktop/resources/demo/sop/") for n in names)
    assert "kinerja_desktop/forms/sop_catalogue.ui" in names
    assert "kinerja_desktop/app.py" in names


def test_gui_program_keeps_only_the_window_options() -> None:
    from kinerja_desktop.app import gui_arguments

    assert gui_arguments([]) == []
    assert gui_arguments(["--demo", "--smoke"]) == ["--demo", "--smoke"]
    assert gui_arguments(["--db", "C:/kantor.db", "--smoke"]) == ["--db", "C:/kantor.db", "--smoke"]
    # a file dragged onto the program's icon, or a command: the window opens anyway
    assert gui_arguments(["D:/formulir.xlsx"]) == []
    assert gui_arguments(["sop", "daftar", "--json"]) == []
    assert gui_arguments(["--db"]) == []


def test_user_install_has_no_test_tools() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg", encoding="utf-8")
    runtime = cfg["options"]["install_requires"].lower()
    for tool in ("pytest", "hypothesis", "ruff", "pypdf", "pyinstaller"):
        assert tool not in runtime
    extras = cfg["options.extras_require"]
    assert "pytest" in extras["test"] and "pyinstaller" in extras["build"]
