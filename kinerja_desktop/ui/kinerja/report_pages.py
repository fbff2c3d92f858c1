"""The second half of the "Data Kinerja" section: Validasi ("kinerja.validasi"),
Perbaikan ("kinerja.perbaikan") and Laporan ("kinerja.laporan"), as
`pages.PageSpec` rows registered like the section's other pages:

    self.kinerja = KinerjaPages(self, [*PAGES, *REPORT_PAGES])   # MainWindow.__init__

so each is a navigation page built on first show, an entry of the Data
Kinerja menu, kept current by the window's change notices (`on_change`) and
reached with `window.kinerja.show(key)`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .pages import PageContext, PageSpec

# ruff: noqa: PLC0415 (each page's module is imported when the page is first shown)

PAGE_VALIDASI = "kinerja.validasi"
PAGE_PERBAIKAN = "kinerja.perbaikan"
PAGE_LAPORAN = "kinerja.laporan"


def _validasi_page(c: PageContext, parent: QWidget) -> QWidget:
    from .validasi_page import ValidasiPage

    return ValidasiPage(c.session, c.clock, parent)


def _perbaikan_page(c: PageContext, parent: QWidget) -> QWidget:
    from .perbaikan_page import PerbaikanPage

    return PerbaikanPage(c.session, c.settings, c.clock, parent)


def _laporan_page(c: PageContext, parent: QWidget) -> QWidget:
    from .laporan_page import LaporanPage

    return LaporanPage(c.session, c.settings, c.clock, parent)


REPORT_PAGES: list[PageSpec] = [
    PageSpec(
        PAGE_VALIDASI,
        "Validasi",
        "periksa",
        "Kunci nilai yang diterima per unit dan periode",
        _validasi_page,
    ),
    PageSpec(
        PAGE_PERBAIKAN,
        "Perbaikan",
        "ubah",
        "Perbaikan nilai tervalidasi: alasan, bukti, paraf, tanda tangan",
        _perbaikan_page,
    ),
    PageSpec(
        PAGE_LAPORAN,
        "Laporan",
        "cetak",
        "Rekap, Evaluasi Renja, PK, Renstra, Dokumen Perbaikan: PDF dan Excel",
        _laporan_page,
    ),
]
