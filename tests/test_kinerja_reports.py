"""The reports: what each PDF says, the Excel formulas, freezing and reprinting."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.core.kinerja.laporan_io import data_hash
from kinerja_desktop.core.kinerja.predikat import DEFAULT_WARNA, Band, PredikatScale
from kinerja_desktop.services.audit import AuditService
from kinerja_desktop.services.session import Session
from tests.kinerja_report_helpers import pdf_text, report_session, services, sign_correction


@pytest.fixture()
def session(tmp_path: Path):
    s = report_session(tmp_path)
    yield s
    s.close()


def _row(report, kode: str):
    return next(b for b in report.baris if b.kode == kode)


def test_rekap_figures_formula_and_missing_periods(session: Session) -> None:
    _v, _c, reports = services(session)
    r = reports.build("rekap", "2026-TW2")
    negative_bagi, negative_selisih = _row(r, "IS.1.3"), _row(r, "IS.1.2")
    assert (negative_bagi.target, negative_bagi.realisasi) == (8.0, 6.0)
    assert negative_bagi.capaian == pytest.approx(8 / 6 * 100)
    assert negative_bagi.rumus == "T/R × 100"
    assert negative_selisih.capaian == pytest.approx((2 * 2.5 - 2.4) / 2.5 * 100)
    assert negative_selisih.rumus == "(2T − R)/T × 100, min. 0"
    missing = _row(r, "IK.7.01.06.2.03")
    assert missing.realisasi is None and missing.capaian is None and missing.predikat == ""
    assert missing.kosong == ("2026-TW2",)
    assert "belum diisi: TW II" in missing.catatan
    scale = _row(r, "IS.1.4")
    assert (scale.target_teks, scale.realisasi_teks, scale.capaian) == ("B", "B", 100.0)
    kec = r.ringkas_of("kecamatan")[0]
    assert (kec.jumlah, kec.dihitung) == (22, 21)
    assert [p.label for p in r.tren] == ["TW I", "TW II"]
    year = reports.build("rekap", "2026")
    assert _row(year, "IS.1.3").realisasi == 15.0  # jumlah over the filled triwulans
    assert _row(year, "IS.1.3").kosong == ("2026-TW3", "2026-TW4")
    assert _row(year, "IS.1.1").realisasi == pytest.approx((88.5 + 91.2) / 2)  # rata-rata


def test_predikat_bands_are_a_setting(session: Session) -> None:
    _v, _c, reports = services(session)
    strict = PredikatScale((Band(Decimal(120), "Istimewa"), Band(Decimal(100), "Baik")), "Kurang")
    reports.save_scales(strict, DEFAULT_WARNA)
    r = reports.build("rekap", "2026-TW2")
    assert _row(r, "IS.1.3").predikat == "Istimewa"
    assert _row(r, "IS.1.5").predikat == "Kurang"
    assert reports.scales()[0] == strict


def _print(reports, jenis, periode, path, **kw):
    return reports.print_report(jenis, periode, path, **kw)


def test_rekap_pdf_says_what_it_shows(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    result = _print(reports, "rekap", "2026-TW2", tmp_path / "rekap.pdf")
    text = pdf_text(result.path)
    for expected in (
        "REKAP DATA KINERJA",
        "TRIWULAN II 2026",
        "T/R × 100",
        "(2T − R)/T × 100, min. 0",
        "133,33",
        "Sangat Tinggi",
        "Rata-rata capaian Kecamatan Masama",
        "belum diisi: TW II",
        "Capaian per indikator",
        "Tren rata-rata capaian",
        "KAMALUDDIN DJANO",
        f"Kode isi {result.version.data_hash[:16]}",
        "Versi 1",
    ):
        assert expected in text, expected


def test_evaluasi_pdf_columns_rules_and_texts(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    reports.save_texts(
        "evaluasi_renja",
        "2026-TW2",
        {
            "faktor_pendorong": "Koordinasi rutin antar-seksi",
            "tindak_lanjut_renja": "Latih operator",
        },
    )
    result = _print(reports, "evaluasi_renja", "2026-TW2", tmp_path / "e81.pdf", draft=True)
    text = pdf_text(result.path)
    for expected in (
        "EVALUASI TERHADAP HASIL RENJA",
        "13 = 9+10+11+12",
        "14 = 7+13",
        "15 = 14/6 × 100",
        "aturan nilai terakhir, bukan penjumlahan",
        "Faktor pendorong keberhasilan pencapaian",
        "Koordinasi rutin antar-seksi",
        "Latih operator",
        "Predikat kinerja Renstra",
        "DRAF",
        "Rp (ribu)",
    ):
        assert expected in text, expected
    assert result.version is None
    variant = reports.build("evaluasi_renja", "2026-TW2", varian="dengan_capaian_renja")
    path = tmp_path / "e81b.pdf"
    _print(reports, "evaluasi_renja", "2026-TW2", path, draft=True, varian="dengan_capaian_renja")
    assert "14 = 13/8 × 100" in pdf_text(path) and "16 = 15/6 × 100" in pdf_text(path)
    assert variant.varian == "dengan_capaian_renja"
    with pytest.raises(ValidationError, match="per triwulan"):
        reports.build("evaluasi_renja", "2026")


def test_evaluasi_figures_by_rule(session: Session) -> None:
    _v, _c, reports = services(session)
    reports.set_anggaran("7.01.02", "2026-TW1", "80.000.000")
    r = reports.build("evaluasi_renja", "2026-TW2")
    rows = {b.indikator: b for b in r.baris if b.aturan is not None}
    count = rows["Jumlah dokumen layanan administrasi yang diterbitkan"].nilai
    assert count["realisasi_renja"].k == 608.0  # jumlah: 296 + 312
    assert count["target_renstra"].k == 6500.0  # the five yearly targets added up
    last = rows["Persentase jenis layanan PATEN yang tersedia di kecamatan"]
    assert last.nilai["realisasi_renja"].k == 80.0  # nilai terakhir, not 75 + 80
    assert "bukan penjumlahan" in last.keterangan
    assert last.nilai["tw1"].rp == 80_000_000.0 and last.ada_rp
    assert last.nilai["realisasi_renja"].rp == 80_000_000.0 + 97_500_000.0
    assert last.nilai["tingkat_capaian"].rp == pytest.approx(
        (332_500_000 + 177_500_000) / 1_955_000_000 * 100
    )
    assert r.predikat_nilai["renja_k"] == r.predikat.scale().of(r.rata_rata["renja_k"])


def test_pk_pdf_parties_lampiran_rencana_aksi(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    reports.save_texts(
        "pk",
        "2026",
        {"pihak_kedua_nama": "Ir. H. AMIRUDIN TAMORENGGA", "plt_pertama": "Plt."},
    )
    path = tmp_path / "pk.pdf"
    _print(reports, "pk", 2026, path, draft=True)
    text = pdf_text(path)
    for expected in (
        "PERJANJIAN KINERJA TAHUN 2026",
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "BUPATI BANGGAI",
        "Ir. H. AMIRUDIN TAMORENGGA",
        "PLT. CAMAT MASAMA",
        "LAMPIRAN PERJANJIAN KINERJA",
        "RENCANA AKSI",
        "Indeks Kepuasan Masyarakat",
        "2.880.000.000",
    ):
        assert expected in text, expected


def test_renstra_and_perbaikan_pdfs(session: Session, tmp_path: Path) -> None:
    sign_correction(session)
    _v, _c, reports = services(session)
    reports.save_texts("renstra", "2025-2029", {"analisis": "Capaian 2026 di atas target."})
    _print(reports, "renstra", 2026, tmp_path / "renstra.pdf", draft=True)
    text = pdf_text(tmp_path / "renstra.pdf")
    for expected in (
        "MONITORING RENSTRA",
        "2025",
        "2029",
        "Capaian 2026 di atas target.",
        "Analisis",
    ):
        assert expected in text, expected
    _print(reports, "perbaikan", "2026-TW2", tmp_path / "perbaikan.pdf")
    text = pdf_text(tmp_path / "perbaikan.pdf")
    for expected in (
        "DOKUMEN PERBAIKAN DATA KINERJA",
        "Satu pengaduan belum tercatat",
        "SP4N-LAPOR! 118",
        "Diperiksa oleh",
        "Paraf",
        "Mengesahkan",
        "NI KADEK SRI WAHYUNI",
        "RISNAWATI MALUSE",
        "Ditandatangani Camat",
    ):
        assert expected in text, expected


def test_frozen_report_reprints_the_same_after_a_correction(
    session: Session, tmp_path: Path
) -> None:
    _v, _c, reports = services(session)
    first = _print(reports, "rekap", "2026-TW2", tmp_path / "v1.pdf")
    again = _print(reports, "rekap", "2026-TW2", tmp_path / "v1b.pdf")
    assert (first.version.versi, first.baru, again.version.id, again.baru) == (
        1,
        True,
        first.version.id,
        False,
    )
    sign_correction(session)
    second = _print(reports, "rekap", "2026-TW2", tmp_path / "v2.pdf")
    assert second.version.versi == 2 and second.baru
    assert "menggantikan versi 1" in pdf_text(second.path)
    reprint = reports.reprint(first.version.id, tmp_path / "v1-again.pdf")
    old = pdf_text(reprint.path)
    assert f"Kode isi {first.version.data_hash[:16]}" in old
    frozen, record = reports.load_version(first.version.id)
    assert _row(frozen, "IS.1.3").realisasi == 6.0
    assert data_hash(frozen) == record.data_hash
    live = reports.build("rekap", "2026-TW2")
    assert _row(live, "IS.1.3").realisasi == 7.0
    versions = reports.versions("rekap", "2026-TW2")
    assert [v.versi for v in versions] == [1, 2]
    frozen_rows = [
        e for e in AuditService(session).list_entries(500) if e.action == "laporan.bekukan"
    ]
    assert len(frozen_rows) == 2  # printing the same data again froze nothing new


def test_a_frozen_version_edited_outside_the_app_is_refused(
    session: Session, tmp_path: Path
) -> None:
    _v, _c, reports = services(session)
    result = _print(reports, "rekap", "2026-TW2", tmp_path / "r.pdf")
    with sqlite3.connect(session.path) as conn:
        conn.execute(
            "UPDATE kinerja_laporan SET data = replace(data, '133.33', '99.99') WHERE id = ?",
            (result.version.id,),
        )
        data = conn.execute("SELECT data FROM kinerja_laporan").fetchone()[0]
        conn.execute(
            "UPDATE kinerja_laporan SET data = ? WHERE id = ?",
            (data.replace('"realisasi":6.0', '"realisasi":5.0'), result.version.id),
        )
    with pytest.raises(KinerjaError, match="diubah di luar aplikasi"):
        reports.load_version(result.version.id)


def _formulas(path: Path, sheet: str | None = None):
    wb = openpyxl.load_workbook(path)
    return wb[sheet] if sheet else wb.active


def test_rekap_workbook_has_formulas_and_text_stays_text(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    reports.save_texts("rekap", "2026-TW2", {"catatan": '=HYPERLINK("x")'})
    path = tmp_path / "rekap.xlsx"
    _print(reports, "rekap", "2026-TW2", path, draft=True)
    ws = _formulas(path, "Rekap")
    rows = {ws.cell(r, 3).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value}
    bagi, selisih = rows["IS.1.3"], rows["IS.1.2"]
    assert (
        ws.cell(bagi, 8).value
        == f'=IF(OR(F{bagi}="",G{bagi}=""),"",IFERROR(F{bagi}/G{bagi}*100,""))'
    )
    assert "MAX(0,(2*F" in ws.cell(selisih, 8).value
    assert ws.cell(bagi, 9).value.startswith(
        f'=IF(H{bagi}="","",IF(ROUND(H{bagi},2)>90,"Sangat Tinggi"'
    )
    scale = rows["IS.1.4"]
    assert "MATCH(G" in ws.cell(scale, 8).value and ws.cell(scale, 7).value == "B"
    means = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Rata-rata")
    ]
    assert means and all(str(ws.cell(r, 8).value).startswith("=IFERROR(AVERAGE(") for r in means)
    for r in rows.values():  # the indicator rows: their texts are strings, never formulas
        for c in (2, 4, 10, 11):
            cell = ws.cell(r, c)
            if isinstance(cell.value, str) and cell.value:
                assert cell.data_type == "s"
    summary = _formulas(path, "Ringkasan")
    assert any(
        str(summary.cell(r, 5).value).startswith("=IFERROR(AVERAGEIFS(Rekap!H:H")
        for r in range(1, summary.max_row + 1)
    )
    note = next(
        ws.cell(r, 1) for r in range(1, ws.max_row + 1) if "HYPERLINK" in str(ws.cell(r, 1).value)
    )
    assert note.data_type == "s" and note.value.startswith("Catatan:")
    assert _formulas(path, "Versi").cell(3, 2).value.startswith("draf")


def test_evaluasi_workbook_formulas_follow_the_rule(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    reports.save_texts("evaluasi_renja", "2026-TW2", {"faktor_penghambat": "=1+1 bukan rumus"})
    path = tmp_path / "e81.xlsx"
    _print(reports, "evaluasi_renja", "2026-TW2", path)
    ws = _formulas(path)
    by_text = {}
    for r in range(1, ws.max_row + 1):
        for c in range(1, ws.max_column + 1):
            v = ws.cell(r, c).value
            if isinstance(v, str) and not v.startswith("="):
                by_text.setdefault(v, (r, c))
    sum_row = by_text["Jumlah dokumen layanan administrasi yang diterbitkan"][0]
    last_row = by_text["Persentase jenis layanan PATEN yang tersedia di kecamatan"][0]
    row_cells = lambda r: [str(ws.cell(r, c).value) for c in range(1, ws.max_column + 1)]  # noqa: E731
    assert any(v.startswith("=IF(COUNT(L") and "SUM(L" in v for v in row_cells(sum_row))
    assert any(v.startswith("=IF(R") for v in row_cells(last_row))  # nilai terakhir: IF chain
    assert not any("SUM(L" in v for v in row_cells(last_row)[:21])
    faktor = next(
        ws.cell(r, 1)
        for r in range(1, ws.max_row + 1)
        if str(ws.cell(r, 1).value).startswith("Faktor penghambat")
    )
    assert faktor.data_type == "s" and "=1+1 bukan rumus" in faktor.value


def test_wrong_output_and_missing_pk(session: Session, tmp_path: Path) -> None:
    _v, _c, reports = services(session)
    with pytest.raises(ValidationError, match=r"\.pdf atau \.xlsx"):
        reports.print_report("rekap", "2026-TW2", tmp_path / "r.docx")
    with pytest.raises(KinerjaError, match=r"Belum ada Perjanjian Kinerja 2027"):
        reports.build("pk", 2027)
    with pytest.raises(KinerjaError, match="Belum ada perbaikan"):
        reports.build("perbaikan", "2026-TW1")


def test_one_units_perbaikan_document(session: Session, tmp_path: Path) -> None:
    sign_correction(session)
    _v, _c, reports = services(session)
    whole = reports.build("perbaikan", "2026-TW2")
    unit = whole.baris[0].unit
    own = reports.build("perbaikan", "2026-TW2", unit=unit)
    assert own.baris == whole.baris and own.periode_label == f"Triwulan II 2026 — {unit}"
    with pytest.raises(KinerjaError, match="Belum ada perbaikan data Sekretariat"):
        reports.build("perbaikan", "2026-TW2", unit="Sekretariat")
    printed = reports.print_report("perbaikan", "2026-TW2", tmp_path / "u.pdf", unit=unit)
    assert printed.periode.startswith("2026-TW2/unit-") and printed.version.versi == 1
    assert f"2026-TW2 — {unit} versi 1" in printed.message  # the unit's own version, named
    assert printed.version.judul == f"Dokumen Perbaikan Data Kinerja 2026-TW2 — {unit}"


def test_trend_points_are_each_periods_own_recap(session: Session) -> None:
    """The trend is computed without the rows (speed): each point must still be
    the Kecamatan mean of that triwulan's own recap."""
    _v, _c, reports = services(session)
    year = reports.build("rekap", "2026")
    assert [p.label for p in year.tren] == ["TW I", "TW II", "TW III", "TW IV"]
    for n, point in enumerate(year.tren, 1):
        own = reports.build("rekap", f"2026-TW{n}")
        mean = next(g.rata_rata for g in own.ringkas if g.tingkat == "kecamatan")
        assert point.rata_rata == mean
    assert any(p.rata_rata is not None for p in year.tren)
