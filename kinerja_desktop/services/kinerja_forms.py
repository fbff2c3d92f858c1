"""What a unit's form holds for a round: its indicators, in plan order, with the
target of the round's period — the rows both the written form and the paper
entry grid show.

The target of a period: for a triwulan or the year, the PK in force (the
Camat's first, else a cascaded one) for exactly that period; when the PK has
none (or for a month or semester), the Renstra target of the year.
"""

from __future__ import annotations

import uuid

from ..core.errors import ValidationError
from ..core.kinerja.forms import (
    FORM_VERSION,
    FormIdentity,
    FormRow,
    IssuedForm,
    Round,
    form_checksum,
)
from ..core.kinerja.periods import PeriodKind
from ..core.kinerja.plan import Indicator, Target
from ..core.office import Unit, UnitKind
from ..exchange.kinerja_xlsx.layout import FIRST_ROW
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import rounds as round_store


def kecamatan() -> tuple[str, str]:
    """(id, name) of this database's kecamatan; the id is made once, on first use."""
    kec_id = round_store.kecamatan_id()
    if kec_id is None:
        round_store.set_kecamatan_id(uuid.uuid4().hex)
        kec_id = round_store.kecamatan_id() or ""
    name = office_store.load_profile().nama_kantor or "Kecamatan"
    return kec_id, name


def require_renstra(tahun: int) -> int:
    """The id of the Renstra covering the year (ValidationError when there is none)."""
    renstra = plan_store.renstra_for_year(tahun)
    if renstra is None or renstra.id is None:
        raise ValidationError(
            f"Belum ada Renstra yang mencakup tahun {tahun}; isi atau impor rencana dulu."
        )
    return renstra.id


def plan_indicators(tahun: int) -> list[Indicator]:
    """The indicators of the Renstra covering the year, in tree order."""
    renstra = plan_store.renstra_by_id(require_renstra(tahun))
    assert renstra is not None and renstra.id is not None
    order = {n.id: i for i, n in enumerate(plan_store.nodes(renstra.id))}
    found = plan_store.indicators(renstra.id)
    return sorted(found, key=lambda ind: (order.get(ind.node_id, 0), ind.urutan, ind.id or 0))


def targets_for(indicators: list[Indicator], r: Round) -> dict[int, Target]:
    period = r.periode
    ids = [i.id for i in indicators if i.id is not None]
    pk: dict[int, Target] = {}
    if period.jenis in (PeriodKind.TRIWULAN, PeriodKind.TAHUN):
        pk = plan_store.pk_targets_for(ids, period.key)
    out = {}
    for ind in indicators:
        assert ind.id is not None
        target = pk.get(ind.id)
        out[ind.id] = target if target is not None and target.is_set else ind.target(period.tahun)
    return out


def units_with_indicators(indicators: list[Indicator]) -> list[Unit]:
    wanted = {i.unit_id for i in indicators}
    return [u for u in office_store.units() if u.id in wanted]


def build_form(r: Round, unit: Unit, indicators: list[Indicator], now) -> IssuedForm:
    assert r.id is not None and unit.id is not None
    kec_id, kec_name = kecamatan()
    mine = [i for i in indicators if i.unit_id == unit.id]
    targets = targets_for(mine, r)
    rows = [
        FormRow(
            ind.id or 0,
            ind.kode,
            ind.nama,
            ind.satuan,
            targets[ind.id or 0].nilai,
            targets[ind.id or 0].teks,
            FIRST_ROW + n,
        )
        for n, ind in enumerate(mine)
    ]
    identity = FormIdentity(kec_id, kec_name, r.id, r.periode.key, unit.id, unit.nama, FORM_VERSION)
    return IssuedForm(identity, rows, form_checksum(identity, rows), now, r.tenggat)


def jabatan_ttd(unit: Unit) -> str:
    """Who signs the unit's form."""
    if unit.jenis is UnitKind.SEKRETARIAT:
        return "Sekretaris Camat"
    if unit.jenis is UnitKind.KELURAHAN:
        return "Lurah " + unit.nama.removeprefix("Kelurahan ").strip()
    return f"Kepala {unit.nama}"
