"""The Lembar Kerja Identifikasi Kegiatan, derived from an SOP.

The work sheet that accompanies an SOP AP (see seed 001) repeats what the SOP
already says in another shape:

* A. Data Kegiatan — judul, jenis kegiatan, penanggung jawab (produk and
  kegiatan) and scope (ruang lingkup);
* B. Identifikasi Kegiatan — the summary: the judul, the first step, the main
  steps in a few words each (`ringkas_utama`: not a second copy of part C),
  and the last step;
* C. Identifikasi Langkah — every numbered step, grouped Awal / Utama / Akhir.

Only A needs data the steps cannot give; it comes from `doc.lembar_kerja`, and
empty fields fall back to the SOP's own facts (the signer's jabatan for the
product, the owning unit for the activity, the office for the scope).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import SopDocument

AWAL = "Langkah Awal"
UTAMA = "Langkah Utama"
AKHIR = "Langkah Akhir"
SUMMARY_ITEMS = 5  # main steps named in part B; more are counted, not named
SUMMARY_WORDS = 6  # words of a main step kept in part B
_CUTS = re.compile(r"[,;:.(]| yang | untuk | dengan | kepada | sebagai | agar | sesuai ")


@dataclass(frozen=True)
class Langkah:
    """One numbered step as printed: its number (1-based) and uraian."""

    nomor: int
    uraian: str


@dataclass(frozen=True)
class KelompokLangkah:
    """A group of part C: "Langkah Awal", "Langkah Utama" or "Langkah Akhir"."""

    nama: str
    langkah: tuple[Langkah, ...]


@dataclass(frozen=True)
class LembarKerja:
    """Everything the Lembar Kerja prints, already derived and defaulted."""

    judul_sop: str
    jenis_kegiatan: str
    penanggung_jawab_produk: str
    penanggung_jawab_kegiatan: str
    ruang_lingkup: str
    langkah_awal: Langkah | None
    langkah_utama: tuple[Langkah, ...]
    langkah_akhir: Langkah | None

    @property
    def judul_kegiatan(self) -> str:
        """Part B's "Judul Kegiatan" is the SOP's judul."""
        return self.judul_sop

    @property
    def ringkas_utama(self) -> str:
        """Part B's Langkah Utama: the main steps' numbers and the gist of each
        (its first words, up to the first clause), the first few named."""
        return summarize(self.langkah_utama)

    @property
    def kelompok(self) -> tuple[KelompokLangkah, ...]:
        """Part C: the non-empty groups in order Awal, Utama, Akhir."""
        groups = (
            (AWAL, (self.langkah_awal,) if self.langkah_awal else ()),
            (UTAMA, self.langkah_utama),
            (AKHIR, (self.langkah_akhir,) if self.langkah_akhir else ()),
        )
        return tuple(KelompokLangkah(nama, items) for nama, items in groups if items)


def derive_lembar_kerja(doc: SopDocument, ruang_lingkup_bawaan: str = "") -> LembarKerja:
    """The Lembar Kerja of `doc`.

    `ruang_lingkup_bawaan` is the scope used when the SOP names none (usually
    the office's name). With one step there is only a Langkah Awal; with two,
    an Awal and an Akhir and no Utama.
    """
    info = doc.lembar_kerja
    steps = [Langkah(i + 1, s.uraian.strip()) for i, s in enumerate(doc.steps)]
    awal = steps[0] if steps else None
    akhir = steps[-1] if len(steps) > 1 else None
    utama = tuple(steps[1:-1])
    return LembarKerja(
        judul_sop=doc.judul.strip(),
        jenis_kegiatan=info.jenis_kegiatan.strip() or "Rutin",
        penanggung_jawab_produk=(
            info.penanggung_jawab_produk.strip() or doc.pengesahan.jabatan.strip()
        ),
        penanggung_jawab_kegiatan=info.penanggung_jawab_kegiatan.strip() or doc.unit.strip(),
        ruang_lingkup=info.ruang_lingkup.strip() or ruang_lingkup_bawaan.strip(),
        langkah_awal=awal,
        langkah_utama=utama,
        langkah_akhir=akhir,
    )


def gist(uraian: str) -> str:
    """The first words of a step, up to its first clause ("Memeriksa berkas")."""
    text = " ".join(uraian.split())
    head = _CUTS.split(f" {text} ", maxsplit=1)[0].strip() or text
    words = head.split()
    return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")


def summarize(steps: tuple[Langkah, ...]) -> str:
    """ "Langkah 2–7: memeriksa berkas, memverifikasi data, …" ("-" for none)."""
    if not steps:
        return "-"
    span = (
        f"Langkah {steps[0].nomor}"
        if len(steps) == 1
        else (f"Langkah {steps[0].nomor}–{steps[-1].nomor}")
    )
    named = [gist(s.uraian) for s in steps[:SUMMARY_ITEMS] if s.uraian.strip()]
    rest = len(steps) - min(len(steps), SUMMARY_ITEMS)
    if rest:
        named.append(f"dan {rest} langkah lain (lihat bagian C)")
    elif len(named) == 2:
        named = [f"{named[0]} dan {named[1]}"]
    elif len(named) > 2:
        named[-1] = f"dan {named[-1]}"
    return f"{span}: " + ", ".join(named) if named else span
