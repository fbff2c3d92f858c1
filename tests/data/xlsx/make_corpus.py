"""Regenerate the Excel test corpus under tests/data/xlsx/ (not run by the tests).

Hand-typed layouts (corpus_layouts.py) are modelled on the real SOPs in
../shared/seeds: each is built with openpyxl and then re-saved by LibreOffice,
because the files users send back were saved by a spreadsheet program, not
by openpyxl. The committed files are the LibreOffice-saved ones; the tests
never need LibreOffice.

Needs `soffice` (LibreOffice Calc). The password-locked sample needs
`msoffcrypto-tool` (any Python environment, given as MSOFFCRYPTO=/path/to/it);
without it the existing file is kept.

    /tmp/venv/bin/python tests/data/xlsx/make_corpus.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
sys.path.insert(0, str(HERE.parents[2]))

from kinerja_desktop.core.sop import (  # noqa: E402
    DecisionExit,
    Lane,
    LembarKerjaInfo,
    MutuBaku,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    serialize,
)
from kinerja_desktop.exchange.sop_xlsx import write_sop_workbook  # noqa: E402

sys.path.insert(0, str(HERE))
from corpus_layouts import TYPED, tanpa_tabel  # noqa: E402


# -- our own export, saved again by LibreOffice ----------------------------------------
def rich_document() -> SopDocument:
    """An SOP using everything the format holds, for the LibreOffice round trip."""
    camat, sek, kas1, kas2 = (
        Lane("Camat"),
        Lane("Sekretaris"),
        Lane("Kasubag Perencanaan"),
        Lane("Kasubag Perencanaan"),
    )
    s = [
        Step(
            "Camat memerintahkan pengumpulan data kinerja",
            [camat.id],
            StepKind.MULAI,
            MutuBaku("Lembar disposisi", "10 MENIT", "Disposisi"),
        ),
        Step(
            "=Menyusun format (bukan rumus)",
            [kas1.id],
            mutu_baku=MutuBaku("+62 disposisi", "4 JAM", "-format"),
        ),
        Step(
            "Rapat bersama\nbaris kedua: “kutip” — é ü 中文",
            [sek.id, kas1.id, kas2.id],
            mutu_baku=MutuBaku("@undangan", "1,5 jam", "Notulen"),
            keterangan="  spasi  ",
        ),
        Step(
            "Memeriksa format; jika tidak sesuai dikembalikan",
            [sek.id],
            StepKind.KEPUTUSAN,
            MutuBaku("Format", "30 menit", "Format diperiksa"),
        ),
        Step("Melewati langkah ini bila lengkap", [kas2.id], keterangan="_x0041_ tetap teks"),
        Step(
            "Camat menandatangani",
            [camat.id],
            StepKind.KEPUTUSAN,
            MutuBaku("", "1 Hari", "Dokumen"),
        ),
        Step(
            "Selesai", [camat.id, sek.id], StepKind.SELESAI, MutuBaku("", "1 – 20 Hari Kerja", "")
        ),
    ]
    s[3].exits = [DecisionExit("Sesuai", s[5].id), DecisionExit("Tidak sesuai", s[1].id)]
    s[5].exits = [DecisionExit("Setuju"), DecisionExit("Tolak", s[3].id)]
    return SopDocument(
        nomor="=096/MB/2023",
        judul="Pengumpulan Data Kinerja",
        status=SopStatus.BERLAKU,
        revisi_ke=2,
        unit="Sub Bagian Perencanaan",
        tanggal_pembuatan=date(2023, 2, 16),
        tanggal_revisi=date(2024, 1, 5),
        tanggal_efektif=date(2023, 2, 16),
        pengesahan=Pengesahan(
            "Camat Martapura Barat",
            "Drs. H. Ahmad, M.Si",
            "196801271986111001",
            "Pembina Tk. I, IV/b",
        ),
        kop=["PEMERINTAH KABUPATEN BANJAR", "KECAMATAN MARTAPURA BARAT"],
        dasar_hukum=["PP No. 60 Tahun 2008", "-Permenpan RB 35/2012"],
        kualifikasi_pelaksana=["Memahami perencanaan"],
        keterkaitan=[],
        peralatan_perlengkapan=["Komputer", ""],
        peringatan=["Data terlambat menghambat laporan"],
        pencatatan_pendataan=["Setiap tahap terdokumentasi"],
        identifikasi_risiko=["Pada prosedur 3 apabila ada kesalahan diperbaiki"],
        lanes=[camat, sek, kas1, kas2],
        steps=s,
        lembar_kerja=LembarKerjaInfo("Rutin", "Camat", "Kasubag Perencanaan", "Kecamatan", True),
    )


# -- bad files --------------------------------------------------------------------------
BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>\n"
)


def _replace_part(src: Path, dst: Path, part: str, data: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = data if info.filename == part else zin.read(info.filename)
            zout.writestr(info.filename, content)


def _png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def make_bad(lo_dir: Path, valid: Path) -> None:
    BAD.mkdir(exist_ok=True)
    (BAD / "kosong.xlsx").write_bytes(b"")
    (BAD / "teks_biasa.xlsx").write_text(
        "Ini bukan buku kerja.\nHanya catatan.\n", encoding="utf-8"
    )
    (BAD / "csv_diganti_nama.xlsx").write_text(
        "No;Uraian;Camat;Waktu\n1;Memerintahkan;X;10 menit\n", encoding="utf-8"
    )
    (BAD / "pdf_diganti_nama.xlsx").write_bytes(MINIMAL_PDF)
    (BAD / "gambar_png.xlsx").write_bytes(_png_1x1())
    data = valid.read_bytes()
    (BAD / "terpotong.xlsx").write_bytes(data[: len(data) * 6 // 10])
    with zipfile.ZipFile(BAD / "tanpa_workbook.xlsx", "w") as zf, zipfile.ZipFile(valid) as zin:
        for name in zin.namelist():
            if name != "xl/workbook.xml":
                zf.writestr(name, zin.read(name))
    with zipfile.ZipFile(valid) as zin:
        strings = zin.read("xl/sharedStrings.xml").decode("utf-8")
        sheet = zin.read("xl/worksheets/sheet1.xml").decode("utf-8")
    body = re.sub(r"^<\?xml[^>]*\?>\s*", "", strings)
    bomb = BILLION_LAUGHS + body.replace("<t>", "<t>&lol9;", 1)
    _replace_part(
        valid, BAD / "bom_entitas_sharedstrings.xlsx", "xl/sharedStrings.xml", bomb.encode()
    )
    sheet_body = re.sub(r"^<\?xml[^>]*\?>\s*", "", sheet)
    bomb_sheet = BILLION_LAUGHS + sheet_body
    _replace_part(
        valid, BAD / "bom_entitas_sheet.xlsx", "xl/worksheets/sheet1.xml", bomb_sheet.encode()
    )
    # The DOCTYPE behind a long comment: missed by the quick scan, refused by defusedxml.
    hidden = (
        BILLION_LAUGHS.replace("<!DOCTYPE", "<!--" + "x" * 9000 + "-->\n<!DOCTYPE", 1) + sheet_body
    )
    _replace_part(
        valid, BAD / "bom_entitas_tersembunyi.xlsx", "xl/worksheets/sheet1.xml", hidden.encode()
    )
    body_hidden = BILLION_LAUGHS.replace("<!DOCTYPE", "<!--" + "x" * 9000 + "-->\n<!DOCTYPE", 1)
    _replace_part(
        valid,
        BAD / "bom_entitas_sharedstrings_tersembunyi.xlsx",
        "xl/sharedStrings.xml",
        (body_hidden + body.replace("<t>", "<t>&lol9;", 1)).encode(),
    )
    shutil.copy(lo_dir / "tanpa_tabel.xlsx", BAD / "tanpa_tabel.xlsx")
    shutil.copy(lo_dir / "excel_lama.xls", BAD / "excel_lama.xlsx")
    shutil.copy(lo_dir / "ods_lama.ods", BAD / "ods_diganti_nama.xlsx")
    tool = os.environ.get("MSOFFCRYPTO") or shutil.which("msoffcrypto-tool")
    if tool:
        subprocess.run(
            [tool, "-e", "-p", "rahasia", str(valid), str(BAD / "terkunci_sandi.xlsx")], check=True
        )
    elif not (BAD / "terkunci_sandi.xlsx").exists():
        print("msoffcrypto-tool tidak ada: terkunci_sandi.xlsx tidak dibuat")


# -- LibreOffice ---------------------------------------------------------------------------
def soffice(fmt: str, out: Path, files: list[Path]) -> None:
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/lo-profile-xlsx",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
    )


def lie_about_dimension(src: Path, dst: Path) -> None:
    """Claim the sheet is A1:C3 although it is longer (read-only mode would miss rows)."""
    with zipfile.ZipFile(src) as zin:
        names = [n for n in zin.namelist() if n.startswith("xl/worksheets/sheet")]
        sheet = zin.read(names[0]).decode("utf-8")
    sheet = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:C3"/>', sheet)
    _replace_part(src, dst, names[0], sheet.encode())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        raw, lo = tmp / "raw", tmp / "lo"
        raw.mkdir()
        lo.mkdir()
        files = []
        for name, build in {**TYPED, "tanpa_tabel": tanpa_tabel}.items():
            build().save(raw / f"{name}.xlsx")
            files.append(raw / f"{name}.xlsx")
        doc = rich_document()
        write_sop_workbook(doc, raw / "kinerja_ekspor_libreoffice.xlsx")
        files.append(raw / "kinerja_ekspor_libreoffice.xlsx")
        soffice("xlsx", lo, files)
        soffice("xls", lo, [raw / "tanpa_tabel.xlsx"])
        soffice("ods", lo, [raw / "tanpa_tabel.xlsx"])
        (lo / "tanpa_tabel.xls").rename(lo / "excel_lama.xls")
        (lo / "tanpa_tabel.ods").rename(lo / "ods_lama.ods")
        for name in TYPED:
            shutil.copy(lo / f"{name}.xlsx", HERE / f"{name}.xlsx")
        shutil.copy(
            lo / "kinerja_ekspor_libreoffice.xlsx", HERE / "kinerja_ekspor_libreoffice.xlsx"
        )
        (HERE / "kinerja_ekspor_libreoffice.json").write_text(
            json.dumps(serialize.to_dict(doc), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        lie_about_dimension(
            lo / "ketik_masama_pengumpulan_ceklis.xlsx", HERE / "ketik_dimensi_salah.xlsx"
        )
        make_bad(lo, lo / "tanpa_tabel.xlsx")
    print("korpus dibuat di", HERE)


if __name__ == "__main__":
    main()
