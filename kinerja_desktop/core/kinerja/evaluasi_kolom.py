"""The columns of the Evaluasi terhadap Hasil Renja (Permendagri 86/2017,
form E.81), kept in this one place: the PDF, the Excel workbook and the
column-number row all read it, so a Pemda's variant numbering is a new
tuple here, not a change in the writers.

A column has a key (what the report data calls it), a title (with
`{tahun}`, `{tahun_lalu}`, `{akhir}` filled in when printed), K and Rp
sub-columns or one, a relative width, and its formula as the regulation
prints it in the number row: a sum of other columns ("13 = 9+10+11+12") or
a ratio ("15 = 14/6 × 100"). For kinerja, a sum holds only for indicators
whose rule is jumlah; for the others the app applies the rule instead and
says so (`rule_note`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError


@dataclass(frozen=True)
class Kolom:
    key: str
    judul: str
    ganda: bool = False  # K and Rp sub-columns
    lebar: float = 1.0  # relative width of the column (each sub-column when ganda)
    grup: str = ""  # a heading over several columns (the four triwulans)
    jumlah: tuple[str, ...] = ()  # the number row's formula: the sum of these columns
    bagi: tuple[str, str] | None = None  # or this ratio × 100
    angka: bool = True  # holds figures (else text)


_TW = "Realisasi Kinerja pada Triwulan"

_HEAD = (
    Kolom("no", "No", lebar=0.75, angka=False),
    Kolom("sasaran", "Sasaran", lebar=2.1, angka=False),
    Kolom("kode", "Kode", lebar=1.5, angka=False),
    Kolom("uraian", "Program/Kegiatan/Sub Kegiatan", lebar=2.9, angka=False),
    Kolom(
        "indikator",
        "Indikator Kinerja Program (outcome)/Kegiatan (output)",
        lebar=2.6,
        angka=False,
    ),
    Kolom(
        "target_renstra",
        "Target Renstra Perangkat Daerah pada Tahun {akhir} (Akhir Periode Renstra)",
        ganda=True,
    ),
    Kolom(
        "realisasi_lalu",
        "Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja Tahun Lalu ({tahun_lalu})",
        ganda=True,
    ),
    Kolom(
        "target_renja",
        "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({tahun}) "
        "yang Dievaluasi",
        ganda=True,
    ),
    Kolom("tw1", "I", ganda=True, grup=_TW),
    Kolom("tw2", "II", ganda=True, grup=_TW),
    Kolom("tw3", "III", ganda=True, grup=_TW),
    Kolom("tw4", "IV", ganda=True, grup=_TW),
    Kolom(
        "realisasi_renja",
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        ganda=True,
        jumlah=("tw1", "tw2", "tw3", "tw4"),
    ),
)
_RENSTRA = (
    Kolom(
        "realisasi_renstra",
        "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun {tahun}",
        ganda=True,
        jumlah=("realisasi_lalu", "realisasi_renja"),
    ),
    Kolom(
        "tingkat_capaian",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah "
        "s/d Tahun {tahun} (%)",
        ganda=True,
        bagi=("realisasi_renstra", "target_renstra"),
    ),
)
_TAIL = (
    Kolom("unit", "Unit Perangkat Daerah Penanggung Jawab", lebar=1.7, angka=False),
    Kolom("keterangan", "Keterangan", lebar=2.2, angka=False),
)
_CAPAIAN_RENJA = Kolom(
    "capaian_renja",
    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah (%)",
    ganda=True,
    bagi=("realisasi_renja", "target_renja"),
)

VARIAN: dict[str, tuple[Kolom, ...]] = {
    # Permendagri 86/2017 as printed: 13 = 9+10+11+12, 14 = 7+13, 15 = 14/6 × 100
    "permendagri86": _HEAD + _RENSTRA + _TAIL,
    # with the Renja rate after 13: 14 = 13/8 × 100, 15 = 7+13, 16 = 15/6 × 100
    "dengan_capaian_renja": (*_HEAD, _CAPAIAN_RENJA, *_RENSTRA, *_TAIL),
}
DEFAULT_VARIAN = "permendagri86"
# The texts the user writes per report, under the rows (key, printed label).
TEKS = (
    ("faktor_pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("faktor_penghambat", "Faktor penghambat pencapaian kinerja"),
    ("tindak_lanjut_triwulan", "Tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    (
        "tindak_lanjut_renja",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    ),
)
LABEL: dict[str, str] = {
    "permendagri86": "Permendagri 86/2017 (13 = 9+10+11+12, 14 = 7+13, 15 = 14/6 × 100)",
    "dengan_capaian_renja": "dengan capaian Renja (14 = 13/8 × 100, 15 = 7+13, 16 = 15/6 × 100)",
}


def label_of(varian: str) -> str:
    """The column set as the user reads it (the key itself when unknown)."""
    return LABEL.get(varian, varian)


def columns(varian: str = DEFAULT_VARIAN) -> tuple[Kolom, ...]:
    try:
        return VARIAN[varian]
    except KeyError:
        names = ", ".join(VARIAN)
        raise ValidationError(f"Susunan kolom '{varian}' tidak dikenal; pilih: {names}.") from None


def number_of(varian: str, key: str) -> int:
    """The printed column number (1 …) of `key`."""
    keys = [k.key for k in columns(varian)]
    return keys.index(key) + 1


def formula_of(varian: str, kolom: Kolom) -> str:
    """The number row's text for a column: '13 = 9+10+11+12', '15 = 14/6 × 100', or '6'."""
    n = number_of(varian, kolom.key)
    if kolom.jumlah:
        return f"{n} = " + "+".join(str(number_of(varian, k)) for k in kolom.jumlah)
    if kolom.bagi:
        a, b = (number_of(varian, k) for k in kolom.bagi)
        return f"{n} = {a}/{b} × 100"
    return str(n)


def title_of(kolom: Kolom, tahun: int, akhir: int) -> str:
    return kolom.judul.format(tahun=tahun, tahun_lalu=tahun - 1, akhir=akhir)


def rule_note(varian: str, agregasi_label: str) -> str:
    """What a report says for an indicator whose rule is not jumlah."""
    renja = next(k for k in columns(varian) if k.key == "realisasi_renja")
    renstra = next(k for k in columns(varian) if k.key == "realisasi_renstra")
    return (
        f"kolom {number_of(varian, renja.key)} dan {number_of(varian, renstra.key)}: "
        f"aturan {agregasi_label}, bukan penjumlahan"
    )
