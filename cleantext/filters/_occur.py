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

from collections.abc import Iterator, Sequence
from functools import lru_cache

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


@lru_cache(maxsize=256)
def anchor(needle: str) -> str:
    """The character of ``needle`` to search for first: the rarest kind it has.

    A search for one character runs at memory speed, one for several
    characters several times slower; so :func:`positions` searches for one
    character and checks the rest where it is found.  Other than ASCII is
    rarest, then ASCII punctuation, then digits; a needle of letters and
    spaces only has no good anchor ("").
    """
    best, rank = "", 0
    for ch in needle:
        r = 3 if not ch.isascii() else 2 if not ch.isalnum() and not ch.isspace() else \
            1 if ch.isdigit() else 0
        if r > rank:
            best, rank = ch, r
    return best


def positions(text: str, needle: str, start: int = 0) -> Iterator[int]:
    """Offsets of ``needle`` in ``text`` from ``start`` on, in order (overlaps included)."""
    a = anchor(needle)
    if not a or len(needle) == 1:
        k = text.find(needle, start)
        while k >= 0:
            yield k
            k = text.find(needle, k + 1)
        return
    shift = needle.index(a)
    find, startswith = text.find, text.startswith
    k = find(a, start + shift)
    while k >= 0:
        if k >= shift and startswith(needle, k - shift):
            yield k - shift
        k = find(a, k + 1)
