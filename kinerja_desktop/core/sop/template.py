"""Starting points for a new SOP: blank, the built-in template, a duplicate.

* `blank_document` — nothing but today's Tanggal Pembuatan and the signer;
* `template_document` — what nearly every SOP AP of a Kecamatan carries: the
  usual Dasar Hukum, the usual Peralatan and Pencatatan lines, and the
  Mulai → … → Selesai skeleton of a disposition handed down and reported
  back up, in the usual Pelaksana columns, so the checker finds only what the
  user still has to write (nomor, judul);
* `duplicate_document` — an existing SOP as the start of another one: the
  same content with new ids, no nomor, a judul marked "(salinan)", a draft
  of revision 0 made today;
* `signer_of` / `default_signer` — the Pengesahan of a member of staff, and
  the Camat among the staff.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..office import Staff
from . import serialize
from .document import (
    DecisionExit,
    Lane,
    MutuBaku,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    new_id,
)

COPY_SUFFIX = " (salinan)"

TEMPLATE_DASAR_HUKUM = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 "
    "Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi "
    "Pemerintahan",
)
TEMPLATE_PERALATAN = ("Komputer/laptop", "Printer", "Alat tulis kantor")
TEMPLATE_PENCATATAN = ("Disimpan sebagai arsip elektronik dan arsip manual",)
TEMPLATE_LANES = ("Camat", "Sekretaris Camat", "Kepala Sub Bagian/Seksi", "Pelaksana")
# (kind, lane position, uraian, kelengkapan, waktu, output)
TEMPLATE_STEPS: tuple[tuple[StepKind, int, str, str, str, str], ...] = (
    (StepKind.MULAI, 0, "Memberikan disposisi", "Surat/nota dinas", "15 menit", "Disposisi"),
    (StepKind.PROSES, 1, "Meneruskan disposisi", "Disposisi", "15 menit", "Disposisi"),
    (StepKind.PROSES, 2, "Menyiapkan bahan dan membagi tugas", "Disposisi", "1 jam", "Bahan"),
    (StepKind.PROSES, 3, "Melaksanakan kegiatan", "Bahan", "1 hari", "Hasil kegiatan"),
    (StepKind.PROSES, 2, "Memeriksa hasil kegiatan", "Hasil kegiatan", "1 jam", "Laporan"),
    (StepKind.SELESAI, 0, "Menerima laporan", "Laporan", "15 menit", "Laporan diterima"),
)


def signer_of(member: Staff) -> Pengesahan:
    """The Pengesahan block for a member of staff (the jabatan as printed: capitals)."""
    return Pengesahan(
        jabatan=member.jabatan.strip().upper(),
        nama=member.nama.strip(),
        nip=member.nip.strip(),
        pangkat=member.pangkat.strip(),
    )


def default_signer(staff: Iterable[Staff]) -> Pengesahan:
    """The Camat's Pengesahan (the active member whose jabatan starts with
    "Camat"); an empty one when there is none."""
    for member in staff:
        if member.aktif and member.jabatan.strip().casefold().startswith("camat"):
            return signer_of(member)
    return Pengesahan()


def blank_document(today: date, signer: Pengesahan | None = None) -> SopDocument:
    """A new, empty draft made today."""
    return SopDocument(
        tanggal_pembuatan=today,
        pengesahan=signer or Pengesahan(),
        status=SopStatus.DRAF,
    )


def template_document(today: date, signer: Pengesahan | None = None) -> SopDocument:
    """A new draft from the built-in template (see the module docstring)."""
    doc = blank_document(today, signer)
    doc.dasar_hukum = list(TEMPLATE_DASAR_HUKUM)
    doc.peralatan_perlengkapan = list(TEMPLATE_PERALATAN)
    doc.pencatatan_pendataan = list(TEMPLATE_PENCATATAN)
    doc.lanes = [Lane(name) for name in TEMPLATE_LANES]
    doc.steps = [
        Step(uraian, [doc.lanes[lane].id], kind, MutuBaku(kelengkapan, waktu, output))
        for kind, lane, uraian, kelengkapan, waktu, output in TEMPLATE_STEPS
    ]
    return doc


def duplicate_document(source: SopDocument, today: date) -> SopDocument:
    """`source` as the start of another SOP (see the module docstring)."""
    doc = serialize.from_dict(serialize.to_dict(source))
    lane_ids = {lane.id: new_id() for lane in doc.lanes}
    step_ids = {step.id: new_id() for step in doc.steps}
    for lane in doc.lanes:
        lane.id = lane_ids[lane.id]
    for step in doc.steps:
        step.id = step_ids[step.id]
        step.pelaksana = [lane_ids.get(x, x) for x in step.pelaksana]
        step.exits = [
            DecisionExit(ex.label, step_ids.get(ex.target, ex.target) if ex.target else None)
            for ex in step.exits
        ]
    doc.nomor = ""
    if doc.judul.strip() and not doc.judul.endswith(COPY_SUFFIX):
        doc.judul = doc.judul.rstrip() + COPY_SUFFIX
    doc.status = SopStatus.DRAF
    doc.revisi_ke = 0
    doc.tanggal_pembuatan = today
    doc.tanggal_revisi = None
    doc.tanggal_efektif = None
    return doc
