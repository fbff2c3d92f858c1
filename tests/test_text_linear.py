"""Wrapping a text costs time linear in its length, also for one endless word.

A 5 MB word once made `sop pdf` run for minutes and take gigabytes (the
layout's word breaking measured the whole rest of the word for every piece).
"""

from __future__ import annotations

import time

import pytest

from kinerja_desktop.core.layout.text import wrap_text
from kinerja_desktop.exchange.pdf.fonts import SANS, text_width
from kinerja_desktop.exchange.pdf.text import Style, wrap


def measure(text: str, _font: object, size: float) -> float:
    return text_width(text, SANS, size)


@pytest.mark.parametrize("hyphen", [False, True])
def test_a_long_word_is_broken_in_linear_time(hyphen: bool) -> None:
    word = "PERENCANAAN" * 20_000  # 220,000 letters, no space
    start = time.perf_counter()
    lines = wrap_text(word, 120.0, "sans", 8.0, measure, hyphen=hyphen)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0
    assert all(measure(line, None, 8.0) <= 120.0 for line in lines)
    joined = "".join(line.removesuffix("-") for line in lines)  # words are always hyphenated
    assert joined == word


def test_small_texts_break_as_before() -> None:
    lines = wrap_text("monev.bps.go.id/kinerja/2026", 40.0, "sans", 8.0, measure)
    assert "".join(lines) == "monev.bps.go.id/kinerja/2026"
    assert all(measure(line, None, 8.0) <= 40.0 for line in lines) and len(lines) > 1
    hyphenated = wrap_text("PERENCANAAN", 30.0, "sans", 8.0, measure, hyphen=True)
    assert hyphenated[0].endswith("-") and "".join(hyphenated).replace("-", "") == "PERENCANAAN"


def test_the_pdf_blocks_break_long_words_in_linear_time() -> None:
    word = "W" * 300_000
    start = time.perf_counter()
    lines = wrap(word, Style(), 200.0)
    assert time.perf_counter() - start < 2.0
    assert "".join(lines) == word
    assert all(text_width(line, SANS, Style().size) <= 200.0 for line in lines)
