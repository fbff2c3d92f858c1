"""Shared helpers of the data-kinerja tests: a demo database, a round's forms
written to a folder, and filling a form the way a spreadsheet saves it."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl

from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.session import Session, open_session

PERIODE = "2026-TW3"
TENGGAT = date(2026, 10, 10)


class Clock:
    """A settable clock for services (never the system date in data)."""

    def __init__(self, now: datetime = datetime(2026, 10, 1, 9, 0)) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def demo_session(tmp_path: Path) -> Session:
    return open_session(tmp_path / "kinerja.db", create=True, demo_if_new=True)


def write_round(session: Session, folder: Path, periode: str = PERIODE, **kw) -> dict[str, Path]:
    """The round's forms written into `folder`: {unit name: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    written = KinerjaRoundService(session).write_forms(periode, folder, tenggat=TENGGAT, **kw)
    return {w.unit: w.path for w in written}


def fill(
    path: Path,
    cells: dict[str, object],
    out: Path | None = None,
    sheet: str = "Formulir",
    edit: Callable | None = None,
) -> Path:
    """Type values into a form (openpyxl, keeping everything else) and save it to `out`."""
    out = out or path
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
        if isinstance(value, str) and value.startswith("="):
            ws[ref].data_type = "f"
    if edit is not None:
        edit(wb)
    wb.save(out)
    return out


def copy(path: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or path.name)
    shutil.copyfile(path, target)
    return target


def rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes], out: Path) -> Path:
    """Copy an .xlsx with one zip member rewritten (as another program would save it)."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = change(data)
            dst.writestr(info.filename, data)
    return out


def value_rows(session: Session) -> list[tuple]:
    """Every value row (the data a refused file must leave as it was)."""
    conn = sqlite3.connect(session.path)
    try:
        return conn.execute("SELECT * FROM kinerja_value ORDER BY id").fetchall()
    finally:
        conn.close()


def preview_and_apply(session: Session, paths: list[Path], clock: Clock | None = None):
    service = KinerjaImportService(session, clock or Clock())
    preview = service.preview(paths)
    return preview, service.apply(preview)


def set_saved_time(path: Path, when: datetime) -> Path:
    """Give a form the "last saved" time a spreadsheet program would write."""
    import re

    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    tmp = path.with_suffix(".tmp.xlsx")
    rewrite_part(
        path,
        "docProps/core.xml",
        lambda d: re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, d),
        tmp,
    )
    tmp.replace(path)
    return path
