"""What an import understood and what it doubts: notes for the user to read.

Levels: "info" (what was understood or assumed), "ragu" (a guess the user
should confirm), "masalah" (something the user must fix or decide).
`step` is the 1-based step number in the imported SOP, when the note is about
one step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INFO = "info"
RAGU = "ragu"
MASALAH = "masalah"


@dataclass(frozen=True)
class ImportNote:
    """One line of the import report."""

    level: str  # "info" | "ragu" | "masalah"
    message: str
    step: int | None = None


@dataclass
class Notes:
    """Collects notes in the order they arise; each message only once."""

    items: list[ImportNote] = field(default_factory=list)

    def add(self, level: str, message: str, step: int | None = None) -> None:
        note = ImportNote(level, message, step)
        if note not in self.items:
            self.items.append(note)

    def info(self, message: str, step: int | None = None) -> None:
        self.add(INFO, message, step)

    def ragu(self, message: str, step: int | None = None) -> None:
        self.add(RAGU, message, step)

    def masalah(self, message: str, step: int | None = None) -> None:
        self.add(MASALAH, message, step)
