"""Matching a whole line against a phrase list.

Lines are compared in a folded form: case-folded, with whitespace collapsed and
surrounding punctuation and symbols dropped, so ``"ADVERTISEMENT:"`` and
``"– Advertisement –"`` both match the phrase ``Advertisement``.
"""
from __future__ import annotations

import string
from collections.abc import Iterable
from unicodedata import category

# ASCII punctuation, symbols and spaces: stripped with one C call before the
# per-character Unicode check, which then only runs for non-ASCII edges.
_ASCII_EDGE = string.punctuation + string.whitespace + "\x00"


def _is_edge(ch: str) -> bool:
    return category(ch)[0] in "PSZC"


def strip_edges(text: str) -> str:
    """``text`` without leading and trailing punctuation, symbols and spaces (linear time)."""
    text = text.strip(_ASCII_EDGE)
    if not text or (text[0] < "\x80" and text[-1] < "\x80"):
        return text
    i, j = 0, len(text)
    while i < j and _is_edge(text[i]):
        i += 1
    while j > i and _is_edge(text[j - 1]):
        j -= 1
    return text[i:j].strip(_ASCII_EDGE) if (i or j < len(text)) else text


def fold(text: str) -> str:
    """The comparison form of a line: case-folded, spaces collapsed, edge punctuation gone."""
    return " ".join(strip_edges(text).split()).casefold()


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    """Fold a phrase list for :func:`fold`-based whole-line lookups."""
    return frozenset(f for f in (fold(p) for p in phrases) if f)


def first_words(folded: Iterable[str]) -> frozenset[str]:
    """The first words of folded phrases: a cheap key to find lines that may start with one."""
    return frozenset(f.split(" ", 1)[0] for f in folded if f)


def starts_with_phrase(folded_line: str, phrases: frozenset[str]) -> str | None:
    """The longest phrase of ``phrases`` that ``folded_line`` starts with as whole words."""
    best = None
    words = folded_line.split(" ")
    acc = ""
    for w in words[:8]:
        acc = f"{acc} {w}" if acc else w
        key = strip_edges(acc)
        if key in phrases:
            best = key
    return best
