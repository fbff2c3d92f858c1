"""The report workbooks recomputed by LibreOffice Calc: every formula's result
equals the app's own figure (capaian, predikat, means, the E.81 columns 13–15,
the Renstra's yearly capaian, the PK's anggaran total).

`soffice --headless --convert-to xlsx` opens each workbook, recalculates and
saves the cached values, which openpyxl then reads. On CI (CI=true) a missing
LibreOffice fails the test; elsewhere it is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.exchange.kinerja_xlsx.report_evaluasi import write_evaluasi
from kinerja_desktop.exchange.kinerja_xlsx.reports import write_report_xlsx
from tests.kinerja_report_helpers import report_session, services, sign_correction

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) diperlukan di CI; .ci/run memasangnya")
        pytest.skip("soffice (libreoffice-calc) tidak terpasang")
    return found


def _recompute(soffice: str, files: list[Path], tmp: Path) -> dict[str, Path]:
    out = tmp / "lo"
    out.mkdir()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {f.name: out / f.name for f in files}


def _close(a: object, b: float | None) -> bool:
    if b is None:
        return a in (None, "")
    return isinstance(a, int | float) and abs(a - b) < 1e-6


def test_libreoffice_recomputes_what_the_app_computed(soffice: str, tmp_path: Path) -> None:
    session = report_session(tmp_path)
    try:
        sign_correction(session)
        _v, _c, reports = services(session)
        reports.set_anggaran("7.01.02", "2026-TW1", "80000000")
        built = {
            "rekap": reports.build("rekap", "2026-TW2"),
            "evaluasi": reports.build("evaluasi_renja", "2026-TW2"),
            "renstra": reports.build("renstra", 2026),
            "pk": reports.build("pk", 2026),
        }
    finally:
        session.close()
    where, files = {}, []
    for name, report in built.items():
        path = tmp_path / f"{name}.xlsx"
        where[name] = write_report_xlsx(report, _stamp(), path)
        files.append(path)
    saved = _recompute(soffice, files, tmp_path)
    _check_rekap(built["rekap"], where["rekap"], saved["rekap.xlsx"])
    _check_evaluasi(built["evaluasi"], where["evaluasi"], saved["evaluasi.xlsx"])
    _check_renstra(built["renstra"], where["renstra"], saved["renstra.xlsx"])
    pk = openpyxl.load_workbook(saved["pk.xlsx"], data_only=True)["Lampiran"]
    total = sum(p.anggaran or 0 for p in built["pk"].program)
    assert pk.cell(where["pk"]["jumlah_anggaran"], 3).value == pytest.approx(total)


def _stamp():
    from kinerja_desktop.core.kinerja.laporan import Stamp

    return Stamp()


def _check_rekap(r, where: dict[str, int], path: Path) -> None:
    ws = openpyxl.load_workbook(path, data_only=True)["Rekap"]
    checked = 0
    for b in r.baris:
        row = where[f"{b.kode}|{b.unit}"]
        assert _close(ws.cell(row, 8).value, b.capaian), (b.kode, ws.cell(row, 8).value, b.capaian)
        assert (ws.cell(row, 9).value or "") == b.predikat, b.kode
        checked += 1
    assert checked == 22
    for g in r.ringkas_of("unit"):
        row = where[f"unit|{g.nama}"]
        assert _close(ws.cell(row, 8).value, g.rata_rata), g.nama
        assert (ws.cell(row, 9).value or "") == g.predikat
    kec = r.ringkas_of("kecamatan")[0]
    assert _close(ws.cell(where["kecamatan"], 8).value, kec.rata_rata)
    summary = openpyxl.load_workbook(path, data_only=True)["Ringkasan"]
    for tingkat in ("sasaran", "program"):
        for g in r.ringkas_of(tingkat):
            row = where[f"ringkasan|{tingkat}|{g.nama}"]
            assert _close(summary.cell(row, 5).value, g.rata_rata), g.nama
            assert summary.cell(row, 3).value == g.jumlah
            assert summary.cell(row, 4).value == g.dihitung


def _check_evaluasi(r, where: dict[str, int], path: Path) -> None:
    ws = openpyxl.load_workbook(path, data_only=True).active
    columns = _evaluasi_columns(r)
    kode = ""
    for b in r.baris:
        kode = b.kode or kode
        if b.aturan is None:
            continue
        row = where[f"{kode}|{b.indikator}"]
        for key in ("realisasi_renja", "realisasi_renstra", "tingkat_capaian"):
            value = b.nilai[key]
            got = ws.cell(row, columns.k[key]).value
            assert _close(got, value.k) or got == value.k_teks, (b.indikator, key, got, value)
        if b.ada_rp:
            for key in ("realisasi_renja", "realisasi_renstra", "tingkat_capaian"):
                got = ws.cell(row, columns.rp_at[key]).value
                assert _close(got, b.nilai[key].rp), (b.indikator, key, got)
    for which in ("renja", "renstra"):
        row = where[which]
        at = columns.k["tingkat_capaian"]
        assert _close(ws.cell(row, at).value, r.rata_rata[f"{which}_k"]), which
        assert _close(
            ws.cell(row, columns.rp_at["tingkat_capaian"]).value, r.rata_rata[f"{which}_rp"]
        )
        assert ws.cell(row + 1, at).value == r.predikat_nilai[f"{which}_k"]


def _evaluasi_columns(r):
    from kinerja_desktop.exchange.kinerja_xlsx.report_evaluasi import _Columns

    assert write_evaluasi  # the writer whose columns these are
    return _Columns(r)


def _check_renstra(r, where: dict[str, int], path: Path) -> None:
    ws = openpyxl.load_workbook(path, data_only=True).active
    for b in r.baris:
        row = where[b.kode]
        for n, y in enumerate(b.tahun):
            at = 5 + 3 + 3 * n
            assert _close(ws.cell(row, at).value, y.capaian), (b.kode, y.tahun)
    for n, mean in enumerate(r.rata_rata):
        assert _close(ws.cell(where["rata_rata"], 5 + 3 + 3 * n).value, mean)
