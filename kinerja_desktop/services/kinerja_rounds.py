"""Collection rounds: start one for a period, write every unit's Format
Permintaan Data into a folder (or one unit's again), and the status board.

A round is identified by its period key (`2026-TW3`); starting a round that
exists only updates its deadline. Writing forms records each issued form
(rows and checksum) in the same transaction that writes the files, so a
returned form is recognised only if it was really issued.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KinerjaError, NotFoundError, ValidationError
from ..core.kinerja.forms import Round
from ..core.kinerja.periods import Period, parse_period
from ..core.office import Unit
from ..store import office as office_store
from ..store.kinerja import rounds as round_store
from ..store.kinerja import values as value_store
from .entities import KINERJA_ROUND
from .kinerja_forms import (
    build_form,
    jabatan_ttd,
    kecamatan,
    plan_indicators,
    require_renstra,
    units_with_indicators,
)
from .kinerja_types import RoundStatus, UnitStatus, WrittenForm

if TYPE_CHECKING:
    from .session import Session, WriteScope

Progress = Callable[[int, int, str], None]


def find_unit(text: str) -> Unit:
    """A unit named on the command line: its id, its exact name, or a unique part of it."""
    units = office_store.units()
    key = text.strip().casefold()
    if key.isdigit():
        for u in units:
            if u.id == int(key):
                return u
    exact = [u for u in units if u.nama.casefold() == key]
    if exact:
        return exact[0]
    partial = [u for u in units if key and key in u.nama.casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFoundError(f"Unit '{text}' tidak ada.")
    names = ", ".join(u.nama for u in partial[:5])
    raise ValidationError(
        f"Unit '{text}' tidak jelas; yang cocok: {names}. Sebut lebih lengkap atau pakai id."
    )


class KinerjaRoundService:
    """Rounds, their forms and their status board."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = datetime.now) -> None:
        self._session = session
        self._clock = clock

    def list_rounds(self) -> list[Round]:
        with self._session.reading():
            return round_store.rounds()

    def get_round(self, periode: str) -> Round:
        key = parse_period(periode).key
        with self._session.reading():
            r = round_store.round_for(key)
        if r is None:
            raise NotFoundError(f"Belum ada putaran pengumpulan untuk periode {key}.")
        return r

    def unit(self, text: str) -> Unit:
        with self._session.reading():
            return find_unit(text)

    def start_round(self, periode: str, tenggat: date | None = None, catatan: str = "") -> Round:
        """The round of `periode`, created when new (its deadline updated when given)."""
        with self._session.writing() as scope:
            return self._start(parse_period(periode), tenggat, catatan, scope)

    def _start(
        self, period: Period, tenggat: date | None, catatan: str, scope: WriteScope
    ) -> Round:
        require_renstra(period.tahun)
        kecamatan()  # this database's identity, written into every form
        r = round_store.round_for(period.key)
        if r is None:
            r = Round(period, tenggat, catatan, self._clock())
            r.id = round_store.store_round(r, self._clock())
            scope.record(
                "create", KINERJA_ROUND, r.id, f"Putaran pengumpulan dibuat: {period.label}"
            )
        elif tenggat is not None and tenggat != r.tenggat:
            r.tenggat = tenggat
            round_store.store_round(r, self._clock())
            scope.record(
                "update", KINERJA_ROUND, r.id, f"Tenggat {period.label}: {tenggat.isoformat()}"
            )
        return r

    def write_forms(
        self,
        periode: str,
        folder: Path,
        *,
        tenggat: date | None = None,
        unit: str | None = None,
        progress: Progress | None = None,
    ) -> list[WrittenForm]:
        """Write the forms of the round (started when needed) into `folder` (made when
        its parent exists, e.g. a new folder on the flash drive); only one unit's with
        `unit`."""
        folder = Path(folder)
        if not folder.is_dir():
            if folder.exists() or not folder.parent.is_dir():
                raise KinerjaError(
                    f"Folder {folder} tidak ada (flash drive belum dipasang?) atau bukan folder."
                )
            folder.mkdir()
        period = parse_period(periode)
        written: list[WrittenForm] = []
        with self._session.writing() as scope:
            r = self._start(period, tenggat, "", scope)
            indicators = plan_indicators(r.periode.tahun)
            units = [find_unit(unit)] if unit else units_with_indicators(indicators)
            if not units or (unit and not any(i.unit_id == units[0].id for i in indicators)):
                raise ValidationError("Tidak ada indikator yang menjadi tanggung jawab unit itu.")
            kota = office_store.load_profile().kota_ttd
            for n, u in enumerate(units, 1):
                if progress is not None:
                    progress(n - 1, len(units), u.nama)
                written.append(self._write_one(r, u, indicators, folder, kota))
            scope.record(
                "write_forms",
                KINERJA_ROUND,
                r.id,
                f"Formulir {r.periode.label} ditulis untuk {len(written)} unit ke {folder}",
            )
        if progress is not None:
            progress(len(units), len(units), "")
        return written

    def _write_one(
        self, r: Round, u: Unit, indicators: list, folder: Path, kota: str
    ) -> WrittenForm:
        now = self._clock()
        form = build_form(r, u, indicators, now)
        rules = {i.id: i.rule for i in indicators if i.unit_id == u.id and i.id is not None}
        # openpyxl only when a form is written (Beranda reads the rounds at start-up)
        from ..exchange.kinerja_xlsx.form_write import (  # noqa: PLC0415
            FormContext,
            file_name_for,
            write_form,
        )

        path = folder / file_name_for(form)
        form.id = round_store.insert_form(form, path.name, now)
        write_form(form, FormContext(kota, jabatan_ttd(u), rules, r.tenggat), path)
        return WrittenForm(u.id or 0, u.nama, path, form.checksum, len(form.rows))

    # -- status board --------------------------------------------------------------
    def status(self, periode: str, today: date | None = None) -> RoundStatus:
        """Who returned, who is late, who has problems (today: the clock's date)."""
        today = today or self._clock().date()
        r = self.get_round(periode)
        assert r.id is not None
        with self._session.reading():
            indicators = plan_indicators(r.periode.tahun)
            issued = {unit_id for _f, unit_id, *_rest in round_store.forms_issued(r.id)}
            values = value_store.current_values(r.periode.key)
            units = units_with_indicators(indicators)
            rows = [self._unit_status(r, u, indicators, issued, values, today) for u in units]
        return RoundStatus(r, rows, today)

    @staticmethod
    def _unit_status(  # noqa: PLR0917 - the board's inputs, gathered once per round
        r: Round, u: Unit, indicators: list, issued: set[int], values: list, today: date
    ) -> UnitStatus:
        assert r.id is not None and u.id is not None
        mine = {i.id for i in indicators if i.unit_id == u.id}
        filled = sum(
            1
            for v in values
            if v.unit_id == u.id and v.indicator_id in mine and v.nilai is not None
        )
        imports = value_store.imports_for(r.id, u.id)
        applied = [i for i in imports if i.status == "diterapkan"]
        last = imports[-1] if imports else None
        if last is not None and last.status == "ditolak":
            status, problems = "bermasalah", last.problems
        elif applied:
            status, problems = "kembali", []
        else:
            status, problems = "belum_kembali", []
        first_return = applied[0].imported_at.date() if applied else None
        late = r.tenggat is not None and (
            (first_return is None and today > r.tenggat)
            or (first_return is not None and first_return > r.tenggat)
        )
        return UnitStatus(
            u.id,
            u.nama,
            status,
            late,
            u.id in issued,
            filled,
            len(mine),
            last.imported_at if last else None,
            problems,
        )
