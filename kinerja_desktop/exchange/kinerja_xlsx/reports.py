"""The data-kinerja reports as workbooks: `write_report_xlsx(report, stamp, path)`.

One module per report (`report_rekap`, `report_evaluasi`, `report_docs`) on
the shared cells and formulas of `report_cells`; totals and capaian are real
formulas, texts never are. Written atomically; returns where the rows of
each indicator and total are (sheet rows), for tests and checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from kinerja_desktop.core.kinerja import laporan
from kinerja_desktop.core.kinerja.laporan import Stamp
from kinerja_desktop.core.kinerja.laporan_io import data_hash

from .report_cells import save, version_sheet
from .report_docs import write_perbaikan, write_pk, write_renstra
from .report_evaluasi import write_evaluasi
from .report_rekap import rekap_sheet, summary_sheet

__all__ = ["write_report_xlsx"]


def _rekap(wb: Workbook, r: Any, stamp: Stamp, digest: str) -> dict[str, int]:
    where = rekap_sheet(wb, r)
    where.update({f"ringkasan|{k}": v for k, v in summary_sheet(wb, r).items()})
    version_sheet(wb, r.jenis, r.periode, stamp, digest)
    return where


_WRITERS = {
    laporan.REKAP: _rekap,
    laporan.EVALUASI: write_evaluasi,
    laporan.PK: write_pk,
    laporan.RENSTRA: write_renstra,
    laporan.PERBAIKAN: write_perbaikan,
}


def write_report_xlsx(report: Any, stamp: Stamp, path: Path) -> dict[str, int]:
    wb = Workbook()
    digest = stamp.data_hash or data_hash(report)
    where = _WRITERS[report.jenis](wb, report, stamp, digest)
    wb.properties.title = f"{laporan.JUDUL[report.jenis]} {report.periode}"
    wb.properties.creator = "Kinerja Desktop"
    save(wb, Path(path))
    return where
