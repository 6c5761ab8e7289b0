"""Invisible and odd characters: removed, or turned into plain spaces.

Invisible format characters hide words from every rule that reads text:
``sub\\u200bscribe`` looks like "subscribe" but matches no phrase list.  This
normalizer

- **removes** the zero-width space (U+200B), word joiner (U+2060), byte-order
  mark / zero-width no-break space (U+FEFF), soft hyphen (U+00AD) and the bidi
  embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
  They are invisible, so the text reads the same without them;
- **keeps** the zero-width joiner and non-joiner (U+200D, U+200C) where they
  carry meaning: next to emoji (``👩‍💻``, ``🏳️‍🌈``) and in scripts whose shaping
  depends on them (Arabic and Persian ``می‌خواهم``, Syriac, N'Ko, the Indic
  scripts, Sinhala, Tibetan, Myanmar, Khmer, Mongolian).  Elsewhere
  (``sub\\u200cscribe``) they are removed;
- **turns** the no-break space and the other Unicode space separators
  (U+1680, U+2000–U+200A, U+202F, U+205F, U+3000) into plain spaces.

Left alone: the left-to-right and right-to-left marks (U+200E, U+200F), which
decide how neutral characters such as digits and punctuation are shown in
right-to-left text, and variation selectors, which pick emoji or text style.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import register
from ._changes import changed_window
from ._chars import unusual_runs
from .base import Normalizer

#: Invisible characters removed wherever they are.
REMOVED = (
    "\u00ad"                                   # soft hyphen
    "\u200b"                                   # zero-width space
    "\u2060"                                   # word joiner
    "\ufeff"                                   # byte-order mark, zero-width no-break space
    "\u202a\u202b\u202c\u202d\u202e"           # bidi embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"                 # bidi isolates
)
#: Space separators (Unicode category Zs) other than the space itself.
SPACE_SEPARATORS = ("\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                    "\u2008\u2009\u200a\u202f\u205f\u3000")
#: Zero-width joiner and non-joiner.
JOINERS = "\u200c\u200d"

# Characters next to which a joiner means something: scripts that shape with
# joiners, and emoji (with their variation selector and skin-tone modifiers).
_JOINING_CONTEXT = (
    "\u0600-\u08ff"          # Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic ext.
    "\u0900-\u0dff"          # Devanagari ... Malayalam, Sinhala
    "\u0f00-\u0fff"          # Tibetan
    "\u1000-\u109f"          # Myanmar
    "\u1780-\u18af"          # Khmer, Mongolian
    "\u1cd0-\u1cff"          # Vedic extensions
    "\ua8e0-\ua8ff\ua9e0-\ua9ff\uaa60-\uaa7f"   # Devanagari ext., Myanmar ext.
    "\ufb50-\ufdff\ufe70-\ufefe"                # Arabic presentation forms
    "\U00010d00-\U00010d3f\U00011000-\U00011dff"  # Hanifi Rohingya, historic Brahmic scripts
    "\u00a9\u00ae\u203c\u2049\u2122\u2139"      # symbols with emoji presentation
    "\u2190-\u21ff\u2300-\u23ff\u24c2\u25a0-\u27bf\u2934\u2935\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299"
    "\ufe0f\u20e3"                              # emoji variation selector, keycap
    "\U0001f000-\U0001faff"                     # emoji, skin tones, flags
)
#: A run of joiners with no meaningful neighbour on either side.  It starts
#: with a joiner (so the regex engine skips quickly to candidates), checks
#: that the character before it is neither context nor a joiner (so a match
#: only starts at the first joiner of a run), and takes the whole run or
#: nothing: linear time, even on long runs.
_STRAY_JOINERS = re.compile(
    f"[{JOINERS}](?<![{_JOINING_CONTEXT}{JOINERS}][{JOINERS}])[{JOINERS}]*"
    f"(?![{_JOINING_CONTEXT}{JOINERS}])")


#: Any character this normalizer acts on: one quick scan of the text's unusual
#: characters (:mod:`._chars`) decides whether there is work.
_ANY = re.compile(f"[{REMOVED}{SPACE_SEPARATORS}{JOINERS}]")
#: Characters removed or spaced: replaced in one pass, so a large text is copied once.
_REPLACED = re.compile(f"[{REMOVED}{SPACE_SEPARATORS}]")
_REPLACEMENT = {**dict.fromkeys(REMOVED, ""), **dict.fromkeys(SPACE_SEPARATORS, " ")}


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENT[match.group()]


def normalize_invisible(text: str) -> str:
    """Remove invisible characters, keep meaningful joiners, unify space separators."""
    if text.isascii() or not _ANY.search(unusual_runs(text)):
        return text
    text = _REPLACED.sub(_replacement, text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINERS.sub("", text)
    return text


@register
@dataclass(frozen=True)
class Invisible(Normalizer):
    """Remove zero-width and bidi control characters; keep meaningful joiners; plain spaces."""

    name = "invisible"

    def normalize(self, text: str) -> str:
        return normalize_invisible(text)

    def normalize_again(self, text: str, *, before: str, after: str) -> str:
        """``normalize(text)``, reading only the lines changed since the last look.

        Every rule here works within a line (a line break is neither a joiner
        nor joining context), so the text is unchanged exactly when the lines
        of :func:`._changes.changed_window` are: the others were left as they
        were on the last look and have not changed since.
        """
        window = changed_window(before, after, text)
        if window is None:
            return text
        start, end = window
        part = text[start:end]
        if end - start < len(text) and normalize_invisible(part) == part:
            return text
        return normalize_invisible(text)
