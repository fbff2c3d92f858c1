"""The hostile corpus (tests/data/xlsx/hostile.py): every file ends in one clear
Indonesian message or a clean import, within the time budget, writing nothing.

The corpus is generated here into a temporary folder (some files inflate to
hundreds of megabytes; none is stored). Peak memory per file, in its own
process and through the command line, is measured by
benchmarks/hostile_benchmark.py.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import FileFormatError
from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "xlsx"))
from hostile import CASES, build_corpus

MAX_SECONDS = 10.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: path for case, path in build_corpus(folder)}


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case, corpus: dict[str, Path]) -> None:
    path = corpus[case.name]
    folder = path.parent
    before = sorted(p.name for p in folder.iterdir())
    start = time.perf_counter()
    try:
        result = read_sop_workbook(path)
    except FileFormatError as exc:
        outcome, message = "refused", exc.message
    else:
        outcome, message = "ok", f"{len(result.document.steps)} langkah"
    elapsed = time.perf_counter() - start
    assert elapsed < MAX_SECONDS, f"{case.name}: {elapsed:.1f} s"
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written
    if case.expect == "ok":
        assert outcome == "ok", message
    elif case.expect != "any":
        assert outcome == "refused", f"{case.name} was read: {message}"
        assert case.expect in message, message
    if outcome == "refused":
        assert message.startswith(f'Tidak dapat membaca "{path.name}": '), message
        assert "Traceback" not in message and "Error" not in message
