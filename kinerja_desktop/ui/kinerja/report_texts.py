"""The texts a user writes per report (faktor pendorong, tindak lanjut, Pihak
Kedua, Plt./Plh., the signature date …), edited in one dialog and saved by
one service call; the fields of each report kind are listed here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from kinerja_desktop.core.kinerja import laporan

from .perbaikan_dialogs import ServiceDialog

_TTD = ("tanggal_ttd", "Tanggal tanda tangan", False)
_PLT = ("plt", "Plt./Plh. Camat", False)

# (key, label, long text)
FIELDS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    laporan.REKAP: (("catatan", "Catatan", True), _PLT, _TTD),
    laporan.EVALUASI: (
        ("faktor_pendorong", "Faktor pendorong", True),
        ("faktor_penghambat", "Faktor penghambat", True),
        ("tindak_lanjut_triwulan", "Tindak lanjut triwulan berikutnya", True),
        ("tindak_lanjut_renja", "Tindak lanjut Renja berikutnya", True),
        ("varian", "Susunan kolom", False),
        _PLT,
        _TTD,
    ),
    laporan.PK: (
        ("pihak_kedua_nama", "Pihak Kedua: nama", False),
        ("pihak_kedua_jabatan", "Pihak Kedua: jabatan", False),
        ("pihak_kedua_nip", "Pihak Kedua: NIP", False),
        ("pihak_kedua_pangkat", "Pihak Kedua: pangkat", False),
        ("plt_pertama", "Plt./Plh. Pihak Pertama", False),
        ("plt_kedua", "Plt./Plh. Pihak Kedua", False),
        _TTD,
    ),
    laporan.RENSTRA: (
        ("analisis", "Analisis", True),
        ("permasalahan", "Permasalahan", True),
        ("rekomendasi", "Rekomendasi", True),
        _PLT,
        _TTD,
    ),
    laporan.PERBAIKAN: (
        ("nomor", "Nomor dokumen", False),
        ("plt_sekretaris", "Plt./Plh. Sekretaris", False),
        _PLT,
        _TTD,
    ),
}


HINTS = {
    "varian": "permendagri86 (bawaan) atau dengan_capaian_renja",
    "tanggal_ttd": "TTTT-BB-HH; kosong = tanggal pencetakan pertama",
    "plt": "Plt. atau Plh.; kosong bila definitif",
    "plt_pertama": "Plt. atau Plh.; kosong bila definitif",
    "plt_kedua": "Plt. atau Plh.; kosong bila definitif",
    "plt_sekretaris": "Plt. atau Plh.; kosong bila definitif",
}


class TextsDialog(ServiceDialog):
    """The report's texts; OK saves the changed ones (`save(values)`)."""

    def __init__(
        self,
        jenis: str,
        key: str,
        texts: Mapping[str, str],
        save: Callable[[dict[str, str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Teks {laporan.JUDUL[jenis]} {key}", parent)
        self._save = save
        self.setMinimumWidth(640)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label, long in FIELDS[jenis]:
            if long:
                field: QLineEdit | QPlainTextEdit = QPlainTextEdit(texts.get(name, ""), self)
                field.setFixedHeight(60)
            else:
                field = QLineEdit(texts.get(name, ""), self)
            field.setObjectName(f"teks_{name}")
            if name in HINTS:
                field.setPlaceholderText(HINTS[name])
            self.fields[name] = field
            self.form.addRow(f"{label}:", field)

    def values(self) -> dict[str, str]:
        return {
            k: f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text()
            for k, f in self.fields.items()
        }

    def apply(self) -> bool:
        self._save(self.values())
        return True
