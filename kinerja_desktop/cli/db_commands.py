"""`db …` (cadangkan, pulihkan, periksa, audit) and `demo muat`.

The services are imported by the handlers, not here: every command builds
this parser, and only `db …` should pay for the backup and repair modules.
"""

# ruff: noqa: PLC0415 (lazy imports, see above)

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .common import EXIT_FINDINGS
from .output import print_json


def register(parser: argparse.ArgumentParser, db_option: Callable) -> None:
    sub = parser.add_subparsers(dest="command", metavar="<perintah>", required=True)

    p = sub.add_parser("cadangkan", help="salin basis data ke berkas cadangan (aman saat dipakai)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_cadangkan)

    p = sub.add_parser(
        "pulihkan", help="ganti basis data dengan cadangan (yang lama dicadangkan dahulu)"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_pulihkan)

    p = sub.add_parser(
        "periksa",
        help="periksa keutuhan basis data dan tanda perubahan di luar aplikasi "
        "(rantai catatan audit, hash revisi SOP, jangkar)",
    )
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_periksa)

    p = sub.add_parser("audit", help="catatan audit terbaru (siapa mengubah apa dan kapan)")
    p.add_argument("--data", metavar="JENIS", help="jenis data, mis. kinerja_value, sop")
    p.add_argument("--tindakan", metavar="KODE", help="mis. validasi, perbaikan (semua langkah)")
    p.add_argument("--oleh", metavar="NAMA", help="pelaku")
    p.add_argument("--cari", metavar="TEKS", help="kata di ringkasan atau nilai")
    p.add_argument("--dari", type=_day, metavar="TTTT-BB-HH")
    p.add_argument("--sampai", type=_day, metavar="TTTT-BB-HH")
    p.add_argument("--batas", type=int, default=50, metavar="N", help="paling banyak (50)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_audit)
    for child in sub.choices.values():
        db_option(child)


def register_demo(parser: argparse.ArgumentParser, db_option: Callable) -> None:
    sub = parser.add_subparsers(dest="command", metavar="<perintah>", required=True)
    p = sub.add_parser("muat", help="muat pustaka SOP demo dan profil kantor demo")
    p.set_defaults(handler=cmd_demo_muat)
    db_option(p)


def demo_database() -> Path:
    """The demo database (built when missing), for `--demo <perintah>`."""
    from kinerja_desktop.services.demo import open_demo_session

    with open_demo_session() as session:
        return session.path


def cmd_cadangkan(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.database_service import DatabaseService
    from kinerja_desktop.services.session import open_session

    with open_session(args.db, create=False) as session:
        written = DatabaseService(session).backup(args.file)
    print(f"Cadangan dibuat: {written}")
    return 0


def cmd_pulihkan(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.database_service import DatabaseService
    from kinerja_desktop.services.session import open_session

    with open_session(args.db, create=True) as session:
        safety = DatabaseService(session).restore(args.file)
    print(f"Basis data dipulihkan dari {args.file}.")
    print(f"Basis data sebelumnya disimpan sebagai {safety}")
    return 0


def cmd_periksa(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.database_service import DatabaseService
    from kinerja_desktop.services.session import open_session

    with open_session(args.db, create=False) as session:
        result = DatabaseService(session).check()
        path = session.path
    if args.json:
        print_json(
            {
                "basis_data": str(path),
                "sehat": result.healthy,
                "masalah": result.problems,
                "catatan": result.notes,
                "catatan_audit": result.audit_rows,
                "revisi_diperiksa": result.revisions_checked,
            }
        )
    elif result.healthy:
        print(
            f"{path}: sehat (keutuhan berkas, kunci asing, struktur, rantai {result.audit_rows} "
            f"catatan audit, hash {result.revisions_checked} revisi SOP)."
        )
    else:
        print(f"{path}: ditemukan {len(result.problems)} masalah:")
        for problem in result.problems:
            print(f"  - {problem}")
    if not args.json:
        for note in result.notes:
            print(f"  Catatan: {note}")
    return 0 if result.healthy else EXIT_FINDINGS


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' harus ditulis TTTT-BB-HH") from None


def cmd_audit(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.audit import AuditFilter, AuditService, action_label
    from kinerja_desktop.services.session import open_session

    from .output import print_table

    wanted = AuditFilter(args.data, args.tindakan, args.oleh, args.cari, args.dari, args.sampai)
    with open_session(args.db, create=False) as session:
        found = AuditService(session).list_entries(max(1, args.batas), wanted)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "waktu": e.at.isoformat(),
                    "oleh": e.actor,
                    "tindakan": e.action,
                    "data": e.entity,
                    "data_id": e.entity_id,
                    "ringkasan": e.summary,
                    "sebelum": e.before,
                    "sesudah": e.after,
                    "hash": e.hash,
                    "versi_hash": e.hash_version,
                }
                for e in found
            ]
        )
    elif not found:
        print("Tidak ada catatan audit yang cocok.")
    else:
        rows = [
            (
                e.id,
                e.at.strftime("%Y-%m-%d %H:%M"),
                e.actor or "—",
                action_label(e.action),
                e.summary,
            )
            for e in found
        ]
        print_table(("NO", "WAKTU", "OLEH", "TINDAKAN", "RINGKASAN"), rows, (6, 16, 14, 24, 70))
    return 0


def cmd_demo_muat(args: argparse.Namespace) -> int:
    from kinerja_desktop.services.demo import load_demo
    from kinerja_desktop.services.session import open_session

    with open_session(args.db, create=True) as session:
        summary = load_demo(session)
        path = session.path
    print(f"Pustaka demo dimuat ke {path}: {summary}")
    return 0
