"""Page breaks between rows, by the rows' real heights.

A page holds the repeated header, then (when the flow arrives from another
page) a strip for the incoming off-page connectors, then as many whole rows as
fit, then (when the flow leaves) a band under the table for the outgoing ones.
Every page but the last keeps room for that band; every page but the first for
the strip. Which pages need more than that (a loop back to page 1, a loop
leaving the last page) is only known after a first try, so `paginate` takes the
extra reservations and the caller repeats until nothing new is needed.

The last page also keeps `reserve_last` free under its table (the signature
block). Rows that do not fit there with it go on a page of their own only as a
group: a page that is not the last always leaves at least one row for the
last, and two rather than one when it can spare them, so neither the
signature nor a single row stands alone.
"""

from __future__ import annotations

from dataclasses import dataclass

EPS = 1e-6


@dataclass(frozen=True)
class Bands:
    """Heights of the incoming strip (inside the table) and outgoing band (under it)."""

    in_h: float
    out_h: float


def paginate(
    heights: list[float],
    room: float,
    bands: Bands,
    force_in: frozenset[int] = frozenset(),
    force_out: frozenset[int] = frozenset(),
    *,
    reserve_last: float = 0.0,
) -> list[list[int]]:
    """Row indexes per page; `room` is the page's height below the header.

    Each row must be at most `room - bands.in_h - bands.out_h` tall (the caller
    makes sure); a page always takes at least one row, so this ends.
    """
    pages: list[list[int]] = []
    n = len(heights)
    i = 0
    while i < n:
        p = len(pages)
        top = room - (bands.in_h if p > 0 or p in force_in else 0.0)
        last_cap = top - (bands.out_h if p in force_out else 0.0) - reserve_last
        if sum(heights[i:]) <= last_cap + EPS:
            pages.append(list(range(i, n)))
            break
        cap = top - bands.out_h
        start, used = i, 0.0
        while i < n and (i == start or used + heights[i] <= cap + EPS):
            used += heights[i]
            i += 1
        i = _leave_for_last(start, i, n)
        pages.append(list(range(start, i)))
    return pages or [[]]


def _leave_for_last(start: int, end: int, n: int) -> int:
    """Where a page that is not the last ends: it leaves rows for the last page."""
    if end == n and end - start > 1:
        end -= 1  # all the rest did not fit as a last page: at least one goes on
    if n - end == 1 and end - start > 2:
        end -= 1  # and two rather than one
    return end


def has_in_strip(page: int, force_in: frozenset[int]) -> bool:
    return page > 0 or page in force_in


def has_out_band(page: int, n_pages: int, force_out: frozenset[int]) -> bool:
    return page < n_pages - 1 or page in force_out
