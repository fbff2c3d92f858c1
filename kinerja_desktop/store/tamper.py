"""Evidence of changes made behind the program's back, on any sqlite3 connection.

* `revision_problems` — every stored SOP revision is read back and its content
  hash recomputed (`core.sop.serialize.content_hash`): a step text edited in
  the file, or a document that is no longer valid JSON, is named with its SOP
  and revision;
* `audit_missing` — a database that holds records but no audit row at all
  (every write leaves one, so the log was emptied);
* the audit chain itself is checked by `store.audit.verify_chain`, and the
  removal of the newest audit rows by `store.anchor`.

Used by `store.health` (the live database, `db periksa`) and `store.restore`
(a backup, before it is accepted).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..core.sop import serialize

# Tables whose rows are written only through a service call (one audit row each).
_RECORD_TABLES = ("sop", "staff", "unit", "office_profile")

_REVISIONS_SQL = """
    SELECT r.sop_id, r.revisi_ke, r.document, r.content_hash, s.nomor, s.judul
    FROM sop_revision r LEFT JOIN sop s ON s.id = r.sop_id
    ORDER BY r.sop_id, r.revisi_ke
"""


@dataclass(frozen=True)
class RevisionProblem:
    """A stored revision whose content does not match its hash ("diubah") or
    cannot be read at all ("rusak")."""

    sop_id: int
    revisi_ke: int
    nomor: str
    judul: str
    kind: str  # "diubah" | "rusak"
    detail: str = ""

    def sentence(self) -> str:
        name = (self.nomor or "").strip() or (self.judul or "").strip() or "tanpa nomor"
        where = f"SOP {self.sop_id} ({name}), revisi ke-{self.revisi_ke}"
        if self.kind == "rusak":
            return f"{where}: isi dokumennya rusak (bukan data SOP yang sah)."
        return (
            f"{where}: isinya tidak cocok dengan hash yang dicatat saat disimpan "
            "(diubah di luar aplikasi)."
        )


def revision_problems(conn: sqlite3.Connection, limit: int = 1000) -> list[RevisionProblem]:
    """Every revision whose document is unreadable or differs from its hash."""
    found: list[RevisionProblem] = []
    for sop_id, revisi_ke, document, stored, nomor, judul in conn.execute(_REVISIONS_SQL):
        problem = _revision_problem(document, stored)
        if problem is not None:
            kind, detail = problem
            found.append(
                RevisionProblem(
                    sop_id, revisi_ke, str(nomor or ""), str(judul or ""), kind, detail[:200]
                )
            )
            if len(found) >= limit:
                break
    return found


def _revision_problem(document: object, stored: object) -> tuple[str, str] | None:
    if not isinstance(document, str):
        return "rusak", f"document is {type(document).__name__}"
    try:
        actual = serialize.content_hash(serialize.loads(document))
    except Exception as exc:  # any shape the JSON may have been given by hand
        return "rusak", repr(exc)
    if actual != stored:
        return "diubah", f"stored={stored!r} actual={actual}"
    return None


def audit_missing(conn: sqlite3.Connection) -> bool:
    """True when records are stored but the audit log is empty."""
    if conn.execute("SELECT 1 FROM audit_log LIMIT 1").fetchone() is not None:
        return False
    return any(
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        for table in _RECORD_TABLES
    )
