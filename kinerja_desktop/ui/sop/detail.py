"""The read-only summary of one SOP shown beside the catalogue (HTML)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from kinerja_desktop.core.dates import format_tanggal
from kinerja_desktop.core.nip import format_nip
from kinerja_desktop.core.sop import SopDocument
from kinerja_desktop.core.sop.checker import Finding, Severity
from kinerja_desktop.services.sop_service import RevisionInfo

_SEVERITY_COLOUR = {
    Severity.KESALAHAN: "#b00020",
    Severity.PERINGATAN: "#9a6700",
    Severity.SARAN: "#555555",
}


def _identity_rows(doc: SopDocument) -> str:
    p = doc.pengesahan
    signer = "<br>".join(
        escape(x)
        for x in (p.jabatan, p.nama, p.pangkat, f"NIP. {format_nip(p.nip)}" if p.nip else "")
        if x
    )
    rows = (
        ("Nomor SOP", escape(doc.nomor or "—")),
        ("Status", f"{escape(doc.status.label)}, revisi ke-{doc.revisi_ke}"),
        ("Tanggal Pembuatan", format_tanggal(doc.tanggal_pembuatan)),
        ("Tanggal Revisi", format_tanggal(doc.tanggal_revisi)),
        ("Tanggal Efektif", format_tanggal(doc.tanggal_efektif)),
        ("Disahkan oleh", signer or "—"),
    )
    return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)


def _steps_table(doc: SopDocument) -> str:
    names = doc.lane_by_id()
    out = [
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        "<tr><th>No</th><th>Uraian</th><th>Pelaksana</th><th>Waktu</th></tr>",
    ]
    for i, step in enumerate(doc.steps, 1):
        lanes = ", ".join(escape(names[x].nama) for x in step.pelaksana if x in names)
        kind = "" if step.jenis.value == "proses" else f" <i>({escape(step.jenis.label)})</i>"
        out.append(
            f"<tr><td align='right'>{i}</td><td>{escape(step.uraian)}{kind}</td>"
            f"<td>{lanes}</td><td>{escape(step.mutu_baku.waktu)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def findings_html(findings: Sequence[Finding]) -> str:
    """The checker's findings as an HTML list (shared by the catalogue and the import)."""
    if not findings:
        return "<p>Pemeriksa SOP: tidak ada temuan.</p>"
    items = []
    for f in findings:
        where = f"Langkah {f.step}: " if f.step else ""
        colour = _SEVERITY_COLOUR[f.severity]
        items.append(
            f"<li><span style='color:{colour}'><b>{f.severity.value}</b></span> — "
            f"{escape(where + f.message)}</li>"
        )
    return "<p><b>Pemeriksa SOP</b></p><ul>" + "".join(items) + "</ul>"


def history_html(revisions: Sequence[RevisionInfo]) -> str:
    """The revision history: number, date, state, and its notes (who approved
    or withdrew it, when, why)."""
    if not revisions:
        return ""
    rows = []
    for r in revisions:
        notes = "<br>".join(escape(line) for line in r.catatan.splitlines()) or "—"
        rows.append(
            f"<tr><td align='right'>{r.revisi_ke}</td><td>{format_tanggal(r.tanggal)}</td>"
            f"<td>{escape(r.label)}</td><td>{notes}</td></tr>"
        )
    return (
        "<p><b>Riwayat revisi</b></p><table border='1' cellspacing='0' cellpadding='3' "
        "width='100%'><tr><th>Rev.</th><th>Tanggal</th><th>Status</th><th>Catatan</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def sop_detail_html(
    doc: SopDocument, findings: Sequence[Finding], revisions: Sequence[RevisionInfo] = ()
) -> str:
    """Identity, lanes, steps, checker findings and revision history of one SOP."""
    lanes = " · ".join(escape(lane.nama) for lane in doc.lanes) or "—"
    return (
        f"<h3>{escape(doc.judul or '(tanpa judul)')}</h3>"
        f"<table cellspacing='0' cellpadding='2'>{_identity_rows(doc)}</table>"
        f"<p><b>Pelaksana:</b> {lanes}</p>"
        f"{_steps_table(doc)}{findings_html(findings)}{history_html(revisions)}"
    )
