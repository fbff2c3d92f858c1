"""The data-kinerja reports as vector PDF, on the generic blocks of `exchange.pdf`.

`write_report_pdf(report, stamp, path, logo=, kertas=)` writes any report of
`core.kinerja.laporan` (Rekap, Evaluasi Renja, Perjanjian Kinerja, Monitoring
Renstra, Dokumen Perbaikan) atomically; every page carries the footer with
the report, its version (or DRAF) and a QR code of report and data hash.
Landscape A4 or F4 (the Perjanjian Kinerja portrait). Returns the page count.

The room: `blocks` (page pieces and pagination), `grid` (spanning tables:
measured), `paint` (their body rows drawn, batched per page), `common`
(styles, kop, signatures, footer), `charts`, and one module per report. The
garbage collector is paused while a report is laid out and drawn
(`output.collection_paused`).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from kinerja_desktop.core.kinerja import laporan
from kinerja_desktop.core.kinerja.laporan import Stamp
from kinerja_desktop.core.kinerja.laporan_io import data_hash

from ..frame import frame_of, settings_for
from ..output import collection_paused
from .blocks import ReportDocument, render
from .common import footer_info, kop_blocks

__all__ = ["write_report_pdf"]


# kind -> (module, function, portrait)
_WRITERS = {
    laporan.REKAP: ("rekap", "rekap_blocks", False),
    laporan.EVALUASI: ("evaluasi", "evaluasi_blocks", False),
    laporan.PK: ("pk", "pk_blocks", True),
    laporan.RENSTRA: ("renstra", "renstra_blocks", False),
    laporan.PERBAIKAN: ("perbaikan", "perbaikan_blocks", False),
}


def period_label(report: Any) -> str:
    """What the footer and the PDF's title call the report's period."""
    if report.jenis == laporan.PK:
        return f"Tahun {report.tahun}"
    if report.jenis == laporan.RENSTRA:
        return report.renstra
    return report.periode_label


def _builder(report: Any):
    module, function, portrait = _WRITERS[report.jenis]
    found = importlib.import_module(f"{__name__}.{module}")
    return getattr(found, function), portrait


def write_report_pdf(
    report: Any, stamp: Stamp, path: Path, *, logo: bytes | None = None, kertas: str = "F4"
) -> int:
    with collection_paused():
        return _write(report, stamp, Path(path), logo, kertas)


def _write(report: Any, stamp: Stamp, path: Path, logo: bytes | None, kertas: str) -> int:
    build, portrait = _builder(report)
    label = period_label(report)
    settings = settings_for(kertas, portrait)
    frame = frame_of(settings)
    digest = stamp.data_hash or data_hash(report)
    blocks = kop_blocks(report.kop, logo, frame) + build(report, frame)
    footer = footer_info(report.jenis, report.periode, label, stamp, digest)
    title = f"{laporan.JUDUL[report.jenis]} {label}".strip()
    doc = ReportDocument(settings, blocks, footer, title, report.kop.nama_kantor)
    return render(doc, path)
