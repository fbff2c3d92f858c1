"""The second half of the "Data Kinerja" section: Validasi ("kinerja.validasi"),
Perbaikan ("kinerja.perbaikan") and Laporan ("kinerja.laporan"), as
`pages.PageSpec` rows registered like the section's other pages:

    self.kinerja = KinerjaPages(self, [*PAGES, *REPORT_PAGES])   # MainWindow.__init__

so each is a navigation page built on first show, an entry of the Data
Kinerja menu, kept current by the window's change notices (`on_change`) and
reached with `window.kinerja.show(key)`.
"""

from __future__ import annotations

from .laporan_page import LaporanPage
from .pages import PageSpec
from .perbaikan_page import PerbaikanPage
from .validasi_page import ValidasiPage

PAGE_VALIDASI = "kinerja.validasi"
PAGE_PERBAIKAN = "kinerja.perbaikan"
PAGE_LAPORAN = "kinerja.laporan"

REPORT_PAGES: list[PageSpec] = [
    PageSpec(
        PAGE_VALIDASI,
        "Validasi",
        "periksa",
        "Kunci nilai yang diterima per unit dan periode",
        lambda c, p: ValidasiPage(c.session, c.clock, p),
    ),
    PageSpec(
        PAGE_PERBAIKAN,
        "Perbaikan",
        "ubah",
        "Perbaikan nilai tervalidasi: alasan, bukti, paraf, tanda tangan",
        lambda c, p: PerbaikanPage(c.session, c.settings, c.clock, p),
    ),
    PageSpec(
        PAGE_LAPORAN,
        "Laporan",
        "cetak",
        "Rekap, Evaluasi Renja, PK, Renstra, Dokumen Perbaikan: PDF dan Excel",
        lambda c, p: LaporanPage(c.session, c.settings, c.clock, p),
    ),
]
