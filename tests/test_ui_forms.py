"""Every Designer form loads and has the widgets the code relies on."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from kinerja_desktop.paths import forms_dir
from kinerja_desktop.ui.common.forms import FormError, load_form
from kinerja_desktop.ui.editor import identity_page, print_preview
from kinerja_desktop.ui.kinerja import (
    entry_dialog,
    indicator_editor,
    node_editor,
    pk_page,
    plan_dialogs,
    plan_page,
    round_dialog,
    rounds_page,
    values_page,
)
from kinerja_desktop.ui.kinerja import (
    import_dialog as kinerja_import_dialog,
)
from kinerja_desktop.ui.office import profile_page, staff_page, table_page, unit_page, wizard
from kinerja_desktop.ui.shell import beranda, damaged, restore_dialog, welcome
from kinerja_desktop.ui.sop import book_dialog, catalogue, import_dialog, life_dialogs, print_dialog

FORMS = {
    catalogue.FORM: catalogue.REQUIRED,
    print_dialog.FORM: print_dialog.REQUIRED,
    import_dialog.FORM: import_dialog.REQUIRED,
    identity_page.FORM: identity_page.REQUIRED,
    print_preview.FORM: print_preview.REQUIRED,
    welcome.FORM: welcome.REQUIRED,
    beranda.FORM: beranda.REQUIRED,
    restore_dialog.FORM: restore_dialog.REQUIRED,
    damaged.FORM: damaged.REQUIRED,
    wizard.FORM: wizard.REQUIRED,
    profile_page.FORM: profile_page.REQUIRED,
    table_page.FORM: table_page.REQUIRED,
    staff_page.FORM: staff_page.REQUIRED,
    unit_page.FORM: unit_page.REQUIRED,
    book_dialog.FORM: book_dialog.REQUIRED,
    life_dialogs.APPROVE_FORM: life_dialogs.APPROVE_REQUIRED,
    life_dialogs.WITHDRAW_FORM: life_dialogs.WITHDRAW_REQUIRED,
    life_dialogs.NEW_FORM: life_dialogs.NEW_REQUIRED,
    life_dialogs.TRASH_FORM: life_dialogs.TRASH_REQUIRED,
    plan_page.FORM: plan_page.REQUIRED,
    node_editor.FORM: node_editor.REQUIRED,
    indicator_editor.FORM: indicator_editor.REQUIRED,
    plan_dialogs.RENSTRA_FORM: plan_dialogs.RENSTRA_REQUIRED,
    plan_dialogs.IMPORT_FORM: plan_dialogs.IMPORT_REQUIRED,
    pk_page.FORM: pk_page.REQUIRED,
    rounds_page.FORM: rounds_page.REQUIRED,
    round_dialog.FORM: round_dialog.REQUIRED,
    kinerja_import_dialog.FORM: kinerja_import_dialog.REQUIRED,
    entry_dialog.FORM: entry_dialog.REQUIRED,
    values_page.FORM: values_page.REQUIRED,
}


def test_every_form_file_is_used_and_loads(qtbot) -> None:
    on_disk = {p.stem for p in forms_dir().glob("*.ui")}
    assert on_disk == set(FORMS), "a form file is unused, or a used form is missing"
    for name, required in FORMS.items():
        widget = load_form(name, required)
        qtbot.addWidget(widget)


def test_a_missing_widget_is_refused(qtbot) -> None:
    with pytest.raises(FormError, match="tidak memiliki QLineEdit 'tidakAda'"):
        load_form(catalogue.FORM, {"tidakAda": QLineEdit})
    with pytest.raises(FormError, match="tidak dapat dibuka"):
        load_form("tidak_ada", {"x": QWidget})
