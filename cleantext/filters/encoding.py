"""Encoding repair with ftfy, keeping the text's meaning.

What is fixed (ftfy's own fixers):

- mojibake, including two layers (``Ã¢â‚¬â„¢`` → ``’``), and the Latin-1 /
  Windows-1252 mix-up;
- HTML entities left in text (``&amp;``, ``&eacute;``, ``&#8217;``), unless the
  text holds a ``<`` and may be HTML;
- C1 control characters (``\\x80``–``\\x9f``, read as Windows-1252), lone
  surrogates (→ U+FFFD), terminal escapes and stray control characters;
- Unicode normalization to **NFC**.

What is kept, unlike ftfy's defaults: curly quotes, full-width CJK punctuation
(``，。「」``), ligatures as written (``ﬁ``) and compatibility characters such
as ``10³`` or ``½`` (NFC, not NFKC).  Look-alikes of mojibake in real words
(``¡Hola!``, ``Łódź``, ``IL Y MARQUÉ…``) pass untouched: ftfy's heuristic only
acts on sequences that are very unlikely in real text.

Options are ftfy's own :class:`ftfy.TextFixerConfig`, passed through, so every
ftfy switch is available::

    Encoding(config={"uncurl_quotes": True, "normalization": "NFKC"})

Speed: ftfy runs only on the lines a cheap scan flags as possibly broken
(:mod:`._ftfy_scan`); the result is the same as ``ftfy.fix_text`` on the whole
text with the same config.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

import ftfy

from ..registry import register
from ._ftfy_scan import fix_text
from .base import Normalizer

#: The meaning-preserving ftfy configuration: no quote uncurling, no width or
#: ligature folding, NFC.  Everything else is ftfy's default.
KEEP_MEANING = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    explain=False,
)


def fixer_config(value: ftfy.TextFixerConfig | Mapping[str, Any]) -> ftfy.TextFixerConfig:
    """A :class:`ftfy.TextFixerConfig` from itself or from a mapping of its fields.

    A mapping (as a TOML config file gives) changes fields of
    :data:`KEEP_MEANING`; unknown field names raise ``TypeError``.
    """
    if isinstance(value, ftfy.TextFixerConfig):
        return value
    if isinstance(value, Mapping):
        unknown = set(value) - set(ftfy.TextFixerConfig._fields)
        if unknown:
            raise TypeError(f"unknown ftfy option(s) {', '.join(sorted(unknown))}; "
                            f"known: {', '.join(ftfy.TextFixerConfig._fields)}")
        return KEEP_MEANING._replace(**value)
    raise TypeError(f"config must be an ftfy.TextFixerConfig or a mapping of its fields, "
                    f"not {type(value).__name__}")


@register
@dataclass(frozen=True)
class Encoding(Normalizer):
    """Repair mojibake and stray encoding damage with ftfy, meaning-preserving."""

    name = "encoding"

    #: ftfy options, as an :class:`ftfy.TextFixerConfig` or a mapping of its
    #: fields over :data:`KEEP_MEANING` (keeps typography, NFC).
    config: Union[ftfy.TextFixerConfig, Mapping[str, Any]] = KEEP_MEANING

    def __post_init__(self) -> None:
        object.__setattr__(self, "config", fixer_config(self.config))

    def normalize(self, text: str) -> str:
        return fix_text(text, self.config)  # type: ignore[arg-type]
