"""A collection round and its request forms, as the domain sees them.

A round is one period with a deadline. For each unit it issues one form
whose locked content — kecamatan, round, unit, form version, and per row the
indicator id, kode, name, satuan and target — is summarised in a SHA-256
checksum over a canonical text (`form_checksum`). The checksum is written into
the form's metadata sheet and kept in the database with the issued rows; a
returned form is recognised by its metadata and trusted only when the checksum
recomputed from its cells matches both. Hiding the metadata sheet is a
courtesy, not a protection (LibreOffice un-very-hides sheets).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from .periods import Period
from .values import canonical_number

FORM_VERSION = 1
APP_MARK = "Kinerja Desktop — Format Permintaan Data"


@dataclass
class Round:
    periode: Period
    tenggat: date | None = None
    catatan: str = ""
    dibuat: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class FormRow:
    """One locked row of a form: which indicator, and what the unit sees of it."""

    indicator_id: int
    kode: str
    nama: str
    satuan: str
    target_nilai: float | None
    target_teks: str = ""  # the scale label, or "" for numbers
    row: int = 0  # the worksheet row (1-based)

    @property
    def target_canonical(self) -> str:
        return self.target_teks or canonical_number(self.target_nilai)


@dataclass(frozen=True)
class FormIdentity:
    kecamatan_id: str
    kecamatan: str
    round_id: int
    periode: str
    unit_id: int
    unit: str
    form_version: int = FORM_VERSION


@dataclass
class IssuedForm:
    """A form as written: identity, rows, checksum (kept in the database)."""

    identity: FormIdentity
    rows: list[FormRow]
    checksum: str = ""
    dibuat: datetime | None = None
    tenggat: date | None = None
    extra: dict[str, str] = field(default_factory=dict)
    id: int | None = None


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def form_checksum(identity: FormIdentity, rows: list[FormRow]) -> str:
    """SHA-256 over the canonical text of the locked content."""
    canonical = json.dumps(
        [
            identity.kecamatan_id,
            identity.round_id,
            identity.periode,
            identity.unit_id,
            identity.form_version,
            [
                [
                    r.indicator_id,
                    _clean(r.kode),
                    _clean(r.nama),
                    _clean(r.satuan),
                    r.target_canonical,
                ]
                for r in rows
            ],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def rows_to_json(rows: list[FormRow]) -> str:
    return json.dumps(
        [
            [r.indicator_id, r.kode, r.nama, r.satuan, r.target_nilai, r.target_teks, r.row]
            for r in rows
        ],
        ensure_ascii=False,
    )


def rows_from_json(text: str) -> list[FormRow]:
    return [FormRow(int(a), b, c, d, e, f, int(g)) for a, b, c, d, e, f, g in json.loads(text)]


MASALAH = "masalah"  # the file cannot be applied
PERINGATAN = "peringatan"  # applied, but the user should look


@dataclass(frozen=True)
class FormProblem:
    """One finding about a returned form, with where it is (sheet and cell, when known)."""

    message: str
    sheet: str = ""
    cell: str = ""
    level: str = MASALAH

    @property
    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.cell

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message
