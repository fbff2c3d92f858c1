"""The freeze serialization: the quick `dump` gives exactly the values (and so
the canonical text and hash) of the plain recursive walk it replaced, on every
report of the demo database and on odd values; load(dump(x)) is x."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.core.kinerja.laporan import REPORT_TYPES
from kinerja_desktop.core.kinerja.laporan_io import canonical, data_hash, dump, load, text_hash
from tests.kinerja_report_helpers import report_session, services, sign_correction


def reference_dump(obj: Any) -> Any:
    """The dump every frozen version so far was made with (kept as the reference)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: reference_dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [reference_dump(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): reference_dump(v) for k, v in obj.items()}
    return obj


def _same(obj: Any) -> None:
    new, old = dump(obj), reference_dump(obj)
    assert new == old
    assert canonical(new) == canonical(old)
    assert data_hash(new) == text_hash(canonical(old))
    if dataclasses.is_dataclass(obj):
        assert data_hash(obj) == data_hash(new)


REPORTS = (
    ("rekap", "2026-TW2"),
    ("rekap", "2026"),
    ("evaluasi_renja", "2026-TW2"),
    ("pk", 2026),
    ("renstra", 2026),
    ("perbaikan", "2026-TW2"),
)


def test_every_demo_report_dumps_as_before_and_loads_back(tmp_path: Path) -> None:
    session = report_session(tmp_path)
    try:
        sign_correction(session)
        _v, _c, reports = services(session)
        built = [reports.build(jenis, periode) for jenis, periode in REPORTS]
    finally:
        session.close()
    assert {r.jenis for r in built} == set(REPORT_TYPES)
    for report in built:
        _same(report)
        assert load(type(report), dump(report)) == report


class _Kind(enum.StrEnum):
    A = "a"


@dataclasses.dataclass(frozen=True)
class _One:
    x: Any


@dataclasses.dataclass(frozen=True)
class _Empty:
    pass


@dataclasses.dataclass(frozen=True)
class _Odd:
    one: _One
    empty: _Empty
    keyed: dict[Any, Any]
    items: list[Any]
    kind: _Kind
    flag: bool = True
    ratio: float = 0.1
    none: None = None


@pytest.mark.parametrize(
    "value",
    [
        _Odd(
            _One((1, 2.5, "é", None)),
            _Empty(),
            {1: _One("x"), _Kind.A: [True, 1e300], "s": {}},
            [_One(_One(3)), (), [[]]],
            _Kind.A,
        ),
        [_Empty(), {"a": (_One(-0.0),)}],
        "plain",
    ],
)
def test_odd_values_dump_as_before(value: Any) -> None:
    _same(value)
