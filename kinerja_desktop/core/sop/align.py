"""Aligning two sequences for `core.sop.diff`: words of a text, list items,
lanes and steps.

* `word_diff` — the word-level changes of one text as (kind, words) runs;
* `pair_blocks` — two lists of texts aligned in order (`difflib`), similar
  texts inside a replaced stretch paired as "the same item, changed";
* `pair_by_id` — two lists of ids paired by the ids they share;
* `moved` — which matched items changed order.

A pair is (old index, new index), None on the side that lacks the item.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from enum import StrEnum

SIMILAR = 0.5  # texts at least this similar are "the same item, changed"

Pair = tuple[int | None, int | None]


class Kind(StrEnum):
    """What happened to a piece of a document (or to a run of words)."""

    SAME = "sama"
    ADDED = "ditambahkan"
    REMOVED = "dihapus"
    CHANGED = "diubah"


WordRun = tuple[Kind, str]


def _words(text: str) -> list[str]:
    return text.split()


def word_diff(old: str, new: str) -> list[WordRun]:
    """The words of `old` → `new` as runs of (SAME | REMOVED | ADDED, "words joined by spaces")."""
    a, b = _words(old), _words(new)
    runs: list[WordRun] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append((Kind.SAME, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append((Kind.REMOVED, " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append((Kind.ADDED, " ".join(b[j1:j2])))
    return runs


def similarity(a: str, b: str) -> float:
    """0..1: how alike two texts are, word by word (case and spacing ignored)."""
    wa, wb = _words(a.casefold()), _words(b.casefold())
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def pair_blocks(old: Sequence[str], new: Sequence[str]) -> list[Pair]:
    """Align two sequences of texts: (old index, new index) pairs in order, None for
    an item only one side has. Similar texts inside a replaced stretch pair up."""
    keys_a = [" ".join(x.split()).casefold() for x in old]
    keys_b = [" ".join(x.split()).casefold() for x in new]
    pairs: list[Pair] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            pairs += _pair_similar(list(range(i1, i2)), list(range(j1, j2)), keys_a, keys_b)
    return pairs


def _pair_similar(
    olds: list[int], news: list[int], keys_a: Sequence[str], keys_b: Sequence[str]
) -> list[Pair]:
    """Inside a replaced stretch: walk both in order, pairing an old item with the
    next new one when alike enough; the rest are removed / added."""
    out: list[Pair] = []
    j = 0
    for i in olds:
        best = next(
            (k for k in range(j, len(news)) if similarity(keys_a[i], keys_b[news[k]]) >= SIMILAR),
            None,
        )
        if best is None:
            out.append((i, None))
            continue
        out += [(None, news[k]) for k in range(j, best)]
        out.append((i, news[best]))
        j = best + 1
    out += [(None, news[k]) for k in range(j, len(news))]
    return out


def pair_by_id(old_ids: list[str], new_ids: list[str]) -> list[Pair] | None:
    """Pairs by shared id, or None when the two share no id (then ids say nothing)."""
    shared = set(old_ids) & set(new_ids)
    if not shared:
        return None
    where_new = {x: j for j, x in enumerate(new_ids)}
    pairs: list[Pair] = [(i, where_new[x] if x in shared else None) for i, x in enumerate(old_ids)]
    pairs += [(None, j) for j, x in enumerate(new_ids) if x not in shared]
    return in_reading_order(pairs)


def in_reading_order(
    pairs: list[Pair],
) -> list[Pair]:
    """Pairs in the new document's order; an item only the old one has comes
    right after the new place of the old item before it."""
    olds = sorted((p for p in pairs if p[0] is not None), key=lambda p: p[0] or 0)
    keyed: list[tuple[float, tuple[int | None, int | None]]] = []
    last = -1.0
    for i, j in olds:
        if j is not None:
            last = float(j)
        keyed.append((last + 0.5 if j is None else float(j), (i, j)))
    keyed += [(float(j), (i, j)) for i, j in pairs if i is None and j is not None]
    return [p for _k, p in sorted(keyed, key=lambda kp: kp[0])]


def moved(pairs: list[Pair]) -> set[int]:
    """Old indices of matched items that changed order (outside the longest run kept in order)."""
    matched = sorted((i, j) for i, j in pairs if i is not None and j is not None)
    olds = [i for i, _j in matched]
    news = [j for _i, j in matched]
    kept: set[int] = set()
    order = sorted(news)
    for block in SequenceMatcher(None, news, order, autojunk=False).get_matching_blocks():
        kept.update(olds[block.a : block.a + block.size])
    return set(olds) - kept
