"""Reading the identity part of an SOP (nomor, judul, dates, pengesahan, lists).

Two forms:

* exact — our own Identitas sheet: labels in column A, the value in column B
  exactly as stored; a list heading followed by rows "1." | item;
* typed — whatever offices write: "Nomor SOP | : | 096/MB/2023",
  "NOMOR SOP : 096/MB/2023" in one cell, "Disahkan oleh" with jabatan, name,
  pangkat and NIP in one cell, list headings ("DASAR HUKUM :") with numbered
  items below them or inside the same cell, side by side in two columns.

A field already filled is never overwritten, so the caller reads the most
trusted source first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date

from kinerja_desktop.core.dates import parse_tanggal
from kinerja_desktop.core.sop import SopDocument, SopStatus

from ..xlsx.grid import SheetGrid, cell_text
from .labels import (
    STATUS_WORDS,
    YES_WORDS,
    Field,
    field_of_label,
    list_of_heading,
    norm,
)
from .notes import Notes

SkipCell = Callable[[int, int], bool]

_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.)]|[a-zA-Z]\s*[.)]|[-•*–·])\s*")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,3}\s*[.)]?\s*$")
_INLINE_ITEMS = re.compile(r"(?:^|\s)(\d{1,2})\s*[.)]\s+")
_NIP = re.compile(r"NIP\s*[.:]?\s*:?\s*([0-9][0-9 ]{7,}[0-9])", re.IGNORECASE)
_PANGKAT = re.compile(r"\b(pembina|penata|pengatur|juru)\b.*$", re.IGNORECASE | re.DOTALL)
_JABATAN_WORDS = ("camat", "kepala", "sekretaris", "lurah", "bupati", "walikota", "plt", "plh")
_MAX_ITEMS = 100
_REGION_WIDTH = 4

_DATE_FIELDS = {
    Field.TANGGAL_PEMBUATAN: "tanggal_pembuatan",
    Field.TANGGAL_REVISI: "tanggal_revisi",
    Field.TANGGAL_EFEKTIF: "tanggal_efektif",
}
_TEXT_FIELDS: dict[Field, tuple[str, str]] = {
    Field.NOMOR: ("", "nomor"),
    Field.JUDUL: ("", "judul"),
    Field.UNIT: ("", "unit"),
    Field.JABATAN: ("pengesahan", "jabatan"),
    Field.NAMA: ("pengesahan", "nama"),
    Field.PANGKAT: ("pengesahan", "pangkat"),
    Field.NIP: ("pengesahan", "nip"),
    Field.JENIS_KEGIATAN: ("lembar_kerja", "jenis_kegiatan"),
    Field.PJ_PRODUK: ("lembar_kerja", "penanggung_jawab_produk"),
    Field.PJ_KEGIATAN: ("lembar_kerja", "penanggung_jawab_kegiatan"),
    Field.RUANG_LINGKUP: ("lembar_kerja", "ruang_lingkup"),
}


class IdentityReader:
    """Fills one document's identity from one or more grids, first source first."""

    def __init__(self, doc: SopDocument, notes: Notes, exact: bool) -> None:
        self.doc = doc
        self.notes = notes
        self.exact = exact
        self.seen: set[str] = set()  # fields and lists already filled

    # -- scanning -------------------------------------------------------------------
    def read(self, grid: SheetGrid, skip: SkipCell | None = None) -> None:
        for row in range(grid.height):
            # Our own sheet keeps labels in column A only; values never count as labels.
            for col in range(1 if self.exact else len(grid.rows[row])):
                if skip is not None and skip(row, col):
                    continue
                if grid.merge_origin(row, col) != (row, col):
                    continue
                self._cell(grid, row, col)

    def _cell(self, grid: SheetGrid, row: int, col: int) -> None:
        text = grid.text(row, col)
        if not text.strip():
            return
        label, rest = text, None
        if not self.exact and ":" in text:
            head, tail = text.split(":", 1)
            if field_of_label(head) or list_of_heading(head):
                label, rest = head, tail.strip()
        if (field := field_of_label(label)) is not None:
            if field.value not in self.seen:
                if rest:
                    value: object = rest
                elif field is Field.DISAHKAN and not self.exact:
                    value = self._value_block(grid, row, col)
                else:
                    value = self._value_right(grid, row, col)
                self._set_field(field, value)
        elif (attr := list_of_heading(label)) is not None and attr not in self.seen:
            self._set_list(attr, self._list_items(grid, row, col, rest))

    def _value_col(self, grid: SheetGrid, row: int, col: int) -> int | None:
        """The first cell right of a label that holds its value (not ":", not the label)."""
        for c in range(col + 1, len(grid.rows[row])):
            if grid.merge_origin(row, c)[1] == col:
                continue  # the label's own merged area
            text = grid.text(row, c).strip()
            if text in ("", ":"):
                continue
            if field_of_label(text) or list_of_heading(text):
                return None
            return c
        return None

    def _value_right(self, grid: SheetGrid, row: int, col: int) -> object:
        if self.exact:
            return grid.value(row, col + 1)
        c = self._value_col(grid, row, col)
        if c is None:
            return None
        value = grid.value(row, c)
        return grid.text(row, c).strip().lstrip(":").strip() if isinstance(value, str) else value

    def _value_block(self, grid: SheetGrid, row: int, col: int) -> str:
        """The value right of the label and the lines typed below it (a signature block)."""
        value_col = self._value_col(grid, row, col)
        if value_col is None:
            return ""
        lines = [_plain(self._value_right(grid, row, col))]
        for r in range(row + 1, min(grid.height, row + 8)):
            if grid.text(r, col).strip():
                break
            text = grid.text(r, value_col).strip()
            if text and not grid.is_from_above(r, value_col):
                lines.append(text)
        return "\n".join(lines)

    # -- single fields ------------------------------------------------------------------
    def _text(self, value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value if self.exact else " ".join(value.split())
        return _plain(value)

    def _set_field(self, field: Field, value: object) -> None:
        self.seen.add(field.value)
        if field in _DATE_FIELDS:
            setattr(self.doc, _DATE_FIELDS[field], self._date(field, value))
        elif field is Field.STATUS:
            self._status(value)
        elif field is Field.REVISI_KE:
            self._revisi(value)
        elif field is Field.CETAK_LK:
            self.doc.lembar_kerja.cetak = norm(value) in YES_WORDS
        elif field is Field.DISAHKAN:
            self._disahkan(self._text_raw(value))
        elif field is Field.NIP:
            self._nip(value)
        else:
            owner, attr = _TEXT_FIELDS[field]
            target = getattr(self.doc, owner) if owner else self.doc
            setattr(target, attr, self._text(value))

    def _text_raw(self, value: object) -> str:
        return value if isinstance(value, str) else self._text(value)

    def _date(self, field: Field, value: object) -> date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        parsed = parse_tanggal(value) if isinstance(value, str | date) else None
        if parsed is None:
            self.notes.masalah(f"Tanggal '{_plain(value)}' ({field.value}) tidak dimengerti.")
        return parsed

    def _status(self, value: object) -> None:
        word = STATUS_WORDS.get(norm(value))
        if word is None and norm(value):
            self.notes.ragu(f"Status '{_plain(value)}' tidak dikenal; dianggap Draf.")
        self.doc.status = SopStatus(word or "draf")

    def _revisi(self, value: object) -> None:
        text = _plain(value).strip()
        if not text:
            return
        try:
            self.doc.revisi_ke = int(float(text.replace(",", ".")))
        except ValueError:
            self.notes.ragu(f"Revisi ke '{text}' bukan angka; dianggap 0.")

    def _nip(self, value: object) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.notes.ragu(
                "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa hilang; "
                "periksa NIP pengesahan."
            )
            value = f"{int(value)}"
        text = self._text(value)
        self.doc.pengesahan.nip = text if self.exact else text.replace(" ", "")

    def _disahkan(self, text: str) -> None:
        """'CAMAT MASAMA, NAMA, S.Pd. Pembina, IV/a NIP 1968…' in one cell, split up."""
        p = self.doc.pengesahan
        if m := _NIP.search(text):
            p.nip = p.nip or m.group(1).replace(" ", "")
            text = text[: m.start()] + text[m.end() :]
        if m := _PANGKAT.search(text):
            p.pangkat = p.pangkat or " ".join(m.group(0).split()).strip(" ,")
            text = text[: m.start()]
        parts = [s.strip(" ,") for s in re.split(r"\n|,(?=\s*[A-Z]{2,}\b)", text) if s.strip(" ,")]
        if parts and norm(parts[0]).startswith(_JABATAN_WORDS):
            p.jabatan = p.jabatan or parts.pop(0)
        if parts:
            p.nama = p.nama or ", ".join(parts)
        self.notes.ragu(
            "Data pengesahan dibaca dari satu sel 'Disahkan oleh'; periksa jabatan, nama, "
            "pangkat dan NIP."
        )

    # -- lists --------------------------------------------------------------------------
    def _set_list(self, attr: str, items: list[str]) -> None:
        self.seen.add(attr)
        setattr(self.doc, attr, items)

    def _list_items(self, grid: SheetGrid, row: int, col: int, inline: str | None) -> list[str]:
        if self.exact:
            return _exact_items(grid, row, col)
        items = _split_items(inline) if inline else []
        right = _region_end(grid, row, col)
        for c in range(col + 1, right):  # items typed beside the heading
            text = grid.text(row, c).strip()
            if text and text != ":" and grid.merge_origin(row, c) == (row, c):
                items.extend(_split_items(text.lstrip(":")))
        blank_run = 0
        for r in range(row + 1, min(grid.height, row + 1 + _MAX_ITEMS)):
            texts = [grid.text(r, c).strip() for c in range(col, right) if grid.text(r, c).strip()]
            if any(field_of_label(t) or list_of_heading(t.split(":")[0]) for t in texts):
                break
            if not texts:
                blank_run += 1
                if items or blank_run > 1:
                    break
                continue
            blank_run = 0
            words = [t for t in texts if not _NUMBER_ONLY.match(t)]
            if words:
                items.extend(_split_items(words[0]))
        return [i for i in items if i]


def _plain(value: object) -> str:
    return cell_text(value)


def _exact_items(grid: SheetGrid, row: int, col: int) -> list[str]:
    items = []
    for r in range(row + 1, grid.height):
        if not _NUMBER_ONLY.match(grid.text(r, col)):
            break
        items.append(grid.text(r, col + 1))
    return items


def _region_end(grid: SheetGrid, row: int, col: int) -> int:
    """A list's items lie from its heading's column up to the next heading on the same row."""
    for c in range(col + 1, min(col + _REGION_WIDTH, len(grid.rows[row]))):
        text = grid.text(row, c)
        if grid.merge_origin(row, c) == (row, c) and list_of_heading(text.split(":")[0]):
            return c
    return col + _REGION_WIDTH


def _split_items(text: str) -> list[str]:
    """'1. PP …\\n2. Perda …' or '1. PP … 2. Perda …' → the items without their numbers."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) == 1:
        starts = [m.start(1) for m in _INLINE_ITEMS.finditer(lines[0])]
        if len(starts) > 1:
            bounds = [*starts, len(lines[0])]
            lines = [lines[0][a:b] for a, b in itertools.pairwise(bounds)]
    return [" ".join(_ITEM_NUMBER.sub("", ln, count=1).split()) for ln in lines]


_KOP_START = re.compile(r"^\s*pemerintah\b", re.IGNORECASE)
_MAX_KOP_LINES = 5


def _is_kop_line(text: str) -> bool:
    return bool(text) and text == text.upper() and not norm(text).startswith("sop")


def read_kop(grid: SheetGrid, above_row: int) -> list[str]:
    """Heading lines above the table ("PEMERINTAH KABUPATEN …", "KECAMATAN …")."""
    for row in range(min(above_row, grid.height)):
        for col in range(len(grid.rows[row])):
            text = grid.text(row, col).strip()
            if not _KOP_START.match(text) or grid.merge_origin(row, col) != (row, col):
                continue
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            for r in range(row + 1, above_row):
                below = grid.text(r, col).strip()
                if grid.is_from_above(r, col) or not _is_kop_line(below):
                    break
                if field_of_label(below) or list_of_heading(below.split(":")[0]):
                    break
                lines.extend(ln.strip() for ln in below.splitlines() if ln.strip())
            return lines[:_MAX_KOP_LINES]
    return []
