"""Step 3: `sop.revisi_berlaku`, the revision in force, apart from the latest revision.

The latest revision is the one being edited. `revisi_berlaku` is set for every
SOP whose current revision is berlaku, and for SOPs that an earlier version
took out of force by starting a new revision (the record became draf while an
older revision still read berlaku): their newest berlaku revision is in force
again. Likewise an SOP withdrawn and then revised reads dicabut, not draf.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

# Only the document's own "status" is read; a revision whose JSON is damaged counts as none.
_REVISION_STATUS = "CASE WHEN json_valid(r.document) THEN json_extract(r.document, '$.status') END"

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE sop ADD COLUMN revisi_berlaku INTEGER",
    "UPDATE sop SET revisi_berlaku = revisi_ke WHERE status = 'berlaku'",
    f"""UPDATE sop SET
        revisi_berlaku = (
            SELECT max(r.revisi_ke) FROM sop_revision r
            WHERE r.sop_id = sop.id AND {_REVISION_STATUS} = 'berlaku'
        ),
        status = 'berlaku'
    WHERE status = 'draf' AND EXISTS (
        SELECT 1 FROM sop_revision r
        WHERE r.sop_id = sop.id AND r.revisi_ke < sop.revisi_ke
            AND {_REVISION_STATUS} = 'berlaku'
    )""",
    f"""UPDATE sop SET status = 'dicabut'
    WHERE status = 'draf' AND EXISTS (
        SELECT 1 FROM sop_revision r
        WHERE r.sop_id = sop.id AND r.revisi_ke < sop.revisi_ke
            AND {_REVISION_STATUS} = 'dicabut'
    )""",
)
