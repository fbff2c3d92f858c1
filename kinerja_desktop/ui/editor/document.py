"""The SOP being edited: the current document, its undo stack and its commands.

`EditorDocument` holds one immutable `SopDocument` snapshot at a time. Every edit
is a `core.sop.edits` op pushed as an `EditCommand`; the command only calls the
op (redo) and the op's inverse (undo) — the document is never changed in place,
so each snapshot may be handed to a worker thread as it is. `changed(old, new,
hint)` tells the views; `hint` is the op the change was about (also on undo), so
a view can show the step or field concerned.

Typing merges: commands pushed with the same `merge_key` (one cell or one field
while it is being typed into) become one command; a command whose merged edits
end where they started is dropped (`setObsolete`). `cancel(merge_key)` takes back
the typing of an edit the user cancelled with Esc.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop import edits as ed

MERGE_ID = 1


class EditCommand(QUndoCommand):
    """One edit on the undo stack: redo applies the op, undo its inverse."""

    def __init__(
        self,
        owner: EditorDocument,
        op: ed.Op,
        text: str,
        first: tuple[SopDocument, ed.Op],
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self._owner = owner
        self.op = op
        self.merge_key = merge_key
        self.epoch = owner.epoch
        self._first: tuple[SopDocument, ed.Op] | None = first
        self.inverse: ed.Op = first[1]
        self.drop_when_undone = False  # a cancelled edit leaves no trace in the history

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def redo(self) -> None:
        if self._first is not None:  # computed when the edit was checked
            new, self.inverse = self._first
            self._first = None
        else:
            new, self.inverse = ed.apply(self._owner.document, self.op)
        self._owner._replace(new, self.op)

    def undo(self) -> None:
        new, _redo = ed.apply(self._owner.document, self.inverse)
        self._owner._replace(new, self.op)
        if self.drop_when_undone:
            self.setObsolete(True)  # QUndoStack deletes an obsolete command once undone

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.epoch != self.epoch:  # saved in between: the save point stays put
            return False
        self.op = other.op  # keep the first inverse: undo goes back before the typing
        self.setText(other.text())
        if _restores_to(self.inverse, self._owner.document):
            self.setObsolete(True)
        return True


def _restores_to(inverse: ed.Op, doc: SopDocument) -> bool:
    """True when undoing would change nothing (the typing ended where it began)."""
    if not isinstance(inverse, ed.Restore):
        return False
    return all(getattr(doc, name) == value for name, value in inverse.values)


class EditorDocument(QObject):
    """The document of one editor window and its undo stack."""

    changed = Signal(object, object, object)  # old document, new document, hint op

    refused = Signal(str)  # an edit attempted on a read-only document

    def __init__(
        self, document: SopDocument, parent: QObject | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.read_only = read_only
        self.stack = QUndoStack(self)
        self.epoch = 0  # counts saves; typing never merges across one

    def edit(self, op: ed.Op, text: str, merge_key: Hashable | None = None) -> bool:
        """Apply `op` as an undoable command; False when it changes nothing.

        EditError (and BrokenExitsError) propagate before anything is pushed."""
        if self.read_only:
            self.refused.emit("Revisi ini hanya untuk dibaca; buka SOP-nya untuk mengubah.")
            return False
        new, inverse = ed.apply(self.document, op)
        if new is self.document or new == self.document:
            return False
        self.stack.push(EditCommand(self, op, text, (new, inverse), merge_key))
        return True

    def cancel(self, merge_key: Hashable) -> None:
        """Take back the command being typed under `merge_key` (Esc in a cell)."""
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() else None
        if isinstance(top, EditCommand) and top.merge_key == merge_key:
            top.drop_when_undone = True
            self.stack.undo()

    def rebase(self, document: SopDocument) -> None:
        """The document as stored after a save; the history stays, now clean."""
        old, self.document = self.document, document
        self.epoch += 1
        self.changed.emit(old, document, None)
        self.stack.setClean()

    def _replace(self, new: SopDocument, hint: ed.Op | None) -> None:
        old, self.document = self.document, new
        self.changed.emit(old, new, hint)
