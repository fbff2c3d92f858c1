"""Validation of received values by the Kasubag: per unit or all units of a
period; validated values are locked (an import no longer changes them and a
change is a Perbaikan, `kinerja_corrections`).

One `validate` call is one transaction with one audit row; a call that finds
nothing to validate writes nothing. `board` says, per unit, how many values
are in, validated, still to validate and not filled in — the Validasi screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.kinerja.periods import parse_period
from ..store import office as office_store
from ..store.kinerja import validation as store
from .entities import KINERJA_VALUE
from .kinerja_rounds import find_unit

if TYPE_CHECKING:
    from .session import Session


def actor_of(session: Session, actor: Callable[[], str] | None) -> Callable[[], str]:
    """Who records the changes: the given callable, else the session's user."""
    return actor if actor is not None else (lambda: session.actor)


@dataclass(frozen=True)
class ValidationResult:
    periode: str
    unit_id: int | None
    unit: str  # "semua unit" when unit_id is None
    jumlah: int  # values validated by this call
    validasi_id: int | None  # None when there was nothing to validate
    oleh: str
    at: datetime

    @property
    def message(self) -> str:
        if not self.jumlah:
            return f"Tidak ada nilai baru untuk divalidasi ({self.unit}, {self.periode})."
        return f"{self.jumlah} nilai {self.unit} periode {self.periode} divalidasi dan dikunci."


@dataclass(frozen=True)
class UnitValidation:
    unit_id: int
    unit: str
    jumlah: int  # current value rows
    valid: int
    belum: int  # filled in, not yet validated
    kosong: int  # not filled in
    terakhir: datetime | None  # the last validation

    @property
    def label(self) -> str:
        if not self.jumlah:
            return "belum ada data"
        if not self.valid and not self.belum:
            return "belum diisi"
        if self.belum:
            return f"{self.belum} belum divalidasi"
        return "tervalidasi" + (f" ({self.kosong} kosong)" if self.kosong else "")


class KinerjaValidationService:
    def __init__(
        self,
        session: Session,
        clock: Callable[[], datetime] = datetime.now,
        actor: Callable[[], str] | None = None,
    ) -> None:
        self._session = session
        self._clock = clock
        self._actor = actor_of(session, actor)

    def validate(
        self, periode: str, unit: str | int | None = None, oleh: str | None = None
    ) -> ValidationResult:
        """Validate (and lock) the filled-in values of the period, of one unit or all."""
        key = parse_period(periode).key
        who = (oleh or "").strip() or self._actor()
        now = self._clock()
        with self._session.writing() as scope:
            target = find_unit(str(unit)) if unit is not None else None
            unit_id = target.id if target is not None else None
            name = target.nama if target is not None else "semua unit"
            vid, count = store.validate(key, unit_id, who, now)
            if count:
                scope.record(
                    "validasi",
                    KINERJA_VALUE,
                    vid,
                    f"Validasi {key} {name[:60]}: {count} nilai dikunci (oleh {who[:40]})",
                    actor=who,
                    before={
                        "periode": key,
                        "unit": name,
                        "status_validasi": "belum",
                        "jumlah": count,
                    },
                    after={"status_validasi": "valid", "validasi_id": vid},
                )
        return ValidationResult(key, unit_id, name, count, vid or None, who, now)

    def board(self, periode: str) -> list[UnitValidation]:
        """Per unit with values (or with indicators), in the office's order."""
        key = parse_period(periode).key
        with self._session.reading():
            found = store.counts(key)
            units = office_store.units()
        out = []
        for u in units:
            c = found.get(u.id or 0)
            if c is None:
                continue
            out.append(
                UnitValidation(
                    u.id or 0, u.nama, c.jumlah, c.valid, c.belum, c.kosong, c.terakhir_validasi
                )
            )
        return out
