"""The Lembar Kerja Identifikasi Kegiatan is derived from the SOP's own steps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_desktop.core.sop import Lane, LembarKerjaInfo, Pengesahan, SopDocument, Step
from kinerja_desktop.core.sop.lembar_kerja import (
    AKHIR,
    AWAL,
    SUMMARY_ITEMS,
    UTAMA,
    derive_lembar_kerja,
    gist,
)


def _doc(uraian: list[str], **kw) -> SopDocument:
    lane = Lane("Kasubag")
    return SopDocument(
        judul="Mekanisme Perbaikan Data Kinerja",
        steps=[Step(u, [lane.id]) for u in uraian],
        lanes=[lane],
        **kw,
    )


def test_seed_001_shape() -> None:
    """Seed 001: ten steps → Awal = 1, Utama = 2..9, Akhir = 10; data A as given."""
    uraian = [f"Langkah nomor {i}" for i in range(1, 11)]
    info = LembarKerjaInfo(
        jenis_kegiatan="Rutin",
        penanggung_jawab_produk="Kepala Bappeda dan Litbang",
        penanggung_jawab_kegiatan="Kasubbid Data Bappeda dan Litbang",
        ruang_lingkup="Bappeda dan Litbang Kab. Banggai",
    )
    lk = derive_lembar_kerja(_doc(uraian, lembar_kerja=info), "KECAMATAN MASAMA")
    assert lk.judul_sop == lk.judul_kegiatan == "Mekanisme Perbaikan Data Kinerja"
    assert lk.jenis_kegiatan == "Rutin"
    assert lk.penanggung_jawab_produk == "Kepala Bappeda dan Litbang"
    assert lk.penanggung_jawab_kegiatan == "Kasubbid Data Bappeda dan Litbang"
    assert lk.ruang_lingkup == "Bappeda dan Litbang Kab. Banggai"
    assert lk.langkah_awal is not None and lk.langkah_awal.nomor == 1
    assert lk.langkah_awal.uraian == "Langkah nomor 1"
    assert [s.nomor for s in lk.langkah_utama] == list(range(2, 10))
    assert lk.langkah_akhir is not None and lk.langkah_akhir.uraian == "Langkah nomor 10"
    assert [g.nama for g in lk.kelompok] == [AWAL, UTAMA, AKHIR]


def test_empty_fields_fall_back_to_the_sop() -> None:
    doc = _doc(
        ["a", "b"],
        pengesahan=Pengesahan(jabatan="Camat Masama"),
        unit="Sub Bagian Perencanaan",
        lembar_kerja=LembarKerjaInfo(jenis_kegiatan="  "),
    )
    lk = derive_lembar_kerja(doc, "Kecamatan Masama")
    assert lk.jenis_kegiatan == "Rutin"
    assert lk.penanggung_jawab_produk == "Camat Masama"
    assert lk.penanggung_jawab_kegiatan == "Sub Bagian Perencanaan"
    assert lk.ruang_lingkup == "Kecamatan Masama"


def test_short_sops() -> None:
    none = derive_lembar_kerja(_doc([]))
    assert none.langkah_awal is None and none.langkah_akhir is None and none.kelompok == ()
    one = derive_lembar_kerja(_doc(["hanya satu"]))
    assert one.langkah_awal is not None and one.langkah_akhir is None
    assert [g.nama for g in one.kelompok] == [AWAL]
    two = derive_lembar_kerja(_doc(["awal", "akhir"]))
    assert two.langkah_utama == ()
    assert [g.nama for g in two.kelompok] == [AWAL, AKHIR]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), max_size=30))
def test_every_step_appears_once_in_order(uraian: list[str]) -> None:
    lk = derive_lembar_kerja(_doc(uraian))
    listed = [s for g in lk.kelompok for s in g.langkah]
    assert [s.nomor for s in listed] == list(range(1, len(uraian) + 1))
    assert [s.uraian for s in listed] == [u.strip() for u in uraian]


def test_part_b_summarises_the_main_steps_instead_of_copying_them() -> None:
    uraian = ["Mulai", *(f"Memeriksa berkas nomor {i}, lalu mencatatnya" for i in range(2, 12))]
    uraian.append("Selesai")
    lk = derive_lembar_kerja(_doc(uraian))
    summary = lk.ringkas_utama
    assert summary.startswith("Langkah 2–11: Memeriksa berkas nomor 2, Memeriksa berkas nomor 3")
    assert "lalu mencatatnya" not in summary  # the gist: up to the first clause
    assert summary.endswith(f"dan {10 - SUMMARY_ITEMS} langkah lain (lihat bagian C)")
    assert summary.count("Memeriksa") == SUMMARY_ITEMS


def test_part_b_with_few_main_steps_names_them_all() -> None:
    lk = derive_lembar_kerja(_doc(["a", "Menyusun laporan", "Menyampaikan kepada Camat", "z"]))
    assert lk.ringkas_utama == "Langkah 2–3: Menyusun laporan dan Menyampaikan"
    assert derive_lembar_kerja(_doc(["a", "b"])).ringkas_utama == "-"
    assert (
        gist("Menyusun laporan data kinerja triwulanan per tim")
        == "Menyusun laporan data kinerja triwulanan per …"
    )
