"""The `--json` shapes of the part-2 `kinerja` commands (documented in README.md).

Numbers are numbers, "not filled in / not computed" is null, keys are
Indonesian like the rest of the command line.
"""

from __future__ import annotations

from typing import Any


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def validation_json(result: Any, board: list) -> dict[str, Any]:
    return {
        "periode": result.periode,
        "unit_id": result.unit_id,
        "unit": result.unit,
        "divalidasi": result.jumlah,
        "validasi_id": result.validasi_id,
        "oleh": result.oleh,
        "pada": _iso(result.at),
        "papan": [
            {
                "unit_id": b.unit_id,
                "unit": b.unit,
                "jumlah": b.jumlah,
                "valid": b.valid,
                "belum": b.belum,
                "kosong": b.kosong,
            }
            for b in board
        ],
    }


def _nilai(n: Any) -> dict[str, Any]:
    return {"nilai": n.nilai, "teks": n.teks or None}


def perbaikan_json(p: Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "periode": p.periode,
        "unit_id": p.unit_id,
        "unit": p.unit,
        "indikator_id": p.indicator_id,
        "kode": p.kode,
        "indikator": p.indikator,
        "lama": _nilai(p.lama),
        "baru": _nilai(p.baru),
        "alasan": p.alasan,
        "bukti": p.bukti,
        "status": p.status.value,
        "nilai_id": p.value_id,
        "hasil_nilai_id": p.hasil_value_id,
        "sumber_lama": {
            "berkas": p.sumber.file_name,
            "lembar": p.sumber.sheet or None,
            "sel": p.sumber.cell or None,
            "hash": p.sumber.file_hash or None,
            "jenis": p.sumber.jenis,
        },
        "langkah": [
            {
                "status": s.status.value,
                "pejabat": s.pejabat,
                "jabatan": s.jabatan,
                "oleh": s.oleh,
                "pada": _iso(s.at),
                "catatan": s.catatan,
            }
            for s in p.langkah
        ],
    }


def rekap_json(r: Any) -> dict[str, Any]:
    return {
        "periode": r.periode,
        "label": r.periode_label,
        "predikat_batas": r.predikat.scale().describe(),
        "indikator": [
            {
                "kode": b.kode,
                "nama": b.indikator,
                "unit": b.unit,
                "satuan": b.satuan,
                "target": {
                    "nilai": b.target,
                    "teks": b.target_teks or None,
                    "sumber": b.target_sumber,
                },
                "realisasi": {
                    "nilai": b.realisasi,
                    "teks": b.realisasi_teks or None,
                    "periode_terisi": list(b.terisi),
                    "periode_kosong": list(b.kosong),
                },
                "capaian": b.capaian,
                "predikat": b.predikat or None,
                "rumus": b.rumus,
                "aturan": b.aturan.rule().describe(),
                "catatan": b.catatan,
            }
            for b in r.baris
        ],
        "ringkasan": [
            {
                "tingkat": g.tingkat,
                "kode": g.kode,
                "nama": g.nama,
                "jumlah": g.jumlah,
                "dihitung": g.dihitung,
                "rata_rata": g.rata_rata,
                "predikat": g.predikat or None,
            }
            for g in r.ringkas
        ],
    }


def version_json(v: Any) -> dict[str, Any]:
    return {
        "id": v.id,
        "jenis": v.jenis,
        "periode": v.periode,
        "versi": v.versi,
        "judul": v.judul,
        "kode_data": v.data_hash,
        "dibekukan": _iso(v.dibuat_at),
        "oleh": v.oleh,
    }


def print_json_of(result: Any) -> dict[str, Any]:
    return {
        "laporan": result.jenis,
        "periode": result.periode,
        "berkas": str(result.path),
        "format": result.format,
        "versi": result.version.versi if result.version else None,
        "versi_id": result.version.id if result.version else None,
        "versi_baru": result.baru,
        "kode_data": result.version.data_hash if result.version else None,
    }
