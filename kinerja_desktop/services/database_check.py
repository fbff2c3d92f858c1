"""The health check of the database told in Indonesian: what is wrong, and what to know.

`describe(report, path)` turns `store.health`'s raw findings into sentences:
`problems` (the file is damaged or was changed outside the program — `db
periksa` exits non-zero and the window lists them) and `notes` (facts worth
knowing that are not problems, e.g. no anchor file yet). Each problem names
its place: the SOP and revision, the audit row, the schema object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..store import anchor as store_anchor
from ..store.health import HealthReport

MAX_STRUCTURE_LINES = 10

# How the foreign_key_check names tables and what they point at.
_TABLE_WORDS = {
    "staff": "pegawai",
    "unit": "unit",
    "sop": "SOP",
    "sop_revision": "revisi SOP",
    "office_profile": "profil kantor",
    "audit_log": "catatan audit",
}


@dataclass
class DatabaseCheck:
    """The result of `DatabaseService.check`: problems ([] = sehat) and notes."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    audit_rows: int = 0  # the newest audit row's id (the chain's length)
    revisions_checked: int = 0

    @property
    def healthy(self) -> bool:
        return not self.problems


def describe(report: HealthReport, path: Path) -> DatabaseCheck:
    result = DatabaseCheck()
    result.problems = _structure_words(report.structure)
    if report.unreadable:
        result.problems.append(
            "Berkas basis data rusak sehingga tidak dapat diperiksa seluruhnya "
            f"(SQLite: {report.unreadable})."
        )
    for link in report.broken_links:
        child = _TABLE_WORDS.get(link.table, link.table)
        target = _TABLE_WORDS.get(link.parent, link.parent)
        result.problems.append(
            f"Data {child} nomor {link.rowid} merujuk ke {target} yang tidak ada "
            f"(tabel {link.table} → {link.parent})."
        )
    for gap in report.missing_revisions:
        which = "revisi yang berlaku" if gap.in_force else "revisi terbaru"
        result.problems.append(
            f"SOP {gap.sop_id}: {which} (revisi ke-{gap.revisi_ke}) tidak ada di basis data."
        )
    result.problems += [
        f"Struktur basis data tidak wajar: {d.sentence()} (diubah di luar aplikasi)."
        for d in report.schema_differences
    ]
    result.problems += [b.sentence() for b in report.chain_breaks]
    if report.audit_missing:
        result.problems.append(
            "Catatan audit kosong padahal basis data berisi data: catatan audit telah dihapus."
        )
    result.problems += [p.sentence() for p in report.revision_problems]
    result.problems += [p.sentence() for p in report.report_problems]
    _anchor_words(result, report.anchor_finding, path)
    return result


def _anchor_words(
    result: DatabaseCheck, found: store_anchor.AnchorFinding | None, path: Path
) -> None:
    if found is None:
        return
    name = store_anchor.anchor_path(path).name
    known = found.anchor
    when = f" (ditulis {known.at.replace('T', ' ')})" if known and known.at else ""
    if found.kind == "terpotong" and known:
        result.problems.append(
            f"Catatan audit terbaru telah dihapus: berkas jangkar {name}{when} mencatat "
            f"sampai catatan #{known.last_id} ({known.count} catatan), basis data kini hanya "
            f"sampai #{found.db_last_id}."
        )
    elif found.kind == "berbeda" and known:
        result.problems.append(
            f"Catatan audit #{known.last_id} tidak sama dengan yang dicatat berkas jangkar "
            f"{name}{when}: rantai catatan audit ditulis ulang."
        )
    elif found.kind == "berkurang" and known:
        result.problems.append(
            f"Catatan audit telah dihapus: berkas jangkar {name} mencatat {known.count} catatan "
            f"sampai #{known.last_id}, kini tinggal {found.kept}."
        )
    elif found.kind == "tak-terbaca":
        result.problems.append(
            f"Berkas jangkar {name} rusak dan tidak dapat dibaca. Bila Anda yakin basis data "
            "tidak diubah, hapus berkas itu: dibuat ulang pada penyimpanan berikutnya."
        )
    elif found.kind == "hilang":
        result.notes.append(
            f"Berkas jangkar {name} belum ada (dibuat pada penyimpanan atau pencadangan "
            "berikutnya); penghapusan catatan audit terbaru sebelum itu tidak dapat diketahui."
        )
    elif found.kind == "sebelum-pulihkan":
        result.notes.append(
            f"Berkas jangkar {name} berasal dari sebelum pemulihan terakhir; diperbarui pada "
            "penyimpanan berikutnya."
        )
    elif known and known.last_id < found.db_last_id:
        result.notes.append(
            f"Berkas jangkar {name} mencatat sampai catatan #{known.last_id}, basis data sampai "
            f"#{found.db_last_id} (jangkar diperbarui pada penyimpanan berikutnya)."
        )


def _structure_words(lines: list[str]) -> list[str]:
    shown = [
        f"Struktur berkas basis data rusak (SQLite: {line})."
        for line in lines[:MAX_STRUCTURE_LINES]
    ]
    if len(lines) > MAX_STRUCTURE_LINES:
        shown.append(
            f"… dan {len(lines) - MAX_STRUCTURE_LINES} kerusakan struktur lain yang dilaporkan "
            "SQLite."
        )
    return shown
