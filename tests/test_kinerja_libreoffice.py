"""The round trip through a real spreadsheet program: forms written by us,
typed into and saved by LibreOffice Calc (UNO, as a person would), imported.

The forms open and print in LibreOffice; Calc's cached Capaian values agree
with `core.kinerja.rules`; a mistake is refused with its cell; once fixed the
file imports and the status board fills. On CI (CI=true) a missing
LibreOffice is a failure, never a silent skip: `.ci/run` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.core.kinerja.periods import parse_period
from kinerja_desktop.exchange.kinerja_xlsx.xlsxml import open_workbook
from kinerja_desktop.services.kinerja_plan import KinerjaPlanService
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import DITOLAK, SIAP
from tests.kinerja_helpers import PERIODE, Clock, demo_session, preview_and_apply, write_round

SCRIPT = Path(__file__).parent / "data" / "kinerja" / "lo_type.py"
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = pytest.mark.slow


def _libreoffice_ready() -> str:
    """'' when soffice and python3-uno are there, else why not."""
    if shutil.which("soffice") is None:
        return "soffice (libreoffice-calc) tidak terpasang"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return "" if probe.returncode == 0 else "python3-uno tidak terpasang"


@pytest.fixture(scope="module")
def libreoffice() -> None:
    missing = _libreoffice_ready()
    if missing and os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"LibreOffice diperlukan di CI: {missing} (.ci/run memasangnya)")
    if missing:
        pytest.skip(missing)


def _type(jobs: list[dict], tmp: Path) -> list[dict]:
    spec, result = tmp / "jobs.json", tmp / "result.json"
    spec.write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(spec), str(result)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(result.read_text(encoding="utf-8"))


def _column(path: Path, col: int) -> dict[int, object]:
    """Row -> value of one column of the Formulir sheet, as saved (cached formula results)."""
    with zipfile.ZipFile(path) as zf:
        sheet = open_workbook(zf).sheet("Formulir")
    return {r: c.value for (r, c_), c in sheet.cells.items() if c_ == col and r >= 13}


def test_forms_typed_and_saved_by_libreoffice_import(libreoffice, tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    forms = write_round(session, tmp_path / "formulir")
    returned = tmp_path / "kembali"
    returned.mkdir()
    sekretariat, layanan = returned / "Sekretariat.xlsx", returned / "Pelayanan Umum.xlsx"
    _type(
        [
            {
                "in": str(forms["Sekretariat"]),
                "out": str(sekretariat),
                "cells": [
                    ["F13", "text", "BB"],
                    ["F14", "number", 44.5],
                    ["F15", "percent", 85],
                    ["F16", "number", 3],
                    ["H14", "text", "LRA September"],
                    ["I14", "text", "SIPD"],
                ],
            },
            {
                "in": str(forms["Seksi Pelayanan Umum"]),
                "out": str(layanan),
                "cells": [
                    ["F13", "number", 81.2],
                    ["F14", "text", "sekitar 90"],
                    ["F15", "number", 2.2],
                    ["F16", "number", 5],
                    ["F17", "number", 80],
                    ["F18", "number", 310],
                ],
            },
        ],
        tmp_path,
    )

    # Calc computed the Capaian column with the indicator's own rule, as core does
    plan = KinerjaPlanService(session)
    rules = {i.kode: i.rule for i in plan.plan(plan.list_renstra()[0].id).indicators}
    cached, target = _column(sekretariat, 7), _column(sekretariat, 5)
    assert cached[14] == pytest.approx(rules["IS.1.5"].capaian(target[14], 44.5))
    assert cached[15] == pytest.approx(rules["IS.1.6"].capaian(target[15], 85))  # typed "85%"
    scale = rules["IS.1.4"]
    assert cached[13] == pytest.approx(scale.capaian(scale.scale_value(target[13]), 5))  # BB
    cached, target = _column(layanan, 7), _column(layanan, 5)
    assert cached[15] == pytest.approx(rules["IS.1.2"].capaian(target[15], 2.2))  # (2T-R)/T
    assert cached[16] == pytest.approx(rules["IS.1.3"].capaian(target[16], 5))  # T/R

    clock = Clock()
    preview, applied = preview_and_apply(session, [returned], clock)
    by_name = {f.file_name: f for f in preview.files}
    assert by_name["Sekretariat.xlsx"].status == SIAP, by_name["Sekretariat.xlsx"].problems
    new = {c.kode: c.new for c in by_name["Sekretariat.xlsx"].new}
    assert (new["IS.1.4"].teks, new["IS.1.5"].nilai, new["IS.1.6"].nilai) == ("BB", 44.5, 85)
    assert new["ISK.0006"].nilai is None and new["IS.1.5"].keterangan == "LRA September"
    wrong = by_name["Pelayanan Umum.xlsx"]
    assert wrong.status == DITOLAK
    assert str(wrong.problems[0]).startswith("Formulir!F14: 'sekitar 90' bukan angka")
    assert [a.file_name for a in applied] == ["Sekretariat.xlsx"]

    # the unit fixes its mistake in Calc and sends the file again
    _type([{"in": str(layanan), "out": str(layanan), "cells": [["F14", "number", 90]]}], tmp_path)
    clock.now = clock.now.replace(hour=15)
    preview, applied = preview_and_apply(session, [returned], clock)
    status = {f.file_name: f.status for f in preview.files}
    assert status == {"Sekretariat.xlsx": "sudah_diimpor", "Pelayanan Umum.xlsx": SIAP}
    board = KinerjaRoundService(session, clock).status(PERIODE, date(2026, 10, 5))
    done = {u.unit: u.status for u in board.units}
    assert done["Sekretariat"] == done["Seksi Pelayanan Umum"] == "kembali"
    session.close()


def test_a_form_prints_on_one_page_width(libreoffice, tmp_path: Path) -> None:
    session = demo_session(tmp_path)
    forms = write_round(session, tmp_path / "formulir")
    session.close()
    form = forms["Seksi Pelayanan Umum"]
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(form),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0
    pdf = tmp_path / (form.stem + ".pdf")
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    assert len(pages) == 1  # six indicators, instructions and signature: one landscape page
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert width > height  # landscape
    text = pages[0].extract_text()
    for words in (
        "FORMAT PERMINTAAN DATA KINERJA",
        "Seksi Pelayanan Umum",
        parse_period(PERIODE).label,
        "Kepala Seksi Pelayanan Umum",
        "NIP.",
    ):
        assert words in text, words
