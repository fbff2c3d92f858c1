"""Guessing who does a step from its wording.

Real SOP texts often name the actor only in the sentence: "Sekretaris
memerintahkan …", "Kabid melakukan rapat …", "Camat menandatangani …". The
actor is the subject, i.e. the words before the first verb. This module finds
that subject and matches it against the Pelaksana (lane) names of the SOP,
understanding the abbreviations offices use (Kasubag = Kasubbag = Kepala Sub
Bagian, Kasi = Kepala Seksi, Kabid = Kepala Bidang, Sekcam = Sekretaris
Camat …) and shortened words ("Perenc" for "Perencanaan").

It answers only when it is confident: a sentence that opens with a verb
("Memerintahkan sekretaris …") names its object, not its actor, and gives no
answer; neither does a subject that fits two different lanes equally well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Multi-word titles folded into one token before matching (longest first).
_PHRASES: tuple[tuple[str, str], ...] = (
    ("kepala sub bagian", "kasubag"),
    ("kepala subbagian", "kasubag"),
    ("kepala sub bidang", "kasubbid"),
    ("kepala subbidang", "kasubbid"),
    ("kepala bagian", "kabag"),
    ("kepala bidang", "kabid"),
    ("kepala seksi", "kasi"),
    ("sekretaris camat", "sekretaris"),
    ("sekretaris kecamatan", "sekretaris"),
    ("kepala kelurahan", "lurah"),
    ("kepala desa", "kades"),
)

# Single-word spellings of the same title.
_ALIASES: dict[str, str] = {
    "kasubbag": "kasubag",
    "kasubbg": "kasubag",
    "kasubid": "kasubbid",
    "sekcam": "sekretaris",
    "sekret": "sekretaris",
    "kasie": "kasi",
    "kaur": "kaur",
    "&": "dan",
}

# Words that end the subject without being a verb.
_STOP_WORDS = frozenset(
    {"untuk", "yang", "kepada", "ke", "agar", "supaya", "serta", "atas", "pada", "bahwa"}
)
# Words that may open a sentence before the actor ("Bapak Camat …").
_LEADING_NOISE = frozenset({"bapak", "ibu", "sdr", "saudara", "pak", "bu", "oleh"})

_VERB_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "di", "ter", "per")
_MAX_SUBJECT = 6
_MIN_PREFIX_MATCH = 4

_TOKEN_RE = re.compile(r"[a-z0-9&]+")


def normalize_words(text: str) -> list[str]:
    """Lower-case tokens with titles folded to one spelling ("Kepala Seksi" → "kasi")."""
    lowered = " ".join(_TOKEN_RE.findall(text.lower().replace("&", " & ")))
    for phrase, token in _PHRASES:
        lowered = re.sub(rf"\b{phrase}\b", token, lowered)
    return [_ALIASES.get(tok, tok) for tok in lowered.split()]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= _MIN_PREFIX_MATCH and long_.startswith(short)


def _looks_like_verb(token: str, role_words: set[str]) -> bool:
    if token in role_words:
        return False
    return len(token) >= 5 and token.startswith(_VERB_PREFIXES)


def _subject(tokens: list[str], role_words: set[str]) -> list[str]:
    """The words before the first verb (or stop word), leading courtesy words dropped."""
    start = 0
    while start < len(tokens) and tokens[start] in _LEADING_NOISE:
        start += 1
    subject: list[str] = []
    for tok in tokens[start:]:
        if tok in _STOP_WORDS or _looks_like_verb(tok, role_words):
            break
        subject.append(tok)
        if len(subject) >= _MAX_SUBJECT:
            break
    return subject


def _agent_after_oleh(tokens: list[str], role_words: set[str]) -> list[str]:
    """For passive sentences: the words after "oleh" ("ditandatangani oleh Camat")."""
    if "oleh" not in tokens:
        return []
    return _subject(tokens[tokens.index("oleh") + 1 :], role_words)


@dataclass(frozen=True)
class _Score:
    matched: int  # lane words found in the subject
    full: bool  # every lane word found
    extra: int  # subject words not in the lane name

    def key(self) -> tuple[int, int, int]:
        return (self.matched, int(self.full), -self.extra)


def _score(subject: list[str], lane_words: list[str]) -> _Score | None:
    """How well one spelling of a lane fits the subject; None when the head word differs."""
    if not subject or not lane_words or not _same_word(subject[0], lane_words[0]):
        return None
    matched = sum(1 for lw in lane_words if any(_same_word(lw, sw) for sw in subject))
    extra = sum(1 for sw in subject if not any(_same_word(sw, lw) for lw in lane_words))
    return _Score(matched, matched == len(lane_words), extra)


def _lane_spellings(name: str) -> list[list[str]]:
    """A lane may name alternatives: "Kepala Seksi/Lurah" → [kasi], [lurah]."""
    parts = [normalize_words(p) for p in re.split(r"[/,]| atau ", name)]
    return [p for p in parts if p]


def _best_lane(subject: list[str], lane_names: Sequence[str]) -> int | None:
    best: dict[str, tuple[tuple[int, int, int], int]] = {}
    for index, name in enumerate(lane_names):
        scores = [s for w in _lane_spellings(name) if (s := _score(subject, w)) is not None]
        if not scores:
            continue
        key = max(s.key() for s in scores)
        canonical = " ".join(normalize_words(name))
        # Identical names are one role: the first column of that name answers.
        best.setdefault(canonical, (key, index))
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda item: item[0], reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def guess_lane(uraian: str, lane_names: Sequence[str]) -> int | None:
    """Index of the lane whose role is the actor of `uraian`, or None when unsure.

    >>> guess_lane("Sekretaris memerintahkan Kasubag", ["Camat", "Sekretaris", "Kasubag"])
    1
    >>> guess_lane("Memerintahkan sekretaris untuk verifikasi", ["Camat", "Sekretaris"]) is None
    True
    """
    role_words = {w for name in lane_names for spelling in _lane_spellings(name) for w in spelling}
    tokens = normalize_words(uraian)
    for subject in (_subject(tokens, role_words), _agent_after_oleh(tokens, role_words)):
        if subject:
            found = _best_lane(subject, lane_names)
            if found is not None:
                return found
    return None
