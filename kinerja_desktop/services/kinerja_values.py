"""Reading stored values: every current value of a period with its source,
and the full history of one value (each row it replaced)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.kinerja.periods import parse_period
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import values as value_store
from ..store.kinerja.values import StoredValue
from .kinerja_rounds import find_unit
from .kinerja_types import ValueView

if TYPE_CHECKING:
    from .session import Session


class KinerjaValueService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def values(self, periode: str, unit: str | None = None) -> list[ValueView]:
        """Every current value of the period (one unit with `unit`), in plan order."""
        key = parse_period(periode).key
        with self._session.reading():
            unit_id = find_unit(unit).id if unit else None
            stored = value_store.current_values(key, unit_id)
            return self._views(stored)

    def history(self, indicator_id: int, unit_id: int, periode: str) -> list[ValueView]:
        """Every value ever recorded for one indicator × unit × period, oldest first."""
        with self._session.reading():
            return self._views(
                value_store.history(indicator_id, unit_id, parse_period(periode).key)
            )

    @staticmethod
    def _views(stored: list[StoredValue]) -> list[ValueView]:
        indicators = plan_store.indicators_by_ids(sorted({v.indicator_id for v in stored}))
        units = {u.id: u.nama for u in office_store.units()}
        order = {u.id: i for i, u in enumerate(office_store.units())}
        views = [
            ValueView(
                v.id,
                v.indicator_id,
                indicators[v.indicator_id].kode,
                indicators[v.indicator_id].nama,
                v.unit_id,
                units.get(v.unit_id, ""),
                v.periode,
                v.nilai,
                v.teks,
                v.keterangan,
                v.bukti,
                v.jenis,
                v.file_name,
                v.sheet,
                v.cell,
                v.file_hash,
                v.recorded_at,
                v.import_id,
                v.status_validasi,
                v.menggantikan_id,
            )
            for v in stored
        ]
        return sorted(views, key=lambda x: (order.get(x.unit_id, 0), _row(x.cell), x.value_id))


def _row(cell: str) -> int:
    digits = "".join(ch for ch in cell if ch.isdigit())
    return int(digits) if digits else 0
