"""The plan as a workbook sees it: nodes and indicators named by kode rather
than by database id, PKs by year and party name — what the plan workbook
holds, read or about to be written."""

from __future__ import annotations

from dataclasses import dataclass, field

from .plan import Indicator, Level, Renstra, Target

CAMAT = "Camat"


@dataclass
class BookNode:
    level: Level
    kode: str
    nama: str
    parent_kode: str = ""
    pagu: dict[int, float] = field(default_factory=dict)
    row: int = 0


@dataclass
class BookIndicator:
    indicator: Indicator  # node_id and unit_id unset
    node_kode: str
    unit: str
    row: int = 0


@dataclass
class BookPkItem:
    indicator_kode: str
    target: Target
    triwulan: dict[int, Target] = field(default_factory=dict)
    row: int = 0


@dataclass
class BookPk:
    tahun: int
    pihak: str  # CAMAT or a unit name
    versi: int = 0
    alasan: str = ""
    items: list[BookPkItem] = field(default_factory=list)


@dataclass
class PlanBook:
    renstra: Renstra
    nodes: list[BookNode] = field(default_factory=list)
    indicators: list[BookIndicator] = field(default_factory=list)
    pks: list[BookPk] = field(default_factory=list)
