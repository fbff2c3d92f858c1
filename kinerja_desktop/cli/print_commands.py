"""`sop pdf` and `sop buku`: printed sheets, refused while the checker finds a kesalahan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja_desktop.core.dates import parse_tanggal
from kinerja_desktop.services.print_service import PrintBlockedError, PrintService
from kinerja_desktop.services.session import open_session

from .common import EXIT_FINDINGS, record_id, whole_number
from .output import print_findings


def tanggal_arg(text: str):
    """A date argument: 2026-02-16, 16-02-2026 or 16 Februari 2026."""
    value = parse_tanggal(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"tanggal tidak dikenali: {text!r} (contoh: 16-02-2026)")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--kertas",
        choices=["A4", "F4"],
        type=str.upper,
        help="ukuran kertas (bawaan: profil kantor)",
    )
    p.add_argument("--tegak", action="store_true", help="kertas tegak (bawaan: mendatar)")
    p.add_argument("--paksa", action="store_true", help="cetak walau pemeriksa menemukan kesalahan")
    p.add_argument(
        "--tanggal",
        type=tanggal_arg,
        metavar="TGL",
        help="tanggal tanda tangan (bawaan: tanggal efektif SOP)",
    )


def register_print(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pdf", help="cetak satu SOP ke PDF")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument(
        "--revisi", type=whole_number, metavar="N", help="cetak revisi ke-N (bawaan: terbaru)"
    )
    p.add_argument(
        "--lembar-kerja", action="store_true", help="sertakan Lembar Kerja Identifikasi Kegiatan"
    )
    p.add_argument(
        "--draf", action="store_true", help="cetak sebagai draf: tanda DRAF di setiap halaman"
    )
    _common(p)
    p.set_defaults(handler=cmd_pdf)

    p = sub.add_parser("buku", help="cetak Buku SOP (semua SOP atau yang dipilih) ke PDF")
    p.add_argument(
        "ids",
        type=record_id,
        nargs="*",
        metavar="ID",
        help="id SOP (bawaan: SOP kantor ini yang berlaku; berkop kantor lain hanya bila disebut)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--tahun", type=whole_number, help="tahun pada sampul (bawaan: tahun ini)")
    p.add_argument(
        "--jilid",
        choices=["kiri", "cermin"],
        default="",
        help="margin jilid 22 mm: kiri (setiap halaman) atau cermin (halaman genap di kanan)",
    )
    _common(p)
    p.set_defaults(handler=cmd_buku)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rMencetak {done}/{total} SOP …", end="" if done < total else "\n", file=sys.stderr)


def cmd_pdf(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        try:
            result = PrintService(session).sop_pdf(
                args.id,
                args.output,
                revisi=args.revisi,
                kertas=args.kertas,
                tegak=args.tegak,
                lembar_kerja=args.lembar_kerja,
                paksa=args.paksa,
                tanggal_ttd=args.tanggal,
                draf=args.draf,
            )
        except PrintBlockedError as exc:
            return _blocked(exc)
    _warn_forced(result.findings_by_sop, result.notices)
    print(f"{args.output}: {result.pages} halaman")
    return 0


def cmd_buku(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        try:
            result = PrintService(session).book_pdf(
                args.output,
                args.ids or None,
                kertas=args.kertas,
                tegak=args.tegak,
                paksa=args.paksa,
                tanggal_ttd=args.tanggal,
                tahun=args.tahun,
                progress=_progress,
                jilid=args.jilid,
            )
        except PrintBlockedError as exc:
            return _blocked(exc)
    _warn_forced(result.findings_by_sop, result.notices)
    print(f"{args.output}: {result.sop_count} SOP, {result.pages} halaman")
    return 0


def _blocked(exc: PrintBlockedError) -> int:
    print(f"Galat: {exc.message}", file=sys.stderr)
    for label, findings in exc.findings_by_sop.items():
        print(f"{label}:", file=sys.stderr)
        print_findings(findings, stream=sys.stderr)
    print("Perbaiki dahulu, atau cetak juga dengan --paksa.", file=sys.stderr)
    return EXIT_FINDINGS


def _warn_forced(findings_by_sop: dict, notices: list[str]) -> None:
    for label, findings in findings_by_sop.items():
        print(f"Peringatan: {label} dicetak walau ada kesalahan:", file=sys.stderr)
        print_findings(findings, stream=sys.stderr)
    for notice in notices:
        print(f"Catatan tata letak: {notice}", file=sys.stderr)
