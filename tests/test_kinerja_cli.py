"""`kinerja …` on the command line, as a user runs it: the whole round from the
same database the window uses, and the documented `--json` shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kinerja_helpers import fill
from tests.test_cli import run


@pytest.fixture()
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    run("demo", "muat", "--db", db)
    return db


def _json(*args: object, status: int = 0) -> object:
    return json.loads(run(*args, "--json", check_status=status).stdout)


def test_a_round_from_the_command_line(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    made = _json(
        "kinerja",
        "formulir",
        "2026-TW3",
        "--folder",
        folder,
        "--tenggat",
        "10-10-2026",
        "--db",
        demo,
    )
    assert made["periode"] == "2026-TW3" and made["tenggat"] == "2026-10-10"
    forms = {f["unit"]: Path(f["berkas"]) for f in made["formulir"]}
    assert len(forms) == 8 and all(p.is_file() for p in forms.values())
    assert {"unit_id", "jumlah_indikator", "checksum"} <= set(made["formulir"][0])

    fill(forms["Sekretariat"], {"F14": "44,5", "H14": "LRA"})
    fill(forms["Seksi Pemerintahan"], {"F13": "sekitar 80"})
    report = _json("kinerja", "impor", folder, "--db", demo, status=1)
    assert report["diterapkan"] is False
    files = {Path(f["berkas"]).name: f for f in report["berkas"]}
    sek = files[forms["Sekretariat"].name]
    assert sek["status"] == "siap" and sek["unit"] == "Sekretariat" and sek["periode"] == "2026-TW3"
    change = next(c for c in sek["baru"] if c["kode"] == "IS.1.5")
    assert change == {
        "indikator_id": change["indikator_id"],
        "kode": "IS.1.5",
        "nama": change["nama"],
        "lembar": "Formulir",
        "sel": "F14",
        "lama": None,
        "baru": {"nilai": 44.5, "teks": None, "keterangan": "LRA", "bukti": ""},
    }
    blank = next(c for c in sek["baru"] if c["kode"] == "ISK.0006")
    assert blank["baru"]["nilai"] is None
    wrong = files[forms["Seksi Pemerintahan"].name]
    assert wrong["status"] == "ditolak"
    assert wrong["masalah"][0] == {
        "tingkat": "masalah",
        "lembar": "Formulir",
        "sel": "F13",
        "pesan": "'sekitar 80' bukan angka. Ketik angkanya saja, mis. 80 atau 12,5.",
    }
    assert _json("kinerja", "nilai", "2026-TW3", "--db", demo) == []  # nothing without --ya

    applied = _json("kinerja", "impor", folder, "--ya", "--db", demo, status=1)
    assert applied["diterapkan"] is True
    done = {Path(f["berkas"]).name: f["diterapkan"] for f in applied["berkas"]}
    assert done[forms["Sekretariat"].name] and not done[forms["Seksi Pemerintahan"].name]
    board = _json("kinerja", "status", "2026-TW3", "--tanggal", "2026-10-05", "--db", demo)
    by_unit = {u["unit"]: u for u in board["unit"]}
    assert by_unit["Seksi Pemerintahan"]["status"] == "bermasalah"
    assert by_unit["Sekretariat"]["status"] == "kembali" and board["lengkap"] is False

    fill(forms["Seksi Pemerintahan"], {"F13": 80})
    _json("kinerja", "impor", folder, "--ya", "--db", demo)
    board = _json("kinerja", "status", "2026-TW3", "--tanggal", "2026-10-05", "--db", demo)
    assert board["lengkap"] is True
    assert {
        "unit_id",
        "status",
        "terlambat",
        "formulir_ditulis",
        "terisi",
        "jumlah_indikator",
        "terakhir",
        "masalah",
    } <= set(board["unit"][0])

    values = _json("kinerja", "nilai", "2026-TW3", "--unit", "Sekretariat", "--db", demo)
    value = next(v for v in values if v["kode"] == "IS.1.5")
    assert (
        value["nilai"] == 44.5 and value["unit"] == "Sekretariat" and value["periode"] == "2026-TW3"
    )
    assert value["sumber"]["berkas"] == forms["Sekretariat"].name
    assert (value["sumber"]["lembar"], value["sumber"]["sel"]) == ("Formulir", "F14")
    assert len(value["sumber"]["hash"]) == 64
    assert next(v for v in values if v["kode"] == "ISK.0006")["nilai"] is None
    text = run("kinerja", "nilai", "2026-TW3", "--unit", "Sekretariat", "--db", demo).stdout
    assert "44,5" in text and "—" in text


def test_the_plan_workbook_round_trip(demo: Path, tmp_path: Path) -> None:
    book = tmp_path / "rencana.xlsx"
    out = run("kinerja", "rencana", "ekspor", book, "--db", demo).stdout
    assert "22 indikator" in out and book.is_file()
    other = tmp_path / "lain.db"
    run("demo", "muat", "--db", other)  # the same units; its demo plan is updated, not doubled
    report = _json("kinerja", "rencana", "impor", book, "--ya", "--db", other)
    assert report["disimpan"] is True and report["masalah"] == []
    assert report["indikator"] == {"baru": 0, "diubah": 22} and report["pk"]["sama"] == 9


def test_bad_input_gets_one_indonesian_line(demo: Path, tmp_path: Path) -> None:
    proc = run("kinerja", "status", "2026-TW9", "--db", demo, check_status=2)
    assert proc.stderr == "Galat: Triwulan ke-9 tidak ada (1 sampai 4).\n"
    proc = run(
        "kinerja",
        "formulir",
        "2026-TW3",
        "--folder",
        tmp_path / "tidak" / "ada",  # the parent is missing too (no flash drive)
        "--db",
        demo,
        check_status=2,
    )
    assert "tidak ada (flash drive belum dipasang?)" in proc.stderr


def test_the_demo_keeps_its_own_day_on_the_command_line() -> None:
    """`--demo` commands see the demo's fixed day, as its window does (not the system's)."""
    status = json.loads(run("--demo", "kinerja", "status", "2026-TW2", "--json").stdout)
    assert status["tanggal"] == "2026-08-15" and status["lengkap"] is True
