"""The reports of data kinerja: build, print (PDF or Excel), freeze, reprint.

    build(jenis, periode)         the report as the data stands now (nothing stored)
    print_report(jenis, periode, path)
                                  builds it, freezes it — the data it shows and
                                  that data's SHA-256 become a numbered version,
                                  or the latest version when nothing changed —
                                  and writes the file with version and hash in
                                  every footer (QR code)
    reprint(version_id, path)     the stored data again, the same figures even
                                  after later corrections
    draft                         `print_report(..., draft=True)`: not frozen, "DRAF"

Kinds (`core.kinerja.laporan`): rekap (any period), evaluasi_renja (a
triwulan), pk (a year, the Camat's or a unit's), renstra (the Renstra
covering a year), perbaikan (the corrections of a period). The texts the
user writes per report (faktor pendorong …, Pihak Kedua, Plt./Plh., the
signature date) are kept per kind and period until printed, and frozen with
it. Every public write is one transaction with one audit row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import KinerjaError, NotFoundError, ValidationError
from ..core.kinerja import laporan
from ..core.kinerja.laporan import JUDUL, REPORT_TYPES, Stamp
from ..core.kinerja.laporan_io import canonical, data_hash, dump, load, text_hash
from ..core.kinerja.periods import parse_period
from ..core.kinerja.plan import Level
from ..core.kinerja.predikat import ColourScale, PredikatScale
from ..core.kinerja.rules import CalculationRule
from ..core.kinerja.values import read_typed
from ..exchange.kinerja_xlsx.reports import write_report_xlsx
from ..exchange.pdf.kinerja import write_report_pdf
from ..store import office as office_store
from ..store.kinerja import plan as plan_store
from ..store.kinerja import reports as store
from ..store.kinerja.reports import VersionRecord
from .entities import KINERJA_PLAN, KINERJA_REPORT, KINERJA_VALUE
from .kinerja_forms import require_renstra
from .kinerja_report_build import build_evaluasi_report, build_rekap_report
from .kinerja_report_context import (
    PREDIKAT_KEY,
    TANGGAL,
    WARNA_KEY,
    ReadCache,
    colour_scale,
    predikat_scale,
    require_triwulan,
)
from .kinerja_report_docs import (
    build_perbaikan_report,
    build_pk_report,
    build_renstra_report,
    split_unit_key,
    unit_key,
)
from .kinerja_rounds import find_unit
from .kinerja_validation import actor_of

if TYPE_CHECKING:
    from .session import Session

FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}


@dataclass(frozen=True)
class PrintResult:
    path: Path
    format: str  # pdf, xlsx
    jenis: str
    periode: str
    version: VersionRecord | None  # None: a draft
    baru: bool  # this print made a new version
    ulang: bool = False  # a reprint of a stored version
    tampil: str = ""  # the period as the user reads it ("2026 — Sekretariat"); else periode

    @property
    def message(self) -> str:
        shown = self.tampil or self.periode
        if self.version is None:
            return f"Draf {JUDUL[self.jenis]} {shown} ditulis ke {self.path} (belum dibekukan)."
        if self.ulang:
            return (
                f"{JUDUL[self.jenis]} {shown} versi {self.version.versi} dicetak ulang dari "
                f"data yang dibekukan ke {self.path}; kode data {self.version.data_hash[:16]}."
            )
        what = "versi baru" if self.baru else "versi yang sama, data tidak berubah"
        return (
            f"{JUDUL[self.jenis]} {shown} versi {self.version.versi} ({what}) ditulis "
            f"ke {self.path}; kode data {self.version.data_hash[:16]}."
        )


def format_of(path: Path) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValidationError(f"Berkas keluaran harus .pdf atau .xlsx, bukan '{Path(path).name}'.")
    return fmt


def shown_key(key: str) -> str:
    """A report key as the user reads it: "2026/unit-3" → "2026 — Sekretariat"."""
    periode, unit_id = split_unit_key(key)
    unit = office_store.unit_by_id(unit_id) if unit_id is not None else None
    return f"{periode} — {unit.nama}" if unit is not None else key


def _renstra_year(tahun: int | None) -> int:
    if tahun is not None:
        return tahun
    found = plan_store.renstra_list()
    if not found:
        raise ValidationError("Belum ada Renstra; isi atau impor rencana dulu.")
    return found[-1].tahun_awal


class KinerjaReportService:
    def __init__(
        self,
        session: Session,
        clock: Callable[[], datetime] = datetime.now,
        actor: Callable[[], str] | None = None,
    ) -> None:
        self._session = session
        self._clock = clock
        self._actor = actor_of(session, actor)
        self._reads = ReadCache()  # the plan and values of `build`, until the next write

    # -- building ---------------------------------------------------------------------
    def report_key(self, jenis: str, periode: str | int | None, unit: str | None = None) -> str:
        """The period key a report is kept under (texts, versions)."""
        with self._session.reading():
            return self._key(jenis, periode, unit)

    @staticmethod
    def _key(jenis: str, periode: str | int | None, unit: str | None) -> str:
        if jenis not in REPORT_TYPES:
            raise ValidationError(f"Jenis laporan '{jenis}' tidak dikenal.")
        if jenis == laporan.PK:
            unit_id = find_unit(unit).id if unit else None
            return unit_key(int(str(periode)), unit_id)
        if jenis == laporan.RENSTRA:
            year = _renstra_year(int(str(periode)) if periode else None)
            renstra = plan_store.renstra_by_id(require_renstra(year))
            assert renstra is not None
            return f"{renstra.tahun_awal}-{renstra.tahun_akhir}"
        if periode is None:
            raise ValidationError("Periode laporan harus disebut.")
        key = parse_period(str(periode)).key
        if jenis == laporan.PERBAIKAN and unit:
            return unit_key(key, find_unit(unit).id)
        return key

    def build(
        self, jenis: str, periode: str | int | None, *, unit: str | None = None, varian: str = ""
    ) -> Any:
        """The report as the data stands now (nothing is stored)."""
        with self._session.reading():
            key = self._key(jenis, periode, unit)
            return self._build(jenis, key, store.texts(jenis, key), varian, self._reads)

    def _build(
        self,
        jenis: str,
        key: str,
        texts: Mapping[str, str],
        varian: str = "",
        cache: ReadCache | None = None,
    ) -> Any:
        """The report (what it reads from `cache` when given)."""
        today = self._clock().date()
        if jenis == laporan.REKAP:
            return build_rekap_report(parse_period(key), texts, today, cache=cache)
        if jenis == laporan.EVALUASI:
            chosen = varian or texts.get("varian", "") or "permendagri86"
            return build_evaluasi_report(require_triwulan(key), texts, today, chosen, cache)
        if jenis == laporan.PK:
            year, unit_id = split_unit_key(key)
            return build_pk_report(int(year), unit_id, texts, today)
        if jenis == laporan.RENSTRA:
            return build_renstra_report(int(key[:4]), texts, today)
        periode, unit_id = split_unit_key(key)
        return build_perbaikan_report(parse_period(periode), texts, today, unit_id)

    # -- texts -------------------------------------------------------------------------------
    def texts(self, jenis: str, key: str) -> dict[str, str]:
        with self._session.reading():
            return store.texts(jenis, key)

    def save_texts(self, jenis: str, key: str, values: Mapping[str, str]) -> None:
        """Store the texts the user wrote for one report (faktor pendorong, Pihak Kedua …)."""
        if jenis not in REPORT_TYPES:
            raise ValidationError(f"Jenis laporan '{jenis}' tidak dikenal.")
        cleaned = {k: str(v).strip() for k, v in values.items()}
        if cleaned.get(TANGGAL):
            try:
                date.fromisoformat(cleaned[TANGGAL])
            except ValueError:
                raise ValidationError("Tanggal tanda tangan harus ditulis TTTT-BB-HH.") from None
        with self._session.writing() as scope:
            before = store.texts(jenis, key)
            changed = sorted(k for k, v in cleaned.items() if before.get(k, "") != v)
            for k in changed:
                store.save_text(jenis, key, k, cleaned[k], self._clock())
            if changed:
                scope.record(
                    "laporan.teks",
                    KINERJA_REPORT,
                    None,
                    f"Teks {JUDUL[jenis]} {key} disimpan: {', '.join(changed)[:150]}",
                    actor=self._actor(),
                    before={k: before.get(k) for k in changed},
                    after={k: cleaned[k] for k in changed},
                )

    # -- printing and freezing ----------------------------------------------------------------
    def print_report(
        self,
        jenis: str,
        periode: str | int | None,
        path: Path,
        *,
        unit: str | None = None,
        varian: str = "",
        draft: bool = False,
        kertas: str | None = None,
    ) -> PrintResult:
        """Build, freeze (unless `draft`) and write the report to `path` (.pdf / .xlsx)."""
        fmt = format_of(path)
        with self._session.writing() as scope:
            key = self._key(jenis, periode, unit)
            texts = store.texts(jenis, key)
            if not draft and not texts.get(TANGGAL):
                store.save_text(
                    jenis, key, TANGGAL, self._clock().date().isoformat(), self._clock()
                )
                texts = store.texts(jenis, key)
            report = self._build(jenis, key, texts, varian, self._reads)
            version, new = (None, False) if draft else self._freeze(report, key, scope)
            stamp = self._stamp(version)
            self._write(report, stamp, Path(path), fmt, kertas)
            shown = shown_key(key)
        return PrintResult(Path(path), fmt, jenis, key, version, new, tampil=shown)

    def _freeze(self, report: Any, key: str, scope) -> tuple[VersionRecord, bool]:
        text = canonical(dump(report))  # made once: hashed, and stored when new
        digest = text_hash(text)
        latest = store.latest_version(report.jenis, key)
        if latest is not None and latest.data_hash == digest:
            return latest, False
        title = f"{JUDUL[report.jenis]} {shown_key(key)}"
        version = store.insert_version(
            report.jenis,
            key,
            title,
            text,
            digest,
            now=self._clock(),
            oleh=self._actor(),
        )
        replaced = f", menggantikan versi {latest.versi}" if latest else ""
        scope.record(
            "laporan.bekukan",
            KINERJA_REPORT,
            version.id,
            f"{title} versi {version.versi} dibekukan (kode data {digest[:16]}{replaced})",
            actor=self._actor(),
            before={"versi": latest.versi, "kode_data": latest.data_hash} if latest else None,
            after={
                "jenis": report.jenis,
                "periode": key,
                "versi": version.versi,
                "kode_data": digest,
            },
        )
        return version, True

    @staticmethod
    def _stamp(version: VersionRecord | None) -> Stamp:
        if version is None:
            return Stamp()
        return Stamp(
            version.versi,
            version.data_hash,
            version.dibuat_at.isoformat(sep=" "),
            version.versi - 1 or None,
        )

    def _write(self, report: Any, stamp: Stamp, path: Path, fmt: str, kertas: str | None) -> None:
        profile = office_store.load_profile()
        if fmt == "pdf":
            write_report_pdf(
                report, stamp, path, logo=profile.logo_png, kertas=kertas or profile.kertas.value
            )
        else:
            write_report_xlsx(report, stamp, path)

    def reprint(self, version_id: int, path: Path, *, kertas: str | None = None) -> PrintResult:
        """Write a frozen version again from its stored data."""
        fmt = format_of(path)
        report, record = self.load_version(version_id)
        with self._session.reading():
            self._write(report, self._stamp(record), Path(path), fmt, kertas)
            shown = shown_key(record.periode)
        return PrintResult(
            Path(path), fmt, record.jenis, record.periode, record, False, True, tampil=shown
        )

    def load_version(self, version_id: int) -> tuple[Any, VersionRecord]:
        with self._session.reading():
            record = store.version_by_id(version_id, with_data=True)
        if record is None:
            raise NotFoundError(f"Versi laporan nomor {version_id} tidak ada.")
        data = json.loads(record.data)
        if data_hash(data) != record.data_hash:
            raise KinerjaError(
                f"Data versi laporan nomor {version_id} tidak cocok dengan kodenya: "
                "isi basis data telah diubah di luar aplikasi."
            )
        return load(REPORT_TYPES[record.jenis], data), record

    def versions(self, jenis: str | None = None, periode: str | None = None) -> list[VersionRecord]:
        with self._session.reading():
            return store.versions(jenis, periode)

    # -- realisasi anggaran ---------------------------------------------------------------
    def set_anggaran(
        self, node: str | int, periode: str, nilai: str | float | None
    ) -> float | None:
        """Realisasi anggaran (Rp) of a program/kegiatan/sub kegiatan in a triwulan."""
        period = require_triwulan(periode)
        amount = self._amount(nilai)
        with self._session.writing() as scope:
            target = self._node(period.tahun, node)
            before = store.set_anggaran(target.id or 0, period.key, amount, self._clock())
            scope.record(
                "anggaran",
                KINERJA_PLAN,
                target.id,
                f"Realisasi anggaran {target.kode} {period.key}: {before} → {amount}",
                actor=self._actor(),
                before={"kode": target.kode, "periode": period.key, "rp": before},
                after={"kode": target.kode, "periode": period.key, "rp": amount},
            )
        return before

    @staticmethod
    def _amount(nilai: str | float | None) -> float | None:
        if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
            return None
        typed = read_typed(nilai, CalculationRule())
        if typed.masalah or typed.nilai is None or typed.nilai < 0:
            raise ValidationError(f"Realisasi anggaran '{nilai}' bukan jumlah rupiah yang sah.")
        return typed.nilai

    @staticmethod
    def _node(tahun: int, text: str | int):
        renstra_id = require_renstra(tahun)
        key = str(text).strip()
        for n in plan_store.nodes(renstra_id):
            if n.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN) and (
                n.kode == key or str(n.id) == key
            ):
                return n
        raise NotFoundError(f"Program/kegiatan '{text}' tidak ada di Renstra tahun {tahun}.")

    # -- predikat settings -------------------------------------------------------------------
    def scales(self) -> tuple[PredikatScale, ColourScale]:
        with self._session.reading():
            return predikat_scale(), colour_scale()

    def save_scales(self, predikat: PredikatScale, warna: ColourScale) -> None:
        with self._session.writing() as scope:
            old = (predikat_scale(), colour_scale())
            store.set_setting(PREDIKAT_KEY, json.dumps(predikat.to_dict(), ensure_ascii=False))
            store.set_setting(WARNA_KEY, json.dumps(warna.to_dict(), ensure_ascii=False))
            scope.record(
                "pengaturan",
                KINERJA_VALUE,
                None,
                f"Predikat capaian: {predikat.describe()}",
                actor=self._actor(),
                before={"predikat": old[0].to_dict(), "warna": old[1].to_dict()},
                after={"predikat": predikat.to_dict(), "warna": warna.to_dict()},
            )
