"""Cheap sentence helpers for short lines (str methods only: linear time)."""
from __future__ import annotations

_ENDS = ".!?…"


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` (the whole text when it has one sentence)."""
    t = text.rstrip(" " + _ENDS)
    cut = max(t.rfind(". "), t.rfind("! "), t.rfind("? "), t.rfind("… "))
    return t[cut + 2:] if cut >= 0 else t


def sentence_count(text: str) -> int:
    """Roughly how many sentences ``text`` holds (a sentence end followed by a space)."""
    return 1 + text.count(". ") + text.count("! ") + text.count("? ") + text.count("… ")
