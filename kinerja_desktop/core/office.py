"""The office: its profile, its units and its staff.

Names vary per Kecamatan and are never hard-coded: everything printed in a
heading or a signature line comes from these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PaperSize(StrEnum):
    A4 = "A4"
    F4 = "F4"


class UnitKind(StrEnum):
    """The kinds of unit that deliver data in the performance cycle."""

    SEKRETARIAT = "sekretariat"
    SEKSI = "seksi"
    KELURAHAN = "kelurahan"
    DESA = "desa"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Pangkat and golongan of civil servants (PNS), as printed under a signature.
PANGKAT_GOLONGAN: tuple[str, ...] = (
    "Juru Muda, I/a",
    "Juru Muda Tk. I, I/b",
    "Juru, I/c",
    "Juru Tk. I, I/d",
    "Pengatur Muda, II/a",
    "Pengatur Muda Tk. I, II/b",
    "Pengatur, II/c",
    "Pengatur Tk. I, II/d",
    "Penata Muda, III/a",
    "Penata Muda Tk. I, III/b",
    "Penata, III/c",
    "Penata Tk. I, III/d",
    "Pembina, IV/a",
    "Pembina Tk. I, IV/b",
    "Pembina Utama Muda, IV/c",
    "Pembina Utama Madya, IV/d",
    "Pembina Utama, IV/e",
)

# The units a Kecamatan usually has, offered by the first-run wizard.
USUAL_UNITS: tuple[str, ...] = (
    "Sekretariat",
    "Seksi Pemerintahan",
    "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Pemberdayaan Masyarakat dan Desa",
    "Seksi Kesejahteraan Sosial",
    "Seksi Pelayanan Umum",
)


class SignerRole(StrEnum):
    """The office's signers named in the profile: the Camat signs (pengesahan),
    the Sekretaris Camat initials (paraf) and signs on the Camat's behalf."""

    CAMAT = "camat"
    SEKRETARIS = "sekretaris"

    @property
    def label(self) -> str:
        return "Camat" if self is SignerRole.CAMAT else "Sekretaris Camat"


def guess_unit_kind(nama: str) -> UnitKind:
    """The kind a unit's name says ("Kelurahan Sungai Sipai" -> KELURAHAN)."""
    first = nama.strip().split(" ", 1)[0].casefold()
    for kind in (UnitKind.SEKRETARIAT, UnitKind.SEKSI, UnitKind.KELURAHAN, UnitKind.DESA):
        if first == kind.value:
            return kind
    return UnitKind.LAINNYA


@dataclass
class OfficeProfile:
    """The heading of every printed sheet and the town of every signature line.

    `pemerintah` is printed as written ("PEMERINTAH KABUPATEN BANGGAI");
    `nama_kantor` likewise ("KECAMATAN MASAMA").
    """

    pemerintah: str = ""
    nama_kantor: str = ""
    alamat: str = ""
    kota_ttd: str = ""  # town in signature lines: "Masama, 16 Februari 2026"
    logo_png: bytes | None = None
    kertas: PaperSize = PaperSize.F4
    jam_kerja_per_hari: float = 8.0  # used to add up "1 Hari" with "30 menit"


@dataclass
class Unit:
    """A Sekretariat, Seksi or Kelurahan of the office."""

    nama: str
    jenis: UnitKind = UnitKind.SEKSI
    urutan: int = 0
    id: int | None = None


@dataclass
class Staff:
    """A member of staff who may sign or be named as penanggung jawab.

    `nama` carries the titles as they are printed ("Drs. H. Ahmad, M.Si");
    `nip` is the bare 18 digits (see core.nip); `pangkat` is "Pembina Tk. I, IV/b".
    """

    nama: str
    nip: str = ""
    pangkat: str = ""
    jabatan: str = ""
    unit_id: int | None = None
    aktif: bool = True
    id: int | None = None
    catatan: str = field(default="", compare=False)
