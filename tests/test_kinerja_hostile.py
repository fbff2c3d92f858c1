"""A corpus of malformed and hostile returned forms: each is refused with one
clear Indonesian message, and no stored value changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kinerja_desktop.services.kinerja_types import DITOLAK
from tests.data.kinerja.hostile import make_corpus
from tests.kinerja_helpers import demo_session, preview_and_apply, value_rows, write_round

TECHNICAL = re.compile(r"Traceback|Error\(|Exception|errno|0x[0-9a-f]{4,}", re.I)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("hostile")
    session = demo_session(tmp)
    forms = write_round(session, tmp / "forms")
    cases = make_corpus(forms["Sekretariat"], tmp / "corpus", forms["Seksi Pemerintahan"])
    yield session, cases
    session.close()


def test_the_corpus_is_large_enough(corpus) -> None:
    _session, cases = corpus
    assert len(cases) == 37  # the parameter range below
    assert len({name for name, _p, _e in cases}) == len(cases)


@pytest.mark.parametrize("index", range(37))
def test_each_hostile_form_is_refused_with_one_clear_message(corpus, index: int) -> None:
    session, cases = corpus
    if index >= len(cases):
        pytest.skip("corpus smaller than the parameter range")
    name, path, expect = cases[index]
    before = value_rows(session)
    preview, applied = preview_and_apply(session, [path])
    (f,) = preview.files
    assert f.status == DITOLAK, (name, f.status)
    assert f.problems, name
    first = str(f.problems[0])
    assert expect.casefold() in first.casefold(), (name, first)
    assert not TECHNICAL.search(first), (name, first)
    assert applied == []
    assert value_rows(session) == before, name


def test_a_good_copy_of_the_same_form_still_imports(corpus, tmp_path: Path) -> None:
    session, cases = corpus
    source = next(p for n, p, _e in cases if n == "teks_di_angka")
    from tests.kinerja_helpers import fill

    good = fill(source, {"F14": 44.5}, out=tmp_path / "baik.xlsx")
    preview, applied = preview_and_apply(session, [good])
    assert preview.files[0].status == "siap", preview.files[0].problems
    assert [a.status for a in applied] == ["diterapkan"]
