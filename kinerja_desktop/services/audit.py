"""The audit log, read side: the latest entries (filtered for the viewer)
and a check of the hash chain.

Entries are written by the other services, one per write, inside the write's
own transaction (`Session.writing`); see `store.audit` for the chain. Rows
of hash version 1 (written before schema 7) did not record an actor nor
values: they are shown without, whatever their columns hold now.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from ..store import audit as store_audit
from . import entities
from .session import Session

# What the viewer shows for the stored codes (an unknown code is shown as it is).
ENTITY_LABELS = {
    entities.SOP: "SOP",
    entities.OFFICE_PROFILE: "Profil instansi",
    entities.UNIT: "Unit",
    entities.STAFF: "Pegawai",
    entities.DATABASE: "Basis data",
    entities.KINERJA_PLAN: "Rencana kinerja",
    entities.KINERJA_ROUND: "Putaran pengumpulan",
    entities.KINERJA_VALUE: "Nilai kinerja",
    entities.KINERJA_REPORT: "Laporan kinerja",
}
ACTION_LABELS = {
    "save": "simpan",
    "create": "buat",
    "update": "ubah",
    "delete": "hapus",
    "purge": "hapus permanen",
    "load_demo": "muat data contoh",
    "restore": "pulihkan cadangan",
    "import": "impor",
    "import_refused": "impor ditolak",
    "new_revision": "revisi baru",
    "set_status": "ubah status",
    "approve": "nyatakan berlaku",
    "withdraw": "cabut",
    "write_forms": "tulis formulir",
    "validasi": "validasi",
    "kembalikan": "kembalikan (urungkan/ulangi)",
    "anggaran": "anggaran",
    "pengaturan": "pengaturan",
    "laporan.bekukan": "laporan dibekukan",
    "laporan.teks": "teks laporan",
    "perbaikan": "perbaikan (semua langkah)",
    "laporan": "laporan (semua)",
}


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def action_label(action: str) -> str:
    """ "perbaikan.diperiksa" → "perbaikan: diperiksa"; known codes in Indonesian."""
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    family, _, step = action.partition(".")
    return f"{family}: {step.replace('_', ' ')}" if step else action


def action_filters(actions: list[str]) -> list[str]:
    """The actions to filter on: each one in use, and before a family's steps the
    family itself ("perbaikan" finds every "perbaikan.…")."""
    out: list[str] = []
    for a in actions:
        family = a.partition(".")[0]
        if "." in a and family not in out and family not in actions:
            out.append(family)
        if a not in out:
            out.append(a)
    return out


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    entity: str
    entity_id: int | None
    summary: str
    hash: str
    actor: str = ""
    before: object = None  # the values replaced (parsed JSON), None when not told
    after: object = None  # the values written
    hash_version: int = 1


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer asks for; None / "" = any."""

    entity: str | None = None
    action: str | None = None
    actor: str | None = None
    text: str | None = None
    since: date | None = None
    until: date | None = None


def _values(text: str | None) -> object:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text  # damaged by hand: shown as it is (verify_chain reports it)


def entry_of(r) -> AuditEntry:
    version = int(getattr(r, "hash_version", 1) or 1)
    if version < 2:
        return AuditEntry(r.id, _when(r.at), r.action, r.entity, r.entity_id, r.summary, r.hash)
    return AuditEntry(
        r.id,
        _when(r.at),
        r.action,
        r.entity,
        r.entity_id,
        r.summary,
        r.hash,
        r.actor,
        _values(r.before_json),
        _values(r.after_json),
        version,
    )


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

    def list_entries(
        self, limit: int = 200, filters: AuditFilter | None = None
    ) -> list[AuditEntry]:
        """The newest `limit` entries (matching `filters`), newest first."""
        f = filters or AuditFilter()
        with self._session.reading():
            rows = store_audit.find(
                limit,
                entity=f.entity or None,
                action=f.action or None,
                actor=f.actor or None,
                text=(f.text or "").strip() or None,
                since=f.since.isoformat() if f.since else None,
                until=f.until.isoformat() if f.until else None,
            )
            return [entry_of(r) for r in rows]

    def choices(self) -> dict[str, list[str]]:
        """The actions, entities and actors in the log, for the viewer's filters."""
        with self._session.reading():
            return {c: store_audit.distinct(c) for c in ("action", "entity", "actor")}

    def verify_chain(self) -> list[str]:
        """Every break in the chain, in Indonesian ([] = untouched)."""
        with self._session.reading():
            return store_audit.verify()
