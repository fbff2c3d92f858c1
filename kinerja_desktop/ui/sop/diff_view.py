"""A `core.sop.diff.DocumentDiff` as HTML for Qt's rich text: identity fields,
list items, lanes and steps added / removed / changed, changed text marked
word by word (removed words struck through in red, added words in green).

Used by the import preview; any view comparing two documents can use it.
"""

from __future__ import annotations

from html import escape

from kinerja_desktop.core.sop.diff import (
    DocumentDiff,
    FieldChange,
    Kind,
    StepChange,
    WordRun,
)

REMOVED_STYLE = "color:#b00020; text-decoration:line-through"
ADDED_STYLE = "color:#1a7f37; font-weight:bold"
KIND_COLOUR = {Kind.ADDED: "#1a7f37", Kind.REMOVED: "#b00020", Kind.CHANGED: "#9a6700"}


def words_html(runs: list[WordRun]) -> str:
    """Word runs with the removed words struck through and the added ones marked."""
    out = []
    for kind, words in runs:
        text = escape(words)
        if kind is Kind.REMOVED:
            out.append(f"<span style='{REMOVED_STYLE}'>{text}</span>")
        elif kind is Kind.ADDED:
            out.append(f"<span style='{ADDED_STYLE}'>{text}</span>")
        else:
            out.append(text)
    return " ".join(out) or "<i>(kosong)</i>"


def _kind(kind: Kind) -> str:
    return f"<span style='color:{KIND_COLOUR.get(kind, '#333')}'><b>{kind.value}</b></span>"


def _field(f: FieldChange) -> str:
    return f"<b>{escape(f.label)}</b>: {words_html(f.words)}"


def _number(old: int | None, new: int | None) -> str:
    if old is not None and new is not None and old != new:
        return f"{old} → {new}"
    return str(new if new is not None else old)


def _step(c: StepChange) -> str:
    head = f"Langkah {_number(c.old_number, c.new_number)} {_kind(c.kind)}"
    if c.moved:
        head += " (dipindah)"
    if c.kind is Kind.CHANGED:
        fields = "".join(f"<br>&nbsp;&nbsp;{_field(f)}" for f in c.fields)
        return f"<li>{head}: {escape(c.new_uraian)}{fields}</li>"
    return f"<li>{head}: {escape(c.new_uraian or c.old_uraian)}</li>"


def diff_html(diff: DocumentDiff, title: str = "Perubahan dibanding SOP yang tersimpan") -> str:
    """The whole diff as one HTML block; 'tidak ada perubahan' when empty."""
    if diff.is_empty:
        return (
            f"<p><b>{escape(title)}</b>: <span style='color:#1a7f37'><b>tidak ada "
            "perubahan</b></span> — isi berkas sama dengan SOP yang tersimpan.</p>"
        )
    items: list[str] = [f"<li>{_field(f)}</li>" for f in diff.fields]
    for c in diff.items:
        where = f"{escape(c.label)} butir {_number(c.old_number, c.new_number)}"
        text = words_html(c.words) if c.kind is Kind.CHANGED else escape(c.new or c.old)
        items.append(f"<li>{where} {_kind(c.kind)}: {text}</li>")
    for c in diff.lanes:
        name = words_html([(Kind.REMOVED, c.old_name), (Kind.ADDED, c.new_name)])
        if c.kind is not Kind.CHANGED or c.old_name == c.new_name:
            name = escape(c.new_name or c.old_name)
        moved = " (dipindah)" if c.moved else ""
        where = _number(c.old_number, c.new_number)
        items.append(f"<li>Pelaksana {where} {_kind(c.kind)}{moved}: {name}</li>")
    items += [_step(c) for c in diff.steps]
    return (
        f"<p><b>{escape(title)}</b> ({escape(diff.summary())})</p><ul>" + "".join(items) + "</ul>"
    )
