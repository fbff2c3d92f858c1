"""Who signs a printed SOP, where and when: the rules every sheet of it follows.

The flowchart's signature block, the Lembar Kerja's and the screen's preview
of the flowchart all take the date, the town and the office from here, so a
printed sheet and what the user saw before printing never disagree.
"""

from __future__ import annotations

from datetime import date

from ..office import OfficeProfile
from .document import SopDocument


def signing_date(doc: SopDocument, asked: date | None = None, *, today: date | None = None) -> date:
    """The date under the signature: the one `asked` for, else the day the SOP was
    ratified (tanggal efektif, else revisi, else pembuatan), else `today`."""
    for value in (asked, doc.tanggal_efektif, doc.tanggal_revisi, doc.tanggal_pembuatan):
        if value is not None:
            return value
    return today or date.today()


def signing_town(doc: SopDocument, office: OfficeProfile) -> str:
    """The town before the date: the office's own, but none for an SOP printed
    under another office's heading (`doc.kop`), whose town is not known."""
    if any(line.strip() for line in doc.kop):
        return ""
    return office.kota_ttd.strip()


def office_name(doc: SopDocument, office: OfficeProfile) -> str:
    """The office an SOP belongs to: its own kop below the government line, else ours."""
    kop = [line.strip() for line in doc.kop if line.strip()]
    if kop:
        return " ".join(kop[1:]) or kop[0]
    return office.nama_kantor
