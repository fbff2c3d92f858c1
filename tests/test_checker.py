"""Pemeriksa SOP: one focused case per rule, a clean SOP, the seeds' real texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    Pengesahan,
    SopDocument,
    Step,
    StepKind,
    checker,
)
from kinerja_desktop.core.sop.checker import (
    Finding,
    Severity,
    check_sop,
    errors_of,
    has_errors,
    normalize_nomor,
    summarize,
)
from kinerja_desktop.core.sop.text_match import related, words_match

K, P, S = Severity.KESALAHAN, Severity.PERINGATAN, Severity.SARAN


def clean_sop() -> SopDocument:
    """Mulai → Proses → Keputusan (Tidak: back to 2) → Selesai, identity complete."""
    camat, sekretaris, kasubag = Lane("Camat"), Lane("Sekretaris"), Lane("Kasubag Perencanaan")
    s1 = Step(
        "Memerintahkan penyusunan perencanaan kinerja",
        [camat.id],
        StepKind.MULAI,
        MutuBaku("Surat masuk", "10 MENIT", "Disposisi pada surat masuk"),
    )
    s2 = Step(
        "Menyusun konsep perencanaan kinerja",
        [kasubag.id],
        mutu_baku=MutuBaku("Surat masuk dan disposisi", "4 JAM", "Konsep perencanaan kinerja"),
    )
    s3 = Step(
        "Memeriksa konsep; jika setuju diparaf, jika tidak dikembalikan untuk diperbaiki",
        [sekretaris.id],
        StepKind.KEPUTUSAN,
        MutuBaku("KONSEP PERENCANAAN KINEJRA", "30", "Konsep yang sudah diparaf"),
        exits=[DecisionExit("Ya"), DecisionExit("Tidak", s2.id)],
    )
    s4 = Step(
        "Menandatangani dokumen perencanaan kinerja",
        [camat.id, sekretaris.id],
        StepKind.SELESAI,
        MutuBaku("Konsep yang sudah diparaf", "15 menit", "Dokumen yang sudah ditandatangani"),
    )
    return SopDocument(
        nomor="094/MB/2023",
        judul="Monitoring Kinerja",
        tanggal_pembuatan=date(2023, 2, 16),
        tanggal_efektif=date(2023, 2, 16),
        pengesahan=Pengesahan("Camat Martapura Barat", "Drs. H. Ahmad", "19750428 200012 1 003"),
        lanes=[camat, sekretaris, kasubag],
        steps=[s1, s2, s3, s4],
    )


def test_clean_sop_has_no_findings() -> None:
    doc = clean_sop()
    assert check_sop(doc, other_nomors=OTHER_NOMORS) == []
    assert not has_errors([])
    assert summarize([]) == "Tidak ada temuan."


# -- one case per rule: (mutation, code, severity, step numbers) --------------

Mutation = Callable[[SopDocument], object]


def _set_kind(index: int, kind: StepKind) -> Mutation:
    return lambda d: setattr(d.steps[index], "jenis", kind)


def _unreachable(d: SopDocument) -> None:
    d.steps[1].jenis = StepKind.SELESAI  # the flow ends at step 2; 3 and 4 are never reached


def _endless_loop(d: SopDocument) -> None:
    d.steps[2].exits = [DecisionExit("Ya", d.steps[1].id), DecisionExit("Tidak", d.steps[0].id)]
    d.steps[0].jenis = StepKind.MULAI


def _decision_last(d: SopDocument) -> None:
    d.steps[3].jenis = StepKind.KEPUTUSAN
    d.steps[3].exits = [DecisionExit("Ya"), DecisionExit("Tidak", d.steps[1].id)]


def _unknown_lane(d: SopDocument) -> None:
    d.steps[1].pelaksana = ["tidak-ada"]


def _unused_lane(d: SopDocument) -> None:
    d.lanes.append(Lane("Kasi Pemerintahan"))


def _duplicate_lane(d: SopDocument) -> None:
    lane = Lane(" camat ")
    d.lanes.append(lane)
    d.steps[1].pelaksana.append(lane.id)


def _nameless_lane(d: SopDocument) -> None:
    lane = Lane("  ")
    d.lanes.append(lane)
    d.steps[1].pelaksana.append(lane.id)


def _chain_broken(d: SopDocument) -> None:
    d.steps[1].mutu_baku.kelengkapan = "Undangan rapat"


OTHER_NOMORS = ["095/MB/2023", "096/MB/2023"]

CASES: list[tuple[str, Mutation, Severity, list[int | None]]] = [
    ("tanpa-langkah", lambda d: d.steps.clear(), K, [None]),
    ("mulai-pertama", _set_kind(0, StepKind.PROSES), K, [1]),
    ("selesai-terakhir", _set_kind(3, StepKind.PROSES), K, [4]),
    ("mulai-ganda", _set_kind(1, StepKind.MULAI), K, [2]),
    ("uraian-kosong", lambda d: setattr(d.steps[1], "uraian", "  "), K, [2]),
    ("pelaksana-kosong", lambda d: d.steps[2].pelaksana.clear(), K, [3]),
    ("pelaksana-tidak-ada", _unknown_lane, K, [2]),
    ("keputusan-cabang", lambda d: d.steps[2].exits.pop(), K, [3]),
    ("keputusan-tujuan", lambda d: setattr(d.steps[2].exits[1], "target", "hilang"), K, [3]),
    ("keputusan-ke-diri", lambda d: setattr(d.steps[2].exits[1], "target", d.steps[2].id), K, [3]),
    ("keputusan-tujuan-sama", lambda d: setattr(d.steps[2].exits[1], "target", None), P, [3]),
    ("label-cabang-kosong", lambda d: setattr(d.steps[2].exits[0], "label", " "), P, [3]),
    ("label-cabang-sama", lambda d: setattr(d.steps[2].exits[1], "label", "ya"), P, [3]),
    ("cabang-bukan-keputusan", lambda d: d.steps[1].exits.append(DecisionExit("Ya")), P, [2]),
    ("tak-terjangkau", _unreachable, K, [3, 4]),
    ("tanpa-selesai", _endless_loop, P, [3]),
    ("waktu-kosong", lambda d: setattr(d.steps[1].mutu_baku, "waktu", ""), S, [2]),
    ("waktu-tidak-dipahami", lambda d: setattr(d.steps[1].mutu_baku, "waktu", "segera"), P, [2]),
    ("pelaksana-tanpa-langkah", _unused_lane, P, [None]),
    ("pelaksana-ganda", _duplicate_lane, S, [None]),
    ("pelaksana-tanpa-nama", _nameless_lane, K, [None]),
    ("nomor-ganda", lambda d: setattr(d, "nomor", "095 / mb/2023"), K, [None]),
    ("nomor-kosong", lambda d: setattr(d, "nomor", " "), K, [None]),
    ("judul-kosong", lambda d: setattr(d, "judul", ""), K, [None]),
    ("pengesahan-jabatan", lambda d: setattr(d.pengesahan, "jabatan", ""), K, [None]),
    ("pengesahan-nama", lambda d: setattr(d.pengesahan, "nama", ""), K, [None]),
    ("nip-tidak-sah", lambda d: setattr(d.pengesahan, "nip", "19681251986111001"), P, [None]),
    ("nip-kosong", lambda d: setattr(d.pengesahan, "nip", ""), S, [None]),
    ("tanggal-efektif", lambda d: setattr(d, "tanggal_efektif", date(2023, 2, 1)), P, [None]),
    ("tanggal-revisi", lambda d: setattr(d, "tanggal_revisi", date(2022, 12, 31)), P, [None]),
    ("kelengkapan-output", _chain_broken, S, [2]),
]


@pytest.mark.parametrize(("code", "mutate", "severity", "steps"), CASES, ids=[c[0] for c in CASES])
def test_rule(code: str, mutate: Mutation, severity: Severity, steps: list[int | None]) -> None:
    doc = clean_sop()
    mutate(doc)
    found = [f for f in check_sop(doc, other_nomors=OTHER_NOMORS) if f.code == code]
    assert [f.step for f in found] == steps
    assert {f.severity for f in found} == {severity}
    for f in found:
        assert f.message.endswith(".") and "None" not in f.message
        if f.step is not None:
            assert f"langkah {f.step}" in f.message.lower()


def test_every_documented_code_has_a_case_and_the_same_severity() -> None:
    documented = dict(re.findall(r"([a-z]+(?:-[a-z]+)+) \(([KPS])\)", checker.__doc__ or ""))
    tested = {code: sev for code, _m, sev, _s in CASES}
    assert set(documented) == set(tested)
    letter = {K: "K", P: "P", S: "S"}
    assert {c: letter[s] for c, s in tested.items()} == documented


def test_missing_lane_message_names_the_step() -> None:
    doc = clean_sop()
    doc.steps[2].pelaksana.clear()
    assert "Langkah 3 belum memiliki pelaksana." in [f.message for f in check_sop(doc)]


def test_decision_as_last_step_has_no_next_step() -> None:
    doc = clean_sop()
    _decision_last(doc)
    found = [f for f in check_sop(doc) if f.code == "keputusan-tujuan"]
    assert [f.step for f in found] == [4]
    assert "langkah terakhir" in found[0].message


def test_duplicate_nomor_is_compared_loosely() -> None:
    doc = clean_sop()
    doc.nomor = "094 / mb /2023"
    codes = [f.code for f in check_sop(doc, other_nomors=["095/MB/2023", "094/MB/ 2023"])]
    assert codes.count("nomor-ganda") == 1
    assert "nomor-ganda" not in [f.code for f in check_sop(doc, other_nomors=["0941/MB/2023"])]
    assert normalize_nomor(" 096/ MB/ 2023 ") == normalize_nomor("096/MB/2023")


def test_bare_number_waktu_follows_default_unit() -> None:
    doc = clean_sop()  # step 3 says "30"
    assert check_sop(doc) == []
    found = check_sop(doc, default_unit=None)
    assert [(f.code, f.step) for f in found] == [("waktu-tidak-dipahami", 3)]


def test_skip_target_may_take_its_kelengkapan_from_the_decision() -> None:
    doc = clean_sop()
    extra = Step("Menggandakan dokumen", [doc.lanes[2].id], mutu_baku=MutuBaku("X", "1 jam", "Y"))
    doc.steps.insert(3, extra)
    doc.steps[2].exits[0].target = doc.steps[4].id  # Ya skips the new step 4
    doc.steps[2].exits[1].target = doc.steps[3].id
    doc.steps[2].exits[1].label = "Tidak"
    # step 5's kelengkapan comes from step 3 (the decision), not from step 4 above it
    hints = [f.step for f in check_sop(doc) if f.code == "kelengkapan-output"]
    assert hints == [4]


def test_findings_are_sorted_kesalahan_first_then_by_step() -> None:
    doc = clean_sop()
    doc.judul = ""
    doc.steps[3].mutu_baku.waktu = ""
    doc.steps[1].mutu_baku.waktu = "segera"
    doc.steps[2].uraian = ""
    doc.steps[0].pelaksana = []
    found = check_sop(doc)
    keys = [(f.severity.rank, f.step or 0) for f in found]
    assert keys == sorted(keys)
    assert [f.code for f in found] == [
        "judul-kosong",
        "pelaksana-kosong",
        "uraian-kosong",
        "waktu-tidak-dipahami",
        "waktu-kosong",
    ]
    assert has_errors(found)
    assert [f.code for f in errors_of(found)] == [
        "judul-kosong",
        "pelaksana-kosong",
        "uraian-kosong",
    ]
    assert summarize(found) == "3 kesalahan, 1 peringatan, 1 saran"
    assert found[0].as_dict() == {
        "severity": "kesalahan",
        "code": "judul-kosong",
        "message": "Judul SOP belum diisi.",
        "step": None,
    }


def test_only_warnings_is_not_an_error() -> None:
    assert not has_errors([Finding(P, "x", "Pesan."), Finding(S, "y", "Pesan.")])
    assert has_errors([Finding(S, "y", "Pesan."), Finding(K, "x", "Pesan.", 2)])


# -- loose text comparison --------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("kinerja", "kinejra", True),  # swapped letters
        ("perencanaan", "perencanan", True),  # a letter missing
        ("paraf", "diparaf", True),
        ("perencana", "perencanaan", True),
        ("data", "dana", False),  # short words must be equal
        ("renstra", "renja", False),
        ("2021", "2022", False),
    ],
)
def test_words_match(a: str, b: str, expected: bool) -> None:
    assert words_match(a, b) is expected
    assert words_match(b, a) is expected


@pytest.mark.parametrize(
    ("output", "kelengkapan", "expected"),
    [
        ("Konsep Perencanaan Kinerja", "KONSEP PERENCANAAN KINEJRA", True),
        ("Disposisi pada surat masuk", "SURAT MASUK DAN DISPOSISI", True),
        ("Konsep Perencanaan Kinerja yang sudah diparaf", "KONSEP PERENCANAAN KINEJRA", True),
        ("Dokumen data kinerja", "Dokumen", True),
        ("Bahan-bahan rapat", "BAHAN RAPAT", True),
        ("Rapat persiapan monitoring RENSTRA", "RENSTRA Kec. Masama", True),
        ("TANDA TERIMA", "DOKUMEN RENSTRA, RENJA, DPA, PENETAPAN KINERJA, RKT .", False),
        ("Disposisi CAMAT", "Format Dokumen Renstra 2021-2026.", False),
        ("Dokumen Format data", "Laporan data", False),  # only generic words shared
        ("", "Apa saja", True),
    ],
)
def test_related(output: str, kelengkapan: str, expected: bool) -> None:
    assert related(output, kelengkapan) is expected


# -- the seeds' real tables -------------------------------------------------


def _seed_tables(path: Path) -> dict[str, list[MutuBaku]]:
    """The mutu baku of every flowchart table in seed 003, keyed by its NAMA SOP.

    The identity values follow the nomor line: nomor, two dates, jabatan, nama
    SOP. A table row reads: NO, uraian, lanes…, kelengkapan, waktu, output,
    penanggung jawab.
    """
    tables: dict[str, list[MutuBaku]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    title = ""
    for i, line in enumerate(lines):
        if re.match(r"\d{3}\s*/\s*MB\s*/", line):
            title = lines[i + 4].strip()
        cells = line.split("\t")
        if re.fullmatch(r"\d+", cells[0].strip()) and len(cells) >= 8:
            kel, waktu, out = (c.strip() for c in cells[-4:-1])
            tables.setdefault(title, []).append(MutuBaku(kel, waktu, out))
    return tables


def _sop_from_mutu_baku(rows: list[MutuBaku]) -> SopDocument:
    doc = clean_sop()
    lane = doc.lanes[0].id
    doc.steps = [Step(f"Langkah {i}", [lane], mutu_baku=m) for i, m in enumerate(rows, 1)]
    doc.steps[0].jenis, doc.steps[-1].jenis = StepKind.MULAI, StepKind.SELESAI
    return doc


def test_seed_chains_give_few_and_fair_hints(seeds_dir: Path) -> None:
    tables = _seed_tables(seeds_dir / "003_95cd7466e3fbfc04.txt")
    assert set(tables) == {"PENGUMPULAN DATA KINERJA", "MONITORING KINERJA", "MONITORING RENSTRA"}
    hints = {}
    for title, rows in tables.items():
        found = check_sop(_sop_from_mutu_baku(rows))
        assert not [f for f in found if f.code.startswith("waktu")], title
        hints[title] = [f.step for f in found if f.code == "kelengkapan-output"]
    # Monitoring Kinerja: the typo "KINEJRA" (step 6) and "Disposisi pada surat
    # masuk" → "SURAT MASUK DAN DISPOSISI" (step 2) pass; only "Data hasil
    # koordinasi" → "BAHAN-BAHAN PERENCANAAN KINERJA" (step 4) is a real break.
    assert hints["MONITORING KINERJA"] == [4]
    # Pengumpulan: "TANDA TERIMA" → "DOKUMEN RENSTRA, RENJA, …" is unrelated.
    assert hints["PENGUMPULAN DATA KINERJA"] == [2]
    assert len(hints["MONITORING RENSTRA"]) <= 3


# -- robustness ---------------------------------------------------------------

_ids = st.sampled_from(["a", "b", "c", "d", "e", "zz"])


@st.composite
def _random_sop(draw: st.DrawFn) -> SopDocument:
    lanes = [
        Lane(draw(st.sampled_from(["Camat", "camat", "", "Sekcam"])), id=f"L{i}")
        for i in range(draw(st.integers(0, 3)))
    ]
    steps = []
    for sid in draw(st.lists(st.sampled_from("abcde"), unique=True, max_size=5)):
        exits = [
            DecisionExit(draw(st.sampled_from(["Ya", "", "ya"])), draw(st.none() | _ids))
            for _ in range(draw(st.integers(0, 3)))
        ]
        steps.append(
            Step(
                draw(st.sampled_from(["", "Memeriksa"])),
                draw(st.lists(st.sampled_from(["L0", "L1", "L2", "X"]), max_size=2)),
                draw(st.sampled_from(list(StepKind))),
                MutuBaku(
                    draw(st.text(max_size=8)), draw(st.text(max_size=8)), draw(st.text(max_size=8))
                ),
                exits=exits,
                id=sid,
            )
        )
    return SopDocument(nomor=draw(st.text(max_size=5)), lanes=lanes, steps=steps)


@settings(max_examples=150, deadline=None)
@given(doc=_random_sop())
def test_any_document_is_checked_without_crashing(doc: SopDocument) -> None:
    found = check_sop(doc, other_nomors=["1/A", doc.nomor])
    keys = [(f.severity.rank, f.step or 0) for f in found]
    assert keys == sorted(keys)
    for f in found:
        assert f.step is None or 1 <= f.step <= len(doc.steps)
        assert f.message.strip()
