"""Returned forms: written, filled, read back, checked and applied — with
provenance, history, atomicity, idempotence and the older-after-newer rule."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.core.kinerja.plan import Target
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import DITOLAK, DUPLIKAT, SIAP, SUDAH
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from tests.kinerja_helpers import (
    PERIODE,
    Clock,
    demo_session,
    fill,
    preview_and_apply,
    rewrite_part,
    set_saved_time,
    value_rows,
    write_round,
)

# The Sekretariat form of the demo: F13 scale (AA…D), F14 and F15 persen, F16 and F17 jumlah.
SEKRETARIAT = "Sekretariat"


@pytest.fixture()
def env(tmp_path: Path):
    session = demo_session(tmp_path)
    forms = write_round(session, tmp_path / "formulir")
    yield session, forms, tmp_path
    session.close()


def _values(session, unit: str = SEKRETARIAT) -> dict[str, object]:
    return {v.kode: v for v in KinerjaValueService(session).values(PERIODE, unit)}


def test_a_filled_form_is_read_back_with_provenance(env) -> None:
    session, forms, tmp = env
    typed = {
        "F13": "bb",
        "F14": "12,5",
        "F15": "85%",
        "F16": "1.234",
        "H14": "SP2D s.d. September",
        "I14": "LRA SIPD",
    }
    (tmp / "kembali").mkdir()
    path = fill(forms[SEKRETARIAT], typed, out=tmp / "kembali" / "Sekretariat.xlsx")
    preview, applied = preview_and_apply(session, [path])
    (f,) = preview.files
    assert f.status == SIAP, f.problems
    assert (f.unit, f.periode) == (SEKRETARIAT, PERIODE)
    assert [a.status for a in applied] == ["diterapkan"]
    values = _values(session)
    assert values["IS.1.4"].teks == "BB" and values["IS.1.4"].nilai == 5
    assert values["IS.1.5"].nilai == 12.5
    assert (
        values["IS.1.5"].keterangan == "SP2D s.d. September"
        and values["IS.1.5"].bukti == "LRA SIPD"
    )
    assert values["IS.1.6"].nilai == 85
    assert values["ISK.0001"].nilai == 1234
    assert values["ISK.0006"].nilai is None  # not filled in: stored as NULL, never 0
    v = values["IS.1.5"]
    assert (v.file_name, v.sheet, v.cell) == ("Sekretariat.xlsx", "Formulir", "F14")
    assert re.fullmatch(r"[0-9a-f]{64}", v.file_hash) and v.file_hash == f.file_hash
    assert v.import_id == applied[0].import_id


def test_zero_is_a_value_and_blank_is_not(env) -> None:
    session, forms, tmp = env
    path = fill(forms[SEKRETARIAT], {"F16": 0}, out=tmp / "nol.xlsx")
    preview_and_apply(session, [path])
    values = _values(session)
    assert values["ISK.0001"].nilai == 0.0
    assert values["ISK.0006"].nilai is None


def test_a_file_with_one_bad_row_changes_nothing(env) -> None:
    session, forms, tmp = env
    before = value_rows(session)
    path = fill(
        forms[SEKRETARIAT], {"F14": 40, "F15": "sekitar 80", "F16": 3}, out=tmp / "satu-salah.xlsx"
    )
    preview, applied = preview_and_apply(session, [path])
    (f,) = preview.files
    assert f.status == DITOLAK
    assert [str(p) for p in f.problems] == [
        "Formulir!F15: 'sekitar 80' bukan angka. Ketik angkanya saja, mis. 80 atau 12,5."
    ]
    assert f.new == [] and applied == []
    assert value_rows(session) == before


def test_reimporting_the_same_file_changes_nothing(env) -> None:
    session, forms, tmp = env
    path = fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "a.xlsx")
    preview_and_apply(session, [path])
    after_first = value_rows(session)
    preview, applied = preview_and_apply(session, [path])
    assert preview.files[0].status == SUDAH
    assert "sudah diimpor" in str(preview.files[0].warnings[0])
    assert applied == []
    assert value_rows(session) == after_first


def test_a_changed_value_keeps_its_history(env) -> None:
    session, forms, tmp = env
    first = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "a.xlsx"), datetime(2026, 10, 2, 8)
    )
    preview_and_apply(session, [first])
    second = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 44.5}, out=tmp / "b.xlsx"), datetime(2026, 10, 3, 8)
    )
    preview, _ = preview_and_apply(session, [second])
    (change,) = preview.files[0].changed
    assert (change.kode, change.cell, change.old.nilai, change.new.nilai) == (
        "IS.1.5",
        "F14",
        40,
        44.5,
    )
    current = _values(session)["IS.1.5"]
    history = KinerjaValueService(session).history(current.indicator_id, current.unit_id, PERIODE)
    assert [h.nilai for h in history] == [40, 44.5]
    assert history[1].menggantikan_id == history[0].value_id
    assert [h.file_name for h in history] == ["a.xlsx", "b.xlsx"]


def test_an_older_file_after_a_newer_one_is_refused(env) -> None:
    session, forms, tmp = env
    old = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "lama.xlsx"), datetime(2026, 10, 2, 8)
    )
    new = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 44}, out=tmp / "baru.xlsx"), datetime(2026, 10, 5, 8)
    )
    preview_and_apply(session, [new])
    before = value_rows(session)
    preview, applied = preview_and_apply(session, [old])
    assert preview.files[0].status == DITOLAK
    assert "lebih lama" in str(preview.files[0].problems[0])
    assert applied == [] and value_rows(session) == before
    assert _values(session)["IS.1.5"].nilai == 44


def test_of_two_files_for_one_unit_only_the_newest_is_taken(env) -> None:
    session, forms, tmp = env
    folder = tmp / "flashdisk"
    folder.mkdir()
    set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 40}, out=folder / "a.xlsx"), datetime(2026, 10, 2, 8)
    )
    set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 41}, out=folder / "b.xlsx"), datetime(2026, 10, 4, 8)
    )
    (folder / "salinan b.xlsx").write_bytes((folder / "b.xlsx").read_bytes())
    preview, _ = preview_and_apply(session, [folder])
    status = {f.file_name: f.status for f in preview.files}
    assert status == {"a.xlsx": DITOLAK, "b.xlsx": SIAP, "salinan b.xlsx": DUPLIKAT}
    assert _values(session)["IS.1.5"].nilai == 41


def test_apply_rechecks_the_database_and_the_file(env) -> None:
    session, forms, tmp = env
    service = KinerjaImportService(session, Clock())
    a = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "a.xlsx"), datetime(2026, 10, 2, 8)
    )
    b = set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 41}, out=tmp / "b.xlsx"), datetime(2026, 10, 3, 8)
    )
    stale = service.preview([a])
    service.apply(service.preview([b]))
    (result,) = service.apply(stale)
    assert result.status == "berubah"
    assert _values(session)["IS.1.5"].nilai == 41
    c = fill(forms["Seksi Pemerintahan"], {"F13": 90}, out=tmp / "c.xlsx")
    preview = service.preview([c])
    fill(c, {"F13": 10})  # the file is edited between preview and confirmation
    (result,) = service.apply(preview)
    assert result.status == "berubah"


def test_warnings_do_not_refuse(env) -> None:
    session, forms, tmp = env
    # IS.1.5 was 43,9 in triwulan II (demo); 90 is far from it; 12.5 is read as 12,5
    path = fill(forms[SEKRETARIAT], {"F14": 90, "F16": "-2", "F17": "1.5"}, out=tmp / "w.xlsx")
    preview, applied = preview_and_apply(session, [path])
    (f,) = preview.files
    assert f.status == SIAP
    text = " | ".join(str(w) for w in f.warnings)
    assert "Formulir!F14: berbeda lebih dari 50%" in text
    assert "Formulir!F16: nilai negatif" in text
    assert "Formulir!F17: dibaca sebagai 1,5" in text
    assert applied[0].status == "diterapkan"


def test_a_percent_stored_by_the_spreadsheet_as_a_fraction(env) -> None:
    session, forms, tmp = env

    def percent(wb) -> None:
        wb["Formulir"]["F15"].value = 0.85
        wb["Formulir"]["F15"].number_format = "0%"

    path = fill(forms[SEKRETARIAT], {}, out=tmp / "p.xlsx", edit=percent)
    preview_and_apply(session, [path])
    assert _values(session)["IS.1.6"].nilai == 85


def test_inline_strings_and_cached_formula_values_are_read(env) -> None:
    session, forms, tmp = env
    path = fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "x.xlsx")

    def inline(xml: bytes) -> bytes:  # the Keterangan as an inline string, as some writers do
        return xml.replace(b'<c r="H14" s="', b'<c r="H14" t="inlineStr" s="', 1).replace(
            b'<c r="H14" t="inlineStr" s="', b'<c r="H14" t="inlineStr" s="', 1
        )

    def add_inline(xml: bytes) -> bytes:
        cell = re.search(rb'<c r="H14"[^>]*?/>', xml)
        assert cell is not None
        s = re.search(rb's="(\d+)"', cell.group(0))
        new = (
            b'<c r="H14" t="inlineStr" s="'
            + s.group(1)
            + b'"><is><t>kas </t><r><t>umum</t></r></is></c>'
        )
        return xml.replace(cell.group(0), new)

    out = rewrite_part(
        path, "xl/worksheets/sheet1.xml", lambda d: add_inline(inline(d)), tmp / "y.xlsx"
    )
    preview, _ = preview_and_apply(session, [out])
    assert preview.files[0].status == SIAP, preview.files[0].problems
    assert _values(session)["IS.1.5"].keterangan == "kas umum"


def test_paper_entry_uses_the_same_checks(env) -> None:
    session, _forms, _tmp = env
    service = KinerjaImportService(session, Clock())
    grid = service.entry_form(PERIODE, SEKRETARIAT)
    ids = {r.kode: r.indicator_id for r in grid.rows}
    assert grid.rows[0].kode == "IS.1.4" and grid.rows[0].skala[0] == "AA"
    bad = service.preview_entry(PERIODE, SEKRETARIAT, {ids["IS.1.5"]: ("sekitar 80", "", "")})
    assert bad.status == DITOLAK and "Entri!F14" in str(bad.problems[0])
    good = service.preview_entry(PERIODE, SEKRETARIAT, {ids["IS.1.5"]: ("45,5", "dari kertas", "")})
    assert good.status == SIAP
    (result,) = service.apply(good)
    assert result.status == "diterapkan"
    v = _values(session)["IS.1.5"]
    assert (v.nilai, v.jenis, v.sheet, v.cell, v.keterangan) == (
        45.5,
        "entri",
        "Entri",
        "F14",
        "dari kertas",
    )
    again = service.preview_entry(
        PERIODE, SEKRETARIAT, {ids["IS.1.5"]: ("45,5", "dari kertas", "")}
    )
    assert again.status in (SUDAH, "tanpa_perubahan")


def test_status_board(env) -> None:
    session, forms, tmp = env
    rounds = KinerjaRoundService(session, Clock())
    board = rounds.status(PERIODE, date(2026, 10, 1))
    assert {u.status for u in board.units} == {"belum_kembali"} and not board.complete
    assert all(u.formulir for u in board.units)
    good = fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "ok.xlsx")
    bad = fill(forms["Seksi Pemerintahan"], {"F13": "banyak"}, out=tmp / "bad.xlsx")
    preview_and_apply(session, [good, bad])
    late = rounds.status(PERIODE, date(2026, 10, 20))
    by_unit = {u.unit: u for u in late.units}
    assert by_unit[SEKRETARIAT].status == "kembali" and not by_unit[SEKRETARIAT].terlambat
    assert by_unit["Seksi Pemerintahan"].status == "bermasalah"
    assert "bukan angka" in by_unit["Seksi Pemerintahan"].masalah[0]
    assert by_unit["Desa Taugi"].terlambat and by_unit["Desa Taugi"].status == "belum_kembali"
    rest = [p for unit, p in forms.items() if unit not in (SEKRETARIAT,)]
    fixed = [fill(p, {}, out=tmp / f"r{n}.xlsx") for n, p in enumerate(rest)]
    preview_and_apply(session, fixed)
    assert rounds.status(PERIODE, date(2026, 10, 5)).complete


def test_a_pk_perubahan_and_a_rewritten_form_for_one_unit(env) -> None:
    session, forms, tmp = env
    plan = KinerjaPlanService(session, Clock())
    pk = plan.pk_in_force(2026)
    kode = {i.id: i.kode for i in plan.plan(pk.renstra_id).indicators}
    items = [
        replace(it, triwulan={**it.triwulan, 3: Target(50.0)})
        if kode[it.indicator_id] == "IS.1.5"
        else it
        for it in pk.items
    ]
    new_id = plan.pk_perubahan(pk.id, items, "Perubahan APBD 2026")
    kept = {p.id: p for p in plan.list_pk(2026)}
    assert kept[pk.id].digantikan and not kept[new_id].digantikan and kept[new_id].versi == 1
    assert kept[new_id].alasan == "Perubahan APBD 2026"
    old = fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "lama.xlsx")
    again = write_round(session, tmp / "ulang", unit=SEKRETARIAT)
    assert list(again) == [SEKRETARIAT]
    assert openpyxl.load_workbook(again[SEKRETARIAT])["Formulir"]["E14"].value == 50
    preview, _ = preview_and_apply(session, [old])
    assert preview.files[0].status == SIAP
    assert "versi lama" in str(preview.files[0].warnings[0])


def test_forms_need_a_plan_and_a_known_unit(env) -> None:
    session, _forms, tmp = env
    rounds = KinerjaRoundService(session, Clock())
    with pytest.raises(KinerjaError, match="Renstra"):
        rounds.write_forms("2031-TW1", tmp)
    with pytest.raises(KinerjaError, match="tidak ada"):
        rounds.write_forms(PERIODE, tmp, unit="Seksi Antariksa")
    with pytest.raises(KinerjaError, match="flash drive belum dipasang"):
        rounds.write_forms(PERIODE, tmp / "tidak" / "ada")
    one = rounds.write_forms(PERIODE, tmp / "baru", unit="Sekretariat")  # a new folder: made
    assert len(one) == 1 and one[0].path.parent == tmp / "baru" and one[0].path.exists()


@pytest.mark.parametrize(
    ("periode", "target"),
    [("2026-TW3", 7), ("2026-TW1", 8), ("2026", 30), ("2026-07", 30), ("2026-S2", 30)],
)
def test_the_target_of_each_kind_of_round(tmp_path: Path, periode: str, target: float) -> None:
    """A triwulan or the year: the PK's target of that period; else the year's."""
    with demo_session(tmp_path) as session:
        forms = write_round(session, tmp_path / periode, periode)
        ws = openpyxl.load_workbook(forms["Seksi Pelayanan Umum"])["Formulir"]
        assert (ws["B16"].value, ws["E16"].value) == ("IS.1.3", target)  # pengaduan, negatif


def test_only_the_ticked_files_are_applied(env) -> None:
    session, forms, tmp = env
    a = fill(forms[SEKRETARIAT], {"F14": 40}, out=tmp / "a.xlsx")
    b = fill(forms["Seksi Pemerintahan"], {"F13": 90}, out=tmp / "b.xlsx")
    service = KinerjaImportService(session, Clock())
    preview = service.preview([a, b])
    (result,) = service.apply(preview, [preview.files[1]])
    assert result.file_name == "b.xlsx"
    assert _values(session) == {}  # nothing of a.xlsx
    assert service.apply(preview, ["a.xlsx"])[0].status == "diterapkan"


def test_a_stale_copy_does_not_mark_the_unit_as_having_problems(env) -> None:
    session, forms, tmp = env
    folder = tmp / "flashdisk"
    folder.mkdir()
    set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 40}, out=folder / "lama.xlsx"), datetime(2026, 10, 2, 8)
    )
    set_saved_time(
        fill(forms[SEKRETARIAT], {"F14": 41}, out=folder / "baru.xlsx"), datetime(2026, 10, 4, 8)
    )
    preview_and_apply(session, [folder])
    preview_and_apply(session, [folder / "lama.xlsx"])  # the stale copy once more, alone
    board = KinerjaRoundService(session, Clock()).status(PERIODE, date(2026, 10, 5))
    assert {u.unit: u.status for u in board.units}[SEKRETARIAT] == "kembali"
