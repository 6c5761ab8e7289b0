"""Encoding repair with ftfy, keeping the text's meaning.

Fixes mojibake, HTML entities left in text, C1 controls and lone surrogates,
but, unlike ftfy's defaults, keeps curly quotes, full-width punctuation and
ligatures as written, and normalizes to NFC (not NFKC, so ``10³`` stays).
"""
from __future__ import annotations

from dataclasses import dataclass

import ftfy

from ..registry import register
from .base import Normalizer


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
        return ftfy.fix_text(text, self.config)
