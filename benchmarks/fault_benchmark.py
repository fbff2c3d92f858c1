"""Fault benchmark: kill -9 at random moments during every kind of write, then check.

For each operation the benchmark starts the work in a child process exactly as
the program does it (the command line, or the services for an SOP save), waits
until the child has imported everything and begun, kills it with SIGKILL at a
random moment within the operation's measured duration, and then — as the next
run would — opens the database and checks:

* corrupt: `PRAGMA integrity_check` fails, or the database cannot be opened;
* partial: a write half there (an SOP without its revision or its audit row,
  a step count that does not match the stored document, a restore that mixed
  the old and the restored content), or a file left half made: a backup that
  is empty or unsound, a temporary file still there after the next run;
* broken_chain: `db periksa` finds anything at all (audit chain, revision
  hashes, anchor, schema, links);
* lost_acknowledged: a write the child reported done (its "Disimpan"/JSON or
  acknowledgement line was read) that is in neither the database nor — for a
  write racing a restore — the restore's safety backup.

Operations: sop_save (create + save through the services, in a loop),
sop_import (`sop impor --ya --sebagai salinan`), revision_import (`sop impor
--ya --sebagai revisi`), restore (`db pulihkan` while another process keeps
writing), backup (`db cadangkan` into a folder), kinerja_import (`kinerja
impor FOLDER --ya` of a round's returned forms), correction (`kinerja perbaikan
lanjut ID --ke ditandatangani`: a Perbaikan signed, the new value replacing the
validated one; partial when the status and the active value disagree).

    python benchmarks/fault_benchmark.py [--runs 100] [--json] [--only OP …] [--seed N]

--json prints {"runs": N, "seconds": s, "operations": {OP: {"kills", "corrupt",
"partial", "broken_chain", "lost_acknowledged", "acknowledged", "whole_run_done",
"seconds", "examples"}}}; exit status 1 when corrupt, partial, broken_chain or
lost_acknowledged is not 0, or when the operation run once without a kill
(whole_run_done) did not do its work (the benchmark would measure nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GOOD_XLSX = REPO / "tests" / "data" / "xlsx" / "ketik_masama_pengumpulan_ceklis.xlsx"

# A child that imports everything, says READY, then runs one CLI command.
_CLI_CHILD = textwrap.dedent(
    """
    import sys
    from kinerja_desktop.cli.main import run
    from kinerja_desktop.services import database_service, sop_service, demo  # noqa: F401
    import openpyxl, reportlab  # noqa: F401
    print("READY", flush=True)
    code = run(sys.argv[1:], lambda _db: 0)
    sys.stdout.flush()
    sys.exit(code)
    """
)

# A child that keeps creating and saving SOPs, acknowledging each commit.
_WRITER_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from fixtures_store import sample_doc
    from kinerja_desktop.core.errors import KinerjaError
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.services.sop_service import SopService
    prefix, n = sys.argv[2], 0
    with open_session(Path(sys.argv[1])) as session:
        sops = SopService(session)
        print("READY", flush=True)
        while True:
            n += 1
            token = f"{prefix}-{n}"
            doc = sample_doc(nomor=token, judul="Tulis " + token)
            try:
                sop_id = sops.create(doc)
                print("ACK", token, flush=True)
                doc.steps[0].uraian = "Diubah " + token
                sops.save(sop_id, doc)
                print("ACK", token + "/ubah", flush=True)
            except KinerjaError as exc:  # e.g. busy behind a restore: not acknowledged
                print("BUSY", token, exc.message[:60], flush=True)
    """
)


@dataclass
class Counts:
    kills: int = 0
    corrupt: int = 0
    partial: int = 0
    broken_chain: int = 0
    lost_acknowledged: int = 0
    acknowledged: int = 0
    whole_run_done: bool = False  # the same operation, not killed, did its work
    seconds: float = 0.0  # how long it takes when not killed
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        data = {k: v for k, v in self.__dict__.items() if k != "notes"}
        data["examples"] = self.notes[:5]
        return data


def _env(work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "KINERJA_DATA_DIR": str(work / "data"),
        "PYTHONPYCACHEPREFIX": str(work / "pyc"),
    }


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "READY":
        proc.kill()
        raise RuntimeError(f"child did not start: {line!r}")
    return proc


def _cli(work: Path, *argv: str) -> subprocess.Popen[str]:
    return _spawn(["-c", _CLI_CHILD, *argv], _env(work))


def _writer(work: Path, db: Path, prefix: str) -> subprocess.Popen[str]:
    return _spawn(["-c", _WRITER_CHILD, str(db), prefix, str(REPO / "tests")], _env(work))


def _kill_after(proc: subprocess.Popen[str], delay: float) -> str:
    """SIGKILL `proc` after `delay` seconds (or when it ends); its stdout."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.stdout is not None
    return proc.stdout.read()


# -- checking a database after a kill ---------------------------------------------------------
def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _nomor_set(db: Path) -> set[str]:
    return {n for (n,) in _rows(db, "SELECT nomor FROM sop")}


def check_database(db: Path, counts: Counts, label: str) -> bool:
    """The next run's view: sound, whole, nothing to report. False when unusable."""
    from kinerja_desktop.core.errors import KinerjaError
    from kinerja_desktop.core.sop import serialize
    from kinerja_desktop.services.database_service import DatabaseService
    from kinerja_desktop.services.session import open_session

    try:
        if _rows(db, "PRAGMA integrity_check") != [("ok",)]:
            raise sqlite3.DatabaseError("integrity_check")
        with open_session(db) as session:  # also sweeps what the killed run left
            problems = DatabaseService(session).check().problems
    except (sqlite3.Error, KinerjaError) as exc:
        counts.corrupt += 1
        counts.notes.append(f"{label}: corrupt: {exc}")
        return False
    if problems:
        counts.broken_chain += 1
        counts.notes.append(f"{label}: {problems[0]}")
    partial = []
    latest = _rows(
        db,
        "SELECT s.id, s.jumlah_langkah, r.document FROM sop s LEFT JOIN sop_revision r "
        "ON r.sop_id = s.id AND r.revisi_ke = s.revisi_ke",
    )
    audited = {i for (i,) in _rows(db, "SELECT entity_id FROM audit_log WHERE entity = 'sop'")}
    loaded = bool(_rows(db, "SELECT 1 FROM audit_log WHERE action = 'load_demo'"))
    for sop_id, steps, document in latest:
        if document is None or len(serialize.loads(document).steps) != steps:
            partial.append(f"SOP {sop_id} half written")
        elif sop_id not in audited and not loaded:
            partial.append(f"SOP {sop_id} without its audit row")
    partial += [f"left behind: {p.name}" for p in _litter(db.parent)]
    if partial:
        counts.partial += 1
        counts.notes.append(f"{label}: {partial[0]}")
    return True


def _litter(folder: Path) -> list[Path]:
    """Temporary or empty files left in the database's folder or its backups."""
    found = []
    backups = folder / "cadangan"
    for path in [*folder.iterdir(), *(backups.iterdir() if backups.is_dir() else [])]:
        name = path.name
        temp = name.startswith((".kinerja-", ".pulihkan-")) or name.endswith(".baru")
        empty_db = name.endswith(".db") and path.is_file() and path.stat().st_size == 0
        if temp or empty_db:
            found.append(path)
    return found


def _acks(output: str) -> list[str]:
    return [line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("ACK ")]


# -- the operations ---------------------------------------------------------------------------
@dataclass
class Setup:
    work: Path
    template: Path  # a closed database with the demo library and one imported SOP
    backup: Path  # a sound backup of an older state
    forms: Path | None = None  # returned data-kinerja forms of the template's round
    # the template with the round imported and validated, and one Perbaikan diparaf
    corrected: Path | None = None
    durations: dict[str, float] = field(default_factory=dict)


def _fresh(setup: Setup, run: int, template: Path | None = None) -> Path:
    template = template or setup.template
    folder = setup.work / f"run-{run}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    db = folder / "kinerja.db"
    shutil.copy(template, db)
    shutil.copy(template.with_name(template.name + ".jangkar"), db.with_name(db.name + ".jangkar"))
    return db


def op_sop_save(setup: Setup, db: Path, delay: float, counts: Counts) -> None:
    out = _kill_after(_writer(setup.work, db, f"W{db.parent.name}"), delay)
    _check_acks(db, out, counts, db.parent.name)


def _check_acks(db: Path, out: str, counts: Counts, label: str, *others: Path) -> None:
    acks = _acks(out)
    counts.acknowledged += len(acks)
    if not check_database(db, counts, label):
        return
    present = _nomor_set(db)
    sql = "SELECT document FROM sop_revision WHERE document LIKE '%Diubah %'"
    edited = {d for (d,) in _rows(db, sql)}
    for other in others:
        present |= _nomor_set(other)
        edited |= {d for (d,) in _rows(other, sql)}
    lost = []
    for token in acks:
        nomor, _, what = token.partition("/")
        if nomor not in present or (what and not any(f"Diubah {nomor}" in d for d in edited)):
            lost.append(token)
    if lost:
        counts.lost_acknowledged += len(lost)
        counts.notes.append(f"{label}: lost {lost[:3]}")


def changed_workbook(folder: Path, token: str) -> Path:
    """The typed workbook with one step reworded (an unchanged import stores nothing)."""
    import zipfile

    target = folder / f"impor-{token}.xlsx"
    with zipfile.ZipFile(GOOD_XLSX) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                old = b"Perintah untuk melakukan pengumpulan data kinerja"
                data = data.replace(old, old + f" ({token})".encode())
            out.writestr(info, data)
    return target


def op_import(setup: Setup, db: Path, delay: float, counts: Counts, mode: str) -> None:
    before = _rows(db, "SELECT count(*) FROM sop")[0][0]
    proc = _cli(
        setup.work,
        "--db",
        str(db),
        "sop",
        "impor",
        str(changed_workbook(db.parent, db.parent.name)),
        "--ya",
        "--sebagai",
        mode,
        "--json",
    )
    out = _kill_after(proc, delay)
    acked = '"disimpan": true' in out
    counts.acknowledged += acked
    if not check_database(db, counts, db.parent.name) or not acked:
        return
    saved_id = json.loads(out)["id"]
    if mode == "salinan":
        ok = _rows(db, "SELECT count(*) FROM sop")[0][0] == before + 1
    else:
        ok = _rows(db, f"SELECT revisi_ke FROM sop WHERE id = {int(saved_id)}")[0][0] >= 1
    if not ok:
        counts.lost_acknowledged += 1
        counts.notes.append(f"{db.parent.name}: acknowledged import not stored")


def op_restore(setup: Setup, db: Path, delay: float, counts: Counts) -> None:
    before = _nomor_set(db)
    restored = _nomor_set(setup.backup)
    writer = _writer(setup.work, db, f"R{db.parent.name}")
    time.sleep(0.05)
    proc = _cli(setup.work, "--db", str(db), "db", "pulihkan", str(setup.backup))
    out = _kill_after(proc, delay)
    writer_out = _kill_after(writer, 0.3)
    safety = sorted((db.parent / "cadangan").glob("*sebelum-pulihkan*.db"))
    _check_acks(db, writer_out, counts, db.parent.name, *safety)
    if "dipulihkan dari" in out:
        counts.acknowledged += 1
    if not (db.parent / "kinerja.db").exists():
        return
    now = {n for n in _nomor_set(db) if not n.startswith("R")}
    if now not in (before, restored):
        counts.partial += 1
        counts.notes.append(f"{db.parent.name}: mixed content after restore")
    elif "dipulihkan dari" in out and now != restored:
        counts.lost_acknowledged += 1
        counts.notes.append(f"{db.parent.name}: acknowledged restore not in place")


def op_backup(setup: Setup, db: Path, delay: float, counts: Counts) -> None:
    folder = db.parent / "flashdisk"
    folder.mkdir()
    out = _kill_after(_cli(setup.work, "--db", str(db), "db", "cadangkan", str(folder)), delay)
    acked = "Cadangan dibuat:" in out
    counts.acknowledged += acked
    if not check_database(db, counts, db.parent.name):
        return
    # the next run: another backup into the same folder sweeps what the killed one left
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), "db", "cadangkan", str(folder)],
        env=_env(setup.work),
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    bad = [p.name for p in folder.iterdir() if not _sound_backup(p)]
    if done.returncode != 0 or bad:
        counts.partial += 1
        counts.notes.append(f"{db.parent.name}: backup folder holds {bad or done.stderr[-80:]}")
    if acked and len(list(folder.glob("*.db"))) < 2:
        counts.lost_acknowledged += 1
        counts.notes.append(f"{db.parent.name}: acknowledged backup missing")


def op_kinerja_import(setup: Setup, db: Path, delay: float, counts: Counts) -> None:
    """`kinerja impor FOLDER --ya`: the returned forms of a round, in one write."""
    out = _kill_after(_cli(setup.work, *_kinerja_argv(setup, db)), delay)
    acked = '"diterapkan": true' in out
    counts.acknowledged += acked
    if not check_database(db, counts, db.parent.name) or not acked:
        return
    stored = _rows(db, "SELECT count(*) FROM kinerja_value")[0][0]
    imported = _rows(
        db, "SELECT count(*) FROM audit_log WHERE action = 'import' AND entity <> 'sop'"
    )[0][0]
    if not stored or not imported:
        counts.lost_acknowledged += 1
        counts.notes.append(f"{db.parent.name}: acknowledged kinerja import not stored")


def op_correction(setup: Setup, db: Path, delay: float, counts: Counts) -> None:
    """`kinerja perbaikan lanjut 1 --ke ditandatangani`: the signed correction puts the
    new value in place of the validated one, in one write."""
    out = _kill_after(_cli(setup.work, *_correction_argv(db)), delay)
    check_correction(db, '"status": "ditandatangani"' in out, counts)


def check_correction(db: Path, acked: bool, counts: Counts) -> None:
    """Either still diparaf with the imported value active, or signed with the
    corrected value active (and signed when the child said so)."""
    counts.acknowledged += acked
    if not check_database(db, counts, db.parent.name):
        return
    status, result = _rows(db, "SELECT status, hasil_value_id FROM kinerja_perbaikan")[0]
    active = _rows(
        db,
        "SELECT v.id, v.nilai FROM kinerja_value v JOIN kinerja_perbaikan p "
        "ON v.indicator_id = p.indicator_id AND v.unit_id = p.unit_id AND v.periode = p.periode "
        "WHERE v.aktif = 1",
    )
    signed = status == "ditandatangani"
    whole = (signed and active == [(result, CORRECTED)]) or (
        status == "diparaf" and result is None and [n for _i, n in active] == [IMPORTED]
    )
    if not whole:
        counts.partial += 1
        counts.notes.append(f"{db.parent.name}: correction half done: {status} {active}")
    elif acked and not signed:
        counts.lost_acknowledged += 1
        counts.notes.append(f"{db.parent.name}: acknowledged correction not stored")


def _correction_argv(db: Path) -> list[str]:
    sign = ["perbaikan", "lanjut", "1", "--ke", "ditandatangani", "--json"]
    return ["--db", str(db), "kinerja", *sign]


def _kinerja_argv(setup: Setup, db: Path) -> list[str]:
    return ["--db", str(db), "kinerja", "impor", str(setup.forms), "--ya", "--json"]


def _sound_backup(path: Path) -> bool:
    from kinerja_desktop.core.errors import KinerjaError
    from kinerja_desktop.store.restore import check_restore_source

    if path.name.endswith(".jangkar"):
        return True
    try:
        check_restore_source(path)
    except KinerjaError:
        return False
    return True


OPERATIONS = {
    "sop_save": op_sop_save,
    "sop_import": lambda s, db, d, c: op_import(s, db, d, c, "salinan"),
    "revision_import": lambda s, db, d, c: op_import(s, db, d, c, "revisi"),
    "restore": op_restore,
    "backup": op_backup,
    "kinerja_import": op_kinerja_import,
    "correction": lambda s, db, d, c: op_correction(s, _fresh(s, _run_of(db), s.corrected), d, c),
}
_MEASURED = {  # how long the work takes after READY, run once whole (kills are spread over it)
    "sop_save": lambda s, db: (1.0, "Disimpan"),
    "sop_import": lambda s, db: _timed(
        _cli(
            s.work,
            "--db",
            str(db),
            "sop",
            "impor",
            str(changed_workbook(db.parent, "ukur")),
            "--ya",
            "--sebagai",
            "salinan",
        )
    ),
    "revision_import": lambda s, db: _timed(
        _cli(
            s.work,
            "--db",
            str(db),
            "sop",
            "impor",
            str(changed_workbook(db.parent, "ukur")),
            "--ya",
            "--sebagai",
            "revisi",
        )
    ),
    "restore": lambda s, db: _timed(_cli(s.work, "--db", str(db), "db", "pulihkan", str(s.backup))),
    "backup": lambda s, db: _timed(
        _cli(s.work, "--db", str(db), "db", "cadangkan", str(db.parent))
    ),
    "kinerja_import": lambda s, db: _timed(_cli(s.work, *_kinerja_argv(s, db))),
    "correction": lambda s, db: _timed(_cli(s.work, *_correction_argv(_fresh(s, -2, s.corrected)))),
}


def _run_of(db: Path) -> int:
    return int(db.parent.name.removeprefix("run-"))


def _timed(proc: subprocess.Popen[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out, _err = proc.communicate()
    return time.perf_counter() - start, out


_DONE_WORDS = (
    '"diterapkan": true',
    '"disimpan": true',
    "dipulihkan dari",
    "Cadangan dibuat:",
    "Disimpan",
    '"status": "ditandatangani"',
)


def _setup(work: Path) -> Setup:
    env = _env(work)
    template = work / "template.db"

    def main(*argv: str) -> None:
        subprocess.run(
            [sys.executable, str(REPO / "main.py"), "--db", str(template), *argv],
            env=env,
            check=True,
            capture_output=True,
            cwd=REPO,
        )

    main("demo", "muat")
    backup = work / "cadangan-lama.db"
    main("db", "cadangkan", str(backup))
    main("sop", "impor", str(GOOD_XLSX), "--ya")
    forms = work / "formulir"
    forms.mkdir()
    main("kinerja", "formulir", PERIOD, "--folder", str(forms), "--tenggat", "10-10-2026")
    _fill_forms(forms)
    corrected = _corrected_template(work, template, forms, env)
    shutil.rmtree(work / "cadangan", ignore_errors=True)
    return Setup(work, template, backup, forms=forms, corrected=corrected)


IMPORTED, CORRECTED = 44.5, 45.0  # the value typed into the forms, and its correction


def _corrected_template(work: Path, template: Path, forms: Path, env: dict[str, str]) -> Path:
    """The template with the round imported and validated and one Perbaikan of a
    validated value taken to diparaf: the next step signs it."""
    db = work / "perbaikan.db"
    shutil.copy(template, db)
    shutil.copy(template.with_name(template.name + ".jangkar"), db.with_name(db.name + ".jangkar"))
    value = ["--indikator", "IS.1.5", "--unit", "1", "--nilai", "45"]
    why = ["--alasan", "Salah ketik", "--bukti", "Nota dinas 12/2026"]
    steps = [  # (argv, must succeed): forms of units not in the plan are refused (status 1)
        (["kinerja", "impor", str(forms), "--ya"], False),
        (["kinerja", "validasi", PERIOD], True),
        (["kinerja", "perbaikan", "ajukan", PERIOD, *value, *why], True),
        (["kinerja", "perbaikan", "lanjut", "1", "--ke", "diperiksa"], True),
        (["kinerja", "perbaikan", "lanjut", "1", "--ke", "diparaf"], True),
    ]
    for argv, must in steps:
        subprocess.run(
            [sys.executable, str(REPO / "main.py"), "--db", str(db), *argv],
            env=env,
            check=must,
            capture_output=True,
            cwd=REPO,
        )
    return db


PERIOD = "2026-TW3"


def _fill_forms(folder: Path) -> None:
    """Type a value into every returned form, as the units do (openpyxl keeps the rest)."""
    sys.path.insert(0, str(REPO))
    from tests.kinerja_helpers import fill

    for form in sorted(folder.glob("*.xlsx")):
        fill(form, {"F14": "44,5", "H14": "LRA"})


def run(runs: int, only: list[str] | None, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="kinerja-fault-"))
    start = time.perf_counter()
    setup = _setup(work)
    results: dict[str, object] = {}
    for name, operation in OPERATIONS.items():
        if only and name not in only:
            continue
        seconds, out = _MEASURED[name](setup, _fresh(setup, -1))
        setup.durations[name] = max(0.05, seconds)
        counts = Counts()
        counts.whole_run_done = any(word in out for word in _DONE_WORDS)
        counts.seconds = round(seconds, 2)
        for n in range(runs):
            db = _fresh(setup, n)
            operation(setup, db, rng.uniform(0.0, setup.durations[name] * 1.1), counts)
            counts.kills += 1
            shutil.rmtree(db.parent, ignore_errors=True)
        results[name] = counts.as_json()
    shutil.rmtree(work, ignore_errors=True)
    return {"runs": runs, "seconds": round(time.perf_counter() - start, 1), "operations": results}


def failed(summary: dict[str, object]) -> list[str]:
    bad = []
    for name, counts in summary["operations"].items():  # type: ignore[union-attr]
        for key in ("corrupt", "partial", "broken_chain", "lost_acknowledged"):
            if counts[key]:
                bad.append(f"{name}.{key}={counts[key]}")
        if not counts["whole_run_done"]:
            bad.append(f"{name}: not even an uninterrupted run did its work")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="kills per operation")
    parser.add_argument("--only", nargs="*", choices=sorted(OPERATIONS))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.runs, args.only, args.seed)
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        print(f"{args.runs} kill -9 per operasi, {summary['seconds']} s")
        for name, c in summary["operations"].items():  # type: ignore[union-attr]
            print(
                f"  {name:16} kills {c['kills']:4}  corrupt {c['corrupt']}  partial {c['partial']}"
                f"  broken_chain {c['broken_chain']}  lost_acknowledged {c['lost_acknowledged']}"
                f"  (acknowledged {c['acknowledged']})"
            )
            for note in c["examples"]:
                print(f"      {note}")
    return 1 if failed(summary) else 0


if __name__ == "__main__":
    sys.exit(main())
