"""Validation and Perbaikan (correction) of values, as the office's SOP has them.

Validated values are locked. Changing one is a Perbaikan: a reason, an
evidence reference, old and new value, and the steps of the Perbaikan Data
Kinerja SOP as statuses —

    diajukan → diperiksa (Kepala Seksi) → diparaf (Sekretaris) → ditandatangani (Camat)

— or ditolak at any step before the signature. Only the signature makes the
new value current (a new value row of jenis 'perbaikan' replacing the old
one); until then reports show the validated value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ..errors import ValidationError
from .values import number_text

VALID = "valid"  # kinerja_value.status_validasi of a validated (locked) value
BELUM = "belum"


class PerbaikanStatus(StrEnum):
    DIAJUKAN = "diajukan"
    DIPERIKSA = "diperiksa"
    DIPARAF = "diparaf"
    DITANDATANGANI = "ditandatangani"
    DITOLAK = "ditolak"

    @property
    def label(self) -> str:
        return {
            "diajukan": "Diajukan",
            "diperiksa": "Diperiksa Kepala Seksi",
            "diparaf": "Diparaf Sekretaris",
            "ditandatangani": "Ditandatangani Camat",
            "ditolak": "Ditolak",
        }[self.value]

    @property
    def selesai(self) -> bool:
        return self in (PerbaikanStatus.DITANDATANGANI, PerbaikanStatus.DITOLAK)

    @property
    def peran(self) -> str:
        """Who takes the step that reaches this status: kepala_seksi, sekretaris, camat."""
        return {
            "diperiksa": "kepala_seksi",
            "diparaf": "sekretaris",
            "ditandatangani": "camat",
        }.get(self.value, "")


FLOW: tuple[PerbaikanStatus, ...] = (
    PerbaikanStatus.DIAJUKAN,
    PerbaikanStatus.DIPERIKSA,
    PerbaikanStatus.DIPARAF,
    PerbaikanStatus.DITANDATANGANI,
)


def next_status(status: PerbaikanStatus) -> PerbaikanStatus:
    """The step after `status` (ValidationError when the correction is finished)."""
    if status.selesai:
        raise ValidationError(f"Perbaikan sudah {status.label.lower()}; tidak ada langkah lagi.")
    return FLOW[FLOW.index(status) + 1]


def parse_status(text: str) -> PerbaikanStatus:
    key = text.strip().lower()
    for status in PerbaikanStatus:
        if key in (status.value, status.label.lower()):
            return status
    names = ", ".join(s.value for s in PerbaikanStatus)
    raise ValidationError(f"Status '{text}' tidak dikenal; pilih salah satu: {names}.")


@dataclass(frozen=True)
class Nilai:
    """A value as stored: nilai None = not filled in; teks = the scale label."""

    nilai: float | None
    teks: str = ""

    @property
    def shown(self) -> str:
        return self.teks or number_text(self.nilai)


@dataclass(frozen=True)
class Langkah:
    """One step taken: the official (name, jabatan, NIP), who recorded it, when."""

    status: PerbaikanStatus
    pejabat: str
    jabatan: str
    nip: str
    oleh: str
    catatan: str
    at: datetime


@dataclass(frozen=True)
class Sumber:
    """Where the corrected value came from (file, sheet, cell, hash)."""

    file_name: str
    sheet: str
    cell: str
    file_hash: str
    jenis: str

    @property
    def shown(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        digest = f" · #{self.file_hash[:8]}" if self.file_hash else ""
        return f"{self.file_name} {where}".strip() + digest


@dataclass(frozen=True)
class Perbaikan:
    id: int
    value_id: int
    indicator_id: int
    kode: str
    indikator: str
    satuan: str
    unit_id: int
    unit: str
    periode: str
    lama: Nilai
    baru: Nilai
    keterangan_baru: str
    alasan: str
    bukti: str
    status: PerbaikanStatus
    hasil_value_id: int | None
    dibuat_at: datetime
    diubah_at: datetime
    sumber: Sumber
    langkah: tuple[Langkah, ...] = ()

    def step(self, status: PerbaikanStatus) -> Langkah | None:
        return next((s for s in self.langkah if s.status is status), None)


def check_reason(alasan: str, bukti: str) -> tuple[str, str]:
    alasan, bukti = " ".join(alasan.split()), " ".join(bukti.split())
    if not alasan:
        raise ValidationError("Perbaikan memerlukan alasan.")
    if not bukti:
        raise ValidationError(
            "Perbaikan memerlukan rujukan bukti (mis. nomor surat, berkas atau buku register)."
        )
    if len(alasan) > 1000 or len(bukti) > 500:
        raise ValidationError(
            "Alasan (≤ 1000) atau rujukan bukti (≤ 500 karakter) terlalu panjang."
        )
    return alasan, bukti
