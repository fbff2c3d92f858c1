"""The audit log as a hash chain: every write leaves one row that cannot be
changed unnoticed.

Each row's `hash` is SHA-256 of the previous row's hash followed by the
row's own canonical content (id, time, action, entity, entity id, summary as
compact JSON). Editing a row breaks its own hash; deleting or inserting a row
breaks the link of the row after it. The first row links to `GENESIS`.

What the chain cannot show on its own is the removal of the newest rows; a
printed or exported head hash (later issue) covers that.

`append` must run inside the transaction of the write it records, so the
change and its audit row commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
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


def _content(row: AuditLogRow) -> AuditContent:
    return AuditContent(row.id, row.at, row.action, row.entity, row.entity_id, row.summary)


def _rows() -> Iterator[AuditLogRow]:
    return iter(AuditLogRow.select().order_by(AuditLogRow.id).iterator())


def latest(limit: int) -> list[AuditLogRow]:
    """The newest `limit` rows, newest first."""
    return list(AuditLogRow.select().order_by(AuditLogRow.id.desc()).limit(limit))


def verify() -> list[str]:
    """Every break in the chain, as Indonesian sentences ([] = intact)."""
    problems: list[str] = []
    prev_hash, prev_id = GENESIS, None
    for row in _rows():
        if row.prev_hash != prev_hash:
            if prev_id is None:
                problems.append(
                    f"Catatan audit #{row.id} bukan awal rantai: catatan sebelumnya telah dihapus."
                )
            else:
                problems.append(
                    f"Catatan audit #{row.id} tidak bersambung dengan #{prev_id}: "
                    "ada catatan yang dihapus, disisipkan atau diubah di antaranya."
                )
        if row_hash(row.prev_hash, _content(row)) != row.hash:
            problems.append(f"Catatan audit #{row.id} telah diubah setelah dicatat.")
        prev_hash, prev_id = row.hash, row.id
    return problems
