"""A `core.sop.diff.DocumentDiff` as one HTML table for Qt's rich text — the only
rendering of a comparison, used by the import preview (stored SOP ↔ file) and by
the editor's revision compare (older ↔ newer revision).

One row per change: what changed, the old side, the new side. Identity fields,
list items, lanes and steps added / removed / changed; changed text is marked
word by word (words taken out struck through in red on the old side, words put
in green on the new side). A step is named by its number on each side, so a
step that only moved says so.
"""

from __future__ import annotations

from html import escape

from kinerja_desktop.core.sop.diff import DocumentDiff, FieldChange, Kind, StepChange

OUT = "background:#f6d5d1;color:#8e1b10;text-decoration:line-through"
IN = "background:#d4efd9;color:#145a24"
KIND_WORDS = {Kind.ADDED: "ditambahkan", Kind.REMOVED: "dihapus", Kind.CHANGED: "diubah"}
_SHADE = {Kind.ADDED: " style='background:#eef8f0'", Kind.REMOVED: " style='background:#fbeeed'"}


def diff_html(
    diff: DocumentDiff,
    old_label: str = "Tersimpan",
    new_label: str = "Dari berkas",
    title: str = "Perubahan dibanding SOP yang tersimpan",
) -> str:
    """The whole comparison: a heading with the summary and the table; when
    nothing changed, one sentence saying so."""
    if diff.is_empty:
        return (
            f"<p><b>{escape(title)}</b>: <span style='color:#1a7f37'><b>tidak ada "
            "perubahan</b></span> — isi keduanya sama.</p>"
        )
    rows = [
        f"<tr><th width='22%'>Bagian</th><th>{escape(old_label)}</th>"
        f"<th>{escape(new_label)}</th></tr>"
    ]
    rows += [_row(escape(f.label), _runs(f, "old"), _runs(f, "new")) for f in diff.fields]
    for item in diff.items:
        what = f"{escape(item.label)} — butir {item.new_number or item.old_number}"
        what += f" {KIND_WORDS[item.kind]}"
        if item.kind is Kind.CHANGED:
            change = FieldChange(item.list_name, item.label, item.old, item.new)
            rows.append(_row(what, _runs(change, "old"), _runs(change, "new")))
        else:
            rows.append(_row(what, escape(item.old) or "—", escape(item.new) or "—", item.kind))
    for lane in diff.lanes:
        what = f"Pelaksana {KIND_WORDS[lane.kind]}" + (" (dipindah)" if lane.moved else "")
        old = f"{lane.old_number}. {escape(lane.old_name)}" if lane.old_number else "—"
        new = f"{lane.new_number}. {escape(lane.new_name)}" if lane.new_number else "—"
        rows.append(_row(what, old, new, lane.kind))
    for step in diff.steps:
        rows.extend(_step_rows(step))
    return (
        f"<p><b>{escape(title)}</b> ({escape(diff.summary())})</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        + "".join(rows)
        + "</table>"
    )


def _runs(change: FieldChange, side: str) -> str:
    """One side of a field change with its changed words marked."""
    parts = []
    for kind, words in change.words:
        if kind is Kind.SAME:
            parts.append(escape(words))
        elif kind is Kind.REMOVED and side == "old":
            parts.append(f"<span style='{OUT}'>{escape(words)}</span>")
        elif kind is Kind.ADDED and side == "new":
            parts.append(f"<span style='{IN}'>{escape(words)}</span>")
    return " ".join(parts) or "<i>(kosong)</i>"


def _row(what: str, old: str, new: str, kind: Kind | None = None) -> str:
    attr = _SHADE.get(kind, "") if kind else ""
    return f"<tr{attr}><td><b>{what}</b></td><td>{old}</td><td>{new}</td></tr>"


def _named(number: int | None, uraian: str, width: int = 60) -> str:
    text = " ".join(uraian.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    head = f"<b>langkah {number}</b>" if number else "<b>—</b>"
    return head + (f" — {escape(text)}" if text else "")


def _step_rows(step: StepChange) -> list[str]:
    if step.kind is not Kind.CHANGED:
        head = f"Langkah {KIND_WORDS[step.kind]}"
        old = _named(step.old_number, step.old_uraian) if step.old_number else "—"
        new = _named(step.new_number, step.new_uraian) if step.new_number else "—"
        return [_row(head, old, new, step.kind)]
    moved = " (dipindah)" if step.moved else ""
    rows = [
        _row(
            f"Langkah diubah{moved}",
            _named(step.old_number, step.old_uraian),
            _named(step.new_number, step.new_uraian),
        )
    ]
    for f in step.fields:
        rows.append(_row(f"&nbsp;&nbsp;{escape(f.label)}", _runs(f, "old"), _runs(f, "new")))
    return rows
