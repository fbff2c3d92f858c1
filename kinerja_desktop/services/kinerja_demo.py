"""The demo plan of data kinerja: a Renstra of Kecamatan Masama with its tree,
22 indicators over the demo units (negative ones, percentages, a text scale),
targets for the whole period, the 2026 PK (the Camat's for tujuan/sasaran
indicators, cascaded PKs for the units' program and kegiatan indicators) with
triwulan targets, realisasi of triwulan I and II 2026 as if typed from
paper forms, and realisasi anggaran of 2025 and of those triwulans.

The file is `resources/demo/kinerja.json`. Its "current" date is fixed
(`tanggal_demo`, 15 August 2026) and never the system date: the past
triwulans are past relative to it. `store_demo_plan` runs inside the demo
loader's transaction (`services.demo`) and adds nothing when a Renstra
exists already, so loading twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .. import paths
from ..core.errors import FileFormatError, KinerjaError
from ..core.kinerja.forms import Round
from ..core.kinerja.periods import parse_period
from ..core.kinerja.plan import (
    Indicator,
    Level,
    PerjanjianKinerja,
    PkItem,
    PlanNode,
    Renstra,
    Target,
    check_indicator,
    check_renstra,
)
from ..core.kinerja.rules import CalculationRule
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import reports as report_store
from ..store.kinerja import rounds as round_store
from ..store.kinerja import values as value_store
from ..store.kinerja.values import NewValue
from .kinerja_forms import kecamatan

DEMO_FILE = "kinerja.json"


def demo_file() -> Path:
    return paths.resource("demo") / DEMO_FILE


def read_demo_plan(path: Path | None = None) -> dict[str, Any]:
    path = path or demo_file()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileFormatError(f"Berkas demo {path.name} tidak dapat dibaca.", str(exc)) from exc


def _target(value: object) -> Target:
    if value is None:
        return Target(None)
    if isinstance(value, str):
        return Target(None, value)
    return Target(float(value))  # type: ignore[arg-type]


class _Builder:
    def __init__(self, data: dict[str, Any], now: datetime) -> None:
        self.data, self.now = data, now
        r = data["renstra"]
        self.renstra = check_renstra(
            Renstra(r["nama"], int(r["tahun_awal"]), int(r["tahun_akhir"]))
        )
        self.pk_items: dict[int | None, list[PkItem]] = {}
        self.realisasi: list[tuple[int, int, str, Target]] = []  # indicator, unit, periode, value
        self.pk_year = date.fromisoformat(data["tanggal_demo"]).year

    def build(self) -> None:
        self.renstra.id = plan_store.store_renstra(self.renstra, self.now)
        for urutan, node in enumerate(self.data["pohon"]):
            self._node(node, None, urutan)
        for unit_id, items in self.pk_items.items():
            pk = PerjanjianKinerja(self.renstra.id, self.pk_year, unit_id, 0, "", self.now, items)
            plan_store.insert_pk(pk, self.now)

    def _node(self, data: dict[str, Any], parent_id: int | None, urutan: int) -> None:
        years = self.renstra.years
        pagu = {
            y: float(v)
            for y, v in zip(years, data.get("pagu") or [], strict=False)
            if v is not None
        }
        node = PlanNode(Level(data["level"]), data["kode"], data["nama"], parent_id, urutan, pagu)
        node_id = plan_store.store_node(self.renstra.id or 0, node)
        for periode, rp in (data.get("anggaran") or {}).items():  # realisasi anggaran (Rp)
            report_store.set_anggaran(node_id, periode, float(rp), self.now)
        for n, ind in enumerate(data.get("indikator") or []):
            self._indicator(ind, node_id, Level(data["level"]), n)
        for n, child in enumerate(data.get("anak") or []):
            self._node(child, node_id, n)

    def _indicator(self, d: dict[str, Any], node_id: int, level: Level, urutan: int) -> None:
        unit = office_store.unit_named(d["unit"])
        if unit is None:
            raise KinerjaError(f"Demo kinerja: unit '{d['unit']}' tidak ada.")
        baseline_year, baseline = d.get("baseline") or [None, None]
        ind = Indicator(
            node_id,
            d["kode"],
            d["nama"],
            d.get("satuan", ""),
            d.get("definisi", ""),
            d.get("formula", ""),
            d.get("sumber_data", ""),
            unit.id,
            None,
            bool(d.get("iku")),
            baseline_year,
            _target(baseline),
            {y: _target(v) for y, v in zip(self.renstra.years, d["target"], strict=True)},
            CalculationRule.from_dict(d["aturan"]),
            urutan,
        )
        ind = check_indicator(ind, self.renstra)
        ind.id = plan_store.store_indicator(ind)
        self._pk(ind, d.get("pk"), level, unit.id)
        for periode, value in (d.get("realisasi") or {}).items():
            self.realisasi.append((ind.id, unit.id or 0, periode, self._value(ind, value)))

    def _pk(self, ind: Indicator, pk: list | None, level: Level, unit_id: int | None) -> None:
        if not pk:
            return
        year, *tw = (self._checked(ind, v) for v in pk)
        party = None if level in (Level.TUJUAN, Level.SASARAN) else unit_id
        item = PkItem(ind.id or 0, year, {n: t for n, t in enumerate(tw, 1) if t.is_set})
        self.pk_items.setdefault(party, []).append(item)

    @staticmethod
    def _checked(ind: Indicator, value: object) -> Target:
        t = _target(value)
        if t.teks:
            nilai = ind.rule.scale_value(t.teks)
            return Target(nilai, t.teks)
        return t

    def _value(self, ind: Indicator, value: object) -> Target:
        return self._checked(ind, value)


def store_demo_plan(path: Path | None = None, now: datetime | None = None) -> int:
    """Add the demo plan (inside the caller's transaction); how many indicators were added.

    Nothing is added when a Renstra exists already, or when the database lacks
    the demo units the plan names (a demo library of another office).
    """
    if plan_store.renstra_list():
        return 0
    data = read_demo_plan(path)
    if any(office_store.unit_named(name) is None for name in _unit_names(data["pohon"])):
        return 0
    demo_day = date.fromisoformat(data["tanggal_demo"])
    now = now or datetime.combine(demo_day, time(9, 0))
    builder = _Builder(data, now)
    builder.build()
    kecamatan()
    rounds = {}
    for r in data.get("putaran") or []:
        period = parse_period(r["periode"])
        tenggat = date.fromisoformat(r["tenggat"]) if r.get("tenggat") else None
        rid = round_store.store_round(Round(period, tenggat, "Putaran demo", now), now)
        rounds[period.key] = (rid, tenggat)
    _store_realisasi(builder.realisasi, rounds, now)
    return sum(1 for _ in plan_store.indicators(builder.renstra.id or 0))


def _unit_names(nodes: list[dict[str, Any]]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        names.update(ind["unit"] for ind in node.get("indikator") or [])
        names.update(_unit_names(node.get("anak") or []))
    return names


def _store_realisasi(rows: list[tuple[int, int, str, Target]], rounds: dict, now: datetime) -> None:
    """One paper-entry batch per unit and round, dated at the round's deadline."""
    batches: dict[tuple[str, int], list[NewValue]] = {}
    for ind_id, unit_id, periode, t in rows:
        value = NewValue(ind_id, unit_id, periode, t.nilai, t.teks, "", "Data demo", "Entri", "")
        batches.setdefault((periode, unit_id), []).append(value)
    for (periode, unit_id), values in sorted(batches.items()):
        round_id, tenggat = rounds.get(periode, (None, None))
        when = datetime.combine(tenggat, time(10, 0)) if tenggat else now
        name = f"Entri kertas (data demo) {periode}"
        digest = hashlib.sha256(f"demo:{periode}:{unit_id}".encode()).hexdigest()
        batch = value_store.insert_import(
            round_id=round_id,
            unit_id=unit_id,
            form_id=None,
            sumber="entri",
            file_name=name,
            file_hash=digest,
            filled_at=when,
            now=when,
            status="diterapkan",
            baru=len(values),
        )
        value_store.record_values(batch, "entri", name, digest, values, when)


def demo_clock() -> Callable[[], datetime]:
    """The demo's clock: the demo plan's fixed day ("tanggal_demo") at the time of day
    now, so its rounds and deadlines read as they were meant (the system's clock when
    the demo has no plan)."""
    try:
        day = date.fromisoformat(read_demo_plan()["tanggal_demo"])
    except (KinerjaError, KeyError, ValueError):
        return datetime.now
    return lambda: datetime.combine(day, datetime.now().time())
