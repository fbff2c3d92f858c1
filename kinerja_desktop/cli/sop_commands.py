"""`sop …` commands: daftar, lihat, periksa, ekspor, impor (and, registered from
`sop_life_commands` and `print_commands`: baru, revisi, berlakukan, cabut, hapus,
sampah, kembalikan, pdf, buku)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.sop import SopDocument, serialize
from kinerja_desktop.core.sop.checker import has_errors, summarize
from kinerja_desktop.core.sop.durations import format_durasi_range, total_waktu
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import ImportConflictError, SopService

from .common import EXIT_ERROR, EXIT_FINDINGS, record_id, whole_number
from .output import (
    count_findings,
    diff_to_json,
    finding_to_json,
    print_diff,
    print_findings,
    print_json,
    print_table,
)
from .print_commands import register_print
from .sop_life_commands import register_life, summary_json


def register(parser: argparse.ArgumentParser, db_option: Callable) -> None:
    sub = parser.add_subparsers(dest="command", metavar="<perintah>", required=True)

    p = sub.add_parser("daftar", help="daftar semua SOP")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_daftar)

    p = sub.add_parser("lihat", help="seluruh isi satu SOP")
    p.add_argument("id", type=record_id, help="id SOP (lihat `sop daftar`)")
    p.add_argument("--revisi", type=whole_number, metavar="N", help="tampilkan revisi ke-N")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_lihat)

    p = sub.add_parser("periksa", help="periksa SOP (status 1 bila ada kesalahan)")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_periksa)

    p = sub.add_parser("ekspor", help="ekspor SOP ke Excel (.xlsx)")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=cmd_ekspor)

    p = sub.add_parser("impor", help="impor SOP dari Excel (tanpa --ya hanya melaporkan)")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--ya", action="store_true", help="simpan ke basis data")
    p.add_argument(
        "--sebagai",
        choices=["revisi", "salinan"],
        help="bila nomor SOP sudah ada: jadikan revisi SOP itu, atau SOP salinan terpisah",
    )
    p.add_argument("--catatan", default="", help="catatan revisi")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_impor)

    register_life(sub)
    register_print(sub)
    for child in sub.choices.values():
        db_option(child)


# -- daftar / lihat ----------------------------------------------------------


def cmd_daftar(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        sops = SopService(session).list_sops()
    if args.json:
        print_json([summary_json(s) for s in sops])
        return 0
    if not sops:
        print("Belum ada SOP. Muat pustaka demo dengan `demo muat` atau impor dari Excel.")
        return 0
    rows = [(s.id, s.nomor or "-", s.judul, s.status_label, s.jumlah_langkah) for s in sops]
    print_table(["ID", "NOMOR", "JUDUL", "STATUS", "LANGKAH"], rows, [6, 28, 60, 22, 7])
    print(f"\n{len(sops)} SOP")
    return 0


def cmd_lihat(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        service = SopService(session)
        record = service.get(args.id)
        doc = (
            service.get_revision(args.id, args.revisi)
            if args.revisi is not None
            else record.document
        )
        jam = session_jam_kerja(session)
    if args.json:
        data = serialize.to_dict(doc)
        data["id"] = record.id
        data["riwayat_revisi"] = [
            {
                "revisi_ke": r.revisi_ke,
                "tanggal": r.tanggal.isoformat() if r.tanggal else None,
                "catatan": r.catatan,
                "status": r.label.lower(),
                "hash": r.content_hash,
            }
            for r in record.revisions
        ]
        data["revisi_berlaku"] = record.revisi_berlaku
        print_json(data)
        return 0
    _print_document(record.id, doc, jam)
    _print_history(record)
    return 0


def _print_history(record: Any) -> None:
    """The revision history: number, date, state, and the notes (who approved,
    withdrew, with what reason)."""
    print("\nRiwayat revisi:")
    for r in record.revisions:
        print(f"  Revisi ke-{r.revisi_ke} ({format_tanggal(r.tanggal)}) — {r.label}")
        for line in r.catatan.splitlines():
            print(f"      {line}")


def session_jam_kerja(session: Any) -> float:
    return OfficeService(session).get_profile().jam_kerja_per_hari


def _print_document(sop_id: int, doc: SopDocument, jam_kerja: float) -> None:
    p = doc.pengesahan
    print(f"SOP {sop_id}: {doc.judul}")
    for label, value in (
        ("Nomor SOP", doc.nomor or "-"),
        ("Status", f"{doc.status.label}, revisi ke-{doc.revisi_ke}"),
        ("Tanggal Pembuatan", format_tanggal(doc.tanggal_pembuatan)),
        ("Tanggal Revisi", format_tanggal(doc.tanggal_revisi)),
        ("Tanggal Efektif", format_tanggal(doc.tanggal_efektif)),
        ("Disahkan oleh", ", ".join(x for x in (p.jabatan, p.nama, p.pangkat) if x) or "-"),
    ):
        print(f"  {label:<18} {value}")
    for _attr, heading, items in doc.lists():
        if items:
            print(f"\n{heading}:")
            for i, item in enumerate(items, 1):
                print(f"  {i}. {item}")
    print("\nPelaksana: " + " | ".join(lane.nama for lane in doc.lanes))
    print()
    names = doc.lane_by_id()
    rows = []
    for i, step in enumerate(doc.steps, 1):
        lanes = ", ".join(names[x].nama for x in step.pelaksana if x in names)
        rows.append((i, step.jenis.label, step.uraian, lanes, step.mutu_baku.waktu))
    print_table(["NO", "JENIS", "URAIAN", "PELAKSANA", "WAKTU"], rows, [3, 9, 60, 30, 16])
    total, unknown = total_waktu(
        (s.mutu_baku.waktu for s in doc.steps), default_unit="menit", jam_kerja_per_hari=jam_kerja
    )
    note = f" ({len(unknown)} waktu tidak terbaca)" if unknown else ""
    print(f"\nTotal waktu: {format_durasi_range(total, jam_kerja_per_hari=jam_kerja)}{note}")


# -- periksa -----------------------------------------------------------------


def cmd_periksa(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        service = SopService(session)
        doc = service.get(args.id).document
        findings = service.check(args.id)
    if args.json:
        print_json(
            {
                "id": args.id,
                "nomor": doc.nomor,
                "judul": doc.judul,
                "jumlah": count_findings(findings),
                "temuan": [finding_to_json(f) for f in findings],
            }
        )
    else:
        print(f"Pemeriksaan SOP {args.id} — {doc.judul}")
        if findings:
            print_findings(findings)
        print(f"Hasil: {summarize(findings)}")
    return EXIT_FINDINGS if has_errors(findings) else 0


# -- ekspor / impor ------------------------------------------------------------


def cmd_ekspor(args: argparse.Namespace) -> int:
    with open_session(args.db, create=False) as session:
        SopService(session).export_xlsx(args.id, args.output)
    print(f"SOP {args.id} diekspor ke {args.output}")
    return 0


def cmd_impor(args: argparse.Namespace) -> int:
    # Only saving may create a database; a report needs an existing one.
    with open_session(args.db, create=args.ya) as session:
        service = SopService(session)
        preview = service.preview_import(args.file)
        saved_id = None
        if args.ya and not preview.unchanged:
            try:
                saved_id = service.apply_import(preview, args.sebagai, args.catatan)
            except ImportConflictError as exc:
                _report_import(args, preview, None)
                print(
                    f"Galat: {exc.message} Ulangi dengan --sebagai revisi (revisi baru SOP itu) "
                    "atau --sebagai salinan (SOP terpisah).",
                    file=sys.stderr,
                )
                return EXIT_ERROR
    _report_import(args, preview, saved_id)
    return 0


def _report_import(args: argparse.Namespace, preview: Any, saved_id: int | None) -> None:
    doc = preview.document
    if args.json:
        print_json(
            {
                "berkas": str(args.file),
                "tata_letak": preview.layout,
                "nomor": doc.nomor,
                "judul": doc.judul,
                "jumlah_langkah": len(doc.steps),
                "pelaksana": [lane.nama for lane in doc.lanes],
                "catatan": [
                    {"tingkat": n.level, "pesan": n.message, "langkah": n.step}
                    for n in preview.notes
                ],
                "temuan": [finding_to_json(f) for f in preview.findings],
                "bentrok": [
                    {"id": c.id, "nomor": c.nomor, "judul": c.judul} for c in preview.conflicts
                ],
                "sasaran": _target_json(preview),
                "perubahan": diff_to_json(preview.diff),
                "disimpan": saved_id is not None,
                "id": saved_id,
                "sebagai": args.sebagai if saved_id is not None else None,
            }
        )
        return
    _print_import_text(args, preview, saved_id)


def _target_json(preview: Any) -> dict[str, Any] | None:
    target = preview.target
    if target is None:
        return None
    return {
        "id": target.id,
        "nomor": target.nomor,
        "judul": target.judul,
        "lewat_kode": preview.by_code,
    }


def _print_import_text(args: argparse.Namespace, preview: Any, saved_id: int | None) -> None:
    doc = preview.document
    print(f"Berkas: {args.file}")
    print(
        f"Terbaca: '{doc.judul or '(tanpa judul)'}', nomor {doc.nomor or '-'}, "
        f"{len(doc.steps)} langkah, {len(doc.lanes)} pelaksana"
    )
    print("Pelaksana: " + " | ".join(lane.nama for lane in doc.lanes))
    for note in preview.notes:
        where = f"langkah {note.step}: " if note.step else ""
        print(f"  [{note.level}] {where}{note.message}")
    if preview.findings:
        print(f"Pemeriksaan: {summarize(preview.findings)}")
        print_findings(preview.findings)
    for c in preview.conflicts:
        if preview.by_code:
            print(f"Buku kerja ini diekspor dari SOP {c.id} ('{c.judul}').")
        else:
            print(f"Perhatian: nomor ini sudah dipakai SOP {c.id} ('{c.judul}').")
    if preview.diff is not None:
        print_diff(preview.diff)
    if preview.unchanged:
        print("Tidak ada perubahan; tidak ada yang disimpan.")
    elif saved_id is not None:
        how = {"revisi": "sebagai revisi baru", "salinan": "sebagai salinan"}.get(
            args.sebagai or "", ""
        )
        print(f"Disimpan {how} — SOP {saved_id}.".replace("  ", " "))
    elif args.ya:
        print("Tidak ada yang disimpan.")
    else:
        hint = " (--sebagai hanya berlaku bersama --ya)" if args.sebagai else ""
        print(f"Belum ada yang disimpan. Jalankan lagi dengan --ya untuk menyimpan{hint}.")
