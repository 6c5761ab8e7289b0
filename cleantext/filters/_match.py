"""Matching a whole line against a phrase list.

Lines are compared in a folded form: case-folded, with whitespace collapsed and
surrounding punctuation and symbols dropped, so ``"ADVERTISEMENT:"`` and
``"– Advertisement –"`` both match the phrase ``Advertisement``.
"""
from __future__ import annotations

from collections.abc import Iterable
from unicodedata import category


def _is_edge(ch: str) -> bool:
    return category(ch)[0] in "PSZC"


def strip_edges(text: str) -> str:
    """``text`` without leading and trailing punctuation, symbols and spaces (linear time)."""
    i, j = 0, len(text)
    while i < j and _is_edge(text[i]):
        i += 1
    while j > i and _is_edge(text[j - 1]):
        j -= 1
    return text[i:j]


def fold(text: str) -> str:
    """The comparison form of a line: case-folded, spaces collapsed, edge punctuation gone."""
    return " ".join(strip_edges(text).split()).casefold()


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    """Fold a phrase list for :func:`fold`-based whole-line lookups."""
    return frozenset(f for f in (fold(p) for p in phrases) if f)
