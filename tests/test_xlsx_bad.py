"""Bad files get one clear Indonesian message each: nothing written, no crash, no memory
balloon. The corpus is in tests/data/xlsx/bad/; the big ones are made here, in tmp."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import FileFormatError
from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook
from kinerja_desktop.exchange.xlsx import safety as xlsx_safety
from kinerja_desktop.exchange.xlsx.limits import DEFAULT_LIMITS

DATA = Path(__file__).resolve().parent / "data" / "xlsx"
BAD = DATA / "bad"
GOOD = DATA / "ketik_masama_pengumpulan_ceklis.xlsx"
REPO = Path(__file__).resolve().parents[1]

EXPECTED = {
    "kosong.xlsx": "file kosong",
    "teks_biasa.xlsx": "teks biasa",
    "csv_diganti_nama.xlsx": "mungkin CSV",
    "pdf_diganti_nama.xlsx": "dokumen PDF",
    "gambar_png.xlsx": "gambar",
    "excel_lama.xlsx": "Excel lama (.xls)",
    "terkunci_sandi.xlsx": "file ini terkunci kata sandi",
    "terpotong.xlsx": "rusak atau terpotong",
    "tanpa_workbook.xlsx": "xl/workbook.xml tidak ada",
    "ods_diganti_nama.xlsx": "OpenDocument",
    "bom_entitas_sharedstrings.xlsx": "DOCTYPE/ENTITY",
    "bom_entitas_sheet.xlsx": "DOCTYPE/ENTITY",
    "bom_entitas_tersembunyi.xlsx": "DOCTYPE/ENTITY",
    "bom_entitas_sharedstrings_tersembunyi.xlsx": "DOCTYPE/ENTITY",
    "tanpa_tabel.xlsx": "tabel langkah SOP tidak ditemukan: ",
}


def refused(path: Path) -> FileFormatError:
    with pytest.raises(FileFormatError) as info:
        read_sop_workbook(path)
    error = info.value
    assert error.message.startswith(f'Tidak dapat membaca "{path.name}": ')
    assert "Traceback" not in error.message and "Error" not in error.message
    return error


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_message(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copy(BAD / name, path)
    error = refused(path)
    assert EXPECTED[name] in error.message
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written
    assert path.read_bytes() == (BAD / name).read_bytes()


@pytest.mark.parametrize(
    "name", ["bom_entitas_tersembunyi.xlsx", "bom_entitas_sharedstrings_tersembunyi.xlsx"]
)
def test_entity_hidden_from_the_quick_scan_is_refused_by_the_streaming_scan(name: str) -> None:
    # The DOCTYPE sits past the 8 KB head looked at first; the scan of every part finds it.
    with pytest.raises(FileFormatError, match="DOCTYPE/ENTITY"):
        xlsx_safety.check_workbook_file(BAD / name)
    assert "DOCTYPE/ENTITY" in refused(BAD / name).message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "tidak ditemukan" in refused(tmp_path / "tidak_ada.xlsx").message
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    assert "folder" in refused(folder).message


def test_a_workbook_named_xls_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "salah_nama.xls"
    shutil.copy(GOOD, path)
    assert len(read_sop_workbook(path).document.steps) == 9


# -- zip bombs and lies ---------------------------------------------------------------------
def _zip_bomb(path: Path, inflated_mb: int, part: str = "xl/sharedStrings.xml") -> None:
    """A real workbook whose `part` holds one string that inflates to `inflated_mb` MB.

    Shared strings are read when the workbook opens, so without the cap openpyxl
    would hold the whole string in memory.
    """
    chunk = b"A" * (1024 * 1024)
    with zipfile.ZipFile(GOOD) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename != part:
                zf.writestr(info.filename, src.read(info.filename))
        original = src.read(part).decode("utf-8")
        head, _, tail = original.partition("<si>")
        with zf.open(part, "w") as fh:
            fh.write(f"{head}<si><t>".encode())
            for _ in range(inflated_mb):
                fh.write(chunk)
            fh.write(f"</t></si><si>{tail}".encode())


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bom") / "bom_zip.xlsx"
    _zip_bomb(path, 200)
    return path


def test_zip_bomb_is_refused_before_it_is_inflated(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 2 * 1024 * 1024
    start = time.perf_counter()
    error = refused(zip_bomb)
    elapsed = time.perf_counter() - start
    assert "terlalu besar setelah dibuka" in error.message
    assert "50 MB" in error.message
    assert elapsed < 1.0


_PEAK_RSS_SCRIPT = """
import resource, sys
from pathlib import Path
from kinerja_desktop.core.errors import FileFormatError
from kinerja_desktop.exchange.sop_xlsx import read_sop_workbook

def peak_kb():
    # VmHWM belongs to this program alone; ru_maxrss may carry the parent's size over
    # fork and exec on Linux, so it is the fallback where /proc does not exist.
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = peak_kb()
try:
    read_sop_workbook(Path(sys.argv[1]))
except FileFormatError:
    pass
print(peak_kb() - before)
"""


def test_zip_bomb_does_not_grow_memory(zip_bomb: Path) -> None:
    """Measured in a fresh process, so the peak RSS belongs to this read alone."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS_SCRIPT, str(zip_bomb)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        timeout=120,
    )
    grown_kb = int(done.stdout.strip())
    assert grown_kb < 50 * 1024


def test_under_the_cap_a_big_picture_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "gambar_besar.xlsx"
    with zipfile.ZipFile(GOOD) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info.filename))
        zf.writestr("xl/media/logo.png", bytes(20 * 1024 * 1024))  # never inflated by openpyxl
    assert len(read_sop_workbook(path).document.steps) == 9


def test_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "banyak.xlsx"
    shutil.copy(GOOD, path)
    with zipfile.ZipFile(path, "a") as zf:
        for n in range(DEFAULT_LIMITS.max_zip_entries):
            zf.writestr(f"xl/media/{n}.txt", "")
    assert "bagian" in refused(path).message


def _lie_about_size(src: Path, dst: Path, member: str, declared: int) -> None:
    """Rewrite the central directory so `member` claims a smaller uncompressed size."""
    data = bytearray(src.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        name = bytes(data[pos + 46 : pos + 46 + name_len]).decode()
        if name == member:
            struct.pack_into("<I", data, pos + 24, declared)
        pos = data.find(b"PK\x01\x02", pos + 46)
    dst.write_bytes(bytes(data))


def test_a_lying_declared_size_ends_in_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bohong.xlsx"
    _lie_about_size(GOOD, path, "xl/worksheets/sheet1.xml", 100)
    with zipfile.ZipFile(path) as zf:  # the declared sizes look small and harmless
        assert sum(i.file_size for i in zf.infolist()) < DEFAULT_LIMITS.max_uncompressed_bytes
    # zipfile inflates no more than the declared size, then the CRC check fails.
    assert "rusak" in refused(path).message


def test_rows_beyond_the_cap_are_reported(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(xlsx_safety, "DEFAULT_LIMITS", replace(DEFAULT_LIMITS, max_rows=10))
    result = read_sop_workbook(GOOD)
    assert len(result.document.steps) == 4  # rows 7-10 of the sheet
    assert any(n.level == "masalah" and "baris pertama" in n.message for n in result.notes)


def test_a_file_this_user_may_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rahasia.xlsx"
    shutil.copy(GOOD, path)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):
        if self.name == path.name:  # what chmod 000 does (root may read anything)
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert "tidak boleh dibaca oleh pengguna ini" in refused(path).message


def test_a_broken_styles_part_is_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "gaya_rusak.xlsx"
    with zipfile.ZipFile(GOOD) as src, zipfile.ZipFile(path, "w") as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/styles.xml":
                data = data.replace(b'numFmtId="', b'numFmtId="x', 1)
            zf.writestr(info.filename, data)
    assert "rusak" in refused(path).message


def test_the_safe_opening_api_for_other_readers(tmp_path: Path) -> None:
    """What a data-kinerja form reader uses: the grids and its own, tighter limits."""
    book = xlsx_safety.open_workbook_safely(GOOD)
    assert [g.title for g in book.sheets] == ["Pengumpulan Data"]
    assert book.sheet("pengumpulan  data") is book.sheets[0]
    tight = replace(DEFAULT_LIMITS, max_cells=50)
    with pytest.raises(FileFormatError, match="lebih dari 50 sel berisi"):
        xlsx_safety.open_workbook_safely(GOOD, tight)
