"""How the command line prints: plain tables for people, stable JSON for scripts.

The JSON shapes are documented in the README and kept stable; keys are
Indonesian like the rest of the product.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from kinerja_desktop.core.sop.checker import Finding, Severity
from kinerja_desktop.core.sop.diff import DocumentDiff, FieldChange


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= width:
        return text + " " * (width - _width(text))
    return text[: max(width - 1, 0)] + "…"


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], max_widths: Sequence[int]
) -> None:
    """A left-aligned text table; long cells are cut with an ellipsis."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [
        min(max([_width(h)] + [_width(r[i]) for r in cells]), max_widths[i])
        for i, h in enumerate(headers)
    ]
    print("  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(_fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


SEVERITY_LABEL = {
    Severity.KESALAHAN: "KESALAHAN",
    Severity.PERINGATAN: "peringatan",
    Severity.SARAN: "saran",
}


def finding_to_json(f: Finding) -> dict[str, Any]:
    return {"tingkat": f.severity.value, "kode": f.code, "pesan": f.message, "langkah": f.step}


def count_findings(findings: Sequence[Finding]) -> dict[str, int]:
    return {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}


def print_findings(findings: Sequence[Finding], *, stream=None) -> None:
    """One line per finding: severity, step, message."""
    out = stream or sys.stdout
    for f in findings:
        where = f"langkah {f.step}: " if f.step else ""
        print(f"  [{SEVERITY_LABEL[f.severity]}] {where}{f.message}", file=out)


# -- what an import changes (core.sop.diff) ------------------------------------


def _field_json(f: FieldChange) -> dict[str, Any]:
    return {"isian": f.name, "label": f.label, "lama": f.old, "baru": f.new}


def diff_to_json(diff: DocumentDiff | None) -> dict[str, Any] | None:
    """A DocumentDiff as the `perubahan` of `sop impor --json` (see README)."""
    if diff is None:
        return None
    return {
        "ringkasan": diff.summary(),
        "kosong": diff.is_empty,
        "identitas": [_field_json(f) for f in diff.fields],
        "daftar": [
            {
                "jenis": c.kind.value,
                "daftar": c.list_name,
                "label": c.label,
                "no_lama": c.old_number,
                "no_baru": c.new_number,
                "lama": c.old,
                "baru": c.new,
            }
            for c in diff.items
        ],
        "pelaksana": [
            {
                "jenis": c.kind.value,
                "no_lama": c.old_number,
                "no_baru": c.new_number,
                "lama": c.old_name,
                "baru": c.new_name,
                "pindah": c.moved,
            }
            for c in diff.lanes
        ],
        "langkah": [
            {
                "jenis": c.kind.value,
                "no_lama": c.old_number,
                "no_baru": c.new_number,
                "uraian": c.new_uraian or c.old_uraian,
                "isian": [_field_json(f) for f in c.fields],
                "pindah": c.moved,
            }
            for c in diff.steps
        ],
    }


def _number(old: int | None, new: int | None) -> str:
    if old is not None and new is not None and old != new:
        return f"{old}→{new}"
    return str(new if new is not None else old)


def print_diff(diff: DocumentDiff) -> None:
    """What changed, one line per change (for people)."""
    print(f"Perubahan dibanding SOP tersimpan: {diff.summary()}")
    for f in diff.fields:
        print(f"  {f.label}: '{f.old}' → '{f.new}'")
    for c in diff.items:
        print(
            f"  {c.label} butir {_number(c.old_number, c.new_number)} {c.kind.value}: "
            f"{_short(c.new or c.old)}"
        )
    for c in diff.lanes:
        moved = " (dipindah)" if c.moved else ""
        print(
            f"  Pelaksana {_number(c.old_number, c.new_number)} {c.kind.value}: "
            f"{c.new_name or c.old_name}{moved}"
        )
    for c in diff.steps:
        what = ", ".join(f"{f.label}: '{_short(f.old)}' → '{_short(f.new)}'" for f in c.fields)
        moved = " (dipindah)" if c.moved else ""
        print(
            f"  Langkah {_number(c.old_number, c.new_number)} {c.kind.value}{moved}: "
            f"{_short(c.new_uraian or c.old_uraian)}" + (f" — {what}" if what else "")
        )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
