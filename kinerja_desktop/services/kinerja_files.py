"""Which data-kinerja workbook a file is, told cheaply (for files dropped on the window).

`workbook_kind(path)` looks only at the sheet list: a Format Permintaan Data
carries a "Meta" sheet, a plan workbook the sheets Renstra, Struktur and
Indikator. Anything else — an SOP workbook, a damaged or foreign file — is
None, so it keeps going to the import that reads it. `folder_kind` says the
same of a folder (the first recognised .xlsx in it). Nothing is judged here:
the import's preview does every check.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..core.errors import KinerjaError
from ..exchange.kinerja_xlsx import layout
from ..exchange.kinerja_xlsx.plan_book import S_INDIKATOR, S_RENSTRA, S_STRUKTUR
from ..exchange.kinerja_xlsx.xlsxml import open_workbook
from ..exchange.xlsx.safety import check_workbook_file

FORMULIR = "formulir"
RENCANA = "rencana"
MAX_FOLDER_FILES = 200  # files looked at in one dropped folder


def workbook_kind(path: Path) -> str | None:
    """FORMULIR, RENCANA or None (not a data-kinerja workbook, or unreadable)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx" or path.name.startswith(("~$", ".~lock")):
        return None
    try:
        check_workbook_file(path)
        with zipfile.ZipFile(path) as zf:
            names = set(open_workbook(zf).sheet_names)
    except (KinerjaError, OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError):
        return None
    except Exception as exc:  # expat errors have no common base
        if type(exc).__name__ == "ExpatError":
            return None
        raise
    if layout.META_SHEET in names:
        return FORMULIR
    if {S_RENSTRA, S_STRUKTUR, S_INDIKATOR} <= names:
        return RENCANA
    return None


def folder_kind(folder: Path) -> str | None:
    """The kind of the first recognised workbook directly in `folder` (None: none)."""
    try:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() == ".xlsx")
    except OSError:
        return None
    for path in files[:MAX_FOLDER_FILES]:
        kind = workbook_kind(path)
        if kind is not None:
            return kind
    return None
