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


#: Unusual spaces: a no-break space not preceded by a Latin-1 reading of a
#: UTF-8 lead byte, and every other space separator but the plain space.
_ODD_SPACE = re.compile("(?<![\u00c2-\u00f4])\u00a0|[\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: The control characters ftfy removes (ftfy.chardata.CONTROL_CHARS) but ESC,
#: which ftfy first reads as the start of a terminal escape sequence.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\u206a-\u206f\ufeff\ufff9-\ufffc]")


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
        #   Latin-1 ("Â\xa0", "Ã\xa0") is part of the mojibake and stays.
        if not text.isascii():
            text = _ODD_SPACE.sub(" ", text)
            if self.config.remove_control_chars:
                text = _STRAY_CONTROL.sub("", text)
        return ftfy.fix_text(text, self.config)
