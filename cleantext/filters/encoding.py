"""Encoding repair with ftfy, keeping the text's meaning.

Fixes mojibake, HTML entities left in text, C1 controls and lone surrogates,
but, unlike ftfy's defaults, keeps curly quotes, full-width punctuation and
ligatures as written, and normalizes to NFC (not NFKC, so ``10³`` stays).
"""
from __future__ import annotations

from dataclasses import dataclass

import re

import ftfy

from ..registry import register
from .base import Normalizer


#: What ftfy must not see before it repairs mojibake (see Encoding.normalize):
#: line separators (form feed, U+2028, U+2029), tabs and space separators other than the plain space, the
#: control characters ftfy removes anyway (ftfy.chardata.CONTROL_CHARS) but
#: ESC, which ftfy reads first as the start of a terminal escape sequence.
_PREPASS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029"
                      "\u202f\u205f\u206a-\u206f\u3000\ufeff\ufff9-\ufffc]")
_LEAD_AS_LATIN1 = frozenset(map(chr, range(0xC2, 0xF5)))  # UTF-8 lead bytes read as Latin-1
#: Spaces at the edges of lines, and runs of spaces.  Linear time: the
#: lookbehinds let a run be tried only from its first space.
_EDGE_SPACES = re.compile("(?<![ ]) +(?=\n)|(?<=\n) +|^ +|(?<![ ]) +$")
_SPACE_RUN = re.compile(" {2,}")
_ODD_SPACES = frozenset("\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _prepass(text: str, drop_controls: bool) -> str:
    """``text`` with whitespace as the whitespace normalizer leaves it, and stray controls dropped.

    Line separators become "\n", tabs and odd spaces " ", runs of spaces one
    space, and lines lose their edge spaces; blank lines stay.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    def repl(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in "\x0c\u2028\u2029":
            return "\n"
        if ch in _ODD_SPACES:
            i = m.start()
            return ch if ch == "\u00a0" and i and text[i - 1] in _LEAD_AS_LATIN1 else " "
        return "" if drop_controls else ch

    text = _PREPASS.sub(repl, text)
    return _SPACE_RUN.sub(" ", _EDGE_SPACES.sub("", text))


@register
@dataclass(frozen=True)
class Encoding(Normalizer):
    """Repair mojibake and stray encoding damage with ftfy, meaning-preserving."""

    name = "encoding"

    #: ftfy options, passed through to :class:`ftfy.TextFixerConfig`.
    #: Defaults keep typography: no quote uncurling, no width folding, NFC.
    config: ftfy.TextFixerConfig = ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        normalization="NFC",
        explain=False,
    )

    def normalize(self, text: str) -> str:
        # Found by the property tests (tests/test_properties_regressions.py):
        # - a byte-order mark or control character anywhere in a line keeps
        #   ftfy from re-encoding the line, so its mojibake stays; ftfy deletes
        #   them anyway, so they go first;
        # - an unusual space right after mojibake ("ArtykuÅ‚\xa0sponsorowany",
        #   as when an &nbsp; entity is decoded right in a page decoded wrong)
        #   hides the sequence from ftfy, which then fixes it only on a second
        #   cleaning, after whitespace normalization: not idempotent.  Such
        #   spaces become plain spaces first (whitespace normalization makes
        #   them so anyway); a no-break space after a UTF-8 lead byte read as
        #   Latin-1 ("Â\xa0", "Ã\xa0") is part of the mojibake and stays;
        # - ftfy repairs line by line, and sees only "\n" as a line break: other
        #   breaks (which whitespace normalization turns into "\n" later)
        #   become "\n" first, or a second cleaning repairs differently
        #   ("Ü\ud800\r\x80"); likewise spaces at line edges and in runs
        #   ("Â\t0", " Â 0"), which ftfy reads as mojibake of a no-break
        #   space only once whitespace normalization has tidied them.
        if not text.isascii():
            text = _prepass(text, self.config.remove_control_chars)
        return ftfy.fix_text(text, self.config)
