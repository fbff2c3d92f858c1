"""Reading a returned Format Permintaan Data into plain values, nothing judged yet.

The file is checked by the foundation first (`check_workbook_file`: size,
zip caps, DTDs, renamed .xls/.csv/.pdf, encrypted files), then its two
sheets are read with `xlsxml` (values, formulas, formats, merges). What
comes out is a `ReturnedForm`: the metadata as written, and for every row
the metadata names, the cells as the spreadsheet saved them. Structural
damage the reader can see on its own (missing sheets or metadata, merged
input cells, rows added after the last indicator, renamed headers) is
reported as `FormProblem`s; comparing with the database — round, unit,
checksum, existing values — is the service's job.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ...core.errors import FileFormatError
from ...core.kinerja.forms import APP_MARK, FormIdentity, FormProblem
from ..xlsx.safety import check_workbook_file, fail
from . import layout
from .xlsxml import Cell, CellError, Sheet, XlsxLimitError, address, open_workbook

NOT_A_FORM = (
    "ini bukan Format Permintaan Data dari Kinerja Desktop (lembar 'Meta' tidak ada). "
    "Minta unit memakai formulir yang dikirim Kasubag Perencanaan."
)


@dataclass
class ReadRow:
    """The cells of one indicator row, as saved."""

    row: int
    indicator_id: int
    no: object
    kode: object
    nama: object
    satuan: object
    target: object
    realisasi: Cell | None
    keterangan: Cell | None
    bukti: Cell | None


@dataclass
class ReturnedForm:
    path: Path
    file_hash: str
    filled_at: datetime | None  # the file's own "modified" time, else its file time
    identity: FormIdentity | None
    checksum: str
    rows: list[ReadRow] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    warnings: list[FormProblem] = field(default_factory=list)
    # Rows after the last indicator: reported only when the locked cells are intact
    # (a deleted row also moves the signature block up; the locked cells say it better).
    trailing: list[FormProblem] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return self.path.name


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _int(value: object) -> int | None:
    text = _text(value)
    return int(text) if text.isdigit() and len(text) < 19 else None


def _meta(sheet: Sheet) -> tuple[dict[str, str], list[tuple[int, int]], list[FormProblem]]:
    problems: list[FormProblem] = []
    meta = {}
    for row, key in enumerate(layout.META_KEYS, 1):
        if _text(sheet.value(row, 1)) != key:
            problems.append(
                FormProblem(
                    f"metadata formulir rusak: baris {row} seharusnya '{key}'.",
                    layout.META_SHEET,
                    address(row, 1),
                )
            )
            break
        meta[key] = _text(sheet.value(row, 2))
    rows: list[tuple[int, int]] = []
    count = _int(meta.get("jumlah_indikator")) or 0
    for i in range(layout.META_ROWS_HEADER + 1, layout.META_ROWS_HEADER + 1 + min(count, 5000)):
        row_no, ind = _int(sheet.value(i, 1)), _int(sheet.value(i, 2))
        if row_no is None or ind is None:
            problems.append(
                FormProblem(
                    "metadata formulir rusak: daftar indikator tidak utuh.",
                    layout.META_SHEET,
                    address(i, 1),
                )
            )
            break
        rows.append((row_no, ind))
    return meta, rows, problems


def _identity(meta: dict[str, str]) -> FormIdentity | None:
    round_id, unit_id = _int(meta.get("putaran_id")), _int(meta.get("unit_id"))
    version = _int(meta.get("versi_formulir"))
    if round_id is None or unit_id is None or version is None:
        return None
    return FormIdentity(
        meta.get("kecamatan_id", ""),
        meta.get("kecamatan", ""),
        round_id,
        meta.get("periode", ""),
        unit_id,
        meta.get("unit", ""),
        version,
    )


def _structure(sheet: Sheet, rows: list[tuple[int, int]], form: ReturnedForm) -> None:
    for col, (label, _w) in enumerate(layout.HEADERS, 1):
        if _text(sheet.value(layout.HEADER_ROW, col)) != label:
            form.problems.append(
                FormProblem(
                    f"judul kolom diubah (seharusnya '{label}'): kolom disisipkan, dihapus atau "
                    "dipindah.",
                    layout.FORM_SHEET,
                    address(layout.HEADER_ROW, col),
                )
            )
            break
    if not rows:
        return
    first, last = rows[0][0], rows[-1][0]
    for r0, c0, r1, c1 in sheet.merges:
        if r1 >= first and r0 <= last:
            form.problems.append(
                FormProblem(
                    "sel digabung (merge) di baris indikator; pisahkan lagi sel-selnya.",
                    layout.FORM_SHEET,
                    f"{address(r0, c0)}:{address(r1, c1)}",
                )
            )
    for row in range(last + 1, last + 1 + layout.TRAILING_BLANK_ROWS):
        for col in range(1, layout.LAST_COL + 1):
            if _text(sheet.value(row, col)):
                form.trailing.append(
                    FormProblem(
                        "baris tambahan di bawah indikator terakhir; formulir tidak boleh "
                        "ditambah baris.",
                        layout.FORM_SHEET,
                        address(row, col),
                    )
                )
                return
    extra = sorted((r, c) for r, c in sheet.cells if first <= r <= last and c > layout.LAST_COL)
    if extra:
        r, c = extra[0]
        form.warnings.append(
            FormProblem(
                f"isi di luar kolom formulir diabaikan ({len(extra)} sel).",
                layout.FORM_SHEET,
                address(r, c),
                "peringatan",
            )
        )


def _rows(sheet: Sheet, rows: list[tuple[int, int]]) -> list[ReadRow]:
    cells = sheet.cells
    return [
        ReadRow(
            row,
            ind,
            sheet.value(row, layout.COL_NO),
            sheet.value(row, layout.COL_KODE),
            sheet.value(row, layout.COL_NAMA),
            sheet.value(row, layout.COL_SATUAN),
            sheet.value(row, layout.COL_TARGET),
            cells.get((row, layout.COL_REALISASI)),
            cells.get((row, layout.COL_KETERANGAN)),
            cells.get((row, layout.COL_BUKTI)),
        )
        for row, ind in rows
    ]


def _file_time(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def read_returned_form(path: Path) -> ReturnedForm:
    """Read one returned form; FileFormatError (one Indonesian message) for a bad file."""
    path = Path(path)
    check_workbook_file(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _read(path, digest, zf)
    except XlsxLimitError as exc:
        raise fail(path, str(exc)) from exc
    except FileFormatError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError) as exc:
        raise fail(path, "isi file rusak atau tidak dikenali.", repr(exc)) from exc
    except Exception as exc:  # expat and zlib errors have no common base
        if type(exc).__name__ in ("ExpatError", "error", "BadGzipFile"):
            raise fail(path, "isi file rusak (XML di dalamnya tidak sah).", repr(exc)) from exc
        raise


def _read(path: Path, digest: str, zf: zipfile.ZipFile) -> ReturnedForm:
    wb = open_workbook(zf)
    if layout.META_SHEET not in wb.sheet_names:
        raise fail(path, NOT_A_FORM)
    meta_sheet = wb.sheet(layout.META_SHEET)
    assert meta_sheet is not None
    meta, rows, problems = _meta(meta_sheet)
    if meta.get("aplikasi") != APP_MARK:
        raise fail(
            path,
            "metadata formulir tidak dikenal atau dipalsukan; ini bukan Format Permintaan "
            "Data dari Kinerja Desktop.",
        )
    form = ReturnedForm(
        path,
        digest,
        wb.modified or _file_time(path),
        _identity(meta),
        meta.get("checksum", ""),
        problems=problems,
    )
    if form.identity is None:
        form.problems.append(
            FormProblem("metadata formulir tidak lengkap (putaran/unit).", layout.META_SHEET)
        )
    sheet = wb.sheet(layout.FORM_SHEET)
    if sheet is None:
        form.problems.append(
            FormProblem(
                f"lembar '{layout.FORM_SHEET}' tidak ada: lembar itu diganti nama atau dihapus. "
                "Kembalikan nama lembarnya atau pakai formulir baru.",
                layout.FORM_SHEET,
            )
        )
        return form
    if sheet.dropped:
        form.warnings.append(
            FormProblem(
                f"{sheet.dropped} sel di luar batas lembar diabaikan.",
                layout.FORM_SHEET,
                level="peringatan",
            )
        )
    _structure(sheet, rows, form)
    form.rows = _rows(sheet, rows)
    return form


def is_error(value: object) -> bool:
    return isinstance(value, CellError)
