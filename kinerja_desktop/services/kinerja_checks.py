"""The checks of a returned form against the database, shared by file import
and paper entry: who sent it (kecamatan, round, unit), whether its locked
content is what was issued (the checksum, naming the edited cell), and every
value as the unit typed it, compared with what is stored.

Reads only; `kinerja_import` decides and writes.
"""

from __future__ import annotations

from ..core.kinerja.forms import FormProblem, FormRow, IssuedForm, Round, form_checksum
from ..core.kinerja.perbaikan import VALID
from ..core.kinerja.periods import parse_period
from ..core.kinerja.plan import Indicator
from ..core.kinerja.values import TypedValue, canonical_number, plausibility, read_note, read_typed
from ..core.office import Unit
from ..exchange.kinerja_xlsx import layout
from ..exchange.kinerja_xlsx.form_read import ReadRow, ReturnedForm, is_error
from ..exchange.kinerja_xlsx.xlsxml import Cell, address
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import rounds as round_store
from ..store.kinerja import values as value_store
from ..store.kinerja.values import NewValue
from .kinerja_forms import kecamatan
from .kinerja_types import FilePreview, ValueChange, ValueText

FORM = layout.FORM_SHEET


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return canonical_number(value)
    return " ".join(str(value).split())


class Lookup:
    """What every file of one preview asks the database for, asked once."""

    def __init__(self) -> None:
        self._kecamatan: tuple[str, str] | None = None
        self._rounds: dict[int, Round | None] = {}
        self._units: dict[int | None, Unit] | None = None
        self._forms: dict[tuple[int, int], list[IssuedForm]] = {}

    def kecamatan(self) -> tuple[str, str]:
        if self._kecamatan is None:
            self._kecamatan = kecamatan()
        return self._kecamatan

    def round(self, round_id: int) -> Round | None:
        if round_id not in self._rounds:
            self._rounds[round_id] = round_store.round_by_id(round_id)
        return self._rounds[round_id]

    def unit(self, unit_id: int) -> Unit | None:
        if self._units is None:
            self._units = {u.id: u for u in office_store.units()}
        return self._units.get(unit_id)

    def forms(self, r: Round, unit: Unit) -> list[IssuedForm]:
        key = (r.id or 0, unit.id or 0)
        if key not in self._forms:
            self._forms[key] = round_store.forms_of(r, unit.id or 0, self.kecamatan(), unit.nama)
        return self._forms[key]


def _meta_problem(preview: FilePreview, message: str, key: str) -> None:
    """A problem with the metadata, at the cell of `key` on the Meta sheet."""
    cell = address(layout.META_KEYS.index(key) + 1, 2)
    preview.problems.append(FormProblem(message, layout.META_SHEET, cell))


def _sender(form: ReturnedForm, preview: FilePreview, lookup: Lookup) -> tuple[Round, Unit] | None:
    """The round and unit the metadata names, when they are this database's."""
    ident = form.identity
    assert ident is not None
    kec_id, kec_name = lookup.kecamatan()
    if ident.kecamatan_id != kec_id:
        who = ident.kecamatan or "kecamatan lain"
        _meta_problem(
            preview,
            f"berkas ini milik {who} (basis data lain), bukan {kec_name}; "
            "tidak dapat diimpor di sini.",
            "kecamatan_id",
        )
        return None
    r = lookup.round(ident.round_id)
    if r is None or r.periode.key != ident.periode:
        _meta_problem(
            preview,
            f"putaran pengumpulan {ident.periode or '?'} pada berkas tidak "
            "dikenal di basis data ini.",
            "putaran_id",
        )
        return None
    unit = lookup.unit(ident.unit_id)
    if unit is None:
        _meta_problem(preview, f"unit '{ident.unit}' pada berkas tidak ada.", "unit_id")
        return None
    return r, unit


def identify(form: ReturnedForm, preview: FilePreview, lookup: Lookup) -> IssuedForm | None:
    """Check the sender; the issued form the file claims to be (None: refused)."""
    if form.identity is None:
        return None
    sender = _sender(form, preview, lookup)
    if sender is None:
        return None
    r, unit = sender
    preview.round_id, preview.periode = r.id, r.periode.key
    preview.unit_id, preview.unit = unit.id, unit.nama
    forms = lookup.forms(r, unit)
    issued = next((f for f in reversed(forms) if f.checksum == form.checksum), None)
    if issued is None:
        _meta_problem(
            preview,
            "metadata formulir tidak cocok dengan formulir yang pernah "
            "dikeluarkan untuk unit dan periode ini (diubah atau dipalsukan). Pakai "
            "formulir asli atau tulis ulang formulirnya.",
            "checksum",
        )
        return None
    if forms[-1].id != issued.id:
        preview.warnings.append(
            FormProblem(
                "ini formulir versi lama (ada formulir yang lebih baru untuk unit ini); nilainya "
                "tetap dibaca.",
                level="peringatan",
            )
        )
    return issued


def check_locked(form: ReturnedForm, issued: IssuedForm, preview: FilePreview) -> None:
    """Every locked cell as issued; the recomputed checksum as written."""
    by_row = {r.row: r for r in form.rows}
    if [(r.row, r.indicator_id) for r in form.rows] != [
        (r.row, r.indicator_id) for r in issued.rows
    ]:
        preview.problems.append(
            FormProblem("daftar baris indikator di metadata diubah.", layout.META_SHEET)
        )
        return
    for want in issued.rows:
        got = by_row[want.row]
        for col, have, expected in (
            (layout.COL_KODE, got.kode, want.kode),
            (layout.COL_NAMA, got.nama, want.nama),
            (layout.COL_SATUAN, got.satuan, want.satuan),
            (layout.COL_TARGET, got.target, want.target_canonical),
        ):
            if _text(have) != _text(expected):
                shown = _text(have) or "(kosong)"
                preview.problems.append(
                    FormProblem(
                        f"sel terkunci diubah: seharusnya '{_text(expected) or '(kosong)'}', "
                        f"berisi '{shown[:60]}'. Baris ditambah, dihapus, dipindah, atau "
                        "isinya diketik ulang.",
                        FORM,
                        address(want.row, col),
                    )
                )
                return
    read_rows = [
        FormRow(
            want.indicator_id,
            _text(by_row[want.row].kode),
            _text(by_row[want.row].nama),
            _text(by_row[want.row].satuan),
            want.target_nilai,
            want.target_teks,
            want.row,
        )
        for want in issued.rows
    ]
    if form_checksum(issued.identity, read_rows) != form.checksum:
        preview.problems.append(
            FormProblem("isi terkunci formulir tidak cocok dengan checksum-nya.", layout.META_SHEET)
        )


def _read_cell(
    cell: Cell | None, ind: Indicator, row: int, preview: FilePreview, sheet: str
) -> TypedValue | None:
    where = address(row, layout.COL_REALISASI)
    if cell is not None and cell.formula:
        preview.problems.append(
            FormProblem(
                "sel Realisasi berisi rumus, bukan nilai yang diketik; ketik angkanya saja.",
                sheet,
                where,
            )
        )
        return None
    if cell is not None and is_error(cell.value):
        preview.problems.append(
            FormProblem(f"sel Realisasi berisi galat {cell.value}.", sheet, where)
        )
        return None
    typed = read_typed(
        cell.value if cell else None, ind.rule, percent_format=bool(cell and cell.percent)
    )
    if typed.masalah:
        preview.problems.append(FormProblem(typed.masalah, sheet, where))
        return None
    if typed.catatan:
        preview.warnings.append(FormProblem(typed.catatan, sheet, where, "peringatan"))
    return typed


def _note(
    cell: Cell | None, col: int, row: int, what: str, preview: FilePreview, *, sheet: str
) -> str:
    if cell is not None and (cell.formula or is_error(cell.value)):
        preview.problems.append(
            FormProblem(
                f"sel {what} berisi rumus atau galat; ketik teksnya saja.", sheet, address(row, col)
            )
        )
        return ""
    text, problem = read_note(cell.value if cell else None, what)
    if problem:
        preview.problems.append(FormProblem(problem, sheet, address(row, col)))
    return text


def _history(
    indicators: dict[int, Indicator], unit_id: int, periode: str
) -> dict[int, list[float]]:
    """Earlier values (by period order) of each indicator for the unit."""
    this = parse_period(periode)
    out: dict[int, list[tuple[object, float]]] = {}
    for v in value_store.current_for_periods(list(indicators), unit_id):
        if v.nilai is None or v.periode == periode:
            continue
        p = parse_period(v.periode)
        if p.jenis is this.jenis and p < this:
            out.setdefault(v.indicator_id, []).append((p, v.nilai))
    return {k: [n for _p, n in sorted(vals)] for k, vals in out.items()}


def compare_values(
    rows: list[tuple[FormRow, ReadRow | None, dict]], preview: FilePreview, sheet: str
) -> None:
    """Read each row's values, warn on odd ones, and sort them into new / changed / unchanged.

    `rows`: (issued row, cells read or None for paper entry,
    {"realisasi"/"keterangan"/"bukti": the raw cell}).
    """
    assert preview.unit_id is not None
    indicators = plan_store.indicators_by_ids([r.indicator_id for r, _c, _raw in rows])
    current = {
        v.indicator_id: v for v in value_store.current_values(preview.periode, preview.unit_id)
    }
    history = _history(indicators, preview.unit_id, preview.periode)
    if rows and all(
        raw["realisasi"] is None or raw["realisasi"].value is None for _w, _c, raw in rows
    ):
        preview.warnings.append(
            FormProblem(
                "tidak satu pun Realisasi diisi; formulir tercatat kembali tanpa nilai.",
                sheet,
                level="peringatan",
            )
        )
    for want, _cells, raw in rows:
        ind = indicators.get(want.indicator_id)
        if ind is None:
            preview.problems.append(
                FormProblem(
                    f"indikator {want.kode} sudah dihapus dari rencana.",
                    sheet,
                    address(want.row, layout.COL_KODE),
                )
            )
            continue
        typed = _read_cell(raw["realisasi"], ind, want.row, preview, sheet)
        ket = _note(
            raw["keterangan"], layout.COL_KETERANGAN, want.row, "Keterangan", preview, sheet=sheet
        )
        bukti = _note(raw["bukti"], layout.COL_BUKTI, want.row, "Bukti", preview, sheet=sheet)
        if typed is None:
            continue
        for w in plausibility(
            typed.nilai, ind.rule, history.get(ind.id or 0, []), want.target_nilai
        ):
            preview.warnings.append(
                FormProblem(w, sheet, address(want.row, layout.COL_REALISASI), "peringatan")
            )
        _sort(
            preview,
            want,
            ValueText(typed.nilai, typed.teks, ket, bukti),
            current.get(ind.id or 0),
            sheet,
        )


def _sort(preview: FilePreview, want: FormRow, new: ValueText, old, sheet: str) -> None:
    cell = address(want.row, layout.COL_REALISASI)
    change = ValueChange(want.indicator_id, want.kode, want.nama, sheet, cell, new)
    if old is None:
        preview.new.append(change)
    else:
        before = ValueText(old.nilai, old.teks, old.keterangan, old.bukti)
        if before == new:
            preview.unchanged += 1
            return
        if old.status_validasi == VALID:
            preview.warnings.append(
                FormProblem(
                    f"nilai sudah divalidasi ({before.shown}) dan dikunci; perubahan tidak "
                    "diterapkan (ajukan Perbaikan Data Kinerja).",
                    sheet,
                    cell,
                    "peringatan",
                )
            )
            preview.unchanged += 1
            return
        if new.nilai is None and before.nilai is not None:
            preview.warnings.append(
                FormProblem(
                    f"Realisasi dikosongkan, padahal tersimpan {before.shown}; nilai tersimpan "
                    "tetap "
                    "(pengosongan hanya lewat perbaikan data).",
                    sheet,
                    cell,
                    "peringatan",
                )
            )
            preview.unchanged += 1
            return
        preview.changed.append(
            ValueChange(want.indicator_id, want.kode, want.nama, sheet, cell, new, before)
        )
    preview.to_write.append(
        NewValue(
            want.indicator_id,
            preview.unit_id or 0,
            preview.periode,
            new.nilai,
            new.teks,
            new.keterangan,
            new.bukti,
            sheet,
            cell,
        )
    )
