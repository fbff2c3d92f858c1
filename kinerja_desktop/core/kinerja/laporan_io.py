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
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def dump(obj: Any) -> Any:
    """Plain JSON values of a report (dataclasses → dicts, tuples → lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [dump(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): dump(v) for k, v in obj.items()}
    return obj


def canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def data_hash(obj: Any) -> str:
    """SHA-256 of the canonical JSON of a report (a dataclass or its dump)."""
    data = dump(obj) if dataclasses.is_dataclass(obj) else obj
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


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
