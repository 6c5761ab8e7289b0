"""What a text holds besides plain printable ASCII: a cheap first look for the normalizers.

Each normalizer acts on a few kinds of characters, and almost all of them are
unusual: control characters, line separators, odd spaces, invisible
characters, the non-ASCII characters of mojibake.  A regex character class
reads about 3 ns per character.  :func:`unusual_runs` takes the text's UTF-8
bytes, blanks out printable ASCII and ``"\n"`` (``bytes.translate``) and keeps
the runs of what is left (``bytes.split``): all in C, and the result is some
20 times shorter than European text, so that any class, or any pair of
neighbours, is then found almost for free.

The normalizers run one after another on the same text object whenever one of
them leaves it unchanged, so each function here keeps its last answer for the
next question (a one-entry memo keyed by object identity: the answer depends
on the text alone, so nothing carries over from one document to the next).
The same goes for the two checks for untidy spaces that the encoding and
whitespace normalizers share.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

#: Byte translation: printable ASCII and "\n" become spaces (run separators);
#: tab, CR, VT and FF, which ``bytes.split`` would also take as separators,
#: become U+001F (see :func:`unusual_runs`); every other byte stays.
_BLANK_PLAIN = bytes(0x20 if 0x20 <= b < 0x7F or b == 0x0A else
                     0x1F if b in (0x09, 0x0B, 0x0C, 0x0D) else b for b in range(256))

#: A line break with a space on either side, or starting two blank lines.
LINE_EDGE = re.compile("\n(?:(?<= \n)| |\n\n)")

T = TypeVar("T")


def _remember_last(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn``, answering again without work when asked about the same text object."""
    last: tuple[str, T] | None = None

    @wraps(fn)
    def remembered(text: str) -> T:
        nonlocal last
        seen = last                     # one read: safe if threads interleave
        if seen is not None and seen[0] is text:
            return seen[1]
        out = fn(text)
        last = (text, out)
        return out
    return remembered


@_remember_last
def unusual_runs(text: str) -> str:
    """The runs of unusual characters of ``text``, in order, joined by single spaces.

    Unusual: anything but printable ASCII and ``"\\n"``.  Two unusual
    characters are neighbours in the result exactly when they are neighbours
    in ``text``.  Tab, CR, VT and FF appear as U+001F, the unit separator: a
    control character that each normalizer treats as work just as it treats
    them (it is a whitespace, control and pre-pass character too).  Lone
    surrogates are kept.
    """
    if text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("utf-8", "surrogatepass")
    return b" ".join(raw.translate(_BLANK_PLAIN).split()).decode("utf-8", "surrogatepass")


@_remember_last
def has_space_run(text: str) -> bool:
    """Whether ``text`` holds two spaces in a row."""
    return "  " in text


@_remember_last
def has_line_edge(text: str) -> bool:
    """Whether :data:`LINE_EDGE` occurs in ``text``: a space at a line edge, or two blank lines."""
    return LINE_EDGE.search(text) is not None
