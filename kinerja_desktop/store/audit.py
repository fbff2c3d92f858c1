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

Two hash versions, told apart by the row's `hash_version` (schema 7):

* 1 — every row written before schema 7: SHA-256 over the previous hash and
  `[id, at, action, entity, entity_id, summary]`; such rows keep verifying
  exactly as they were written;
* 2 — rows written since: the same list preceded by the version and followed
  by the actor and the values before and after the change (JSON text or
  null): `[2, id, at, action, entity, entity_id, summary, actor, before,
  after]`. An edited actor or value breaks the row like an edited summary.

A database still at an older schema (a backup being checked) has no
`hash_version` column: all its rows are version 1.

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


HASH_VERSION = 2  # what new rows are written with


@dataclass(frozen=True)
class AuditContent:
    """The hashed part of a row."""

    id: int
    at: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    hash_version: int = 1
    actor: str = ""
    before: str | None = None  # JSON text of the values replaced
    after: str | None = None  # JSON text of the values written


def row_hash(prev_hash: str, content: AuditContent) -> str:
    fields: list[object] = [
        content.id,
        content.at,
        content.action,
        content.entity,
        content.entity_id,
        content.summary,
    ]
    if content.hash_version >= 2:
        fields = [content.hash_version, *fields, content.actor, content.before, content.after]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def values_json(values: object) -> str | None:
    """Values for `before` / `after` as compact JSON text (None stays None)."""
    if values is None:
        return None
    return json.dumps(
        values, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


def has_versions(conn: sqlite3.Connection) -> bool:
    """True when the database's audit log carries hash versions (schema 7 on)."""
    return any(row[1] == "hash_version" for row in conn.execute("PRAGMA table_info(audit_log)"))


def _next(
    last: tuple[int, str] | None,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    *,
    at: datetime | None,
    extra: tuple[int, str, str | None, str | None] = (1, "", None, None),
) -> tuple[AuditContent, str]:
    """The content of the row after `last` (its id and hash), and its prev_hash;
    `extra` is (hash version, actor, before, after)."""
    prev_hash = last[1] if last is not None else GENESIS
    content = AuditContent(
        (last[0] + 1) if last is not None else 1,
        (at or datetime.now()).isoformat(timespec="microseconds"),
        action,
        entity,
        entity_id,
        summary,
        *extra,
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
    actor: str = "",
) -> None:
    """`append` on a plain sqlite3 connection to another database file (a copy
    being prepared for a restore); the caller commits. A copy still at an older
    schema gets a version-1 row."""
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if not has_versions(conn):
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
        return
    extra = (HASH_VERSION, actor, None, None)
    content, prev_hash = _next(last, action, entity, entity_id, summary, at=at, extra=extra)
    conn.execute(
        "INSERT INTO audit_log (id, at, action, entity, entity_id, summary, prev_hash, hash, "
        "hash_version, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            content.id,
            content.at,
            action,
            entity,
            entity_id,
            summary,
            prev_hash,
            row_hash(prev_hash, content),
            HASH_VERSION,
            actor,
        ),
    )


def append(
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    at: datetime | None = None,
    *,
    actor: str = "",
    before: object = None,
    after: object = None,
) -> AuditLogRow:
    """Add one row at the head of the chain (call inside the write's transaction):
    hash version 2, with who recorded it and the values before and after."""
    row = (
        AuditLogRow.select(AuditLogRow.id, AuditLogRow.hash).order_by(AuditLogRow.id.desc()).first()
    )
    last = (row.id, row.hash) if row is not None else None
    extra = (HASH_VERSION, actor, values_json(before), values_json(after))
    content, prev_hash = _next(last, action, entity, entity_id, summary, at=at, extra=extra)
    return AuditLogRow.create(
        id=content.id,
        at=content.at,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        prev_hash=prev_hash,
        hash=row_hash(prev_hash, content),
        hash_version=content.hash_version,
        actor=content.actor,
        before_json=content.before,
        after_json=content.after,
    )


def latest(limit: int) -> list[AuditLogRow]:
    """The newest `limit` rows, newest first."""
    return list(AuditLogRow.select().order_by(AuditLogRow.id.desc()).limit(limit))


def find(
    limit: int,
    *,
    entity: str | None = None,
    action: str | None = None,
    actor: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[AuditLogRow]:
    """The newest `limit` rows matching every filter given, newest first.

    `action` matches a whole action or its family ("perbaikan" finds
    "perbaikan.diperiksa"); `text` a part of the summary or the values;
    `since` / `until` compare with the stored ISO time (a date "2026-08-15"
    as `until` means up to the end of that day).
    """
    row = AuditLogRow
    query = row.select()
    if entity:
        query = query.where(row.entity == entity)
    if action:
        query = query.where((row.action == action) | row.action.startswith(action + "."))
    if actor:
        query = query.where(row.actor == actor)
    if text:
        like = f"%{text}%"
        query = query.where(row.summary**like | row.before_json**like | row.after_json**like)
    if since:
        query = query.where(row.at >= since)
    if until:
        query = query.where(row.at <= (until + "T99" if len(until) == 10 else until))
    return list(query.order_by(row.id.desc()).limit(limit))


def distinct(column: str) -> list[str]:
    """The values of `column` (action, entity, actor) in use, sorted."""
    field = {
        "action": AuditLogRow.action,
        "entity": AuditLogRow.entity,
        "actor": AuditLogRow.actor,
    }[column]
    rows = AuditLogRow.select(field).distinct().order_by(field).tuples()
    return [r[0] for r in rows if r[0]]


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
    "SELECT id, at, action, entity, entity_id, summary, prev_hash, hash{extra} "
    "FROM audit_log ORDER BY id"
)
_V1_EXTRA = ", 1, '', NULL, NULL"
_V2_EXTRA = ", hash_version, actor, before_json, after_json"


def verify_chain(conn: sqlite3.Connection, limit: int = 1000) -> list[ChainBreak]:
    """Every break in the chain of the database behind `conn` ([] = intact),
    at most `limit` of them; the rows are read as a stream. Each row is hashed
    by its own hash version (a version this program does not know is a break)."""
    breaks: list[ChainBreak] = []
    prev_hash, prev_id = GENESIS, None
    newest_version = 1
    sql = _CHAIN_SQL.format(extra=_V2_EXTRA if has_versions(conn) else _V1_EXTRA)
    for row in conn.execute(sql):
        row_id, at, action, entity, entity_id, summary, stored_prev, stored_hash = row[:8]
        version, actor, before, after = row[8:]
        if stored_prev != prev_hash:
            kind = "awal" if prev_id is None else "putus"
            breaks.append(ChainBreak(row_id, kind, prev_id))
        content = AuditContent(
            row_id, at, action, entity, entity_id, summary, version, actor, before, after
        )
        if version not in (1, HASH_VERSION) or version < newest_version:
            # unknown, or an old version after a newer one: the version was rewritten
            breaks.append(ChainBreak(row_id, "diubah"))
            prev_hash, prev_id = stored_hash, row_id
            continue
        newest_version = version
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
