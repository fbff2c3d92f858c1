"""Beranda's Data Kinerja list: what the data-kinerja cycle waits for, in one read.

* collection rounds not yet complete (units not back, forms with problems,
  the deadline and how far off or past it is);
* periods whose received values are not yet validated;
* Perbaikan still on their way to the Camat's signature, with the next step.

Each item names the page it belongs to (`halaman`: pengumpulan, validasi,
perbaikan) and the period or record, so the window can open it. Reads only;
the reporting "today" is passed in (the demo has a fixed date).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from ..core.dates import format_tanggal
from ..core.kinerja.perbaikan import next_status
from .kinerja_corrections import KinerjaCorrectionService
from .kinerja_rounds import KinerjaRoundService
from .kinerja_types import RoundStatus
from .kinerja_validation import KinerjaValidationService
from .session import Session

PENGUMPULAN, VALIDASI, PERBAIKAN = "pengumpulan", "validasi", "perbaikan"
MAX_ROUNDS = 4  # the newest rounds looked at (older ones are history)


@dataclass(frozen=True)
class KinerjaItem:
    halaman: str  # PENGUMPULAN, VALIDASI or PERBAIKAN
    kunci: str  # the period key ("2026-TW3"), or the Perbaikan number
    label: str
    detail: str


def _deadline(s: RoundStatus, today: date) -> str:
    due = s.round.tenggat
    if due is None:
        return ""
    days = (due - today).days
    if days > 0:
        when = f"{days} hari lagi"
    elif days == 0:
        when = "hari ini"
    else:
        when = f"lewat {-days} hari"
    return f"; tenggat {format_tanggal(due)} ({when})"


def round_item(s: RoundStatus, today: date) -> KinerjaItem | None:
    """The round's line, None when every unit is back without problems."""
    if s.complete or not s.units:
        return None
    back = sum(1 for u in s.units if u.status == "kembali")
    bad = sum(1 for u in s.units if u.status == "bermasalah")
    detail = f"{back} dari {len(s.units)} unit sudah kembali"
    if bad:
        detail += f", {bad} bermasalah"
    detail += _deadline(s, today)
    return KinerjaItem(PENGUMPULAN, s.round.periode.key, f"Putaran {s.round.periode.label}", detail)


class KinerjaOverviewService:
    def __init__(self, session: Session, clock: Callable[[], datetime] = datetime.now) -> None:
        self._session = session
        self._clock = clock

    def attention(self, today: date | None = None) -> list[KinerjaItem]:
        """Rounds, then validation, then Perbaikan: newest period first."""
        today = today or self._clock().date()
        rounds = KinerjaRoundService(self._session, self._clock)
        validation = KinerjaValidationService(self._session, self._clock)
        items: list[KinerjaItem] = []
        newest = sorted(rounds.list_rounds(), key=lambda r: r.periode.key, reverse=True)
        pending: list[KinerjaItem] = []
        for r in newest[:MAX_ROUNDS]:
            item = round_item(rounds.status(r.periode.key, today), today)
            if item is not None:
                items.append(item)
            waiting = sum(b.belum for b in validation.board(r.periode.key))
            if waiting:
                pending.append(
                    KinerjaItem(
                        VALIDASI,
                        r.periode.key,
                        f"Validasi {r.periode.label}",
                        f"{waiting} nilai sudah masuk, belum divalidasi",
                    )
                )
        items += pending
        for p in KinerjaCorrectionService(self._session, self._clock).list():
            if p.status.selesai:
                continue
            items.append(
                KinerjaItem(
                    PERBAIKAN,
                    str(p.id),
                    f"Perbaikan #{p.id} {p.kode} — {p.unit}",
                    f"{p.periode}: {p.lama.shown} → {p.baru.shown}; "
                    f"langkah berikutnya: {next_status(p.status).label}",
                )
            )
        return items
