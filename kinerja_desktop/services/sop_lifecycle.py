"""The SOP life cycle, inside one write transaction each: approve ("Nyatakan
berlaku"), withdraw ("Cabut"), the bin ("Sampah": delete, restore, empty).

Called by `SopService`, which opens the transaction and hands the scope in;
each function leaves exactly one audit row. "Who" is the seat's user: the
name given, else the operating-system user (`current_user`), recorded in the
audit summary and in the revision's catatan, with the time.
"""

from __future__ import annotations

import getpass
from datetime import date, datetime

from ..core.dates import format_tanggal
from ..core.errors import NotFoundError, ValidationError
from ..core.sop import Pengesahan, SopDocument, SopStatus
from ..store import sops
from ..store.sops import StoredSop
from .entities import SOP
from .session import WriteScope
from .sop_types import describe


def current_user() -> str:
    """The operating system's user name ("" when it cannot be told)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (getpass raises several kinds)
        return ""


def _who(oleh: str | None) -> str:
    return (oleh or "").strip() or current_user() or "pengguna"


def _stamp(now: datetime) -> str:
    return now.strftime("%d-%m-%Y %H:%M")


def live_entry(sop_id: int) -> StoredSop:
    """The SOP, which must exist and not be in the bin."""
    entry = sops.get(sop_id)
    if entry is None:
        raise NotFoundError(f"SOP dengan id {sop_id} tidak ada.")
    if entry.in_bin:
        raise NotFoundError(
            f"SOP {sop_id} ({describe(entry.nomor, entry.judul)}) ada di Sampah; "
            f"kembalikan dulu (`sop kembalikan {sop_id}` atau menu SOP → Sampah)."
        )
    return entry


def approved_document(
    sop_id: int, tanggal_efektif: date | None, signer: Pengesahan | None
) -> SopDocument:
    """The latest revision as it would come into force: the tanggal efektif
    given — else its own, unless that is merely the one copied from the
    revision in force, else today — and the signer given (else its own)."""
    doc = sops.current_document(sop_id)
    in_force = sops.document_in_force(sop_id)
    own = doc.tanggal_efektif
    if in_force is not None and own == in_force.tanggal_efektif:
        own = None
    doc.tanggal_efektif = tanggal_efektif or own or date.today()
    if signer is not None:
        doc.pengesahan = Pengesahan(
            signer.jabatan.strip(), signer.nama.strip(), signer.nip.strip(), signer.pangkat.strip()
        )
    return doc


def approve(scope: WriteScope, entry: StoredSop, doc: SopDocument, oleh: str | None) -> int:
    """Bring the latest revision (`doc`, already checked) into force; its number."""
    now = datetime.now()
    who = _who(oleh)
    signer = doc.pengesahan.nama.strip() or "-"
    tanggal = format_tanggal(doc.tanggal_efektif)
    note = (
        f"Dinyatakan berlaku {_stamp(now)} oleh {who}; tanggal efektif {tanggal}; "
        f"disahkan oleh {signer}"
    )
    replaced = sops.bring_into_force(entry.id, now, doc, note)
    text = (
        f"SOP dinyatakan berlaku: {describe(doc.nomor, doc.judul)}, revisi ke-{entry.revisi_ke}, "
        f"tanggal efektif {tanggal}, disahkan oleh {signer}; dicatat oleh {who}"
    )
    if replaced is not None:
        text += f"; revisi ke-{replaced} digantikan"
    scope.record("approve", SOP, entry.id, text)
    return entry.revisi_ke


def change_status(entry: StoredSop, new: SopStatus, name: str) -> str:
    """`SopService.set_status` (already checked): apply it; the audit text
    ("" when nothing changes)."""
    now = datetime.now()
    old = entry.status
    if new is SopStatus.DICABUT:
        if old is SopStatus.DICABUT:
            return ""
        sops.withdraw(entry.id, now)
        return f"Status SOP {name}: {old.label} → {new.label}"
    if entry.revisi_berlaku == entry.revisi_ke:
        return ""
    replaced = sops.bring_into_force(entry.id, now)
    text = f"Status SOP {name}: {old.label} → {new.label} (revisi ke-{entry.revisi_ke})"
    if replaced is not None:
        text += f"; revisi ke-{replaced} digantikan"
    return text


def withdraw(scope: WriteScope, entry: StoredSop, alasan: str, oleh: str | None) -> None:
    alasan = " ".join(alasan.split())
    name = describe(entry.nomor, entry.judul)
    if not alasan:
        raise ValidationError("Alasan pencabutan harus diisi.")
    if entry.revisi_berlaku is None:
        raise ValidationError(
            f"SOP {name} tidak sedang berlaku, jadi tidak ada yang dicabut. "
            "SOP yang tidak dipakai dapat dihapus (dipindahkan ke Sampah)."
        )
    now = datetime.now()
    who = _who(oleh)
    sops.withdraw(entry.id, now, f"Dicabut {_stamp(now)} oleh {who}: {alasan}")
    scope.record(
        "withdraw",
        SOP,
        entry.id,
        f"SOP dicabut: {name} (revisi ke-{entry.revisi_berlaku}); alasan: {alasan}; "
        f"dicatat oleh {who}",
    )


def move_to_bin(scope: WriteScope, entry: StoredSop, oleh: str | None) -> None:
    name = describe(entry.nomor, entry.judul)
    if entry.revisi_berlaku is not None:
        raise ValidationError(
            f"SOP {name} sedang berlaku dan tidak dapat dihapus. "
            "Cabut dulu (status Dicabut) bila tidak dipakai lagi."
        )
    sops.move_to_bin(entry.id, datetime.now())
    scope.record("delete", SOP, entry.id, f"SOP dipindahkan ke Sampah: {name}; oleh {_who(oleh)}")


def restore(scope: WriteScope, sop_id: int, oleh: str | None) -> StoredSop:
    entry = sops.get(sop_id)
    if entry is None or not entry.in_bin:
        raise NotFoundError(f"SOP dengan id {sop_id} tidak ada di Sampah.")
    sops.restore(sop_id, datetime.now())
    text = f"SOP dikembalikan dari Sampah: {describe(entry.nomor, entry.judul)}"
    taken = sops.with_nomor(entry.nomor, exclude_id=sop_id)
    if taken:
        text += f" (nomornya juga dipakai SOP {', '.join(str(t.id) for t in taken)})"
    scope.record("restore", SOP, sop_id, f"{text}; oleh {_who(oleh)}")
    return entry


def empty_bin(scope: WriteScope, oleh: str | None) -> int:
    """Delete every SOP in the bin for good; how many."""
    gone = sops.in_bin()
    if not gone:
        return 0
    for entry in gone:
        sops.purge(entry.id)
    names = "; ".join(f"{e.id} {describe(e.nomor, e.judul)}" for e in gone)
    scope.record(
        "purge",
        SOP,
        None,
        f"Sampah dikosongkan: {len(gone)} SOP dihapus permanen ({names}); oleh {_who(oleh)}",
    )
    for entry in gone:
        scope.changed(SOP, entry.id)
    return len(gone)
