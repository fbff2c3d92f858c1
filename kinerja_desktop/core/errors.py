"""Errors the user may see: every message is Indonesian and readable as is."""

from __future__ import annotations


class KinerjaError(Exception):
    """An expected failure with a message meant for the user (Bahasa Indonesia).

    `detail` carries technical information for support; it is never shown as the
    main message.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ValidationError(KinerjaError):
    """Input that breaks a domain rule (a bad NIP, an empty judul, ...)."""


class NotFoundError(KinerjaError):
    """A record the user asked for does not exist."""


class FileFormatError(KinerjaError):
    """A file that cannot be read as what it claims to be."""
