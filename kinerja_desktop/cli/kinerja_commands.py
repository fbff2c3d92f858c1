"""`kinerja …` commands: the plan workbook, request forms, import, status, values.

    kinerja rencana ekspor FILE.xlsx [--renstra ID]
    kinerja rencana impor FILE.xlsx [--ya] [--json]
    kinerja formulir PERIODE --folder DIR [--tenggat TANGGAL] [--unit KODE] [--json]
    kinerja impor PATH… [--ya] [--json]
    kinerja status PERIODE [--tanggal TANGGAL] [--json]
    kinerja nilai PERIODE [--unit KODE] [--json]

The `--json` shapes are documented in README.md ("Data kinerja") and kept
stable. "Not filled in" is `null` in JSON and "—" in text.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.core.dates import parse_tanggal
from kinerja_desktop.core.kinerja.values import number_text
from kinerja_desktop.services.kinerja_import import KinerjaImportService
from kinerja_desktop.services.kinerja_plan_book import KinerjaPlanBookService, PlanImport
from kinerja_desktop.services.kinerja_rounds import KinerjaRoundService
from kinerja_desktop.services.kinerja_types import FilePreview, ImportPreview
from kinerja_desktop.services.kinerja_values import KinerjaValueService
from kinerja_desktop.services.session import open_session

from . import kinerja_report_commands
from .common import EXIT_ERROR, EXIT_FINDINGS, clock_of, record_id
from .output import print_json, print_table


def _tanggal(text: str):
    value = parse_tanggal(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"tanggal tidak dikenali: {text!r} (contoh: 10-10-2026)")
    return value


def register(parser: argparse.ArgumentParser, db_option: Callable) -> None:
    sub = parser.add_subparsers(dest="command", metavar="<perintah>", required=True)
    rencana = sub.add_parser("rencana", help="rencana kinerja (Renstra) sebagai buku kerja Excel")
    rsub = rencana.add_subparsers(dest="aksi", metavar="<aksi>", required=True)
    p = rsub.add_parser("ekspor", help="tulis rencana ke FILE.xlsx")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--renstra", type=record_id, metavar="ID", help="Renstra (bawaan: yang terbaru)")
    p.set_defaults(handler=cmd_rencana_ekspor)
    db_option(p)
    p = rsub.add_parser("impor", help="baca rencana dari FILE.xlsx (tanpa --ya hanya melaporkan)")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--ya", action="store_true", help="simpan ke basis data")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_rencana_impor)
    db_option(p)

    p = sub.add_parser("formulir", help="tulis Format Permintaan Data tiap unit ke sebuah folder")
    p.add_argument("periode", help="2026-07, 2026-TW3, 2026-S2 atau 2026")
    p.add_argument("--folder", type=Path, required=True, metavar="DIR")
    p.add_argument("--tenggat", type=_tanggal, metavar="TANGGAL", help="batas pengembalian")
    p.add_argument("--unit", metavar="KODE", help="hanya satu unit (id atau nama)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_formulir)

    p = sub.add_parser("impor", help="impor formulir yang kembali (berkas atau folder)")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--ya", action="store_true", help="terapkan berkas yang siap")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_impor)

    p = sub.add_parser("status", help="papan status putaran pengumpulan")
    p.add_argument("periode")
    p.add_argument(
        "--tanggal", type=_tanggal, metavar="TANGGAL", help="hari ini (bawaan: tanggal sistem)"
    )
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("nilai", help="semua nilai tersimpan untuk satu periode, dengan sumbernya")
    p.add_argument("periode")
    p.add_argument("--unit", metavar="KODE", help="hanya satu unit (id atau nama)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_nilai)
    for name in ("formulir", "impor", "status", "nilai"):
        db_option(sub.choices[name])
    kinerja_report_commands.register(sub, db_option)  # part 2: validasi, perbaikan, laporan


# -- rencana ---------------------------------------------------------------------------
def cmd_rencana_ekspor(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        book = KinerjaPlanBookService(session, clock_of(args)).export(args.file, args.renstra)
    print(
        f"Rencana {book.renstra.label} diekspor ke {args.file} "
        f"({len(book.nodes)} simpul, {len(book.indicators)} indikator, {len(book.pks)} PK)."
    )
    return 0


def _plan_json(p: PlanImport, saved: int | None) -> dict[str, Any]:
    return {
        "berkas": str(p.path),
        "renstra": {
            "nama": p.book.renstra.nama,
            "tahun_awal": p.book.renstra.tahun_awal,
            "tahun_akhir": p.book.renstra.tahun_akhir,
        },
        "renstra_id": saved if saved is not None else p.renstra_id,
        "simpul": {"baru": p.nodes_new, "diubah": p.nodes_updated},
        "indikator": {"baru": p.indicators_new, "diubah": p.indicators_updated},
        "pk": {"baru": p.pk_new, "sama": p.pk_unchanged},
        "masalah": [_problem_json(x) for x in p.problems],
        "disimpan": saved is not None,
    }


def cmd_rencana_impor(args: argparse.Namespace) -> int:
    with open_session(args.db, create=args.ya) as session:
        service = KinerjaPlanBookService(session, clock_of(args))
        preview = service.preview(args.file)
        saved = service.apply(preview) if args.ya and preview.ok else None
    if args.json:
        print_json(_plan_json(preview, saved))
    else:
        b = preview.book
        target = (
            "Renstra baru"
            if preview.renstra_id is None
            else f"memperbarui Renstra {preview.renstra_id}"
        )
        print(f"Berkas: {args.file} — {b.renstra.label} ({target})")
        print(
            f"Simpul: {preview.nodes_new} baru, {preview.nodes_updated} diubah; indikator: "
            f"{preview.indicators_new} baru, {preview.indicators_updated} diubah; "
            f"PK: {preview.pk_new} baru"
        )
        for x in preview.problems:
            print(f"  [masalah] {x}")
        if saved is not None:
            print(f"Disimpan — Renstra {saved}.")
        elif preview.ok:
            print("Belum ada yang disimpan. Jalankan lagi dengan --ya untuk menyimpan.")
        else:
            print("Tidak ada yang disimpan: perbaiki masalah di atas dulu.")
    return 0 if preview.ok else EXIT_ERROR


# -- formulir -----------------------------------------------------------------------
def cmd_formulir(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        service = KinerjaRoundService(session, clock_of(args))
        written = service.write_forms(
            args.periode, args.folder, tenggat=args.tenggat, unit=args.unit
        )
        r = service.get_round(args.periode)
    if args.json:
        print_json(
            {
                "periode": r.periode.key,
                "putaran_id": r.id,
                "tenggat": r.tenggat.isoformat() if r.tenggat else None,
                "folder": str(args.folder),
                "formulir": [
                    {
                        "unit_id": w.unit_id,
                        "unit": w.unit,
                        "berkas": str(w.path),
                        "jumlah_indikator": w.jumlah_indikator,
                        "checksum": w.checksum,
                    }
                    for w in written
                ],
            }
        )
        return 0
    print(f"Format Permintaan Data {r.periode.label} ditulis ke {args.folder}:")
    for w in written:
        print(f"  {w.path.name}  ({w.jumlah_indikator} indikator)")
    return 0


# -- impor --------------------------------------------------------------------------------
def _problem_json(p: Any) -> dict[str, Any]:
    return {
        "tingkat": p.level,
        "lembar": p.sheet or None,
        "sel": p.cell or None,
        "pesan": p.message,
    }


def _value_json(v: Any) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"nilai": v.nilai, "teks": v.teks or None, "keterangan": v.keterangan, "bukti": v.bukti}


def _change_json(c: Any) -> dict[str, Any]:
    return {
        "indikator_id": c.indicator_id,
        "kode": c.kode,
        "nama": c.nama,
        "lembar": c.sheet,
        "sel": c.cell,
        "lama": _value_json(c.old),
        "baru": _value_json(c.new),
    }


def _file_json(f: FilePreview, applied: dict[str, Any]) -> dict[str, Any]:
    done = applied.get(f.file_name)
    return {
        "berkas": str(f.path) if f.path else f.file_name,
        "hash": f.file_hash,
        "status": f.status,
        "putaran_id": f.round_id,
        "periode": f.periode or None,
        "unit_id": f.unit_id,
        "unit": f.unit or None,
        "disimpan_pada": f.filled_at.isoformat(timespec="seconds") if f.filled_at else None,
        "baru": [_change_json(c) for c in f.new],
        "berubah": [_change_json(c) for c in f.changed],
        "tidak_berubah": f.unchanged,
        "masalah": [_problem_json(p) for p in f.problems],
        "peringatan": [_problem_json(p) for p in f.warnings],
        "diterapkan": bool(done and done.status == "diterapkan"),
        "impor_id": done.import_id if done else None,
        "catatan_terapan": done.message if done and done.message else None,
    }


def cmd_impor(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        service = KinerjaImportService(session, clock_of(args))
        preview = service.preview(args.paths)
        applied = {a.file_name: a for a in service.apply(preview)} if args.ya else {}
    if args.json:
        print_json(
            {"berkas": [_file_json(f, applied) for f in preview.files], "diterapkan": args.ya}
        )
    else:
        _print_preview(preview, applied, args.ya)
    refused = any(f.status == "ditolak" for f in preview.files)
    return EXIT_FINDINGS if refused else 0


def _print_preview(preview: ImportPreview, applied: dict[str, Any], ya: bool) -> None:
    for f in preview.files:
        who = f"{f.unit} {f.periode}" if f.unit else "unit tidak dikenali"
        print(f"\n{f.file_name} — {who}: {f.message}")
        for c in f.new:
            print(f"  baru     {c.sheet}!{c.cell}  {c.kode} {c.nama[:50]}: {c.new.shown}")
        for c in f.changed:
            old = c.old.shown if c.old else "—"
            print(f"  berubah  {c.sheet}!{c.cell}  {c.kode} {c.nama[:50]}: {old} → {c.new.shown}")
        for p in f.problems:
            print(f"  [masalah] {p}")
        for p in f.warnings:
            print(f"  [peringatan] {p}")
        done = applied.get(f.file_name)
        if done is not None:
            print(f"  → {'diterapkan' if done.status == 'diterapkan' else done.message}")
    if not ya:
        print(
            "\nBelum ada yang disimpan. Jalankan lagi dengan --ya untuk menerapkan berkas "
            "yang siap."
        )


# -- status / nilai ---------------------------------------------------------------------
def cmd_status(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        st = KinerjaRoundService(session, clock_of(args)).status(args.periode, args.tanggal)
    if args.json:
        print_json(
            {
                "periode": st.round.periode.key,
                "tenggat": st.round.tenggat.isoformat() if st.round.tenggat else None,
                "tanggal": st.tanggal.isoformat(),
                "lengkap": st.complete,
                "unit": [
                    {
                        "unit_id": u.unit_id,
                        "unit": u.unit,
                        "status": u.status,
                        "terlambat": u.terlambat,
                        "formulir_ditulis": u.formulir,
                        "terisi": u.terisi,
                        "jumlah_indikator": u.jumlah,
                        "terakhir": u.terakhir.isoformat(timespec="seconds")
                        if u.terakhir
                        else None,
                        "masalah": u.masalah,
                    }
                    for u in st.units
                ],
            }
        )
        return 0
    tenggat = st.round.tenggat.isoformat() if st.round.tenggat else "-"
    print(f"Putaran {st.round.periode.label} — tenggat {tenggat}, per {st.tanggal.isoformat()}")
    rows = [
        (u.unit, u.label, f"{u.terisi}/{u.jumlah}", "; ".join(u.masalah)[:60]) for u in st.units
    ]
    print_table(["UNIT", "STATUS", "TERISI", "MASALAH"], rows, [40, 28, 7, 60])
    print("\nLengkap: semua unit sudah kembali." if st.complete else "")
    return 0


def cmd_nilai(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        values = KinerjaValueService(session).values(args.periode, args.unit)
    if args.json:
        print_json(
            [
                {
                    "indikator_id": v.indicator_id,
                    "kode": v.kode,
                    "nama": v.nama,
                    "unit_id": v.unit_id,
                    "unit": v.unit,
                    "periode": v.periode,
                    "nilai": v.nilai,
                    "teks": v.teks or None,
                    "keterangan": v.keterangan,
                    "bukti": v.bukti,
                    "jenis": v.jenis,
                    "status_validasi": v.status_validasi,
                    "sumber": {
                        "berkas": v.file_name,
                        "lembar": v.sheet or None,
                        "sel": v.cell or None,
                        "hash": v.file_hash,
                        "impor_id": v.import_id,
                        "dicatat": v.recorded_at.isoformat(timespec="seconds"),
                    },
                }
                for v in values
            ]
        )
        return 0
    if not values:
        print("Belum ada nilai tersimpan untuk periode ini.")
        return 0
    rows = [
        (
            v.unit,
            v.kode,
            v.nama,
            v.teks or number_text(v.nilai),
            f"{v.file_name} {v.sheet}!{v.cell}".strip() if v.cell else v.file_name,
        )
        for v in values
    ]
    print_table(["UNIT", "KODE", "INDIKATOR", "NILAI", "SUMBER"], rows, [24, 16, 48, 10, 50])
    return 0


__all__ = ["EXIT_ERROR", "register"]
