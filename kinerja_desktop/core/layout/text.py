"""Wrapping text into lines that fit a width, and placing lines in a cell.

Widths come from the caller's `Measure` (reportlab for the PDF, Qt font
metrics on screen), so nothing here depends on one font. Lines break on
spaces; a word longer than the width (a URL, "monev.bps.go.id") is broken
between characters so that no line is ever wider than asked. Explicit line
breaks in the text are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from .primitives import Anchor, Font, Measure, TextRun

LINE_FACTOR = 1.2  # line height as a multiple of the font size
ELLIPSIS = "…"


def line_height(size: float) -> float:
    return size * LINE_FACTOR


def wrap_text(
    text: str, width: float, font: Font, size: float, measure: Measure, *, hyphen: bool = False
) -> list[str]:
    """Lines of `text` none wider than `width` (empty text gives no lines).

    A word of letters that must be broken gets a hyphen at the end of each
    piece but the last ("PERENCA-" / "NAAN"), as typesetters do; any other word
    (a web address, a number of a letter) breaks after a slash, stop or dash,
    else with a hyphen too: a word is never cut without a mark. (`hyphen` is
    kept for callers that ask for it; it is always so.)
    """
    if not text.strip():
        return []
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        words = paragraph.split()
        if words:
            lines.extend(_wrap_words(words, (width, font, size), measure, hyphen))
        elif lines:
            lines.append("")
    return lines


def _wrap_words(
    words: list[str], setting: tuple[float, Font, float], measure: Measure, hyphen: bool
) -> list[str]:
    width, font, size = setting
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if measure(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if word.isalpha() and len(word) > 3:
            pieces = _hyphenated(word, width, font, size, measure)
        else:
            pieces = _at_marks(word, width, font, size, measure)
        lines.extend(pieces[:-1])
        line = pieces[-1]
    if line:
        lines.append(line)
    return lines


def _char_widths(word: str, font: Font, size: float, measure: Measure) -> list[float]:
    """The width of each character of `word`, each distinct character measured once."""
    cache: dict[str, float] = {}
    return [
        cache[ch] if ch in cache else cache.setdefault(ch, measure(ch, font, size)) for ch in word
    ]


def _fit_end(word: str, start: int, widths: list[float], limit: float) -> int:
    """The end of the longest run word[start:end] whose summed width fits
    `limit` (at least one character)."""
    end, total = start, 0.0
    while end < len(word) and (end == start or total + widths[end] <= limit):
        total += widths[end]
        end += 1
    return end


def break_word(word: str, width: float, font: Font, size: float, measure: Measure) -> list[str]:
    """`word` cut into pieces that each fit `width` (at least one character each).

    Linear in the length of the word: character widths are summed (each
    distinct character measured once) and each piece is measured once more
    as a whole, shortened by a character where kerning makes it wider."""
    if measure(word, font, size) <= width:
        return [word]
    widths = _char_widths(word, font, size, measure)
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = _fit_end(word, start, widths, width)
        while end - start > 1 and measure(word[start:end], font, size) > width:
            end -= 1
        pieces.append(word[start:end])
        start = end
    return pieces


MARKS = frozenset("/.-_,:;)&")  # a word that is not all letters may break after these


def _at_marks(word: str, width: float, font: Font, size: float, measure: Measure) -> list[str]:
    """`word` (not all letters) broken after its slashes, stops or dashes where a
    piece fits, else with a hyphen; each piece fits `width` where it can. Linear
    in the length of the word (see `break_word`)."""
    if measure(word, font, size) <= width:
        return [word]
    widths = _char_widths(word, font, size, measure)
    hyphen = measure("-", font, size)
    remaining = sum(widths)
    pieces: list[str] = []
    start = 0
    while remaining > width and len(word) - start > 1:
        end = _fit_end(word, start, widths, width)
        cut = next((i + 1 for i in range(end - 1, start, -1) if word[i] in MARKS), 0)
        if not cut or cut >= len(word):
            cut = _fit_end(word, start, widths, width - hyphen)
            if widths[start] + hyphen > width:  # not one character and a hyphen: a bare cut
                return pieces + break_word(word[start:], width, font, size, measure)
            pieces.append(word[start:cut] + "-")
        else:
            pieces.append(word[start:cut])
        remaining -= sum(widths[start:cut])
        start = cut
    return [*pieces, word[start:]]


def _hyphenated(word: str, width: float, font: Font, size: float, measure: Measure) -> list[str]:
    """`word` broken into pieces that fit `width` with a hyphen after each but the
    last, at a syllable boundary where one fits ("PERENCA-" / "NAAN"); each piece
    keeps at least two letters where it can. Linear in the length of the word
    (see `break_word`)."""
    widths = _char_widths(word, font, size, measure)
    hyphen = measure("-", font, size)
    remaining = sum(widths)
    pieces: list[str] = []
    start = 0
    while remaining > width and len(word) - start > 2:
        k = min(_fit_end(word, start, widths, width - hyphen), len(word) - 2) - start
        while k > 2 and measure(word[start : start + k] + "-", font, size) > width:
            k -= 1
        if k <= 2 and measure(word[start : start + k] + "-", font, size) > width:
            return pieces + _at_marks(word[start:], width, font, size, measure)
        k = next((j for j in range(k, 1, -1) if _syllable_break(word, start + j, start)), k)
        pieces.append(word[start : start + k] + "-")
        remaining -= sum(widths[start : start + k])
        start += k
    if measure(word[start:], font, size) > width:  # kerning, or two letters that do not fit
        return pieces + _at_marks(word[start:], width, font, size, measure)
    return [*pieces, word[start:]]


VOWELS = frozenset("aeiouAEIOU")
DIGRAPHS = frozenset({"ng", "ny", "kh", "sy"})  # one sound: never parted


def _syllable_break(word: str, k: int, start: int = 0) -> bool:
    """True when an Indonesian syllable may end before `word[k]` (in the piece
    starting at `start`): V-V, V-CV, VC-CV."""
    if k - start < 2 or k > len(word) - 2 or word[k - 1 : k + 1].lower() in DIGRAPHS:
        return False
    here, after, before = word[k], word[k + 1], word[k - 1]
    if here in VOWELS:
        return before in VOWELS
    return after in VOWELS and word[k - 1 : k + 1].lower() not in DIGRAPHS


def fit_with_ellipsis(line: str, width: float, font: Font, size: float, measure: Measure) -> str:
    """`line` shortened so that it and a trailing ellipsis fit `width`."""
    if measure(ELLIPSIS, font, size) > width:  # not even the ellipsis fits: plain cut
        return break_word(line, width, font, size, measure)[0]
    text = break_word(line.rstrip(), width, font, size, measure)[0]  # bounded before trimming
    while text and measure(text + ELLIPSIS, font, size) > width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS


@dataclass(frozen=True)
class CellText:
    """Wrapped lines of one cell, with the face and size they were wrapped at."""

    lines: tuple[str, ...]
    font: Font
    size: float

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size)


def wrap_cell(text: str, width: float, font: Font, size: float, measure: Measure) -> CellText:
    return CellText(tuple(wrap_text(text, width, font, size, measure)), font, size)


def place_lines(
    cell: CellText,
    x: float,
    w: float,
    top: float,
    h: float,
    *,
    anchor: Anchor = Anchor.START,
    pad_x: float = 0.0,
    role: str = "",
    step_id: str | None = None,
) -> list[TextRun]:
    """Text runs of `cell` centred vertically in the box (x, top, w, h)."""
    lh = line_height(cell.size)
    y0 = top + (h - cell.height) / 2
    baseline_in_line = (lh - cell.size) / 2 + cell.size * 0.8
    if anchor is Anchor.MIDDLE:
        tx = x + w / 2
    elif anchor is Anchor.END:
        tx = x + w - pad_x
    else:
        tx = x + pad_x
    return [
        TextRun(
            tx, y0 + i * lh + baseline_in_line, line, cell.font, cell.size, anchor, role, step_id
        )
        for i, line in enumerate(cell.lines)
        if line
    ]


def run_extent(run: TextRun, measure: Measure) -> tuple[float, float]:
    """Left and right x of a text run as the measure sets it."""
    width = measure(run.text, run.font, run.size)
    if run.anchor is Anchor.MIDDLE:
        return run.x - width / 2, run.x + width / 2
    if run.anchor is Anchor.END:
        return run.x - width, run.x
    return run.x, run.x + width
