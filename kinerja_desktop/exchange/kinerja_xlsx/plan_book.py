"""The plan workbook: Renstra, Struktur (the tree with pagu per year),
Indikator (with the calculation rule and a target per year) and PK sheets,
written from and read into a `core.kinerja.plan_book.PlanBook`.

Values are read as a person types them (`core.kinerja.values.read_typed`):
`12,5`, `1.234`, scale labels; an empty cell is "no target", never 0. Every
problem names its sheet and cell; any problem refuses the whole workbook
(the service stores nothing from it).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...core.errors import FileFormatError, ValidationError
from ...core.kinerja.forms import FormProblem
from ...core.kinerja.plan import Indicator, Renstra, Target, parse_level
from ...core.kinerja.plan_book import CAMAT, BookIndicator, BookNode, BookPk, BookPkItem, PlanBook
from ...core.kinerja.rules import CalculationRule, ValueKind
from ...core.kinerja.values import read_typed
from ..atomic import write_atomically
from ..xlsx.grid import SheetGrid, cell_text
from ..xlsx.safety import fail, read_workbook_grids
from ..xlsx.style import FONT_BOLD, FONT_TITLE, HEADER_FILL, put_text, style
from .xlsxml import address

S_PETUNJUK, S_RENSTRA, S_STRUKTUR, S_INDIKATOR, S_PK = (
    "Petunjuk",
    "Renstra",
    "Struktur",
    "Indikator",
    "PK",
)
STRUKTUR = ("Tingkat", "Kode", "Nama", "Kode Induk")
INDIKATOR = (
    "Kode",
    "Nama Indikator",
    "Kode Induk",
    "Satuan",
    "Unit Penanggung Jawab",
    "IKU",
    "Polaritas",
    "Agregasi",
    "Jenis Nilai",
    "Skala",
    "Rumus Negatif",
    "Definisi",
    "Formula",
    "Sumber Data",
    "Baseline Tahun",
    "Baseline",
)
PK_COLS = (
    "Tahun",
    "Pihak",
    "Versi",
    "Alasan",
    "Kode Indikator",
    "Target",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
)
PETUNJUK = (
    "Rencana kinerja (Renstra) dalam satu buku kerja. Lembar:",
    "Renstra — nama dan periode (tahun awal, tahun akhir).",
    "Struktur — Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan; Kode Induk menunjuk baris "
    "induknya; Pagu per tahun (Rupiah) untuk Program/Kegiatan/Sub Kegiatan.",
    "Indikator — satu baris per indikator; Kode Induk = kode Tujuan/Sasaran/Program/Kegiatan/Sub "
    "Kegiatan tempatnya; aturan perhitungan: Polaritas (positif/negatif), Agregasi (jumlah, "
    "nilai_terakhir, rata_rata, nilai_tertinggi), Jenis Nilai (angka, persen, skala), Skala "
    "(mis. WTP=4; WDP=3), Rumus Negatif (2t_kurang_r atau t_bagi_r). Sel target kosong = "
    "belum ada target, bukan 0.",
    "PK — Perjanjian Kinerja: Pihak = Camat atau nama unit; Versi 0 = PK awal, 1, 2 … = PK "
    "Perubahan (wajib Alasan); Target tahunan dan per triwulan (rencana aksi).",
    "Impor ulang memperbarui menurut kode; tidak ada yang dihapus.",
)


# -- writing -----------------------------------------------------------------------------
def _header(ws: Worksheet, labels: list[str], widths: list[int]) -> None:
    for col, (label, width) in enumerate(zip(labels, widths, strict=True), 1):
        cell = style(put_text(ws, 1, col, label), bold=True, center=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[address(1, col)[:-1]].width = width
    ws.freeze_panes = "A2"


def _put(ws: Worksheet, row: int, col: int, value: object) -> None:
    if value is None or value == "":
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        ws.cell(row=row, column=col, value=value)
    else:
        put_text(ws, row, col, str(value))


def _target_value(t: Target) -> object:
    return t.teks or t.nilai


def _rows(ws: Worksheet, rows: list[list[object]]) -> None:
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            _put(ws, r, c, value)


def _renstra_sheets(wb: Workbook, book: PlanBook) -> None:
    ws = wb.active
    ws.title = S_PETUNJUK
    put_text(ws, 1, 1, f"RENCANA KINERJA — {book.renstra.label}").font = FONT_TITLE
    for i, line in enumerate(PETUNJUK, 3):
        put_text(ws, i, 1, line)
    ws.column_dimensions["A"].width = 120
    rs = wb.create_sheet(S_RENSTRA)
    r = book.renstra
    for row, (label, value) in enumerate(
        (("Nama", r.nama), ("Tahun awal", r.tahun_awal), ("Tahun akhir", r.tahun_akhir)), 1
    ):
        put_text(rs, row, 1, label).font = FONT_BOLD
        _put(rs, row, 2, value)
    rs.column_dimensions["A"].width, rs.column_dimensions["B"].width = 14, 60


def _struktur_sheet(wb: Workbook, book: PlanBook) -> None:
    years = book.renstra.years
    ws = wb.create_sheet(S_STRUKTUR)
    _header(ws, [*STRUKTUR, *(f"Pagu {y}" for y in years)], [14, 22, 70, 22, *(16 for _ in years)])
    _rows(
        ws,
        [
            [n.level.label, n.kode, n.nama, n.parent_kode, *(n.pagu.get(y) for y in years)]
            for n in book.nodes
        ],
    )


def _indicator_row(b: BookIndicator, years: list[int]) -> list[object]:
    i, rule = b.indicator, b.indicator.rule
    return [
        i.kode,
        i.nama,
        b.node_kode,
        i.satuan,
        b.unit,
        "Ya" if i.iku else "Tidak",
        rule.polaritas.value,
        rule.agregasi.value,
        rule.jenis_nilai.value,
        rule.scale_text(),
        rule.rumus_negatif.value,
        i.definisi,
        i.formula,
        i.sumber_data,
        i.baseline_tahun,
        _target_value(i.baseline),
        *(_target_value(i.target(y)) for y in years),
    ]


def _indikator_sheet(wb: Workbook, book: PlanBook) -> None:
    years = book.renstra.years
    ws = wb.create_sheet(S_INDIKATOR)
    widths = [16, 60, 20, 12, 30, 6, 10, 16, 10, 26, 14, 40, 30, 30, 10, 10]
    _header(ws, [*INDIKATOR, *(f"Target {y}" for y in years)], [*widths, *(11 for _ in years)])
    _rows(ws, [_indicator_row(b, years) for b in book.indicators])


def _pk_sheet(wb: Workbook, book: PlanBook) -> None:
    ws = wb.create_sheet(S_PK)
    _header(ws, list(PK_COLS), [8, 30, 7, 30, 18, 10, 10, 10, 10, 10])
    _rows(
        ws,
        [
            [
                pk.tahun,
                pk.pihak,
                pk.versi,
                pk.alasan,
                item.indicator_kode,
                _target_value(item.target),
                *(_target_value(item.triwulan.get(n, Target(None))) for n in range(1, 5)),
            ]
            for pk in book.pks
            for item in pk.items
        ],
    )


def _write(book: PlanBook, path: str) -> None:
    wb = Workbook()
    _renstra_sheets(wb, book)
    _struktur_sheet(wb, book)
    _indikator_sheet(wb, book)
    _pk_sheet(wb, book)
    wb.save(path)


def write_plan_workbook(book: PlanBook, path: Path) -> None:
    write_atomically(Path(path), lambda tmp: _write(book, tmp), program="Excel")


# -- reading -------------------------------------------------------------------------------
class _Reader:
    def __init__(self, grids: dict[str, SheetGrid]) -> None:
        self.grids = grids
        self.problems: list[FormProblem] = []

    def problem(self, sheet: str, row: int, col: int, message: str) -> None:
        self.problems.append(FormProblem(message, sheet, address(row + 1, col + 1)))

    def renstra(self) -> Renstra:
        g = self.grids[S_RENSTRA]
        try:
            return Renstra(
                g.text(0, 1).strip(),
                int(float(g.text(1, 1).replace(",", "."))),
                int(float(g.text(2, 1).replace(",", "."))),
            )
        except ValueError:
            self.problem(
                S_RENSTRA, 1, 1, "tahun awal dan tahun akhir harus berupa tahun (mis. 2025)."
            )
            return Renstra("", 0, 0)

    def _rows(self, sheet: str, labels: tuple[str, ...]) -> list[int]:
        g = self.grids[sheet]
        for col, label in enumerate(labels):
            if g.text(0, col).strip().casefold() != label.casefold():
                self.problem(sheet, 0, col, f"judul kolom seharusnya '{label}'.")
                return []
        return [r for r in range(1, g.height) if not g.row_is_blank(r)]

    def number(self, sheet: str, row: int, col: int, rule: CalculationRule) -> Target:
        raw = self.grids[sheet].value(row, col)
        typed = read_typed(raw, rule)
        if typed.masalah:
            self.problem(sheet, row, col, typed.masalah)
            return Target(None)
        return Target(typed.nilai, typed.teks if rule.jenis_nilai is ValueKind.SKALA else "")

    def nodes(self, years: list[int]) -> list[BookNode]:
        g, out = self.grids[S_STRUKTUR], []
        plain = CalculationRule()
        for r in self._rows(S_STRUKTUR, STRUKTUR):
            try:
                level = parse_level(g.text(r, 0))
            except ValidationError as exc:
                self.problem(S_STRUKTUR, r, 0, exc.message)
                continue
            pagu = {}
            for k, y in enumerate(years, len(STRUKTUR)):
                t = self.number(S_STRUKTUR, r, k, plain)
                if t.nilai is not None:
                    pagu[y] = t.nilai
            out.append(
                BookNode(
                    level,
                    g.text(r, 1).strip(),
                    g.text(r, 2).strip(),
                    g.text(r, 3).strip(),
                    pagu,
                    r + 1,
                )
            )
        return out

    def indicators(self, years: list[int]) -> list[BookIndicator]:
        g, out = self.grids[S_INDIKATOR], []
        for r in self._rows(S_INDIKATOR, INDIKATOR):
            t = [g.text(r, c).strip() for c in range(len(INDIKATOR))]
            try:
                rule = CalculationRule.from_dict(
                    {
                        "polaritas": t[6] or "positif",
                        "agregasi": t[7] or "jumlah",
                        "jenis_nilai": t[8] or "angka",
                        "skala": t[9],
                        "rumus_negatif": t[10] or "2t_kurang_r",
                    }
                )
            except ValidationError as exc:
                self.problem(S_INDIKATOR, r, 6, exc.message)
                continue
            base_year = self.number(S_INDIKATOR, r, 14, CalculationRule()).nilai
            ind = Indicator(
                None,
                t[0],
                t[1],
                t[3],
                t[11],
                t[12],
                t[13],
                None,
                None,
                t[5].casefold() in ("ya", "y", "1", "iku", "true"),
                int(base_year) if base_year is not None else None,
                self.number(S_INDIKATOR, r, 15, rule),
                {
                    y: self.number(S_INDIKATOR, r, k, rule)
                    for k, y in enumerate(years, len(INDIKATOR))
                },
                rule,
                len(out),
            )
            out.append(BookIndicator(ind, t[2], t[4], r + 1))
        return out

    def pks(self, rules: dict[str, CalculationRule]) -> list[BookPk]:
        if S_PK not in self.grids:
            return []
        g, found = self.grids[S_PK], {}
        for r in self._rows(S_PK, PK_COLS):
            kode = g.text(r, 4).strip()
            rule = rules.get(kode)
            if rule is None:
                self.problem(S_PK, r, 4, f"indikator '{kode}' tidak ada di lembar Indikator.")
                continue
            try:
                key = (
                    int(float(g.text(r, 0))),
                    g.text(r, 1).strip() or CAMAT,
                    int(float(g.text(r, 2) or 0)),
                )
            except ValueError:
                self.problem(S_PK, r, 0, "Tahun dan Versi harus berupa angka.")
                continue
            pk = found.setdefault(key, BookPk(key[0], key[1], key[2], g.text(r, 3).strip()))
            tw = {n: self.number(S_PK, r, 5 + n, rule) for n in range(1, 5)}
            pk.items.append(
                BookPkItem(
                    kode,
                    self.number(S_PK, r, 5, rule),
                    {n: t for n, t in tw.items() if t.is_set},
                    r + 1,
                )
            )
        return list(found.values())


def read_plan_workbook(path: Path) -> tuple[PlanBook, list[FormProblem]]:
    """The plan in the workbook and every problem found (FileFormatError for a bad file)."""
    path = Path(path)
    grids = {g.title: g for g in read_workbook_grids(path)}
    missing = [s for s in (S_RENSTRA, S_STRUKTUR, S_INDIKATOR) if s not in grids]
    if missing:
        raise fail(
            path, f"ini bukan buku kerja rencana kinerja (lembar {', '.join(missing)} tidak ada)."
        )
    reader = _Reader(grids)
    renstra = reader.renstra()
    years = list(range(renstra.tahun_awal, renstra.tahun_akhir + 1)) if renstra.tahun_awal else []
    book = PlanBook(renstra, reader.nodes(years), reader.indicators(years))
    book.pks = reader.pks({b.indicator.kode: b.indicator.rule for b in book.indicators})
    return book, reader.problems


__all__ = ["FileFormatError", "cell_text", "read_plan_workbook", "write_plan_workbook"]
