"""SOP documents survive the trip to JSON and back; the content hash is stable."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.sop import (
    DecisionExit,
    Lane,
    MutuBaku,
    MutuBakuHeads,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    serialize,
)


def _sample() -> SopDocument:
    camat, kasubag = Lane("Camat"), Lane("Kasubag Perencanaan")
    s1 = Step(
        "Memerintahkan pengumpulan data",
        [camat.id],
        StepKind.MULAI,
        MutuBaku("Lembar disposisi", "10 MENIT", "Disposisi"),
    )
    s2 = Step("Menyusun format", [kasubag.id], mutu_baku=MutuBaku("Disposisi", "4 JAM", "Format"))
    s3 = Step(
        "Memeriksa format",
        [camat.id],
        StepKind.KEPUTUSAN,
        exits=[DecisionExit("Ya"), DecisionExit("Tidak", s2.id)],
    )
    s4 = Step("Selesai", [camat.id, kasubag.id], StepKind.SELESAI, keterangan="bersama")
    return SopDocument(
        nomor="096/MB/2023",
        judul="Pengumpulan Data Kinerja",
        status=SopStatus.BERLAKU,
        tanggal_pembuatan=date(2023, 2, 16),
        tanggal_efektif=date(2023, 2, 16),
        pengesahan=Pengesahan("Camat Masama", "Drs. Ahmad", "196801271986111001", "Pembina, IV/a"),
        dasar_hukum=["PP No. 60 Tahun 2008"],
        identifikasi_risiko=["Data terlambat"],
        kop=["PEMERINTAH KABUPATEN BANJAR", "KECAMATAN MARTAPURA BARAT"],
        lanes=[camat, kasubag],
        steps=[s1, s2, s3, s4],
    )


def test_round_trip_is_lossless() -> None:
    doc = _sample()
    again = serialize.loads(serialize.dumps(doc))
    assert again == doc
    assert serialize.content_hash(again) == serialize.content_hash(doc)


def test_hash_ignores_ids_and_status_but_not_content() -> None:
    doc = _sample()
    other = serialize.loads(serialize.dumps(doc))
    for lane in other.lanes:
        old = lane.id
        lane.id = "x" + old
        for step in other.steps:
            step.pelaksana = ["x" + p if p == old else p for p in step.pelaksana]
    other.status = SopStatus.DICABUT
    assert serialize.content_hash(other) == serialize.content_hash(doc)
    other.steps[1].mutu_baku.waktu = "5 JAM"
    assert serialize.content_hash(other) != serialize.content_hash(doc)


def test_newer_format_is_refused_in_indonesian() -> None:
    data = serialize.to_dict(_sample())
    data["format"] = serialize.FORMAT + 1
    with pytest.raises(ValidationError, match="versi Kinerja Desktop yang lebih baru"):
        serialize.from_dict(data)


def test_successors_follow_decisions() -> None:
    doc = _sample()
    assert doc.successors(0) == [(1, None)]
    assert doc.successors(2) == [(3, "Ya"), (1, "Tidak")]
    assert doc.successors(3) == []


def test_mutu_baku_heads_round_trip_and_only_then_format_2() -> None:
    doc = _sample()
    before = serialize.content_hash(doc)
    assert serialize.to_dict(doc)["format"] == 1 and "mutu_baku_heads" not in serialize.to_dict(doc)
    doc.mutu_baku_heads = MutuBakuHeads("Sumber Data", "Waktu", "Output")
    data = serialize.to_dict(doc)
    assert data["format"] == 2
    assert data["mutu_baku_heads"] == {
        "kelengkapan": "Sumber Data",
        "waktu": "Waktu",
        "output": "Output",
    }
    again = serialize.from_dict(data)
    assert again.mutu_baku_heads.titles() == ("Sumber Data", "Waktu", "Output")
    assert serialize.content_hash(again) != before
    old = serialize.to_dict(_sample())  # a format 1 document reads with the usual heads
    assert serialize.from_dict(old).mutu_baku_heads.usual
