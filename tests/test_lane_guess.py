"""Guessing a step's lane from its wording: the actor is the subject of the sentence."""

from __future__ import annotations

import pytest

from kinerja_desktop.core.sop.lane_guess import guess_lane, normalize_words

MASAMA = ["Camat", "Sekretaris", "Kepala Seksi/Lurah", "Kasubag Evlap", "Pelaksana"]
BAPPEDA = [
    "Kepala Bappeda & Litbang",
    "Sekretaris",
    "Kabid Renum",
    "Kasubbid Data",
    "Jabatan Pelaksana",
]
PENGUMPULAN = ["Camat", "Sekretaris", "Kepala Seksi/ Lurah", "Kasubag", "Kasubag Perenc"]


@pytest.mark.parametrize(
    ("uraian", "lanes", "expected"),
    [
        ("Sekretaris memerintahkan Kasubag evlap untuk berkoordinasi", MASAMA, "Sekretaris"),
        ("Kasubag Evlap membuat format pengumpulan data", MASAMA, "Kasubag Evlap"),
        ("Camat menandatangani dokumen perbaikan data kinerja", MASAMA, "Camat"),
        ("Kepala Seksi melakukan koreksi atas perbaikan", MASAMA, "Kepala Seksi/Lurah"),
        ("Pelaksana memperbaiki data kinerja seluruh pegawai", MASAMA, "Pelaksana"),
        ("Kabid melakukan rapat dengan Jabatan Pelaksana", BAPPEDA, "Kabid Renum"),
        ("Kabid Renum melakukan koreksi atas perbaikan", BAPPEDA, "Kabid Renum"),
        ("Kepala Bappeda dan Litbang meneliti data kinerja", BAPPEDA, "Kepala Bappeda & Litbang"),
        ("Jabatan Pelaksana memperbaiki data kinerja", BAPPEDA, "Jabatan Pelaksana"),
        ("Sekcam memeriksa konsep laporan", MASAMA, "Sekretaris"),
        ("Sekretaris Camat memeriksa konsep", ["Camat", "Sekretaris"], "Sekretaris"),
        (
            "Kepala Sub Bagian Perencanaan menyusun RKT",
            ["Camat", "Kasubbag Perencanaan"],
            "Kasubbag Perencanaan",
        ),
        ("Kasi Trantib melaporkan", ["Kasi Pemerintahan", "Kasi Trantib"], "Kasi Trantib"),
        ("Bapak Camat menandatangani", MASAMA, "Camat"),
        ("Dokumen ditandatangani oleh Camat", MASAMA, "Camat"),
        ("Kasubag Perenc menghimpun data", PENGUMPULAN, "Kasubag Perenc"),
    ],
)
def test_actor_is_found(uraian: str, lanes: list[str], expected: str) -> None:
    index = guess_lane(uraian, lanes)
    assert index is not None
    assert lanes[index] == expected


@pytest.mark.parametrize(
    ("uraian", "lanes"),
    [
        # Opens with a verb: "sekretaris" is the object, not the actor.
        ("Memerintahkan sekretaris untuk melakukan verifikasi ulang", MASAMA),
        ("Menyampaikan perbaikan data kinerja ke Kasubag Evlap", MASAMA),
        # A joint meeting names two roles: not one lane.
        ("Rapat Kepala Seksi dengan Kasubag Perenc untuk membahas", PENGUMPULAN),
        # "Kasubag" fits two different lanes equally well.
        ("Kasubag menyusun laporan", ["Kasubag Umum", "Kasubag Perencanaan"]),
        ("Kepala Seksi menyusun laporan", ["Kasi Pemerintahan", "Kasi Trantib"]),
        ("Lurah mengirim data", ["Camat", "Sekretaris"]),
        ("", MASAMA),
        ("Camat memerintahkan", []),
    ],
)
def test_unsure_gives_none(uraian: str, lanes: list[str]) -> None:
    assert guess_lane(uraian, lanes) is None


def test_identical_lane_names_answer_the_first_column() -> None:
    lanes = ["Camat", "KASUBAG PERENCANAAN", "Kasubag Perencanaan"]
    assert guess_lane("Kasubag Perencanaan menyusun renstra", lanes) == 1


def test_a_lane_word_is_not_taken_for_a_verb() -> None:
    # "Direktur" starts like a passive verb (di-); as a lane name it is a role.
    assert guess_lane("Direktur menetapkan target", ["Direktur", "Staf"]) == 0
    assert guess_lane("Petugas Dinas mengirim laporan", ["Camat", "Petugas Dinas"]) == 1


def test_titles_are_folded_to_one_spelling() -> None:
    assert normalize_words("Kepala Sub Bagian Perencanaan & Keuangan") == [
        "kasubag",
        "perencanaan",
        "dan",
        "keuangan",
    ]
    assert normalize_words("KASUBBAG Umpeg") == ["kasubag", "umpeg"]
    assert normalize_words("Kepala Seksi/Lurah") == ["kasi", "lurah"]
