"""Who signs a printed SOP, where and when: the rules every sheet of it follows.

The flowchart's signature block, the Lembar Kerja's and the screen's preview
of the flowchart all take the date, the town and the office from here, so a
printed sheet and what the user saw before printing never disagree. Whose
heading an SOP prints under (`kop_is_own`) decides the logo and the town too.
"""

from __future__ import annotations

import re
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


BLANK_TOWN = "...................."  # the town left to fill in by hand
_ABBREVIATIONS = {
    "kab.": "kabupaten",
    "kec.": "kecamatan",
    "kel.": "kelurahan",
    "pemkab": "pemerintah kabupaten",
}
_ADDRESS = re.compile(r"^(jl\.?|jln\.?|jalan|alamat|telp|telepon|tlp|kode pos|e-?mail|website)\b")
_PLACE = re.compile(r"^(kecamatan|kelurahan|desa|distrik)\s+(.+)$")


def _norm(text: str) -> str:
    """A heading line compared as words: case, spacing, stops and abbreviations aside."""
    words = []
    for word in " ".join(text.split()).casefold().split(" "):
        words.append(_ABBREVIATIONS.get(word, word))
    return " ".join(words).strip(" .,:;")


def kop_is_own(doc: SopDocument, office: OfficeProfile) -> bool:
    """True when the SOP prints under this office's own heading: no kop, or a kop
    whose lines are the profile's government and office (and its address, or
    any address line), as a typed table usually repeats them."""
    lines = [_norm(x) for x in doc.kop if x.strip()]
    if not lines:
        return True
    own = {_norm(office.pemerintah), _norm(office.nama_kantor), _norm(office.alamat)} - {""}
    names = [x for x in lines if not _ADDRESS.match(x)]
    return bool(names) and all(x in own for x in names)


def kop_town(kop: list[str]) -> str:
    """The town another office signs at, where its kop names it (the Kecamatan,
    Kelurahan or Desa line: "KECAMATAN MARTAPURA BARAT" -> "Martapura Barat")."""
    for line in reversed([x for x in kop if x.strip()]):
        found = _PLACE.match(_norm(line))
        if found:
            return found.group(2).title()
    return ""


def signing_town(doc: SopDocument, office: OfficeProfile) -> str:
    """The town before the date: the office's own under its own heading; under
    another office's kop the town that kop names, else a blank to fill by hand."""
    if kop_is_own(doc, office):
        return office.kota_ttd.strip()
    return kop_town(doc.kop) or BLANK_TOWN


def office_name(doc: SopDocument, office: OfficeProfile) -> str:
    """The office an SOP belongs to: ours under our own heading, else its own kop
    below the government line."""
    kop = [line.strip() for line in doc.kop if line.strip()]
    if kop and not kop_is_own(doc, office):
        return " ".join(kop[1:]) or kop[0]
    return office.nama_kantor


def draft_reasons(doc: SopDocument) -> list[str]:
    """Why the sheets of `doc` cannot be signed as they are (Indonesian; empty
    when they can): printed so, they carry the DRAF mark."""
    out: list[str] = []
    if not doc.nomor.strip():
        out.append("nomor SOP belum diisi")
    if not doc.pengesahan.nama.strip():
        out.append("nama pejabat yang mengesahkan belum diisi")
    return out
