"""Qt's own texts in Indonesian: the shipped `.qm` matches its `.ts`, and no
dialog the application uses shows an English button, label or menu entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.ui.common import i18n
from kinerja_desktop.ui.common.errors import ErrorDialog
from kinerja_desktop.ui.common.settings import UiSettings
from kinerja_desktop.ui.office.wizard import FirstRunWizard

# English words Qt would show if a text were left untranslated.
ENGLISH = re.compile(
    r"\b(Cancel|Close|Save|Open|Yes|No|Apply|Reset|Help|Discard|Abort|Retry|Ignore|Back|"
    r"Next|Finish|Details|Look in|File name|Files of type|Undo|Redo|Cut|Copy|Paste|Delete|"
    r"Select All|Choose|New Folder|Detail View|List View|Parent Directory|Step up|Step down|"
    r"Date Modified|Size|Kind|Type|Name|Directory|Enter a value)\b"
)


@pytest.fixture()
def indonesian(qapp: QApplication):
    translator = i18n.install(qapp)
    assert translator is not None, "resources/i18n/qtbase_id.qm is missing"
    yield qapp
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())


def _texts(widget: QWidget) -> list[str]:
    found = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QAbstractButton | QLabel):
            found.append(child.text())
    return [t.replace("&", "") for t in found if t]


def _english(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH.search(t)]


def test_the_shipped_translation_is_built_from_its_source(tmp_path: Path) -> None:
    rebuilt = i18n.build(i18n.ts_path(), tmp_path / "qtbase_id.qm")
    assert rebuilt.read_bytes() == i18n.qm_path().read_bytes(), (
        "qtbase_id.qm is out of date: run python -m kinerja_desktop.ui.common.i18n"
    )


def test_button_texts_and_message_box_details(indonesian, qtbot) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Open
    )
    qtbot.addWidget(buttons)
    texts = [b.text().replace("&", "") for b in buttons.buttons()]
    assert {"Batal", "Simpan", "Tutup", "Ya", "Tidak", "Buka"} <= set(texts)
    assert _english(texts) == []
    box = QMessageBox(QMessageBox.Icon.Warning, "Judul", "Pesan")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    assert _english(_texts(box)) == [], _texts(box)
    assert any("Rincian" in t for t in _texts(box))


def test_text_field_context_menus(indonesian, qtbot) -> None:
    edit = QLineEdit("teks")
    plain = QPlainTextEdit("teks")
    spin = QSpinBox()
    for widget in (edit, plain, spin):
        qtbot.addWidget(widget)
    menus = [edit.createStandardContextMenu(), plain.createStandardContextMenu()]
    menus.append(spin.lineEdit().createStandardContextMenu())
    for menu in menus:
        texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
        assert texts and _english(texts) == [], texts
    assert "Salin" in [a.text().replace("&", "").split("\t")[0] for a in menus[0].actions()]


def test_file_dialog_is_indonesian(indonesian, qtbot, tmp_path: Path) -> None:
    # Qt's own dialog: what Linux without a desktop theme shows (Windows uses its own).
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "Pilih berkas", str(tmp_path), "Buku kerja Excel (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = _texts(dialog)
        headers = dialog.findChildren(QWidget, "treeView")
        for view in headers:
            model = view.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            ]
        tips = [b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.toolTip()]
        assert _english(texts + tips) == [], _english(texts + tips)
        dialog.close()


def test_progress_input_wizard_and_own_dialogs(indonesian, qtbot) -> None:
    progress = QProgressDialog("Mohon tunggu", "", 0, 0)
    qtbot.addWidget(progress)
    progress.show()
    assert _english(_texts(progress)) == []
    standard = QProgressDialog()
    qtbot.addWidget(standard)
    standard.show()
    assert _english(_texts(standard)) == [], _texts(standard)  # Qt's own "Cancel"
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    assert _english(_texts(ask)) == [], _texts(ask)
    plain = QWizard()
    qtbot.addWidget(plain)
    plain.addPage(QWizardPage())
    plain.addPage(QWizardPage())
    plain.show()
    assert _english(_texts(plain)) == [], _texts(plain)
    wizard = FirstRunWizard(None, UiSettings())
    qtbot.addWidget(wizard)
    wizard.show()
    assert _english(_texts(wizard)) == [], _texts(wizard)
    error = ErrorDialog(None, "Galat", "Pesan", "rincian")
    qtbot.addWidget(error)
    error.show()
    assert _english(_texts(error)) == []


def test_every_dialog_a_user_meets_in_the_window(indonesian, qtbot, tmp_path: Path) -> None:
    """Each dialog the window opens, as opened from its menus, without English text."""
    from kinerja_desktop.services.database_service import preview_backup, summary_of_session
    from kinerja_desktop.services.demo import load_demo
    from kinerja_desktop.services.session import open_session
    from kinerja_desktop.ui.office.staff_page import StaffDialog
    from kinerja_desktop.ui.office.unit_page import UnitDialog
    from kinerja_desktop.ui.shell.application import create_window
    from kinerja_desktop.ui.shell.damaged import DamagedDialog
    from kinerja_desktop.ui.shell.help import HelpDialog
    from kinerja_desktop.ui.shell.restore_dialog import RestoreDialog
    from kinerja_desktop.ui.sop.print_dialog import PrintDialog

    db = tmp_path / "k.db"
    with open_session(db, create=True) as s:
        load_demo(s)
    session, win = create_window(db)
    qtbot.addWidget(win)
    try:
        backup = tmp_path / "c.db"
        from kinerja_desktop.services.database_service import DatabaseService

        DatabaseService(session).backup(backup)
        dialogs = [
            StaffDialog(win, [], None).dialog,
            UnitDialog(win, None, 1).dialog,
            RestoreDialog(win, preview_backup(backup), summary_of_session(session)).dialog,
            DamagedDialog(win, db, "rusak", preview_backup(backup)).dialog,
            HelpDialog(win),
            PrintDialog(win, "SOP", paper="F4", portrait=False, lembar_kerja=True).dialog,
        ]
        for dialog in dialogs:
            dialog.show()
            assert _english(_texts(dialog)) == [], (dialog.objectName(), _texts(dialog))
            dialog.close()
        shown: list[list[str]] = []

        def grab_box() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                shown.append(_texts(box))
                box.done(0)

        QTimer.singleShot(50, grab_box)
        win.database_actions.check_action.trigger()  # "Basis data sehat." box
        assert shown and "Basis data sehat." in shown[0] and _english(shown[0]) == []
    finally:
        session.close()
