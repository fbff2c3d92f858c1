"""`sop …` life-cycle commands: baru, revisi, berlakukan, cabut, hapus, sampah, kembalikan.

The same use cases as the window's SOP menu (`services.sop_service`): each
command is one write (one audit row, who = `--oleh` or the OS user) and, with
`--json`, prints the SOP afterwards in the shape of `sop daftar --json`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.sop import Pengesahan
from kinerja_desktop.core.sop.template import signer_of
from kinerja_desktop.services.office_service import OfficeService
from kinerja_desktop.services.session import Session, open_session
from kinerja_desktop.services.sop_service import NotReadyError, SopService, SopSummary

from .common import EXIT_FINDINGS, record_id
from .output import print_findings, print_json, print_table
from .print_commands import tanggal_arg


def summary_json(s: SopSummary) -> dict[str, Any]:
    """One SOP as `sop daftar --json` prints it (plus `dihapus` for the bin)."""
    out = {
        "id": s.id,
        "nomor": s.nomor,
        "judul": s.judul,
        "status": s.status.value,
        "jumlah_langkah": s.jumlah_langkah,
        "revisi_ke": s.revisi_ke,
        "revisi_berlaku": s.revisi_berlaku,
        "unit": s.unit,
        "diperbarui": s.diperbarui.isoformat(timespec="seconds"),
    }
    if s.dihapus is not None:
        out["dihapus"] = s.dihapus.isoformat(timespec="seconds")
    return out


def _flags(p: argparse.ArgumentParser, *, who: bool = True) -> None:
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    if who:
        p.add_argument(
            "--oleh", metavar="NAMA", help="dicatat sebagai pelaku (bawaan: pengguna OS)"
        )


def register_life(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("baru", help="SOP baru (draf): kosong, dari templat, atau salinan SOP lain")
    p.add_argument("--templat", action="store_true", help="mulai dari templat bawaan")
    p.add_argument("--dari", type=record_id, metavar="ID", help="salin isi SOP ini sebagai templat")
    p.add_argument("--judul", default="", help="judul SOP")
    p.add_argument("--nomor", default="", help="nomor SOP")
    _flags(p, who=False)
    p.set_defaults(handler=cmd_baru)

    p = sub.add_parser("revisi", help="revisi baru (draf) dari revisi terbaru SOP")
    p.add_argument("id", type=record_id)
    p.add_argument("--catatan", default="", help="alasan atau isi revisi")
    _flags(p, who=False)
    p.set_defaults(handler=cmd_revisi)

    p = sub.add_parser("berlakukan", help="nyatakan revisi terbaru SOP berlaku")
    p.add_argument("id", type=record_id)
    p.add_argument(
        "--tanggal",
        type=tanggal_arg,
        metavar="YYYY-MM-DD",
        help="tanggal efektif (bawaan: hari ini)",
    )
    p.add_argument(
        "--pengesah", metavar="NIP|NAMA", help="pegawai yang mengesahkan (bawaan: pengesah di SOP)"
    )
    _flags(p)
    p.set_defaults(handler=cmd_berlakukan)

    p = sub.add_parser("cabut", help="cabut SOP yang berlaku (dengan alasan)")
    p.add_argument("id", type=record_id)
    p.add_argument("--alasan", required=True, metavar="TEKS", help="alasan pencabutan")
    _flags(p)
    p.set_defaults(handler=cmd_cabut)

    p = sub.add_parser("hapus", help="pindahkan SOP ke Sampah (dapat dikembalikan)")
    p.add_argument("id", type=record_id)
    _flags(p)
    p.set_defaults(handler=cmd_hapus)

    p = sub.add_parser("sampah", help="daftar SOP di Sampah; --kosongkan --ya menghapus permanen")
    p.add_argument("--kosongkan", action="store_true", help="hapus permanen semua SOP di Sampah")
    p.add_argument("--ya", action="store_true", help="konfirmasi --kosongkan")
    _flags(p)
    p.set_defaults(handler=cmd_sampah)

    p = sub.add_parser("kembalikan", help="kembalikan SOP dari Sampah")
    p.add_argument("id", type=record_id)
    _flags(p)
    p.set_defaults(handler=cmd_kembalikan)


def _done(args: argparse.Namespace, summary: SopSummary, text: str) -> int:
    if args.json:
        print_json(summary_json(summary))
    else:
        print(text)
    return 0


def _with_service(args: argparse.Namespace, work: Callable[[Session, SopService], int]) -> int:
    with open_session(args.db, create=False) as session:
        return work(session, SopService(session))


def cmd_baru(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        if args.dari is not None:
            doc = service.duplicate_document(args.dari)
        else:
            doc = service.new_document(args.templat)
        doc.judul = args.judul.strip() or doc.judul
        doc.nomor = args.nomor.strip() or doc.nomor
        sop_id = service.create(doc)
        s = service.summary(sop_id)
        return _done(args, s, f"SOP {sop_id} dibuat (draf): {s.nomor or '-'} — {s.judul or '-'}")

    return _with_service(args, work)


def cmd_revisi(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        doc = service.get(args.id).document
        number = service.new_revision(args.id, doc, args.catatan.strip())
        return _done(
            args, service.summary(args.id), f"SOP {args.id}: revisi ke-{number} (draf) dibuat."
        )

    return _with_service(args, work)


def _signer(session: Session, wanted: str | None) -> Pengesahan | None:
    if not wanted:
        return None
    key = "".join(wanted.split()).casefold()
    staff = OfficeService(session).list_staff()
    found = [m for m in staff if m.nip == key or "".join(m.nama.split()).casefold() == key]
    if not found:
        found = [m for m in staff if key in "".join(m.nama.split()).casefold()]
    if len(found) != 1:
        what = "tidak ada" if not found else f"lebih dari satu ({len(found)})"
        raise ValidationError(
            f"Pegawai '{wanted}' {what} di daftar pegawai; sebut NIP-nya atau nama lengkapnya."
        )
    return signer_of(found[0])


def cmd_berlakukan(args: argparse.Namespace) -> int:
    def work(session: Session, service: SopService) -> int:
        signer = _signer(session, args.pengesah)
        try:
            number = service.approve(
                args.id, tanggal_efektif=args.tanggal, signer=signer, oleh=args.oleh
            )
        except NotReadyError as exc:
            print(f"Galat: {exc.message}", file=sys.stderr)
            print_findings(exc.errors, stream=sys.stderr)
            return EXIT_FINDINGS
        doc = service.get(args.id).document
        text = (
            f"SOP {args.id} revisi ke-{number} berlaku mulai "
            f"{format_tanggal(doc.tanggal_efektif)}, disahkan oleh {doc.pengesahan.nama or '-'}."
        )
        return _done(args, service.summary(args.id), text)

    return _with_service(args, work)


def cmd_cabut(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        service.withdraw(args.id, args.alasan, oleh=args.oleh)
        return _done(args, service.summary(args.id), f"SOP {args.id} dicabut.")

    return _with_service(args, work)


def cmd_hapus(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        service.delete(args.id, oleh=args.oleh)
        (entry,) = [s for s in service.bin() if s.id == args.id]
        text = (
            f"SOP {args.id} dipindahkan ke Sampah (kembalikan dengan `sop kembalikan {args.id}`)."
        )
        return _done(args, entry, text)

    return _with_service(args, work)


def cmd_kembalikan(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        s = service.restore(args.id, oleh=args.oleh)
        return _done(args, service.summary(s.id), f"SOP {s.id} dikembalikan dari Sampah.")

    return _with_service(args, work)


def cmd_sampah(args: argparse.Namespace) -> int:
    def work(_session: Session, service: SopService) -> int:
        items = service.bin()
        if args.kosongkan and args.ya:
            count = service.empty_bin(oleh=args.oleh)
            if args.json:
                print_json({"dihapus_permanen": count})
            else:
                print(f"Sampah dikosongkan: {count} SOP dihapus permanen.")
            return 0
        if args.json:
            print_json([summary_json(s) for s in items])
            return 0
        if not items:
            print("Sampah kosong.")
            return 0
        rows = [
            (s.id, s.nomor or "-", s.judul, s.status_label, s.dihapus.strftime("%d-%m-%Y %H:%M"))
            for s in items
            if s.dihapus is not None
        ]
        print_table(["ID", "NOMOR", "JUDUL", "STATUS", "DIHAPUS"], rows, [6, 28, 56, 12, 16])
        print(f"\n{len(items)} SOP di Sampah.")
        if args.kosongkan:
            print("Jalankan lagi dengan --kosongkan --ya untuk menghapusnya permanen.")
        return 0

    return _with_service(args, work)
