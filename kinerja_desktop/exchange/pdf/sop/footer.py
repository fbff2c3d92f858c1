"""What the footer of every page of an SOP prints, for the generic `exchange.pdf.footer`.

"SOP Nomor <nomor>", "Revisi ke-<n> · <judul>", and a QR code holding
`SOP|<nomor>|rev <n>|<short hash>`, so a signed paper can be matched later to
the exact record (`core.sop.serialize.short_hash`; the hash is printed as
"Kode isi"). In the Buku SOP a page also prints "Buku SOP hlm. <n>".
"""

from __future__ import annotations

from kinerja_desktop.core.sop import SopDocument, serialize

from ..footer import FooterInfo


def qr_payload(doc: SopDocument) -> str:
    """The text inside the QR code: 'SOP|<nomor>|rev <n>|<short hash>', so a signed
    paper can be matched later to the exact record (`core.sop.serialize.short_hash`)."""
    return f"SOP|{doc.nomor.strip()}|rev {doc.revisi_ke}|{serialize.short_hash(doc)}"


def footer_info(doc: SopDocument, key: str, *, draf: bool = False) -> FooterInfo:
    """What the footer of each of the SOP's pages prints: nomor, revision, judul, QR
    (a draft's title says so)."""
    title = f"SOP Nomor {doc.nomor.strip() or '-'}"
    return FooterInfo(
        title=f"DRAF · {title}" if draf else title,
        subtitle=f"Revisi ke-{doc.revisi_ke} · {doc.judul.strip()}",
        payload=qr_payload(doc),
        form_name=f"qr-{key}",
        book="Buku SOP",
    )
