"""Loose comparison of short document names, as offices write them.

Used by the SOP checker to see whether a step's Kelengkapan follows from the
previous step's Output ("Konsep Perencanaan Kinerja" → "KONSEP PERENCANAAN
KINEJRA, YANG SUDAH DIPARAF"). Real sheets differ in case, punctuation, typos,
reduplicated plurals ("bahan-bahan"), word order and state suffixes ("yang
sudah diparaf", "siap digandakan"), so the comparison works on words:

* both texts become sets of content words (lower case, punctuation and
  function words such as "yang", "sudah", "dan" removed);
* two words match when they are equal, differ by one typo (two for long
  words; a swap of neighbours counts as one), share a long common start
  ("perencana" / "perencanaan"), or are equal after a "di"/"ter" prefix
  ("paraf" / "diparaf");
* the texts are related when every content word of one matches a word of the
  other (one names a part of the other: "Dokumen" ⊂ "Dokumen data kinerja"),
  or when they share a *specific* word — a word other than generic document
  nouns and qualifiers (dokumen, data, surat, konsep, draf, …) and figures.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS = _word_set(
    "yang sudah telah akan dan atau pada untuk di ke dari atas serta oleh dengan dalam "
    "sebagai bagi tentang kepada ini itu tersebut siap"
)
_GENERIC_WORDS = _word_set(
    "dokumen data surat laporan konsep draf draft berkas bahan lembar format hasil "
    "informasi nota tanda terima kegiatan bukti daftar salinan copy kec kab kecamatan "
    "kabupaten diparaf paraf ditandatangani tandatangan digandakan disetujui diterima "
    "dikirim disampaikan diperbaiki diteruskan final"
)
_PREFIXES = ("di", "ter")
_MIN_PREFIX = 5  # shared start that makes two words the same word
_MIN_TYPO = 5  # shorter words must match exactly ("data" is not "dana")
_LONG_WORD = 10  # from this length two typos are allowed


def content_words(text: str) -> set[str]:
    """The content words of `text` (function words removed; all words if none is left)."""
    words = _WORD.findall(text.lower())
    content = {w for w in words if w not in _FUNCTION_WORDS}
    return content or set(words)


def words_match(a: str, b: str) -> bool:
    """True when two words are the same word, allowing a typo or a prefix."""
    if _same_word(a, b):
        return True
    sa, sb = _strip(a), _strip(b)
    return (sa, sb) != (a, b) and _same_word(sa, sb)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) >= _MIN_PREFIX and long_.startswith(short):
        return True
    if len(short) < _MIN_TYPO:
        return False
    limit = 1 if len(long_) < _LONG_WORD else 2
    return len(long_) - len(short) <= limit and _osa_distance(a, b) <= limit


def _strip(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


def _osa_distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters counts as one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def is_generic(word: str) -> bool:
    """A word too common in document names to link two of them on its own."""
    return word.isdigit() or len(word) < 3 or word in _GENERIC_WORDS


def related(a: str, b: str) -> bool:
    """True when two document names plausibly name the same thing (see module doc).

    An empty text is related to anything: there is nothing to compare.
    """
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return True
    matched_b = {y for y in wb if any(words_match(x, y) for x in wa)}
    matched_a = {x for x in wa if any(words_match(x, y) for y in wb)}
    if matched_b == wb or matched_a == wa:
        return True
    return any(not is_generic(w) for w in matched_a | matched_b)
