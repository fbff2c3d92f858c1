"""SOP documents to and from plain JSON-ready dicts.

Used by the store (one JSON document per revision), the demo library under
`resources/demo/`, the CLI's `--json` output and the content hash printed in
the QR code of every sheet. The dict layout is versioned by `FORMAT`; readers
accept every older format they know. Format 2 adds `mutu_baku_heads` (the
office's own Mutu Baku column heads); a document with the usual heads is
still written as format 1, so its content hash and older readers are unchanged.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from ..errors import ValidationError
from .document import (
    LIST_FIELDS,
    DecisionExit,
    Lane,
    LembarKerjaInfo,
    MutuBaku,
    MutuBakuHeads,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
)

FORMAT = 2
HEADS_KEYS = ("kelengkapan", "waktu", "output")


def _date_out(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date_in(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError(f"Tanggal tidak dikenali: {value!r}") from exc


def step_to_dict(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": step.id,
        "uraian": step.uraian,
        "jenis": step.jenis.value,
        "pelaksana": list(step.pelaksana),
        "kelengkapan": step.mutu_baku.kelengkapan,
        "waktu": step.mutu_baku.waktu,
        "output": step.mutu_baku.output,
        "keterangan": step.keterangan,
    }
    if step.exits:
        out["exits"] = [{"label": e.label, "target": e.target} for e in step.exits]
    if step.pelaksana_ditebak:
        out["pelaksana_ditebak"] = True
    return out


def step_from_dict(data: dict[str, Any]) -> Step:
    try:
        jenis = StepKind(data.get("jenis", "proses"))
    except ValueError as exc:
        raise ValidationError(f"Jenis langkah tidak dikenal: {data.get('jenis')!r}") from exc
    step = Step(
        uraian=str(data.get("uraian", "")),
        pelaksana=[str(x) for x in data.get("pelaksana", [])],
        jenis=jenis,
        mutu_baku=MutuBaku(
            kelengkapan=str(data.get("kelengkapan", "")),
            waktu=str(data.get("waktu", "")),
            output=str(data.get("output", "")),
        ),
        keterangan=str(data.get("keterangan", "")),
        exits=[
            DecisionExit(label=str(e.get("label", "")), target=e.get("target"))
            for e in data.get("exits", [])
        ],
        pelaksana_ditebak=bool(data.get("pelaksana_ditebak", False)),
    )
    if data.get("id"):
        step.id = str(data["id"])
    return step


def to_dict(doc: SopDocument) -> dict[str, Any]:
    """The whole document as a JSON-ready dict (stable key order)."""
    out: dict[str, Any] = {
        "format": 1 if doc.mutu_baku_heads.usual else FORMAT,
        "nomor": doc.nomor,
        "judul": doc.judul,
        "status": doc.status.value,
        "revisi_ke": doc.revisi_ke,
        "unit": doc.unit,
        "kop": list(doc.kop),
        "tanggal_pembuatan": _date_out(doc.tanggal_pembuatan),
        "tanggal_revisi": _date_out(doc.tanggal_revisi),
        "tanggal_efektif": _date_out(doc.tanggal_efektif),
        "pengesahan": {
            "jabatan": doc.pengesahan.jabatan,
            "nama": doc.pengesahan.nama,
            "nip": doc.pengesahan.nip,
            "pangkat": doc.pengesahan.pangkat,
        },
    }
    for attr, _heading in LIST_FIELDS:
        out[attr] = list(getattr(doc, attr))
    out["lanes"] = [{"id": lane.id, "nama": lane.nama} for lane in doc.lanes]
    out["steps"] = [step_to_dict(s) for s in doc.steps]
    lk = doc.lembar_kerja
    out["lembar_kerja"] = {
        "jenis_kegiatan": lk.jenis_kegiatan,
        "penanggung_jawab_produk": lk.penanggung_jawab_produk,
        "penanggung_jawab_kegiatan": lk.penanggung_jawab_kegiatan,
        "ruang_lingkup": lk.ruang_lingkup,
        "cetak": lk.cetak,
    }
    if not doc.mutu_baku_heads.usual:
        heads = doc.mutu_baku_heads
        out["mutu_baku_heads"] = {k: getattr(heads, k) for k in HEADS_KEYS}
    return out


def from_dict(data: dict[str, Any]) -> SopDocument:
    """Rebuild a document; ValidationError with an Indonesian message on bad data."""
    if not isinstance(data, dict):
        raise ValidationError("Data SOP tidak berbentuk objek.")
    fmt = int(data.get("format", 1))
    if fmt > FORMAT:
        raise ValidationError(
            "Data SOP ini dibuat oleh versi Kinerja Desktop yang lebih baru; "
            "perbarui aplikasi untuk membukanya."
        )
    try:
        status = SopStatus(data.get("status", "draf"))
    except ValueError as exc:
        raise ValidationError(f"Status SOP tidak dikenal: {data.get('status')!r}") from exc
    p = data.get("pengesahan") or {}
    lk = data.get("lembar_kerja") or {}
    doc = SopDocument(
        nomor=str(data.get("nomor", "")),
        judul=str(data.get("judul", "")),
        status=status,
        revisi_ke=int(data.get("revisi_ke", 0) or 0),
        unit=str(data.get("unit", "")),
        kop=[str(x) for x in data.get("kop", [])],
        tanggal_pembuatan=_date_in(data.get("tanggal_pembuatan")),
        tanggal_revisi=_date_in(data.get("tanggal_revisi")),
        tanggal_efektif=_date_in(data.get("tanggal_efektif")),
        pengesahan=Pengesahan(
            jabatan=str(p.get("jabatan", "")),
            nama=str(p.get("nama", "")),
            nip=str(p.get("nip", "")),
            pangkat=str(p.get("pangkat", "")),
        ),
        lanes=[Lane(nama=str(x.get("nama", "")), id=str(x["id"])) for x in data.get("lanes", [])],
        steps=[step_from_dict(s) for s in data.get("steps", [])],
        lembar_kerja=LembarKerjaInfo(
            jenis_kegiatan=str(lk.get("jenis_kegiatan", "Rutin")),
            penanggung_jawab_produk=str(lk.get("penanggung_jawab_produk", "")),
            penanggung_jawab_kegiatan=str(lk.get("penanggung_jawab_kegiatan", "")),
            ruang_lingkup=str(lk.get("ruang_lingkup", "")),
            cetak=bool(lk.get("cetak", False)),
        ),
    )
    for attr, _heading in LIST_FIELDS:
        setattr(doc, attr, [str(x) for x in data.get(attr, [])])
    heads = data.get("mutu_baku_heads") or {}
    if isinstance(heads, dict):
        usual = MutuBakuHeads()
        doc.mutu_baku_heads = MutuBakuHeads(
            **{k: str(heads.get(k) or getattr(usual, k)) for k in HEADS_KEYS}
        )
    return doc


def dumps(doc: SopDocument, *, indent: int | None = None) -> str:
    """JSON text of a document (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def loads(text: str) -> SopDocument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError("Data SOP rusak (bukan JSON yang sah).", str(exc)) from exc
    return from_dict(data)


def content_hash(doc: SopDocument) -> str:
    """SHA-256 (hex) of what the sheets print: the same content, the same hash.

    Ids, status and the importer's "guessed" marks are left out, so the hash
    names the printed content, not how the record is kept.
    """
    data = to_dict(doc)
    lane_pos = {lane["id"]: i for i, lane in enumerate(data["lanes"])}
    step_pos = {step["id"]: i for i, step in enumerate(data["steps"])}
    data.pop("status", None)
    data["lanes"] = [lane["nama"] for lane in data["lanes"]]
    for step in data["steps"]:
        step.pop("id", None)
        step.pop("pelaksana_ditebak", None)
        step["pelaksana"] = sorted(lane_pos.get(x, -1) for x in step["pelaksana"])
        for ex in step.get("exits", []):
            ex["target"] = step_pos.get(ex["target"]) if ex["target"] is not None else None
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # surrogatepass: a lone surrogate (not text, but a str may hold one) still hashes;
    # every other text encodes exactly as before, so stored hashes stay valid.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def short_hash(doc: SopDocument, length: int = 10) -> str:
    """The first `length` hex digits of `content_hash`, as printed in the QR code."""
    return content_hash(doc)[:length]
