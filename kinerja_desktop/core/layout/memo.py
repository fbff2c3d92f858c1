"""Pages laid out before, found again by the value of their inputs.

The editor lays its document out again after every keystroke; usually only the
page holding the edited step changes. A `PageMemo` kept by the caller (one per
editor) remembers the last pages laid out, keyed by everything a page's layout
reads: the paper, the column plan, lane geometry, header and bands, the page's
steps with their row texts, kinds, lanes and ids, whether the flow arrives, and
every connection that starts or ends on the page with its off-page letter and
both ends' lanes. A page whose key is the same is the same page, so it is
taken as it is; the result never differs from laying it out afresh (a test
edits SOPs at random and compares).

Keys are the `repr` of those inputs (plain dataclasses, strings and numbers);
a key that would hold an object's address is not used, so nothing can be
found by an address reused after a free. Safe across threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import Context, Edge

CAPACITY = 96  # pages: a few versions of a long SOP


class PageMemo:
    """The last `capacity` pages laid out, by the value of their inputs."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self.hits = 0
        self.misses = 0
        self._pages: OrderedDict[tuple[int, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, key: tuple[int, str] | None, make: Callable[[], Any]) -> Any:
        """The page remembered under `key`, or `make()` remembered under it."""
        if key is None:
            return make()
        with self._lock:
            hit = self._pages.get(key)
            if hit is not None:
                self._pages.move_to_end(key)
                self.hits += 1
                return hit
        made = make()
        with self._lock:
            self.misses += 1
            self._pages[key] = made
            while len(self._pages) > self.capacity:
                self._pages.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


def page_key(
    ctx: Context, steps: list[int], incoming: bool, letters: dict[Edge, str]
) -> tuple[int, str] | None:
    """The value of every input `build._page` reads for `steps` (None: not keyable)."""
    here = set(steps)
    edges = [
        (edge, letters.get(edge), ctx.lanes[edge.src], ctx.lanes[edge.tgt])
        for edge in ctx.edges
        if edge.src in here or edge.tgt in here
    ]
    rows = [
        (i, ctx.rows[i], ctx.doc.steps[i].id, ctx.doc.steps[i].jenis, ctx.lanes[i]) for i in steps
    ]
    shared = (ctx.settings, ctx.plan, ctx.geo, ctx.header, ctx.bands, ctx.pent)
    text = repr((shared, incoming, rows, edges))
    if " at 0x" in text:
        return None
    return id(ctx.measure), text
