"""Line-break and whitespace normalization.

- Every line break becomes ``\\n``: ``\\r\\n``, ``\\r``, VT, FF, NEL (U+0085),
  U+2028, U+2029 and the separators U+001C–U+001E that ``str.splitlines``
  also breaks on.
- Within a line, every run of whitespace (spaces, tabs, NBSP and the other
  Unicode space separators: what ``str.isspace`` accepts) becomes one space.
- Lines lose leading and trailing spaces.
- At most one blank line in a row; none at the start or end.
- Non-empty output ends with exactly one ``\\n``; blank input gives ``""``.

Paragraph style is kept: text with blank lines between paragraphs keeps one
blank line between them, text with one paragraph per line keeps one per line.

Each step runs only if its characters occur, found with ``in`` (a fast C
search, chunk by chunk on large texts: :mod:`._occur`); the patterns are fixed
strings or single-character runs, so the cost is linear on any input,
including one 20 MB line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import register
from ._chars import has_line_edge, has_space_run, unusual_runs
from ._occur import occurring
from .base import Normalizer

#: Line breaks other than ``\n``, longest first (``\r\n`` before ``\r``).
LINE_BREAKS = ("\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
#: Whitespace within a line other than the space: ``str.isspace`` characters
#: that are not line breaks (the test-suite checks this against Python's table).
SPACES = ("\t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u202f\u205f\u3000")

# Literal prefixes ("  ", "\n\n\n") let the regex engine skip quickly to candidates.
_SPACE_RUN = re.compile("  +")
_NEEDLES = (*LINE_BREAKS, *SPACES, "  ")
#: Any line break but "\n" and any space but " ": all are unusual characters
#: (:mod:`._chars`), so this class is searched among those alone.
_ODD = re.compile("[" + "".join(sorted({c for s in (*LINE_BREAKS, *SPACES) for c in s} - {"\n"})) + "]")
_BLANK_RUN = re.compile("\n\n\n+")


def normalize_whitespace(text: str) -> str:
    """Unify line breaks and spaces, trim lines, keep at most one blank line."""
    if _ODD.search(unusual_runs(text)):
        present = occurring(text, _NEEDLES)
    else:                         # the usual case: only plain spaces and "\n"
        present = ["  "] if has_space_run(text) else []
    spaced = False
    for item in present:          # line breaks first, "\r\n" before "\r"
        if item in LINE_BREAKS:
            text = text.replace(item, "\n")
        elif item in SPACES:
            text = text.replace(item, " ")
            spaced = True
    if "  " in present or (spaced and "  " in text):
        text = _SPACE_RUN.sub(" ", text)
    if has_line_edge(text):
        # No two spaces are adjacent now, so one replace per side is enough.
        text = text.replace(" \n", "\n").replace("\n ", "\n")
        if "\n\n\n" in text:
            text = _BLANK_RUN.sub("\n\n", text)
    if text[:1] in (" ", "\n"):
        text = text.lstrip(" \n")
    if not text:
        return ""
    if text[-1] != "\n" or text[-2:] in ("\n\n", " \n"):
        text = text.rstrip(" \n") + "\n"
    return text


@register
@dataclass(frozen=True)
class Whitespace(Normalizer):
    """Unify line breaks and spaces, trim lines, keep at most one blank line."""

    name = "whitespace"

    def normalize(self, text: str) -> str:
        return normalize_whitespace(text)

    def normalize_again(self, text: str, *, before: str, after: str) -> str:
        """``normalize(text)``; nothing to do on text this normalizer returned.

        Its output is a fixed point (it holds only ``\\n`` breaks, single spaces
        inside lines, no edge spaces, no two blank lines in a row and one
        final newline, which is all it changes), so when the text is still
        what it returned last time there is nothing to read.
        """
        if text is after or text == after:
            return text
        return normalize_whitespace(text)
