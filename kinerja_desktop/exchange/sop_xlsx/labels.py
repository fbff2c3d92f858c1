"""The words of an SOP workbook: headings we write and the spellings we accept.

Shared by the writer and the reader so that what one writes the other knows.
Accepted spellings are compared after `norm()`: lower case, punctuation gone,
spaces collapsed ("Waktu (menit)" → "waktu menit", "No." → "no").
"""

from __future__ import annotations

import re
from enum import StrEnum

from kinerja_desktop.core.sop import StepKind

FORMAT_VERSION = 1

SHEET_IDENTITAS = "Identitas"
SHEET_LANGKAH = "Langkah"
SHEET_PETUNJUK = "Petunjuk"
MARKER_TEXT = "Dibuat oleh Kinerja Desktop"

_NON_WORD = re.compile(r"[^0-9a-z]+")


def norm(text: object) -> str:
    """Compare-form of a heading: 'Persyaratan/Kelengkapan :' → 'persyaratan kelengkapan'."""
    if text is None:
        return ""
    lowered = str(text).lower().replace("&", " dan ")
    return _NON_WORD.sub(" ", lowered).strip()


class Col(StrEnum):
    """What a column of the step table holds."""

    NO = "no"
    URAIAN = "uraian"
    PELAKSANA = "pelaksana"  # the group heading over the lanes
    MUTU_BAKU = "mutu_baku"  # the group heading over kelengkapan, waktu, output
    KELENGKAPAN = "kelengkapan"
    WAKTU = "waktu"
    OUTPUT = "output"
    KETERANGAN = "keterangan"
    SIMBOL = "simbol"
    CABANG = "cabang"  # the group heading over the decision exits
    EXIT_LABEL = "exit_label"
    EXIT_TARGET = "exit_target"


# -- headings written on the Langkah sheet ------------------------------------
HEAD_NO = "No."
HEAD_URAIAN = "Uraian Prosedur"
HEAD_PELAKSANA = "Pelaksana"
HEAD_MUTU_BAKU = "Mutu Baku"
HEAD_KELENGKAPAN = "Kelengkapan"
HEAD_WAKTU = "Waktu"
HEAD_OUTPUT = "Output"
HEAD_KETERANGAN = "Keterangan"
HEAD_SIMBOL = "Simbol"
HEAD_CABANG = "Cabang Keputusan"
HEAD_EXIT_LABEL = "Jawaban {n}"
HEAD_EXIT_TARGET = "Menuju langkah"
TARGET_NEXT = "berikutnya"

_EXACT: dict[str, Col] = {
    "no": Col.NO,
    "nomor": Col.NO,
    "nomer": Col.NO,
    "no urut": Col.NO,
    "kegiatan": Col.URAIAN,
    "aktivitas": Col.URAIAN,
    "aktifitas": Col.URAIAN,
    "prosedur": Col.URAIAN,
    "langkah": Col.URAIAN,
    "langkah kegiatan": Col.URAIAN,
    "pelaksana": Col.PELAKSANA,
    "mutu baku": Col.MUTU_BAKU,
    "persyaratan": Col.KELENGKAPAN,
    "sumber data": Col.KELENGKAPAN,
    "input": Col.KELENGKAPAN,
    "bahan": Col.KELENGKAPAN,
    "output": Col.OUTPUT,
    "ouput": Col.OUTPUT,
    "out put": Col.OUTPUT,
    "outpu": Col.OUTPUT,
    "keluaran": Col.OUTPUT,
    "hasil": Col.OUTPUT,
    "ket": Col.KETERANGAN,
    "keterangan": Col.KETERANGAN,
    "penanggung jawab": Col.KETERANGAN,
    "penanggungjawab": Col.KETERANGAN,
    "catatan": Col.KETERANGAN,
    "simbol": Col.SIMBOL,
    "cabang keputusan": Col.CABANG,
    "menuju langkah": Col.EXIT_TARGET,
}


def classify_heading(text: object) -> Col | None:
    """The column kind a heading names, or None for anything else (a role name)."""
    key = norm(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    first = key.split()[0]
    if first == "uraian":
        return Col.URAIAN
    if first == "waktu":
        return Col.WAKTU
    if "kelengkapan" in key.split():
        return Col.KELENGKAPAN
    if first == "output":
        return Col.OUTPUT
    if re.fullmatch(r"jawaban \d+", key):
        return Col.EXIT_LABEL
    return None


def waktu_unit(heading: object) -> str:
    """The unit named in a Waktu heading: 'Waktu (menit)' → 'menit'; '' when none."""
    words = norm(heading).split()[1:]
    for word in words:
        if word in ("menit", "jam", "hari"):
            return word
    return ""


# -- step symbols written in the lane cells ------------------------------------
KIND_WORDS: dict[str, StepKind] = {
    "mulai": StepKind.MULAI,
    "start": StepKind.MULAI,
    "awal": StepKind.MULAI,
    "selesai": StepKind.SELESAI,
    "akhir": StepKind.SELESAI,
    "end": StepKind.SELESAI,
    "finish": StepKind.SELESAI,
    "proses": StepKind.PROSES,
    "keputusan": StepKind.KEPUTUSAN,
    "decision": StepKind.KEPUTUSAN,
}
DECISION_GLYPHS = frozenset("◇◆♢♦⬦⬥")


def kind_of_mark(mark: str) -> StepKind | None:
    """The step kind a lane mark names ("Mulai", "SELESAI", "◇"); None for a plain mark."""
    stripped = mark.strip()
    if stripped and all(ch in DECISION_GLYPHS for ch in stripped):
        return StepKind.KEPUTUSAN
    return KIND_WORDS.get(norm(stripped))


# -- the Identitas sheet ---------------------------------------------------------
class Field(StrEnum):
    """A single-value field of the identity part."""

    NOMOR = "nomor"
    JUDUL = "judul"
    TANGGAL_PEMBUATAN = "tanggal_pembuatan"
    TANGGAL_REVISI = "tanggal_revisi"
    TANGGAL_EFEKTIF = "tanggal_efektif"
    STATUS = "status"
    REVISI_KE = "revisi_ke"
    UNIT = "unit"
    DISAHKAN = "disahkan"  # jabatan, name, pangkat and NIP written in one cell
    JABATAN = "jabatan"
    NAMA = "nama"
    PANGKAT = "pangkat"
    NIP = "nip"
    JENIS_KEGIATAN = "jenis_kegiatan"
    PJ_PRODUK = "penanggung_jawab_produk"
    PJ_KEGIATAN = "penanggung_jawab_kegiatan"
    RUANG_LINGKUP = "ruang_lingkup"
    CETAK_LK = "cetak"


# What the writer puts in column A, in order (None = a blank or section row).
FIELD_LABELS: dict[Field, str] = {
    Field.NOMOR: "Nomor SOP",
    Field.JUDUL: "Judul SOP",
    Field.TANGGAL_PEMBUATAN: "Tanggal Pembuatan",
    Field.TANGGAL_REVISI: "Tanggal Revisi",
    Field.TANGGAL_EFEKTIF: "Tanggal Efektif",
    Field.STATUS: "Status",
    Field.REVISI_KE: "Revisi ke",
    Field.UNIT: "Unit Pemilik",
    Field.JABATAN: "Disahkan oleh (Jabatan)",
    Field.NAMA: "Nama",
    Field.PANGKAT: "Pangkat/Golongan",
    Field.NIP: "NIP",
    Field.JENIS_KEGIATAN: "Jenis Kegiatan",
    Field.PJ_PRODUK: "Penanggung Jawab Produk",
    Field.PJ_KEGIATAN: "Penanggung Jawab Kegiatan",
    Field.RUANG_LINGKUP: "Ruang Lingkup (Scope)",
    Field.CETAK_LK: "Cetak bersama SOP",
}

_FIELD_SPELLINGS: dict[str, Field] = {norm(label): f for f, label in FIELD_LABELS.items()}
_FIELD_SPELLINGS.update(
    {
        "nomor sop": Field.NOMOR,
        "no sop": Field.NOMOR,
        "nomor prosedur": Field.NOMOR,
        "judul sop": Field.JUDUL,
        "nama sop": Field.JUDUL,
        "judul": Field.JUDUL,
        "judul prosedur": Field.JUDUL,
        "nama prosedur": Field.JUDUL,
        "tgl pembuatan": Field.TANGGAL_PEMBUATAN,
        "tanggal dibuat": Field.TANGGAL_PEMBUATAN,
        "tgl revisi": Field.TANGGAL_REVISI,
        "tgl efektif": Field.TANGGAL_EFEKTIF,
        "tanggal pengesahan": Field.TANGGAL_EFEKTIF,
        "tgl pengesahan": Field.TANGGAL_EFEKTIF,
        "tanggal berlaku": Field.TANGGAL_EFEKTIF,
        "status sop": Field.STATUS,
        "revisi": Field.REVISI_KE,
        "unit": Field.UNIT,
        "unit kerja": Field.UNIT,
        "disahkan oleh": Field.DISAHKAN,
        "disahkan": Field.DISAHKAN,
        "jabatan": Field.JABATAN,
        "jabatan pengesah": Field.JABATAN,
        "nama pejabat": Field.NAMA,
        "pangkat": Field.PANGKAT,
        "pangkat gol": Field.PANGKAT,
        "nip": Field.NIP,
        "scope": Field.RUANG_LINGKUP,
        "ruang lingkup": Field.RUANG_LINGKUP,
        "scope ruang lingkup": Field.RUANG_LINGKUP,
        "cetak lembar kerja": Field.CETAK_LK,
    }
)

KOP_HEADING = "Kop Naskah"
LIST_HEADINGS: dict[str, str] = {
    "kop": KOP_HEADING,
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
    "identifikasi_risiko": "Identifikasi Risiko",
}
_LIST_SPELLINGS: dict[str, str] = {norm(h): attr for attr, h in LIST_HEADINGS.items()}
_LIST_SPELLINGS.update(
    {
        "kop": "kop",
        "peralatan": "peralatan_perlengkapan",
        "perlengkapan": "peralatan_perlengkapan",
        "peralatan dan perlengkapan": "peralatan_perlengkapan",
        "pencatatan pendataan": "pencatatan_pendataan",
        "pencatatan dan pendataan": "pencatatan_pendataan",
        "identifikasi resiko": "identifikasi_risiko",
        "risiko": "identifikasi_risiko",
    }
)


def field_of_label(text: object) -> Field | None:
    return _FIELD_SPELLINGS.get(norm(text))


def list_of_heading(text: object) -> str | None:
    """The document attribute a list heading names ("DASAR HUKUM :" → "dasar_hukum")."""
    return _LIST_SPELLINGS.get(norm(text))


STATUS_WORDS = {"draf": "draf", "draft": "draf", "berlaku": "berlaku", "dicabut": "dicabut"}
YES_WORDS = frozenset({"ya", "y", "yes", "true", "1", "benar"})
