"""`kinerja …` commands of part 2: validation, Perbaikan, the reports.

    kinerja validasi PERIODE [--unit KODE] [--oleh NAMA] [--json]
    kinerja perbaikan ajukan PERIODE --indikator KODE --nilai NILAI --alasan TEKS --bukti TEKS
                             [--unit KODE] [--keterangan TEKS] [--json]
    kinerja perbaikan lanjut ID [--ke STATUS] [--pejabat NAMA] [--catatan TEKS] [--json]
    kinerja perbaikan tolak ID --alasan TEKS [--json]
    kinerja perbaikan daftar [PERIODE] [--status STATUS] [--unit KODE] [--json]
    kinerja perbaikan dokumen PERIODE -o FILE.pdf|FILE.xlsx [--unit KODE] [--draf]
    kinerja rekap PERIODE (-o FILE.xlsx|FILE.pdf | --json) [--draf]
    kinerja evaluasi-renja PERIODE -o FILE [--varian NAMA] [--draf]
    kinerja pk TAHUN -o FILE [--unit KODE] [--draf]
    kinerja renstra -o FILE [--tahun TAHUN] [--draf]
    kinerja laporan versi [--jenis JENIS] [--periode KUNCI] [--json]
    kinerja laporan cetak-ulang ID -o FILE
    kinerja laporan teks JENIS PERIODE [KUNCI=TEKS …] [--json]
    kinerja anggaran KODE PERIODE NILAI

Printing (`-o`) freezes the report: the data it shows and its hash become a
numbered version (or the latest, when nothing changed); `--draf` prints
without freezing. The `--json` shapes are in README.md ("Data kinerja").
"""

# ruff: noqa: PLC0415 (services imported by the handlers: every command builds this parser)

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.core.errors import ValidationError

from .common import clock_of, record_id, whole_number
from .output import print_json, print_table


def _db(p: argparse.ArgumentParser, db_option: Callable, json: bool = True) -> None:
    if json:
        p.add_argument("--json", action="store_true", help="keluaran JSON")
    db_option(p)


def _print_options(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=required,
        metavar="FILE",
        help="berkas keluaran .pdf atau .xlsx",
    )
    p.add_argument("--draf", action="store_true", help="cetak tanpa membekukan (draf)")
    p.add_argument(
        "--kertas", choices=("A4", "F4"), help="ukuran kertas PDF (bawaan: profil kantor)"
    )


def register(sub: argparse._SubParsersAction, db_option: Callable) -> None:
    """Add the part-2 commands to the `kinerja` group's subparsers."""
    p = sub.add_parser("validasi", help="validasi (kunci) nilai yang diterima untuk satu periode")
    p.add_argument("periode")
    p.add_argument("--unit", metavar="KODE", help="hanya satu unit (id atau nama)")
    p.add_argument("--oleh", metavar="NAMA", help="yang memvalidasi (bawaan: pengguna sistem)")
    p.set_defaults(handler=cmd_validasi)
    _db(p, db_option)
    _register_perbaikan(sub, db_option)
    _register_reports(sub, db_option)


def _register_perbaikan(sub, db_option: Callable) -> None:
    group = sub.add_parser(
        "perbaikan", help="Perbaikan Data Kinerja atas nilai yang sudah divalidasi"
    )
    psub = group.add_subparsers(dest="aksi", metavar="<aksi>", required=True)
    p = psub.add_parser("ajukan", help="ajukan nilai baru (dengan alasan dan rujukan bukti)")
    p.add_argument("periode")
    p.add_argument("--indikator", required=True, metavar="KODE")
    p.add_argument("--nilai", required=True, metavar="NILAI", help="nilai baru ('' = dikosongkan)")
    p.add_argument("--alasan", required=True, metavar="TEKS")
    p.add_argument("--bukti", required=True, metavar="TEKS", help="rujukan bukti yang sah")
    p.add_argument("--unit", metavar="KODE")
    p.add_argument("--keterangan", metavar="TEKS")
    p.add_argument("--oleh", metavar="NAMA")
    p.set_defaults(handler=cmd_perbaikan_ajukan)
    _db(p, db_option)
    p = psub.add_parser("lanjut", help="langkah berikutnya: diperiksa → diparaf → ditandatangani")
    p.add_argument("id", type=record_id)
    p.add_argument(
        "--ke", metavar="STATUS", help="status yang dituju (diperiksa, diparaf, ditandatangani)"
    )
    p.add_argument(
        "--pejabat", metavar="NAMA", help="pejabat langkah ini (bawaan: dari data kantor)"
    )
    p.add_argument("--catatan", default="", metavar="TEKS")
    p.add_argument("--oleh", metavar="NAMA")
    p.set_defaults(handler=cmd_perbaikan_lanjut)
    _db(p, db_option)
    p = psub.add_parser("tolak", help="hentikan perbaikan sebelum ditandatangani")
    p.add_argument("id", type=record_id)
    p.add_argument("--alasan", required=True, metavar="TEKS")
    p.add_argument("--oleh", metavar="NAMA")
    p.set_defaults(handler=cmd_perbaikan_tolak)
    _db(p, db_option)
    p = psub.add_parser("daftar", help="daftar perbaikan")
    p.add_argument("periode", nargs="?")
    p.add_argument("--status", metavar="STATUS")
    p.add_argument("--unit", metavar="KODE")
    p.set_defaults(handler=cmd_perbaikan_daftar)
    _db(p, db_option)
    p = psub.add_parser("dokumen", help="cetak Dokumen Perbaikan Data Kinerja suatu periode")
    p.add_argument("periode")
    p.add_argument("--unit", metavar="KODE", help="hanya perbaikan satu unit")
    _print_options(p)
    p.set_defaults(handler=cmd_print, jenis="perbaikan")
    _db(p, db_option)


def _register_reports(sub, db_option: Callable) -> None:
    p = sub.add_parser("rekap", help="Rekap Data Kinerja suatu periode (-o berkas, atau --json)")
    p.add_argument("periode")
    _print_options(p, required=False)
    p.set_defaults(handler=cmd_rekap, jenis="rekap")
    _db(p, db_option)
    p = sub.add_parser("evaluasi-renja", help="Evaluasi terhadap Hasil Renja per triwulan")
    p.add_argument("periode", help="triwulan, mis. 2026-TW2")
    p.add_argument(
        "--varian", default="", help="susunan kolom (permendagri86, dengan_capaian_renja)"
    )
    _print_options(p)
    p.set_defaults(handler=cmd_print, jenis="evaluasi_renja")
    _db(p, db_option)
    p = sub.add_parser(
        "pk", help="Perjanjian Kinerja satu tahun (pernyataan, lampiran, rencana aksi)"
    )
    p.add_argument("periode", type=whole_number, metavar="TAHUN")
    p.add_argument("--unit", metavar="KODE", help="PK berjenjang suatu unit (bawaan: PK Camat)")
    _print_options(p)
    p.set_defaults(handler=cmd_print, jenis="pk")
    _db(p, db_option)
    p = sub.add_parser("renstra", help="Monitoring Renstra: setiap indikator sepanjang periode")
    p.add_argument(
        "--tahun",
        dest="periode",
        type=whole_number,
        metavar="TAHUN",
        help="tahun dalam Renstra (bawaan: Renstra terbaru)",
    )
    _print_options(p)
    p.set_defaults(handler=cmd_print, jenis="renstra")
    _db(p, db_option)
    group = sub.add_parser(
        "laporan", help="versi laporan yang dibekukan, cetak ulang, teks laporan"
    )
    lsub = group.add_subparsers(dest="aksi", metavar="<aksi>", required=True)
    p = lsub.add_parser("versi", help="daftar versi yang dibekukan")
    p.add_argument("--jenis", metavar="JENIS")
    p.add_argument("--periode", metavar="KUNCI")
    p.set_defaults(handler=cmd_versi)
    _db(p, db_option)
    p = lsub.add_parser("cetak-ulang", help="cetak ulang satu versi dari data yang dibekukan")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--kertas", choices=("A4", "F4"))
    p.set_defaults(handler=cmd_cetak_ulang)
    _db(p, db_option)
    p = lsub.add_parser(
        "teks", help="teks yang ditulis per laporan (faktor pendorong, pihak kedua …)"
    )
    p.add_argument("jenis", metavar="JENIS")
    p.add_argument("periode", metavar="PERIODE")
    p.add_argument("isian", nargs="*", metavar="KUNCI=TEKS")
    p.add_argument("--unit", metavar="KODE", help="untuk PK berjenjang")
    p.set_defaults(handler=cmd_teks)
    _db(p, db_option)
    p = sub.add_parser("anggaran", help="realisasi anggaran (Rp) program/kegiatan per triwulan")
    p.add_argument("kode", metavar="KODE")
    p.add_argument("periode", help="triwulan, mis. 2026-TW2")
    p.add_argument("nilai", metavar="NILAI", help="rupiah ('' = hapus)")
    p.set_defaults(handler=cmd_anggaran)
    _db(p, db_option, json=False)


# -- handlers ---------------------------------------------------------------------------------


def _session(args: argparse.Namespace):
    from kinerja_desktop.services.session import open_session

    return open_session(args.db, create=False)


def cmd_validasi(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_validation import KinerjaValidationService

    with _session(args) as session:
        service = KinerjaValidationService(session, clock_of(args))
        result = service.validate(args.periode, args.unit, args.oleh)
        board = service.board(args.periode)
    if args.json:
        from .kinerja_report_json import validation_json

        print_json(validation_json(result, board))
        return 0
    print(result.message)
    rows = [(b.unit, b.jumlah, b.valid, b.belum, b.kosong, b.label) for b in board]
    print_table(
        ["UNIT", "NILAI", "VALID", "BELUM", "KOSONG", "KEADAAN"], rows, [40, 6, 6, 6, 7, 30]
    )
    return 0


def _show_perbaikan(args: argparse.Namespace, found: list) -> int:
    from .kinerja_report_json import perbaikan_json

    if args.json:
        data = [perbaikan_json(p) for p in found]
        print_json(data if args.handler is cmd_perbaikan_daftar else data[0])
        return 0
    if not found:
        print("Belum ada perbaikan.")
        return 0
    rows = [
        (p.id, p.periode, p.unit, p.kode, f"{p.lama.shown} → {p.baru.shown}", p.status.label)
        for p in found
    ]
    print_table(["NO", "PERIODE", "UNIT", "KODE", "NILAI", "STATUS"], rows, [5, 9, 30, 16, 20, 24])
    return 0


def cmd_perbaikan_ajukan(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService

    with _session(args) as session:
        p = KinerjaCorrectionService(session, clock_of(args)).propose(
            args.periode,
            args.indikator,
            args.nilai,
            alasan=args.alasan,
            bukti=args.bukti,
            unit=args.unit,
            keterangan=args.keterangan,
            oleh=args.oleh,
        )
    return _show_perbaikan(args, [p])


def cmd_perbaikan_lanjut(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService

    with _session(args) as session:
        p = KinerjaCorrectionService(session, clock_of(args)).advance(
            args.id, ke=args.ke, pejabat=args.pejabat, catatan=args.catatan, oleh=args.oleh
        )
    return _show_perbaikan(args, [p])


def cmd_perbaikan_tolak(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService

    with _session(args) as session:
        p = KinerjaCorrectionService(session, clock_of(args)).reject(
            args.id, args.alasan, oleh=args.oleh
        )
    return _show_perbaikan(args, [p])


def cmd_perbaikan_daftar(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_corrections import KinerjaCorrectionService

    with _session(args) as session:
        found = KinerjaCorrectionService(session, clock_of(args)).list(
            args.periode, args.status, args.unit
        )
    return _show_perbaikan(args, found)


def _print(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    with _session(args) as session:
        return KinerjaReportService(session, clock_of(args)).print_report(
            args.jenis,
            args.periode,
            args.output,
            unit=getattr(args, "unit", None),
            varian=getattr(args, "varian", ""),
            draft=args.draf,
            kertas=args.kertas,
        )


def cmd_print(args: argparse.Namespace) -> int:
    from .kinerja_report_json import print_json_of

    result = _print(args)
    if getattr(args, "json", False):
        print_json(print_json_of(result))
    else:
        print(result.message)
    return 0


def cmd_rekap(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    from .kinerja_report_json import rekap_json

    if args.output is not None:
        return cmd_print(args)
    if not args.json:
        raise ValidationError("kinerja rekap PERIODE memerlukan -o FILE.xlsx|FILE.pdf atau --json.")
    with _session(args) as session:
        report = KinerjaReportService(session, clock_of(args)).build("rekap", args.periode)
    print_json(rekap_json(report))
    return 0


def cmd_versi(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    from .kinerja_report_json import version_json

    with _session(args) as session:
        found = KinerjaReportService(session, clock_of(args)).versions(args.jenis, args.periode)
    if args.json:
        print_json([version_json(v) for v in found])
        return 0
    if not found:
        print("Belum ada laporan yang dibekukan.")
        return 0
    rows = [
        (
            v.id,
            v.judul,
            v.versi,
            v.dibuat_at.isoformat(sep=" ", timespec="minutes"),
            v.data_hash[:16],
        )
        for v in found
    ]
    print_table(["ID", "LAPORAN", "VERSI", "DIBEKUKAN", "KODE DATA"], rows, [5, 50, 5, 16, 16])
    return 0


def cmd_cetak_ulang(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    with _session(args) as session:
        result = KinerjaReportService(session, clock_of(args)).reprint(
            args.id, args.output, kertas=args.kertas
        )
    print(result.message)
    return 0


def cmd_teks(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    values = {}
    for item in args.isian:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"Isian '{item}' harus ditulis KUNCI=TEKS.")
        values[key.strip()] = value
    with _session(args) as session:
        service = KinerjaReportService(session, clock_of(args))
        key = service.report_key(args.jenis, args.periode, args.unit)
        if values:
            service.save_texts(args.jenis, key, values)
        texts = service.texts(args.jenis, key)
    if args.json:
        print_json({"jenis": args.jenis, "periode": key, "teks": texts})
    else:
        for k, v in sorted(texts.items()):
            print(f"{k}: {v}")
    return 0


def cmd_anggaran(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.kinerja_reports import KinerjaReportService

    with _session(args) as session:
        before = KinerjaReportService(session, clock_of(args)).set_anggaran(
            args.kode, args.periode, args.nilai
        )
    print(f"Realisasi anggaran {args.kode} {args.periode} disimpan (sebelumnya: {before}).")
    return 0
