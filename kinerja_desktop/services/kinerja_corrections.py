"""Perbaikan Data Kinerja: correcting a validated value through the SOP's steps.

    propose  → diajukan        (reason + evidence reference; old and new value kept)
    advance  → diperiksa       (the Kepala Seksi of the unit checked it)
    advance  → diparaf         (the Sekretaris initialled the correction document)
    advance  → ditandatangani  (the Camat signed: the new value becomes current)
    reject   → ditolak         (at any step before the signature, with a reason)

Each call is one transaction with one audit row naming the step, the old and
new value and who recorded it. The official of a step defaults to the office
record (the unit's Kepala Seksi from the staff list, the Sekretaris and Camat
named as signers in the profile) and may be given by name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.errors import NotFoundError, ValidationError
from ..core.kinerja.perbaikan import (
    Langkah,
    Nilai,
    Perbaikan,
    PerbaikanStatus,
    check_reason,
    next_status,
    parse_status,
)
from ..core.kinerja.periods import parse_period
from ..core.kinerja.plan import Indicator
from ..core.kinerja.values import read_typed
from ..core.office import SignerRole, Staff, Unit
from ..store import office as office_store
from ..store.kinerja import validation as store
from ..store.kinerja import values as value_store
from ..store.kinerja.values import StoredValue
from .entities import KINERJA_VALUE
from .kinerja_forms import jabatan_ttd, plan_indicators
from .kinerja_rounds import find_unit
from .kinerja_validation import actor_of

if TYPE_CHECKING:
    from .session import Session, WriteScope


def find_indicator(tahun: int, text: str | int) -> Indicator:
    """An indicator of the year's Renstra by id or kode (case-insensitive)."""
    key = str(text).strip()
    indicators = plan_indicators(tahun)
    for ind in indicators:
        if ind.kode.casefold() == key.casefold():
            return ind
    if key.isdigit():
        for ind in indicators:
            if ind.id == int(key):
                return ind
    raise NotFoundError(f"Indikator '{text}' tidak ada di Renstra tahun {tahun}.")


def official(peran: str, unit: Unit) -> tuple[str, str, str]:
    """(nama, jabatan, nip) of the official of a step, from the office records."""
    if peran in ("sekretaris", "camat"):
        role = SignerRole.SEKRETARIS if peran == "sekretaris" else SignerRole.CAMAT
        staff_id = office_store.signer_id(role)
        member = office_store.staff_by_id(staff_id) if staff_id is not None else None
        jabatan = member.jabatan if member and member.jabatan else role.label
        return (member.nama if member else "", jabatan, member.nip if member else "")
    wanted = jabatan_ttd(unit)
    head = _unit_head(unit, wanted)
    return (head.nama, head.jabatan or wanted, head.nip) if head else ("", wanted, "")


def _unit_head(unit: Unit, wanted: str) -> Staff | None:
    members = [s for s in office_store.staff_list() if s.aktif]
    exact = [s for s in members if s.jabatan.strip().casefold() == wanted.casefold()]
    if exact:
        return exact[0]
    mine = [s for s in members if s.unit_id == unit.id]
    heads = [s for s in mine if s.jabatan.strip().casefold().startswith(("kepala seksi", "lurah"))]
    return heads[0] if heads else None


class KinerjaCorrectionService:
    """Propose, advance, reject and list corrections of validated values."""

    def __init__(
        self,
        session: Session,
        clock: Callable[[], datetime] = datetime.now,
        actor: Callable[[], str] | None = None,
    ) -> None:
        self._session = session
        self._clock = clock
        self._actor = actor_of(session, actor)

    # -- reading ---------------------------------------------------------------------
    def get(self, perbaikan_id: int) -> Perbaikan:
        with self._session.reading():
            return self._get(perbaikan_id)

    @staticmethod
    def _get(perbaikan_id: int) -> Perbaikan:
        found = store.perbaikan_by_id(perbaikan_id)
        if found is None:
            raise NotFoundError(f"Perbaikan nomor {perbaikan_id} tidak ada.")
        return found

    def list(
        self, periode: str | None = None, status: str | None = None, unit: str | None = None
    ) -> list[Perbaikan]:
        key = parse_period(periode).key if periode else None
        state = parse_status(status).value if status else None
        with self._session.reading():
            unit_id = find_unit(unit).id if unit else None
            return store.perbaikan_list(key, state, unit_id)

    def next_official(self, perbaikan_id: int) -> tuple[PerbaikanStatus, str, str]:
        """The next step of a correction and its official from the office records
        (name, jabatan; the name is '' when the office has not recorded one)."""
        with self._session.reading():
            p = self._get(perbaikan_id)
            step = next_status(p.status)
            unit = office_store.unit_by_id(p.unit_id)
            assert unit is not None
            nama, jabatan, _nip = official(step.peran, unit)
        return step, nama, jabatan

    # -- proposing -------------------------------------------------------------------
    def propose(
        self,
        periode: str,
        indikator: str | int,
        nilai: str,
        *,
        alasan: str,
        bukti: str,
        unit: str | int | None = None,
        keterangan: str | None = None,
        oleh: str | None = None,
    ) -> Perbaikan:
        """Propose a new value for a validated value; status diajukan."""
        period = parse_period(periode)
        alasan, bukti = check_reason(alasan, bukti)
        who = (oleh or "").strip() or self._actor()
        now = self._clock()
        with self._session.writing() as scope:
            ind = find_indicator(period.tahun, indikator)
            current = self._current(ind, period.key, unit)
            baru = self._typed(ind, nilai)
            lama = Nilai(current.nilai, current.teks)
            ket = current.keterangan if keterangan is None else " ".join(keterangan.split())
            if baru == lama and ket == current.keterangan:
                raise ValidationError(f"Nilai baru sama dengan nilai tersimpan ({lama.shown}).")
            new = store.NewPerbaikan(
                current.id, ind.id or 0, current.unit_id, period.key, lama, baru, ket, alasan, bukti
            )
            pid = store.insert_perbaikan(new, now)
            store.add_step(pid, Langkah(PerbaikanStatus.DIAJUKAN, who, "", "", who, "", now))
            found = self._get(pid)
            self._record(scope, found, "ajukan", who, f"alasan: {alasan[:80]}", None)
        return found

    @staticmethod
    def _current(ind: Indicator, periode: str, unit: str | int | None) -> StoredValue:
        unit_id = find_unit(str(unit)).id if unit is not None else None
        rows = [v for v in value_store.current_values(periode, unit_id) if v.indicator_id == ind.id]
        if not rows:
            raise NotFoundError(f"Belum ada nilai {ind.kode} untuk periode {periode}.")
        if len(rows) > 1:
            raise ValidationError(
                f"Nilai {ind.kode} {periode} ada di beberapa unit; sebut unitnya."
            )
        value = rows[0]
        if value.status_validasi != "valid":
            raise ValidationError(
                f"Nilai {ind.kode} {periode} belum divalidasi: ubah lewat impor atau entri "
                "formulir, bukan Perbaikan."
            )
        busy = store.open_for_value(value.id)
        if busy is not None:
            raise ValidationError(
                f"Nilai {ind.kode} {periode} sedang dalam proses perbaikan nomor {busy}."
            )
        return value

    @staticmethod
    def _typed(ind: Indicator, text: str) -> Nilai:
        typed = read_typed(text if text.strip() else None, ind.rule)
        if typed.masalah:
            raise ValidationError(f"Nilai baru {ind.kode}: {typed.masalah}")
        return Nilai(typed.nilai, typed.teks)

    # -- the steps -------------------------------------------------------------------------
    def advance(
        self,
        perbaikan_id: int,
        *,
        ke: str | None = None,
        pejabat: str | None = None,
        catatan: str = "",
        oleh: str | None = None,
    ) -> Perbaikan:
        """The next step of the SOP (`ke`: the status expected, refused when it is not next)."""
        who = (oleh or "").strip() or self._actor()
        now = self._clock()
        with self._session.writing() as scope:
            p = self._get(perbaikan_id)
            step = next_status(p.status)
            if ke is not None and parse_status(ke) is not step:
                raise ValidationError(
                    f"Perbaikan nomor {p.id} berstatus {p.status.label.lower()}; langkah "
                    f"berikutnya {step.label.lower()}, bukan {parse_status(ke).label.lower()}."
                )
            unit = office_store.unit_by_id(p.unit_id)
            assert unit is not None
            nama, jabatan, nip = official(step.peran, unit)
            named = " ".join((pejabat or "").split())
            if named and named != nama:
                nama, nip = named, ""
            store.add_step(p.id, Langkah(step, nama, jabatan, nip, who, catatan.strip(), now))
            if step is PerbaikanStatus.DITANDATANGANI:
                if not store.is_validated(p.value_id):
                    raise ValidationError("Nilai yang diperbaiki sudah tidak berlaku.")
                store.sign_correction(p, now)
            found = self._get(p.id)
            extra = f"{jabatan[:40]} {nama[:50]}".strip()
            self._record(scope, found, step.value, who, extra, p.status)
        return found

    def reject(self, perbaikan_id: int, alasan: str, *, oleh: str | None = None) -> Perbaikan:
        """Stop a correction before the signature; the validated value stays."""
        reason = " ".join(alasan.split())
        if not reason:
            raise ValidationError("Penolakan perbaikan memerlukan alasan.")
        who = (oleh or "").strip() or self._actor()
        now = self._clock()
        with self._session.writing() as scope:
            p = self._get(perbaikan_id)
            if p.status.selesai:
                raise ValidationError(f"Perbaikan nomor {p.id} sudah {p.status.label.lower()}.")
            store.add_step(p.id, Langkah(PerbaikanStatus.DITOLAK, who, "", "", who, reason, now))
            found = self._get(p.id)
            self._record(scope, found, "tolak", who, f"alasan: {reason[:80]}", p.status)
        return found

    @staticmethod
    def _record(  # noqa: PLR0917 - one audit row of a step
        scope: WriteScope,
        p: Perbaikan,
        action: str,
        who: str,
        extra: str,
        was: PerbaikanStatus | None,
    ) -> None:
        """One audit row: the step, who recorded it, old and new value, status before/after."""
        value = {"indikator": p.kode, "unit": p.unit, "periode": p.periode}
        before = {**value, "nilai": p.lama.nilai, "teks": p.lama.teks or None}
        before["status"] = was.value if was is not None else None
        after = {**value, "nilai": p.baru.nilai, "teks": p.baru.teks or None}
        after.update(
            status=p.status.value, nilai_id=p.hasil_value_id, alasan=p.alasan, bukti=p.bukti
        )
        scope.record(
            f"perbaikan.{action}",
            KINERJA_VALUE,
            p.id,
            f"Perbaikan #{p.id} {p.kode} {p.unit[:40]} {p.periode}: {p.lama.shown} → "
            f"{p.baru.shown}; {p.status.label.lower()} (oleh {who[:40]}; {extra})",
            actor=who,
            before=before,
            after=after,
        )
