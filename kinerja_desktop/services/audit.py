"""The audit log, read side: the latest entries and a check of the hash chain.

Entries are written by the other services, one per write, inside the write's
own transaction (`Session.writing`); see `store.audit` for the chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..store import audit as store_audit
from .session import Session


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    entity: str
    entity_id: int | None
    summary: str
    hash: str


def _when(text: str) -> datetime:
    """The stored time; a value damaged by hand reads as datetime.min (verify_chain
    reports the damage)."""
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.min


class AuditService:
    """Reading and verifying the audit log of one database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def list_entries(self, limit: int = 200) -> list[AuditEntry]:
        """The newest `limit` entries, newest first."""
        with self._session.reading():
            rows = store_audit.latest(limit)
            return [
                AuditEntry(
                    r.id,
                    _when(r.at),
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.summary,
                    r.hash,
                )
                for r in rows
            ]

    def verify_chain(self) -> list[str]:
        """Every break in the chain, in Indonesian ([] = untouched)."""
        with self._session.reading():
            return store_audit.verify()
