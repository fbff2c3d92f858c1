"""What each printed report shows, as plain data: built by the services from
the plan and the values, written by `exchange` to PDF and Excel, and frozen
as JSON (`laporan_io`) when printed, so a signed report reprints the same.

Five reports: the Rekap Data Kinerja (`RekapLaporan`), the Evaluasi
terhadap Hasil Renja (`EvaluasiLaporan`, columns in `evaluasi_kolom`), the
Perjanjian Kinerja (`PkLaporan`), the Monitoring Renstra
(`RenstraLaporan`) and the Dokumen Perbaikan Data Kinerja
(`PerbaikanLaporan`). Numbers are kept as numbers (None = not filled in /
not computed); each row carries its indicator's rule so a spreadsheet can
repeat the calculation, and the formula used is printed beside the figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .predikat import Band, PredikatScale
from .rules import CalculationRule

REKAP, EVALUASI, PK, RENSTRA, PERBAIKAN = "rekap", "evaluasi_renja", "pk", "renstra", "perbaikan"
JUDUL = {
    REKAP: "Rekap Data Kinerja",
    EVALUASI: "Evaluasi terhadap Hasil Renja",
    PK: "Perjanjian Kinerja",
    RENSTRA: "Monitoring Renstra",
    PERBAIKAN: "Dokumen Perbaikan Data Kinerja",
}


@dataclass(frozen=True)
class Pejabat:
    """Who signs or initials: the `Signer` of `exchange.pdf.signature`; `plt` "Plt."/"Plh."."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    pangkat: str = ""
    plt: str = ""

    @property
    def jabatan_ttd(self) -> str:
        """The jabatan as printed over the signature ("Plt. CAMAT MASAMA")."""
        return f"{self.plt} {self.jabatan}".strip()


@dataclass(frozen=True)
class Kop:
    """The heading and the place and date of the signature (ISO date)."""

    pemerintah: str
    nama_kantor: str
    alamat: str
    kota: str
    tanggal: str


@dataclass(frozen=True)
class Aturan:
    """An indicator's calculation rule as data (`CalculationRule.to_dict`)."""

    polaritas: str = "positif"
    agregasi: str = "jumlah"
    jenis_nilai: str = "angka"
    rumus_negatif: str = "2t_kurang_r"
    skala: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, rule: CalculationRule) -> Aturan:
        d = rule.to_dict()
        skala = tuple((str(a), float(b)) for a, b in d["skala"])  # type: ignore[union-attr]
        return cls(
            str(d["polaritas"]),
            str(d["agregasi"]),
            str(d["jenis_nilai"]),
            str(d["rumus_negatif"]),
            skala,
        )

    def rule(self) -> CalculationRule:
        return CalculationRule.from_dict(
            {
                "polaritas": self.polaritas,
                "agregasi": self.agregasi,
                "jenis_nilai": self.jenis_nilai,
                "rumus_negatif": self.rumus_negatif,
                "skala": [list(s) for s in self.skala],
            }
        )


@dataclass(frozen=True)
class Predikat:
    """The predikat bands as data (`PredikatScale`)."""

    batas: tuple[tuple[str, str], ...]
    bawah: str

    @classmethod
    def of(cls, scale: PredikatScale) -> Predikat:
        return cls(tuple((str(b.batas), b.label) for b in scale.bands), scale.bawah)

    def scale(self) -> PredikatScale:
        return PredikatScale(tuple(Band(Decimal(a), b) for a, b in self.batas), self.bawah)


# -- Rekap Data Kinerja ---------------------------------------------------------------


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class RekapBaris:
    unit: str
    kode: str
    indikator: str
    satuan: str
    target: float | None
    target_teks: str
    target_sumber: str
    realisasi: float | None
    realisasi_teks: str
    capaian: float | None
    predikat: str
    warna: str
    rumus: str
    catatan: str
    aturan: Aturan
    sasaran: str = ""  # the sasaran and program the indicator sits under (names)
    program: str = ""
    terisi: tuple[str, ...] = ()  # the period keys whose values were combined
    kosong: tuple[str, ...] = ()  # the periods inside the report's period with none


@dataclass(frozen=True)
class RekapRingkas:
    tingkat: str
    kode: str
    nama: str
    jumlah: int
    dihitung: int
    rata_rata: float | None
    predikat: str
    warna: str


@dataclass(frozen=True)
class TitikTren:
    label: str
    rata_rata: float | None


@dataclass(frozen=True)
class RekapLaporan:
    periode: str
    periode_label: str
    kop: Kop
    baris: tuple[RekapBaris, ...]
    ringkas: tuple[RekapRingkas, ...]
    tren: tuple[TitikTren, ...]
    predikat: Predikat
    penandatangan: Pejabat
    catatan: str = ""
    jenis: str = REKAP

    def ringkas_of(self, tingkat: str) -> list[RekapRingkas]:
        return [g for g in self.ringkas if g.tingkat == tingkat]


# -- Evaluasi terhadap Hasil Renja ------------------------------------------------------


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class KR:
    """One figure of a K/Rp column pair: kinerja (number, scale label) and Rupiah."""

    k: float | None = None
    k_teks: str = ""
    rp: float | None = None


@dataclass(slots=True, unsafe_hash=True)  # as frozen (never changed), 8x quicker to make
class EvaluasiBaris:
    no: str
    sasaran: str
    kode: str
    uraian: str
    tingkat: str  # program, kegiatan, sub_kegiatan
    indikator: str
    satuan: str
    nilai: dict[str, KR]  # by column key (evaluasi_kolom)
    unit: str
    keterangan: str
    aturan: Aturan | None = None  # None: a row of a node without indicators
    ada_rp: bool = False  # the node's Rp figures are on this row


@dataclass(frozen=True)
class EvaluasiLaporan:
    periode: str
    periode_label: str
    tahun: int
    triwulan: int
    renstra: str
    kop: Kop
    varian: str
    baris: tuple[EvaluasiBaris, ...]
    rata_rata: dict[str, float | None]  # renja_k, renja_rp, renstra_k, renstra_rp
    predikat_nilai: dict[str, str]
    teks: dict[str, str]
    catatan: tuple[str, ...]
    predikat: Predikat
    penandatangan: Pejabat
    jenis: str = EVALUASI


# -- Perjanjian Kinerja ----------------------------------------------------------------


@dataclass(frozen=True)
class PkSasaran:
    no: str
    sasaran: str
    indikator: str
    target: str
    satuan: str


@dataclass(frozen=True)
class PkProgram:
    no: str
    program: str
    anggaran: float | None


@dataclass(frozen=True)
class PkAksi:
    indikator: str
    satuan: str
    target: str
    triwulan: tuple[str, str, str, str]


@dataclass(frozen=True)
class PkLaporan:
    periode: str
    tahun: int
    judul: str
    versi_pk: int
    alasan: str
    kop: Kop
    pihak_pertama: Pejabat
    pihak_kedua: Pejabat
    pernyataan: tuple[str, ...]
    sasaran: tuple[PkSasaran, ...]
    program: tuple[PkProgram, ...]
    aksi: tuple[PkAksi, ...]
    jenis: str = PK


# -- Monitoring Renstra -----------------------------------------------------------------


@dataclass(frozen=True)
class RenstraTahun:
    tahun: int
    target: float | None
    target_teks: str
    realisasi: float | None
    realisasi_teks: str
    capaian: float | None
    catatan: str


@dataclass(frozen=True)
class RenstraBaris:
    kode: str
    indikator: str
    satuan: str
    induk: str
    unit: str
    baseline: str
    rumus: str
    aturan: Aturan
    tahun: tuple[RenstraTahun, ...]


@dataclass(frozen=True)
class RenstraLaporan:
    periode: str
    renstra: str
    tahun: tuple[int, ...]
    kop: Kop
    baris: tuple[RenstraBaris, ...]
    rata_rata: tuple[float | None, ...]  # per year
    teks: dict[str, str]
    predikat: Predikat
    penandatangan: Pejabat
    jenis: str = RENSTRA


# -- Dokumen Perbaikan Data Kinerja ------------------------------------------------------


@dataclass(frozen=True)
class PerbaikanBaris:
    no: str
    nomor: int
    unit: str
    kode: str
    indikator: str
    satuan: str
    lama: str
    baru: str
    alasan: str
    bukti: str
    sumber: str
    status: str
    diajukan: str  # date as printed


@dataclass(frozen=True)
class PerbaikanLaporan:
    periode: str
    periode_label: str
    kop: Kop
    nomor_dokumen: str
    baris: tuple[PerbaikanBaris, ...]
    pemeriksa: tuple[Pejabat, ...]  # the Kepala Seksi of each unit concerned
    sekretaris: Pejabat
    camat: Pejabat
    jenis: str = PERBAIKAN


REPORT_TYPES: dict[str, type] = {
    REKAP: RekapLaporan,
    EVALUASI: EvaluasiLaporan,
    PK: PkLaporan,
    RENSTRA: RenstraLaporan,
    PERBAIKAN: PerbaikanLaporan,
}


@dataclass(frozen=True)
class Stamp:
    """A frozen version as a printed page shows it: the version number and the data hash."""

    versi: int | None = None  # None: a draft (not frozen)
    data_hash: str = ""
    dibuat: str = ""
    menggantikan: int | None = None

    @property
    def draft(self) -> bool:
        return self.versi is None


NO_STAMP = Stamp()
