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
