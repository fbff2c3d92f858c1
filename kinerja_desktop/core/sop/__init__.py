"""The SOP domain: the SOP AP document and what is known about it, in plain Python.

The document types (`SopDocument`, `Step`, `Lane` …, defined in `document.py`)
are re-exported here, so `from kinerja_desktop.core.sop import SopDocument`
reads naturally. The other modules are imported by their full path:

* `checker` — Pemeriksa SOP: the rules an SOP must follow, as findings;
* `durations` — Waktu as people write it, understood as a duration;
* `lane_guess` — who does a step, guessed from its wording;
* `lembar_kerja` — the Lembar Kerja Identifikasi Kegiatan derived from an SOP;
* `diff` (with `align`) — what changed between two documents;
* `serialize` — SOPs to and from JSON-ready dicts, and the content hash;
* `signing` — the date, town and office under a printed SOP's signature;
* `text_match` — loose comparison of document names (Kelengkapan ↔ Output).

Nothing here imports `core.layout` (the swimlane geometry reads the SOP, not
the other way round) or another domain (tests/test_layers.py checks it).
"""

from .document import (
    DEFAULT_EXIT_LABELS,
    LIST_FIELDS,
    DecisionExit,
    Lane,
    LembarKerjaInfo,
    MutuBaku,
    MutuBakuHeads,
    Pengesahan,
    SopDocument,
    SopStatus,
    Step,
    StepKind,
    new_id,
)

__all__ = [
    "DEFAULT_EXIT_LABELS",
    "LIST_FIELDS",
    "DecisionExit",
    "Lane",
    "LembarKerjaInfo",
    "MutuBaku",
    "MutuBakuHeads",
    "Pengesahan",
    "SopDocument",
    "SopStatus",
    "Step",
    "StepKind",
    "new_id",
]
