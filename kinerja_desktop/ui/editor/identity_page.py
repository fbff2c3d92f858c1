"""The Identitas page of the editor: identity fields, signer, the numbered lists, Lembar Kerja.

The form is `forms/editor_identity.ui`. Each field writes its value into the
document as the user types (one merging command per field while typing, so
Ctrl+Z takes back a whole word, not a letter); Ctrl+Z / Ctrl+Y in a field go to
the document's undo stack, not the field's own. The signer can be picked from
the office's staff (jabatan, nama, pangkat, NIP filled at once) or typed. When
the document changes (undo, redo) the fields follow it.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.nip import format_nip, nip_problems
from kinerja_desktop.core.office import Staff, Unit
from kinerja_desktop.core.sop import LIST_FIELDS, Pengesahan, SopDocument
from kinerja_desktop.core.sop import edits as ed
from kinerja_desktop.core.sop import edits_identity as ei
from kinerja_desktop.ui.common.forms import child, load_form

from .document import EditorDocument
from .list_editor import ListEditor

FORM = "editor_identity"
TEXT_FIELDS = {
    "nomorEdit": ("nomor", "nomor SOP"),
    "judulEdit": ("judul", "judul SOP"),
    "jabatanEdit": ("pengesahan.jabatan", "jabatan pengesah"),
    "namaEdit": ("pengesahan.nama", "nama pengesah"),
    "pangkatEdit": ("pengesahan.pangkat", "pangkat pengesah"),
    "nipEdit": ("pengesahan.nip", "NIP pengesah"),
    "pjProdukEdit": ("lembar_kerja.penanggung_jawab_produk", "penanggung jawab produk"),
    "pjKegiatanEdit": ("lembar_kerja.penanggung_jawab_kegiatan", "penanggung jawab kegiatan"),
    "ruangLingkupEdit": ("lembar_kerja.ruang_lingkup", "ruang lingkup"),
    "mutuKelengkapanEdit": ("mutu_baku_heads.kelengkapan", "judul kolom kelengkapan"),
    "mutuWaktuEdit": ("mutu_baku_heads.waktu", "judul kolom waktu"),
    "mutuOutputEdit": ("mutu_baku_heads.output", "judul kolom output"),
}
COMBO_FIELDS = {
    "unitCombo": ("unit", "unit"),
    "jenisKegiatanCombo": ("lembar_kerja.jenis_kegiatan", "jenis kegiatan"),
}
DATE_FIELDS = {
    "pembuatan": ("tanggal_pembuatan", "tanggal pembuatan"),
    "revisi": ("tanggal_revisi", "tanggal revisi"),
    "efektif": ("tanggal_efektif", "tanggal efektif"),
}
REQUIRED: dict[str, type[QWidget]] = {
    **dict.fromkeys(TEXT_FIELDS, QLineEdit),
    **dict.fromkeys(COMBO_FIELDS, QComboBox),
    **{f"{p}Date": QDateEdit for p in DATE_FIELDS},
    **{f"{p}Clear": QToolButton for p in DATE_FIELDS},
    **{f"list_{attr}": QGroupBox for attr, _h in LIST_FIELDS},
    "staffCombo": QComboBox,
    "statusLabel": QLabel,
    "nipHint": QLabel,
    "cetakLkCheck": QCheckBox,
    "scroll": QScrollArea,
}
# Where the checker's identity findings send the user.
FINDING_FIELDS = {
    "nomor-kosong": "nomorEdit",
    "nomor-ganda": "nomorEdit",
    "judul-kosong": "judulEdit",
    "pengesahan-jabatan": "jabatanEdit",
    "pengesahan-nama": "namaEdit",
    "nip-tidak-sah": "nipEdit",
    "nip-kosong": "nipEdit",
    "tanggal-efektif": "efektifDate",
    "tanggal-revisi": "revisiDate",
}
NO_DATE = QDate(1900, 1, 1)
_tokens = itertools.count(1)


class UndoToDocument(QObject):
    """Lets Ctrl+Z / Ctrl+Y in a text field reach the window's Urungkan / Ulangi."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(k) for k in keys):
                return True  # not accepted by the field: the window's shortcut runs
        return False


class IdentityPage(QWidget):
    """Identity, signer, lists and Lembar Kerja of the edited document."""

    def __init__(
        self, editor: EditorDocument, staff: tuple[Staff, ...], units: tuple[Unit, ...], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("identityPage")
        self.editor = editor
        self.staff = staff
        self.form = load_form(FORM, REQUIRED, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self._undo_filter = UndoToDocument(self)
        self._sessions: dict[str, int] = {}
        self._bind_texts()
        self._bind_combos(units)
        self._bind_dates()
        self._bind_signer()
        self.cetak: QCheckBox = child(self.form, QCheckBox, "cetakLkCheck")
        self.cetak.toggled.connect(
            lambda on: self._set("lembar_kerja.cetak", bool(on), "cetak Lembar Kerja")
        )
        self.lists = {attr: self._list(attr, heading) for attr, heading in LIST_FIELDS}
        editor.changed.connect(lambda _old, new, _hint: self.sync(new))
        self.sync(editor.document)

    def widget(self, name: str) -> QWidget:
        return self.form.findChild(QWidget, name)

    # -- binding ------------------------------------------------------------------------
    def _key(self, name: str) -> tuple:
        return ("field", name, self._sessions.setdefault(name, next(_tokens)))

    def _end_typing(self, name: str) -> None:
        self._sessions[name] = next(_tokens)

    def _set(self, name: str, value: object, words: str, typing: bool = False) -> None:
        try:
            self.editor.edit(
                ei.SetField(name, value), f"Ubah {words}", self._key(name) if typing else None
            )
        except ed.EditError:
            self.sync(self.editor.document)

    def _bind_texts(self) -> None:
        for widget_name, (name, words) in TEXT_FIELDS.items():
            edit: QLineEdit = child(self.form, QLineEdit, widget_name)
            edit.installEventFilter(self._undo_filter)
            edit.textEdited.connect(lambda text, n=name, w=words: self._set(n, text, w, True))
            edit.editingFinished.connect(lambda n=name: self._end_typing(n))

    def _bind_combos(self, units: tuple[Unit, ...]) -> None:
        unit: QComboBox = child(self.form, QComboBox, "unitCombo")
        unit.addItems([u.nama for u in units])
        for widget_name, (name, words) in COMBO_FIELDS.items():
            combo: QComboBox = child(self.form, QComboBox, widget_name)
            combo.lineEdit().installEventFilter(self._undo_filter)
            combo.lineEdit().textEdited.connect(lambda t, n=name, w=words: self._set(n, t, w, True))
            combo.textActivated.connect(lambda t, n=name, w=words: self._set(n, t, w))
            combo.lineEdit().editingFinished.connect(lambda n=name: self._end_typing(n))

    def _bind_dates(self) -> None:
        locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        for prefix, (name, words) in DATE_FIELDS.items():
            edit: QDateEdit = child(self.form, QDateEdit, f"{prefix}Date")
            edit.setLocale(locale)
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("— belum diisi —")
            edit.dateChanged.connect(
                lambda d, n=name, w=words: self._set(
                    n, None if d == NO_DATE else d.toPython(), w, True
                )
            )
            clear: QToolButton = child(self.form, QToolButton, f"{prefix}Clear")
            clear.clicked.connect(lambda _c=False, n=name, w=words: self._set(n, None, w))

    def _bind_signer(self) -> None:
        combo: QComboBox = child(self.form, QComboBox, "staffCombo")
        combo.addItem("— pilih untuk mengisi jabatan, nama, pangkat dan NIP —", None)
        for member in self.staff:
            combo.addItem(f"{member.nama} — {member.jabatan or 'tanpa jabatan'}", member.id)
        combo.setEnabled(bool(self.staff))
        if not self.staff:
            combo.setItemText(0, "(belum ada data pegawai; ketik di bawah)")
        combo.activated.connect(self._staff_picked)

    def _staff_picked(self, index: int) -> None:
        combo: QComboBox = child(self.form, QComboBox, "staffCombo")
        if index > 0:
            s = self.staff[index - 1]
            signer = Pengesahan(jabatan=s.jabatan, nama=s.nama, nip=s.nip, pangkat=s.pangkat)
            self._set("pengesahan", signer, "pengesah")
        combo.setCurrentIndex(0)

    def _list(self, attr: str, heading: str) -> ListEditor:
        box: QGroupBox = child(self.form, QGroupBox, f"list_{attr}")
        editor = ListEditor(self.editor, attr, heading, box)
        box.layout().addWidget(editor)
        return editor

    # -- following the document ----------------------------------------------------------
    def sync(self, doc: SopDocument) -> None:
        for widget_name, (name, _w) in TEXT_FIELDS.items():
            _show_text(child(self.form, QLineEdit, widget_name), str(ei.get_field(doc, name)))
        for widget_name, (name, _w) in COMBO_FIELDS.items():
            combo: QComboBox = child(self.form, QComboBox, widget_name)
            _show_text(combo.lineEdit(), str(ei.get_field(doc, name)))
        for prefix, (name, _w) in DATE_FIELDS.items():
            _show_date(child(self.form, QDateEdit, f"{prefix}Date"), ei.get_field(doc, name))
        if self.cetak.isChecked() != doc.lembar_kerja.cetak:
            self.cetak.blockSignals(True)
            self.cetak.setChecked(doc.lembar_kerja.cetak)
            self.cetak.blockSignals(False)
        for editor in self.lists.values():
            editor.sync(doc)
        status = f"{doc.status.label}, revisi ke-{doc.revisi_ke}"
        child(self.form, QLabel, "statusLabel").setText(status)
        child(self.form, QLabel, "nipHint").setText(_nip_hint(doc.pengesahan.nip))

    def set_read_only(self) -> None:
        """Show the fields without letting them change (a stored revision)."""
        for edit in self.form.findChildren(QLineEdit):
            edit.setReadOnly(True)
        for widget in (*self.form.findChildren(QDateEdit), *self.form.findChildren(QToolButton)):
            widget.setEnabled(False)
        for combo in self.form.findChildren(QComboBox):
            combo.setEnabled(False)
        self.cetak.setEnabled(False)
        for editor in self.lists.values():
            editor.set_read_only()

    def focus_field(self, code: str) -> bool:
        """Bring the field a checker finding `code` is about into view; False if none."""
        name = FINDING_FIELDS.get(code)
        if name is None:
            return False
        widget = self.widget(name)
        child(self.form, QScrollArea, "scroll").ensureWidgetVisible(widget)
        widget.setFocus()
        return True


def _show_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        position = edit.cursorPosition()
        edit.setText(text)
        edit.setCursorPosition(min(position, len(text)))


def _show_date(edit: QDateEdit, value: date | None) -> None:
    wanted = NO_DATE if value is None else QDate(value.year, value.month, value.day)
    if edit.date() != wanted:
        edit.blockSignals(True)
        edit.setDate(wanted)
        edit.blockSignals(False)


def _nip_hint(nip: str) -> str:
    if not nip.strip():
        return "NIP boleh dikosongkan, tetapi sebaiknya diisi."
    problems = nip_problems(nip)
    return " ".join(problems) if problems else f"NIP sah: {format_nip(nip)}"
