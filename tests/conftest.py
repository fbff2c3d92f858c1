"""Shared test set-up: headless Qt, a private data folder, the shared seeds."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Must happen before anything imports Qt: without a display pytest-qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window's preferences (QSettings) go to a private folder, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kinerja-test-config-")

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never let a test touch the user's real data folder."""
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture()
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds tidak ada di mesin ini")
    return path
