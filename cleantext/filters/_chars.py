"""What a text holds besides plain printable ASCII: a cheap first look for the normalizers.

Each normalizer acts on a few kinds of characters, and almost all of them are
unusual: control characters, line separators, odd spaces, invisible
characters, the non-ASCII characters of mojibake.  A regex character class
reads about 3 ns per character.  :func:`unusual_runs` takes the text's UTF-8
bytes, blanks out printable ASCII and ``"\\n"`` (``bytes.translate``) and keeps
the runs of what is left (``bytes.split``): all in C, and the result is some
20 times shorter than European text, so that any class, any pair of
neighbours, or a departure from normal form NFC, is then found almost for
free.

The normalizers run one after another on the same text object whenever one of
them leaves it unchanged, so inside :func:`memo_scope` (which the pipeline
opens while it normalizes one document) each function here keeps its last
answer for the next question: a one-entry memo per function, keyed by object
identity, that lives and dies with the scope.  Outside a scope every call
computes its answer.  The same goes for the two checks for untidy spaces that
the encoding and whitespace normalizers share.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import TypeVar

#: Byte translation: printable ASCII and "\n" become spaces (run separators);
#: tab, CR, VT and FF, which ``bytes.split`` would also take as separators,
#: become U+001F (see :func:`unusual_runs`); every other byte stays.
_BLANK_PLAIN = bytes(0x20 if 0x20 <= b < 0x7F or b == 0x0A else
                     0x1F if b in (0x09, 0x0B, 0x0C, 0x0D) else b for b in range(256))

#: What stands before each run in :func:`unusual_runs`: U+0315 COMBINING COMMA
#: ABOVE RIGHT, a mark that no normalizer acts on, that composes with nothing
#: (so a normalization check passes it by quickly), and whose combining class
#: (232) is above that of every mark that composes with an ASCII letter (230
#: at most), so that such a mark starting a run is out of canonical order
#: after it.
SEPARATOR = "\u0315"
_SEPARATOR = SEPARATOR.encode()

#: A line break with a space on either side, or starting two blank lines.
LINE_EDGE = re.compile("\n(?:(?<= \n)| |\n\n)")

T = TypeVar("T")


_MEMO: ContextVar[dict[str, tuple[str, object]] | None] = ContextVar("cleantext_chars_memo", default=None)


@contextmanager
def memo_scope() -> Iterator[None]:
    """While open, the functions of this module remember their last answer (see the module doc)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _remember_last(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn``, answering again without work when asked about the same text object in one scope."""
    key = fn.__qualname__

    @wraps(fn)
    def remembered(text: str) -> T:
        memo = _MEMO.get()
        if memo is None:
            return fn(text)
        seen = memo.get(key)
        if seen is not None and seen[0] is text:
            return seen[1]  # type: ignore[return-value]
        out = fn(text)
        memo[key] = (text, out)
        return out
    return remembered


@_remember_last
def unusual_runs(text: str) -> str:
    """The runs of unusual characters of ``text``, in order, each after a :data:`SEPARATOR`.

    Unusual: anything but printable ASCII and ``"\\n"``.  Two unusual
    characters are neighbours in the result exactly when they are neighbours
    in ``text``.  Tab, CR, VT and FF appear as U+001F, the unit separator: a
    control character that each normalizer treats as work just as it treats
    them (it is a whitespace, control and pre-pass character too).  Lone
    surrogates are kept.

    The text is in Unicode normal form NFC if the result is.  Plain ASCII
    characters are starters (combining class 0) that no normalization
    changes; the only way they take part in one is as the base that a
    combining mark after them composes with ("e" + U+0301 → "é").  A run
    holding such a mark starts with a mark of combining class 230 or less
    (or is out of order itself), right after a separator of class 232: out of
    canonical order, so the result is not NFC either.
    """
    if text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("utf-8", "surrogatepass")
    runs = raw.translate(_BLANK_PLAIN).split()
    return (_SEPARATOR + _SEPARATOR.join(runs)).decode("utf-8", "surrogatepass")


@_remember_last
def has_space_run(text: str) -> bool:
    """Whether ``text`` holds two spaces in a row."""
    return "  " in text


@_remember_last
def has_line_edge(text: str) -> bool:
    """Whether :data:`LINE_EDGE` occurs in ``text``: a space at a line edge, or two blank lines."""
    return LINE_EDGE.search(text) is not None
