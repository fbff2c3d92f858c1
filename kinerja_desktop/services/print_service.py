"""Printing SOPs to PDF: one SOP or the Buku SOP, guarded by the checker.

An SOP the checker finds a kesalahan in is not printed unless the caller
forces it (`paksa`): a sheet that goes to the Camat for signature must be
complete. One SOP prints its latest revision (the one to be signed) or a
chosen one; the Buku SOP holds the revision in force of each SOP — by
default of this office's SOPs only: an SOP carrying another office's kop
(kept for reference) is left out unless chosen (`book_choices` says which
are which). Deleted and withdrawn SOPs are never in the book. Writing the
file itself is `exchange.pdf.sop`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kinerja_desktop.core.errors import KinerjaError, ValidationError
from kinerja_desktop.core.office import OfficeProfile
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.checker import Finding, errors_of
from kinerja_desktop.core.sop.signing import kop_is_own

from .office_service import OfficeService
from .session import Session
from .sop_service import SopService, sop_label


class PrintBlockedError(KinerjaError):
    """Printing refused because the checker found kesalahan."""

    def __init__(self, message: str, findings_by_sop: dict[str, list[Finding]]) -> None:
        super().__init__(message)
        self.findings_by_sop = findings_by_sop


@dataclass(frozen=True)
class BookChoice:
    """An SOP that can go into the Buku SOP (it has a revision in force)."""

    id: int
    nomor: str
    judul: str
    revisi_ke: int  # the revision in force, the one printed
    own_office: bool  # no kop of another office: chosen by default
    kop: tuple[str, ...] = ()


def is_own_office(doc: SopDocument, profile: OfficeProfile) -> bool:
    """True when the SOP prints this office's heading: no kop of its own, or a
    kop naming only the profile's government and office."""
    return kop_is_own(doc, profile)


@dataclass
class PrintResult:
    pages: int
    sop_count: int = 1
    # kesalahan of SOPs printed anyway (`paksa`), keyed by "SOP <id> (<nomor>)"
    findings_by_sop: dict[str, list[Finding]] = field(default_factory=dict)
    # what the layout had to do to fit (text shrunk or cut, arrows not drawn), Indonesian
    notices: list[str] = field(default_factory=list)


class PrintService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._sops = SopService(session)
        self._office = OfficeService(session)

    def _options(
        self,
        kertas: str | None,
        tegak: bool,
        lembar_kerja: bool,
        tanggal: date | None,
        *,
        draf: bool = False,
        jilid: str = "",
    ):
        # reportlab is imported only when something is printed: listing SOPs stays fast.
        from kinerja_desktop.exchange.pdf.sop import PdfOptions  # noqa: PLC0415

        profile = self._office.get_profile()
        paper = (kertas or str(profile.kertas)).upper()
        return profile, PdfOptions(
            kertas=paper,
            tegak=tegak,
            lembar_kerja=lembar_kerja,
            tanggal_ttd=tanggal,
            draf=draf,
            jilid=jilid,
        )

    def _refuse_own_file(self, path: Path) -> None:
        if self._session.is_own_file(path):
            raise KinerjaError(
                f"{path} adalah berkas basis data yang sedang dibuka; pilih nama berkas PDF lain."
            )

    def book_choices(self) -> list[BookChoice]:
        """Every SOP in force, in list order; `own_office` ones are the default book."""
        profile = self._office.get_profile()
        return [
            BookChoice(
                sop_id,
                doc.nomor,
                doc.judul,
                doc.revisi_ke,
                is_own_office(doc, profile),
                tuple(doc.kop),
            )
            for sop_id, doc in self._sops.documents(in_force=True)
        ]

    def default_book_ids(self) -> list[int]:
        return [c.id for c in self.book_choices() if c.own_office]

    def sop_pdf(
        self,
        sop_id: int,
        path: Path,
        *,
        revisi: int | None = None,
        kertas: str | None = None,
        tegak: bool = False,
        lembar_kerja: bool = False,
        paksa: bool = False,
        tanggal_ttd: date | None = None,
        draf: bool = False,
    ) -> PrintResult:
        """Print one SOP: its latest revision (the one to be signed), or revision
        `revisi`; PrintBlockedError on kesalahan. Printed despite kesalahan
        (`paksa`), or asked as a draft (`draf`), every page is marked DRAF."""
        self._refuse_own_file(path)
        if revisi is None:
            doc = self._sops.get(sop_id).document
        else:
            doc = self._sops.get_revision(sop_id, revisi)
        found = errors_of(self._sops.check_document(doc, exclude_id=sop_id))
        errors = {sop_label(sop_id, doc): found} if found else {}
        if errors and not paksa:
            raise PrintBlockedError(f"{sop_label(sop_id, doc)} belum siap dicetak.", errors)
        profile, options = self._options(
            kertas,
            tegak,
            lembar_kerja or doc.lembar_kerja.cetak,
            tanggal_ttd,
            draf=draf or bool(errors),
        )
        from kinerja_desktop.exchange.pdf.sop import write_sop_pdf  # noqa: PLC0415

        notices: list[str] = []
        pages = write_sop_pdf(doc, profile, path, options, notices=notices)
        return PrintResult(pages=pages, findings_by_sop=errors, notices=notices)

    def book_pdf(
        self,
        path: Path,
        ids: Sequence[int] | None = None,
        *,
        kertas: str | None = None,
        tegak: bool = False,
        paksa: bool = False,
        tanggal_ttd: date | None = None,
        tahun: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        jilid: str = "",
    ) -> PrintResult:
        """The Buku SOP: the revision in force of the chosen SOPs (default:
        this office's SOPs, see `book_choices`) in one PDF. Drafts, withdrawn
        SOPs and SOPs in the bin are not part of the book. `jilid` ("kiri",
        "cermin") keeps a binding margin (`core.page.page_settings`)."""
        if tahun is not None and not 1900 <= tahun <= 2200:
            raise ValidationError(f"Tahun sampul tidak masuk akal: {tahun}.")
        self._refuse_own_file(path)
        if ids is None:
            ids = self.default_book_ids()
            if not ids:
                raise KinerjaError(
                    "Belum ada SOP kantor ini yang berlaku untuk dicetak dalam Buku SOP "
                    "(SOP berkop kantor lain hanya dicetak bila dipilih)."
                )
        ids = list(dict.fromkeys(ids))  # an id given twice is printed once
        items = self._sops.documents(ids, in_force=True)
        if ids:
            missing = [i for i in ids if i not in {sop_id for sop_id, _doc in items}]
            if missing:
                names = ", ".join(f"SOP {i}" for i in missing)
                raise KinerjaError(
                    f"{names} belum memiliki revisi yang berlaku; Buku SOP hanya memuat SOP "
                    "yang berlaku (cetak drafnya sendiri dengan `sop pdf`)."
                )
        if not items:
            raise KinerjaError("Belum ada SOP yang berlaku untuk dicetak dalam Buku SOP.")
        errors = self._sops.book_errors(ids, in_force=True)
        if errors and not paksa:
            raise PrintBlockedError(
                f"{len(errors)} dari {len(items)} SOP belum siap dicetak.", errors
            )
        profile, options = self._options(kertas, tegak, False, tanggal_ttd, jilid=jilid)
        from kinerja_desktop.exchange.pdf.sop import write_book_pdf  # noqa: PLC0415

        notices: list[str] = []
        pages = write_book_pdf(
            [d for _i, d in items],
            profile,
            path,
            options,
            tahun=tahun,
            progress=progress,
            cancelled=cancelled,
            notices=notices,
            drafts={k for k, (i, d) in enumerate(items) if sop_label(i, d) in errors},
        )
        return PrintResult(
            pages=pages, sop_count=len(items), findings_by_sop=errors, notices=notices
        )
