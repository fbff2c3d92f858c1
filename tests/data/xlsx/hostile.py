"""The hostile corpus: workbooks made to exhaust, confuse or break the reader.

Generated on demand (many are small on disk but huge inflated, or simply large),
never stored: `build_corpus(folder)` writes every case into `folder` and returns
(case, path) pairs. Used by tests/test_xlsx_hostile.py (each file: a clear
Indonesian refusal or a clean import, quickly, nothing written) and by
benchmarks/hostile_benchmark.py (time and peak memory of each, in its own
process, through `sop impor --ya` with the database checked unchanged on refusal).

Each case names what it must end in: `refuse` is a piece of the message; `ok`
means the file is read (an SOP comes out); `any` means either, as long as it is
one clear message (a file that is odd but not necessarily wrong).

    python tests/data/xlsx/hostile.py OUT_FOLDER   # write the corpus, list it
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD = HERE / "ketik_masama_pengumpulan_ceklis.xlsx"
SHEET = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
WORKBOOK = "xl/workbook.xml"
MB = 1024 * 1024

Pieces = Iterable[bytes]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    expect: str  # "ok", "any", or a piece of the refusal message
    what: str = ""


def _good_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(GOOD) as zf:
        return {info.filename: zf.read(info.filename) for info in zf.infolist()}


def _write(dst: Path, parts: dict[str, bytes | Callable[[], Pieces]], *, stored=False) -> None:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(dst, "w", method) as zf:
        for name, data in parts.items():
            if isinstance(data, bytes):
                zf.writestr(name, data)
                continue
            with zf.open(name, "w", force_zip64=True) as fh:
                for piece in data():
                    fh.write(piece)


def _variant(dst: Path, **changes: bytes | Callable[[], Pieces] | None) -> None:
    """The good workbook with parts replaced (None: removed); keys use '__' for '/'."""
    parts: dict[str, bytes | Callable[[], Pieces]] = dict(_good_parts())
    for key, value in changes.items():
        name = key.replace("__", "/").replace("_DOT_", ".")
        if value is None:
            parts.pop(name, None)
        else:
            parts[name] = value
    _write(dst, parts)


def _sheet_with(before_end: str = "", after_start: str = "", tail: str = "") -> bytes:
    """sheet1.xml with rows inserted into sheetData and elements after it."""
    xml = _good_parts()[SHEET].decode()
    xml = xml.replace("<sheetData>", "<sheetData>" + after_start, 1)
    xml = xml.replace("</sheetData>", before_end + "</sheetData>" + tail, 1)
    return xml.encode()


def _streamed_sheet(rows: Callable[[], Iterator[str]], tail: str = "") -> Callable[[], Pieces]:
    head, _, rest = _good_parts()[SHEET].decode().partition("</sheetData>")

    def pieces() -> Pieces:
        yield head.encode()
        batch: list[str] = []
        for row in rows():
            batch.append(row)
            if len(batch) >= 2000:
                yield "".join(batch).encode()
                batch = []
        yield "".join(batch).encode()
        yield ("</sheetData>" + tail + rest).encode()

    return pieces


def _repeat(prefix: str, unit: str, count: int, suffix: str) -> Callable[[], Pieces]:
    def pieces() -> Pieces:
        yield prefix.encode()
        block = (unit * 10_000).encode()
        for _ in range(count // 10_000):
            yield block
        yield (unit * (count % 10_000)).encode()
        yield suffix.encode()

    return pieces


def _inside(part: str, marker: str, inner: Callable[[], Pieces]) -> Callable[[], Pieces]:
    """`part` of the good workbook with `inner` streamed in just after `marker`."""
    text = _good_parts()[part].decode()
    head, found, tail = text.partition(marker)

    def pieces() -> Pieces:
        yield (head + found).encode()
        yield from inner()
        yield tail.encode()

    return pieces


def _steps(count: int, text: Callable[[int], str] = lambda n: f"Langkah nomor {n}") -> str:
    """Rows 20… of the typed table: number, uraian, a mark in the Camat column."""
    return "".join(_step_row(16 + n, n + 10, text(n)) for n in range(count))


def _step_row(r: int, number: int, text: str) -> str:
    """One typed step row right under the good workbook's table (rows 7-15)."""
    return (
        f'<row r="{r}"><c r="B{r}" t="n"><v>{number}</v></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>{text}</t></is></c>'
        f'<c r="D{r}" t="inlineStr"><is><t>v</t></is></c></row>'
    )


def _cell_text(chars: int) -> Callable[[], Pieces]:
    return _streamed_sheet(
        lambda: iter(
            ['<row r="30"><c r="C30" t="inlineStr"><is><t>' + "A" * chars + "</t></is></c></row>"]
        )
    )


# -- the cases -----------------------------------------------------------------------------
def _cases_size() -> list[Case]:
    def bomb(dst: Path) -> None:  # one shared string inflating to 200 MB
        _variant(
            dst,
            xl__sharedStrings_DOT_xml=_repeat("<sst><si><t>", "A" * 100, 2 * MB, "</t></si></sst>"),
        )

    def lying(dst: Path) -> None:  # declared small, inflates to 60 MB
        bomb_src = dst.with_suffix(".tmp")
        _variant(
            bomb_src,
            xl__sharedStrings_DOT_xml=_repeat(
                "<sst><si><t>", "B" * 100, 600_000, "</t></si></sst>"
            ),
        )
        data = bytearray(bomb_src.read_bytes())
        bomb_src.unlink()
        pos = data.find(b"PK\x01\x02")
        while pos != -1:
            name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
            if bytes(data[pos + 46 : pos + 46 + name_len]) == SHARED.encode():
                data[pos + 24 : pos + 28] = (1000).to_bytes(4, "little")
            pos = data.find(b"PK\x01\x02", pos + 46)
        dst.write_bytes(bytes(data))

    def many_entries(dst: Path) -> None:
        parts: dict[str, bytes | Callable[[], Pieces]] = dict(_good_parts())
        parts.update({f"xl/media/x{n}.bin": b"" for n in range(1001)})
        _write(dst, parts)

    def big_part(dst: Path) -> None:  # 17 MB of white space inside sheetData
        _variant(
            dst,
            xl__worksheets__sheet1_DOT_xml=_inside(
                SHEET, "<sheetData>", lambda: iter([b" " * (17 * MB)])
            ),
        )

    def shared_bytes(size_mb: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:  # honest distinct strings, `size_mb` MB
            count = size_mb * MB // 40

            def pieces() -> Pieces:
                yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                yield (
                    _good_parts()[SHARED].decode().split(">", 2)[2].rsplit("</sst>", 1)[0].encode()
                )
                for start in range(0, count, 5000):
                    yield "".join(
                        f"<si><t>teks ke-{n:012d} panjang</t></si>"
                        for n in range(start, min(count, start + 5000))
                    ).encode()
                yield b"</sst>"

            _variant(dst, xl__sharedStrings_DOT_xml=pieces)

        return build

    def many_strings(dst: Path) -> None:
        def pieces() -> Pieces:
            yield _good_parts()[SHARED].decode().rsplit("</sst>", 1)[0].encode()
            yield b"<si><t>x</t></si>" * 250_000
            yield b"</sst>"

        _variant(dst, xl__sharedStrings_DOT_xml=pieces)

    def zip64_declared(dst: Path) -> None:  # declares 5 GB without holding it
        _variant(dst)
        data = bytearray(dst.read_bytes())
        pos = data.find(b"PK\x01\x02")
        while pos != -1:
            name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
            if bytes(data[pos + 46 : pos + 46 + name_len]) == SHEET.encode():
                data[pos + 24 : pos + 28] = (0xFFFFFFF0).to_bytes(4, "little")
            pos = data.find(b"PK\x01\x02", pos + 46)
        dst.write_bytes(bytes(data))

    return [
        Case("bom_zip_200mb.xlsx", bomb, "terlalu besar setelah dibuka", "shared string of 200 MB"),
        Case("bom_zip_ukuran_bohong.xlsx", lying, "file rusak", "declared 1 KB, holds 60 MB"),
        Case("bagian_1001.xlsx", many_entries, "bagian; batas 1000", "1,001 zip entries"),
        Case("bagian_17mb.xlsx", big_part, "lebih dari 16 MB", "one part of 17 MB"),
        Case(
            "sharedstrings_jujur_48mb.xlsx",
            shared_bytes(48),
            "terlalu besar",
            "48 MB of real strings",
        ),
        Case(
            "sharedstrings_jujur_9mb.xlsx",
            shared_bytes(9),
            "lebih dari 8 MB",
            "9 MB of real strings",
        ),
        Case("sharedstrings_250rb.xlsx", many_strings, "teks berbeda", "250,000 shared strings"),
        Case(
            "ukuran_4gb_dinyatakan.xlsx",
            zip64_declared,
            "terlalu besar setelah dibuka",
            "declares 4 GB",
        ),
    ]


def _cases_xml() -> list[Case]:
    def unknown(part: str, marker: str, count: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            key = part.replace("/", "__").replace(".", "_DOT_")
            _variant(dst, **{key: _inside(part, marker, _repeat("", "<zz/>", count, ""))})

        return build

    def deep(part: str, marker: str, depth: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            key = part.replace("/", "__").replace(".", "_DOT_")
            inner = lambda: iter([b"<d>" * depth, b"</d>" * depth])  # noqa: E731
            _variant(dst, **{key: _inside(part, marker, inner)})

        return build

    def spread(dst: Path) -> None:  # 4 parts under the per-part cap, over the total
        parts: dict[str, bytes | Callable[[], Pieces]] = dict(_good_parts())
        for n in range(4):
            parts[f"customXml/item{n}.xml"] = _repeat("<r>", "<zz/>", 500_000, "</r>")
        _write(dst, parts)

    def dtd(part: str, text: str) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            xml = _good_parts()[part].decode()
            body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
            parts = dict(_good_parts())
            parts[part] = ('<?xml version="1.0"?>' + text + body).encode()
            _write(dst, parts)

        return build

    laughs = (
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    external = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'

    def late_dtd(dst: Path) -> None:  # the DOCTYPE after 10 KB of comment-free padding
        xml = _good_parts()[STYLES].decode().split("?>", 1)[1]
        parts = dict(_good_parts())
        parts[STYLES] = ('<?xml version="1.0"?>' + " " * 10_000 + laughs + xml).encode()
        _write(dst, parts)

    def utf16_dtd(dst: Path) -> None:
        xml = _good_parts()[SHARED].decode().split("?>", 1)[1]
        parts = dict(_good_parts())
        parts[SHARED] = ('<?xml version="1.0" encoding="UTF-16"?>' + laughs + xml).encode("utf-16")
        _write(dst, parts)

    return [
        Case(
            "unsur_12jt_sheet.xlsx",
            unknown(SHEET, "</sheetData>", 12_000_000),
            "terlalu besar",
            "12 M unknown elements",
        ),
        Case(
            "unsur_12jt_workbook.xlsx", unknown(WORKBOOK, "</sheets>", 12_000_000), "terlalu besar"
        ),
        Case(
            "unsur_3jt_workbook.xlsx",
            unknown(WORKBOOK, "</sheets>", 3_000_000),
            "unsur XML",
            "15 MB: under the part cap",
        ),
        Case("unsur_2jt_styles.xlsx", unknown(STYLES, "</cellXfs>", 2_000_000), "unsur XML"),
        Case(
            "unsur_150rb_styles.xlsx",
            unknown(STYLES, "</cellXfs>", 150_000),
            "unsur XML",
            "styles.xml over its own cap",
        ),
        Case("unsur_tersebar_4_bagian.xlsx", spread, "unsur XML", "4 × 500,000 elements"),
        Case(
            "unsur_590rb_sheet.xlsx",
            unknown(SHEET, "</sheetData>", 590_000),
            "ok",
            "just under the part cap",
        ),
        Case(
            "unsur_610rb_sheet.xlsx",
            unknown(SHEET, "</sheetData>", 610_000),
            "unsur XML",
            "just over the part cap",
        ),
        Case("sarang_100rb_sheet.xlsx", deep(SHEET, "<sheetData>", 100_000), "bersarang"),
        Case("sarang_100rb_workbook.xlsx", deep(WORKBOOK, "<sheets>", 100_000), "bersarang"),
        Case("sarang_100rb_sharedstrings.xlsx", deep(SHARED, '">', 100_000), "bersarang"),
        Case(
            "sarang_65_sheet.xlsx", deep(SHEET, "</sheetData>", 65), "bersarang", "one over the cap"
        ),
        Case("doctype_sheet.xlsx", dtd(SHEET, laughs), "DOCTYPE/ENTITY"),
        Case("doctype_workbook.xlsx", dtd(WORKBOOK, laughs), "DOCTYPE/ENTITY"),
        Case("doctype_content_types.xlsx", dtd("[Content_Types].xml", laughs), "DOCTYPE/ENTITY"),
        Case("entitas_luar_sharedstrings.xlsx", dtd(SHARED, external), "DOCTYPE/ENTITY"),
        Case("doctype_setelah_10kb_styles.xlsx", late_dtd, "DOCTYPE/ENTITY"),
        Case("doctype_utf16_sharedstrings.xlsx", utf16_dtd, "DOCTYPE/ENTITY"),
    ]


def _cases_cells() -> list[Case]:
    def shared_cell(chars: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            def pieces() -> Pieces:
                yield _good_parts()[SHARED].decode().rsplit("</sst>", 1)[0].encode()
                yield b"<si><t>"
                yield b"B" * chars
                yield b"</t></si></sst>"

            _variant(dst, xl__sharedStrings_DOT_xml=pieces)

        return build

    def runs(dst: Path) -> None:  # one shared string of 10,000 runs of 10 characters
        def pieces() -> Pieces:
            yield _good_parts()[SHARED].decode().rsplit("</sst>", 1)[0].encode()
            yield b"<si>" + b"<r><t>0123456789</t></r>" * 10_000 + b"</si></sst>"

        _variant(dst, xl__sharedStrings_DOT_xml=pieces)

    def wide(rows: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            def gen() -> Iterator[str]:
                for r in range(40, 40 + rows):
                    yield (
                        f'<row r="{r}">'
                        + "".join(
                            f'<c r="{_col(c)}{r}" t="n"><v>{c}</v></c>' for c in range(16_384)
                        )
                        + "</row>"
                    )

            _variant(dst, xl__worksheets__sheet1_DOT_xml=_streamed_sheet(gen))

        return build

    def tall(rows: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:  # step rows all the way down
            def gen() -> Iterator[str]:
                for n in range(rows):
                    yield _step_row(16 + n, 10 + n, f"baris {n}")

            _variant(dst, xl__worksheets__sheet1_DOT_xml=_streamed_sheet(gen))

        return build

    def cells(count: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:  # `count` small cells, 8 a row, far below the table
            def gen() -> Iterator[str]:
                for r in range(100, 100 + count // 8):
                    yield (
                        f'<row r="{r}">'
                        + "".join(
                            f'<c r="{_col(20 + c)}{r}" t="n"><v>{c}</v></c>' for c in range(8)
                        )
                        + "</row>"
                    )

            _variant(dst, xl__worksheets__sheet1_DOT_xml=_streamed_sheet(gen))

        return build

    def steps(count: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            _variant(dst, xl__worksheets__sheet1_DOT_xml=_sheet_with(before_end=_steps(count)))

        return build

    def far_refs(dst: Path) -> None:
        _variant(
            dst,
            xl__worksheets__sheet1_DOT_xml=_sheet_with(
                before_end='<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>jauh</t></is></c></row>'
            ),
        )

    return [
        Case(
            "sel_5mb_inline.xlsx", _variant_with(_cell_text(5 * MB)), "lebih dari 32.767 karakter"
        ),
        Case(
            "sel_45mb_inline.xlsx", _variant_with(_cell_text(45 * MB)), "lebih dari 32.767 karakter"
        ),
        Case("sel_5mb_shared.xlsx", shared_cell(5 * MB), "lebih dari 32.767 karakter"),
        Case(
            "sel_32768.xlsx",
            shared_cell(32_768),
            "lebih dari 32.767 karakter",
            "one over Excel's limit",
        ),
        Case("sel_32767.xlsx", shared_cell(32_767), "ok", "exactly Excel's limit"),
        Case(
            "sel_10rb_potongan.xlsx",
            runs,
            "lebih dari 32.767 karakter",
            "10,000 runs in one string",
        ),
        Case("kolom_16384_satu_baris.xlsx", wide(1), "ok", "16,384 columns in one row"),
        Case("kolom_16384_20_baris.xlsx", wide(20), "sel berisi", "327,000 cells in 20 rows"),
        Case("baris_100rb.xlsx", tall(100_000), "sel berisi", "100,000 step rows"),
        Case("baris_40rb.xlsx", tall(40_000), "langkah", "40,000 step rows (2,000 read)"),
        Case(
            "baris_100rb_tanpa_isi.xlsx",
            _variant_with(_streamed_sheet(lambda: (f'<row r="{r}"/>' for r in range(20, 100_020)))),
            "any",
            "100,000 empty rows",
        ),
        Case("baris_5000.xlsx", tall(5000), "langkah", "5,000 steps"),
        Case("langkah_301.xlsx", steps(301), "langkah", "one step over the cap"),
        Case("langkah_300.xlsx", steps(290), "ok", "290 steps"),
        Case("sel_210rb.xlsx", cells(210_000), "sel berisi", "210,000 cells"),
        Case("sel_190rb.xlsx", cells(190_000), "ok", "190,000 cells, far below the table"),
        Case("ref_terjauh.xlsx", far_refs, "ok", "a cell at XFD1048576"),
    ]


def _variant_with(sheet: Callable[[], Pieces] | bytes) -> Callable[[Path], None]:
    return lambda dst: _variant(dst, xl__worksheets__sheet1_DOT_xml=sheet)


def _col(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cases_merges() -> list[Case]:
    def merges(refs: Callable[[], Iterable[str]], sheets: int = 1) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            tail = (
                "<mergeCells>"
                + "".join(f'<mergeCell ref="{r}"/>' for r in refs())
                + "</mergeCells>"
            )
            sheet = _sheet_with(tail=tail)
            parts = dict(_good_parts())
            parts[SHEET] = sheet
            if sheets > 1:
                _add_sheets(parts, sheets - 1, sheet)
            _write(dst, parts)

        return build

    return [
        Case(
            "gabung_raksasa_27_lembar.xlsx",
            merges(lambda: ["A1:XFD1048576"], 27),
            "sel gabungan meliputi",
        ),
        Case(
            "gabung_5000_tumpang_tindih.xlsx",
            merges(lambda: ["A1:BL2000"] * 5000),
            "sel gabungan meliputi",
        ),
        Case(
            "gabung_10001_kecil.xlsx",
            merges(lambda: [f"N{r}:O{r}" for r in range(1, 10_002)]),
            "lebih dari 10.000 sel gabungan",
        ),
        Case(
            "gabung_satu_raksasa.xlsx",
            merges(lambda: ["N1:XFD1048576"]),
            "any",
            "one merge, clamped",
        ),
        Case(
            "gabung_ref_rusak.xlsx",
            merges(lambda: ["A1:", "ZZZZ1:A1", "1:1", ""]),
            "any",
            "unreadable refs",
        ),
    ]


def _add_sheets(parts: dict, count: int, sheet: bytes) -> None:
    wb = parts[WORKBOOK].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    types = parts["[Content_Types].xml"].decode()
    entries, targets, overrides = [], [], []
    for n in range(count):
        sid = n + 100
        entries.append(
            f'<sheet name="Lembar {sid}" sheetId="{sid}" state="visible" r:id="rIdX{sid}"/>'
        )
        targets.append(
            f'<Relationship Id="rIdX{sid}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/extra{sid}.xml"/>'
        )
        overrides.append(
            f'<Override PartName="/xl/worksheets/extra{sid}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        parts[f"xl/worksheets/extra{sid}.xml"] = sheet
    parts[WORKBOOK] = wb.replace("</sheets>", "".join(entries) + "</sheets>").encode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", "".join(targets) + "</Relationships>"
    ).encode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", "".join(overrides) + "</Types>"
    ).encode()


def _cases_structure() -> list[Case]:
    def sheets(count: int) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            parts = dict(_good_parts())
            _add_sheets(parts, count - 1, parts[SHEET])
            _write(dst, parts)

        return build

    def part(name: str, data: bytes | None) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            parts = dict(_good_parts())
            if data is None:
                parts.pop(name)
            else:
                parts[name] = data
            _write(dst, parts)

        return build

    def edit(name: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
        def build(dst: Path) -> None:
            parts = dict(_good_parts())
            text = parts[name].decode()
            assert old in text, (name, old)
            parts[name] = text.replace(old, new, count).encode()
            _write(dst, parts)

        return build

    styles = _good_parts()[STYLES].decode()
    return [
        Case("lembar_31.xlsx", sheets(31), "lembar (batas 30)"),
        Case("lembar_200_kecil.xlsx", sheets(200), "lembar (batas 30)"),
        Case("styles_sampah.xlsx", part(STYLES, b"\x00\x01 bukan xml sama sekali"), "XML"),
        Case("styles_terpotong.xlsx", part(STYLES, styles[: len(styles) // 2].encode()), "XML"),
        Case(
            "styles_numfmt_bukan_angka.xlsx", edit(STYLES, 'numFmtId="', 'numFmtId="abc', 1), "any"
        ),
        Case(
            "styles_atribut_aneh.xlsx", edit(STYLES, "<fonts", '<fonts count="-5" zz="1"', 1), "any"
        ),
        Case("styles_tanpa.xlsx", part(STYLES, None), "any"),
        Case(
            "styles_fill_tanpa_isi.xlsx",
            part(STYLES, re.sub(r"<fills.*?</fills>", "<fills/>", styles, flags=re.S).encode()),
            "any",
        ),
        Case("styles_xf_merujuk_jauh.xlsx", edit(STYLES, 'fontId="0"', 'fontId="99999"', 3), "any"),
        Case("workbook_lembar_hilang.xlsx", part(SHEET, None), "any"),
        Case("sheet_xml_rusak.xlsx", part(SHEET, b"<worksheet><sheetData><row><c>"), "XML"),
        Case("sheet_terpotong.xlsx", part(SHEET, _good_parts()[SHEET][:3000]), "XML"),
        Case(
            "shared_indeks_jauh.xlsx",
            edit(SHEET, '<c r="C4" s="1" t="s"><v>2</v>', '<c r="C4" s="1" t="s"><v>999999</v>'),
            "any",
        ),
        Case(
            "shared_indeks_bukan_angka.xlsx",
            edit(SHEET, '<c r="C4" s="1" t="s"><v>2</v>', '<c r="C4" s="1" t="s"><v>abc</v>'),
            "any",
        ),
        Case(
            "angka_tak_hingga.xlsx",
            edit(SHEET, '<c r="B7" s="0" t="n"><v>1</v>', '<c r="B7" s="0" t="n"><v>1e99999</v>'),
            "any",
        ),
        Case(
            "tanggal_di_luar_jangkauan.xlsx",
            edit(
                SHEET, '<c r="B7" s="0" t="n"><v>1</v>', '<c r="B7" s="0" t="d"><v>99999-99-99</v>'
            ),
            "any",
        ),
        Case(
            "rels_keluar_arsip.xlsx",
            edit(
                "xl/_rels/workbook.xml.rels",
                'Target="worksheets/sheet1.xml"',
                'Target="../../../../etc/passwd"',
            ),
            "any",
        ),
        Case("content_types_tanpa.xlsx", part("[Content_Types].xml", None), "any"),
        Case(
            "nama_lembar_panjang.xlsx",
            edit(WORKBOOK, 'name="Pengumpulan Data"', 'name="' + "N" * 300 + '"'),
            "any",
        ),
        Case("karakter_fffe_di_xml.xlsx", edit(SHARED, "No.</t>", "No.&#xFFFE;</t>"), "XML"),
        Case(
            "dimensi_bohong.xlsx",
            edit(SHEET, '<dimension ref="B2:L15"/>', '<dimension ref="A1:XFD1048576"/>'),
            "ok",
        ),
        Case("rumus_tanpa_nilai.xlsx", _uncached_formulas, "rumus", "formulas never computed"),
        Case(
            "sheetdata_kosong.xlsx",
            part(
                SHEET,
                re.sub(
                    r"<sheetData>.*</sheetData>",
                    "<sheetData/>",
                    _good_parts()[SHEET].decode(),
                    flags=re.S,
                ).encode(),
            ),
            "tabel langkah SOP tidak ditemukan",
        ),
        Case("entri_terenkripsi.xlsx", _encrypted_flag, "terkunci kata sandi"),
    ]


def _uncached_formulas(dst: Path) -> None:
    """A typed table whose step texts are formulas with no cached value."""
    xml = _good_parts()[SHEET].decode()
    xml = re.sub(
        r'<c r="(C(?:[7-9]|1[0-5]))" s="0" t="s"><v>\d+</v></c>',
        lambda m: f'<c r="{m.group(1)}" s="0" t="str"><f>CONCATENATE("Langkah ",ROW())</f></c>',
        xml,
    )
    _variant(dst, xl__worksheets__sheet1_DOT_xml=xml.encode())


def _encrypted_flag(dst: Path) -> None:
    _variant(dst)
    data = bytearray(dst.read_bytes())
    pos = data.find(b"PK\x01\x02")
    data[pos + 8] |= 0x1
    dst.write_bytes(bytes(data))


def _cases_files() -> list[Case]:
    def fifo(dst: Path) -> None:
        os.mkfifo(dst)

    def link_to(target: str) -> Callable[[Path], None]:
        return lambda dst: dst.symlink_to(target)

    def truncated(dst: Path) -> None:
        data = GOOD.read_bytes()
        dst.write_bytes(data[: len(data) // 2])

    cases = [
        Case("kosong_0_byte.xlsx", lambda dst: dst.write_bytes(b""), "file kosong"),
        Case("terpotong_separuh.xlsx", truncated, "rusak atau terpotong"),
    ]
    if os.name != "nt":
        cases += [
            Case("pipa_fifo.xlsx", fifo, "bukan file biasa"),
            Case("tautan_dev_zero.xlsx", link_to("/dev/zero"), "bukan file biasa"),
            Case("tautan_folder.xlsx", link_to("/"), "folder"),
        ]
    return cases


CASES: list[Case] = [
    *_cases_size(),
    *_cases_xml(),
    *_cases_cells(),
    *_cases_merges(),
    *_cases_structure(),
    *_cases_files(),
]


def build_corpus(folder: Path, names: Iterable[str] | None = None) -> list[tuple[Case, Path]]:
    """Write the corpus (or the named cases) into `folder`."""
    wanted = set(names) if names is not None else None
    made = []
    for case in CASES:
        if wanted is not None and case.name not in wanted:
            continue
        path = folder / case.name
        if not path.exists() and not path.is_symlink():
            case.build(path)
        made.append((case, path))
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for case, path in build_corpus(out):
        size = path.lstat().st_size
        print(f"{case.name:45} {size:>10} B  → {case.expect}")
