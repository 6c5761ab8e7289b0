"""Which of a few short strings occur in a text: many C-level searches, cache-friendly.

``needle in text`` is a fast C search, but each one reads the whole text.
Asking for twenty needles reads a large text twenty times from main memory;
asking chunk by chunk reads each chunk from memory once and then from the CPU
cache.  Small texts are searched whole.

A one-character search is a ``memchr``-like scan, many times faster than a
search for two characters; so a longer needle is only looked for when its
first character occurs (``"\r\n"`` when there is a ``"\r"``).
"""
from __future__ import annotations

from collections.abc import Sequence

#: Characters per chunk: small enough for the CPU cache even at 4 bytes a character.
CHUNK = 1 << 16


def occurring(text: str, needles: Sequence[str]) -> list[str]:
    """The needles that occur in ``text``, in the order given."""
    if len(text) <= 4 * CHUNK:
        return [n for n in needles if (len(n) == 1 or n[0] in text) and n in text]
    overlap = max(map(len, needles), default=1) - 1
    left = list(needles)
    found: set[str] = set()
    for start in range(0, len(text), CHUNK):
        chunk = text[start:start + CHUNK + overlap]
        hits = [n for n in left if (len(n) == 1 or n[0] in chunk) and n in chunk]
        if hits:
            found.update(hits)
            left = [n for n in left if n not in found]
            if not left:
                break
    return [n for n in needles if n in found]
