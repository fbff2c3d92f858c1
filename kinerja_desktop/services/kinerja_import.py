"""Importing returned forms (files, or a paper form typed into the window):
preview first, write only on confirmation.

`preview(paths)` reads every file (folders are searched for .xlsx, not
recursively), recognises round and unit from the metadata, checks the
locked content and every value, and sorts the values into new / changed /
unchanged — without writing anything. `apply(preview, accepted)` writes the
accepted ready files, each in its own transaction (a file is applied whole or
not at all), after checking that neither the file nor the unit's stored values
changed since the preview. Files that were refused are recorded as refused
imports (no values), so the status board can say which units have problems.

Rules the README explains:
* the same file (same SHA-256) applied before: nothing changes, it says so;
* an older file after a newer one (by the file's own saved time, else its
  file time) for the same round and unit is refused — a stale copy on a flash
  drive must never undo a newer return; likewise, of two files for one unit in
  one import only the newest is taken;
* a blank Realisasi where a value is stored keeps the stored value (warning):
  emptying a value is a correction (part 2), never a silent side effect.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KinerjaError, NotFoundError
from ..core.kinerja.forms import FormProblem
from ..core.kinerja.values import number_text
from ..exchange.kinerja_xlsx import layout
from ..exchange.kinerja_xlsx.form_read import ReturnedForm, read_returned_form
from ..exchange.kinerja_xlsx.xlsxml import Cell
from ..store.kinerja import rounds as round_store
from ..store.kinerja import values as value_store
from .entities import KINERJA_VALUE
from .kinerja_checks import Lookup, check_locked, compare_values, identify
from .kinerja_forms import build_form, kecamatan, plan_indicators
from .kinerja_rounds import find_unit
from .kinerja_types import (
    DITOLAK,
    DUPLIKAT,
    SIAP,
    SUDAH,
    TANPA_PERUBAHAN,
    AppliedFile,
    EntryForm,
    EntryRow,
    FilePreview,
    ImportPreview,
    ValueText,
)

if TYPE_CHECKING:
    from .session import Session

ENTRY_SHEET = "Entri"
Progress = Callable[[int, int, str], None]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the .xlsx files of given folders (Office lock files skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.iterdir()
                    if f.suffix.lower() == ".xlsx"
                    and f.is_file()
                    and not f.name.startswith(("~$", ".~lock"))
                )
            )
        else:
            out.append(p)
    return out


def _hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


class KinerjaImportService:
    """Preview and apply returned forms and paper entries."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = datetime.now) -> None:
        self._session = session
        self._clock = clock

    # -- preview -----------------------------------------------------------------
    def preview(self, paths: Iterable[Path], progress: Progress | None = None) -> ImportPreview:
        files = expand_paths(paths)
        if not files:
            raise KinerjaError("Tidak ada berkas .xlsx untuk diimpor.")
        previews: list[FilePreview] = []
        with self._session.reading():
            lookup = Lookup()
            for n, path in enumerate(files):
                if progress is not None:
                    progress(n, len(files), path.name)
                previews.append(self._preview_file(path, lookup))
        _mark_duplicates(previews)
        _keep_newest(previews)
        return ImportPreview(previews)

    def _preview_file(self, path: Path, lookup: Lookup) -> FilePreview:
        try:
            form = read_returned_form(path)
        except KinerjaError as exc:
            return FilePreview(
                path, path.name, _hash(path), DITOLAK, problems=[FormProblem(exc.message)]
            )
        preview = FilePreview(path, path.name, form.file_hash, DITOLAK, filled_at=form.filled_at)
        preview.problems.extend(form.problems)
        preview.warnings.extend(form.warnings)
        issued = identify(form, preview, lookup)
        if issued is None or preview.problems:
            return _finish(preview)
        preview.form_id = issued.id
        earlier = value_store.applied_with_hash(form.file_hash)
        if earlier is not None:
            preview.status = SUDAH
            preview.warnings.append(
                FormProblem(
                    "berkas yang sama persis sudah diimpor pada "
                    f"{earlier.imported_at:%d-%m-%Y %H:%M}; "
                    "tidak ada yang berubah.",
                    level="peringatan",
                )
            )
            return preview
        self._check_order(form, preview)
        check_locked(form, issued, preview)
        if not preview.problems:
            preview.problems.extend(form.trailing)
        if not preview.problems:
            rows = [
                (
                    want,
                    got,
                    {"realisasi": got.realisasi, "keterangan": got.keterangan, "bukti": got.bukti},
                )
                for want, got in zip(issued.rows, form.rows, strict=True)
            ]
            compare_values(rows, preview, layout.FORM_SHEET)
        preview.state_token = value_store.state_token(preview.unit_id or 0, preview.periode)
        return _finish(preview)

    @staticmethod
    def _check_order(form: ReturnedForm, preview: FilePreview) -> None:
        """Refuse a file older than one already applied for the same round and unit."""
        applied = [
            i
            for i in value_store.imports_for(preview.round_id or 0, preview.unit_id)
            if i.status == "diterapkan" and i.sumber == "berkas" and i.filled_at is not None
        ]
        newer = [i for i in applied if form.filled_at is not None and i.filled_at > form.filled_at]
        if newer:
            preview.superseded = True
            last = max(newer, key=lambda i: i.filled_at)
            preview.problems.append(
                FormProblem(
                    f"berkas ini lebih lama (disimpan {form.filled_at:%d-%m-%Y %H:%M}) daripada "
                    f"'{last.file_name}' (disimpan {last.filled_at:%d-%m-%Y %H:%M}) yang sudah "
                    "diimpor "
                    "untuk unit dan periode yang sama; berkas lama tidak boleh menimpa yang baru."
                )
            )

    # -- paper entry ------------------------------------------------------------------
    def entry_form(self, periode: str, unit: str | int) -> EntryForm:
        """The unit's form as a grid for typing a paper return (its current values filled in)."""
        with self._session.reading():
            r, u, issued = self._entry_source(periode, unit)
            indicators = {i.id: i for i in plan_indicators(r.periode.tahun)}
            current = {v.indicator_id: v for v in value_store.current_values(r.periode.key, u.id)}
            rows = []
            for want in issued.rows:
                ind = indicators[want.indicator_id]
                cur = current.get(want.indicator_id)
                rows.append(
                    EntryRow(
                        want.indicator_id,
                        want.kode,
                        want.nama,
                        want.satuan,
                        want.target_teks or number_text(want.target_nilai),
                        ind.rule.describe(),
                        tuple(s.label for s in ind.rule.skala),
                        want.row,
                        ValueText(cur.nilai, cur.teks, cur.keterangan, cur.bukti) if cur else None,
                    )
                )
        return EntryForm(r, u.id or 0, u.nama, rows)

    def _entry_source(self, periode: str, unit: str | int):
        r = round_store.round_for(periode) if isinstance(periode, str) else None
        if r is None:
            raise NotFoundError(f"Belum ada putaran pengumpulan untuk periode {periode}.")
        u = find_unit(str(unit))
        kec = kecamatan()
        issued = round_store.latest_form(r.id or 0, u.id or 0, kec, u.nama)
        if issued is None:
            issued = build_form(r, u, plan_indicators(r.periode.tahun), self._clock())
        if not issued.rows:
            raise NotFoundError(f"Tidak ada indikator untuk {u.nama}.")
        return r, u, issued

    def preview_entry(
        self, periode: str, unit: str | int, typed: dict[int, tuple[str, str, str]]
    ) -> FilePreview:
        """Check a paper return typed into the grid: {indicator id: (realisasi, keterangan, bukti)}
        as typed (text); the same checks as a file. Nothing is written."""
        with self._session.reading():
            r, u, issued = self._entry_source(periode, unit)
            canonical = json.dumps([[k, *typed[k]] for k in sorted(typed)], ensure_ascii=False)
            digest = hashlib.sha256(f"entri:{r.id}:{u.id}:{canonical}".encode()).hexdigest()
            preview = FilePreview(
                None,
                f"Entri kertas {u.nama} {r.periode.key}",
                digest,
                DITOLAK,
                r.id,
                r.periode.key,
                u.id,
                u.nama,
                self._clock(),
                "entri",
                form_id=issued.id,
            )
            unknown = set(typed) - {w.indicator_id for w in issued.rows}
            if unknown:
                preview.problems.append(
                    FormProblem(f"indikator {sorted(unknown)} tidak ada di formulir unit ini.")
                )
            rows = []
            for want in issued.rows:
                real, ket, bukti = typed.get(want.indicator_id, ("", "", ""))
                raw = {
                    "realisasi": Cell(real or None),
                    "keterangan": Cell(ket or None),
                    "bukti": Cell(bukti or None),
                }
                rows.append((want, None, raw))
            compare_values(rows, preview, ENTRY_SHEET)
            preview.state_token = value_store.state_token(u.id or 0, r.periode.key)
        return _finish(preview)

    # -- apply ---------------------------------------------------------------------
    def apply(
        self,
        preview: ImportPreview | FilePreview,
        accepted: Iterable[FilePreview | str] | None = None,
    ) -> list[AppliedFile]:
        """Write the accepted ready files, each in its own transaction, then record the
        refused ones. `accepted`: the FilePreviews (or their file names or paths) the user
        ticked; None = every ready file."""
        files = preview.files if isinstance(preview, ImportPreview) else [preview]
        chosen = None if accepted is None else list(accepted)

        def wanted(f: FilePreview) -> bool:
            if chosen is None:
                return True
            return any(c is f or c in (f.file_name, str(f.path)) for c in chosen)

        results = [self._apply_one(f) for f in files if f.can_apply and wanted(f)]
        self._record_refusals(
            [
                f
                for f in files
                if f.status == DITOLAK and f.round_id and f.unit_id and not f.superseded
            ]
        )
        return results

    def _apply_one(self, f: FilePreview) -> AppliedFile:
        if f.sumber == "berkas" and (f.path is None or _hash(f.path) != f.file_hash):
            return AppliedFile(
                f.file_name, None, 0, 0, "berubah", "berkas berubah sejak pratinjau; impor ulang."
            )
        with self._session.writing() as scope:
            if value_store.applied_with_hash(f.file_hash) is not None:
                return AppliedFile(f.file_name, None, 0, 0, SUDAH, "sudah diimpor sebelumnya.")
            if value_store.state_token(f.unit_id or 0, f.periode) != f.state_token:
                return AppliedFile(
                    f.file_name,
                    None,
                    0,
                    0,
                    "berubah",
                    "data unit ini berubah sejak pratinjau; buat pratinjau lagi.",
                )
            now = self._clock()
            batch = value_store.insert_import(
                round_id=f.round_id,
                unit_id=f.unit_id,
                form_id=f.form_id,
                sumber=f.sumber,
                file_name=f.file_name,
                file_hash=f.file_hash,
                filled_at=f.filled_at,
                now=now,
                status="diterapkan",
                baru=len(f.new),
                ubah=len(f.changed),
            )
            jenis = "impor" if f.sumber == "berkas" else "entri"
            value_store.record_values(batch, jenis, f.file_name, f.file_hash, f.to_write, now)
            scope.record(
                "import",
                KINERJA_VALUE,
                batch,
                f"{f.file_name}: {f.unit} {f.periode}, {len(f.new)} baru, {len(f.changed)} berubah",
            )
        return AppliedFile(f.file_name, batch, len(f.new), len(f.changed), "diterapkan")

    def _record_refusals(self, refused: list[FilePreview]) -> None:
        if not refused:
            return
        with self._session.writing() as scope:
            now = self._clock()
            for f in refused:
                batch = value_store.insert_import(
                    round_id=f.round_id,
                    unit_id=f.unit_id,
                    form_id=f.form_id,
                    sumber=f.sumber,
                    file_name=f.file_name,
                    file_hash=f.file_hash,
                    filled_at=f.filled_at,
                    now=now,
                    status="ditolak",
                    problems=[str(p) for p in f.problems],
                )
                scope.record(
                    "import_refused",
                    KINERJA_VALUE,
                    batch,
                    f"{f.file_name} ditolak: {f.problems[0]}"[:300],
                )


def _finish(p: FilePreview) -> FilePreview:
    if p.problems:
        p.status, p.to_write, p.new, p.changed = DITOLAK, [], [], []
    elif p.status == DITOLAK:
        p.status = SIAP if (p.new or p.changed) else TANPA_PERUBAHAN
    return p


def _mark_duplicates(previews: list[FilePreview]) -> None:
    seen: dict[str, FilePreview] = {}
    for p in previews:
        if not p.file_hash:
            continue
        first = seen.setdefault(p.file_hash, p)
        if first is not p:
            p.status = DUPLIKAT
            p.problems.insert(
                0, FormProblem(f"berkas yang sama dengan '{first.file_name}'; dilewati.")
            )


def _keep_newest(previews: list[FilePreview]) -> None:
    groups: dict[tuple[int, int], list[FilePreview]] = {}
    for p in previews:
        if p.can_apply and p.round_id and p.unit_id:
            groups.setdefault((p.round_id, p.unit_id), []).append(p)
    for group in groups.values():
        if len(group) < 2:
            continue
        newest = max(group, key=lambda p: (p.filled_at or datetime.min, p.file_name))
        for p in group:
            if p is not newest:
                p.superseded = True
                p.problems.append(
                    FormProblem(
                        "ada berkas yang lebih baru untuk unit dan periode yang sama dalam impor "
                        "ini "
                        f"('{newest.file_name}'); hanya yang terbaru diimpor."
                    )
                )
                _finish(p)
