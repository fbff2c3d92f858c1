"""The checker as the SOP use cases run it: against the other SOPs' nomors
and with the office's working hours.

A nomor is compared only with the SOPs that share its key (one indexed
lookup, `store.sops.with_nomor`), never with the SOP itself or with the SOP
an import revises (`exclude_id`); the Buku SOP reads every SOP's nomor key
once (`store.sops.nomor_owners`). So checking one SOP costs the same with 10
or 1,000 SOPs, and checking a book of N SOPs costs N, not N².

Call these inside a session's reading or writing scope.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.errors import ValidationError
from ..core.sop import SopDocument
from ..core.sop.checker import Finding, check_sop, errors_of, normalize_nomor
from ..store import office as office_store
from ..store import sops
from .sop_types import sop_label


def run_checker(doc: SopDocument, exclude_id: int | None) -> list[Finding]:
    """The checker's findings on `doc`, its nomor compared with every SOP but `exclude_id`."""
    others = [e.nomor for e in sops.with_nomor(doc.nomor, exclude_id=exclude_id)]
    jam = office_store.load_profile().jam_kerja_per_hari
    return check_sop(doc, other_nomors=others, jam_kerja_per_hari=jam)


class NotReadyError(ValidationError):
    """The SOP cannot come into force: the checker finds kesalahan (`errors`)."""

    def __init__(self, message: str, errors: list[Finding]) -> None:
        super().__init__(message)
        self.errors = errors


def require_no_errors(doc: SopDocument, exclude_id: int | None, name: str) -> None:
    """NotReadyError naming the kesalahan that keep `doc` from coming into force."""
    errors = errors_of(run_checker(doc, exclude_id))
    if errors:
        raise NotReadyError(
            f"SOP {name} belum dapat diberlakukan: pemeriksaan SOP menemukan "
            f"{len(errors)} kesalahan ({'; '.join(f.message for f in errors[:3])}). "
            "Perbaiki dulu kesalahannya.",
            errors,
        )


def book_errors(items: Sequence[tuple[int, SopDocument]]) -> dict[str, list[Finding]]:
    """The kesalahan of each (id, document) that has any, keyed by `sop_label`."""
    docs = dict(items)
    return {sop_label(i, docs[i]): found for i, found in errors_by_id(items).items()}


def errors_by_id(items: Sequence[tuple[int, SopDocument]]) -> dict[int, list[Finding]]:
    """The kesalahan of each (id, document) that has any, keyed by id."""
    owners = sops.nomor_owners()
    jam = office_store.load_profile().jam_kerja_per_hari
    found: dict[int, list[Finding]] = {}
    for sop_id, doc in items:
        others = [i for i in owners.get(normalize_nomor(doc.nomor), []) if i != sop_id]
        taken = [doc.nomor] if others else []
        errors = errors_of(check_sop(doc, other_nomors=taken, jam_kerja_per_hari=jam))
        if errors:
            found[sop_id] = errors
    return found
