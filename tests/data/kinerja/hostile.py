"""The corpus of malformed and hostile returned forms, generated from a real
form (nothing large is stored in the repository).

`make_corpus(form, folder, other_unit_form)` writes every case into `folder`
and returns [(name, path, expected message fragment)]. Each must be refused
with one clear Indonesian message and change no stored value.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

META_ROW = {
    k: i
    for i, k in enumerate(
        (
            "aplikasi",
            "versi_formulir",
            "kecamatan_id",
            "kecamatan",
            "putaran_id",
            "periode",
            "unit_id",
            "unit",
            "dibuat",
            "tenggat",
            "baris_header",
            "jumlah_indikator",
            "checksum",
        ),
        1,
    )
}


def _edit(src: Path, out: Path, change) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(out)
    return out


def _meta(key: str, value: object):
    def change(wb) -> None:
        wb["Meta"].cell(row=META_ROW[key], column=2, value=value)

    return change


def _cell(ref: str, value: object, fmt: str | None = None):
    def change(wb) -> None:
        ws = wb["Formulir"]
        ws[ref] = value
        if isinstance(value, str) and value.startswith("="):
            ws[ref].data_type = "f"
        if fmt:
            ws[ref].number_format = fmt

    return change


def _rewrite(src: Path, out: Path, part: str, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == part else data)
    return out


def _swap_rows(wb) -> None:
    ws = wb["Formulir"]
    for col in range(1, 6):
        a, b = ws.cell(row=13, column=col), ws.cell(row=14, column=col)
        a.value, b.value = b.value, a.value


def _zip_bomb(out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    return out


def _entity_bomb(src: Path, out: Path) -> Path:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return _rewrite(
        src,
        out,
        "xl/worksheets/sheet1.xml",
        lambda d: bomb + (d.split(b"?>", 1)[1] if d.startswith(b"<?xml") else d),
    )


def _element_bomb(src: Path, out: Path) -> Path:
    many = b"<c/>" * 600_000
    return _rewrite(
        src,
        out,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"<sheetData>", b'<sheetData><row r="9999">' + many + b"</row>", 1),
    )


def _encrypted(out: Path) -> Path:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    out.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    return out


def make_corpus(form: Path, folder: Path, other_unit_form: Path) -> list[tuple[str, Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    p = lambda name: folder / f"{name}.xlsx"  # noqa: E731
    data = form.read_bytes()
    other = openpyxl.load_workbook(other_unit_form)["Meta"]
    cases: list[tuple[str, Path, str]] = []

    def add(name: str, path: Path, expect: str) -> None:
        cases.append((name, path, expect))

    add(
        "meta_dihapus",
        _edit(form, p("meta_dihapus"), lambda wb: wb.remove(wb["Meta"])),
        "lembar 'Meta' tidak ada",
    )
    add(
        "meta_aplikasi",
        _edit(form, p("meta_aplikasi"), _meta("aplikasi", "Program lain")),
        "metadata formulir tidak dikenal",
    )
    add(
        "meta_checksum",
        _edit(form, p("meta_checksum"), _meta("checksum", "0" * 64)),
        "tidak cocok dengan formulir yang pernah dikeluarkan",
    )
    add(
        "meta_unit_lain",
        _edit(form, p("meta_unit_lain"), _meta("unit_id", other.cell(row=7, column=2).value)),
        "tidak cocok dengan formulir yang pernah dikeluarkan",
    )
    add(
        "meta_kecamatan_lain",
        _edit(form, p("meta_kecamatan_lain"), _meta("kecamatan_id", "f" * 32)),
        "basis data lain",
    )
    add(
        "meta_putaran_lain",
        _edit(form, p("meta_putaran_lain"), _meta("putaran_id", "999")),
        "tidak dikenal di basis data ini",
    )
    add(
        "meta_periode_lain",
        _edit(form, p("meta_periode_lain"), _meta("periode", "2026-TW4")),
        "tidak dikenal di basis data ini",
    )
    add("meta_rusak", _edit(form, p("meta_rusak"), _meta_key_broken), "metadata formulir rusak")
    add(
        "meta_baris_diubah",
        _edit(form, p("meta_baris_diubah"), _meta_rows_swapped),
        "daftar baris indikator",
    )
    add("target_diubah", _edit(form, p("target_diubah"), _cell("E13", 1)), "Formulir!E13")
    add(
        "nama_diubah", _edit(form, p("nama_diubah"), _cell("C14", "Indikator lain")), "Formulir!C14"
    )
    add(
        "baris_disisipkan",
        _edit(form, p("baris_disisipkan"), lambda wb: wb["Formulir"].insert_rows(14)),
        "sel terkunci diubah",
    )
    add(
        "baris_dihapus",
        _edit(form, p("baris_dihapus"), lambda wb: wb["Formulir"].delete_rows(14)),
        "sel terkunci diubah",
    )
    add("baris_ditukar", _edit(form, p("baris_ditukar"), _swap_rows), "sel terkunci diubah")
    add("baris_ditambah", _edit(form, p("baris_ditambah"), _add_row_after), "baris tambahan")
    add("judul_kolom", _edit(form, p("judul_kolom"), _cell("F12", "Nilai")), "judul kolom diubah")
    add("teks_di_angka", _edit(form, p("teks_di_angka"), _cell("F14", "sekitar 80")), "bukan angka")
    add(
        "rumus_hyperlink",
        _edit(form, p("rumus_hyperlink"), _cell("F14", '=HYPERLINK("http://contoh.test","85")')),
        "berisi rumus",
    )
    add(
        "rumus_dde", _edit(form, p("rumus_dde"), _cell("F14", "=cmd|' /C calc'!A0")), "berisi rumus"
    )
    add("teks_raksasa", _edit(form, p("teks_raksasa"), _cell("H13", "x" * 5000)), "terlalu panjang")
    add(
        "tanggal_di_angka",
        _edit(form, p("tanggal_di_angka"), _cell("F14", datetime(2026, 9, 1), "dd/mm/yyyy")),
        "tanggal",
    )
    add("logika_di_angka", _edit(form, p("logika_di_angka"), _cell("F14", True)), "nilai logika")
    add(
        "sel_digabung",
        _edit(form, p("sel_digabung"), lambda wb: wb["Formulir"].merge_cells("F13:F14")),
        "digabung",
    )
    add(
        "lembar_diganti_nama",
        _edit(form, p("lembar_diganti_nama"), _rename_sheet),
        "lembar 'Formulir' tidak ada",
    )
    add(
        "lembar_dihapus",
        _edit(form, p("lembar_dihapus"), _delete_form_sheet),
        "lembar 'Formulir' tidak ada",
    )
    add("skala_salah", _edit(form, p("skala_salah"), _cell("F13", "WTX")), "bukan tingkat skala")
    add(
        "persen_di_jumlah", _edit(form, p("persen_di_jumlah"), _cell("F16", "85%")), "berupa persen"
    )
    p("xls_diganti_nama").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    add("xls_diganti_nama", p("xls_diganti_nama"), "Excel lama (.xls)")
    add("terkunci_sandi", _encrypted(p("terkunci_sandi")), "kata sandi")
    add("bom_zip", _zip_bomb(p("bom_zip")), "terlalu besar")
    add("bom_entitas", _entity_bomb(form, p("bom_entitas")), "DOCTYPE/ENTITY")
    add("bom_unsur", _element_bomb(form, p("bom_unsur")), "tidak wajar")  # generic cell cap first
    p("terpotong").write_bytes(data[: len(data) // 2])
    add("terpotong", p("terpotong"), "rusak")
    p("kosong").write_bytes(b"")
    add("kosong", p("kosong"), "kosong")
    p("csv").write_text("No;Indikator;Realisasi\n1;Indeks;80\n", encoding="utf-8")
    add("csv", p("csv"), "teks biasa")
    p("pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 100)
    add("pdf", p("pdf"), "PDF")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    p("docx").write_bytes(buf.getvalue())
    add("docx", p("docx"), "Word")
    return cases


def _meta_key_broken(wb) -> None:
    wb["Meta"].cell(row=5, column=1, value="bukan_kunci")


def _meta_rows_swapped(wb) -> None:
    ws = wb["Meta"]
    start = len(META_ROW) + 3
    a, b = ws.cell(row=start, column=2), ws.cell(row=start + 1, column=2)
    a.value, b.value = b.value, a.value


def _add_row_after(wb) -> None:
    ws = wb["Formulir"]
    last = 12 + int(wb["Meta"].cell(row=META_ROW["jumlah_indikator"], column=2).value)
    ws.cell(row=last + 1, column=3, value="Indikator tambahan dari unit")
    ws.cell(row=last + 1, column=6, value=5)


def _rename_sheet(wb) -> None:
    wb["Formulir"].title = "Lembar1"


def _delete_form_sheet(wb) -> None:
    wb["Meta"].sheet_state = "visible"
    wb.remove(wb["Formulir"])
