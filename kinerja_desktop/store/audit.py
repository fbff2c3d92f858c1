"""The audit log as a hash chain: every write leaves one row that cannot be
changed unnoticed.

Each row's `hash` is SHA-256 of the previous row's hash followed by the
row's own canonical content (id, time, action, entity, entity id, summary as
compact JSON). Editing a row breaks its own hash; deleting or inserting a row
breaks the link of the row after it. The first row links to `GENESIS`.

What the chain cannot show on its own is the removal of the newest rows:
`store.anchor` keeps the head (id, hash, count) in a file outside the
database for that. `verify_chain` works on any sqlite3 connection (a backup
being checked before a restore, the live file in `db periksa`).

Hash version 1 (the only one so far) is the canonical JSON below; a later
format would be told apart by a version of its own, never by changing this one.

`append` must run inside the transaction of the write it records, so the
change and its audit row commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from .models import AuditLogRow

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditContent:
    """The hashed part of a row."""

    id: int
    at: str
    action: str
    entity: str
    entity_id: int | None
    summary: str


def row_hash(prev_hash: str, content: AuditContent) -> str:
    canonical = json.dumps(
        [
            content.id,
            content.at,
            content.action,
            content.entity,
            content.entity_id,
            content.summary,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _next(
    last: tuple[int, str] | None,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    *,
    at: datetime | None,
) -> tuple[AuditContent, str]:
    """The content of the row after `last` (its id and hash), and its prev_hash."""
    prev_hash = last[1] if last is not None else GENESIS
    content = AuditContent(
        id=(last[0] + 1) if last is not None else 1,
        at=(at or datetime.now()).isoformat(timespec="microseconds"),
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
    )
    return content, prev_hash


def append_to(
    conn: sqlite3.Connection,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    *,
    at: datetime | None = None,
) -> None:
    """`append` on a plain sqlite3 connection to another database file (a copy
    being prepared for a restore); the caller commits."""
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    content, prev_hash = _next(last, action, entity, entity_id, summary, at=at)
    conn.execute(
        "INSERT INTO audit_log (id, at, action, entity, entity_id, summary, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            content.id,
            content.at,
            action,
            entity,
            entity_id,
            summary,
            prev_hash,
            row_hash(prev_hash, content),
        ),
    )


def append(
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    at: datetime | None = None,
) -> AuditLogRow:
    """Add one row at the head of the chain (call inside the write's transaction)."""
    row = AuditLogRow.select().order_by(AuditLogRow.id.desc()).first()
    last = (row.id, row.hash) if row is not None else None
    content, prev_hash = _next(last, action, entity, entity_id, summary, at=at)
    return AuditLogRow.create(
        id=content.id,
        at=content.at,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        prev_hash=prev_hash,
        hash=row_hash(prev_hash, content),
    )


def latest(limit: int) -> list[AuditLogRow]:
    """The newest `limit` rows, newest first."""
    return list(AuditLogRow.select().order_by(AuditLogRow.id.desc()).limit(limit))


@dataclass(frozen=True)
class ChainBreak:
    """One place where the chain does not hold: the row `audit_id` was
    changed after it was written ("diubah"), or does not link to the row
    before it ("putus": rows deleted, inserted or changed in between), or
    links to something although it is the first row ("awal": the rows before
    it were deleted)."""

    audit_id: int
    kind: str  # "diubah" | "putus" | "awal"
    previous_id: int | None = None

    def sentence(self) -> str:
        if self.kind == "diubah":
            return f"Catatan audit #{self.audit_id} telah diubah setelah dicatat."
        if self.kind == "awal":
            return (
                f"Catatan audit #{self.audit_id} bukan awal rantai: catatan sebelumnya "
                "telah dihapus."
            )
        return (
            f"Catatan audit #{self.audit_id} tidak bersambung dengan #{self.previous_id}: "
            "ada catatan yang dihapus, disisipkan atau diubah di antaranya."
        )


_CHAIN_SQL = (
    "SELECT id, at, action, entity, entity_id, summary, prev_hash, hash FROM audit_log ORDER BY id"
)


def verify_chain(conn: sqlite3.Connection, limit: int = 1000) -> list[ChainBreak]:
    """Every break in the chain of the database behind `conn` ([] = intact),
    at most `limit` of them; the rows are read as a stream."""
    breaks: list[ChainBreak] = []
    prev_hash, prev_id = GENESIS, None
    for row in conn.execute(_CHAIN_SQL):
        row_id, at, action, entity, entity_id, summary, stored_prev, stored_hash = row
        if stored_prev != prev_hash:
            kind = "awal" if prev_id is None else "putus"
            breaks.append(ChainBreak(row_id, kind, prev_id))
        content = AuditContent(row_id, at, action, entity, entity_id, summary)
        if not isinstance(stored_prev, str) or row_hash(stored_prev, content) != stored_hash:
            breaks.append(ChainBreak(row_id, "diubah"))
        if len(breaks) >= limit:
            break
        prev_hash, prev_id = stored_hash, row_id
    return breaks


def verify() -> list[str]:
    """Every break in the chain of the open database, as Indonesian sentences ([] = intact)."""
    conn = AuditLogRow._meta.database.connection()
    return [b.sentence() for b in verify_chain(conn)]
