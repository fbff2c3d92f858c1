"""The command line, run as a user runs it: `python main.py …` in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "xlsx"
# Typed by hand like the Masama sheet: no nomor SOP, so the checker finds a kesalahan.
TYPED_WITHOUT_NOMOR = CORPUS / "ketik_masama_perbaikan.xlsx"


def run(*args: str | Path, env: dict[str, str] | None = None, check_status: int | None = 0):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("KINERJA_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    if check_status is not None:
        assert proc.returncode == check_status, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    out = run("demo", "muat", "--db", db)
    assert "7 SOP" in out.stdout
    return db


@pytest.fixture()
def db_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (made with the backup API)."""
    target = tmp_path / "copy.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _list(db: Path) -> list[dict]:
    return json.loads(run("sop", "daftar", "--json", "--db", db).stdout)


def test_daftar_lists_the_seven_demo_sops(demo_db: Path) -> None:
    rows = _list(demo_db)
    assert len(rows) == 7
    assert set(rows[0]) == {
        "id",
        "nomor",
        "judul",
        "status",
        "jumlah_langkah",
        "revisi_ke",
        "revisi_berlaku",
        "unit",
        "diperbarui",
    }
    assert sorted(r["jumlah_langkah"] for r in rows) == [5, 6, 9, 9, 10, 10, 11]
    text = run("sop", "daftar", "--db", demo_db).stdout
    assert "Mekanisme Pengumpulan Data Kinerja" in text and "7 SOP" in text


def test_db_option_works_before_and_after_the_command(demo_db: Path) -> None:
    before = run("--db", demo_db, "sop", "daftar", "--json").stdout
    after = run("sop", "daftar", "--json", "--db", demo_db).stdout
    assert json.loads(before) == json.loads(after)


def test_default_database_starts_empty_the_demo_is_apart_and_no_typo_makes_a_database(
    tmp_path: Path,
) -> None:
    env = {"KINERJA_DATA_DIR": str(tmp_path / "data")}
    assert json.loads(run("sop", "daftar", "--json", env=env).stdout) == []
    assert (tmp_path / "data" / "kinerja.db").exists()
    demo = json.loads(run("--demo", "sop", "daftar", "--json", env=env).stdout)
    assert len(demo) == 7 and (tmp_path / "data" / "demo.db").exists()
    assert json.loads(run("sop", "daftar", "--json", env=env).stdout) == []
    res = run("--demo", "--db", tmp_path / "x.db", "sop", "daftar", env=env, check_status=2)
    assert "bersamaan" in res.stderr
    typo = tmp_path / "salah" / "ketik.db"
    for args in (("sop", "daftar"), ("db", "cadangkan", tmp_path / "b.db"), ("db", "periksa")):
        res = run(*args, "--db", typo, check_status=2)
        assert "tidak ada" in res.stderr
    assert not typo.parent.exists() and not (tmp_path / "b.db").exists()
    # Saving an import creates a new, otherwise empty database.
    fresh = tmp_path / "baru.db"
    run("sop", "impor", TYPED_WITHOUT_NOMOR, "--ya", "--db", fresh)
    assert len(_list(fresh)) == 1


def test_lihat_gives_the_whole_document(demo_db: Path) -> None:
    sop_id = _list(demo_db)[0]["id"]
    data = json.loads(run("sop", "lihat", str(sop_id), "--json", "--db", demo_db).stdout)
    assert data["id"] == sop_id and data["steps"] and data["lanes"]
    assert data["riwayat_revisi"][0]["revisi_ke"] == 0
    text = run("sop", "lihat", str(sop_id), "--db", demo_db).stdout
    assert "Nomor SOP" in text and "Total waktu" in text


def test_periksa_exit_status_follows_kesalahan(db_copy: Path, tmp_path: Path) -> None:
    for row in _list(db_copy):
        out = run("sop", "periksa", str(row["id"]), "--json", "--db", db_copy)
        assert json.loads(out.stdout)["jumlah"]["kesalahan"] == 0
    # An SOP with a kesalahan: typed by hand without a nomor SOP.
    imported = json.loads(
        run("sop", "impor", TYPED_WITHOUT_NOMOR, "--ya", "--json", "--db", db_copy).stdout
    )
    new_id = imported["id"]
    res = run("sop", "periksa", str(new_id), "--json", "--db", db_copy, check_status=1)
    assert json.loads(res.stdout)["jumlah"]["kesalahan"] >= 1


def _set_identity(xlsx: Path, label: str, value: str) -> None:
    """Type `value` into the Identitas sheet's row `label`, as a person would in Excel."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    ws = wb["Identitas"]
    (row,) = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label]
    ws.cell(row, 2).value = value
    wb.save(xlsx)


def test_export_then_import_reports_conflict_and_needs_a_choice(
    db_copy: Path, tmp_path: Path
) -> None:
    first = _list(db_copy)[0]
    xlsx = tmp_path / "sop.xlsx"
    run("sop", "ekspor", str(first["id"]), "-o", xlsx, "--db", db_copy)
    report = json.loads(run("sop", "impor", xlsx, "--json", "--db", db_copy).stdout)
    assert report["disimpan"] is False and report["bentrok"][0]["id"] == first["id"]
    assert report["sasaran"] == {
        "id": first["id"],
        "nomor": first["nomor"],
        "judul": first["judul"],
        "lewat_kode": True,
    }
    assert report["perubahan"]["kosong"] is True
    # Unchanged: saying yes saves nothing, in any mode.
    for how in ([], ["--sebagai", "revisi"], ["--sebagai", "salinan"]):
        out = run("sop", "impor", xlsx, "--ya", *how, "--db", db_copy).stdout
        assert "Tidak ada perubahan" in out
    assert len(_list(db_copy)) == 7
    assert _list(db_copy)[0]["revisi_ke"] == 0
    _set_identity(xlsx, "Judul SOP", first["judul"] + " (revisi)")
    report = json.loads(run("sop", "impor", xlsx, "--json", "--db", db_copy).stdout)
    assert [(f["isian"], f["baru"]) for f in report["perubahan"]["identitas"]] == [
        ("judul", first["judul"] + " (revisi)")
    ]
    assert not [t for t in report["temuan"] if t["kode"] == "nomor-ganda"]
    refused = run("sop", "impor", xlsx, "--ya", "--db", db_copy, check_status=2)
    assert "--sebagai" in refused.stderr
    assert len(_list(db_copy)) == 7
    run("sop", "impor", xlsx, "--ya", "--sebagai", "revisi", "--catatan", "uji", "--db", db_copy)
    rows = {r["id"]: r for r in _list(db_copy)}
    assert len(rows) == 7 and rows[first["id"]]["revisi_ke"] == 1
    # The new revision is a draf; the one signed before stays in force.
    assert rows[first["id"]]["revisi_berlaku"] == 0 and rows[first["id"]]["status"] == "berlaku"
    assert "Berlaku, rev. 1 draf" in run("sop", "daftar", "--db", db_copy).stdout
    # ... and it can be approved: its nomor is its own, not "taken by another SOP".
    out = run("sop", "berlakukan", str(first["id"]), "--json", "--db", db_copy).stdout
    assert json.loads(out)["revisi_berlaku"] == 1
    copy = json.loads(
        run("sop", "impor", xlsx, "--ya", "--sebagai", "salinan", "--json", "--db", db_copy).stdout
    )
    assert copy["id"] not in rows and len(_list(db_copy)) == 8


def test_typed_table_imported_exported_completed_imported_stays_one_sop(
    db_copy: Path, tmp_path: Path
) -> None:
    made = json.loads(
        run("sop", "impor", TYPED_WITHOUT_NOMOR, "--ya", "--json", "--db", db_copy).stdout
    )
    sop_id = made["id"]
    assert made["nomor"] == ""
    xlsx = tmp_path / "lengkapi.xlsx"
    run("sop", "ekspor", str(sop_id), "-o", xlsx, "--db", db_copy)
    _set_identity(xlsx, "Nomor SOP", "050/07/KEC-MSM/2026")
    report = json.loads(run("sop", "impor", xlsx, "--json", "--db", db_copy).stdout)
    assert report["sasaran"]["id"] == sop_id and report["sasaran"]["lewat_kode"]
    assert [(f["isian"], f["lama"], f["baru"]) for f in report["perubahan"]["identitas"]] == [
        ("nomor", "", "050/07/KEC-MSM/2026")
    ]
    run("sop", "impor", xlsx, "--ya", "--sebagai", "revisi", "--db", db_copy)
    listed = [r for r in _list(db_copy) if "Perbaikan Data Kinerja" in r["judul"]]
    mine = [r for r in listed if r["id"] == sop_id]
    assert mine and mine[0]["nomor"] == "050/07/KEC-MSM/2026" and mine[0]["revisi_ke"] == 1
    assert len(_list(db_copy)) == 8  # 7 demo SOPs + this one, not a duplicate


def test_life_cycle_from_the_command_line(db_copy: Path) -> None:
    made = json.loads(
        run(
            "sop",
            "baru",
            "--templat",
            "--judul",
            "Prosedur Uji",
            "--nomor",
            "050/99/UJI",
            "--json",
            "--db",
            db_copy,
        ).stdout
    )
    sop_id = str(made["id"])
    assert made["status"] == "draf" and made["jumlah_langkah"] >= 3
    res = run("sop", "cabut", sop_id, "--alasan", "x", "--db", db_copy, check_status=2)
    assert "tidak sedang berlaku" in res.stderr
    approved = json.loads(
        run(
            "sop",
            "berlakukan",
            sop_id,
            "--tanggal",
            "2026-03-02",
            "--oleh",
            "siti",
            "--json",
            "--db",
            db_copy,
        ).stdout
    )
    assert approved["status"] == "berlaku" and approved["revisi_berlaku"] == 0
    shown = json.loads(run("sop", "lihat", sop_id, "--json", "--db", db_copy).stdout)
    assert shown["tanggal_efektif"] == "2026-03-02"
    assert "oleh siti" in shown["riwayat_revisi"][0]["catatan"]
    res = run("sop", "hapus", sop_id, "--db", db_copy, check_status=2)
    assert "sedang berlaku" in res.stderr
    run("sop", "cabut", sop_id, "--alasan", "Diganti prosedur baru", "--db", db_copy)
    shown = json.loads(run("sop", "lihat", sop_id, "--json", "--db", db_copy).stdout)
    assert shown["riwayat_revisi"][0]["status"] == "dicabut"
    assert "Diganti prosedur baru" in shown["riwayat_revisi"][0]["catatan"]
    run("sop", "hapus", sop_id, "--db", db_copy)
    assert int(sop_id) not in [r["id"] for r in _list(db_copy)]
    binned = json.loads(run("sop", "sampah", "--json", "--db", db_copy).stdout)
    assert [r["id"] for r in binned] == [int(sop_id)] and binned[0]["dihapus"]
    run("sop", "kembalikan", sop_id, "--db", db_copy)
    assert int(sop_id) in [r["id"] for r in _list(db_copy)]
    run("sop", "hapus", sop_id, "--db", db_copy)
    assert "--ya" in run("sop", "sampah", "--kosongkan", "--db", db_copy).stdout
    assert json.loads(run("sop", "sampah", "--json", "--db", db_copy).stdout) != []
    gone = json.loads(run("sop", "sampah", "--kosongkan", "--ya", "--json", "--db", db_copy).stdout)
    assert gone == {"dihapus_permanen": 1}
    res = run("sop", "kembalikan", sop_id, "--db", db_copy, check_status=2)
    assert "tidak ada di Sampah" in res.stderr
    draft = next(r for r in _list(db_copy) if r["status"] == "draf")
    broken = run("sop", "baru", "--json", "--db", db_copy).stdout
    res = run("sop", "berlakukan", str(json.loads(broken)["id"]), "--db", db_copy, check_status=1)
    assert "belum dapat diberlakukan" in res.stderr and "KESALAHAN" in res.stderr
    assert draft


def test_errors_are_indonesian_lines_not_tracebacks(demo_db: Path, tmp_path: Path) -> None:
    res = run("sop", "lihat", "9999", "--db", demo_db, check_status=2)
    assert "tidak ada" in res.stderr
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("ini bukan workbook", encoding="utf-8")
    res = run("sop", "impor", bad, "--db", demo_db, check_status=2)
    assert res.stderr.startswith("Galat:")
    res = run("sop", "tidakada", "--db", demo_db, check_status=2)
    assert "pilihan tidak sah" in res.stderr


def test_db_audit_lists_and_filters(demo_db: Path) -> None:
    rows = json.loads(run("db", "audit", "--json", "--db", demo_db).stdout)
    assert rows and rows[0]["tindakan"] == "load_demo" and rows[0]["versi_hash"] >= 1
    assert "muat data contoh" in run("db", "audit", "--db", demo_db).stdout
    none = run("db", "audit", "--cari", "tidak-ada-kata-ini", "--db", demo_db).stdout
    assert none.strip() == "Tidak ada catatan audit yang cocok."
    bad = run("db", "audit", "--dari", "2026-13-01", "--db", demo_db, check_status=2)
    assert "TTTT-BB-HH" in bad.stderr


def test_backup_restore_and_integrity(db_copy: Path, tmp_path: Path) -> None:
    backup = tmp_path / "cadangan.db"
    run("db", "cadangkan", backup, "--db", db_copy)
    assert "sehat" in run("db", "periksa", "--db", backup).stdout
    first = _list(db_copy)[0]
    run("sop", "impor", CORPUS / "bad" / "teks_biasa.xlsx", "--db", db_copy, check_status=2)
    run("sop", "impor", TYPED_WITHOUT_NOMOR, "--ya", "--db", db_copy)
    assert len(_list(db_copy)) == 8 and first in _list(db_copy)
    out = run("db", "pulihkan", backup, "--db", db_copy).stdout
    assert "dipulihkan" in out
    assert len(_list(db_copy)) == 7
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"bukan basis data" * 100)
    res = run("db", "pulihkan", junk, "--db", db_copy, check_status=2)
    assert "Galat" in res.stderr and len(_list(db_copy)) == 7


def test_pdf_and_book(demo_db: Path, tmp_path: Path) -> None:
    rows = _list(demo_db)
    pdf = tmp_path / "sop.pdf"
    out = run("sop", "pdf", str(rows[0]["id"]), "-o", pdf, "--kertas", "A4", "--db", demo_db).stdout
    assert pdf.read_bytes().startswith(b"%PDF") and "halaman" in out
    book = tmp_path / "buku.pdf"
    out = run("sop", "buku", "-o", book, "--db", demo_db).stdout
    # By default the book holds this office's SOPs in force: no kop of another office.
    docs = [
        json.loads(run("sop", "lihat", str(r["id"]), "--json", "--db", demo_db).stdout)
        for r in rows
    ]
    own = [d["id"] for d in docs if d["revisi_berlaku"] is not None and not d["kop"]]
    others = [d["id"] for d in docs if d["revisi_berlaku"] is not None and d["kop"]]
    assert own and others
    assert f"{len(own)} SOP" in out and book.stat().st_size > pdf.stat().st_size
    out = run("sop", "buku", *map(str, own + others), "-o", book, "--db", demo_db).stdout
    assert f"{len(own) + len(others)} SOP" in out
    draft = next(r["id"] for r in rows if r["status"] == "draf")
    res = run("sop", "buku", str(draft), "-o", tmp_path / "b2.pdf", "--db", demo_db, check_status=2)
    assert "belum memiliki revisi yang berlaku" in res.stderr
    run("sop", "pdf", str(draft), "-o", tmp_path / "draf.pdf", "--revisi", "0", "--db", demo_db)
    res = run(
        "sop",
        "pdf",
        str(draft),
        "-o",
        tmp_path / "x.pdf",
        "--revisi",
        "4",
        "--db",
        demo_db,
        check_status=2,
    )
    assert "tidak memiliki revisi ke-4" in res.stderr


def test_printing_never_overwrites_the_open_database(db_copy: Path) -> None:
    before = db_copy.read_bytes()[:100]
    res = run("sop", "pdf", "1", "-o", db_copy, "--db", db_copy, check_status=2)
    assert "sedang dibuka" in res.stderr
    res = run("sop", "ekspor", "1", "-o", db_copy, "--db", db_copy, check_status=2)
    assert db_copy.read_bytes()[:100] == before and len(_list(db_copy)) == 7


def test_pdf_refuses_an_sop_with_kesalahan_unless_forced(db_copy: Path, tmp_path: Path) -> None:
    data = json.loads(
        run("sop", "impor", TYPED_WITHOUT_NOMOR, "--ya", "--json", "--db", db_copy).stdout
    )
    assert any(t["kode"] == "nomor-kosong" for t in data["temuan"])
    new_id = data["id"]
    pdf = tmp_path / "x.pdf"
    res = run("sop", "pdf", str(new_id), "-o", pdf, "--db", db_copy, check_status=1)
    assert "--paksa" in res.stderr and not pdf.exists()
    run("sop", "pdf", str(new_id), "-o", pdf, "--paksa", "--db", db_copy)
    assert pdf.exists()


def test_usage_errors_are_one_indonesian_line(demo_db: Path) -> None:
    for args, fragment in (
        (("sop", "lihat", "abc"), "id harus bilangan bulat"),
        (("sop", "lihat", "99999999999999999999999"), "di luar rentang"),
        (("sop", "lihat", "1", "--db"), "perlu satu nilai"),
        (("sop", "buku", "-o", "x.pdf", "--tahun", "dua"), "harus bilangan bulat"),
    ):
        res = run(*args, check_status=2)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1, res.stderr
        assert lines[0].startswith("Galat:") and fragment in lines[0]


def test_a_closed_pipe_is_not_an_error(demo_db: Path) -> None:
    proc = subprocess.run(
        f'"{sys.executable}" "{REPO / "main.py"}" sop lihat 1 --db "{demo_db}" | head -1',
        shell=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert proc.stdout.startswith("SOP 1") and proc.stderr == ""


def test_layout_notices_reach_the_user(db_copy: Path, tmp_path: Path) -> None:
    data = json.loads(run("sop", "lihat", "1", "--json", "--db", db_copy).stdout)
    data["steps"][1]["uraian"] = "kata " * 6000  # far taller than a page: the layout must cut it
    xlsx = tmp_path / "panjang.xlsx"
    from kinerja_desktop.core.sop import serialize
    from kinerja_desktop.exchange.sop_xlsx import write_sop_workbook

    write_sop_workbook(serialize.from_dict(data), xlsx)
    run("sop", "impor", xlsx, "--ya", "--sebagai", "revisi", "--db", db_copy)
    res = run("sop", "pdf", "1", "-o", tmp_path / "p.pdf", "--db", db_copy)
    assert "Catatan tata letak:" in res.stderr and "langkah 2" in res.stderr.lower()
