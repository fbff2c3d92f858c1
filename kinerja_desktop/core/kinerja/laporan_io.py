"""Report data as canonical JSON, and back: how a printed report is frozen.

`dump(report)` turns a report dataclass (nested dataclasses, tuples, str,
float, int, bool, None) into plain JSON values; `load(cls, data)` rebuilds
it from its type hints, so a version stored years ago reprints exactly. The
`data_hash` is SHA-256 of the canonical text (sorted keys, no spaces), the
same bytes whatever machine made them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


_LEAVES = frozenset({str, int, float, bool, type(None)})
_DUMPERS: dict[type, Callable[[Any], Any]] = {}


def dump(obj: Any) -> Any:
    """Plain JSON values of a report (dataclasses → dicts, tuples → lists).

    One dumper per class, made once (for a dataclass a compiled function
    reading its fields); str, int, float, bool and None are taken as they
    are without a call. The values are exactly those of the plain recursive walk
    (`tests/test_laporan_io.py` keeps it as the reference), so the canonical
    text and the hash of a report never change."""
    kind = type(obj)
    if kind in _LEAVES:
        return obj
    dumper = _DUMPERS.get(kind)
    if dumper is None:
        dumper = _DUMPERS[kind] = _dumper_for(kind)
    return dumper(obj)


def _same(obj: Any) -> Any:
    return obj


def _dumper_for(kind: type) -> Callable[[Any], Any]:
    leaves = _LEAVES
    if dataclasses.is_dataclass(kind):
        return _fields_dumper(tuple(f.name for f in dataclasses.fields(kind)))
    if issubclass(kind, tuple | list):
        return lambda obj: [v if type(v) in leaves else dump(v) for v in obj]
    if issubclass(kind, dict):
        return lambda obj: {
            k if type(k) is str else str(k): v if type(v) in leaves else dump(v)
            for k, v in obj.items()
        }
    return _same


def _fields_dumper(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """`lambda obj: {"a": <obj.a dumped>, ...}` for a dataclass's fields, compiled
    once (as `dataclasses` makes its `__init__`): a third quicker than a loop.
    Field names are identifiers and never keywords (`dataclasses` refuses others)."""
    body = ", ".join(f"{n!r}: (v if type(v := obj.{n}) in leaves else dump(v))" for n in names)
    scope = {"leaves": _LEAVES, "dump": dump}
    exec(f"def fields_of(obj):\n    return {{{body}}}\n", scope)
    return scope["fields_of"]


def canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def data_hash(obj: Any) -> str:
    """SHA-256 of the canonical JSON of a report (a dataclass or its dump)."""
    data = dump(obj) if dataclasses.is_dataclass(obj) else obj
    return text_hash(canonical(data))


def text_hash(text: str) -> str:
    """SHA-256 of a canonical text already made (`data_hash` without a second `canonical`)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _convert(kind: Any, value: Any) -> Any:  # noqa: PLR0911 - one return per kind of type
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in get_args(kind) if a is not type(None)]
        return _convert(options[0], value)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        key_type, value_type = get_args(kind)
        return {_convert(key_type, k): _convert(value_type, v) for k, v in value.items()}
    if dataclasses.is_dataclass(kind):
        return load(kind, value)
    if kind is float and isinstance(value, int):
        return float(value)
    if kind is int and isinstance(value, str):
        return int(value)
    if kind is typing.Any:
        return value
    return value


def load(cls: type[T], data: dict[str, Any]) -> T:
    """The report `cls` from `dump`'s output (unknown keys ignored, missing ones default)."""
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**values)
