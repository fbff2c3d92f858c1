"""How long checking the selected SOP takes with 10 and with 1,000 SOPs stored.

`SopService.check` (what the catalogue runs on every selection) compares the
nomor with the other SOPs through one indexed lookup, so its time must not
grow with the number of SOPs; `book_errors` (the Buku SOP) is linear.
Prints one line per size: median of 30 selection checks (check + get), and
one book check, in milliseconds.

    python benchmarks/sop_check_benchmark.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixtures_store import sample_doc

from kinerja_desktop.services.session import open_session
from kinerja_desktop.services.sop_service import SopService
from kinerja_desktop.store import sops


def measure(total: int, folder: Path) -> tuple[float, float]:
    with open_session(folder / f"{total}.db", create=True) as session:
        with session.writing():
            now = datetime.now()
            for i in range(total):
                sops.insert(sample_doc(f"{i}/X/2026", f"SOP {i}"), "benchmark", now)
        service = SopService(session)
        ids = [s.id for s in service.list_sops()]
        picks = [ids[(k * 37) % len(ids)] for k in range(30)]
        service.check(picks[0])
        times = []
        for sop_id in picks:
            start = time.perf_counter()
            service.check(sop_id)
            service.get(sop_id)
            times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        service.book_errors()
        book = (time.perf_counter() - start) * 1000
    return statistics.median(times), book


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for total in (10, 1000):
            check, book = measure(total, Path(tmp))
            print(
                f"{total:5d} SOP: pemeriksaan satu pilihan {check:6.2f} ms (median 30); "
                f"pemeriksaan buku {book:8.1f} ms"
            )


if __name__ == "__main__":
    main()
